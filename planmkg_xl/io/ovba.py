"""A source-only VBA project (``vbaProject.bin``) written per [MS-OVBA] and [MS-CFB].

Why our own writer: no Office exists here, and the library routes measured in
``shared/spec/EXCEL_PACKAGING.md`` either corrupt data (ms-ovba 0.0.1) or drop
what we need (LibreOffice). The project written here has the form Excel accepts
in the workbooks xlwings ships: ``_VBA_PROJECT`` is ``CC 61 FF FF 00 01 00``
(version 0xFFFF, no compiled cache, Office recompiles from source) and every
module stream holds only compressed source (MODULEOFFSET 0).

The compound file is written here too (``_compound_file``) instead of with
PyPI ``cfbwrite``: that package is AGPL-3.0 (its metadata and LICENSE say so,
not MIT), and it only writes to a path; this module takes bytes and returns
bytes, byte-reproducibly (no timestamps, no random values, fixed CLSIDs).

Everything is pure: no file I/O, nothing happens at import time.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass

__all__ = [
    "DEFAULT_REFERENCES",
    "Reference",
    "build_vba_project",
    "compress",
    "decompress",
    "encrypt_project_data",
    "decrypt_project_data",
    "stored_source",
]

CODE_PAGE = 1252
ENCODING = "cp1252"
LCID_EN_US = 0x0409
SYSKIND_WIN64 = 3  # what xlwings' quickstart_standalone.xlsm declares
# PROJECTVERSION is the project's edit counter; any value is valid on read.
# These are the values of the golden oracle (xlwings quickstart_standalone.xlsm).
VERSION_MAJOR = 0x68FBFAC5
VERSION_MINOR = 0x0004
# Fixed so that output is byte-reproducible; any GUID is valid ([MS-OVBA] 2.3.1.2).
DEFAULT_PROJECT_ID = "{8E0F6B4D-2C1A-4E47-9B3C-5D7A1F0E9C21}"
# Fixed seed for [MS-OVBA] 2.4.3 "Data Encryption" (Office draws it at random).
ENCRYPTION_SEED = 0x8D

WORKBOOK_BASE = "0{00020819-0000-0000-C000-000000000046}"
WORKSHEET_BASE = "0{00020820-0000-0000-C000-000000000046}"
CLASS_BASE = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"
VBA_PROJECT_STREAM = b"\xCC\x61\xFF\xFF\x00\x01\x00"  # [MS-OVBA] 2.3.4.1, version 0xFFFF
HOST_EXTENDER = "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000"


@dataclass(frozen=True)
class Reference:
    """A REFERENCEREGISTERED record ([MS-OVBA] 2.3.4.2.2.5): a type library by LIBID."""

    name: str
    libid: str


# stdole is in every new Excel project; Office carries IRibbonControl. The Office
# LIBID is byte-identical to the one in every xlwings workbook; Excel resolves a
# registered reference by GUID and version, the path is only a hint.
DEFAULT_REFERENCES = (
    Reference("stdole", "*\\G{00020430-0000-0000-C000-000000000046}#2.0#0#"
              "C:\\Windows\\System32\\stdole2.tlb#OLE Automation"),
    Reference("Office", "*\\G{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}#2.0#0#"
              "C:\\Program Files\\Common Files\\Microsoft Shared\\OFFICE16\\MSO.DLL"
              "#Microsoft Office 16.0 Object Library"),
)

_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,30}\Z")


# ---------------------------------------------------------------------------
# Compression, [MS-OVBA] 2.4.1
# ---------------------------------------------------------------------------

_CHUNK = 4096


def _copy_token_help(current: int, chunk_start: int) -> tuple[int, int, int]:
    """Return (length_mask, offset_mask, offset_shift) per [MS-OVBA] 2.4.1.3.19.1.

    The offset takes BitCount bits (at least 4, enough to reach the chunk
    start); the length takes the other 16 - BitCount bits.
    """
    difference = current - chunk_start
    bit_count = max((difference - 1).bit_length(), 4)
    length_mask = 0xFFFF >> bit_count
    return length_mask, ~length_mask & 0xFFFF, 16 - bit_count


def _common_length(data: bytes, candidate: int, current: int, limit: int) -> int:
    """Length of the common prefix of data[candidate:] and data[current:], at most ``limit``.

    Galloping then bisecting with slice comparisons (done in C) gives the
    same number as the spec's byte-by-byte loop, much faster on long runs.
    """
    low, step = 0, 8
    while low < limit:
        high = min(low + step, limit)
        if data[candidate + low:candidate + high] != data[current + low:current + high]:
            while high - low > 1:
                middle = (low + high) // 2
                if data[candidate + low:candidate + middle] == data[current + low:current + middle]:
                    low = middle
                else:
                    high = middle
            return low
        low, step = high, step * 2
    return limit


def _match(data: bytes, current: int, chunk_start: int, end: int,
           candidates: list[int]) -> tuple[int, int]:
    """Return (offset, length) exactly as [MS-OVBA] 2.4.1.3.19.4 "Matching".

    The spec scans every earlier position of the chunk from the nearest back,
    keeping a candidate only when strictly longer. Only positions sharing the
    3-byte prefix can give a match of 3 or more, so ``candidates`` (nearest
    last) holds exactly those, and a farther one can only win if it shares
    one byte more than the best so far. Lengths are not capped during the
    scan, as in the spec, so the chosen offset is the spec's.
    """
    best_length = 0
    best_candidate = 0
    longest_possible = end - current
    needed = b""
    for candidate in reversed(candidates):
        if best_length and data[candidate:candidate + best_length + 1] != needed:
            continue
        length = _common_length(data, candidate, current, longest_possible)
        if length > best_length:
            best_length, best_candidate = length, candidate
            if length == longest_possible:
                break
            needed = data[current:current + length + 1]
    if best_length < 3:
        return 0, 0
    length_mask = _copy_token_help(current, chunk_start)[0]
    return current - best_candidate, min(best_length, length_mask + 3)


def _compress_chunk(data: bytes, chunk_start: int) -> bytes:
    """Compress one chunk of at most 4096 bytes ([MS-OVBA] 2.4.1.3.7)."""
    end = min(chunk_start + _CHUNK, len(data))
    out = bytearray(b"\x00\x00")
    compressed_end = 4098
    current = chunk_start
    prefixes: dict[bytes, list[int]] = {}
    indexed = chunk_start

    def index_up_to(position: int) -> None:
        nonlocal indexed
        while indexed < position:
            if indexed + 3 <= end:
                prefixes.setdefault(data[indexed:indexed + 3], []).append(indexed)
            indexed += 1

    full = False  # the spec's "SET CompressedCurrent TO CompressedEnd"
    while not full and len(out) < compressed_end and current < end:
        flag_index = len(out)
        out.append(0)
        for bit in range(8):
            if full or len(out) >= compressed_end or current >= end:
                break
            index_up_to(current)
            candidates = prefixes.get(data[current:current + 3], []) if current + 3 <= end else []
            offset, length = _match(data, current, chunk_start, end, candidates)
            if length and len(out) + 1 < compressed_end:
                offset_shift = _copy_token_help(current, chunk_start)[2]
                out += struct.pack("<H", ((offset - 1) << offset_shift) | (length - 3))
                out[flag_index] |= 1 << bit
                current += length
            elif length:
                full = True
            else:
                out.append(data[current])
                current += 1
    if current < end:
        # [MS-OVBA] 2.4.1.3.10: incompressible chunk, stored raw and padded to 4096.
        raw = data[chunk_start:end] + b"\x00" * (_CHUNK - (end - chunk_start))
        return struct.pack("<H", 0x3FFF) + raw
    header = (len(out) - 3) | (0b011 << 12) | 0x8000
    out[0:2] = struct.pack("<H", header)
    return bytes(out)


def compress(data: bytes) -> bytes:
    """Return a CompressedContainer for ``data`` ([MS-OVBA] 2.4.1.3.6).

    Why exact: readers (Excel, olevba, LibreOffice) fail silently on a wrong
    compressor, so this follows the spec's algorithm token by token.
    """
    data = bytes(data)
    out = bytearray(b"\x01")
    for chunk_start in range(0, len(data), _CHUNK):
        out += _compress_chunk(data, chunk_start)
    return bytes(out)


def decompress(container: bytes) -> bytes:
    """Return the bytes of a CompressedContainer ([MS-OVBA] 2.4.1.3.1); for tests."""
    if not container or container[0] != 0x01:
        raise ValueError("CompressedContainer must start with signature byte 0x01")
    out = bytearray()
    position = 1
    while position < len(container):
        header = struct.unpack_from("<H", container, position)[0]
        if (header >> 12) & 0b111 != 0b011:
            raise ValueError(f"bad CompressedChunkSignature at offset {position}")
        chunk_end = min(position + (header & 0x0FFF) + 3, len(container))
        position += 2
        chunk_start = len(out)
        if not header & 0x8000:
            out += container[position:position + _CHUNK]
            position += _CHUNK
            continue
        while position < chunk_end:
            flags = container[position]
            position += 1
            for bit in range(8):
                if position >= chunk_end:
                    break
                if not flags >> bit & 1:
                    out.append(container[position])
                    position += 1
                    continue
                token = struct.unpack_from("<H", container, position)[0]
                position += 2
                length_mask, offset_mask, offset_shift = _copy_token_help(len(out), chunk_start)
                offset = ((token & offset_mask) >> offset_shift) + 1
                source = len(out) - offset
                if source < chunk_start:
                    raise ValueError(f"CopyToken points before its chunk at offset {position - 2}")
                for i in range((token & length_mask) + 3):
                    out.append(out[source + i])
    return bytes(out)


# ---------------------------------------------------------------------------
# Data encryption of the PROJECT stream's CMG/DPB/GC, [MS-OVBA] 2.4.3
# ---------------------------------------------------------------------------

def encrypt_project_data(data: bytes, project_id: str, seed: int = ENCRYPTION_SEED) -> str:
    """Return the hex text of ``data`` encrypted per [MS-OVBA] 2.4.3.2.

    Office draws ``seed`` and the ignored bytes at random; we fix both (seed
    given, ignored bytes 0) so the PROJECT stream is byte-reproducible.
    """
    project_key = sum(project_id.encode(ENCODING)) & 0xFF
    version = 2
    out = bytearray([seed, seed ^ version, seed ^ project_key])
    unencrypted_1, encrypted_1, encrypted_2 = project_key, out[2], out[1]
    ignored = bytes((seed & 6) // 2)
    for byte in ignored + struct.pack("<I", len(data)) + bytes(data):
        encrypted = byte ^ ((encrypted_2 + unencrypted_1) & 0xFF)
        out.append(encrypted)
        encrypted_2, encrypted_1, unencrypted_1 = encrypted_1, encrypted, byte
    return out.hex().upper()


def decrypt_project_data(text: str) -> bytes:
    """Return the data of an encrypted CMG/DPB/GC value ([MS-OVBA] 2.4.3.3)."""
    raw = bytes.fromhex(text)
    seed, version_enc, key_enc = raw[0], raw[1], raw[2]
    if seed ^ version_enc != 2:
        raise ValueError("encrypted data version is not 2")
    unencrypted_1, encrypted_1, encrypted_2 = seed ^ key_enc, key_enc, version_enc
    plain = bytearray()
    for encrypted in raw[3:]:
        byte = encrypted ^ ((encrypted_2 + unencrypted_1) & 0xFF)
        plain.append(byte)
        encrypted_2, encrypted_1, unencrypted_1 = encrypted_1, encrypted, byte
    ignored = (seed & 6) // 2
    length = struct.unpack_from("<I", plain, ignored)[0]
    return bytes(plain[ignored + 4:ignored + 4 + length])


# ---------------------------------------------------------------------------
# Module source as Excel stores it
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Module:
    name: str
    kind: str  # "Document", "Module" or "Class" (the PROJECT stream's keys)
    source: str
    docstring: str


def _document_header(name: str, base: str) -> str:
    return (f'Attribute VB_Name = "{name}"\r\n'
            f'Attribute VB_Base = "{base}"\r\n'
            "Attribute VB_GlobalNameSpace = False\r\n"
            "Attribute VB_Creatable = False\r\n"
            "Attribute VB_PredeclaredId = True\r\n"
            "Attribute VB_Exposed = True\r\n"
            "Attribute VB_TemplateDerived = False\r\n"
            "Attribute VB_Customizable = True\r\n")


def stored_source(name: str, kind: str, text: str) -> str:
    """Return module text in the form Excel stores it in the module stream.

    ``text`` is what VBE exports (.bas/.cls) or a bare body. Lines become CRLF;
    a class loses its ``VERSION``/``BEGIN``..``END`` block and gains VB_Base,
    VB_TemplateDerived and VB_Customizable, exactly where Excel put them when
    it stored ``Dictionary`` in xlwings' quickstart_standalone.xlsm. A missing
    ``Attribute VB_Name`` line is added. Documents get Excel's full header.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if kind == "Class" and lines and lines[0].startswith("VERSION "):
        end = next(i for i, line in enumerate(lines) if line.strip() == "END")
        lines = lines[end + 1:]
    if not (lines and lines[0].startswith("Attribute VB_Name")):
        lines.insert(0, f'Attribute VB_Name = "{name}"')
    elif lines[0] != f'Attribute VB_Name = "{name}"':
        raise ValueError(f"module {name!r} declares another name: {lines[0]!r}")
    if kind == "Class":
        if not any(line.startswith("Attribute VB_Base") for line in lines):
            lines.insert(1, f'Attribute VB_Base = "{CLASS_BASE}"')
        if not any(line.startswith("Attribute VB_TemplateDerived") for line in lines):
            exposed = next((i for i, line in enumerate(lines)
                            if line.startswith("Attribute VB_Exposed")), len(lines) - 1)
            lines[exposed + 1:exposed + 1] = ["Attribute VB_TemplateDerived = False",
                                              "Attribute VB_Customizable = False"]
    return "".join(line + "\r\n" for line in lines)


