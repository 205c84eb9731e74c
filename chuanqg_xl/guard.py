"""Checks made before a file is parsed: what it really is, and whether it is safe.

python-calamine aborts the whole process (no exception, no message) on zip
bombs, on sheets that claim a huge grid and on declared counts it allocates
from, and the reader would expand absurd merged ranges cell by cell. So
`inspect` looks at every part of a package before any parser does: declared
sizes and compression ratios, duplicate part names, a DOCTYPE before the
root element of any XML part (OOXML and ODF never need one), the counts a
reader preallocates from, and the area each sheet would occupy once loaded;
an .xls goes through `oleguard`. The limits are far above anything a real
plan reaches (a district plan has 2-60 schools; a 50,000-school benchmark
workbook inflates to 85 MB with sheets under 100,000 rows).

Declared sizes calamine (0.37) trusts, and what happens to each here:

* sharedStrings `uniqueCount`: reserved up front (24 bytes a string) —
  checked against the strings the part holds (`check_declared_counts`);
* sheet `dimension`, row `spans`, style and merge `count`s, shared-formula
  `si`, a style index `s`: not allocated from (calamine caps the dimension at
  100,000 cells; the others are read as they come) — the corpus proves they
  pass harmlessly;
* .xls header, chains and records: see `oleguard`; .ods repeated rows and
  columns: `check_ods_extent`; .xlsb dimension: `check_xlsb_extent`;
* Word (.docx) tables: `w:gridSpan` is how many grid columns a cell spans,
  which a table reader expands cell by cell (`check_word_tables`).

The sheet-extent scans are in `extent`, what a spreadsheet program needs of a
package in `packagecheck`. Part names are compared as calamine looks them up
(case-insensitive, either slash).
"""
from __future__ import annotations

import io
import os
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path

from .errors import PlanError
from .extent import (  # noqa: F401 - the sheet-extent checks are part of the guard's public face
    MAX_GRID_CELLS, MAX_MERGED_CELLS, MERGE_COUNTED_CAP, check_ods_extent, check_sheet_extent, check_xlsb_extent,
    grouped, merged_area, refuse_grid, sheet_extent, tag_end,
)
from .lazyre import lazy_compile
from .messages import phrase, text
from .records import field, record
from .source import Source, open_source

TYPE_CHECKING = False   # typing.TYPE_CHECKING, without loading typing (2 ms of every start-up)
if TYPE_CHECKING:
    from typing import BinaryIO

MAX_FILE_BYTES = 300 * 1024 * 1024
MAX_PARTS = 10_000
MAX_PART_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_RATIO = 100            # Apache POI's limit; real workbooks compress 5-15:1
RATIO_MIN_BYTES = 1024 * 1024  # tiny parts may compress very well and are harmless
COUNT_SLACK = 100_000          # a declared count may exceed what a part holds by this much (2.4 MB reserved)
MAX_WORD_SPAN = 63             # Word tables have at most 63 columns
PROLOG_BYTES = 64 * 1024
READ_STEP = 1024 * 1024
MAX_PROLOG_BYTES = 1024 * 1024  # comments and processing instructions before the root element
KEEP_FILE_BYTES = 32 * 1024 * 1024   # a file this small is read into memory once, checked bytes and all
KEEP_PARTS_BYTES = 16 * 1024 * 1024  # … and the XML parts the checks inflated are kept, up to this much in all
SMALL_PART_BYTES = 256 * 1024        # a part this small is inflated whole at once, not its head first

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_ENCRYPTED_OLE = "EncryptedPackage".encode("utf-16-le")
DOCUMENTS = ("docx", "doc")   # the kinds the Word plan reader takes (inspect's `accept`)
_WORD_OLE = "WordDocument".encode("utf-16-le")
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


