"""Hostile exports: every preset's valid export, mutated the ways files get damaged or odd in real life.

Whatever the file, ``planmkg import`` either imports it or says why (a ``PlanError``: what, where, how to fix):
never another exception, never a traceback. A mutated file that still imports must give figures the plan can hold
(no NaN, no infinity) and keep a formula-looking label as text in the workbook.
"""
from __future__ import annotations

import datetime as dt
import math
import random

import pytest

from planmkg_xl import app
from planmkg_xl.errors import PlanError
from planmkg_xl.model.plan import Plan
from planmkg_xl.model.schema import default_scalars

import exports as ex

TODAY = dt.date(2026, 1, 15)
CASES_PER_FILE = 24


def _valid_exports(tmp_path):
    """(name, bytes) of one valid export per preset family, as their writers' tests produce them."""
    out = []
    for pid in ("hubspot-deals", "salesforce-opportunities", "pipedrive-deals"):
        headers, rows, _ = ex.deals(pid, n=25)
        out.append((f"{pid}.csv", ex.write_csv(tmp_path / f"{pid}.csv", headers, rows).read_bytes()))
    for pid in ("hubspot-contacts", "salesforce-leads"):
        headers, rows, _ = ex.leads(pid, n=25)
        out.append((f"{pid}.csv", ex.write_csv(tmp_path / f"{pid}.csv", headers, rows).read_bytes()))
    headers, rows, _, preamble = ex.ga4()
    out.append(("ga4.csv", ex.write_csv(tmp_path / "ga4.csv", headers, rows, preamble=preamble).read_bytes()))
    for pid in ("brevo-campaigns", "mailchimp-campaigns"):
        headers, rows, _ = ex.campaigns(pid)
        out.append((f"{pid}.csv", ex.write_csv(tmp_path / f"{pid}.csv", headers, rows).read_bytes()))
    rng = random.Random(7)
    events = [[f"Salon {i}", rng.choice(("Salon", "Webinar")), f"2025-{1 + i % 12:02d}-15", rng.randrange(500, 20000),
               rng.randrange(10, 900), rng.randrange(5, 90)] for i in range(15)]
    out.append(("evenements.csv", ex.write_csv(tmp_path / "evenements.csv", ["Événement", "Type", "Date", "Coût", "Participants", "Leads"],
                                               events, delimiter=";").read_bytes()))
    spend = [[rng.choice(("SEO", "SEM", "Salons", "Newsletter")), f"2025-{m:02d}", f"{rng.randrange(100, 9000)},50"] for m in range(1, 13)]
    out.append(("depenses.csv", ex.write_csv(tmp_path / "depenses.csv", ["Poste", "Mois", "Montant"], spend, delimiter=";").read_bytes()))
    kpis = [[k, f"2025-{m:02d}", rng.randrange(10, 5000)] for k in ("Leads", "Visites web", "Budget marketing") for m in range(1, 10)]
    out.append(("kpi.csv", ex.write_csv(tmp_path / "kpi.csv", ["Indicateur", "Mois", "Réalisé"], kpis).read_bytes()))
    inv = [[i, c, d, str(a).replace(".", ","), "EUR"] for i, c, d, a in ex.invoices(n_customers=12)]
    out.append(("factures.csv", ex.write_csv(tmp_path / "factures.csv", ["N° de facture", "Client", "Date facture", "Montant HT", "Devise"],
                                             inv, delimiter=";").read_bytes()))
    return out


ODD_VALUES = ["", " ", "NaN", "inf", "-inf", "1e309", "1e-400", "9" * 400, "0000-00-00", "9999-12-31", "1899-12-31", "31/02/2025",
              "=HYPERLINK(\"http://x\")", "+33 1 23", "-", "@SUM(A1)", "\u00a0", "\x00", "'", '"', "«»", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "é" * 5000,
              "1 234,56 €", "(12)", "12 %", "true", "#N/A", "2025-13-01", "25:61", "1,2,3", "0x1F", "١٢٣"]


