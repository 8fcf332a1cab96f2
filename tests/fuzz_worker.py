"""Run planmkg commands over fuzz cases in one process under a memory ceiling; write what happened as JSON.

Usage: python fuzz_worker.py PLAN.json RESULTS.json MEMORY_MB TIMEOUT_S

PLAN is a list of {"case", "args"}. Each command runs in-process through the CLI (as a
user's shell would, minus the interpreter start-up), with an alarm as time limit. The
address-space limit (RLIMIT_AS) makes a zip bomb or an unbounded read fail with
MemoryError — an exit 3 the test then reports — instead of taking the machine down.
"""
from __future__ import annotations

import json
import resource
import signal
import sys
import time
import traceback


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout("command took too long")


def main() -> None:
    plan_path, results_path, memory_mb, timeout_s = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from click.testing import CliRunner

    from planmkg_xl.cli import main as cli

    signal.signal(signal.SIGALRM, _alarm)
    results = []
    for item in json.load(open(plan_path, encoding="utf-8")):
        start = time.monotonic()
        signal.alarm(timeout_s)
        try:
            result = CliRunner().invoke(cli, item["args"], catch_exceptions=True)
            code, output = result.exit_code, result.output
            exc = None if result.exception is None or isinstance(result.exception, SystemExit) else \
                "".join(traceback.format_exception(result.exception))[-1500:]
        except BaseException as e:  # noqa: BLE001 — the harness must report, not die
            code, output, exc = -1, "", "".join(traceback.format_exception(e))[-1500:]
        finally:
            signal.alarm(0)
        results.append({**item, "code": code, "output": output[-1500:], "exception": exc,
                        "seconds": round(time.monotonic() - start, 2)})
    results.append({"maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024})
    json.dump(results, open(results_path, "w", encoding="utf-8"))


if __name__ == "__main__":
    main()