@record(frozen=True)
class Sniffed:
    kind: str  # "xlsx", "xlsm", "xlsb", "ods", "xls"; with documents=True also "docx", "doc"
    path: Path
    # With sniff(keep=True), for a file up to KEEP_FILE_BYTES: the bytes that were checked, and the XML parts
    # the checks inflated (part name → bytes), up to KEEP_PARTS_BYTES in all. A reader given an open
    # `Source` gets the same from it (`Source.content`, `Source.parts`).
    content: bytes | None = None
    parts: Mapping[str, bytes] = field(default_factory=dict)


def _refuse(path: Path, what: str) -> PlanError:
    return PlanError("error.not_spreadsheet", path=path, what=phrase(f"what.{what}"))


def sniff(path: str | os.PathLike[str], keep: bool = False, *, documents: bool = False) -> Sniffed:
    """What the file really is, judged by its content rather than its name; refuses unsafe packages.

    `keep`: return the checked bytes (and the inflated XML parts) of a file up to KEEP_FILE_BYTES, for the
    reader to parse; the checks and verdicts are the same either way.
    Word documents are refused unless `documents` (the Word plan reader): a .docx passes the same
    archive and XML checks as a workbook, a Word 97-2003 file is told from an .xls by its stream name.
    """
    with open_source(path) as source:
        kind = inspect(source, DOCUMENTS if documents else ())
        if keep:
            return Sniffed(kind, source.path, source.content, dict(source.parts))
        return Sniffed(kind, source.path)


def word_kind(path: str | os.PathLike[str]) -> str | None:
    """'docx' or 'doc' when the file is a Word document (by its content), else None. Cheap: reads the zip
    directory or scans an OLE file for its stream names; the full guard runs when it is read. (Here rather than
    in docplan, so that checking a workbook does not load the Word reader to ask.) Regular files only: opening
    a FIFO to look would block."""
    path = Path(path)
    try:
        with open_source(path) as source:
            head = source.read(0, 8)
            if head.startswith(ZIP_MAGICS):
                names = set(source.archive().namelist())
                return "docx" if "word/document.xml" in names and "xl/workbook.xml" not in names else None
            if head.startswith(OLE_MAGIC):
                return "doc" if inspect(source, DOCUMENTS) == "doc" else None
    except (OSError, zipfile.BadZipFile, ValueError, EOFError):
        return None
    except PlanError:
        return None
    return None


def inspect(source: Source, accept: tuple[str, ...] = ()) -> str:
    """The kind of an opened file ("xlsx", "xlsm", "xlsb", "ods", "xls"), after every safety check;
    refuses anything else. `accept`: other kinds the caller reads itself (DOCUMENTS: "docx", "doc")."""
    if source.kind is None:
        source.kind = _inspect(source, accept)
    return source.kind