def _mutate(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", errors="replace")
    lines = text.splitlines(keepends=True)
    body_start = next((i for i, l in enumerate(lines) if not l.startswith("#")), 0) + 1
    op = rng.randrange(12)
    if op == 0:  # truncated mid-file (a download cut short)
        return data[: rng.randrange(1, max(2, len(data)))]
    if op == 1:  # a cell replaced by an odd value
        i = rng.randrange(body_start, max(body_start + 1, len(lines)))
        if i < len(lines):
            delim = ";" if ";" in lines[i] else ","
            cells = lines[i].rstrip("\r\n").split(delim)
            cells[rng.randrange(len(cells))] = rng.choice(ODD_VALUES).replace(delim, " ")
            lines[i] = delim.join(cells) + "\n"
        return "".join(lines).encode("utf-8", errors="surrogatepass")
    if op == 2:  # random bytes spliced in
        at = rng.randrange(len(data))
        return data[:at] + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 40))) + data[at:]
    if op == 3:  # re-encoded in UTF-16 or Windows-1252
        return text.encode(rng.choice(("utf-16", "cp1252")), errors="replace")
    if op == 4:  # only the header
        return "".join(lines[:body_start]).encode()
    if op == 5:  # a row with too many or too few fields
        i = rng.randrange(body_start, max(body_start + 1, len(lines)))
        if i < len(lines):
            lines[i] = lines[i].rstrip("\r\n") + rng.choice((",x,y,z", ";;;;", "")) + "\n" if rng.random() < .5 else lines[i][: len(lines[i]) // 2] + "\n"
        return "".join(lines).encode()
    if op == 6:  # an unbalanced quote
        at = rng.randrange(len(text))
        return (text[:at] + '"' + text[at:]).encode()
    if op == 7:  # a duplicated row (a duplicate id)
        i = rng.randrange(body_start, max(body_start + 1, len(lines)))
        if i < len(lines):
            lines.insert(i, lines[i])
        return "".join(lines).encode()
    if op == 8:  # blank lines and a total row at the end
        return (text + "\n\n" + "Total" + ",1" * 8 + "\n").encode()
    if op == 9:  # CR-only line ends (old Mac) or CRLF
        return text.replace("\n", rng.choice(("\r", "\r\n"))).encode()
    if op == 10:  # header cells shuffled and one renamed
        head = lines[body_start - 1].rstrip("\r\n")
        delim = ";" if ";" in head else ","
        cells = head.split(delim)
        cells[rng.randrange(len(cells))] = rng.choice(("", "Amount", "Montant", "???", "=1+1"))
        lines[body_start - 1] = delim.join(cells) + "\n"
        return "".join(lines).encode()
    return data.replace(b",", b"\t") if rng.random() < .5 else data.replace(b"\n", b"\n\x00", 1)


def _cases(tmp_path):
    rng = random.Random(20261130)
    for name, data in _valid_exports(tmp_path):
        for k in range(CASES_PER_FILE):
            yield f"{name}#{k}", name, _mutate(data, rng)


def test_a_hostile_export_is_imported_or_refused_with_a_message(tmp_path):
    plan = Plan("fr", default_scalars())
    failures, refused, imported = [], 0, 0
    for case, name, data in _cases(tmp_path):
        path = tmp_path / "in" / case.replace("#", "_") / name
        path.parent.mkdir(parents=True)
        path.write_bytes(data)
        try:
            preview = app.import_changes(plan, [path], year=ex.YEAR, today=TODAY)
        except PlanError as exc:
            refused += 1
            text = str(exc)
            if not text.strip() or "Traceback" in text:
                failures.append(f"{case}: empty or raw message: {text[:200]!r}")
            continue
        except Exception as exc:  # noqa: BLE001 - the test's point: name what escaped
            failures.append(f"{case}: {type(exc).__name__}: {exc}"[:400])
            continue
        imported += 1
        for c in preview.changes.cells:
            if isinstance(c.new, float) and not math.isfinite(c.new):
                failures.append(f"{case}: {c.table}.{c.field} row {c.row} would be {c.new}")
    assert not failures, "\n".join(failures[:20])
    assert refused and imported  # the mutations both break files and leave some importable


def test_a_formula_looking_label_stays_text_in_the_workbook(tmp_path):
    """A campaign or offer named « =HYPERLINK(...) » in an export is written as text, never as a formula."""
    from planmkg_xl.io.package import read_package

    plan_path = tmp_path / "Plan.xlsm"
    app.new_workbook(plan_path)
    headers, rows, _ = ex.deals("hubspot-deals", n=10)
    line_col = headers.index(ex.header("hubspot-deals", "line"))
    for r in rows:
        r[line_col] = '=HYPERLINK("http://evil","x")'
    src = ex.write_csv(tmp_path / "deals.csv", headers, rows)
    app.import_files(plan_path, [src], year=ex.YEAR, today=TODAY)
    parts = read_package(plan_path).parts
    sheets = b"".join(v for k, v in parts.items() if k.startswith("xl/worksheets/"))
    assert b"HYPERLINK" not in sheets or b"<f>HYPERLINK" not in sheets
    rows = app.load(plan_path).plan.tables["commercial"]
    assert any(r.get("line") == '=HYPERLINK("http://evil","x")' for r in rows)


def _xlsx_cases(tmp_path):
    """A valid invoice workbook, then damaged the ways a download or a mail gateway damages one."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Export comptable"])
    ws.append(["N° de facture", "Client", "Date facture", "Montant HT", "Devise"])
    for i, c, d, a in ex.invoices(n_customers=8):
        ws.append([i, c, dt.date.fromisoformat(d), a, "EUR"])
    ws.append([None, "Total", None, 1e6, None])
    ws.append(["F9", "Z", dt.datetime(9999, 12, 31), float("nan"), "EUR"])
    wb.save(tmp_path / "valid.xlsx")
    data = (tmp_path / "valid.xlsx").read_bytes()
    rng = random.Random(11)
    yield "valid", data
    yield "truncated", data[: len(data) // 2]
    yield "empty-zip", b"PK\x05\x06" + b"\x00" * 18
    yield "csv-named-xlsx", b"N\xb0;Client\n1;2\n"
    for k in range(8):
        flipped = bytearray(data)
        for _ in range(rng.randrange(1, 20)):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        yield f"flipped{k}", bytes(flipped)


def test_a_damaged_workbook_export_is_refused_with_a_message(tmp_path):
    plan = Plan("fr", default_scalars())
    failures = []
    for case, data in _xlsx_cases(tmp_path):
        path = tmp_path / f"{case}.xlsx"
        path.write_bytes(data)
        for call in (lambda: app.import_changes(plan, [path], year=ex.YEAR, today=TODAY),
                     lambda: app.init_mapping(tmp_path / f"{case}.toml", export=path, force=True)):
            try:
                call()
            except PlanError as exc:
                if not str(exc).strip():
                    failures.append(f"{case}: empty message")
            except Exception as exc:  # noqa: BLE001 - the test's point: name what escaped
                failures.append(f"{case}: {type(exc).__name__}: {exc}"[:300])
    assert not failures, "\n".join(failures)
