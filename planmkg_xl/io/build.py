"""Schema + plan -> a fresh, professional workbook (the only place that creates one).

openpyxl draws the sheets (styles, Excel Tables, defined names, validation,
comments, protection); ``package`` then makes the archive byte-reproducible and
adds the VBA project and the ribbon.
"""
from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule, Rule
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.styles.numbers import NumberFormat
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table as XlTable, TableStyleInfo

from ..core.layout import INTRO_ROW, TITLE_ROW, Layout, col_letter, formulas, plan_layout
from ..model.fields import Field, Kind, Scalars, Table
from ..model.plan import Plan
from ..model.schema import CHECKS_CODENAME, HOME_CODENAME, LISTS_CODENAME, SHEETS, TABLES, WORKBOOK_CODENAME
from ..model.units import KIND_OF_UNIT, display_kind, follows_row, unit_labels
from . import styles as st
from .controls import (CONTROLS_HEADER_ROW, controls_text, CONTROLS_TITLE, CONTROLS_WIDTHS, FLAGS_COL, FLAGS_NAME,
                       flag_formula)
from .home import write_home
from .wrapping import row_height
from .sheets import LANG_NAME

LISTS_TITLE = {"fr": "Listes", "en": "Lists"}
UNLOCKED = Protection(locked=False)
LOCKED = Protection(locked=True)
FLAG_AREA = "A1:BZ20000"  # every cell a plan sheet can use
AUTHOR = "planmkg_xl"


# docProps/app.xml as Excel 365 writes it (openpyxl writes AppVersion "3.1", its own version, where Excel
# expects its own "XX.YYYY"; XlsxWriter, checked against Excel's files, also writes "Microsoft Excel").
APP_PROPERTIES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
    b"<AppVersion>16.0300</AppVersion></Properties>")


def is_target(table: Table | None, f: Field) -> bool:
    """The seed's green part: the year-N objectives of the Commercial and Lead generation tabs."""
    return not f.derived and (f.key.startswith("target_") or (table is not None and table.key == "leadgen" and f.key == "budget"))


def build_workbook(plan: Plan) -> tuple[bytes, Layout]:
    """The workbook's .xlsx bytes (as openpyxl writes them) and its layout."""
    lang = plan.lang
    counts = {k: len(plan.tables[k]) if k in plan.tables else len(t.rows) + t.blank_rows for k, t in TABLES.items()}
    layout = plan_layout(lang, counts)
    wb = Workbook()
    wb.code_name = WORKBOOK_CODENAME
    home = wb.active
    lists = _ListsSheet(wb, lang)
    all_formulas = formulas(layout)
    for sheet in SHEETS:
        if sheet.codename == HOME_CODENAME:  # Accueil: its text (io/home.py) left of its tables
            ws = home
            ws.title = layout.sheet_titles[sheet.key]
            _write_blocks(ws, sheet, plan, layout, lists)
        else:
            ws = wb.create_sheet(layout.sheet_titles[sheet.key])
            _write_sheet(ws, sheet, plan, layout, lists)
        ws.sheet_properties.codeName = sheet.codename
        _flag_highlight(ws, sheet.codename)
    for (title, ref), formula in all_formulas.items():
        wb[title][ref].value = formula
    _write_controls_sheet(wb, lang)
    write_home(home, layout, lang)
    lists.finish()
    wb.defined_names[LANG_NAME] = DefinedName(LANG_NAME, attr_text=f'"{lang}"', hidden=True)
    wb.calculation.fullCalcOnLoad = True
    wb.properties.creator = AUTHOR
    wb.properties.lastModifiedBy = AUTHOR
    wb.properties.title = "Plan Marketing" if lang == "fr" else "Marketing Plan"
    fixed = dt.datetime(2020, 1, 1)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue(), layout


