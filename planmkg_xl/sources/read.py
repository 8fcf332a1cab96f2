"""Read an export (CSV in any delimiter and encoding, or XLSX) into typed columns.

pandas and pyarrow are imported here (and in ``aggregate``), lazily, and nowhere else in
the package. A CSV is read twice at most: first by pyarrow's reader, only the columns a
preset needs, numbers and ISO dates typed while parsing (the fast path, for the files
exports usually are); when Arrow refuses a value, by pandas' reader and the general rules
below, which read everything the fast path reads the same way and much more: French
exports as they are (``;`` separators, decimal commas, spaces as thousands separators,
« € », dates written 31/12/2025 or 31/12/25, UTF-8 with a BOM or Windows-1252), and every
message by line. Both give the same frame (tests/test_sources_read.py).

Everything wrong is gathered and reported at once, by file and line, with the first
five examples, before anything is written.
"""
from __future__ import annotations

import codecs
import datetime as dt
import csv
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SourceError
from ..messages import msg, os_msg, os_reason, say
from .kinds import COUNT, DATE, KINDS, MONEY, MONTH, NUMBER, RATE, TEXT
from .presets import Preset, detect, normalise

MAX_BYTES = 512 * 1024 * 1024  # an export above this is refused before it is read (a 1 GB file is a mistake or a dump)
SAMPLE = 256 * 1024
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")

MONTH_NAMES = {normalise(n): i for names in (
    ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"),
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"),
    ("janv", "fevr", "mars", "avr", "mai", "juin", "juil", "aout", "sept", "oct", "nov", "dec"),
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
) for i, n in enumerate(names, start=1)}


@dataclass
class Export:
    """One export file read: its format, its typed columns (named by field) and where its rows start."""

    path: Path
    preset: Preset
    matched: dict[str, str]  # field -> header in the file
    frame: object  # pandas.DataFrame, one column per matched field
    first_line: int  # file line (1-based) of the first data row; rows are numbered from it
    unit: str = "line"  # "line" (CSV) or "row" (spreadsheet)
    notes: list[str] = field(default_factory=list)
    set_aside: int = 0  # rows read but not records: totals, subtotals, a footer (said in ``notes``)
    lines: object = None  # record index -> file line, when a quoted value may span lines (``_Lines``)

    @property
    def kind(self) -> str:
        return self.preset.kind

    @property
    def rows_read(self) -> int:
        return len(self.frame) + self.set_aside

    def where(self, index: int) -> int:
        return self.lines(int(index)) if self.lines is not None else self.first_line + int(index)


class _Lines:
    """The file line where each record of a CSV starts, found when a message needs it.

    Why: a quoted value may hold line breaks (a CRM's notes, an address), so the n-th record is
    not always on the n-th line after the header, and a message must name the line the user opens.
    Only the error path pays for it: the file is read again with the csv module up to the record asked.
    """

    def __init__(self, path: Path, encoding: str, delimiter: str, header_index: int):
        self.path, self.encoding, self.delimiter, self.header_index = path, encoding, delimiter, header_index
        self.starts: list[int] | None = None
        self.complete = False  # the scan reached the end of the file

    def __call__(self, index: int) -> int:
        if self.starts is None or (index >= len(self.starts) and not self.complete):
            self._scan(max(index, 1000))
        if index < len(self.starts):
            return self.starts[index]
        return (self.starts[-1] if self.starts else self.header_index + 1) + index - len(self.starts) + 1

    def _scan(self, upto: int) -> None:
        starts, self.complete = [], True
        try:
            with open(self.path, encoding=self.encoding, errors="replace", newline="") as fh:
                for _ in range(self.header_index):
                    fh.readline()
                reader = csv.reader(fh, delimiter=self.delimiter)
                next(reader, None)
                previous = reader.line_num
                for _ in reader:
                    starts.append(self.header_index + previous + 1)
                    previous = reader.line_num
                    if len(starts) > upto:
                        self.complete = False
                        break
        except (OSError, csv.Error, UnicodeError):
            pass  # the lines counted so far; past them, one line per record
        self.starts = starts


class _Problems:
    """Bad values by column: count, the lines and the first five examples."""

    def __init__(self, export_name: str, lang: str):
        self.name, self.lang, self.items = export_name, lang, []

    def column(self, header: str, what: str, count: int, lines: list[int], examples: list[str], unit: str) -> None:
        """``what`` names the expected kind (``numbers``, ``amounts``, ``dates``, ``months``: ids ``src.what_*``)."""
        shown = ", ".join(str(n) for n in lines) + (" …" if count > len(lines) else "")
        ex = ", ".join(f"« {e} »" for e in examples)
        self.items.append(say("src.bad_values", self.lang, name=self.name, header=header, count=count,
                              what=say("src.what_" + what, self.lang), lines=say("src.unit_" + unit, self.lang, shown=shown),
                              examples=ex))

    def raise_if_any(self) -> None:
        if self.items:
            raise SourceError("\n".join(self.items))


