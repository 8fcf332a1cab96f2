"""Canaux from exports: deals won and invoices carrying a sales channel, summed per offer line × channel.

Expected sums are computed here with loops over the rows written (never with the import's code); unknown
channel values are skipped and reported, never guessed; the Commercial fill of a deals export is unchanged.
"""
from __future__ import annotations

import datetime as dt
import random

import pytest

from planmkg_xl import app
from planmkg_xl.core.checklist import find_row
from planmkg_xl.sources.channels import CHANNEL_KEYS, channel_of, synonyms
from planmkg_xl.sources.presets import preset, preset_from_dict

import exports as ex

TODAY = dt.date(2026, 1, 15)
# Channel values as a CRM holds them, and the Canaux column each must reach (written by hand, not by the code).
SPELLINGS = {"Grands comptes": "direct_key_accounts", "GRANDS COMPTES": "direct_key_accounts", "Key accounts": "direct_key_accounts",
             "PME": "direct_smb", "SMB": "direct_smb", "Inside sales": "inside_sales", "Télévente": "inside_sales",
             "Ventes en ligne": "online_sales", "E-commerce": "online_sales", "Distributeurs": "distributors",
             "Distributor": "distributors", "Intégrateurs": "integrators", "Agences": "agencies", "ISV": "isv",
             "Éditeur de logiciels": "isv", "Autres indirects": "other_indirect", "Revendeur": "other_indirect"}
UNKNOWN = ("Salon", "")
LINES = ("Logiciel Alpha", "Capteurs Beta")


@pytest.mark.parametrize("value, key", SPELLINGS.items())
def test_channel_values_in_french_and_english(value, key):
    assert channel_of(value, preset("generic-deals")) == key


def test_unknown_values_go_nowhere_unless_the_mapping_says():
    assert channel_of("Salon", preset("generic-deals")) is None and channel_of(None, preset("generic-deals")) is None
    mapping = preset_from_dict({"kind": "deals", "channels": {"Salon": "Agences", "channel_unknown": "other_indirect"}}, "m.toml")
    assert channel_of("salon", mapping) == "agencies" and channel_of("Foire", mapping) == "other_indirect"
    assert channel_of("PME", mapping) == "direct_smb"  # the shipped words still apply


def test_a_mapping_naming_no_column_is_refused():
    from planmkg_xl.errors import PlanError

    with pytest.raises(PlanError, match="not a column of the Canaux tab"):
        preset_from_dict({"kind": "deals", "channels": {"Salon": "Events"}}, "m.toml")


def test_every_shipped_synonym_names_a_column():
    assert set(synonyms().values()) == set(CHANNEL_KEYS)


def _deals(tmp_path, channel_header="Canal de vente", seed=3, n=80):
    """A generic FR deals export with a channel column; the expected Canaux and Commercial sums, by hand."""
    rng = random.Random(seed)
    headers = ["Identifiant", "Etape", "Montant", "Date de clôture", "Ligne d'offre", channel_header]
    rows, canaux, revenue, skipped = [], {}, {}, {}
    for i in range(n):
        year = rng.choice((ex.YEAR - 1, ex.YEAR, ex.YEAR))
        won = rng.random() < 0.7
        line = rng.choice(LINES)
        value = rng.choice(list(SPELLINGS) + list(UNKNOWN))
        amount = rng.randrange(1_000, 50_000)
        rows.append([str(i), "Gagné" if won else "Perdu", str(amount), dt.date(year, rng.randrange(1, 13), 10).isoformat(), line, value])
        if won and year == ex.YEAR:
            revenue[line] = revenue.get(line, 0) + amount
            if value in SPELLINGS:
                cell = canaux.setdefault(line, dict.fromkeys(CHANNEL_KEYS, 0))
                cell[SPELLINGS[value]] += amount
            else:
                skipped[value] = skipped.get(value, 0) + 1
    return ex.write_csv(tmp_path / "affaires.csv", headers, rows, delimiter=";"), canaux, revenue, skipped


