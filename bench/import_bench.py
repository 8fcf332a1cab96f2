"""Benchmark: `planmkg import` of big exports vs a bare `pandas.read_csv` of the same file.

Two exports — a HubSpot-style deals CSV and a French invoice CSV (`;`, decimal commas,
dd/mm/yyyy dates; imported with the customer segmentation) — at 10 k, 100 k and 1 M rows.
Each measurement is a fresh process, so its peak memory (ru_maxrss) is its own:

* ``bare``: ``pandas.read_csv(path, sep=…)`` with its defaults and the file's separator (the reference);
* ``read``: our reader + aggregation (what the import does with pandas);
* ``import``: the whole ``planmkg import`` into a workbook (reading, aggregation, cell
  changes, surgical write, recompute of derived cells and checks).

Ratios are taken within the run, on the same file. Usage:

    python bench/import_bench.py                 # 10k, 100k, 1M rows
    python bench/import_bench.py --sizes 10000 100000

Results go to bench/results/import.md (and .json).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = r"""
import json, resource, sys, time
mode, path, plan = sys.argv[1], sys.argv[2], sys.argv[3]
import pandas as pd  # imported before the clock starts in every mode: the work is timed, not the interpreter
import pyarrow.csv
from planmkg_xl import app
from planmkg_xl.sources import aggregate as _a, read as _r
t0 = time.perf_counter()
if mode == "bare":
    frame = pd.read_csv(path, sep=";" if path.startswith("invoices") or "/invoices" in path else ",")
    rows = len(frame)
elif mode == "read":
    from planmkg_xl.model.plan import Plan
    from planmkg_xl.model.schema import default_scalars
    from planmkg_xl.sources.aggregate import aggregate
    from planmkg_xl.sources.read import read_export
    export = read_export(path)
    result = aggregate(export, Plan("fr", default_scalars()), 2025, "fr")
    rows = export.rows_read
else:
    from planmkg_xl import app
    report = app.import_files(plan, [path], year=2025)
    rows = report.files[0].rows_read
