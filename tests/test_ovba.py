"""Oracles for the [MS-OVBA] writer: the spec's own algorithm, two independent
readers (oletools, pyopenvba) and the VBA project Excel users open in xlwings'
quickstart_standalone.xlsm (the golden file)."""

from __future__ import annotations

import importlib.util
import os
import random
import re
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import olefile
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oletools.olevba import VBA_Parser, decompress_stream
from pyopenvba.cfb import CFB
from pyopenvba.vba import parse_vba_project

from planmkg_xl.io import ovba

XLWINGS_DIR = Path(importlib.util.find_spec("xlwings").origin).parent
ORACLE_FILES = ["quickstart_standalone.xlsm", "quickstart.xlsm",
                "quickstart_addin.xlam", "quickstart_addin_ribbon.xlam"]


# --- helpers -----------------------------------------------------------------

def _vba_bin(name: str = "quickstart_standalone.xlsm") -> bytes:
    with zipfile.ZipFile(XLWINGS_DIR / name) as package:
        return package.read("xl/vbaProject.bin")


def _records(dir_stream: bytes) -> list[tuple[int, bytes]]:
    """Split a decompressed dir stream into (id, payload) records."""
    out, i = [], 0
    while i < len(dir_stream):
        rid, size = struct.unpack_from("<HI", dir_stream, i)
        if rid == 0x0009:  # PROJECTVERSION: its size field is Reserved (4), payload is 6
            size = 6
        out.append((rid, dir_stream[i + 6:i + 6 + size]))
        i += 6 + size
    return out


def _split(records):
    """Return (project info ids, references as id tuples, modules as {name: records})."""
    first_ref = next(i for i, (rid, _) in enumerate(records) if rid == 0x0016)
    modules_at = next(i for i, (rid, _) in enumerate(records) if rid == 0x000F)
    info = [rid for rid, _ in records[:first_ref]]
    refs, current = [], []
    for rid, data in records[first_ref:modules_at]:
        if rid == 0x0016 and current and current[-1][0] != 0x0016 and current[-1][0] != 0x003E:
            refs.append(current)
            current = []
        current.append((rid, data))
    refs.append(current)
    modules, module = {}, []
    for rid, data in records[modules_at + 2:]:
        module.append((rid, data))
        if rid == 0x002B:
            modules[module[0][1].decode("cp1252")] = module
            module = []
    return info, refs, modules


def _project(data: bytes):
    ole = olefile.OleFileIO(data, raise_defects=olefile.DEFECT_INCORRECT)
    dir_stream = ovba.decompress(ole.openstream("VBA/dir").read())
    _, _, modules = _split(_records(dir_stream))
    sources = {}
    for name, records in modules.items():
        offset = struct.unpack("<I", dict(records)[0x0031])[0]
        sources[name] = ovba.decompress(ole.openstream(f"VBA/{name}").read()[offset:]).decode("cp1252")
    return ole, dir_stream, modules, sources


def _our_modules():
    bas = (XLWINGS_DIR / "xlwings.bas").read_bytes().decode("cp1252")
    cls = (XLWINGS_DIR / "addin" / "Dictionary.cls").read_bytes().decode("cp1252")
    body = 'Sub Hello(control As IRibbonControl)\r\n    MsgBox "Bonjour, ça va ?"\r\nEnd Sub\r\n'
    return [("xlwings", bas), ("Module1", body)], [("Dictionary", cls)]


@pytest.fixture(scope="module")
def built() -> bytes:
    standard, classes = _our_modules()
    return ovba.build_vba_project("ThisWorkbook", ["Sheet1", "Sheet2"], standard, classes)


def _spec_compress(data: bytes) -> bytes:
    """[MS-OVBA] 2.4.1.3.6-2.4.1.3.19 transcribed literally (quadratic; small inputs)."""
    out = bytearray(b"\x01")
    chunk_start = 0
    while chunk_start < len(data):
        end = min(chunk_start + 4096, len(data))
        chunk = bytearray(2)
        cur = chunk_start
        full = False
        while not full and len(chunk) < 4098 and cur < end:
            flag_at = len(chunk)
            chunk.append(0)
            for bit in range(8):
                if full or len(chunk) >= 4098 or cur >= end:
                    break
                best_len, best_cand, cand = 0, 0, cur - 1
                while cand >= chunk_start:
                    c, d, n = cand, cur, 0
                    while d < end and data[d] == data[c]:
                        n, c, d = n + 1, c + 1, d + 1
                    if n > best_len:
                        best_len, best_cand = n, cand
                    cand -= 1
                bit_count = max(4, (cur - chunk_start - 1).bit_length())
                if best_len >= 3:
                    length = min(best_len, (0xFFFF >> bit_count) + 3)
                    if len(chunk) + 1 < 4098:
                        token = ((cur - best_cand - 1) << (16 - bit_count)) | (length - 3)
                        chunk += struct.pack("<H", token)
                        chunk[flag_at] |= 1 << bit
                        cur += length
                    else:
                        full = True
                else:
                    chunk.append(data[cur])
                    cur += 1
        if cur < end:
            chunk = bytearray(struct.pack("<H", 0x3FFF) + data[chunk_start:end]
                              + bytes(4096 - (end - chunk_start)))
        else:
            chunk[0:2] = struct.pack("<H", 0xB000 | (len(chunk) - 3))
        out += chunk
        chunk_start = end
    return bytes(out)


