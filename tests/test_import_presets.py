"""Every preset: a synthetic export with the preset's documented headers, imported into a new
workbook, gives the figures computed independently in plain Python (tests/exports.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from planmkg_xl import app
from planmkg_xl.errors import PlanError
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


# The same exports from a CRM whose interface is in French: headers and picklist values are the
# French labels (HubSpot's French knowledge base; Salesforce and Pipedrive French interfaces).
# Each is imported next to its English twin: the plan's tables must come out identical.
FRENCH = {
    "hubspot-deals": ({"Record ID": "ID de fiche d'informations", "Deal Name": "Nom de la transaction", "Deal Stage": "Phase de la transaction",
                       "Amount": "Montant", "Close Date": "Date de fermeture", "Create Date": "Date de création",
                       "Product line": "Pipeline", "Associated Company": "Entreprise associée"},
                      {"Closed Won": "Fermé gagné", "Closed Lost": "Fermé perdu", "Open": "Proposition envoyée"}),
    "salesforce-opportunities": ({"Opportunity ID": "ID de l'opportunité", "Opportunity Name": "Nom de l'opportunité", "Stage": "Étape",
                                  "Amount": "Montant", "Close Date": "Date de clôture", "Created Date": "Date de création",
                                  "Product Family": "Famille de produits", "Account Name": "Nom du compte"},
                                 {"Closed Won": "Fermée gagnée", "Closed Lost": "Fermée perdue", "Open": "Négociation/Révision"}),
    "pipedrive-deals": ({"Deal - ID": "Affaire - ID", "Deal - Title": "Affaire - Titre", "Deal - Status": "Affaire - Statut",
                         "Deal - Value": "Affaire - Valeur", "Deal - Won time": "Affaire - Heure de gain",
                         "Deal - Deal created": "Affaire - Affaire créée", "Deal - Product name": "Affaire - Nom du produit",
                         "Deal - Organization": "Affaire - Organisation"},
                        {"won": "Gagnée", "lost": "Perdue", "open": "Ouverte"}),
    "hubspot-contacts": ({"Record ID": "ID de fiche d'informations", "Original Source": "Source d'origine", "Create Date": "Date de création",
                          "Lifecycle Stage": "Phase du cycle de vie"},
                         {"Organic Search": "Recherche naturelle", "Paid Search": "Recherche payante", "Email Marketing": "E-mail marketing",
                          "Social Media": "Réseaux sociaux", "Organic Social": "Réseaux sociaux organiques", "Paid Social": "Réseaux sociaux payants",
                          "Referrals": "Renvois", "Direct Traffic": "Trafic direct", "AI Referrals": "Renvois", "Other Campaigns": "Autres campagnes",
                          "Offline Sources": "Sources hors ligne", "Marketing Qualified Lead": "Lead qualifié par le marketing",
                          "Sales Qualified Lead": "Lead qualifié par l'équipe commerciale", "Opportunity": "Opportunité", "Customer": "Client",
                          "Evangelist": "Évangéliste", "Subscriber": "Abonné", "marketingqualifiedlead": "Lead qualifié par le marketing",
                          "salesqualifiedlead": "Lead qualifié par l'équipe commerciale"}),
    "salesforce-leads": ({"Lead ID": "ID de la piste", "Lead Source": "Origine de la piste", "Create Date": "Date de création",
                          "Lead Status": "Statut de la piste"},
                         {"Web": "Web", "Phone Inquiry": "Demande téléphonique", "Partner Referral": "Recommandation de partenaire",
                          "Purchased List": "Liste achetée", "Other": "Autre", "Working - Contacted": "En cours - Contacté", "Qualified": "Qualifiée",
                          "Closed - Converted": "Fermée - Convertie", "Converted": "Convertie", "Open - Not Contacted": "Ouverte - Non contactée"}),
}


@pytest.mark.parametrize("preset_id", sorted(FRENCH))
def test_a_crm_in_french_imports_like_its_english_twin(blank_bytes, tmp_path, preset_id):
    make, table, key = (ex.deals, "commercial", "line") if preset_id in ("hubspot-deals", "salesforce-opportunities", "pipedrive-deals") \
        else (ex.leads, "leadgen", "source")
    headers, rows, _ = make(preset_id)
    names, values = FRENCH[preset_id]
    assert all(h in names for h in headers), [h for h in headers if h not in names]
    french_rows = [[values.get(v, v) if isinstance(v, str) else v for v in row] for row in rows]
    got = {}
    for lang, hdrs, rws in (("en", headers, rows), ("fr", [names[h] for h in headers], french_rows)):
        plan = tmp_path / f"Plan_{lang}.xlsm"
        plan.write_bytes(blank_bytes)
        src = ex.write_csv(tmp_path / f"{preset_id}_{lang}.csv", hdrs, rws)
        report = app.import_files(plan, [src], year=ex.YEAR, today=TODAY)
        assert report.files[0].preset == next(p.name for p in presets() if p.id == preset_id), lang
        got[lang] = _rows(plan, table, key)
    assert got["fr"] == got["en"]
    assert any(any(isinstance(v, (int, float)) and v for v in r.values()) for r in got["fr"].values())  # not two empty tables


def test_hubspot_custom_stages_are_won_by_is_closed_won(plan_path, tmp_path):
    """A pipeline's own stage names (« Contrat signé ») mean nothing to a preset; HubSpot's Is Closed Won says it."""
    headers = ["Record ID", "Deal Name", "Deal Stage", "Amount", "Close Date", "Pipeline", "Associated Company", "Is Closed Won"]
    rows = [["1", "A", "Contrat signé", "1000", f"{ex.YEAR}-03-01", "Conseil", "Acme", "true"],
            ["2", "B", "Contrat signé", "2500", f"{ex.YEAR}-05-01", "Conseil", "Beta", "true"],
            ["3", "C", "Perdu", "500", f"{ex.YEAR}-04-01", "Conseil", "Gamma", "false"]]
    src = ex.write_csv(tmp_path / "hubspot.csv", headers, rows)
    app.import_files(plan_path, [src], year=ex.YEAR, today=TODAY)
    row = _rows(plan_path, "commercial", "line")[label_key("Conseil")]
    assert (row["deals"], row["revenue"], row["customers"]) == (2, 3500, 2)


@pytest.mark.parametrize("preset_id, converted, currency", [("hubspot-deals", "Amount in company currency", "Deal currency code"),
                                                            ("salesforce-opportunities", "Amount (converted)", "Opportunity Currency")])
def test_a_multi_currency_crm_is_read_in_its_converted_amounts(plan_path, tmp_path, preset_id, converted, currency):
    """Deals in EUR and USD: refused as mixed currencies, unless the export carries the amounts converted to the
    company's currency, which are then read (and the deals' own currencies no longer checked)."""
    h = lambda f: ex.header(preset_id, f)  # noqa: E731
    won = ex.preset_file(preset_id)["values"]["won"][0]
    headers = [h("id"), h("stage"), h("amount"), converted, currency, h("close_date"), h("line"), h("customer")]
    rows = [["1", won, "1000", "1000", "EUR", f"{ex.YEAR}-03-01", "Conseil", "Acme"],
            ["2", won, "2000", "1850", "USD", f"{ex.YEAR}-04-01", "Conseil", "Beta"]]
    src = ex.write_csv(tmp_path / "deals.csv", headers, rows)
    report = app.import_files(plan_path, [src], year=ex.YEAR, today=TODAY)
    assert any(converted in n for n in report.files[0].notes)
    assert _rows(plan_path, "commercial", "line")[label_key("Conseil")]["revenue"] == 2850
    without = ex.write_csv(tmp_path / "deals_own.csv", [c for c in headers if c != converted], [r[:3] + r[4:] for r in rows])
    with pytest.raises(PlanError, match="USD"):
        app.import_files(plan_path, [without], year=ex.YEAR, today=TODAY)