def _module_docstring(source: str) -> str:
    """Return the module's VB_Description, as Excel copies it into MODULEDOCSTRING."""
    for line in source.split("\r\n"):
        if not line.startswith("Attribute "):
            break
        found = re.match(r'Attribute VB_Description = "(.*)"\Z', line)
        if found:
            return (found.group(1).replace('""', '"')
                    .replace("\\r", "\r").replace("\\n", "\n"))
    return ""


def _check_name(name: str) -> str:
    if not _IDENTIFIER.match(name):
        raise ValueError(f"not a valid VBA module name: {name!r}")
    return name


def _encode(text: str, what: str) -> bytes:
    try:
        return text.encode(ENCODING)
    except UnicodeEncodeError as error:
        raise ValueError(f"{what} is not representable in code page {CODE_PAGE}: {error}") from None


# ---------------------------------------------------------------------------
# Streams: dir ([MS-OVBA] 2.3.4.2), PROJECT (2.3.1), PROJECTwm (2.3.3)
# ---------------------------------------------------------------------------

def _record(record_id: int, data: bytes) -> bytes:
    return struct.pack("<HI", record_id, len(data)) + data


def _text_pair(ansi_id: int, unicode_id: int, text: str) -> bytes:
    """An ANSI record followed by its UTF-16 twin, as in PROJECTDOCSTRING etc."""
    return _record(ansi_id, _encode(text, "text")) + _record(unicode_id, text.encode("utf-16-le"))