def _canaux(path):
    return {r["line"]: {k: r.get(k) for k in CHANNEL_KEYS} for r in app.load(path).plan.tables["channels"] if r.get("line") in LINES}


def test_won_deals_fill_canaux_per_line_and_channel(tmp_path):
    plan = tmp_path / "Plan.xlsm"
    app.new_workbook(plan)
    src, canaux, revenue, skipped = _deals(tmp_path)
    report = app.import_files(plan, [src], year=ex.YEAR, today=TODAY)
    assert _canaux(plan) == canaux
    commercial = {r["line"]: r["revenue"] for r in app.load(plan).plan.tables["commercial"] if r.get("line") in LINES}
    for line in LINES:  # all channels known: a line's Canaux total is its Commercial revenue N-1
        assert commercial[line] == revenue[line] >= sum(canaux[line].values())
    (note,) = [n for n in report.files[0].notes if n.startswith("Canaux")]  # said in the workbook's language
    assert f"{sum(skipped.values())} lignes ignorées" in note
    assert f"« Salon » {skipped['Salon']} lignes" in note and f"« (vide) » {skipped['']} lignes" in note
    sources = [r for r in app.load(plan).plan.tables["sources"] if r.get("file") == src.name]
    assert sources[0]["targets"] == "tCanaux, tCommercial"


def test_the_commercial_fill_is_the_same_with_or_without_a_channel(tmp_path):
    src, _, _, _ = _deals(tmp_path)
    plain = tmp_path / "sans_canal.csv"
    lines = src.read_text(encoding="utf-8").splitlines()
    plain.write_text("\n".join(";".join(line.split(";")[:-1]) for line in lines) + "\n", encoding="utf-8")
    plan = app.load(app_new(tmp_path)).plan
    with_channel = app.import_changes(plan, [src], year=ex.YEAR, today=TODAY)
    without = app.import_changes(plan, [plain], year=ex.YEAR, today=TODAY)

    def commercial(preview):
        return [(c.row, c.field, c.new, c.status) for c in preview.changes.cells if c.table == "commercial"]

    assert commercial(with_channel) == commercial(without) and commercial(without)
    assert with_channel.files[0].rows_used == without.files[0].rows_used
    assert not [c for c in without.changes.cells if c.table == "channels"]


def app_new(tmp_path):
    path = tmp_path / "Plan.xlsm"
    if not path.exists():
        app.new_workbook(path)
    return path


def test_unknown_channels_go_to_other_indirect_when_the_mapping_says(tmp_path):
    plan = app_new(tmp_path)
    src, canaux, _, skipped = _deals(tmp_path, seed=5)
    mapping = tmp_path / "canaux.toml"
    text = app_mapping_text(src)
    mapping.write_text(text.replace('# channel_unknown = "other_indirect"', 'channel_unknown = "other_indirect"'), encoding="utf-8")
    report = app.import_files(plan, [src], year=ex.YEAR, mapping=mapping, today=TODAY)
    got = _canaux(plan)
    lines = src.read_text(encoding="utf-8").splitlines()[1:]
    other = {}
    for row in lines:
        i, stage, amount, close, line, value = row.split(";")
        if stage == "Gagné" and close.startswith(str(ex.YEAR)) and value == "Salon":
            other[line] = other.get(line, 0) + int(amount)
    for line in LINES:
        assert got[line]["other_indirect"] == canaux[line]["other_indirect"] + other.get(line, 0)
    assert any(f"« (vide) » {skipped['']} lignes" in n for n in report.files[0].notes)  # an empty channel is never guessed


def app_mapping_text(src):
    from planmkg_xl.sources.mapping import mapping_template

    headers = src.read_text(encoding="utf-8").splitlines()[0].split(";")
    return mapping_template("deals", headers)


