"""Every preset: a synthetic export with the preset's documented headers, imported into a new
workbook, gives the figures computed independently in plain Python (tests/exports.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from planmkg_xl import app
from planmkg_xl.core.imports import label_key
from planmkg_xl.sources.presets import presets

import exports as ex

TODAY = dt.date(2026, 1, 15)


@pytest.fixture(scope="module")
def blank_bytes(tmp_path_factory):
    path = tmp_path_factory.mktemp("blank") / "Plan.xlsm"
    app.new_workbook(path, lang="fr")
    return path.read_bytes()


@pytest.fixture()
def plan_path(tmp_path, blank_bytes):
    path = tmp_path / "Plan.xlsm"
    path.write_bytes(blank_bytes)
    return path


def _rows(path, table, key):
    rows = app.load(path).plan.tables[table]
    return {label_key(r[key]): r for r in rows if r.get(key)}


def _close(a, b):
    assert a == pytest.approx(b, abs=0.01), (a, b)


@pytest.mark.parametrize("preset_id", ["hubspot-deals", "salesforce-opportunities", "pipedrive-deals", "generic-deals"])
def test_deals_presets(plan_path, tmp_path, preset_id):
    headers, rows, expected = ex.deals(preset_id)
    src = ex.write_csv(tmp_path / f"{preset_id}.csv", headers, rows)
    report = app.import_files(plan_path, [src], year=ex.YEAR, today=TODAY)
    assert report.files[0].preset == next(p.name for p in presets() if p.id == preset_id)
    got = _rows(plan_path, "commercial", "line")
    for line, e in expected.items():
        row = got[label_key(line)]
        for k in ("opportunities", "deals", "customers"):
            assert row.get(k, 0) == e[k], (line, k)
        _close(row.get("revenue", 0), e["revenue"])
        _close(row.get("revenue_prev", 0), e["revenue_prev"])


@pytest.mark.parametrize("preset_id", ["hubspot-contacts", "salesforce-leads", "generic-leads"])
def test_leads_presets(plan_path, tmp_path, preset_id):
    headers, rows, expected = ex.leads(preset_id)
    src = ex.write_csv(tmp_path / f"{preset_id}.csv", headers, rows)
    app.import_files(plan_path, [src], year=ex.YEAR, today=TODAY)
    got = _rows(plan_path, "leadgen", "source")
    for source, e in expected.items():
        row = got[label_key(source)]
        for k, v in e.items():
            assert row.get(k, 0) == v, (source, k)


def test_ga4_report_with_comment_lines(plan_path, tmp_path):
    headers, rows, expected, preamble = ex.ga4()
    src = ex.write_csv(tmp_path / "ga4.csv", headers, rows, preamble=preamble)
    report = app.import_files(plan_path, [src], year=ex.YEAR, today=TODAY)
    assert report.files[0].kind == "web"
    web = app.load(plan_path).plan.tables["web"]
    for m, e in expected.items():
        for k, v in e.items():
            assert web[m - 1].get(k) == v, (m, k)


@pytest.mark.parametrize("preset_id", ["brevo-campaigns", "mailchimp-campaigns", "generic-emailing"])
def test_campaign_presets(plan_path, tmp_path, preset_id):
    headers, rows, expected = ex.campaigns(preset_id)
    src = ex.write_csv(tmp_path / f"{preset_id}.csv", headers, rows)
    report = app.import_files(plan_path, [src], year=ex.YEAR, today=TODAY)
    assert report.files[0].kind == "emailing"
    assert report.changes.grow.get("emailing") == len(expected)  # 12 blank rows, 14 campaigns: the table grew
    got = _rows(plan_path, "emailing", "campaign")
    for name, e in expected.items():
        for k, v in e.items():
            assert got[label_key(name)].get(k) == v, (name, k)


def test_every_preset_is_exercised():
    """A preset added without a test here fails this test."""
    tested = {"hubspot-deals", "salesforce-opportunities", "pipedrive-deals", "generic-deals", "hubspot-contacts", "salesforce-leads",
              "generic-leads", "ga4-report", "brevo-campaigns", "mailchimp-campaigns", "generic-emailing", "generic-events",
              "generic-spend", "generic-invoices", "generic-kpi-actuals", "generic-web"}
    assert {p.id for p in presets()} == tested


def test_generic_web_events_spend_kpi(plan_path, tmp_path):
    web = ex.write_csv(tmp_path / "web.csv", ["Mois", "Visites", "Visiteurs uniques", "Pages vues", "Visites rebond"],
                       [[f"{ex.YEAR}-{m:02d}", 1000 + m, 600 + m, 3000 + m, 400 + m] for m in range(1, 13)], delimiter=";")
    events = ex.write_csv(tmp_path / "events.csv", ["Événement", "Type", "Date", "Coût", "Participants", "Leads"],
                          [["Salon Industrie", "Salon", f"15/03/{ex.YEAR}", "12 500,00", 340, 85],
                           ["Webinar IoT", "Webinar", f"02/10/{ex.YEAR}", "800", 120, 40]], delimiter=";")
    spend = ex.write_csv(tmp_path / "spend.csv", ["Source", "Mois", "Dépense"],
                         [["SEM", f"{ex.YEAR}-01-01", "1000,5"], ["SEM", f"{ex.YEAR}-02-01", "999,5"], ["Salons", f"{ex.YEAR}-03-01", "5000"],
                          ["SEM", f"{ex.YEAR - 1}-12-01", "777"]], delimiter=";")
    app.import_files(plan_path, [web, events, spend], year=ex.YEAR, today=TODAY)
    plan = app.load(plan_path).plan
    assert [r.get("visits") for r in plan.tables["web"]] == [1000 + m for m in range(1, 13)]
    assert [r.get("bounced_visits") for r in plan.tables["web"]] == [400 + m for m in range(1, 13)]
    ev = {r["event"]: r for r in plan.tables["events"] if r.get("event")}
    assert ev["Salon Industrie"]["spend"] == 12500 and ev["Salon Industrie"]["type"] == "trade_show"
    assert ev["Webinar IoT"]["date"] == dt.date(ex.YEAR, 10, 2)
    lg = _rows(plan_path, "leadgen", "source")
    assert lg["sem"]["spend"] == 2000
    assert lg["salons"]["spend"] == 5000
    budget = {(r.get("block"), r.get("line")): r for r in plan.tables["budget"] if r.get("line")}
    assert budget[("leadgen", "SEM")]["spend_prev"] == 2000


def test_kpi_actuals_fill_the_months_of_year_n(tmp_path, demo_xlsm):
    plan = app.load(demo_xlsm).plan
    kpi = next(r for r in plan.tables["kpis"] if r.get("kpi") and not r.get("m12"))
    empty = [m for m in range(1, 13) if kpi.get(f"m{m:02d}") is None][:3]
    year = plan.scalars["plan_year"]
    src = ex.write_csv(tmp_path / "kpi.csv", ["KPI", "Mois", "Valeur"],
                       [[kpi["kpi"], f"{m:02d}/{year}", 10 * m] for m in empty] + [["Inconnu", f"01/{year}", 5]], delimiter=";")
    report = app.import_files(demo_xlsm, [src], today=TODAY)
    assert report.files[0].year == year
    assert any("Inconnu" in n for n in report.files[0].notes)
    row = next(r for r in app.load(demo_xlsm).plan.tables["kpis"] if r.get("kpi") == kpi["kpi"])
    assert [row.get(f"m{m:02d}") for m in empty] == [10 * m for m in empty]


def test_a_mapping_file_with_its_own_values_and_sources(plan_path, tmp_path):
    src = ex.write_csv(tmp_path / "crm.csv", ["Origine du contact", "Créé le", "Phase"],
                       [["Google Ads", f"03/02/{ex.YEAR}", "Chaud"], ["Google Ads", f"04/02/{ex.YEAR}", "Froid"],
                        ["Partenaires", f"05/02/{ex.YEAR}", "Signé"], ["Partenaires", f"05/02/{ex.YEAR - 1}", "Signé"]], delimiter=";")
    mapping = tmp_path / "crm.toml"
    mapping.write_text('kind = "leads"\n[columns]\nsource = "Origine du contact"\ncreated = "Créé le"\nstatus = "Phase"\n'
                       '[values]\nqualified = ["Chaud", "Signé"]\nopportunity = ["Signé"]\n'
                       '[sources]\n"Google Ads" = "SEM"\n"Partenaires" = "Réseau partenaires"\n', encoding="utf-8")
    app.import_files(plan_path, [src], mapping=mapping, year=ex.YEAR, today=TODAY)
    got = _rows(plan_path, "leadgen", "source")
    assert {k: got["sem"][k] for k in ("leads", "qualified_leads", "opportunities")} == {"leads": 2, "qualified_leads": 1, "opportunities": 0}
    assert {k: got["reseau partenaires"][k] for k in ("leads", "qualified_leads", "opportunities")} == {
        "leads": 1, "qualified_leads": 1, "opportunities": 1}