def _dir_stream(project_name: str, modules: list[_Module],
                references: tuple[Reference, ...]) -> bytes:
    """Return the decompressed dir stream ([MS-OVBA] 2.3.4.2), records in the
    order of the golden oracle (no PROJECTCOMPATVERSION, like xlwings' files)."""
    out = bytearray()
    out += _record(0x0001, struct.pack("<I", SYSKIND_WIN64))
    out += _record(0x0002, struct.pack("<I", LCID_EN_US))
    out += _record(0x0014, struct.pack("<I", LCID_EN_US))
    out += _record(0x0003, struct.pack("<H", CODE_PAGE))
    out += _record(0x0004, _encode(project_name, "project name"))
    out += _text_pair(0x0005, 0x0040, "")  # PROJECTDOCSTRING
    out += _text_pair(0x0006, 0x003D, "")  # PROJECTHELPFILEPATH
    out += _record(0x0007, struct.pack("<I", 0))  # PROJECTHELPCONTEXT
    out += _record(0x0008, struct.pack("<I", 0))  # PROJECTLIBFLAGS
    out += struct.pack("<HIIH", 0x0009, 4, VERSION_MAJOR, VERSION_MINOR)
    out += _text_pair(0x000C, 0x003C, "")  # PROJECTCONSTANTS
    for reference in references:
        out += _text_pair(0x0016, 0x003E, reference.name)
        libid = _encode(reference.libid, "reference LIBID")
        out += _record(0x000D, struct.pack("<I", len(libid)) + libid + b"\x00" * 6)
    out += _record(0x000F, struct.pack("<H", len(modules)))
    out += _record(0x0013, struct.pack("<H", 0xFFFF))  # PROJECTCOOKIE
    for module in modules:
        out += _text_pair(0x0019, 0x0047, module.name)  # MODULENAME + UNICODE
        out += _text_pair(0x001A, 0x0032, module.name)  # MODULESTREAMNAME
        out += _text_pair(0x001C, 0x0048, module.docstring)
        out += _record(0x0031, struct.pack("<I", 0))  # MODULEOFFSET: source only
        out += _record(0x001E, struct.pack("<I", 0))  # MODULEHELPCONTEXT
        out += _record(0x002C, struct.pack("<H", 0xFFFF))  # MODULECOOKIE
        out += _record(0x0021 if module.kind == "Module" else 0x0022, b"")
        out += _record(0x002B, b"")  # terminator
    out += _record(0x0010, b"")
    return bytes(out)


