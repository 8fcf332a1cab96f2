"""A seeded corpus of hostile workbooks and JSON plans, generated from the demo (nothing stored).

Each case is (name, kind, bytes) with kind "xlsm" or "json". The families follow what a
hostile-input review fed the tool: truncations, bit flips, zip bombs, duplicate and
unsupported zip entries, XML attacks, broken references inside the package, edited
cells, tables and names, formula-injection and control-character text, huge and
non-finite numbers, and malformed JSON. ``corpus(base, seed)`` yields them lazily so a
fast subset only builds what it runs.
"""
from __future__ import annotations

import io
import json
import random
import re
import struct
import warnings
import zipfile
from typing import Callable, Iterator

SHEET = "xl/worksheets/sheet2.xml"  # the Commercial sheet of the demo
CELL_WITH_NUMBER = re.compile(rb'<c r="D6"([^>]*)><v>[^<]*</v></c>')


def parts_of(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


def rezip(parts: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are the point of some cases
        with zipfile.ZipFile(buf, "w", method) as zf:
            for name, body in parts:
                zf.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), body, compress_type=method)
    return buf.getvalue()


def with_part(data: bytes, name: str, edit: Callable[[bytes], bytes]) -> bytes:
    return rezip([(n, edit(b) if n == name else b) for n, b in parts_of(data)])


def patch_headers(data: bytes, entry: str, method: int | None = None, flags: int | None = None) -> bytes:
    """Rewrite the compression method and/or flag bits of one entry, in its local and central headers."""
    out = bytearray(data)
    name = entry.encode()
    for sig, method_at, flag_at, name_len_at, name_at in ((b"PK\x03\x04", 8, 6, 26, 30), (b"PK\x01\x02", 10, 8, 28, 46)):
        pos = 0
        while (pos := out.find(sig, pos)) >= 0:
            (n,) = struct.unpack_from("<H", out, pos + name_len_at)
            if bytes(out[pos + name_at:pos + name_at + n]) == name:
                if method is not None:
                    struct.pack_into("<H", out, pos + method_at, method)
                if flags is not None:
                    struct.pack_into("<H", out, pos + flag_at, flags)
            pos += 4
    return bytes(out)


def _body(xml: bytes) -> bytes:
    """The XML without its declaration (if any)."""
    return xml.split(b"?>", 1)[1] if xml.lstrip().startswith(b"<?xml") else xml


def _sub(pattern: bytes, repl: bytes, count: int = 1) -> Callable[[bytes], bytes]:
    return lambda body: re.sub(pattern, repl, body, count=count)


def _set_d6(inner: bytes) -> Callable[[bytes], bytes]:
    """Replace the Commercial sheet's input cell D6 by ``inner`` (a whole <c> element)."""
    return lambda body: CELL_WITH_NUMBER.sub(inner, body, count=1) if CELL_WITH_NUMBER.search(body) else \
        re.sub(rb'<c r="D6"[^>]*/>', inner, body, count=1)


def _inline(text: str) -> bytes:
    esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").encode("utf-8", "surrogatepass")
    return b'<c r="D6" t="inlineStr"><is><t xml:space="preserve">' + esc + b"</t></is></c>"