def _inspect(source: Source, accept: tuple[str, ...]) -> str:
    path, size = source.path, source.size
    if size == 0:
        raise PlanError("error.empty_file", path=path)
    if size > MAX_FILE_BYTES:
        raise PlanError("error.too_large", path=path, size=size // 2**20, limit=MAX_FILE_BYTES // 2**20)
    try:
        if size <= KEEP_FILE_BYTES:
            source.keep()   # checked once, parsed from these very bytes
        head = source.read(0, 4096)
        if head.startswith(OLE_MAGIC):
            data = source.read()
            if _ENCRYPTED_OLE in data:  # Excel's password protection: an OLE file around an encrypted package
                raise PlanError("error.encrypted", path=path)
            if _WORD_OLE in data:  # a Word 97-2003 document: LibreOffice converts it for the Word plan reader
                if "doc" not in accept:
                    raise PlanError("doc.word_not_workbook", path=path)
                return "doc"
            from .oleguard import check_ole

            check_ole(data, path, MAX_GRID_CELLS)
            return "xls"
    except OSError as exc:
        from .source import os_error_text

        raise PlanError("error.read_failed", path=path, detail=os_error_text(exc)) from None
    zip_at = _zip_start(head)
    if zip_at == 0:
        return _zip_kind(source, accept)
    if zip_at > 0:   # a zip after junk (a self-extractor, a download with a header): no reader takes it
        raise _refuse(path, "zip_after_junk")
    raise _refuse(path, _text_kind(head))


def _zip_start(head: bytes) -> int:
    """Where a zip signature starts in the first bytes: 0 for a zip, > 0 after other bytes, -1 for none."""
    if head.startswith(ZIP_MAGICS):
        return 0
    found = [position for position in (head.find(magic) for magic in ZIP_MAGICS) if position > 0]
    return min(found) if found else -1


def _text_kind(start: bytes) -> str:
    lowered = start.lstrip().lower()
    if lowered.startswith(b"%pdf"):
        return "pdf"
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    try:
        start.decode("utf-8")
        return "csv"
    except UnicodeDecodeError as exc:
        if exc.start >= len(start) - 3 and b"\x00" not in start:
            return "csv"   # a character cut at the end of the sample
    return "unknown"


def _zip_kind(source: Source, accept: tuple[str, ...]) -> str:
    path = source.path
    try:
        archive = source.archive()
        check_archive(archive, path)
        names = set(archive.namelist())
        kind = _package_kind(archive, names, path, accept)
        check_package(archive, kind, path, source.parts if source.content is not None else None)
        return kind
    except PlanError:
        raise
    except PartInflatesTooMuch as exc:
        raise PlanError("safety.size_lie", path=path, part=exc.part, size=exc.declared) from None
    except zipfile.BadZipFile as exc:
        if "CRC" in str(exc) or "size" in str(exc).lower():  # the directory is fine, a part's data is not
            raise PlanError("error.corrupt", path=path, detail=phrase("safety.detail.part_damaged")) from None
        raise _refuse(path, "truncated") from None
    except (OSError, EOFError, NotImplementedError, ValueError, RuntimeError, zlib.error) as exc:
        raise PlanError("error.corrupt", path=path, detail=_zip_detail(exc)) from None


def _zip_detail(exc: BaseException) -> str:
    if isinstance(exc, NotImplementedError):
        return phrase("safety.detail.compression")
    if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile):
        from .source import os_error_text

        return os_error_text(exc)
    return phrase("safety.detail.part_damaged")


def _package_kind(archive: zipfile.ZipFile, names: set[str], path: Path, accept: tuple[str, ...] = ()) -> str:
    if "mimetype" in names and read_part(archive, "mimetype", 256).strip() == _ODS_MIME:
        return "ods"
    if "xl/workbook.xml" in names or any(name.endswith("/workbook.xml") for name in names):
        return "xlsm" if "xl/vbaProject.bin" in names else "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "word/document.xml" in names:
        if "docx" in accept:
            return "docx"
        raise PlanError("doc.word_not_workbook", path=path)
    if any(name.startswith("ppt/") for name in names):
        raise _refuse(path, "pptx")
    raise _refuse(path, "zip")


def part_key(name: str) -> str:
    """A part name as calamine looks it up: case-insensitive, either slash, no leading slash."""
    return name.replace("\\", "/").lstrip("/").lower()