def _project_stream(project_id: str, project_name: str, modules: list[_Module]) -> bytes:
    """Return the PROJECT stream ([MS-OVBA] 2.3.1) in the oracle's key order."""
    visible = bytes([0xFF])  # ProjectVisibilityState, 2.3.1.18
    lines = [f'ID="{project_id}"']
    lines += [f"Document={m.name}/&H00000000" if m.kind == "Document" else f"{m.kind}={m.name}"
              for m in modules]
    lines += [f'Name="{project_name}"', 'HelpContextID="0"', 'VersionCompatible32="393222000"',
              f'CMG="{encrypt_project_data(bytes(4), project_id)}"',  # not protected
              f'DPB="{encrypt_project_data(bytes(1), project_id)}"',  # no password
              f'GC="{encrypt_project_data(visible, project_id)}"',
              "", "[Host Extender Info]", HOST_EXTENDER, "", "[Workspace]"]
    lines += [f"{m.name}=0, 0, 0, 0, C" for m in modules]
    return _encode("".join(line + "\r\n" for line in lines + [""]), "PROJECT stream")


def _projectwm_stream(modules: list[_Module]) -> bytes:
    """Return PROJECTwm ([MS-OVBA] 2.3.3): each name in MBCS and UTF-16."""
    out = bytearray()
    for module in modules:
        out += _encode(module.name, "module name") + b"\x00"
        out += module.name.encode("utf-16-le") + b"\x00\x00"
    return bytes(out + b"\x00\x00")


