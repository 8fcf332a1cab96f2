"""How the workbook looks: cell styles and number formats by kind and language.

Conventions of a professional financial template: inputs in blue on a pale yellow
fill (unlocked), targets N on the seed's green, derived values in black on grey
(locked), totals bold with a rule above.
"""
from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from ..model.fields import Kind

NAVY = "1F3864"
INPUT_FONT = Font(name="Calibri", size=10, color="1F4E9D")
DERIVED_FONT = Font(name="Calibri", size=10, color="000000")
TOTAL_FONT = Font(name="Calibri", size=10, bold=True, color="000000")
HEADER_FONT = Font(name="Calibri", size=10, bold=True, color="FFFFFF")
TITLE_FONT = Font(name="Calibri", size=16, bold=True, color=NAVY)
BLOCK_FONT = Font(name="Calibri", size=12, bold=True, color=NAVY)
INTRO_FONT = Font(name="Calibri", size=10, italic=True, color="595959")
LABEL_FONT = Font(name="Calibri", size=10, color="000000")
LINK_FONT = Font(name="Calibri", size=10, color="0563C1", underline="single")
FLAG_COLOR = "FFC7CE"  # cells a check flags

INPUT_FILL = PatternFill("solid", fgColor="FFF8E1")
TARGET_FILL = PatternFill("solid", fgColor="E2EFDA")
DERIVED_FILL = PatternFill("solid", fgColor="F2F2F2")
HEADER_FILL = PatternFill("solid", fgColor=NAVY)
TARGET_HEADER_FILL = PatternFill("solid", fgColor="548235")
DERIVED_HEADER_FILL = PatternFill("solid", fgColor="7F7F7F")

THIN = Side(style="thin", color="BFBFBF")
CELL_BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TOTAL_BORDER = Border(top=Side(style="medium", color=NAVY), bottom=THIN, left=THIN, right=THIN)

HEADER_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")
TEXT_ALIGN = Alignment(wrap_text=True, vertical="top")
NUMBER_ALIGN = Alignment(vertical="top")

_FORMATS = {
    "fr": {
        Kind.COUNT: "#,##0", Kind.MONEY: '#,##0 "€"', Kind.KMONEY: '#,##0,"k€"', Kind.NUMBER: "#,##0.0",
        Kind.RATE: "0.0%", Kind.RATIO: "0.0%", Kind.MONTHS: '0.0" mois"', Kind.YEARS: '0.0" ans"',
        Kind.MULTIPLE: '0.0"x"', Kind.DATE: "dd/mm/yyyy", Kind.YEAR: "0",
        Kind.YESNO: '"Oui";"Oui";"Non"',
    },
    "en": {
        Kind.COUNT: "#,##0", Kind.MONEY: '"€"#,##0', Kind.KMONEY: '"€"#,##0,"k"', Kind.NUMBER: "#,##0.0",
        Kind.RATE: "0.0%", Kind.RATIO: "0.0%", Kind.MONTHS: '0.0" mo"', Kind.YEARS: '0.0" yrs"',
        Kind.MULTIPLE: '0.0"x"', Kind.DATE: "yyyy-mm-dd", Kind.YEAR: "0",
        Kind.YESNO: '"Yes";"Yes";"No"',
    },
}


def fit_to_page_width(ws, landscape: bool = True) -> None:
    """Print on as many pages as needed, but one page wide."""
    if landscape:
        ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def number_format(kind: Kind, lang: str) -> str:
    return _FORMATS[lang].get(kind, "General")

