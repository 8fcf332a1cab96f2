"""Benchmark: cold `planmkg` commands vs LibreOffice recalculation and a bare calamine read.

Each command runs as a fresh process (cold: imports included), several times; the
median is kept. Ratios are taken within the same run, on the same file, so they hold
on any machine. Usage:

    python bench/bench.py            # demo and large plans, 3 runs each
    python bench/bench.py --runs 5

Results go to bench/results/latest.md (and .json).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from planmkg_xl import app  # noqa: E402
from planmkg_xl.demo import demo_plan  # noqa: E402
from planmkg_xl.model.plan import Plan  # noqa: E402


def large_plan() -> Plan:
    """≥ 500 offer lines, 5 000 emailing rows, 1 000 events (deterministic)."""
    base = demo_plan()
    t = dict(base.tables)
    t["commercial"] = [{"line": f"Offre {i}", "kind": "product" if i % 3 else "service", "opportunities": 40 + i % 50,
                        "deals": 10 + i % 20, "customers": 8 + i % 15, "revenue": 50_000 + 1_000 * (i % 97),
                        "revenue_prev": 48_000 + 900 * (i % 89), "target_revenue": 55_000 + 1_100 * (i % 97)} for i in range(520)]
    t["channels"] = [{"line": f"Offre {i}", "direct_smb": 30_000 + i, "distributors": 20_000 + i} for i in range(520)]
    t["emailing"] = [{"campaign": f"Campagne {i}", "sent": 1_000 + i % 700, "bounces": 20 + i % 30, "unique_opens": 250 + i % 90,
                      "unique_clicks": 30 + i % 25, "unsubscribes": i % 7, "leads": i % 9, "spend": 100 + i % 400} for i in range(5_000)]
    t["events"] = [{"event": f"Événement {i}", "type": "webinar", "spend": 1_000 + 37 * (i % 50), "attendees": 20 + i % 80,
                    "leads": 5 + i % 30, "qualified_leads": 2 + i % 10, "opportunities": 1 + i % 5, "revenue_won": 5_000 * (i % 4)}
                   for i in range(1_000)]
    return Plan(base.lang, dict(base.scalars), t)


def long_text_plan() -> Plan:
    """The demo with every text field of every row at Excel's 32 767-character limit (issue 9: the deck cuts them)."""
    from planmkg_xl.model.fields import Kind
    from planmkg_xl.model.schema import TABLES

    base = demo_plan()
    tables = {}
    for key, rows in base.tables.items():
        longs = [f.key for f in TABLES[key].inputs if f.kind == Kind.LONGTEXT]
        tables[key] = [{**row, **{k: ("Texte long " * 3300)[:32_767] for k in longs}} for row in rows]
    return Plan(base.lang, dict(base.scalars), tables)