def _expected_round_trip(data: bytes, container: bytes) -> bytes:
    """The data, plus the zero padding [MS-OVBA] 2.4.1.3.10 puts in a raw last chunk."""
    position, last_raw = 1, False
    while position < len(container):
        header = struct.unpack_from("<H", container, position)[0]
        last_raw = not header & 0x8000
        position += 4098 if last_raw else (header & 0x0FFF) + 3
    padding = -len(data) % 4096 if last_raw else 0
    return data + bytes(padding)


# --- compression ---------------------------------------------------------------

repetitive = st.builds(lambda unit, n, tail: unit * n + tail,
                       st.binary(min_size=1, max_size=12), st.integers(1, 900), st.binary(max_size=40))
runs = st.lists(st.tuples(st.integers(0, 255), st.integers(1, 5000)), max_size=6).map(
    lambda pairs: b"".join(bytes([value]) * count for value, count in pairs))
text = st.text(alphabet="Dim x As Long\r\n  'éàü()=\"", max_size=9000).map(lambda s: s.encode("cp1252"))
any_data = st.one_of(st.binary(max_size=9000), repetitive, runs, text)


@settings(max_examples=150, deadline=None)
@given(any_data)
def test_compress_round_trips_through_both_decompressors(data: bytes) -> None:
    container = ovba.compress(data)
    expected = _expected_round_trip(data, container)
    assert ovba.decompress(container) == expected
    assert bytes(decompress_stream(bytearray(container))) == expected


@settings(max_examples=120, deadline=None)
@given(st.one_of(st.binary(max_size=300), st.text(alphabet="ab \r\n", max_size=300).map(str.encode),
                 st.builds(lambda u, n: u * n, st.binary(min_size=1, max_size=5), st.integers(1, 60))))
def test_compress_is_the_spec_algorithm_token_for_token(data: bytes) -> None:
    assert ovba.compress(data) == _spec_compress(data)


def test_compress_matches_spec_across_chunks_and_raw_chunks() -> None:
    rng = random.Random(7)
    noise = bytes(rng.randrange(256) for _ in range(4096))  # incompressible: a raw chunk
    sample = (b"Sub A()\r\n    x = 1\r\nEnd Sub\r\n" * 400)[:4096] + noise + b"\x00" * 300
    container = ovba.compress(sample)
    assert container == _spec_compress(sample)
    headers = []
    position = 1
    while position < len(container):
        headers.append(struct.unpack_from("<H", container, position)[0])
        position += 4098 if not headers[-1] & 0x8000 else (headers[-1] & 0x0FFF) + 3
    assert [h & 0x8000 for h in headers] == [0x8000, 0, 0x8000] and headers[1] == 0x3FFF
    assert ovba.decompress(container) == sample


@pytest.mark.parametrize("file_name", ORACLE_FILES)
def test_decompressor_agrees_with_oletools_on_xlwings_streams(file_name: str) -> None:
    ole = olefile.OleFileIO(_vba_bin(file_name))
    dir_raw = ole.openstream("VBA/dir").read()
    assert ovba.decompress(dir_raw) == bytes(decompress_stream(bytearray(dir_raw)))
    _, _, modules = _split(_records(ovba.decompress(dir_raw)))
    for name, records in modules.items():
        offset = struct.unpack("<I", dict(records)[0x0031])[0]
        raw = ole.openstream(f"VBA/{name}").read()[offset:]
        source = ovba.decompress(raw)
        assert source == bytes(decompress_stream(bytearray(raw))), name
        assert bytes(decompress_stream(bytearray(ovba.compress(source)))) == source, name