class _ListsSheet:
    """A hidden sheet holding the choice lists the validations point at."""

    def __init__(self, wb: Workbook, lang: str):
        self.ws = wb.create_sheet(LISTS_TITLE[lang])
        self.ws.sheet_properties.codeName = LISTS_CODENAME
        self.lang = lang
        self.ranges: dict[tuple, str] = {}

    def range_for(self, f: Field) -> str:
        key = tuple(c.key for c in f.choices)
        if key not in self.ranges:
            col = len(self.ranges) + 1
            self.ws.cell(1, col, f.label(self.lang))
            for i, choice in enumerate(f.choices, start=2):
                self.ws.cell(i, col, choice.label(self.lang))
            letter = col_letter(col)
            self.ranges[key] = f"'{self.ws.title}'!${letter}$2:${letter}${len(f.choices) + 1}"
        return self.ranges[key]

    def range_for_labels(self, key: str, labels: tuple[str, ...]) -> str:
        """A column of labels (the metrics whose unit is %…), for the per-row unit tests."""
        if ("labels", key) not in self.ranges:
            col = len(self.ranges) + 1
            self.ws.cell(1, col, key)
            for i, label in enumerate(labels, start=2):
                self.ws.cell(i, col, label)
            letter = col_letter(col)
            self.ranges[("labels", key)] = f"'{self.ws.title}'!${letter}$2:${letter}${len(labels) + 1}"
        return self.ranges[("labels", key)]

    def finish(self) -> None:
        wb = self.ws.parent
        wb.move_sheet(self.ws, offset=len(wb.sheetnames) - 1 - wb.sheetnames.index(self.ws.title))
        self.ws.sheet_state = "hidden"
        self.ws.protection.sheet = True


def _write_sheet(ws, sheet, plan: Plan, layout: Layout, lists: _ListsSheet) -> None:
    lang = plan.lang
    ws.sheet_view.showGridLines = False
    ws.cell(TITLE_ROW, 1, sheet.title(lang)).font = st.TITLE_FONT
    ws.cell(INTRO_ROW, 1, sheet.intro(lang)).font = st.INTRO_FONT
    ws.row_dimensions[TITLE_ROW].height = 24
    _write_blocks(ws, sheet, plan, layout, lists)
    first = min(layout.tables[b.key].first_row for b in sheet.blocks if isinstance(b, Table)) if any(
        isinstance(b, Table) for b in sheet.blocks) else 4
    ws.freeze_panes = "A4" if sheet.stacked else f"B{first}"
    if not sheet.stacked:  # long tables (emailing, events) repeat their header on every printed page
        ws.print_title_rows = f"{first - 1}:{first - 1}"
    st.fit_to_page_width(ws)
    ws.print_options.gridLines = False
    ws.protection.sheet = True
    for option in ("formatColumns", "formatRows", "insertRows", "deleteRows", "sort", "autoFilter"):
        setattr(ws.protection, option, False)


def _write_blocks(ws, sheet, plan: Plan, layout: Layout, lists: _ListsSheet) -> None:
    """A sheet's tables and scalar blocks, with their column widths and row heights."""
    widths: dict[int, float] = {}
    for block in sheet.blocks:
        title, row, col = layout.block_titles[block.key]
        ws.cell(row, col, block.title(plan.lang)).font = st.BLOCK_FONT
        if isinstance(block, Table):
            _write_table(ws, block, plan, layout, lists, widths)
        else:
            _write_scalars(ws, block, plan, layout, lists, widths)
    for col, width in widths.items():
        ws.column_dimensions[col_letter(col)].width = width
    _fit_row_heights(ws, sheet, plan, layout, widths)


def _fit_row_heights(ws, sheet, plan: Plan, layout: Layout, widths: dict[int, float]) -> None:
    """Give every row with wrapped text the height it needs: table rows, headers, labelled values.

    openpyxl cannot autofit and Excel does not on open; LibreOffice keeps a row without a
    height at the default and the text overprints the next row.
    """
    lang = plan.lang
    wrapped = (Kind.TEXT, Kind.LONGTEXT, Kind.CHOICE)
    for block in sheet.blocks:
        if isinstance(block, Table):
            geom = layout.tables[block.key]
            head = row_height([(f.label(lang), widths.get(geom.cols[f.key], 10)) for f in block.fields])
            ws.row_dimensions[geom.header_row].height = max(head or 0, 42)
            texts = [f for f in block.fields if f.kind in wrapped and not f.derived]
            rows = plan.tables[block.key] if block.key in plan.tables else block.default_rows(lang)
            for i, row in enumerate(rows[:geom.n_rows]):
                height = row_height([(_shown(f, row.get(f.key), lang), widths.get(geom.cols[f.key], 10)) for f in texts])
                if height:
                    ws.row_dimensions[geom.first_row + i].height = height
        else:
            for f in block.fields:
                _, row, col = layout.scalars[f.key]
                value = _shown(f, plan.scalars.get(f.key), lang) if f.kind in wrapped and not f.derived else None
                height = row_height([(f.label(lang), widths.get(col - 1, 34)), (value, widths.get(col, 16))])
                if height:
                    ws.row_dimensions[row].height = height


