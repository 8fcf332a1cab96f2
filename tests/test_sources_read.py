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


# ---------------------------------------------------------------- the fast (Arrow) reader and the general one agree

from pandas.testing import assert_frame_equal  # noqa: E402

import planmkg_xl.sources.read as reader  # noqa: E402

INV_HEADERS = ["N° de facture", "Client", "Date facture", "Montant HT", "Devise"]
INV_ROWS = [["F001", "007", "31/12/2025", "1234,56", "EUR"],
            ["F002", "Société Générale; Paris", "01/02/2025", "980", "EUR"],      # delimiter inside quotes
            ["F003", "Dupont\net fils", "15/06/2024", "-12,5", "EUR"],            # newline inside quotes
            ["F004", "=HYPERLINK(\"x\")", "05/01/2025", "", "EUR"],               # formula-looking text, blank amount
            ["F005", "+33 1 23", "", "10,00", ""],                                # blank date, blank currency
            ["F006", "-Remise", "28/02/2025", "0,5", "EUR"],
            ["F007", "@client", "29/02/2024", "1e3", "EUR"],
            ["F008", "", "30/11/2025", "42", "EUR"],                              # blank customer
            ["F009", "NA", "01/01/2023", "3,14", "EUR"]]                          # pandas' blank words are blanks in both
DEALS_HEADERS = ["Record ID", "Deal Name", "Deal Stage", "Amount", "Close Date", "Create Date", "Pipeline", "Associated Company"]
DEALS_ROWS = [["0042", "Deal, one", "Closed Won", "1234.50", "2025-03-01 10:00", "2025-01-02", "Offre A", "Acme, Inc."],
              ["43", "Deal \"two\"", "closedlost", "", "2025-04-01T08:30:00", "2024-12-30", "", "=1+2"],
              ["44", "Three\r\nlines", "Closed Won", "99", "2024-12-31", "", "Offre B", "Beta"]]


def _both(path, monkeypatch, **kw):
    """The export read by the fast path (which must be the one used) and by the general path alone."""
    calls = []
    real = reader._read_pandas
    monkeypatch.setattr(reader, "_read_pandas", lambda *a, **k: calls.append(1) or real(*a, **k))
    fast = read_export(path, **kw)
    assert not calls, "the fast path refused a file it should read"
    monkeypatch.setattr(reader, "_read_arrow", lambda *a, **k: None)
    slow = read_export(path, **kw)
    return fast, slow


def _same(fast, slow):
    assert (fast.kind, fast.preset.id, fast.matched, fast.first_line, fast.rows_read) == \
           (slow.kind, slow.preset.id, slow.matched, slow.first_line, slow.rows_read)
    assert_frame_equal(fast.frame, slow.frame)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp1252"])
def test_fast_and_general_readers_give_the_same_french_invoices(tmp_path, monkeypatch, encoding):
    path = ex.write_csv(tmp_path / "factures.csv", INV_HEADERS, INV_ROWS, delimiter=";", encoding=encoding)
    fast, slow = _both(path, monkeypatch)
    _same(fast, slow)
    f = fast.frame
    assert f["customer"].tolist()[:7] == ["007", "Société Générale; Paris", "Dupont\net fils", '=HYPERLINK("x")', "+33 1 23",
                                          "-Remise", "@client"]  # codes and formula-looking text stay text
    assert f["customer"].isna().tolist()[7:] == [True, True]
    assert f["amount"].tolist()[:3] == [1234.56, 980.0, -12.5] and f["amount"].isna().tolist()[3]
    assert [d.date().isoformat() for d in f["date"].dropna()][:2] == ["2025-12-31", "2025-02-01"]


def test_fast_and_general_readers_give_the_same_english_deals(tmp_path, monkeypatch):
    path = ex.write_csv(tmp_path / "deals.csv", DEALS_HEADERS, DEALS_ROWS)
    fast, slow = _both(path, monkeypatch)
    _same(fast, slow)
    assert fast.frame["id"].tolist() == ["0042", "43", "44"]  # ids as written, not numbers
    assert fast.frame["customer"].tolist() == ["Acme, Inc.", "=1+2", "Beta"]
    assert [d.isoformat() for d in fast.frame["close_date"]][:2] == ["2025-03-01T10:00:00", "2025-04-01T08:30:00"]


@pytest.mark.parametrize("case", ["month_first", "thousands", "two_digit_year", "time_after_date", "zone", "extra_field",
                                  "missing_field", "bad_amount", "bad_date", "blank_spaces"])