# --- encryption ([MS-OVBA] 2.4.3) ------------------------------------------------

def test_project_data_encryption_round_trips_and_reads_excel_values() -> None:
    project = olefile.OleFileIO(_vba_bin()).openstream("PROJECT").read().decode("cp1252")
    values = dict(re.findall(r'^(CMG|DPB|GC)="([0-9A-F]+)"', project, re.MULTILINE))
    assert ovba.decrypt_project_data(values["CMG"]) == bytes(4)
    assert ovba.decrypt_project_data(values["DPB"]) == b"\x00"
    assert ovba.decrypt_project_data(values["GC"]) == b"\xff"
    for seed in range(256):
        text = ovba.encrypt_project_data(b"\x01\x02\xff", "{ABC}", seed)
        assert ovba.decrypt_project_data(text) == b"\x01\x02\xff"


# --- the project, read back by independent readers --------------------------------

def test_modules_read_back_identical_by_olevba_and_pyopenvba(built: bytes) -> None:
    standard, classes = _our_modules()
    expected = {"ThisWorkbook": ovba._document_header("ThisWorkbook", ovba.WORKBOOK_BASE),
                "Sheet1": ovba._document_header("Sheet1", ovba.WORKSHEET_BASE),
                "Sheet2": ovba._document_header("Sheet2", ovba.WORKSHEET_BASE)}
    expected |= {n: ovba.stored_source(n, "Module", s) for n, s in standard}
    expected |= {n: ovba.stored_source(n, "Class", s) for n, s in classes}
    parser = VBA_Parser("vbaProject.bin", data=built)
    read = {Path(stream).name: code for _, stream, _, code in parser.extract_macros()}
    parser.close()
    assert read == expected  # olevba keeps the Attribute lines: whole text compared
    cfb = CFB.from_bytes(built)
    project = parse_vba_project(cfb)
    assert {m.name: m.source for m in project.modules} == expected
    assert project.validate(cfb) == []
    # The body (what a developer wrote) is untouched apart from line endings.
    for name, text in standard + classes:
        body = [line for line in text.splitlines() if not line.startswith("Attribute ")]
        if body and body[0].startswith("VERSION "):
            body = body[body.index("END") + 1:]
        assert [line for line in expected[name].splitlines()
                if not line.startswith("Attribute ")] == body


def test_build_is_byte_reproducible_across_processes(built: bytes) -> None:
    script = ("import sys; from tests.test_ovba import _our_modules; from planmkg_xl.io import ovba;"
              "s, c = _our_modules(); sys.stdout.buffer.write("
              "ovba.build_vba_project('ThisWorkbook', ['Sheet1', 'Sheet2'], s, c))")
    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, PYTHONHASHSEED="12345", PYTHONPATH=str(root))
    other = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True,
                           cwd=root, env=env).stdout
    assert other == built


def test_compound_file_directory_is_a_valid_red_black_tree(built: bytes) -> None:
    ole = olefile.OleFileIO(built, raise_defects=olefile.DEFECT_INCORRECT)
    entries = ole.direntries

    def key(sid):
        name = entries[sid].name
        return len(name), name.upper()

    def walk(sid, parent_red):  # returns (black height, in-order keys)
        if sid == olefile.NOSTREAM:
            return 0, []
        entry = entries[sid]
        red = entry.color == 0
        assert not (red and parent_red), "red node with a red parent"
        left_h, left = walk(entry.sid_left, red)
        right_h, right = walk(entry.sid_right, red)
        assert left_h == right_h, "unequal black heights"
        return left_h + (0 if red else 1), left + [key(sid)] + right

    for entry in entries:
        if entry is not None and entry.entry_type in (olefile.STGTY_ROOT, olefile.STGTY_STORAGE):
            assert entries[entry.sid_child].color == 1, "subtree root must be black"
            _, order = walk(entry.sid_child, False)
            assert order == sorted(order)
            assert all(e.createTime == 0 and e.modifyTime == 0 for e in entries if e)
    assert ole.openstream("VBA/_VBA_PROJECT").read() == bytes.fromhex("CC61FFFF000100")


# --- golden comparison with xlwings' quickstart_standalone.xlsm ---------------------