elapsed = time.perf_counter() - t0
print(json.dumps({"seconds": elapsed, "rows": rows, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def write_deals(path: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    stages = ("Closed Won", "Closed Lost", "Appointment Scheduled", "Closed Won")
    lines = [f"Offre {i}" for i in range(25)]
    base = dt.date(2024, 1, 1)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Pipeline,Associated Company,Deal owner\n")
        for i in range(n):
            created = base + dt.timedelta(days=rng.randrange(700))
            close = created + dt.timedelta(days=rng.randrange(90))
            fh.write(f"{10_000_000 + i},Deal {i},{stages[i % 4]},{rng.randrange(100, 90_000)}.{rng.randrange(100):02d},"
                     f"{close.isoformat()} 10:00,{created.isoformat()},{lines[i % 25]},Client {rng.randrange(50_000)},Owner {i % 40}\n")


def write_invoices(path: Path, n: int, seed: int = 8) -> None:
    rng = random.Random(seed)
    base = dt.date(2021, 1, 1)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("N° de facture;Client;Date facture;Montant HT;Devise\n")
        for i in range(n):
            d = base + dt.timedelta(days=rng.randrange(1_825))
            fh.write(f"F{i:08d};C{rng.randrange(max(1, n // 20)):06d};{d.day:02d}/{d.month:02d}/{d.year};"
                     f"{rng.randrange(50, 40_000)},{rng.randrange(100):02d};EUR\n")


def measure_once(mode: str, path: Path, plan: Path) -> dict:
    if mode == "import":
        from planmkg_xl import app

        app.new_workbook(plan, force=True)
    out = subprocess.run([sys.executable, "-c", CHILD, mode, str(path), str(plan)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(path: Path, plan: Path, runs: int) -> dict:
    """Each mode ``runs`` times, interleaved (bare, read, import, bare, …) so that a change in the machine's load
    falls on all three alike; the median time and the largest peak of each."""
    results: dict[str, list[dict]] = {m: [] for m in MODES}
    loads = []
    for _ in range(runs):
        for mode in MODES:
            loads.append(os.getloadavg()[0])
            results[mode].append(measure_once(mode, path, plan))
    return {m: {"seconds": statistics.median(r["seconds"] for r in rs), "peak_mb": max(r["peak_mb"] for r in rs),
                "rows": rs[0]["rows"], "all_seconds": [round(r["seconds"], 3) for r in rs]} for m, rs in results.items()} | {
        "load": (min(loads), max(loads))}


MODES = ("bare", "read", "import")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        plan = tmp / "Plan.xlsm"
        for kind, writer in (("deals", write_deals), ("invoices", write_invoices)):
            for n in args.sizes:
                path = tmp / f"{kind}_{n}.csv"
                writer(path, n)
                size_mb = path.stat().st_size / 1e6
                res = measure(path, plan, args.runs)
                row = {"export": kind, "rows": n, "size_mb": round(size_mb, 1), **{
                    f"{m}_{k}": round(res[m][k], 3) for m in MODES for k in ("seconds", "peak_mb")},
                    **{f"{m}_runs": res[m]["all_seconds"] for m in MODES}, "load_min": res["load"][0], "load_max": res["load"][1]}
                for m in ("read", "import"):  # the ratio within each round (bare and ours a few seconds apart), then its median
                    ratios = sorted(a / b for a, b in zip(row[f"{m}_runs"], row["bare_runs"]))
                    row[f"{m}_ratio"] = round(statistics.median(ratios), 2)
                    row[f"{m}_ratio_range"] = (round(ratios[0], 2), round(ratios[-1], 2))
                rows.append(row)
                print(rows[-1], flush=True)
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    import pandas
    import pyarrow

    meta = {"date": dt.datetime.now().isoformat(timespec="seconds"), "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, pandas {pandas.__version__}, pyarrow {pyarrow.__version__}", "runs": args.runs}
    (out / "import.json").write_text(json.dumps({"meta": meta, "rows": rows}, indent=2), encoding="utf-8")
    lines = [f"# Import benchmark — {meta['date']}", "",
             f"Machine: {meta['machine']}; median of {args.runs} run(s), each in a fresh process, the three modes "
             f"interleaved (peak memory = that process's maximum resident set; load = 1-minute load average during the runs).", "",
             "Times are medians; « ÷ bare » is the median of the ratios taken round by round (the bare read and ours a few "
             "seconds apart), with the lowest and highest round in brackets.", "",
             "| export | rows | file MB | bare read_csv s | read+aggregate s | ÷ bare | full import s | ÷ bare | "
             "bare peak MB | import peak MB | load |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['export']} | {r['rows']:,} | {r['size_mb']} | {r['bare_seconds']:.2f} | {r['read_seconds']:.2f} | "
                     f"{r['read_ratio']:.2f} ({r['read_ratio_range'][0]:.1f}–{r['read_ratio_range'][1]:.1f}) | {r['import_seconds']:.2f} | "
                     f"{r['import_ratio']:.2f} ({r['import_ratio_range'][0]:.1f}–{r['import_ratio_range'][1]:.1f}) | "
                     f"{r['bare_peak_mb']:.0f} | {r['import_peak_mb']:.0f} | {r['load_min']:.1f}–{r['load_max']:.1f} |")
    lines += ["", "Goals (issue 11): import ≤ 2 × a bare `pandas.read_csv` of the same file; peak memory ≤ 1 GB at 1 M rows.",
              "« bare » is `pandas.read_csv(path, sep=…)` with the file's separator and pandas' defaults otherwise: every column, "
              "types inferred, so on the French invoice file the amounts (`1234,56`) and the dates (`31/12/2025`) stay text.",
              "« read+aggregate » is `sources.read.read_export` + `sources.aggregate.aggregate` (typed columns, checks, the "
              "table rows and the segmentation); « full import » is `app.import_files`: that plus reading the workbook, "
              "writing the cells and recomputing derived cells and checks."]
    sizes = sorted({r["rows"] for r in rows})
    if len(sizes) > 1:
        lines += ["", f"Growth from {sizes[0]:,} to {sizes[-1]:,} rows (time ratio):", ""]
        for kind in ("deals", "invoices"):
            a = next(r for r in rows if r["export"] == kind and r["rows"] == sizes[0])
            b = next(r for r in rows if r["export"] == kind and r["rows"] == sizes[-1])
            lines.append(f"- {kind}: bare × {b['bare_seconds'] / a['bare_seconds']:.0f}, read+aggregate × "
                         f"{b['read_seconds'] / a['read_seconds']:.0f}, full import × {b['import_seconds'] / a['import_seconds']:.0f} "
                         f"(rows × {sizes[-1] // sizes[0]})")
    record = out / "import.md"
    earlier = record.read_text(encoding="utf-8") if record.exists() else ""
    if earlier:  # the earlier records and their readings stay below the new one (they are the history of the goal)
        lines += ["", "The earlier records, kept as they were written:", "", earlier.rstrip("\n")]
    record.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