def check_archive(archive: zipfile.ZipFile, path: Path) -> None:
    """Refuse archives whose declared sizes no real plan reaches, and archives with two parts of one name.

    zipfile and calamine never return more than a part's declared size (and
    then check its CRC), so the declared sizes can be trusted, provided parts
    are inflated in bounded steps (`read_part`). Two parts of one name (also
    differing only in letter case or slash) would let one program read one
    copy and another program the other.
    """
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise PlanError("error.archive_too_big", path=path,
                        detail=phrase("detail.too_many_parts", count=len(infos), limit=MAX_PARTS))
    total = 0
    seen: dict[str, str] = {}
    for info in infos:
        key = part_key(info.filename)
        if key in seen:
            raise PlanError("safety.duplicate_part", path=path, part=info.filename, other=seen[key])
        seen[key] = info.filename
        if info.flag_bits & 0x1:
            raise PlanError("safety.zip_encrypted", path=path, part=info.filename)
        size = info.file_size
        total += size
        if size > MAX_PART_BYTES:
            raise PlanError("error.archive_too_big", path=path,
                            detail=phrase("detail.part_too_big", part=info.filename, size=size // 2**20,
                                        limit=MAX_PART_BYTES // 2**20))
        if size > RATIO_MIN_BYTES and size > MAX_RATIO * max(info.compress_size, 1):
            raise PlanError("error.archive_too_big", path=path,
                            detail=phrase("detail.ratio_too_high", part=info.filename,
                                        ratio=size // max(info.compress_size, 1), limit=MAX_RATIO))
    if total > MAX_TOTAL_BYTES:
        raise PlanError("error.archive_too_big", path=path,
                        detail=phrase("detail.total_too_big", size=total // 2**20, limit=MAX_TOTAL_BYTES // 2**20))


def check_package(archive: zipfile.ZipFile, kind: str, path: Path, keep: dict[str, bytes] | None = None) -> None:
    """Every XML part: no DOCTYPE, declared counts within what it holds; every sheet: an area and merges
    within the limits; every Word table: spans within Word's own limit.

    Runs after `check_archive`, so each part is known to inflate to a bounded size;
    parts are read one at a time. `keep` collects the XML parts read (up to
    KEEP_PARTS_BYTES in all), so that the reader does not inflate them again.
    """
    from .packagecheck import check_links, check_root_namespace, check_well_formed, styled

    sheet_names = _sheet_names_by_part(archive) if kind in ("xlsx", "xlsm", "xlsb") else {}
    kept = 0
    uses_styles = False
    for info in archive.infolist():
        if info.is_dir() or info.file_size == 0:
            continue
        name = info.filename
        xlsb_sheet = kind == "xlsb" and name.endswith(".bin") and "sheets/" in name
        if info.file_size <= SMALL_PART_BYTES:
            data = read_part(archive, info)  # one inflation; the head is its start
            head = data[:4096]
        else:
            head = read_part(archive, info, 4096)
            data = None
        if not (_looks_like_xml(head) or xlsb_sheet):
            continue  # pictures, printer settings, macros: never parsed as XML
        if data is None:
            data = read_part(archive, info)
        if keep is not None and not xlsb_sheet and kept + len(data) <= KEEP_PARTS_BYTES:
            keep[name] = data
            kept += len(data)
        if xlsb_sheet:
            check_xlsb_extent(data, sheet_names.get(name, name), path)
            continue
        check_xml(data, name, path)
        check_well_formed(data, name, path, sheet_names.get(name))
        check_root_namespace(data, name, path)
        check_declared_counts(data, name, path)
        if kind in ("xlsx", "xlsm") and b"sheetData" in data:
            check_sheet_extent(data, sheet_names.get(name, name), path)
            uses_styles = uses_styles or styled(data)
        elif kind == "ods" and name == "content.xml":
            check_ods_extent(data, path)
        elif kind == "docx" and b"gridSpan" in data:
            check_word_tables(data, name, path)
    if kind in ("xlsx", "xlsm", "docx"):
        check_links(archive, kind, path, lambda name: keep.get(name) if keep and name in keep
                    else read_part(archive, name), uses_styles)


# ---------------------------------------------------------------- declared counts

_SST_TAG = re.compile(rb"""<(?:[^\s<>/:="'!?]+:)?sst(?=[\s/>])""")
_UNIQUE_COUNT = re.compile(rb"""(?:^|\s)uniqueCount\s*=\s*["']\s*\+?0*(\d{1,40})""")
_SI_TAG = lazy_compile(rb"""<(?:[^\s<>/:="'!?]+:)?si(?=[\s/>])""")


def check_declared_counts(data: bytes, part: str, path: Path) -> None:
    """A shared-strings table (any part whose root is <sst>) may not declare far more strings than it holds:
    calamine reserves room for the declared number before reading one (a 1 KB part declaring a billion
    strings asks for 24 GB and aborts the process)."""
    if b"uniqueCount" not in data[:PROLOG_BYTES]:
        return
    tag = _SST_TAG.search(data, 0, PROLOG_BYTES)
    if tag is None:
        return
    end = tag_end(data, tag.end())
    found = _UNIQUE_COUNT.findall(data[tag.end():end if end > 0 else tag.end() + 4096])
    if not found:
        return
    declared = int(found[0])
    if declared <= COUNT_SLACK:
        return
    held = _count_strings(data)
    if declared > held + COUNT_SLACK:
        raise PlanError("safety.count_lie", path=path, part=part, declared=grouped(declared), held=grouped(held))


def _count_strings(data: bytes) -> int:
    if b":si" in data:
        return len(_SI_TAG.findall(data))
    return data.count(b"<si>") + data.count(b"<si ") + data.count(b"<si/") + data.count(b"<si\t") \
        + data.count(b"<si\n") + data.count(b"<si\r")


_GRID_SPAN = lazy_compile(rb"""<(?:[^\s<>/:="'!?]+:)?gridSpan\b[^>]*?\bval\s*=\s*["']\s*\+?(\d{1,40})""")


def check_word_tables(data: bytes, part: str, path: Path) -> None:
    """A Word table cell spans at most 63 grid columns (Word's own limit); a reader that builds the table
    grid expands each span cell by cell, so a span of a billion would exhaust memory."""
    for match in _GRID_SPAN.finditer(data):
        if int(match.group(1)) > MAX_WORD_SPAN:
            raise PlanError("safety.word_span", path=path, part=part, span=grouped(int(match.group(1))),
                            limit=MAX_WORD_SPAN)


class PartInflatesTooMuch(zipfile.BadZipFile):
    """A part whose data inflates to more than the size it declares: a crafted archive."""

    def __init__(self, part: str, declared: int) -> None:
        super().__init__(f"{part}: inflates beyond its declared {declared} bytes")
        self.part = part
        self.declared = declared


def read_part(archive: zipfile.ZipFile, member: str | zipfile.ZipInfo, limit: int | None = None) -> bytes:
    """A part's content (or its first `limit` bytes), inflated a megabyte at a time.

    `ZipFile.read()` asks zlib for up to 2 GB in one call and only then cuts the
    result to the declared size, so a part that declares 40 KB but inflates to
    gigabytes costs gigabytes of memory, and if its CRC matches the first 40 KB
    nothing even complains. A whole deflated part is therefore inflated here,
    in steps, and refused (PartInflatesTooMuch) as soon as it passes its
    declared size; the CRC is checked at the end.
    """
    info = member if isinstance(member, zipfile.ZipInfo) else archive.getinfo(member)
    if limit is None and info.compress_type == zipfile.ZIP_DEFLATED and not info.flag_bits & 1 and archive.fp:
        if isinstance(archive.fp, io.BytesIO):  # an archive in memory: a view of the same bytes, no copy
            return _inflate(memoryview(archive.fp.getvalue()), info)
        # The archive's own handle (zipfile seeks it before each of its reads too), never the file reopened
        # by name: another program may have replaced the file since it was opened.
        return _inflate(archive.fp, info)
    chunks: list[bytes] = []
    total = 0
    with archive.open(info) as handle:
        while limit is None or total < limit:
            chunk = handle.read(READ_STEP if limit is None else min(READ_STEP, limit - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    return b"".join(chunks)


def _inflate(source: BinaryIO | memoryview, info: zipfile.ZipInfo) -> bytes:
    """Inflate one part from an open file or from the archive's bytes, never past its declared size."""
    if isinstance(source, memoryview):
        def read_at(offset: int, size: int) -> bytes | memoryview:
            return source[offset:offset + size]
    else:
        def read_at(offset: int, size: int) -> bytes | memoryview:
            source.seek(offset)
            return source.read(size)
    header = bytes(read_at(info.header_offset, 30))
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"Bad magic number for file header of {info.filename}")
    name_length, extra_length = struct.unpack_from("<HH", header, 26)
    local_name = bytes(read_at(info.header_offset + 30, name_length))
    if local_name != info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437", "replace"):
        raise zipfile.BadZipFile(f"File name in directory {info.orig_filename!r} and header {local_name!r} differ")
    offset = info.header_offset + 30 + name_length + extra_length
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    left = info.compress_size
    pieces: list[bytes] = []
    size = 0
    while not inflater.eof:
        if inflater.unconsumed_tail:
            data = inflater.unconsumed_tail
        elif left > 0:
            data = read_at(offset, min(READ_STEP, left))
            if not data:
                raise zipfile.BadZipFile(f"Truncated data for {info.filename}")
            offset += len(data)
            left -= len(data)
        else:
            break
        piece = inflater.decompress(data, READ_STEP)
        size += len(piece)
        if size > info.file_size:
            raise PartInflatesTooMuch(info.filename, info.file_size)
        pieces.append(piece)
    content = b"".join(pieces)
    if len(content) != info.file_size or zlib.crc32(content) != info.CRC:
        raise zipfile.BadZipFile(f"Bad CRC-32 for file {info.filename!r}")
    return content


_QUOTED_ATTR = re.compile(rb"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _sheet_names_by_part(archive: zipfile.ZipFile) -> dict[str, str]:
    """Part path → sheet name, for messages; tolerant of any attribute quoting. Empty when unknown."""
    names = set(archive.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return {}
    try:
        workbook = read_part(archive, "xl/workbook.xml")
        rels = read_part(archive, "xl/_rels/workbook.xml.rels")
    except (KeyError, zipfile.BadZipFile, OSError, zlib.error, RuntimeError, ValueError):
        return {}
    targets: dict[bytes, str] = {}
    for tag in re.findall(rb"<(?:[\w.-]+:)?Relationship\b([^>]*)>", rels):
        attrs = _attrs(tag)
        target = attrs.get(b"Target", b"").decode("utf-8", "replace")
        targets[attrs.get(b"Id", b"")] = (target.lstrip("/") if target.startswith("/")
                                          else posixpath.normpath(posixpath.join("xl", target)))
    found: dict[str, str] = {}
    for tag in re.findall(rb"<(?:[\w.-]+:)?sheet\b([^>]*)>", workbook):
        attrs = _attrs(tag)
        part = targets.get(attrs.get(b"id", b""))
        if part:
            found[part] = _unescape(attrs.get(b"name", b"").decode("utf-8", "replace"))
    return found


def _unescape(text: str) -> str:
    if "&" not in text:
        return text   # most names: no entity, and the html module stays unloaded
    import html

    return html.unescape(text)


def _attrs(raw: bytes) -> dict[bytes, bytes]:
    return {key.split(b":")[-1]: double or single for key, double, single in _QUOTED_ATTR.findall(raw)}


# ---------------------------------------------------------------- XML entity attacks

_DANGEROUS = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_SPACE = re.compile(rb"[ \t\r\n]*")


def _looks_like_xml(head: bytes) -> bool:
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    if head.startswith((b"<\x00", b"\x00<")):  # UTF-16 (or UTF-32) without a byte-order mark
        return True
    stripped = head.lstrip(b" \t\r\n")
    return not stripped or stripped.startswith(b"<")  # all blank so far: whatever follows gets checked


def _as_utf8(data: bytes) -> bytes:
    """The start of an XML part as UTF-8, whatever Unicode encoding it declares by its first bytes."""
    for marks, codec in (((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"<\x00\x00\x00", b"\x00\x00\x00<"), "utf-32"),
                         ((b"\xff\xfe", b"<\x00"), "utf-16-le"), ((b"\xfe\xff", b"\x00<"), "utf-16-be")):
        if data.startswith(marks):
            if codec == "utf-32":
                codec = "utf-32-be" if data.startswith((b"\x00\x00\xfe\xff", b"\x00\x00\x00<")) else "utf-32-le"
            width = 4 if codec.startswith("utf-32") else 2
            usable = len(data) - len(data) % width
            return data[:usable].decode(codec, "replace").lstrip("\ufeff").encode("utf-8")
    return data[3:] if data.startswith(b"\xef\xbb\xbf") else data


def _prolog(data: bytes) -> str:
    """'root' when the root element starts with no DOCTYPE before it, 'dtd' when a declaration comes
    first, 'more' when the prolog runs past the end of `data`."""
    pos = 0
    size = len(data)
    while True:
        pos = _SPACE.match(data, pos).end()
        if pos >= size:
            return "more"
        if data.startswith(b"<?", pos):
            end = data.find(b"?>", pos + 2)
            if end < 0:
                return "more"
            pos = end + 2
        elif data.startswith(b"<!--", pos):
            end = data.find(b"-->", pos + 4)
            if end < 0:
                return "more"
            pos = end + 3
        elif data.startswith(b"<!", pos):
            return "dtd"
        elif size - pos < 4 and b"<!--".startswith(data[pos:]):
            return "more"
        else:
            return "root"  # an element, or text a parser will reject anyway


def check_xml(data: bytes, part: str, path: Path) -> None:
    """OOXML never needs a DOCTYPE; a part that declares one (anywhere before its root element,
    in any Unicode encoding) is refused outright."""
    if _DANGEROUS.search(data, 0, PROLOG_BYTES):
        raise PlanError("error.unsafe_xml", path=path, part=part)
    verdict = _prolog(_as_utf8(data[:MAX_PROLOG_BYTES + 8]))
    if verdict == "dtd":
        raise PlanError("error.unsafe_xml", path=path, part=part)
    if verdict == "more" and len(data) > MAX_PROLOG_BYTES:
        raise PlanError("safety.xml_prolog_too_long", path=path, part=part, limit=MAX_PROLOG_BYTES // 1024)


def check_xml_parts(archive: zipfile.ZipFile, path: Path) -> None:
    """Look at the prolog of every XML part for entity declarations (reads only the prologs)."""
    for info in archive.infolist():
        if info.is_dir() or not info.file_size:
            continue
        with archive.open(info) as handle:
            data = handle.read(PROLOG_BYTES)  # a bounded read: zlib is asked for at most this much
            if not _looks_like_xml(data):
                continue
            while _prolog(_as_utf8(data)) == "more" and len(data) <= MAX_PROLOG_BYTES:
                more = handle.read(PROLOG_BYTES)
                if not more:
                    break
                data += more
        check_xml(data, info.filename, path)


# ---------------------------------------------------------------- lock files


def excel_lock_file(path: Path) -> tuple[Path, str] | None:
    """The lock file Excel or LibreOffice keeps while `path` is open, and its owner."""
    candidates = (
        path.with_name("~$" + path.name),
        path.with_name("~$" + path.name[2:]) if len(path.name) > 2 else None,
        path.with_name(f".~lock.{path.name}#"),
    )
    for lock in candidates:
        try:
            if lock is not None and lock.exists():
                return lock, _lock_owner(lock)
        except OSError:  # the lock's name would be too long for the drive: no program made one
            continue
    return None


def _lock_owner(lock: Path) -> str:
    try:
        data = lock.read_bytes()[:512]
    except OSError:
        return ""
    if lock.name.startswith(".~lock."):
        first = data.decode("utf-8", "replace").split(",")
        return first[0].strip() if first else ""
    # Excel: a length byte and the name in the ANSI code page, padded to 54 bytes; then a 2-byte
    # length and the same name in UTF-16 — the only form that keeps Vietnamese diacritics.
    if len(data) >= 56:
        length = struct.unpack_from("<H", data, 54)[0]
        wide = data[56:56 + 2 * length]
        if 0 < length <= 54 and len(wide) == 2 * length:
            name = wide.decode("utf-16-le", "replace").strip("\x00 ")
            if name and name.isprintable():
                return name
    if data:
        length = data[0]
        name = data[1:1 + length].decode("cp1258", "replace").strip("\x00 ")
        if name.isprintable():
            return name
    return ""