def test_dir_stream_structure_matches_the_golden_file(built: bytes) -> None:
    _, golden_dir, golden_modules, golden_src = _project(_vba_bin())
    _, our_dir, our_modules, our_src = _project(built)
    golden_info, golden_refs, _ = _split(_records(golden_dir))
    our_info, our_refs, _ = _split(_records(our_dir))
    assert our_info == golden_info
    assert dict(_records(our_dir))[0x0003] == struct.pack("<H", 1252)
    # Every reference is REFERENCENAME (0x16, 0x3E) + one reference record; the Office
    # one is byte-identical to xlwings', the others are registered like it.
    assert all([rid for rid, _ in ref[:2]] == [0x0016, 0x003E] for ref in our_refs)
    assert [[rid for rid, _ in ref] for ref in our_refs] == [[0x16, 0x3E, 0x0D]] * 2
    golden_office = next(ref for ref in golden_refs if ref[0][1] == b"Office")
    assert next(ref for ref in our_refs if ref[0][1] == b"Office") == golden_office
    assert [ref[0][1] for ref in our_refs] == [b"stdole", b"Office"]
    # Modules: same record sequence, same types, source at offset 0.
    for name in ("ThisWorkbook", "Sheet1", "Sheet2", "xlwings", "Dictionary"):
        assert [rid for rid, _ in our_modules[name]] == [rid for rid, _ in golden_modules[name]], name
        assert dict(our_modules[name])[0x0031] == bytes(4)
    assert dict(our_modules["Dictionary"])[0x001C] == dict(golden_modules["Dictionary"])[0x001C]
    # Stored source: documents byte for byte; Dictionary modulo VBE's identifier case (err/Err).
    for name in ("ThisWorkbook", "Sheet1", "Sheet2"):
        assert our_src[name] == golden_src[name]
    assert our_src["Dictionary"].lower() == golden_src["Dictionary"].lower()
    assert our_src["xlwings"].replace("\r\n", "\n") == golden_src["xlwings"].replace("\r\n", "\n")


def test_project_streams_match_the_golden_file(built: bytes) -> None:
    golden = olefile.OleFileIO(_vba_bin())
    ours = olefile.OleFileIO(built)

    def keys(ole):
        lines = ole.openstream("PROJECT").read().decode("cp1252").split("\r\n")
        return [line.split("=")[0] if "=" in line else line for line in lines], lines

    golden_keys, golden_lines = keys(golden)
    our_keys, our_lines = keys(ours)
    def head(keys):  # key sequence up to [Workspace], module lines collapsed
        marked = ["<module>" if k in ("Document", "Module", "Class") else k
                  for k in keys[:keys.index("[Workspace]") + 1]]
        return [k for i, k in enumerate(marked) if k != "<module>" or marked[i - 1] != k]

    assert head(our_keys) == head(golden_keys)
    for line in ('HelpContextID="0"', 'VersionCompatible32="393222000"', "[Host Extender Info]",
                 ovba.HOST_EXTENDER, "[Workspace]", "ThisWorkbook=0, 0, 0, 0, C",
                 "Document=ThisWorkbook/&H00000000", "Document=Sheet1/&H00000000",
                 "Module=xlwings", "Class=Dictionary", 'Name="VBAProject"'):
        assert line in our_lines and line in golden_lines, line
    assert our_lines[-2:] == golden_lines[-2:] == ["", ""]
    for key in ("CMG", "DPB", "GC"):
        ours_value = next(l for l in our_lines if l.startswith(key + "=")).split('"')[1]
        golden_value = next(l for l in golden_lines if l.startswith(key + "=")).split('"')[1]
        assert ovba.decrypt_project_data(ours_value) == ovba.decrypt_project_data(golden_value)
    # PROJECTwm: MBCS name, NUL, UTF-16 name, NUL NUL ... terminated by NUL NUL.
    wm = ours.openstream("PROJECTwm").read()
    assert wm.endswith(b"\x00\x00\x00\x00") and b"Dictionary\x00D\x00i\x00c" in wm
    assert golden.openstream("PROJECTwm").read().endswith(b"\x00\x00\x00\x00")


# --- refusals -----------------------------------------------------------------------

@pytest.mark.parametrize("name", ["1abc", "has space", "x" * 32, "Sheet-1"])
def test_invalid_module_names_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match="module name"):
        ovba.build_vba_project("ThisWorkbook", [name], [], [])


def test_duplicate_names_and_foreign_characters_are_refused() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        ovba.build_vba_project("ThisWorkbook", ["Sheet1", "sheet1"], [], [])
    with pytest.raises(ValueError, match="code page 1252"):
        ovba.build_vba_project("ThisWorkbook", [], [("M", "' 日本\r\n")], [])
    with pytest.raises(ValueError, match="another name"):
        ovba.build_vba_project("ThisWorkbook", [], [("M", 'Attribute VB_Name = "N"\r\n')], [])
