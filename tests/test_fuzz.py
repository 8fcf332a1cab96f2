"""Hostile inputs through every command: exit 0, 1 or 2, never a traceback, bounded memory, nothing lost.

The corpus (``fuzz_corpus``, seeded, ≥ 300 cases) is generated here from the demo
workbook and its JSON plan. By default a fast, fixed subset runs (about one case in
ten, the deck on a few of them); ``PLANMKG_FUZZ=full`` runs every case through every
command (several minutes). For each case and command:

- the exit code is 0, 1 or 2 and nothing prints a traceback or an internal error;
- the worker process runs under an address-space ceiling (``MEMORY_MB``);
- read-only commands (export, check, deck, recompute --output) leave the input's bytes alone;
- after recompute (in place or --output), every part recompute does not own is byte-identical
  and no part appears or disappears (but the dropped calculation chain); when it refuses,
  the file is untouched.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from fuzz_corpus import corpus
from planmkg_xl.demo import demo_plan
from planmkg_xl.io.jsonio import plan_to_dict

FULL = os.environ.get("PLANMKG_FUZZ") == "full"
MEMORY_MB = 1536  # address space of the worker: Python, lxml, openpyxl and python-pptx loaded, plus one workbook
TIMEOUT_S = 120
STRIDE = 10  # the fast subset: one case in STRIDE
DECK_CASES = ("label_tabs_newlines", "label_32767_chars", "value_9.9e307")
OWNED = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/calcChain.xml"}


def _sha(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def _parts(data: bytes) -> dict[str, bytes] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return {i.filename: zf.read(i) for i in zf.infolist()}
    except Exception:  # noqa: BLE001 — a damaged input has no parts to compare
        return None


def _owned(name: str) -> bool:
    return name in OWNED or (name.startswith("xl/worksheets/sheet") and name.endswith(".xml"))


def _plan(tmp: Path, demo_xlsm_bytes: bytes) -> tuple[list[dict], dict]:
    """Write the cases to disk and list the commands to run."""
    items, cases = [], {}
    for index, (name, kind, build) in enumerate(corpus(demo_xlsm_bytes, plan_to_dict(demo_plan()))):
        if not FULL and index % STRIDE and name not in DECK_CASES:
            continue
        folder = tmp / f"{index:03d}"
        folder.mkdir()
        data = build()
        if kind == "json":
            src = folder / "plan.json"
            src.write_bytes(data)
            items.append({"case": name, "cmd": "new", "args": ["new", "--from", str(src), str(folder / "new.xlsm")]})
            cases[name] = {"kind": kind, "input": src, "sha": _sha(src)}
            continue
        src, inplace = folder / "Plan.xlsm", folder / "InPlace.xlsm"
        src.write_bytes(data)
        inplace.write_bytes(data)
        cases[name] = {"kind": kind, "input": src, "inplace": inplace, "out": folder / "Out.xlsm", "sha": _sha(src), "data": data}
        items += [
            {"case": name, "cmd": "export", "args": ["export", str(src), "--json", str(folder / "plan.json")]},
            {"case": name, "cmd": "check", "args": ["check", str(src)]},
            {"case": name, "cmd": "recompute", "args": ["recompute", str(inplace)]},
            {"case": name, "cmd": "recompute_output", "args": ["recompute", str(src), "--output", str(folder / "Out.xlsm")]},
        ]
        if FULL or name in DECK_CASES:
            items.append({"case": name, "cmd": "deck", "args": ["deck", str(src), "--output", str(folder / "deck.pptx")]})
    return items, cases


def _check_recompute(before: bytes, after_path: Path, code: int) -> list[str]:
    problems = []
    after = after_path.read_bytes() if after_path.exists() else None
    if code != 0:
        if after is not None and after != before and after_path.name == "InPlace.xlsm":
            problems.append("refused but the file changed")
        if after is not None and after_path.name == "Out.xlsm":
            problems.append("refused but an output was written")
        return problems
    old, new = _parts(before), _parts(after or b"")
    if old is None or new is None:
        return ["recompute succeeded on a package it cannot have read"] if new is None else problems
    if set(old) - {"xl/calcChain.xml"} != set(new) - {"xl/calcChain.xml"}:
        problems.append(f"parts differ: {sorted(set(old) ^ set(new))[:5]}")
    for name in old:
        if name in new and not _owned(name) and old[name] != new[name]:
            problems.append(f"part {name} changed")
    return problems


def test_fuzz_corpus_is_large_enough(demo_xlsm_bytes):
    names = [name for name, _, _ in corpus(demo_xlsm_bytes, plan_to_dict(demo_plan()))]
    assert len(names) >= 300 and len(set(names)) == len(names)
    assert sum(1 for n in names if n.startswith("json_")) >= 60


def test_hostile_inputs(tmp_path, demo_xlsm_bytes):
    items, cases = _plan(tmp_path, demo_xlsm_bytes)
    plan_file, results_file = tmp_path / "plan.json", tmp_path / "results.json"
    plan_file.write_text(json.dumps(items), encoding="utf-8")
    worker = Path(__file__).with_name("fuzz_worker.py")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")]))
    env.pop("PLANMKG_DEBUG", None)
    proc = subprocess.run([sys.executable, str(worker), str(plan_file), str(results_file), str(MEMORY_MB), str(TIMEOUT_S)],
                          capture_output=True, text=True, env=env, timeout=TIMEOUT_S * 20)
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(results_file.read_text(encoding="utf-8"))
    maxrss = results.pop()["maxrss_mb"]
    failures = []
    for r in results:
        case = cases[r["case"]]
        where = f"{r['case']} / {r['cmd']}"
        if r["code"] not in (0, 1, 2):
            failures.append(f"{where}: exit {r['code']}: {(r['exception'] or r['output'])[-600:]}")
        if r["exception"] or "Traceback" in r["output"] or "Internal error" in r["output"]:
            failures.append(f"{where}: {(r['exception'] or r['output'])[-600:]}")
        if r["code"] == 2 and not r["output"].strip():
            failures.append(f"{where}: exit 2 without a message")
        if r["cmd"] in ("export", "check", "deck", "recompute_output", "new") and _sha(case["input"]) != case["sha"]:
            failures.append(f"{where}: the input file changed")
        if r["cmd"] == "recompute":
            failures += [f"{where}: {p}" for p in _check_recompute(case["data"], case["inplace"], r["code"])]
        if r["cmd"] == "recompute_output":
            failures += [f"{where}: {p}" for p in _check_recompute(case["data"], case["out"], r["code"])]
    assert not failures, "\n".join(failures[:40]) + f"\n({len(failures)} problems; worker peak RSS {maxrss} MB)"
    assert maxrss < MEMORY_MB