def _shown(f: Field, value: object, lang: str) -> object:
    """The text a cell shows for an input value (a choice by its label)."""
    if f.kind == Kind.CHOICE and any(c.key == value for c in f.choices):
        return f.choice_label(value, lang)
    return value


def _row_unit_test(geom, unit: str, lang: str, lists: _ListsSheet) -> str | None:
    """Excel test, relative to the table's first row, that a row of a mixed-unit table is in ``unit``.

    The metrics that imply the unit are listed on the hidden Lists sheet, so the test stays
    short (validation and conditional-format formulas are limited to 255 characters).
    """
    table = geom.table
    spec = table.row_unit
    units, metrics = unit_labels(table, unit, lang)
    if not units and not metrics:
        return None
    u = f"${col_letter(geom.cols[spec.unit])}{geom.first_row}"
    tests = [f'{u}="{_q(label)}"' for label in units]
    if metrics:
        m = f"${col_letter(geom.cols[spec.metric])}{geom.first_row}"
        tests.append(f'AND({u}="",COUNTIF({lists.range_for_labels(f"{unit}:{spec.metric}", metrics)},{m})>0)')
    return tests[0] if len(tests) == 1 else f"OR({','.join(tests)})"


def _q(text: str) -> str:
    return text.replace('"', '""')


def _runs(cols: list[int]) -> list[tuple[int, int]]:
    """Contiguous column runs: [2, 3, 4, 9] -> [(2, 4), (9, 9)]."""
    runs: list[tuple[int, int]] = []
    for col in sorted(cols):
        if runs and col == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], col)
        else:
            runs.append((col, col))
    return runs


def _unit_formats(ws, geom, lists: _ListsSheet, lang: str) -> None:
    """Mixed-unit tables (objectives, KPI, strategy metrics): each row's values formatted as its unit says.

    The builder already wrote each row's format; these rules keep it right when the user
    changes a row's unit or metric in Excel.
    """
    spec = geom.table.row_unit
    runs = _runs([geom.cols[k] for k in spec.fields])
    rng = " ".join(f"{col_letter(a)}{geom.first_row}:{col_letter(b)}{geom.last_row}" for a, b in runs)
    for unit, kind in KIND_OF_UNIT.items():
        test = _row_unit_test(geom, unit, lang, lists)
        if test is None:
            continue
        code = st.number_format(kind, lang)
        style = DifferentialStyle(numFmt=NumberFormat(numFmtId=format_id(ws.parent, code), formatCode=code))
        ws.conditional_formatting.add(rng, Rule(type="expression", dxf=style, formula=[test]))


def _validate_row_units(ws, geom, lists: _ListsSheet, lang: str) -> None:
    """A value column of a mixed-unit table: ≥ 0, and between 0 and 1 on a % row (53 meant as 53 % is refused)."""
    percent = _row_unit_test(geom, "percent", lang, lists)
    msg = _MESSAGES[lang]["row_unit"]
    for key in geom.table.row_unit.fields:
        f = geom.table.field(key)
        if f.derived:
            continue
        col = col_letter(geom.cols[key])
        cell = f"{col}{geom.first_row}"
        ok = f"AND(ISNUMBER({cell}),{cell}>=0)"
        formula = f"IF({percent},AND(ISNUMBER({cell}),{cell}>=0,{cell}<=1),{ok})" if percent else ok
        dv = DataValidation(type="custom", formula1=formula)
        dv.error, dv.errorTitle = msg[1], msg[0]
        dv.prompt, dv.promptTitle = msg[1], msg[0]
        dv.showErrorMessage = True
        dv.showInputMessage = False
        dv.allow_blank = True
        dv.add(f"{col}{geom.first_row}:{col}{geom.last_row}")
        ws.add_data_validation(dv)