# ---------------------------------------------------------------------------
# Compound file, [MS-CFB] version 3 (512-byte sectors)
# ---------------------------------------------------------------------------

_SECTOR = 512
_MINI = 64
_MINI_CUTOFF = 4096
_FREE, _END, _FATSECT, _NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
_STORAGE, _STREAM, _ROOT = 1, 2, 5  # directory entry object types, [MS-CFB] 2.6.1


def _cfb_sort_key(name: str) -> tuple[int, str]:
    """[MS-CFB] 2.6.4: siblings compare by length, then by upper-cased name."""
    return len(name), name.upper()


def _sibling_tree(ids: list[int], depth: int, height: int,
                  links: dict[int, list[int]]) -> int:
    """Link sorted ``ids`` into a balanced tree; return its root.

    Every level but the last is full, so colouring only the last level red
    (``height``) makes a valid red-black tree ([MS-CFB] 2.6.4).
    """
    if not ids:
        return _NOSTREAM
    middle = len(ids) // 2
    node = ids[middle]
    links[node] = [_sibling_tree(ids[:middle], depth + 1, height, links),
                   _sibling_tree(ids[middle + 1:], depth + 1, height, links),
                   0 if depth == height and depth > 0 else 1]
    return node


def _compound_file(storages: dict[str, dict[str, bytes]], root_streams: dict[str, bytes]) -> bytes:
    """Return a CFB v3 file: ``root_streams`` plus one level of storages.

    Layout: header, FAT, directory, mini FAT, mini stream, then large streams.
    Timestamps and CLSIDs are zero, so equal input gives equal bytes.
    """
    # Directory entries: (name, type, data, children); id 0 is the root.
    entries: list[list] = [["Root Entry", _ROOT, b"", []]]
    for name, data in root_streams.items():
        entries[0][3].append(len(entries))
        entries.append([name, _STREAM, data, []])
    for storage, streams in storages.items():
        storage_id = len(entries)
        entries[0][3].append(storage_id)
        entries.append([storage, _STORAGE, b"", []])
        for name, data in streams.items():
            entries[storage_id][3].append(len(entries))
            entries.append([name, _STREAM, data, []])

    mini = bytearray()
    mini_fat: list[int] = []
    big: list[tuple[int, bytes]] = []
    starts = [0] * len(entries)
    for index, (_, kind, data, _) in enumerate(entries):
        if kind != _STREAM:
            continue
        if len(data) < _MINI_CUTOFF:
            count = -(-len(data) // _MINI)
            starts[index] = len(mini_fat) if count else _END
            mini_fat += list(range(len(mini_fat) + 1, len(mini_fat) + count)) + [_END] * bool(count)
            mini += data + b"\x00" * (count * _MINI - len(data))
        else:
            big.append((index, data))

    def sectors(size: int) -> int:
        return -(-size // _SECTOR)

    dir_sectors = sectors(len(entries) * 128)
    minifat_sectors = sectors(len(mini_fat) * 4)
    ministream_sectors = sectors(len(mini))
    data_sectors = sum(sectors(len(data)) for _, data in big)
    fat_sectors = 1
    while fat_sectors * 128 < fat_sectors + dir_sectors + minifat_sectors + ministream_sectors + data_sectors:
        fat_sectors += 1
    if fat_sectors > 109:
        raise ValueError("compound file too large for a header-only DIFAT")

    fat: list[int] = [_FATSECT] * fat_sectors
    body = bytearray()

    def place(data: bytes) -> int:
        """Append ``data`` as a sector chain; return its first sector."""
        if not data:
            return _END
        first, count = fat_sectors + len(body) // _SECTOR, sectors(len(data))
        fat.extend(list(range(first + 1, first + count)) + [_END])
        body.extend(data + b"\x00" * (count * _SECTOR - len(data)))
        return first

    links: dict[int, list[int]] = {}
    child_roots = [_sibling_tree(sorted(children, key=lambda i: _cfb_sort_key(entries[i][0])),
                                 0, len(children).bit_length() - 1, links)
                   for _, _, _, children in entries]

    directory = bytearray(dir_sectors * _SECTOR)  # filled after the chains are known
    dir_start = place(bytes(directory))
    minifat_start = place(b"".join(struct.pack("<I", x) for x in mini_fat))
    mini_start = place(bytes(mini))
    for index, data in big:
        starts[index] = place(data)
    starts[0] = mini_start

    for index, (name, kind, data, _) in enumerate(entries):
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        left, right, colour = links.get(index, [_NOSTREAM, _NOSTREAM, 1])
        size = len(mini) if index == 0 else len(data)
        start = starts[index] if kind != _STORAGE else 0
        struct.pack_into("<64sHBBIII16sI8s8sIQ", directory, index * 128,
                         encoded, len(encoded), kind, colour, left, right, child_roots[index],
                         bytes(16), 0, bytes(8), bytes(8), start, size)
    for index in range(len(entries), dir_sectors * 4):
        struct.pack_into("<64sHBBIII", directory, index * 128, b"", 0, 0, 0,
                         _NOSTREAM, _NOSTREAM, _NOSTREAM)
    body[0:len(directory)] = directory  # the directory was placed first

    fat += [_FREE] * (fat_sectors * 128 - len(fat))
    difat = list(range(fat_sectors)) + [_FREE] * (109 - fat_sectors)
    header = struct.pack("<8s16sHHHHH6sIIIIIIIII", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
                         bytes(16), 0x003E, 0x0003, 0xFFFE, 9, 6, bytes(6), 0,
                         fat_sectors, dir_start, 0, _MINI_CUTOFF,
                         minifat_start, minifat_sectors, _END, 0)
    header += struct.pack("<109I", *difat)
    return header + struct.pack(f"<{len(fat)}I", *fat) + bytes(body)


# ---------------------------------------------------------------------------
# The project
# ---------------------------------------------------------------------------

def build_vba_project(workbook_codename: str, sheet_codenames: list[str],
                      standard_modules: list[tuple[str, str]],
                      class_modules: list[tuple[str, str]], *,
                      project_name: str = "VBAProject",
                      project_id: str = DEFAULT_PROJECT_ID,
                      references: tuple[Reference, ...] = DEFAULT_REFERENCES) -> bytes:
    """Return the bytes of a source-only ``vbaProject.bin`` ([MS-OVBA] 2.2).

    The workbook's and sheets' document modules get the attributes Excel
    stores (VB_Base ``0{00020819-…}`` / ``0{00020820-…}``, VB_PredeclaredId
    True); their names must equal the codeNames in ``workbook.xml`` and the
    sheets' ``sheetPr``. Modules are ``(name, text)`` with text as VBE
    exports it (.bas / .cls) or a bare body. Same input, same bytes.
    """
    modules = [_Module(_check_name(workbook_codename), "Document",
                       _document_header(workbook_codename, WORKBOOK_BASE), "")]
    modules += [_Module(_check_name(name), "Document", _document_header(name, WORKSHEET_BASE), "")
                for name in sheet_codenames]
    for kind, given in (("Module", standard_modules), ("Class", class_modules)):
        for name, text in given:
            source = stored_source(_check_name(name), kind, text)
            modules.append(_Module(name, kind, source, _module_docstring(source)))
    folded = [m.name.casefold() for m in modules]
    if len(set(folded)) != len(folded):
        raise ValueError(f"duplicate module names: {[m.name for m in modules]}")

    vba = {"dir": compress(_dir_stream(project_name, modules, references)),
           "_VBA_PROJECT": VBA_PROJECT_STREAM}
    for module in modules:
        vba[module.name] = compress(_encode(module.source, f"module {module.name}"))
    return _compound_file({"VBA": vba},
                          {"PROJECT": _project_stream(project_id, project_name, modules),
                           "PROJECTwm": _projectwm_stream(modules)})