def read_export(path: str | os.PathLike, kind: str | None = None, mapping: Preset | None = None, lang: str = "fr",
                max_bytes: int = MAX_BYTES) -> Export:
    """Read ``path`` as an export of ``kind`` (detected from the headers when None)."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SourceError(say("src.cannot_read", lang, path=path, reason=os_reason(exc, lang))) from exc
    if not path.is_file():
        raise SourceError(say("src.not_file", lang, path=path))
    if size > max_bytes:
        raise SourceError(say("src.too_big", lang, name=name, mb=f"{size / 1e6:,.0f}", cap=f"{max_bytes / 1e6:,.0f}"))
    if size == 0:
        raise SourceError(say("src.empty", lang, name=name))
    if path.suffix.lower() in EXCEL_SUFFIXES:
        return _read_excel(path, kind, mapping, lang)
    return _read_csv(path, kind, mapping, lang)


# ---------------------------------------------------------------- CSV

_LINE_END = re.compile(r"\r\n|\r|\n")


def csv_lines(text: str, keepends: bool = False) -> list[str]:
    """The lines of a CSV as its readers count them: ``str.splitlines`` also breaks at form feeds and other
    separators a stray byte can bring, and would shift the header line pandas is told to skip to."""
    out, start = [], 0
    for m in _LINE_END.finditer(text):
        out.append(text[start:m.end()])
        start = m.end()
    if start < len(text):
        out.append(text[start:])
    return out if keepends else [line.rstrip("\r\n") for line in out]


_SEP_HINT = re.compile(r'^\s*"?sep=(.)"?\s*$', re.IGNORECASE)


def sniff(raw: bytes) -> tuple[str, str, int, list[str]]:
    """(encoding, delimiter, index of the header line, header names) from the first bytes of a CSV."""
    if raw.startswith(codecs.BOM_UTF8):
        encoding, text = "utf-8-sig", raw[3:].decode("utf-8", errors="ignore")
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, text = "utf-16", raw.decode("utf-16", errors="ignore")
    else:
        try:
            text = codecs.getincrementaldecoder("utf-8")().decode(raw, final=False)
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding, text = "cp1252", raw.decode("cp1252", errors="replace")
    lines = csv_lines(text)
    header_index = 0
    while header_index < len(lines) and (not lines[header_index].strip() or lines[header_index].lstrip().startswith("#")):
        header_index += 1  # GA4 puts its report description in '#' lines before the header
    if header_index >= len(lines):
        return encoding, ",", header_index, []
    hint = _SEP_HINT.match(lines[header_index])
    if hint:  # Excel's « sep=; » line, written by some exports before the header: it names the delimiter
        header_index += 1
        if header_index >= len(lines):
            return encoding, ",", header_index, []
    header = lines[header_index]
    counts = {d: header.count(d) for d in (";", ",", "\t", "|")}
    delimiter = hint.group(1) if hint else max(counts, key=lambda d: (counts[d], d == ";"))
    if counts[delimiter] == 0:
        delimiter = ","
    names = next(csv.reader([header], delimiter=delimiter))
    return encoding, delimiter, header_index, [n.strip() for n in names]


def _read_csv(path: Path, kind: str | None, mapping: Preset | None, lang: str) -> Export:
    import pandas as pd

    with open(path, "rb") as fh:
        raw = fh.read(SAMPLE)
    encoding, delimiter, header_index, headers = sniff(raw)
    if not headers or not any(h for h in headers):
        raise SourceError(say("src.no_header", lang, name=path.name))
    nrows = None
    tables = _tables(raw, encoding, delimiter) if len(raw) < SAMPLE else []
    if len(tables) > 1:  # GA4 writes the chart's series, then the table, each under its '#' lines: take the one we know
        found = []
        for index, rows, names in tables:
            try:
                found.append((len(choose_preset(path.name, names, kind, mapping, lang)[1]), index, rows, names))
            except SourceError:
                continue
        if found:
            _, header_index, nrows, headers = max(found, key=lambda t: t[0])
    months = month_headers(headers)
    if months and mapping is None:  # one column per month (a budget follow-up, a KPI table): one row per month once read
        frame = _read_pandas(path, encoding, delimiter, header_index, None, {}, lang, nrows, text=True)
        lines = _Lines(path, encoding, delimiter, header_index)
        return _unpivoted(path, frame, months, header_index + 2, "line", lang, kind, lambda i: lines(i))
    preset, matched = choose_preset(path.name, headers, kind, mapping, lang)
    spec = KINDS[preset.kind]
    read = {f: h for f, h in matched.items() if f not in spec.unread}  # a deal's name: a million texts no figure uses
    raw_names = {h.strip(): h for h in next(csv.reader([_header_line(raw, encoding, header_index)], delimiter=delimiter))}
    usecols = [raw_names.get(h, h) for h in read.values()]
    types = {raw_names.get(h, h): spec.fields[f] for f, h in read.items()}
    frame = None
    if header_index == 0 and nrows is None and len(raw_names) == len(headers):  # one table, no comment lines: Arrow can read it
        frame = _read_arrow(path, encoding, delimiter, usecols, types, preset, _sample(raw, encoding, delimiter, usecols))
    if frame is None:
        frame = _read_pandas(path, encoding, delimiter, header_index, usecols, types, lang, nrows)
    frame.columns = [str(c).strip() for c in frame.columns]
    if frame.columns.duplicated().any():
        frame = frame.loc[:, ~frame.columns.duplicated()]
    return _typed(path, preset, matched, frame, header_index + 2, "line", lang, comma_decimal=delimiter != ",", read=read,
                  lines=_Lines(path, encoding, delimiter, header_index))


_ARROW_NUMBERS = (MONEY, NUMBER, COUNT)


def _sample(raw: bytes, encoding: str, delimiter: str, names: list[str], rows: int = 50) -> dict[str, list[str]]:
    """The first non-blank values of some columns, read from the sample already in memory (header on the first line)."""
    text = raw.decode("utf-8-sig" if encoding.startswith("utf-8") else encoding, errors="replace")
    lines = csv_lines(text, keepends=True)[:rows + 1]
    if len(lines) > 1 and not raw.endswith((b"\n", b"\r")) and len(raw) >= SAMPLE:
        lines = lines[:-1]  # the last line of a cut sample may be cut too
    try:
        records = list(csv.reader(io.StringIO("".join(lines)), delimiter=delimiter))
    except csv.Error:
        return {}
    if not records:
        return {}
    where = {h: i for i, h in enumerate(records[0])}
    return {n: [r[where[n]].strip() for r in records[1:] if where.get(n, len(r)) < len(r) and r[where[n]].strip()]
            for n in names if n in where}


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")


def _read_arrow(path: Path, encoding: str, delimiter: str, usecols: list[str], types: dict[str, str], preset: Preset,
                sample: dict[str, list[str]]):
    """The fast path: pyarrow's CSV reader, only the needed columns, typed while parsing; None when it cannot.

    Numbers are read with the file's decimal mark (``,`` in a ``;`` file) and text as text. Dates
    written ISO (2025-12-31, 2025-12-31 10:00) are parsed by Arrow, which refuses an impossible day;
    other dates (31/12/2025…) are read as a dictionary of their distinct texts, and only those few
    are parsed, by the general rules (Arrow's own day-first parser would turn 31/02 into 3 March).
    Any value written another way (« 1 234,56 € », a line with too many fields, bad UTF-8, a date
    the rules reject…) makes this path give up: the general reader then reads the file, with its
    messages by line. tests/test_sources_read.py checks both give the same frame.
    """
    import numpy as np
    import pandas as pd
    import pyarrow as pa
    import pyarrow.csv as pcsv

    from pandas._libs.parsers import STR_NA_VALUES  # the blanks pandas' reader knows, so both paths agree

    if RATE in types.values():  # a rate column's reading depends on the whole column (45 or 0.45): the general rules
        return None
    column_types, by_dictionary = {}, []
    for name, ftype in types.items():
        if ftype in _ARROW_NUMBERS:
            column_types[name] = pa.float64()
        elif ftype == DATE:
            seen = sample.get(name) or []
            if seen and all(_ISO_DAY.match(v) for v in seen):
                column_types[name] = pa.timestamp("ns")
            else:
                column_types[name] = pa.dictionary(pa.int32(), pa.string())
                by_dictionary.append(name)
        else:
            column_types[name] = pa.string()  # Arrow converts to it faster than to large_string (measured), pandas takes either
    try:
        table = pcsv.read_csv(
            path, read_options=pcsv.ReadOptions(encoding="utf8" if encoding.startswith("utf-8") else encoding,
                                                use_threads=_arrow_threads(path.stat().st_size),
                                                block_size=4 << 20),
            parse_options=pcsv.ParseOptions(delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False),
            convert_options=pcsv.ConvertOptions(include_columns=usecols, column_types=column_types, timestamp_parsers=[pcsv.ISO8601],
                                                decimal_point="," if delimiter == ";" else ".", strings_can_be_null=True,
                                                null_values=sorted(STR_NA_VALUES), quoted_strings_can_be_null=True))
    except (pa.ArrowException, ValueError, UnicodeError, LookupError):
        return None
    dates = {}
    for name in by_dictionary:
        column = table.column(name).unify_dictionaries()
        if column.num_chunks == 0:
            dates[name] = pd.Series(np.array([], dtype="datetime64[ns]"))
            continue
        distinct = column.chunk(0).dictionary
        parsed, bad = to_date(pd.Series(distinct.to_pandas(), dtype="str"), preset)
        if bad.any():
            return None  # the general reader says which lines
        parsed = np.append(parsed.to_numpy(dtype="datetime64[ns]"), np.datetime64("NaT"))
        index = np.concatenate([c.indices.fill_null(len(distinct)).to_numpy() for c in column.chunks]) if column.num_chunks else []
        dates[name] = parsed[index]
    frame = table.drop_columns(by_dictionary).to_pandas() if by_dictionary else table.to_pandas()
    for name in by_dictionary:
        frame[name] = dates[name]
    frame = frame[[c for c in table.column_names]]
    return frame


def _arrow_threads(size: int) -> bool:
    """Whether Arrow should read on several threads: for a big file, when a core is idle.

    Measured on a two-core machine shared with other work (bench/results/import.md): with a core idle,
    a million-row deals export reads in 0.30 s on threads against 0.46 s on one; with both cores busy,
    the threads lost at every size. Without a load average (Windows), more than two cores stand for idle.
    """
    cores = os.cpu_count() or 1
    if size <= 16 << 20 or cores < 2:
        return False
    try:
        return os.getloadavg()[0] <= cores - 1
    except (AttributeError, OSError):
        return cores > 2


def _read_pandas(path: Path, encoding: str, delimiter: str, header_index: int, usecols: list[str] | None, types: dict[str, str], lang: str,
                 nrows: int | None = None, text: bool = False):
    """The general path: pandas' C reader (any layout Arrow refused); text columns kept as written.

    ``text``: every column as the text written (a small table whose cells the general rules read one by one).
    """
    import pandas as pd

    # only the needed columns, types inferred (forcing text is slow in pandas' reader: the few text columns
    # read as numbers are read again below, as text); ';' files are French: their decimal comma is read by the parser itself.
    opts = dict(sep=delimiter, skiprows=header_index, header=0, usecols=usecols, encoding=encoding,
                decimal="," if delimiter == ";" else ".", skip_blank_lines=False,  # rows keep their line: blank ones go later
                nrows=nrows)
    if text:
        opts["dtype"] = str
    try:
        try:
            frame = pd.read_csv(path, **opts)
        except ValueError as exc:  # usecols not found (odd quoting of the header): read every column, pick ours after
            if "Usecols" not in str(exc) and "usecols" not in str(exc):
                raise
            opts["usecols"] = None
            frame = pd.read_csv(path, **opts)
        text = [c for c in frame.columns if types.get(str(c).strip(), types.get(c)) in (TEXT, MONTH)
                and not pd.api.types.is_string_dtype(frame[c].dtype)]
        if text:  # codes the reader took for numbers (007, 12.0): read again as the text they are
            again = pd.read_csv(path, **{**opts, "usecols": text, "dtype": str})
            for c in text:
                frame[c] = again[c].astype("str")
    except pd.errors.EmptyDataError as exc:
        raise SourceError(say("src.empty", lang, name=path.name)) from exc
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise SourceError(say("src.bad_csv", lang, name=path.name, detail=str(exc).splitlines()[0])) from exc
    return frame


_COMMENT = re.compile(r"^\s*#(?:\s|-|$)")


_FIGURE = re.compile(r"^[\s\d.,/:%€$+-]*\d[\s\d.,/:%€$+-]*$")


def _looks_like_header(line: str, delimiter: str) -> bool:
    """A header names its columns: no cell of it is a number or a date."""
    cells = [c.strip() for c in next(csv.reader([line], delimiter=delimiter), [])]
    return len([c for c in cells if c]) >= 2 and not any(_FIGURE.match(c) for c in cells if c)


def _tables(raw: bytes, encoding: str, delimiter: str) -> list[tuple[int, int, list[str]]]:
    """(header line index, data lines, header names) of each table of a small CSV whose tables sit under '#' lines.

    Why: a GA4 download holds one table per card of the report, the chart's series (« Nth day ») first,
    each after its own block of '#' comment lines. A file without such blocks is one table.
    """
    text = raw.decode("utf-8-sig" if encoding.startswith("utf-8") else encoding, errors="replace")
    lines = csv_lines(text)
    starts, i = [], 0
    while i < len(lines):
        if _COMMENT.match(lines[i]):
            j, comments = i, 0
            while j < len(lines) and (not lines[j].strip() or _COMMENT.match(lines[j])):
                comments += bool(lines[j].strip())
                j += 1
            if j < len(lines) and (comments >= 2 or i == 0) and _looks_like_header(lines[j], delimiter):
                starts.append(j)  # a block then a header, not values that start with « # 1 » followed by a record
            i = j
        elif i == 0:
            starts.append(0)
        i += 1
    out = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
            end -= 1
        names = next(csv.reader([lines[start]], delimiter=delimiter), [])
        out.append((start, end - start - 1, [n.strip() for n in names]))
    return out


def _header_line(raw: bytes, encoding: str, index: int) -> str:
    text = raw.decode("utf-8-sig" if encoding.startswith("utf-8") else encoding, errors="replace")
    lines = csv_lines(text)
    return lines[index] if index < len(lines) else ""


# ---------------------------------------------------------------- XLSX

def _read_excel(path: Path, kind: str | None, mapping: Preset | None, lang: str) -> Export:
    """The first sheet whose header a preset (or the mapping) recognises; the first sheet's message when none does.

    Why: a workbook prepared by hand often opens on a summary or a notes sheet, the export itself on the next one.
    """
    import pandas as pd

    import zipfile

    damaged = (ValueError, KeyError, TypeError, ImportError, zipfile.BadZipFile, *_engine_errors())
    try:
        book = pd.ExcelFile(path, engine=excel_engine())
        names = book.sheet_names
    except OSError as exc:  # open in Excel on Windows (locked), unreadable: the system's reason, not « damaged »
        raise SourceError(say("src.cannot_read", lang, path=path, reason=os_reason(exc, lang))) from exc
    except damaged as exc:
        raise SourceError(say("src.bad_xlsx", lang, name=path.name, detail=type(exc).__name__)) from exc
    first_error = None
    for number, sheet in enumerate(names):
        try:
            grid = pd.read_excel(book, sheet_name=sheet, header=None, dtype=object)
        except (OSError, *damaged) as exc:
            raise SourceError(say("src.bad_xlsx", lang, name=path.name, detail=type(exc).__name__)) from exc
        header_row = _sheet_header(grid)
        if header_row is None:
            first_error = first_error or SourceError(say("src.no_header_row", lang, name=path.name))
            continue
        headers = [_header_text(c) for c in grid.iloc[header_row].tolist()]
        months = month_headers(headers)
        if months and mapping is None:
            body = grid.iloc[header_row + 1:].reset_index(drop=True)
            body.columns = headers
            try:
                export = _unpivoted(path, body, months, header_row + 2, "row", lang, kind, None)
            except SourceError as exc:
                first_error = first_error or exc
                continue
            if number:
                export.notes.insert(0, say("src.sheet_read", lang, sheet=sheet))
            return export
        try:
            preset, matched = choose_preset(path.name, headers, kind, mapping, lang)
        except SourceError as exc:
            first_error = first_error or exc
            continue
        body = grid.iloc[header_row + 1:]
        body.columns = headers
        frame = body[[h for h in headers if h in matched.values()]].reset_index(drop=True)
        frame = frame.dropna(how="all")  # the index keeps each row's place: messages name the sheet's row
        export = _typed(path, preset, matched, frame, header_row + 2, "row", lang)
        if number:
            export.notes.insert(0, say("src.sheet_read", lang, sheet=sheet))
        return export
    raise first_error or SourceError(say("src.no_header_row", lang, name=path.name))


def _header_text(cell) -> str:
    """A header cell as text; a month typed as a date in a spreadsheet's header (1 Jan 2025) is that month."""
    if cell is None or cell != cell:
        return ""
    if hasattr(cell, "year") and hasattr(cell, "month"):
        return f"{cell.year:04d}-{cell.month:02d}"
    return str(cell).strip()


MONTH_HEADER, VALUE_HEADERS = "Mois", ("Valeur", "Montant")  # names the generic presets know (KPI actuals, spend)


def month_headers(headers: list[str]) -> dict[str, int] | None:
    """{header: (year or 0) * 100 + month} when three headers or more name distinct months beside a label column.

    Why: a budget follow-up or a KPI table keeps one column per month (« Poste ; Janvier ; Février ; … »), the
    layout people type; the kinds that hold monthly figures read one row per month.
    """
    months = {}
    for h in headers:
        m = _month_of(h) if h and (not h.isdigit() or len(h) in (1, 2, 6)) else None  # 1…12, 202501
        if m is not None and 1 <= m % 100 <= 12:
            months[h] = m
    others = [h for h in headers if h and h not in months]
    if len(months) < 3 or len(set(months.values())) < len(months) or not others:
        return None
    return months


def _unpivoted(path: Path, frame, months: dict[str, int], first_line: int, unit: str, lang: str, kind: str | None, lines) -> Export:
    """A one-column-per-month table read as one row per (label, month): its total rows set aside first."""
    import numpy as np
    import pandas as pd

    frame = frame.copy()
    frame.columns = [str(c).strip() for c in frame.columns]
    ids = [h for h in frame.columns if h and h not in months and not is_total_label(h)]
    line = lines or (lambda i: first_line + i)
    note, totals = None, 0
    if ids:  # a « Total » row of the table: its months sum the rows above
        label = frame[ids].astype("string").fillna("")
        total = np.logical_or.reduce([label[h].map(is_total_label).to_numpy(dtype=bool) for h in ids])
        totals = int(total.sum())
        if totals:
            drop_lines = [line(int(i)) for i in np.flatnonzero(total)[:5]]
            note = say("src.total_rows", lang, n=totals, lines=say("src.unit_" + unit, lang, shown=", ".join(map(str, drop_lines))))
            frame = frame[~total]
    long = frame.reset_index(names="_row").melt(id_vars=["_row", *ids], value_vars=list(months), var_name=MONTH_HEADER, value_name="_value")
    long = long[long["_value"].notna() & (long["_value"].astype("string").str.strip() != "")]
    yearless = any(m < 100 for m in months.values())
    long[MONTH_HEADER] = long[MONTH_HEADER].map(lambda h: f"{months[h] // 100:04d}-{months[h] % 100:02d}" if months[h] >= 100
                                                else f"{months[h]:02d}")
    origin = long["_row"].to_numpy()
    long = long.drop(columns="_row").reset_index(drop=True)
    last_error = None
    for value_header in VALUE_HEADERS:
        named = long.rename(columns={"_value": value_header})
        headers = list(named.columns)
        try:
            preset, matched = choose_preset(path.name, headers, kind, None, lang)
        except SourceError as exc:
            last_error = last_error or exc
            continue
        spec = KINDS[preset.kind]
        month_field = next((f for f, h in matched.items() if h == MONTH_HEADER), None)
        if month_field and spec.fields[month_field] == DATE and yearless:
            del matched[month_field]  # « Janvier » has no year to date it: the months are added up
        export = _typed(path, preset, matched, named[list(matched.values())], first_line, unit, lang,
                        lines=lambda i: line(int(origin[i])))
        export.notes.insert(0, say("src.months_as_columns", lang, n=len(months)))
        if note:
            export.notes.insert(1, note)
            export.set_aside += totals
        return export
    raise last_error


def excel_engine() -> str:
    """calamine (Rust) when installed, else openpyxl: a 100 000-row export reads in 2 s instead of 20 (measured)."""
    try:
        import python_calamine  # noqa: F401
    except ImportError:
        return "openpyxl"
    return "calamine"


def _engine_errors() -> tuple[type[BaseException], ...]:
    """What the XLSX engine raises on a damaged file (calamine has its own exceptions)."""
    try:
        import python_calamine
    except ImportError:
        return ()
    return tuple(e for e in (getattr(python_calamine, n, None) for n in ("CalamineError", "PasswordError", "WorksheetNotFound",
                                                                          "XmlError", "ZipError")) if isinstance(e, type))


def _sheet_header(grid) -> int | None:
    """The first row with two texts or more (or a text and three months) that is not a '#' comment: title rows
    above it are skipped."""
    for i in range(min(len(grid), 50)):
        row = grid.iloc[i].tolist()
        cells = [c for c in row if isinstance(c, str) and c.strip()]
        dated = [c for c in row if hasattr(c, "year") and hasattr(c, "month")]  # months typed as dates: « janv.-25 »
        if (len(cells) >= 2 or (cells and len(dated) >= 3)) and not (isinstance(row[0], str) and row[0].lstrip().startswith("#")):
            return i
    return None


# ---------------------------------------------------------------- columns

def choose_preset(name: str, headers: list[str], kind: str | None, mapping: Preset | None, lang: str) -> tuple[Preset, dict[str, str]]:
    """The preset for these headers, or a message saying which columns are missing and how to map them."""
    if mapping is not None:
        if kind is not None and mapping.kind != kind:
            raise SourceError(say("src.mapping_kind", lang, name=name, described=mapping.kind, kind=kind))
        matched = mapping.match(headers)
        unknown = [c[0] for f, c in mapping.columns.items() if f not in matched]
        if unknown:
            raise SourceError(say("src.unknown_columns", lang, name=name, columns=", ".join("« " + u + " »" for u in unknown),
                                  mapping=mapping.name, headers=", ".join(headers)))
        missing = mapping.missing(matched)
        if missing:
            raise SourceError(_missing_message(name, mapping.kind, missing, headers, lang))
        return mapping, matched
    found = detect(headers, kind)
    if found is not None:
        return found
    if kind is not None:
        generic = next((p for p in _presets() if p.kind == kind and not p.specific), None)
        missing = generic.missing(generic.match(headers)) if generic else []
        raise SourceError(_missing_message(name, kind, missing, headers, lang))
    raise SourceError(say("src.unknown_kind", lang, name=name, headers=", ".join(headers[:12]) + (" …" if len(headers) > 12 else ""),
                          kinds=", ".join(KINDS)))


def _presets():
    from .presets import presets

    return presets()


def _missing_message(name: str, kind: str, missing: list[tuple[str, ...]], headers: list[str], lang: str) -> str:
    wanted = " ; ".join(" / ".join(g) for g in missing)
    return say("src.missing_columns", lang, name=name, kind=kind, wanted=wanted, headers=", ".join(headers[:20]))


def _typed(path: Path, preset: Preset, matched: dict[str, str], frame, first_line: int, unit: str, lang: str,
           comma_decimal: bool = True, read: dict[str, str] | None = None, lines=None) -> Export:
    import pandas as pd

    problems = _Problems(path.name, lang)
    spec = KINDS[preset.kind]
    columns = matched if read is None else read
    converted = next((h for f, h in columns.items() if spec.fields[f] == MONEY and normalise(h) in preset.converted), None)
    early_notes = []
    if converted and "currency" in columns:  # HubSpot's « Amount in company currency »: each deal's own currency no longer matters
        columns = {f: h for f, h in columns.items() if f != "currency"}
        matched = {f: h for f, h in matched.items() if f != "currency"}
        early_notes.append(say("src.converted_amounts", lang, column=converted))
    present = [h for h in columns.values() if h in frame]
    if present and len(frame):  # a line with none of the columns read is not a row (blank lines, a footer's other columns)
        import numpy as np

        some = np.logical_or.reduce([frame[h].notna().to_numpy() for h in present])
        if not some.all():
            frame = frame[some]
    line = lines or (lambda i: first_line + i)
    frame, notes, set_aside = _set_aside(frame, spec, columns, line, unit, lang)
    out = {}
    for fkey, header in columns.items():
        col = frame[header]
        ftype = spec.fields[fkey]
        if ftype in (MONEY, NUMBER, COUNT, RATE):
            values, bad = to_number(col, rate=ftype == RATE, comma_decimal=comma_decimal)
            endless = values.abs() == float("inf")  # « 1e309 », « inf »: no cell can hold it
            if endless.any():
                bad, values = bad | endless, values.mask(endless)
            _report(problems, header, col, bad, "numbers" if ftype != MONEY else "amounts", line, unit)
            if fkey not in spec.signed:  # said here, on the export's line, not later on the workbook cell it would fill
                _report(problems, header, col, (values < 0).fillna(False) & ~bad, "positive", line, unit)
            out[fkey] = values
        elif ftype == DATE:
            values, bad = to_date(col, preset)
            _report(problems, header, col, bad, "dates", line, unit)
            out[fkey] = values.astype("datetime64[ns]")  # one resolution whichever rules read the column
        elif ftype == MONTH:
            values, bad = to_month(col)
            _report(problems, header, col, bad, "months", line, unit)
            out[fkey] = values
        else:
            out[fkey] = _text(col)
    problems.raise_if_any()
    typed = pd.DataFrame(out, index=frame.index)
    if typed.empty:
        raise SourceError(say("src.no_rows", lang, name=path.name))
    return Export(path, preset, matched, typed, first_line, unit, early_notes + notes, set_aside, lines)


TOTAL_LABELS = frozenset(("total", "totals", "totaux", "grand total", "total general", "total global", "sous total", "subtotal",
                          "sub total", "sum", "somme"))
_TOTAL_PREFIXES = ("total ", "totals ", "sous total ", "subtotal ", "sub total ", "grand total ")


def is_total_label(text: object) -> bool:
    """« Total », « Grand total », « Sous-total Conseil », "Subtotal Q1": a label that sums the rows above it."""
    n = normalise(text)
    return n in TOTAL_LABELS or n.startswith(_TOTAL_PREFIXES)


def _set_aside(frame, spec, columns: dict[str, str], line, unit: str, lang: str):
    """(the frame without its total rows and trailing footer, the notes saying which lines, how many rows set aside).

    Why: an export prepared in a spreadsheet, a Salesforce « formatted » report or an analytics download often ends
    with a « Total » row, and a Salesforce CSV with a footer (report name, copyright, « Generated By »). Read as a
    record, a total counts everything twice: a marketing controller strikes it out before adding up. A row is a total
    when one of its label cells (text, month or date; not the currency) says total, every other label cell is blank and
    it carries a figure, so « Total SA » invoiced on a date stays a customer. The footer is the run of rows at the end
    with no figure and at most one cell. Both are said with their lines; nothing else is dropped.
    """
    import numpy as np

    labels = [h for f, h in columns.items() if spec.fields[f] in (TEXT, MONTH, DATE) and f != "currency" and h in frame]
    figures = [h for f, h in columns.items() if spec.fields[f] in (MONEY, NUMBER, COUNT, RATE) and h in frame]
    notes, drop = [], np.zeros(len(frame), dtype=bool)
    if not len(frame):
        return frame, notes, 0
    filled = {h: frame[h].notna().to_numpy() for h in columns.values() if h in frame}
    # element-wise over the list (no reduction along a short axis: 5 times slower on a million rows)
    with_figure = np.logical_or.reduce([filled[h] for h in figures]) if figures else np.zeros(len(frame), dtype=bool)
    labelled = np.zeros(len(frame), dtype=np.int8)
    for h in labels:
        labelled += filled[h]
    candidate = (labelled == 1) & with_figure
    for h in labels:
        rows = np.flatnonzero(candidate & filled[h])
        if len(rows):
            values = frame[h].iloc[rows]
            verdict = {u: is_total_label(u) for u in values.unique()}
            drop[rows[values.map(verdict).to_numpy(dtype=bool)]] = True
    if drop.any():
        lines = [line(int(i)) for i in frame.index[drop][:5]]
        shown = ", ".join(str(n) for n in lines) + (" …" if drop.sum() > 5 else "")
        notes.append(say("src.total_rows", lang, n=int(drop.sum()), lines=say("src.unit_" + unit, lang, shown=shown)))
    cells = np.zeros(len(frame), dtype=np.int8)
    for h in filled:
        cells += filled[h]
    record = (with_figure | (cells > 1)) & ~drop
    last = len(record) - 1 - int(np.argmax(record[::-1])) if record.any() else len(record)
    if last < len(record) - 1:  # rows after the last record: a footer
        footer = np.zeros(len(frame), dtype=bool)
        footer[last + 1:] = True
        footer &= ~drop
        if footer.any():
            first, end = (line(int(frame.index[np.flatnonzero(footer)[k]])) for k in (0, -1))
            shown = f"{first}–{end}" if end > first else str(first)
            notes.append(say("src.footer_rows", lang, lines=say("src.unit_" + unit, lang, shown=shown)))
            drop |= footer
    if not drop.any():
        return frame, notes, 0
    return frame[~drop], notes, int(drop.sum())


def _text(col):
    """A text column as read: strings (pandas' string dtype), or numbers when the file wrote codes as numbers.

    Left as it is on purpose: converting a million values costs more than reading them, and every
    consumer compares labels through ``normalise``/``label_key``, which accept both.
    """
    return col


def _report(problems: _Problems, header: str, col, bad, what: str, line, unit: str) -> None:
    if not bad.any():
        return
    idx = bad[bad].index[:5]
    problems.column(header, what, int(bad.sum()), [line(int(i)) for i in idx],
                    [str(v) for v in col[idx].tolist()], unit)


_SPACES = re.compile(r"[\s\u00a0\u202f']")
_CURRENCY = re.compile(r"(?i)[€$£]|\b(?:eur|usd|gbp|chf)\b")


def to_number(col, rate: bool = False, comma_decimal: bool = True):
    """(float values, bad mask): '1 234,56 €', '1,234.56', '(12)', '12,5 %' all read; blanks are missing, not bad.

    Fast path first (pyarrow string kernels over the whole column, for the one convention the
    column uses); only the values it cannot read go through the general, slower rules.
    """
    import pandas as pd

    if pd.api.types.is_numeric_dtype(col.dtype) or pd.api.types.is_bool_dtype(col.dtype) or rate:
        return _to_number(col, rate, comma_decimal)
    s = col.astype("string[pyarrow]").str.strip()
    blank = s.isna() | (s == "")
    for token in ("\u00a0", "\u202f", " ", "€"):
        s = s.str.replace(token, "", regex=False)
    has_c = s.str.contains(",", regex=False).fillna(False)
    has_d = s.str.contains(".", regex=False).fillna(False)
    dot_last = (has_d & (s.str.rfind(".") > s.str.rfind(","))).any()
    comma_last = (has_c & (s.str.rfind(",") > s.str.rfind("."))).any()
    if comma_last and dot_last:  # both conventions in one column: value by value
        return _to_number(col, rate, comma_decimal)
    if comma_last and (comma_decimal or has_d.any()):
        s = s.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    elif has_c.any():
        if not s[has_c].str.fullmatch(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?").all():  # « 3,5 » groups no thousands
            return _to_number(col, rate, comma_decimal)
        s = s.str.replace(",", "", regex=False)
    values = pd.to_numeric(s.mask(blank), errors="coerce").astype("float64")
    rest = values.isna() & ~blank
    if rest.any():  # the few values written another way: the general rules
        v2, bad2 = _to_number(col[rest], rate, comma_decimal)
        values[rest] = v2
        return values, (bad2.reindex(col.index, fill_value=False)).astype(bool)
    return values, pd.Series(False, index=col.index)


def _to_number(col, rate: bool = False, comma_decimal: bool = True):
    import numpy as np
    import pandas as pd

    if pd.api.types.is_bool_dtype(col.dtype):
        col = col.astype("string")
    if pd.api.types.is_numeric_dtype(col.dtype):
        values = col.astype("float64")
        return (values / 100 if rate and (values > 1).any() else values), pd.Series(False, index=col.index)
    s = col.astype("string").str.strip()
    blank = s.isna() | (s == "") | s.isin(["-", "—", "n/a", "N/A", "NA", "nan"])
    pct = s.str.contains("%", regex=False).fillna(False)
    s = s.str.replace(_CURRENCY, "", regex=True).str.replace(_SPACES, "", regex=True).str.replace("%", "", regex=False)
    s = s.str.replace("\u2212", "-", regex=False)  # the typographic minus of formatted reports
    trailing = s.str.match(r"^\d[\d.,]*-$").fillna(False)  # accounting software (SAP, Sage) writes « 1.234,56- »
    neg = s.str.match(r"^\(.*\)$").fillna(False) | trailing
    s = s.mask(trailing, s.str.slice(0, -1)).str.strip("()")
    has_c = s.str.contains(",", regex=False).fillna(False)
    has_d = s.str.contains(".", regex=False).fillna(False)
    both = has_c & has_d
    comma_last = s.str.rfind(",") > s.str.rfind(".")
    if (both & ~comma_last).any() and not (both & comma_last).any():
        comma_decimal = False  # the column writes 1,234.50 somewhere: its commas group thousands
    elif (both & comma_last).any():
        comma_decimal = True
    grouped = s.str.match(r"^-?\d{1,3}(,\d{3})+$").fillna(False)  # 1,200: thousands in a comma CSV, 1.2 in a ';' one
    thousands = grouped & ((s.str.count(",") > 1) | (not comma_decimal))
    fr = (both & comma_last) | (has_c & ~has_d & ~thousands)
    en_thousands = (both & ~comma_last)
    multi_dot = s.str.count(r"\.") > 1
    s = s.mask(fr, s.str.replace(".", "", regex=False).str.replace(",", ".", regex=False))
    s = s.mask(en_thousands | (has_c & ~fr), s.str.replace(",", "", regex=False))
    s = s.mask(multi_dot & ~fr, s.str.replace(".", "", regex=False))
    values = pd.to_numeric(s.mask(blank), errors="coerce").astype("float64")
    values = values.mask(neg, -values)
    bad = values.isna() & ~blank
    if rate:
        values = values.mask(pct | (values > 1), values / 100)
    return values, bad.fillna(False).astype(bool)


_DMY = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})")