def format_id(wb: Workbook, code: str) -> int:
    """The number-format id Excel gives ``code``: its built-in id, else the custom id (>= 164) the cells use.

    A differential style (conditional format) names its format by id as a cell style does;
    Excel reserves ids below 164 for built-in formats, so a custom code there (or id 0,
    "General") is not what Excel writes. openpyxl numbers custom formats 164 + their index
    in the workbook's list, for cells and, through this, for differential styles alike.
    """
    from openpyxl.styles.numbers import BUILTIN_FORMATS_MAX_SIZE, BUILTIN_FORMATS_REVERSE

    if code in BUILTIN_FORMATS_REVERSE:
        return BUILTIN_FORMATS_REVERSE[code]
    return BUILTIN_FORMATS_MAX_SIZE + wb._number_formats.add(code)  # noqa: SLF001 — openpyxl's own numbering (pinned <3.2)


def _write_table(ws, table: Table, plan: Plan, layout: Layout, lists: _ListsSheet, widths: dict[int, float]) -> None:
    lang = plan.lang
    geom = layout.tables[table.key]
    rows = plan.tables[table.key] if table.key in plan.tables else table.default_rows(lang)
    for f in table.fields:
        col = geom.cols[f.key]
        widths[col] = max(widths.get(col, 0), f.width or (14 if f.numeric else 18))
        head = ws.cell(geom.header_row, col, f.label(lang))
        head.font, head.alignment, head.border = st.HEADER_FONT, st.HEADER_ALIGN, st.CELL_BORDER
        head.fill = st.DERIVED_HEADER_FILL if f.derived else st.TARGET_HEADER_FILL if is_target(table, f) else st.HEADER_FILL
        if f.definition is not None:
            head.comment = _comment(f.definition(lang))
        for i in range(geom.n_rows):
            cell = ws.cell(geom.first_row + i, col)
            _style_value_cell(cell, table, f, lang, rows[i] if i < len(rows) else None)
            if not f.derived and i < len(rows):
                _set_value(cell, f, rows[i].get(f.key), lang)
        if not f.derived and not follows_row(table, f.key):
            _validate(ws, f, f"{col_letter(col)}{geom.first_row}:{col_letter(col)}{geom.last_row}", lists, lang)
    if geom.total_row is not None:
        for f in table.fields:
            cell = ws.cell(geom.total_row, geom.cols[f.key])
            cell.font, cell.border, cell.protection = st.TOTAL_FONT, st.TOTAL_BORDER, LOCKED
            cell.number_format = st.number_format(f.kind, lang)
        ws.cell(geom.total_row, geom.first_col, "Total")
    if "pacing" in geom.cols:
        _traffic_lights(ws, geom)
    if table.row_unit is not None:
        _unit_formats(ws, geom, lists, lang)
        _validate_row_units(ws, geom, lists, lang)
    xl = XlTable(displayName=table.name, ref=geom.ref)
    xl.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=False, showColumnStripes=False)
    ws.add_table(xl)


def _write_controls_sheet(wb: Workbook, lang: str) -> None:
    """The Contrôles sheet: filled by `recompute` / Vérifier with one row per finding."""
    ws = wb.create_sheet(CONTROLS_TITLE[lang])
    ws.sheet_properties.codeName = CHECKS_CODENAME
    ws.sheet_view.showGridLines = False
    texts = controls_text(lang)
    ws.cell(TITLE_ROW, 1, CONTROLS_TITLE[lang]).font = st.TITLE_FONT
    ws.cell(INTRO_ROW, 1, texts["intro"]).font = st.INTRO_FONT
    for i, (label, width) in enumerate(zip(texts["headers"], CONTROLS_WIDTHS), start=1):
        head = ws.cell(CONTROLS_HEADER_ROW, i, label)
        head.font, head.fill, head.alignment, head.border = st.HEADER_FONT, st.HEADER_FILL, st.HEADER_ALIGN, st.CELL_BORDER
        ws.column_dimensions[col_letter(i)].width = width
        sample = ws.cell(CONTROLS_HEADER_ROW + 1, i)  # the style every finding row copies
        sample.font, sample.alignment, sample.border = (st.LINK_FONT if i > 3 else st.LABEL_FONT), st.TEXT_ALIGN, st.CELL_BORDER
    ws.cell(CONTROLS_HEADER_ROW + 1, 3, texts["empty"])
    ws.cell(CONTROLS_HEADER_ROW, FLAGS_COL, "flags")
    ws.column_dimensions[col_letter(FLAGS_COL)].hidden = True
    letter = col_letter(FLAGS_COL)
    wb.defined_names[FLAGS_NAME] = DefinedName(FLAGS_NAME, attr_text=f"{_quote(ws.title)}!${letter}${CONTROLS_HEADER_ROW + 1}:${letter}$5000")
    ws.freeze_panes = f"A{CONTROLS_HEADER_ROW + 1}"
    st.fit_to_page_width(ws)
    ws.protection.sheet = True