def workbook_cases(base: bytes, rng: random.Random) -> Iterator[tuple[str, Callable[[], bytes]]]:
    """(name, builder) for every hostile workbook; builders run only when the case is used."""
    parts = parts_of(base)
    names = [n for n, _ in parts]
    xml_parts = [n for n in names if n.endswith((".xml", ".rels"))]
    # --- whole-file damage
    for i in range(30):
        cut = rng.randrange(1, len(base))
        yield f"truncated_{i}", (lambda cut=cut: base[:cut])
    for i in range(40):
        flips = [rng.randrange(len(base)) for _ in range(rng.choice((1, 1, 3, 20)))]
        def flipped(flips=flips) -> bytes:
            out = bytearray(base)
            for pos in flips:
                out[pos] ^= 1 << (pos % 8)
            return bytes(out)
        yield f"bitflip_{i}", flipped
    yield "empty_file", lambda: b""
    yield "not_a_zip", lambda: b"Hello, this is not a workbook\n" * 10
    yield "ole_header", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    yield "stored_not_deflated", lambda: rezip(parts, zipfile.ZIP_STORED)
    # --- zip-level attacks
    yield "bomb_sheet", lambda: rezip([(n, b"<" + b" " * (40 * 1024 * 1024) if n == SHEET else b) for n, b in parts])
    yield "bomb_extra_part", lambda: rezip(parts + [("xl/media/huge.bin", b"\0" * (70 * 1024 * 1024))])
    yield "bomb_ratio", lambda: rezip(parts + [("xl/media/zeros.bin", b"\0" * (3 * 1024 * 1024))])
    yield "duplicate_vba", lambda: rezip(parts + [("xl/vbaProject.bin", b"not the project")])
    yield "duplicate_sheet", lambda: rezip(parts + [(SHEET, dict(parts)[SHEET])])
    yield "duplicate_case", lambda: rezip(parts + [(SHEET.upper(), b"<x/>")])
    for method in (9, 12, 14, 99):
        yield f"compression_{method}", (lambda method=method: patch_headers(rezip(parts), SHEET, method=method))
    yield "zipcrypto_flag", lambda: patch_headers(rezip(parts), SHEET, flags=0x1)
    yield "aes_flag", lambda: patch_headers(rezip(parts), SHEET, method=99, flags=0x1)
    for name in ("../evil.xml", "/abs/evil.xml", "..\\evil.xml", "C:/evil.xml", "xl/../../evil.xml"):
        yield f"zipslip_{name[:6]}", (lambda name=name: rezip(parts + [(name, b"<evil/>")]))
    for i in range(15):  # corrupt deflate data inside one part (CRC or stream error)
        target = rng.choice(names)
        def corrupt(target=target, seed=rng.random()) -> bytes:
            data = bytearray(rezip(parts))
            pos = 0
            while (pos := data.find(b"PK\x03\x04", pos)) >= 0:
                (n, extra) = struct.unpack_from("<HH", data, pos + 26)
                if bytes(data[pos + 30:pos + 30 + n]) == target.encode():
                    (size,) = struct.unpack_from("<I", data, pos + 18)
                    start = pos + 30 + n + extra
                    if size:
                        data[start + int(seed * size)] ^= 0x55
                    break
                pos += 4
            return bytes(data)
        yield f"deflate_{i}_{target.rsplit('/', 1)[-1]}", corrupt
    # --- XML attacks and malformed XML
    dtd = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
    xxe = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    for target in ("xl/workbook.xml", SHEET, "xl/sharedStrings.xml", "[Content_Types].xml", "xl/styles.xml"):
        if target not in names:
            continue
        yield f"dtd_{target}", (lambda t=target: with_part(base, t, lambda b: dtd + _body(b)))
        yield f"xxe_{target}", (lambda t=target: with_part(base, t, lambda b: xxe + _body(b).replace(b">", b">&e;", 1)))
        yield f"badxml_{target}", (lambda t=target: with_part(base, t, lambda b: b[: len(b) // 2]))
    for i in range(30):
        target = rng.choice(xml_parts)
        def mangle(target=target, seed=rng.randrange(1 << 30)) -> bytes:
            r = random.Random(seed)
            def edit(b: bytes) -> bytes:
                ops = [lambda s: s.replace(b"<", b"<x", 1), lambda s: s.replace(b'r="', b'q="', r.randint(1, 50)),
                       lambda s: re.sub(rb'"[^"]{0,20}"', b'"\xff\xfe"', s, count=3),
                       lambda s: s.replace(b"</", b"<", 1), lambda s: s[: r.randrange(1, len(s))] + s[r.randrange(1, len(s)):]]
                return r.choice(ops)(b)
            return with_part(base, target, edit)
        yield f"mangle_{i}_{target.rsplit('/', 1)[-1]}", mangle
    # --- references inside the package
    main_ns = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    yield "wrong_ns_workbook", lambda: with_part(base, "xl/workbook.xml", lambda b: b.replace(main_ns, b"urn:wrong", 1))
    yield "strict_ns_sheet", lambda: with_part(base, SHEET, lambda b: b.replace(main_ns, b"http://purl.oclc.org/ooxml/spreadsheetml/main"))
    yield "wrong_ns_strings", lambda: with_part(base, "xl/sharedStrings.xml", lambda b: b.replace(main_ns, b"urn:wrong"))
    yield "cell_without_r", lambda: with_part(base, SHEET, _sub(rb'<c r="[A-Z]+[0-9]+"', b"<c"))
    yield "all_cells_without_r", lambda: with_part(base, SHEET, _sub(rb'<c r="[A-Z]+[0-9]+"', b"<c", 0))
    yield "row_without_r", lambda: with_part(base, SHEET, _sub(rb'<row r="[0-9]+"', b"<row"))
    yield "lowercase_cell_ref", lambda: with_part(base, SHEET, _sub(rb'<c r="D6"', b'<c r="d6"'))
    yield "rel_without_target", lambda: with_part(base, "xl/_rels/workbook.xml.rels", _sub(rb' Target="[^"]*"', b""))
    yield "rels_all_without_target", lambda: with_part(base, "xl/_rels/workbook.xml.rels", _sub(rb' Target="[^"]*"', b"", 0))
    yield "rel_to_missing_part", lambda: with_part(base, "xl/_rels/workbook.xml.rels", _sub(rb'Target="worksheets/sheet2.xml"', b'Target="worksheets/nope.xml"'))
    for t in ("table1.xml", "table3.xml"):
        yield f"lowercase_table_ref_{t}", (lambda t=t: with_part(base, f"xl/tables/{t}", lambda b: re.sub(rb' ref="([^"]+)"', lambda m: b' ref="' + m.group(1).lower() + b'"', b, count=1)))
        yield f"quoted_table_ref_{t}", (lambda t=t: with_part(base, f"xl/tables/{t}", _sub(rb' ref="([^"]+)"', rb' ref="&apos;\1&apos;"')))
        yield f"garbage_table_ref_{t}", (lambda t=t: with_part(base, f"xl/tables/{t}", _sub(rb' ref="([^"]+)"', b' ref="A1:ZZZZ99999999"')))
        yield f"huge_table_ref_{t}", (lambda t=t: with_part(base, f"xl/tables/{t}", _sub(rb' ref="([A-Z]+)([0-9]+):([A-Z]+)[0-9]+"', rb' ref="\1\2:\g<3>1048576"')))
        yield f"no_table_ref_{t}", (lambda t=t: with_part(base, f"xl/tables/{t}", _sub(rb' ref="[^"]+"', b"")))
    for label, index in (("out_of_range", b"999999"), ("minus_one", b"-1"), ("text", b"abc"), ("empty", b"")):
        yield f"shared_string_{label}", (lambda index=index: with_part(
            base, SHEET, _sub(rb'<c r="A6"[^>]*>.*?</c>', b'<c r="A6" t="s"><v>' + index + b"</v></c>")))
    yield "renamed_sheet_names_stale", lambda: with_part(base, "xl/workbook.xml", _sub(rb'name="Budget"', b'name="Budget 2027"'))
    yield "names_removed", lambda: with_part(base, "xl/workbook.xml", _sub(rb"<definedNames>.*</definedNames>", b""))
    yield "name_to_range", lambda: with_part(base, "xl/workbook.xml", _sub(rb"(<definedName name=\"[a-z_]+\">[^<]*?)\$([A-Z]+)\$([0-9]+)<", rb"\1$\2$\3:$\2$9<"))
    yield "name_to_external", lambda: with_part(base, "xl/workbook.xml", _sub(rb"(<definedName name=\"[a-z_]+\">)[^<]*<", rb"\1[1]Sheet1!$A$1<"))
    yield "name_lowercase", lambda: with_part(base, "xl/workbook.xml", _sub(rb"(<definedName name=\"[a-z_]+\">[^<]*?)\$([A-Z]+)\$([0-9]+)<", lambda m: m.group(1) + b"$" + m.group(2).lower() + b"$" + m.group(3) + b"<"))
    yield "name_past_last_row", lambda: with_part(base, "xl/workbook.xml", _sub(rb"(<definedName name=\"[a-z_]+\">[^<]*?)\$([A-Z]+)\$([0-9]+)<", rb"\1$\2$1048577<", 0))
    # --- cell values
    for label, inner in (("nan", b'<c r="D6"><v>NaN</v></c>'), ("inf", b'<c r="D6"><v>INF</v></c>'),
                         ("1e309", b'<c r="D6"><v>1e309</v></c>'), ("1e308", b'<c r="D6"><v>1e308</v></c>'),
                         ("9.9e307", b'<c r="D6"><v>9.9e307</v></c>'), ("neg_huge", b'<c r="D6"><v>-1e308</v></c>'),
                         ("400_digits", b'<c r="D6"><v>' + b"9" * 400 + b"</v></c>"),
                         ("5000_digits", b'<c r="D6"><v>' + b"9" * 5000 + b"</v></c>"),
                         ("empty_v", b'<c r="D6"><v></v></c>'), ("bool", b'<c r="D6" t="b"><v>1</v></c>'),
                         ("error", b'<c r="D6" t="e"><v>#DIV/0!</v></c>'), ("bad_type", b'<c r="D6" t="zz"><v>1</v></c>'),
                         ("array_formula", b'<c r="D6"><f t="array" ref="D6:F6">ROW()</f><v>6</v></c>'),
                         ("formula_no_value", b'<c r="D6"><f>1/0</f></c>'),
                         ("date_number", b'<c r="D6"><v>20240101</v></c>')):
        yield f"value_{label}", (lambda inner=inner: with_part(base, SHEET, _set_d6(inner)))
    for label, text in (("2M_chars", "x" * 2_000_000), ("32768_chars", "y" * 32_768), ("32767_chars", "z" * 32_767),
                        ("tabs_newlines", "a\tb\nc\r\nd"), ("whitespace", "   "), ("formula_text", "=1+1"),
                        ("hyperlink_text", '=HYPERLINK("http://evil.example","x")'), ("plus", "+1"), ("at", "@SUM(A1)"),
                        ("url", "https://evil.example"), ("control_escape", "_x0001_"), ("rtl", "\u202eevil"),
                        ("emoji", "😀" * 100)):
        yield f"text_{label}", (lambda text=text: with_part(base, SHEET, _set_d6(_inline(text))))
        # the same text in a label cell (A6: the offer line) that reaches tables and charts
        yield f"label_{label}", (lambda text=text: with_part(base, SHEET, _sub(rb'<c r="A6"[^>]*>.*?</c>', _inline(text).replace(b'r="D6"', b'r="A6"'))))
    for i in range(20):  # random cells of the plan sheets typed over with random content
        def typed(seed=rng.randrange(1 << 30)) -> bytes:
            r = random.Random(seed)
            sheet = r.choice([n for n in names if n.startswith("xl/worksheets/sheet") and n.endswith(".xml")])
            value = r.choice([b"<v>1e308</v>", b"<v>-5</v>", b"<v>0.5</v>", b'<f>1/0</f><v>0</v>', b"<v>abc</v>"])
            def edit(body: bytes) -> bytes:
                refs = re.findall(rb'<c r="([A-Z]+[0-9]+)"', body)
                if not refs:
                    return body
                ref = r.choice(refs)
                return re.sub(rb'<c r="' + ref + rb'"[^>]*?(/>|>.*?</c>)', b'<c r="' + ref + b'">' + value + b"</c>", body, count=1)
            return with_part(base, sheet, edit)
        yield f"typed_{i}", typed


def json_cases(base: dict, rng: random.Random) -> Iterator[tuple[str, Callable[[], bytes]]]:
    text = json.dumps(base, ensure_ascii=False)
    raw = text.encode("utf-8")
    yield "json_empty", lambda: b""
    yield "json_truncated", lambda: raw[: len(raw) // 2]
    yield "json_deep", lambda: b"[" * 100_000 + b"]" * 100_000
    yield "json_deep_object", lambda: b'{"a":' * 5000 + b"1" + b"}" * 5000
    yield "json_utf16", lambda: text.encode("utf-16")
    yield "json_utf16le_nobom", lambda: text.encode("utf-16-le")
    yield "json_latin1", lambda: text.encode("latin-1", "replace")
    yield "json_binary", lambda: bytes(range(256)) * 10
    yield "json_scalar", lambda: b"42"
    yield "json_list", lambda: b"[1, 2, 3]"
    yield "json_null", lambda: b"null"
    yield "json_nan", lambda: raw.replace(b'"revenue": ', b'"revenue": NaN, "x": ', 1)
    for label, value in (("nan", "NaN"), ("inf", "Infinity"), ("neg_inf", "-Infinity"), ("400_digits", "9" * 400),
                         ("5000_digits", "9" * 5000), ("1e309", "1e309"), ("1e308", "1e308"), ("neg", "-1"),
                         ("string", '"beaucoup"'), ("object", '{"a": 1}'), ("list", "[1]"), ("true", "true")):
        def numeric(value=value) -> bytes:
            d = json.loads(text)
            d["tables"]["commercial"][0]["revenue"] = "__V__"
            return json.dumps(d).replace('"__V__"', value).encode()
        yield f"json_number_{label}", numeric
    for label, value in (("nul", "a\u0000b"), ("control", "a\u0007b"), ("surrogate", "\\ud800"), ("long", "x" * 40_000),
                         ("formula", "=1+1"), ("hyperlink", '=HYPERLINK(\\"http://evil.example\\",\\"x\\")'),
                         ("tabs", "a\\tb\\nc"), ("whitespace", "   "), ("numeric_date", "20240101"), ("bidi", "\u202e")):
        def texty(value=value) -> bytes:
            d = json.loads(text)
            d["tables"]["commercial"][0]["line"] = "__V__"
            body = json.dumps(d, ensure_ascii=False)
            literal = value if "\\" in value else json.dumps(value, ensure_ascii=False)[1:-1]
            return body.replace("__V__", literal).encode("utf-8", "surrogatepass")
        yield f"json_text_{label}", texty
    yield "json_scalars_list", lambda: json.dumps(dict(base, scalars=[1, 2])).encode()
    yield "json_tables_string", lambda: json.dumps(dict(base, tables="x")).encode()
    yield "json_table_object", lambda: json.dumps(dict(base, tables={"commercial": {"a": 1}})).encode()
    yield "json_row_scalar", lambda: json.dumps(dict(base, tables={"commercial": [1, "x", None]})).encode()
    yield "json_rows_100000", lambda: json.dumps(dict(base, tables={"commercial": [{"line": "x", "revenue": 1}] * 100_000})).encode()
    yield "json_lang_bad", lambda: json.dumps(dict(base, lang="de")).encode()
    yield "json_version_bad", lambda: json.dumps(dict(base, schema_version=99)).encode()
    yield "json_unknown_key", lambda: json.dumps(dict(base, extra={"a": 1})).encode()
    yield "json_key_control", lambda: json.dumps(dict(base, scalars={"a\u0000b": 1})).encode()
    yield "json_date_bad", lambda: json.dumps(dict(base, scalars=dict(base.get("scalars", {}), plan_start="31/12/2026"))).encode()
    for i in range(30):  # random type swaps in the demo plan
        def swapped(seed=rng.randrange(1 << 30)) -> bytes:
            r = random.Random(seed)
            d = json.loads(text)
            for _ in range(r.randint(1, 5)):
                table = r.choice(list(d["tables"]))
                rows = d["tables"][table]
                if not rows:
                    continue
                row = r.choice(rows)
                if not row:
                    continue
                key = r.choice(list(row))
                row[key] = r.choice([None, "", "texte", -1, 1e308, 2 ** 70, [1], {"a": 1}, True, 0.5, "=1+1", "\u0000"])
            return json.dumps(d, ensure_ascii=False).encode("utf-8")
        yield f"json_swap_{i}", swapped
    for i in range(10):
        def cut(pos=rng.randrange(1, len(raw))) -> bytes:
            return raw[:pos]
        yield f"json_cut_{i}", cut


def corpus(base_xlsm: bytes, base_json: dict, seed: int = 20261130) -> Iterator[tuple[str, str, Callable[[], bytes]]]:
    rng = random.Random(seed)
    for name, build in workbook_cases(base_xlsm, rng):
        yield name, "xlsm", build
    for name, build in json_cases(base_json, rng):
        yield name, "json", build