def to_date(col, preset: Preset):
    """(datetime64 values, bad mask): ISO dates and times, 31/12/2025 or 12/31/2025 (decided on the column), Excel dates.

    Each distinct text is parsed once (an export repeats its dates: a year has 365 days).
    """
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(col.dtype):
        return _to_date(col, preset)
    if col.dtype == object:
        head = col.dropna().head(100)
        if len(head) and all(hasattr(v, "year") for v in head):  # a spreadsheet's dates
            return _to_date(col, preset)
    codes, uniques = pd.factorize(col, use_na_sentinel=True)
    if len(uniques) > len(col) // 2 or not len(uniques):
        return _to_date(col, preset)
    parsed, bad = _to_date(pd.Series(uniques, dtype=object).astype(str), preset)
    parsed = parsed.to_numpy(dtype="datetime64[ns]")
    bad = bad.to_numpy()
    import numpy as np

    values = np.where(codes >= 0, parsed[np.maximum(codes, 0)], np.datetime64("NaT"))
    return pd.Series(values, index=col.index, dtype="datetime64[ns]"), pd.Series(np.where(codes >= 0, bad[np.maximum(codes, 0)], False),
                                                                                 index=col.index)


def _to_date(col, preset: Preset):
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(col.dtype):
        values = col.dt.tz_localize(None) if getattr(col.dt, "tz", None) is not None else col
        return _in_calendar(values)
    if col.dtype == object and len(col) and all(hasattr(v, "year") or v is None or v != v for v in col.head(100)):
        values, beyond = _in_calendar(pd.to_datetime(col, errors="coerce"))
        return values, ((values.isna() & col.notna()) | beyond).astype(bool)
    s = col.astype("string").str.strip()
    blank = s.isna() | (s == "")
    iso = pd.to_datetime(s.str.replace(r"(?:Z|[+-]\d\d:?\d\d)$", "", regex=True).where(s.str.match(r"^\d{4}-\d{2}-\d{2}").fillna(False)),
                         errors="coerce", format="ISO8601")
    values = iso
    rest = values.isna() & ~blank
    if rest.any():
        parts = s[rest].str.extract(_DMY)
        a, b, y = (pd.to_numeric(parts[i], errors="coerce").astype("float64") for i in range(3))
        y = y.where(y >= 100, y + 2000)
        if preset.dayfirst is not None:
            dayfirst = preset.dayfirst
        elif (a > 12).any():
            dayfirst = True
        elif (b > 12).any():
            dayfirst = False
        else:
            dayfirst = True
        day, month = (a, b) if dayfirst else (b, a)
        parsed = pd.to_datetime(pd.DataFrame({"year": y, "month": month, "day": day}), errors="coerce")
        values = values.copy()
        values[rest] = parsed
        still = values.isna() & ~blank
        if still.any():  # compact 20250131
            compact = pd.to_datetime(s[still].where(s[still].str.match(r"^\d{8}$").fillna(False)), format="%Y%m%d", errors="coerce")
            values[still] = compact
        still = values.isna() & ~blank
        if still.any():  # Excel serial numbers (a date column formatted « Standard » before saving as CSV): 45731 = 15/03/2025
            serial = pd.to_numeric(s[still].where(s[still].str.match(r"^\d{5}(?:[.,]\d+)?$").fillna(False)).str.replace(",", "."),
                                   errors="coerce")
            values[still] = pd.to_datetime(serial, unit="D", origin=EXCEL_EPOCH, errors="coerce").dt.floor("s")
        still = values.isna() & ~blank
        if still.any():  # month names: Mailchimp's "Jan 14, 2025 09:00 am", « 14 janv. 2025 »
            table = {u: named_date(str(u)) for u in s[still].unique()}
            values[still] = pd.to_datetime(s[still].map(table), errors="coerce")
        still = values.isna() & ~blank
        if still.any():  # a month alone (2025-01, 01/2025, « janv. 2025 », Excel's « janv-25 »): its first day
            table = {u: _first_day(str(u)) for u in s[still].unique()}
            values[still] = pd.to_datetime(s[still].map(table), errors="coerce")
    values, beyond = _in_calendar(values)
    bad = (values.isna() & ~blank) | beyond
    return values, bad.fillna(False).astype(bool)