def _flag_highlight(ws, codename: str) -> None:
    """Highlight any cell listed in the Contrôles sheet's flag list (see io/controls.py)."""
    style = DifferentialStyle(fill=solid_dxf_fill(st.FLAG_COLOR), font=Font(color="9C0006", bold=True))
    ws.conditional_formatting.add(FLAG_AREA, Rule(type="expression", dxf=style, formula=[flag_formula(codename)], stopIfTrue=True))


def solid_dxf_fill(rgb: str) -> PatternFill:
    """A solid fill for a differential style (conditional format), as Excel writes it.

    In a cell style a solid fill's colour is ``fgColor``; in a differential style Excel
    paints ``bgColor`` (the files Excel saves set it, and XlsxWriter, which is tested
    against them, writes it), so a dxf with only ``fgColor`` most likely shows no colour
    in Excel. Both are set, to the same colour: LibreOffice reads either.
    """
    return PatternFill("solid", fgColor=rgb, bgColor=rgb)


# The accepted delay of Paramètres (``pacing_band``; 10 % when empty or out of range, as ``core.pacing.pacing_band``).
PACING_FLOOR = "1-IF(AND(ISNUMBER(pacing_band),pacing_band>=0,pacing_band<1),pacing_band,0.1)"


def _traffic_lights(ws, geom) -> None:
    """KPI pacing: green from 100 %, amber down to 1 − the accepted delay, red below it — where `planmkg review` and
    PAC-001 call the KPI behind (10 % by default: red below 90 %)."""
    col = col_letter(geom.cols["pacing"])
    rng = f"{col}{geom.first_row}:{col}{geom.last_row}"
    ws.conditional_formatting.add(rng, CellIsRule(operator="greaterThanOrEqual", formula=["1"], fill=solid_dxf_fill("C6EFCE")))
    ws.conditional_formatting.add(rng, CellIsRule(operator="between", formula=[PACING_FLOOR, "0.99999"], fill=solid_dxf_fill("FFEB9C")))
    ws.conditional_formatting.add(rng, CellIsRule(operator="lessThan", formula=[PACING_FLOOR], fill=solid_dxf_fill("FFC7CE")))


SCALAR_HEADERS = {"fr": ("Élément", "Valeur"), "en": ("Item", "Value")}


def _write_scalars(ws, block: Scalars, plan: Plan, layout: Layout, lists: _ListsSheet, widths: dict[int, float]) -> None:
    lang = plan.lang
    _, top, left = layout.block_titles[block.key]
    for i, text in enumerate(SCALAR_HEADERS[lang]):
        head = ws.cell(top + 1, left + i, text)
        head.font, head.fill, head.alignment, head.border = st.HEADER_FONT, st.HEADER_FILL, st.HEADER_ALIGN, st.CELL_BORDER
    for f in block.fields:
        title, row, col = layout.scalars[f.key]
        widths[col - 1] = max(widths.get(col - 1, 0), 34)
        widths[col] = max(widths.get(col, 0), 16 if f.kind not in (Kind.LONGTEXT,) else max(f.width or 40, 40))
        label = ws.cell(row, col - 1, f.label(lang))
        label.font, label.alignment, label.border = st.LABEL_FONT, st.TEXT_ALIGN, st.CELL_BORDER
        if f.definition is not None:
            label.comment = _comment(f.definition(lang))
        cell = ws.cell(row, col)
        _style_value_cell(cell, None, f, lang)
        if not f.derived:
            _set_value(cell, f, plan.scalars.get(f.key), lang)
            _validate(ws, f, cell.coordinate, lists, lang)
        ref = f"{_quote(title)}!${col_letter(col)}${row}"
        ws.parent.defined_names[f.key] = DefinedName(f.key, attr_text=ref)