def timed(cmd: list[str], runs: int, ok: tuple[int, ...] = (0,)) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, timeout=900)
        samples.append(time.perf_counter() - start)
        if done.returncode not in ok:
            raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "results" / "latest")
    args = parser.parse_args()
    soffice = shutil.which("soffice")
    planmkg = [sys.executable, "-m", "planmkg_xl"]
    # pip compiles .pyc files at install time; an environment that never writes them (PYTHONDONTWRITEBYTECODE)
    # would make every cold run compile our ~20 000 lines again (~0.1-0.2 s): compile once, as bench/ribbon_import.py does.
    import compileall

    import planmkg_xl

    compileall.compile_dir(str(Path(planmkg_xl.__file__).parent), quiet=1)
    work = Path(tempfile.mkdtemp(prefix="planmkg-bench-"))
    results = {"date": dt.datetime.now().isoformat(timespec="seconds"), "machine": f"{platform.machine()}, {platform.python_version()}",
               "runs": args.runs, "load_before": round(os.getloadavg()[0], 1), "plans": {}}
    from lo import strip_cached_values

    for name, plan in (("demo", demo_plan()), ("large", large_plan()), ("long_text", long_text_plan())):
        path = work / f"{name}.xlsm"
        path.write_bytes(app.build_xlsm(plan))
        stripped = work / f"{name}_nocache.xlsm"
        stripped.write_bytes(strip_cached_values(path.read_bytes()))
        row = {"size_kb": round(path.stat().st_size / 1024)}
        row["calamine_read"] = timed([sys.executable, "-c", "import sys, python_calamine as c; wb = c.CalamineWorkbook.from_path(sys.argv[1]);"
                                      " [wb.get_sheet_by_name(n).to_python() for n in wb.sheet_names]", str(path)], args.runs)
        if soffice:
            profile = work / "lo_profile"
            row["libreoffice_recalc"] = timed([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--calc", "--convert-to",
                                               "xlsx", "--outdir", str(work / "lo"), str(stripped)], args.runs)
        row["export_json"] = timed(planmkg + ["export", str(path), "--json", str(work / f"{name}.json")], args.runs)
        copy = work / f"{name}_copy.xlsm"
        row["recompute"] = timed(planmkg + ["recompute", str(path), "--output", str(copy), "--force"], args.runs)
        for extra, cmd in (("check", ["check", str(path)]), ("deck", ["deck", str(path), "--output", str(work / f"{name}.pptx"), "--force"])):
            probe = subprocess.run(planmkg + [extra, "--help"], capture_output=True)
            if probe.returncode == 0:
                row[extra] = timed(planmkg + cmd, args.runs, ok=(0, 1) if extra == "check" else (0,))  # check: 1 = findings
        deck = work / f"{name}.pptx"
        if soffice and deck.exists():
            row["libreoffice_deck_pdf"] = timed([soffice, f"-env:UserInstallation=file://{work / 'lo_profile'}", "--headless", "--convert-to",
                                                 "pdf", "--outdir", str(work / "pdf"), str(deck)], args.runs)
        results["plans"][name] = row
    results["load_after"] = round(os.getloadavg()[0], 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_suffix(".json").write_text(json.dumps(results, indent=2) + "\n")
    record = args.out.with_suffix(".md")
    earlier = record.read_text(encoding="utf-8") if record.exists() else ""
    text = render(results)
    if earlier:  # earlier records and their hand-written readings stay below the new one
        text = text.rstrip("\n") + "\n\nThe earlier records, kept as they were written:\n\n" + earlier
    record.write_text(text, encoding="utf-8")
    print(render(results))


def render(results: dict) -> str:
    lines = [f"# Benchmark — {results['date']}", "", f"Machine: {results['machine']}; median of {results['runs']} cold runs each "
             f"(bytecode compiled first, as an installed package has it). Load average (2 cores) "
             f"{results.get('load_before', '?')} at the start, {results.get('load_after', '?')} at the end: compare ratios taken "
             f"in the same run.", "",
             "| plan | size | command | seconds | ÷ LibreOffice recalc of the workbook | ÷ bare calamine read |", "|---|---|---|---|---|---|"]
    for name, row in results["plans"].items():
        lo, cal = row.get("libreoffice_recalc"), row["calamine_read"]
        for key, value in row.items():
            if key == "size_kb":
                continue
            ratio_lo = f"{value / lo:.2f}" if lo else "n/a"
            lines.append(f"| {name} | {row['size_kb']} KB | {key} | {value:.3f} | {ratio_lo} | {value / cal:.1f} |")
    lines += ["", "Targets: `check` ≤ 0.35 × LibreOffice recalculation (issue 4); `deck` compared with LibreOffice's PDF conversion of the"
              " same deck (issue 5):", ""]
    for name, row in results["plans"].items():
        if "check" in row and row.get("libreoffice_recalc"):
            lines.append(f"- {name}: check / LibreOffice recalc = {row['check'] / row['libreoffice_recalc']:.2f}")
        if "deck" in row and row.get("libreoffice_deck_pdf"):
            lines.append(f"- {name}: deck / LibreOffice PDF of the deck = {row['deck'] / row['libreoffice_deck_pdf']:.2f}")
    if "long_text" in results["plans"] and "deck" in results["plans"]["long_text"]:
        lines.append(f"- long_text: deck / demo deck = {results['plans']['long_text']['deck'] / results['plans']['demo']['deck']:.2f}"
                     " (32 767-character texts are cut to 600 on the slides)")
    demo, large = results["plans"]["demo"], results["plans"]["large"]
    lines += ["", "Growth from demo to large (time ratio large / demo):", ""]
    lines += [f"- {k}: ×{large[k] / demo[k]:.1f}" for k in demo if k != "size_kb" and k in large]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