EXCEL_EPOCH = "1899-12-30"  # day 0 of Excel's 1900 date system (serial 1 = 1900-01-01, counting its phantom 29 February)
EARLIEST, LATEST = "1900-01-01", "2200-01-01"  # a business date outside these is a typo (0025, 9999) or a placeholder


def _in_calendar(values):
    """(the dates as datetime64[ns], NaT outside 1900–2199; the mask of those set aside as bad).

    Why: « 9999-12-31 » is a placeholder and « 0025-03-01 » a typo; neither fits the nanosecond dates the
    figures are computed on (1677–2262), and a year a plan can hold is far inside that range.
    """
    import pandas as pd

    values = pd.to_datetime(values, errors="coerce") if not pd.api.types.is_datetime64_any_dtype(values.dtype) else values
    beyond = values.notna() & ((values < pd.Timestamp(EARLIEST)) | (values >= pd.Timestamp(LATEST)))
    if beyond.any():
        values = values.mask(beyond)
    return values.astype("datetime64[ns]"), beyond


_TIME = re.compile(r"\b\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:utc|gmt|[a-z]{3,4}t|[+-]\d{2}:?\d{2}))?", re.IGNORECASE)


_ORDINAL = re.compile(r"^(\d{1,2})(?:er|e|st|nd|rd|th)$")