def _quote(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def _style_value_cell(cell, table: Table | None, f: Field, lang: str, row: dict | None = None) -> None:
    cell.border = st.CELL_BORDER
    cell.number_format = st.number_format(display_kind(table, f, _keys(table, row)), lang)
    cell.alignment = st.TEXT_ALIGN if f.kind in (Kind.TEXT, Kind.LONGTEXT, Kind.CHOICE) else st.NUMBER_ALIGN
    if f.derived:
        cell.font, cell.fill, cell.protection = st.DERIVED_FONT, st.DERIVED_FILL, LOCKED
    else:
        cell.font, cell.protection = st.INPUT_FONT, UNLOCKED
        cell.fill = st.TARGET_FILL if is_target(table, f) else st.INPUT_FILL


def _keys(table: Table | None, row: dict | None) -> dict | None:
    """A row as the unit rules read it: choice labels (a new workbook's default rows) turned into keys."""
    if table is None or row is None or table.row_unit is None:
        return row
    out = dict(row)
    for key in (table.row_unit.unit, table.row_unit.metric):
        if key and isinstance(out.get(key), str) and not any(c.key == out[key] for c in table.field(key).choices):
            out[key] = table.field(key).choice_key(out[key])
    return out


def _set_value(cell, f: Field, value: object, lang: str) -> None:
    """Write an input value; text is always text, even when it starts with '='."""
    if value is None or value == "":
        return
    if f.kind == Kind.CHOICE:
        value = f.choice_label(value, lang) if any(c.key == value for c in f.choices) else value
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(("=", "+", "-", "@")):
            cell.quotePrefix = True


def _comment(text: str) -> Comment:
    comment = Comment(text, AUTHOR)
    comment.width, comment.height = 260, 90
    return comment


_MESSAGES = {
    "fr": {
        "count": ("Nombre entier positif", "Saisissez un nombre entier positif ou nul (pas de texte)."),
        "amount": ("Montant", "Saisissez un montant positif ou nul, en nombre (sans texte)."),
        "rate": ("Pourcentage", "Saisissez un pourcentage entre 0 % et 100 % : tapez 45 % (ou 0,45), pas 45."),
        "row_unit": ("Valeur dans l'unité de la ligne", "Saisissez un nombre positif ou nul. Sur une ligne en %, tapez 45 % (ou 0,45), pas 45."),
        "date": ("Date", "Saisissez une date (jj/mm/aaaa)."),
        "list": ("Liste", "Choisissez une valeur de la liste."),
    },
    "en": {
        "count": ("Whole number", "Type a whole number, zero or more (no text)."),
        "amount": ("Amount", "Type an amount, zero or more, as a number (no text)."),
        "rate": ("Percentage", "Type a percentage between 0 % and 100 %: type 45 % (or 0.45), not 45."),
        "row_unit": ("Value in the row's unit", "Type a number, zero or more. On a % row, type 45 % (or 0.45), not 45."),
        "date": ("Date", "Type a date (yyyy-mm-dd)."),
        "list": ("List", "Pick a value from the list."),
    },
}


def _validate(ws, f: Field, ref: str, lists: _ListsSheet, lang: str) -> None:
    msgs = _MESSAGES[lang]
    if f.kind == Kind.COUNT:
        dv, msg = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0"), msgs["count"]
    elif f.kind in (Kind.MONEY, Kind.KMONEY, Kind.NUMBER):
        dv, msg = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0"), msgs["amount"]
    elif f.kind == Kind.RATE:
        dv, msg = DataValidation(type="decimal", operator="between", formula1="0", formula2="1"), msgs["rate"]
    elif f.kind == Kind.DATE:
        dv, msg = DataValidation(type="date", operator="greaterThan", formula1="1"), msgs["date"]
    elif f.kind == Kind.CHOICE:
        # No leading "=": the file holds the formula's text, as Excel and XlsxWriter write it (the "=" is the UI's).
        dv, msg = DataValidation(type="list", formula1=lists.range_for(f)), msgs["list"]
    else:
        return
    dv.error, dv.errorTitle = msg[1], msg[0]
    dv.prompt, dv.promptTitle = msg[1], msg[0]
    dv.showErrorMessage = True
    dv.showInputMessage = False
    dv.allow_blank = True
    dv.add(ref)
    ws.add_data_validation(dv)


