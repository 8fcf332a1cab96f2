"""Reading exports: French CSV variants, XLSX, and every kind of bad input refused with file, line and examples."""
from __future__ import annotations

import os

import pytest

from planmkg_xl.errors import SourceError
from planmkg_xl.sources.mapping import load_mapping, mapping_template
from planmkg_xl.sources.read import read_export, sniff, to_month

import exports as ex

FR_HEADERS = ["Nom", "Étape", "Montant", "Date de clôture", "Ligne d'offre", "Client"]
FR_ROWS = [["A", "Gagné", "1 234,50 €", "31/12/2025", "Logiciel", "Acme"],
           ["B", "Perdu", "980,00", "05/01/2025", "Logiciel", "Beta"],
           ["C", "Gagné", "12 000", "15/06/2025", "Services", "Acme"]]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252", "utf-8"])
def test_french_csv_variants(tmp_path, encoding):
    path = ex.write_csv(tmp_path / "opportunites.csv", FR_HEADERS, FR_ROWS, delimiter=";", encoding=encoding)
    e = read_export(path)
    assert e.kind == "deals" and e.preset.id == "generic-deals"
    assert e.frame["amount"].tolist() == [1234.5, 980.0, 12000.0]
    assert [d.date().isoformat() for d in e.frame["close_date"]] == ["2025-12-31", "2025-01-05", "2025-06-15"]
    assert e.frame["stage"].tolist()[0] == "Gagné"


def test_tab_and_comma_csv_with_thousands(tmp_path):
    rows = [["A", "Closed Won", "1,234.50", "2025-03-01", "X", "Acme"], ["B", "Closed Won", "2,000", "2025-03-02", "X", "Beta"]]
    for delim in ("\t", ","):
        path = ex.write_csv(tmp_path / f"d{ord(delim)}.csv", ["Deal Name", "Deal Stage", "Amount", "Close Date", "Pipeline", "Associated Company"],
                            rows, delimiter=delim)
        e = read_export(path)
        assert e.preset.id == "hubspot-deals"
        assert e.frame["amount"].tolist() == [1234.5, 2000.0]


def test_sniff_skips_ga4_comment_lines():
    raw = b"# ----\n# Start date: 20250101\n#\nMonth,Sessions\n01,3\n"
    encoding, delim, index, headers = sniff(raw)
    assert (encoding, delim, index, headers) == ("utf-8", ",", 3, ["Month", "Sessions"])