def named_date(text: str) -> dt.date | None:
    """A date written with its month's name, in English or French, with or without weekday and time.

    Why: exports meant for people spell the month. Mailchimp's campaign reports say
    "Jan 14, 2025 09:00 am", a French interface « mardi 14 janvier 2025 » or « 14 janv. 2025 ».
    The day is the one- or two-digit number, the year the four-digit one: no order to guess.
    """
    words = [_ORDINAL.sub(r"\1", w) for w in normalise(_TIME.sub(" ", text)).split()]
    months = [MONTH_NAMES[w] for w in words if w in MONTH_NAMES]
    numbers = [w for w in words if w.isdigit()]
    years = [int(w) for w in numbers if len(w) == 4]
    days = [int(w) for w in numbers if len(w) <= 2]
    if len(months) != 1 or len(years) != 1 or len(days) != 1 or len(numbers) != 2 or len(words) > 5:
        return None
    try:
        return dt.date(years[0], months[0], days[0])
    except ValueError:
        return None


def _first_day(text: str) -> dt.date | None:
    """The first day of a month written without its day, when the year is written too (a spend export by month)."""
    if len(re.findall(r"\d+", text)) > 2:  # a day is written: a date the rules above refused stays refused
        return None
    month = _month_of(text)
    return dt.date(month // 100, month % 100, 1) if month and month >= 190001 and 1 <= month % 100 <= 12 else None


def to_month(col):
    """(Series of (year or 0) * 100 + month, bad mask) from 2025-01, 202501, 01/2025, 'janvier 2025', 'Jan', 1…12, dates."""
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(col.dtype):
        return (col.dt.year * 100 + col.dt.month).astype("Int64"), pd.Series(False, index=col.index)
    s = col.astype("string").str.strip()
    blank = s.isna() | (s == "")
    out = pd.Series(pd.NA, index=col.index, dtype="Int64")
    uniq = s[~blank].unique()
    table = {u: _month_of(str(u)) for u in uniq}
    mapped = s.map(table)
    out = pd.to_numeric(mapped, errors="coerce").astype("Int64")
    bad = out.isna() & ~blank
    return out, bad.fillna(False).astype(bool)


def _month_of(text: str) -> int | None:
    t = text.strip()
    m = re.match(r"^(\d{4})(\d{2})\d{2}$", t)  # GA4's Date dimension: 20250115
    if m and 1 <= int(m.group(2)) <= 12:
        return int(m.group(1)) * 100 + int(m.group(2))
    m = re.match(r"^(\d{4})[-/.]?(\d{1,2})(?:[-/.]\d{1,2})?(?:[ T].*)?$", t)
    if m and 1 <= int(m.group(2)) <= 12 and (len(t) != 8 or t.isdigit()):
        return int(m.group(1)) * 100 + int(m.group(2))
    m = re.match(r"^(\d{1,2})[-/.](\d{4})$", t)
    if m and 1 <= int(m.group(1)) <= 12:
        return int(m.group(2)) * 100 + int(m.group(1))
    m = re.match(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", t)
    if m:  # 31/12/2025, or 12/31/2025 when the day comes second
        month = int(m.group(2)) if 1 <= int(m.group(2)) <= 12 else int(m.group(1))
        return int(m.group(3)) * 100 + month if 1 <= month <= 12 else None
    if t.isdigit() and 1 <= int(t) <= 12:
        return int(t)
    words = normalise(t).split()
    if words and words[0] in MONTH_NAMES:
        year = next((int(w) for w in words[1:] if w.isdigit() and len(w) == 4), 0)
        if not year and re.match(r"^[^\W\d_]+\.?-\d{2}$", t):  # Excel's mmm-yy: « janv-25 », "Jan-25"
            year = 2000 + int(t[-2:])
        return year * 100 + MONTH_NAMES[words[0]]
    return None


def export_headers(path: str | os.PathLike) -> list[str]:
    """The header names of an export (for ``--init-mapping``)."""
    path = Path(path)
    if path.suffix.lower() in EXCEL_SUFFIXES:
        import pandas as pd

        import zipfile

        try:
            grid = pd.read_excel(path, header=None, dtype=object, nrows=50, engine=excel_engine())
        except (ValueError, OSError, KeyError, TypeError, ImportError, zipfile.BadZipFile, *_engine_errors()) as exc:
            raise SourceError(msg("src.bad_xlsx", name=path.name, detail=type(exc).__name__)) from exc
        row = _sheet_header(grid)  # the same header row the import reads
        return [] if row is None else [h for h in (_header_text(c) for c in grid.iloc[row].tolist()) if h]
    try:
        with open(path, "rb") as fh:
            raw = fh.read(SAMPLE)
    except OSError as exc:
        raise SourceError(msg("src.cannot_read", path=path, reason=os_msg(exc))) from exc
    return sniff(raw)[3]