def test_odd_files_read_the_same_by_both_readers(tmp_path, monkeypatch, case):
    """Whatever the fast path does with an odd value (reads it by the general rules, or gives the file up), the result
    (frame or message) is the general reader's."""
    rows = [list(r) for r in INV_ROWS[:3]]
    lines = None
    if case == "month_first":
        rows[0][2] = "12/31/2025"
    elif case == "thousands":
        rows[0][3] = "1 234,56 €"
    elif case == "two_digit_year":
        rows[0][2] = "31/12/25"
    elif case == "time_after_date":
        rows[0][2] = "31/12/2025 23:59"
    elif case == "zone":
        rows[0][2] = "2025-12-31T23:30:00-02:00"
    elif case == "bad_amount":
        rows[1][3] = "douze"
    elif case == "bad_date":
        rows[1][2] = "31/02/2025"
    elif case == "blank_spaces":
        rows[1][3] = "   "
    path = ex.write_csv(tmp_path / "factures.csv", INV_HEADERS, rows, delimiter=";", encoding="utf-8-sig")
    if case in ("extra_field", "missing_field"):
        text = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
        text[1] = text[1].rstrip("\r\n") + (";en trop\r\n" if case == "extra_field" else "")
        if case == "missing_field":
            text[1] = "F001;007;31/12/2025\r\n"
        path.write_text("".join(text), encoding="utf-8-sig")
    fast_calls = []
    real = reader._read_arrow
    monkeypatch.setattr(reader, "_read_arrow", lambda *a, **k: fast_calls.append(real(*a, **k)) or fast_calls[-1])
    try:
        first = read_export(path)
        first_error = None
    except SourceError as exc:
        first, first_error = None, str(exc)
    if case in ("thousands", "extra_field", "missing_field", "bad_amount", "bad_date"):
        assert fast_calls == [None], "the fast reader should have given this file up"
    monkeypatch.setattr(reader, "_read_arrow", lambda *a, **k: None)
    try:
        second, second_error = read_export(path), None
    except SourceError as exc:
        second, second_error = None, str(exc)
    assert first_error == second_error
    if first is not None:
        _same(first, second)
    if case in ("bad_amount", "bad_date"):  # the message still names the line and shows the value
        assert "3" in first_error and ("douze" in first_error or "31/02/2025" in first_error)