def test_xlsx_export(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Rapport factures 2025"])
    ws.append(["N° de facture", "Client", "Date facture", "Montant HT"])
    import datetime as dt
    ws.append(["F1", "Acme", dt.datetime(2025, 3, 1), 1200.5])
    ws.append(["F2", "Beta", "15/04/2025", "980,50"])
    wb.save(tmp_path / "factures.xlsx")
    e = read_export(tmp_path / "factures.xlsx")
    assert e.kind == "invoices" and e.unit == "row" and e.first_line == 3
    assert e.frame["amount"].tolist() == [1200.5, 980.5]
    assert [d.date().isoformat() for d in e.frame["date"]] == ["2025-03-01", "2025-04-15"]


def test_months_in_every_spelling():
    import pandas as pd

    values, bad = to_month(pd.Series(["2025-01", "202502", "03/2025", "avril 2025", "May 2025", "6", "2025-07-14", "", "13", "20250815"]))
    assert values.tolist()[:7] + values.tolist()[9:] == [202501, 202502, 202503, 202504, 202505, 6, 202507, 202508]
    assert bad.tolist() == [False] * 8 + [True, False]


# ---------------------------------------------------------------- bad input: a clear message, file + line + examples

def test_unparseable_amounts_and_dates_name_lines_and_five_examples(tmp_path):
    rows = [["X", "Gagné", f"montant{i}", "31/12/2025", "L", "C"] for i in range(7)] + [["Y", "Gagné", "10", "pas une date", "L", "C"]]
    path = ex.write_csv(tmp_path / "bad.csv", FR_HEADERS, rows, delimiter=";")
    with pytest.raises(SourceError) as err:
        read_export(path)
    msg = str(err.value)
    assert "bad.csv" in msg and "« Montant »" in msg and "7 valeur(s)" in msg
    assert "lignes 2, 3, 4, 5, 6 …" in msg  # the header is line 1
    assert "« montant4 »" in msg and "« montant5 »" not in msg  # five examples, not more
    assert "« Date de clôture »" in msg and "lignes 9" in msg and "« pas une date »" in msg


def test_unknown_column_in_a_mapping(tmp_path):
    path = ex.write_csv(tmp_path / "d.csv", ["Affaire", "Statut", "Valeur", "Signée le"], [["A", "ok", "1", "2025-01-01"]])
    mapping = tmp_path / "m.toml"
    mapping.write_text('kind = "deals"\n[columns]\nstatus = "Statut"\namount = "Montant HT"\nclose_date = "Signée le"\n', encoding="utf-8")
    with pytest.raises(SourceError, match="« Montant HT »"):
        read_export(path, mapping=load_mapping(mapping), lang="fr")
    mapping.write_text('kind = "deals"\n[columns]\nstatus = "Statut"\namount = "Valeur"\nclose_date = "Signée le"\n'
                       '[values]\nwon = ["ok"]\n', encoding="utf-8")
    e = read_export(path, mapping=load_mapping(mapping))
    assert e.frame["amount"].tolist() == [1.0] and e.preset.values["won"] == {"ok"}


def test_wrong_kind_and_unrecognised_headers(tmp_path):
    path = ex.write_csv(tmp_path / "d.csv", FR_HEADERS, FR_ROWS, delimiter=";")
    with pytest.raises(SourceError, match="emailing") as err:
        read_export(path, kind="emailing", lang="en")
    assert "--init-mapping" in str(err.value)
    odd = ex.write_csv(tmp_path / "odd.csv", ["foo", "bar"], [[1, 2]])
    with pytest.raises(SourceError, match="--as"):
        read_export(odd)


def test_empty_files(tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(SourceError, match="vide"):
        read_export(tmp_path / "empty.csv")
    ex.write_csv(tmp_path / "header_only.csv", FR_HEADERS, [], delimiter=";")
    with pytest.raises(SourceError, match="aucune ligne"):
        read_export(tmp_path / "header_only.csv")
    (tmp_path / "blank.csv").write_text("\n\n# only comments\n", encoding="utf-8")
    with pytest.raises(SourceError, match="en-têtes"):
        read_export(tmp_path / "blank.csv")


def test_a_1_gb_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "dump.csv"
    with open(big, "wb") as fh:  # sparse: 1 GB on paper, nothing on disk
        fh.write(b"Nom;Montant\n")
        fh.truncate(1024 ** 3)
    with pytest.raises(SourceError, match="Mo"):
        read_export(big)
    assert os.path.getsize(big) == 1024 ** 3


def test_init_mapping_template_is_prefilled_and_loads(tmp_path):
    text = mapping_template(None, FR_HEADERS)
    assert 'kind = "deals"' in text and 'amount = "Montant"' in text and "#   Ligne d'offre" in text
    path = tmp_path / "m.toml"
    path.write_text(text, encoding="utf-8")
    mapping = load_mapping(path)
    assert mapping.kind == "deals" and mapping.columns["close_date"] == ("Date de clôture",)


def test_hostile_files_are_messages_not_crashes(tmp_path):
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip at all")
    with pytest.raises(SourceError, match="n'est pas un classeur .xlsx lisible"):
        read_export(tmp_path / "broken.xlsx")
    (tmp_path / "noise.csv").write_bytes(bytes(range(256)) * 20)
    with pytest.raises(SourceError, match="--as|en-têtes"):
        read_export(tmp_path / "noise.csv")
    (tmp_path / "quote.csv").write_text('Deal Name,Deal Stage,Amount,Close Date\n"A,Closed Won,10,2025-01-01\n', encoding="utf-8")
    with pytest.raises(SourceError, match="CSV lisible"):
        read_export(tmp_path / "quote.csv")
    (tmp_path / "folder.csv").mkdir()
    with pytest.raises(SourceError, match="pas un fichier"):
        read_export(tmp_path / "folder.csv")