def test_invoices_fill_canaux_conflicts_dry_run_replace_and_checklist(tmp_path):
    plan = app_new(tmp_path)
    rng = random.Random(7)
    headers = [ex.header("generic-invoices", f) for f in ("id", "customer", "date", "amount", "line")] + ["Sales channel"]
    rows, canaux = [], {}
    for i in range(120):
        year = rng.choice((ex.YEAR - 1, ex.YEAR))
        line, value, amount = rng.choice(LINES), rng.choice(("Distributor", "Online", "Key accounts", "ISV")), rng.randrange(100, 9_000)
        rows.append([f"F{i}", f"C{rng.randrange(30)}", dt.date(year, rng.randrange(1, 13), 3).isoformat(), str(amount), line, value])
        if year == ex.YEAR:
            key = {"Distributor": "distributors", "Online": "online_sales", "Key accounts": "direct_key_accounts", "ISV": "isv"}[value]
            canaux.setdefault(line, dict.fromkeys(CHANNEL_KEYS, 0))[key] += amount
    src = ex.write_csv(tmp_path / "factures.csv", headers, rows)
    before = plan.read_bytes()
    dry = app.import_files(plan, [src], year=ex.YEAR, dry_run=True, today=TODAY)
    assert plan.read_bytes() == before and any(c.table == "channels" for c in dry.changes.writes)
    app.import_files(plan, [src], year=ex.YEAR, today=TODAY)
    assert _canaux(plan) == canaux
    table = app.load(plan).plan.tables["input_data"]
    row = table[find_row(table, "pipeline")]  # Canaux filled: the distribution analysis is available
    assert (row["available"], row["source"]) == ("yes", "factures.csv")
    # A figure the director typed is a conflict, kept unless --replace.
    from xlsx_edit import Book
    from planmkg_xl.core.layout import cell_ref

    data = app.load(plan)
    geom = data.layout.tables["channels"]
    index = next(i for i, r in enumerate(data.plan.tables["channels"]) if r.get("line") == LINES[0])
    book = Book(plan)
    book.set_cell(geom.sheet_title, cell_ref(geom.first_row + index, geom.cols["isv"]), 1)
    book.save()
    again = app.import_files(plan, [src], year=ex.YEAR, today=TODAY)
    assert [(c.field, c.old, c.new) for c in again.changes.conflicts] == [("isv", 1, canaux[LINES[0]]["isv"])]
    assert _canaux(plan)[LINES[0]]["isv"] == 1
    app.import_files(plan, [src], year=ex.YEAR, replace=True, today=TODAY)
    assert _canaux(plan) == canaux


@pytest.mark.parametrize("preset_id", ["hubspot-deals", "salesforce-opportunities", "pipedrive-deals", "generic-deals"])
def test_each_deals_preset_reads_its_documented_channel_header(tmp_path, preset_id):
    """The channel column as each preset documents it (a custom field's label in the CRMs): Canaux per line × channel."""
    headers, rows, _ = ex.deals(preset_id)
    won = ex.preset_file(preset_id)["values"]["won"][0]
    rng = random.Random(11)
    canaux = {}
    for row in rows:
        value = rng.choice(list(SPELLINGS))
        row.append(value)
        if row[2] == won and row[4].startswith(str(ex.YEAR)):
            canaux.setdefault(row[6], dict.fromkeys(CHANNEL_KEYS, 0))[SPELLINGS[value]] += row[3]
    src = ex.write_csv(tmp_path / "deals.csv", headers + [ex.header(preset_id, "channel")], rows)
    plan = app_new(tmp_path)
    report = app.import_files(plan, [src], year=ex.YEAR, today=TODAY)
    assert report.files[0].preset == ex.preset_file(preset_id)["name"]
    got = {r["line"]: {k: r.get(k) for k in CHANNEL_KEYS} for r in app.load(plan).plan.tables["channels"] if r.get("line") in canaux}
    assert got.keys() == canaux.keys()
    for line, sums in canaux.items():
        assert got[line] == pytest.approx(sums)