def test_arrow_reads_on_threads_only_for_a_big_file_with_a_core_idle(monkeypatch):
    monkeypatch.setattr(reader.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(reader.os, "getloadavg", lambda: (0.5, 0.5, 0.5), raising=False)
    assert reader._arrow_threads(100 << 20) and not reader._arrow_threads(1 << 20)
    monkeypatch.setattr(reader.os, "getloadavg", lambda: (1.8, 1.5, 1.5), raising=False)
    assert not reader._arrow_threads(100 << 20)

    def no_load():
        raise OSError("no load average here")

    monkeypatch.setattr(reader.os, "getloadavg", no_load, raising=False)
    assert not reader._arrow_threads(100 << 20)
    monkeypatch.setattr(reader.os, "cpu_count", lambda: 8)
    assert reader._arrow_threads(100 << 20)

@pytest.mark.parametrize("text, expected", [
    ("Jan 14, 2025 09:00 am", (2025, 1, 14)),  # Mailchimp's campaign report export
    ("Sep 1, 2025 12:00 pm UTC", (2025, 9, 1)),
    ("Tue, Jan 14, 2025", (2025, 1, 14)),
    ("14-Jan-2025", (2025, 1, 14)),
    ("mardi 14 janvier 2025", (2025, 1, 14)),
    ("14 janv. 2025 10h30", (2025, 1, 14)),
    ("1er mars 2025", (2025, 3, 1)),
    ("Feb 30, 2025", None),  # no such day
    ("January 2025", None),  # a month, not a date
    ("Deal 12 Jan 2025 for Acme", None),  # a text that happens to hold a date
])
def test_dates_with_the_month_spelt_out(text, expected):
    import datetime as dt

    from planmkg_xl.sources.read import named_date

    assert named_date(text) == (dt.date(*expected) if expected else None)


def test_a_mailchimp_export_as_mailchimp_writes_it(tmp_path):
    """Dates like "Jan 14, 2025 09:00 am", counts with thousands commas, rates with a % sign."""
    headers = ["Title", "Subject", "Send Date", "Total Recipients", "Successful Deliveries", "Soft Bounces", "Hard Bounces",
               "Total Bounces", "Unique Opens", "Open Rate", "Unique Clicks", "Click Rate", "Unsubscribes", "Unique Id"]
    rows = [["Newsletter", "Nouveautés", "Jan 14, 2025 09:00 am", "4,210", "4,150", "40", "20", "60", "1,245", "30.00%", "310", "7.47%", "12", "a1"],
            ["Webinar", "Inscrivez-vous", "Mar 04, 2025 02:30 pm", "8,000", "7,900", "70", "30", "100", "2,100", "26.58%", "420", "5.32%", "25", "b2"]]
    export = read_export(ex.write_csv(tmp_path / "mailchimp.csv", headers, rows))
    assert export.preset.id == "mailchimp-campaigns"
    f = export.frame
    assert [(d.year, d.month, d.day) for d in f["date"]] == [(2025, 1, 14), (2025, 3, 4)]
    assert list(f["sent"]) == [4210, 8000] and list(f["opens"]) == [1245, 2100]


def test_a_negative_count_or_cost_is_refused_on_its_line_but_a_credit_note_is_not(tmp_path):
    events = ex.write_csv(tmp_path / "salons.csv", ["Événement", "Date", "Coût", "Participants", "Leads"],
                          [["Salon A", "12/03/2025", "1 200,50", "45", "12"], ["Salon B", "20/05/2025", "-5", "10", "-2"]], delimiter=";")
    with pytest.raises(SourceError) as err:
        read_export(events, lang="fr")
    text = str(err.value)
    assert "salons.csv, colonne « Coût »" in text and "colonne « Leads »" in text and "lignes 3" in text and "« -5 »" in text
    assert "positifs" in text
    invoices = ex.write_csv(tmp_path / "factures.csv", ["N° facture", "Client", "Date facture", "Montant HT"],
                            [["F1", "Acme", "12/03/2025", "1 000,00"], ["A1", "Acme", "13/03/2025", "-200,00"]], delimiter=";")
    assert read_export(invoices, lang="fr").frame["amount"].tolist() == [1000.0, -200.0]  # an avoir nets the customer's revenue


# ---------------------------------------------------------------- rows that are not records: totals, footers

def test_a_total_row_is_set_aside_and_said_with_its_line(tmp_path):
    """A « Total » row read as a record would count every campaign twice; it is dropped and said, with its line."""
    headers = ["Campagne", "Date d'envoi", "Envoyés", "Délivrés", "Ouvertures uniques"]
    rows = [["Newsletter janvier", "15/01/2025", "10 000", "9 800", "2 500"], ["Newsletter février", "14/02/2025", "10 200", "9 950", "2 600"],
            ["Total", "", "20 200", "19 750", "5 100"]]
    e = read_export(ex.write_csv(tmp_path / "campagnes.csv", headers, rows, delimiter=";"))
    assert e.frame["sent"].tolist() == [10000, 10200]
    assert e.rows_read == 3 and e.set_aside == 1
    assert any("Total" in n or "total" in n for n in e.notes) and any("4" in n for n in e.notes)


@pytest.mark.parametrize("label", ["Total", "TOTAL", "Grand total", "Total général", "Sous-total Conseil", "Subtotal", "Totaux"])
def test_every_way_of_writing_a_total_is_recognised(tmp_path, label):
    rows = [["Salons", "2025-01-31", "12000"], ["Google Ads", "2025-01-31", "3000"], [label, "", "15000"]]
    e = read_export(ex.write_csv(tmp_path / "depenses.csv", ["Poste", "Date", "Montant HT"], rows, delimiter=";"))
    assert e.frame["amount"].tolist() == [12000.0, 3000.0]


def test_a_customer_called_total_is_a_customer(tmp_path):
    """« Total SA » invoiced on a date is a record: only a row whose other labels are blank is a total."""
    rows = [["F1", "Total SA", "15/03/2025", "1000,00", "EUR"], ["F2", "Acme", "16/03/2025", "500,00", "EUR"],
            ["", "Total", "", "1500,00", ""]]
    e = read_export(ex.write_csv(tmp_path / "factures.csv", INV_HEADERS, rows, delimiter=";"))
    assert e.frame["customer"].tolist() == ["Total SA", "Acme"]
    assert e.frame["amount"].sum() == 1500.0


def test_a_ga4_grand_total_after_a_blank_line_is_set_aside_with_its_true_line(tmp_path):
    text = ("# ----------------------------------------\n# Acquisition\n# Date de début : 20250101\n# Date de fin : 20251231\n"
            "Mois,Utilisateurs actifs,Sessions\n01,1200,2000\n02,1300,2100\n\nGrand total,2500,4100\n")
    path = tmp_path / "ga4.csv"
    path.write_text(text, encoding="utf-8")
    e = read_export(path, lang="en")
    assert e.frame["sessions"].tolist() == [2000, 2100]
    assert any("line" in n and "9" in n for n in e.notes), e.notes  # the total is on the file's 9th line


def test_a_salesforce_footer_is_set_aside(tmp_path):
    """Salesforce's classic CSV export ends with the report's name, a copyright and « Generated By »: not records."""
    text = ('"Account Name","Opportunity Name","Stage","Amount","Close Date"\n'
            '"Acme","Deal A","Closed Won","12000","3/15/2025"\n"Beta","Deal B","Closed Lost","8000","4/20/2025"\n'
            '""\n"Opportunity Pipeline"\n"Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."\n'
            '"Confidential Information - Do Not Distribute"\n"Generated By:  Jean Dupont  11/30/2026 10:51 AM"\n"Acme SAS"\n')
    path = tmp_path / "report.csv"
    path.write_text(text, encoding="utf-8")
    e = read_export(path, lang="en")
    assert e.preset.id == "salesforce-opportunities"
    assert e.frame["customer"].tolist() == ["Acme", "Beta"]
    assert e.rows_read == 2 + e.set_aside and any("Footer" in n for n in e.notes), e.notes


def test_blank_rows_of_a_sheet_keep_the_row_numbers_of_its_messages(tmp_path):
    pytest.importorskip("openpyxl")
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(FR_HEADERS)
    ws.append(FR_ROWS[0])
    ws.append([None] * len(FR_HEADERS))
    ws.append(["B", "Gagné", "pas un montant", "05/01/2025", "Logiciel", "Beta"])
    wb.save(tmp_path / "export.xlsx")
    with pytest.raises(SourceError) as err:
        read_export(tmp_path / "export.xlsx")
    assert "(lignes du tableur 4)" in str(err.value), str(err.value)  # the sheet's 4th row, not the 3rd


# ---------------------------------------------------------------- a month written without its day

@pytest.mark.parametrize("written", ["2025-03", "03/2025", "2025/03", "mars 2025", "March 2025", "mars-25", "Mar-25", "janv. 2025"])
def test_a_month_in_a_date_column_is_its_first_day(tmp_path, written):
    rows = [["Salons", written, "12000"], ["Google Ads", written, "3000"]]
    e = read_export(ex.write_csv(tmp_path / "depenses.csv", ["Poste", "Mois", "Montant HT"], rows, delimiter=";"))
    month = 1 if written.startswith("janv") else 3
    assert [d.date().isoformat() for d in e.frame["date"]] == [f"2025-{month:02d}-01"] * 2


def test_a_refused_day_is_not_rescued_as_a_month(tmp_path):
    rows = [["Salons", "31/02/2025", "12000"]]
    with pytest.raises(SourceError, match="31/02/2025"):
        read_export(ex.write_csv(tmp_path / "depenses.csv", ["Poste", "Date", "Montant HT"], rows, delimiter=";"))


def test_a_month_column_reads_a_month_first_date_by_its_month():
    import pandas as pd

    values, bad = to_month(pd.Series(["12/31/2025", "31/12/2025", "Jan-25"]))
    assert values.tolist() == [202512, 202512, 202501] and not bad.any()


# ---------------------------------------------------------------- several tables in one file

GA4_BLOCK = ("# ----------------------------------------\n# Reports snapshot\n# Account: Acme\n# Property: acme.fr\n"
             "# ----------------------------------------\n#\n# Start date: 20250101\n# End date: 20251231\n")


def test_a_ga4_download_with_the_chart_series_first_reads_the_table(tmp_path):
    """GA4 writes one table per card, the chart's « Nth day » series first: the table a preset knows is read."""
    text = (GA4_BLOCK + "Nth day,Active users\n0000,45\n0001,52\n\n" + GA4_BLOCK
            + "Month,Total users,Sessions\n01,1200,2000\n02,1300,2100\n")
    path = tmp_path / "snapshot.csv"
    path.write_text(text, encoding="utf-8")
    e = read_export(path)
    assert e.preset.id == "ga4-report"
    assert e.frame["sessions"].tolist() == [2000, 2100]
    assert e.rows_read == 2 and e.first_line == text.splitlines().index("Month,Total users,Sessions") + 2


def test_values_that_start_with_a_hash_are_records_not_a_new_table(tmp_path):
    text = "Campagne;Date;Envoyés\nNews 1;15/01/2025;100\n# 2 promo;16/01/2025;200\n# 3 promo;17/01/2025;300\nNews 4;18/01/2025;400\n"
    path = tmp_path / "campagnes.csv"
    path.write_text(text, encoding="utf-8")
    e = read_export(path)
    assert e.frame["sent"].tolist() == [100, 200, 300, 400]


def test_a_workbook_whose_first_sheet_is_notes_reads_the_export_sheet(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    notes = wb.active
    notes.title = "Notes"
    notes.append(["Export du 3 janvier", "préparé par la compta"])
    notes.append(["Périmètre", "France"])
    data = wb.create_sheet("Factures")
    data.append(INV_HEADERS)
    for r in INV_ROWS:
        data.append(r)
    wb.save(tmp_path / "factures.xlsx")
    e = read_export(tmp_path / "factures.xlsx")
    assert e.kind == "invoices" and len(e.frame) == len(INV_ROWS)
    assert any("Factures" in n for n in e.notes)


def test_excel_sep_hint_line_names_the_delimiter(tmp_path):
    path = tmp_path / "factures.csv"
    path.write_text("sep=;\nN° de facture;Client;Date facture;Montant HT\nF1;Acme;15/03/2025;1000,00\nF2;Beta;16/03/2025;500,00\n",
                    encoding="utf-8")
    e = read_export(path)
    assert e.kind == "invoices" and e.frame["amount"].tolist() == [1000.0, 500.0]


@pytest.mark.parametrize("bad, expected", [("x", "amounts"), ("-5", "positive")])
def test_a_value_after_a_note_on_two_lines_is_reported_on_its_own_line(tmp_path, bad, expected):
    """A CRM's notes hold line breaks inside quotes: the message names the line the user opens, not the record's rank."""
    text = ("Record ID,Deal Name,Deal Stage,Amount,Close Date,Pipeline,Notes\n"
            '1,A,Closed Won,1000,2025-03-01,Conseil,"line one\nline two\nline three"\n'
            f"2,B,Closed Won,{bad},2025-04-01,Conseil,ok\n")
    path = tmp_path / "deals.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as err:
        read_export(path, lang="en")
    assert "lines 5)" in str(err.value), str(err.value)


def test_both_workbook_engines_read_an_export_the_same(tmp_path, monkeypatch):
    """calamine reads big workbooks ten times faster than openpyxl; the export read must not depend on which one ran."""
    import datetime as dt

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Titre de l'export"])
    ws.append(INV_HEADERS + ["Ligne d'offre"])
    ws.append(["F1", "007", dt.datetime(2025, 3, 1, 10, 30), 1234.56, "EUR", "Conseil"])
    ws.append(["F2", 7, dt.date(2025, 4, 2), 10, "EUR", None])
    ws.append([3, "Acme", "15/05/2025", "1 234,50 €", "EUR", "=Formation"])
    ws.append([None, "Total", None, 2479.06, None, None])
    wb.save(tmp_path / "f.xlsx")
    frames = []
    for engine in ("openpyxl", "calamine"):
        monkeypatch.setattr(reader, "excel_engine", lambda engine=engine: engine)
        e = read_export(tmp_path / "f.xlsx")
        frames.append((e.frame, e.set_aside, e.notes))
    assert_frame_equal(frames[0][0], frames[1][0])
    assert frames[0][1:] == frames[1][1:] and frames[0][1] == 1


def test_a_comma_that_groups_no_thousands_is_a_decimal_comma_even_in_a_comma_file():
    """« 3,5 » quoted in a comma CSV cannot be 3 thousand 5: it was read as 35 before."""
    import pandas as pd

    from planmkg_xl.sources.read import to_number

    values, bad = to_number(pd.Series(["3,5", "4,25", "12 000,00 EUR"], dtype="str"), comma_decimal=False)
    assert values.tolist() == [3.5, 4.25, 12000.0] and not bad.any()
    values, _ = to_number(pd.Series(["1,200", "2,500,000", "3"], dtype="str"), comma_decimal=False)
    assert values.tolist() == [1200.0, 2500000.0, 3.0]


def test_accounting_negatives_are_read():
    """SAP and Sage write a credit note « 1.234,56- »; formatted reports use the typographic minus « − »."""
    import pandas as pd

    from planmkg_xl.sources.read import to_number

    values, bad = to_number(pd.Series(["1.234,56-", "−1 234,56", "(1 000,00 €)", "100,00"], dtype="str"), comma_decimal=True)
    assert values.tolist() == [-1234.56, -1234.56, -1000.0, 100.0] and not bad.any()


def test_excel_serial_numbers_in_a_csv_date_column(tmp_path):
    """A date column left « Standard » in Excel is saved to CSV as serial numbers: 45731 is 15/03/2025 (DATE(2025;3;15))."""
    rows = [["Salons", "45731", "12000"], ["SEO", "45658", "3000"]]
    e = read_export(ex.write_csv(tmp_path / "depenses.csv", ["Poste", "Date", "Montant HT"], rows, delimiter=";"))
    assert [d.date().isoformat() for d in e.frame["date"]] == ["2025-03-15", "2025-01-01"]


# ---------------------------------------------------------------- one column per month

def test_a_spend_table_with_one_column_per_month_is_read_one_row_per_month(tmp_path):
    """« Poste ; Janvier ; Février ; … ; Total » is how a budget follow-up is typed: its months add up, its totals do not."""
    text = ("Poste;Janvier;Février;Mars;Avril;Total\nSalons;1000;0;2500;;3500\nGoogle Ads;500;600;700;800;2600\n"
            "Total;1500;600;3200;800;6100\n")
    path = tmp_path / "suivi.csv"
    path.write_text(text, encoding="utf-8")
    e = read_export(path)
    assert e.kind == "spend" and "date" not in e.frame  # months without a year are added up, not dated
    sums = e.frame.groupby("source")["amount"].sum().to_dict()
    assert sums == {"Salons": 3500.0, "Google Ads": 2600.0}
    assert e.set_aside == 1 and any("4" in n for n in e.notes)


def test_a_kpi_table_with_dated_month_columns(tmp_path):
    text = "Indicateur,2025-01,2025-02,2025-03\nLeads,120,130,x\nVisites web,5000,5200,5400\n"
    path = tmp_path / "kpi.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError, match=r"\(lines 2\)"):  # the bad value is said on its file line, not the unpivoted row's
        read_export(path, lang="en")
    path.write_text(text.replace(",x", ",150"), encoding="utf-8")
    e = read_export(path)
    assert e.kind == "kpi-actuals"
    assert sorted(zip(e.frame["metric"], e.frame["month"].tolist(), e.frame["value"])) == sorted([
        ("Leads", 202501, 120), ("Leads", 202502, 130), ("Leads", 202503, 150),
        ("Visites web", 202501, 5000), ("Visites web", 202502, 5200), ("Visites web", 202503, 5400)])


def test_a_sheet_whose_month_headers_are_dates(tmp_path):
    import datetime as dt

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Suivi des dépenses 2025"])
    ws.append(["Source"] + [dt.datetime(2025, m, 1) for m in (1, 2, 3)])
    ws.append(["SEO", 100, 200, 300])
    ws.append(["Salons", 1000, None, 2000])
    wb.save(tmp_path / "suivi.xlsx")
    e = read_export(tmp_path / "suivi.xlsx")
    assert e.kind == "spend"
    assert sorted((s, d.month, a) for s, d, a in zip(e.frame["source"], e.frame["date"], e.frame["amount"])) == [
        ("SEO", 1, 100.0), ("SEO", 2, 200.0), ("SEO", 3, 300.0), ("Salons", 1, 1000.0), ("Salons", 3, 2000.0)]


def test_a_workbook_export_excel_holds_open_is_said_as_such(tmp_path, monkeypatch):
    """Windows refuses to share a workbook Excel has open: the reason is the system's, not a damaged file."""
    import errno

    import pandas as pd

    (tmp_path / "export.xlsx").write_bytes(b"PK")

    def locked(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "export.xlsx"))

    monkeypatch.setattr(pd, "ExcelFile", locked)
    with pytest.raises(SourceError) as err:
        read_export(tmp_path / "export.xlsx", lang="en")
    assert "readable .xlsx" not in str(err.value) and "export.xlsx" in str(err.value)
