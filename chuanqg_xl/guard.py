"""Checks made before a file is parsed: what it really is, and whether it is safe.

python-calamine aborts the whole process (no exception) on zip bombs and on
sheets that claim a huge grid, so the archive and the sheet extents are
checked here first, with limits no real plan comes near.
"""
from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .errors import PlanError
from .messages import text

MAX_FILE_BYTES = 300 * 1024 * 1024
MAX_PARTS = 10_000
MAX_PART_BYTES = 600 * 1024 * 1024
MAX_TOTAL_BYTES = 1500 * 1024 * 1024
MAX_RATIO = 100            # Apache POI's limit; real workbooks compress 5-15:1
RATIO_MIN_BYTES = 1024 * 1024  # tiny parts may compress very well and are harmless
MAX_GRID_CELLS = 30_000_000
PROLOG_BYTES = 64 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_ENCRYPTED_OLE = "EncryptedPackage".encode("utf-16-le")
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


@dataclass(frozen=True)
class Sniffed:
    kind: str  # "xlsx", "xlsm", "xlsb", "ods", "xls"
    path: Path


def _refuse(path: Path, what: str) -> PlanError:
    return PlanError("error.not_spreadsheet", path=path, what=text(f"what.{what}"))


def sniff(path: str | os.PathLike[str]) -> Sniffed:
    """What the file really is, judged by its content rather than its name."""
    path = Path(path)
    if not path.exists():
        raise PlanError("error.not_found", path=path)
    if path.is_dir():
        raise PlanError("error.is_directory", path=path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise PlanError("error.read_failed", path=path, detail=exc.strerror or exc) from None
    if size == 0:
        raise PlanError("error.empty_file", path=path)
    if size > MAX_FILE_BYTES:
        raise PlanError("error.too_large", path=path, size=size // 2**20, limit=MAX_FILE_BYTES // 2**20)
    if head.startswith(OLE_MAGIC):
        data = path.read_bytes()
        if _ENCRYPTED_OLE in data:
            raise PlanError("error.encrypted", path=path)
        return Sniffed("xls", path)
    if head.startswith(ZIP_MAGICS):
        return Sniffed(_zip_kind(path), path)
    raise _refuse(path, _text_kind(head, path))


def _text_kind(head: bytes, path: Path) -> str:
    with open(path, "rb") as handle:
        start = handle.read(4096)
    lowered = start.lstrip().lower()
    if lowered.startswith(b"%pdf"):
        return "pdf"
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    try:
        start.decode("utf-8")
        return "csv"
    except UnicodeDecodeError:
        pass
    if b"\x00" not in start:
        return "csv"
    return "unknown"


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            check_archive(archive, path)
            if "mimetype" in names and archive.read("mimetype").strip() == _ODS_MIME:
                return "ods"
    except zipfile.BadZipFile:
        raise _refuse(path, "truncated") from None
    except (OSError, EOFError, NotImplementedError, ValueError) as exc:
        raise PlanError("error.corrupt", path=path, detail=exc) from None
    if "xl/workbook.xml" in names or any(name.endswith("/workbook.xml") for name in names):
        return "xlsm" if "xl/vbaProject.bin" in names else "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "word/document.xml" in names:
        raise _refuse(path, "docx")
    if any(name.startswith("ppt/") for name in names):
        raise _refuse(path, "pptx")
    raise _refuse(path, "zip")


def check_archive(archive: zipfile.ZipFile, path: Path) -> None:
    """Refuse archives whose declared sizes no real plan reaches.

    zipfile enforces the declared sizes while inflating, so checking them
    here is trustworthy.
    """
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise PlanError("error.archive_too_big", path=path,
                        detail=text("detail.too_many_parts", count=len(infos), limit=MAX_PARTS))
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        if size > MAX_PART_BYTES:
            raise PlanError("error.archive_too_big", path=path,
                            detail=text("detail.part_too_big", part=info.filename, size=size // 2**20,
                                        limit=MAX_PART_BYTES // 2**20))
        if size > RATIO_MIN_BYTES and size > MAX_RATIO * max(info.compress_size, 1):
            raise PlanError("error.archive_too_big", path=path,
                            detail=text("detail.ratio_too_high", part=info.filename,
                                        ratio=size // max(info.compress_size, 1), limit=MAX_RATIO))
    if total > MAX_TOTAL_BYTES:
        raise PlanError("error.archive_too_big", path=path,
                        detail=text("detail.total_too_big", size=total // 2**20, limit=MAX_TOTAL_BYTES // 2**20))


_DANGEROUS = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def check_xml(data: bytes, part: str, path: Path) -> None:
    """OOXML never needs a DOCTYPE; a part that has one is refused outright."""
    if _DANGEROUS.search(data, 0, PROLOG_BYTES):
        raise PlanError("error.unsafe_xml", path=path, part=part)


def check_xml_parts(archive: zipfile.ZipFile, path: Path) -> None:
    """Look at the start of every XML part for entity declarations."""
    for info in archive.infolist():
        if info.filename.endswith((".xml", ".rels", ".vml")) and info.file_size:
            with archive.open(info) as handle:
                check_xml(handle.read(PROLOG_BYTES), info.filename, path)


_LAST_ROW = re.compile(rb'<(?:\w+:)?row\b[^>]*?\sr="(\d+)"')
_WIDE_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\sr="([A-Z]{2,3})\d+"')


def check_sheet_extent(data: bytes, sheet: str, path: Path) -> None:
    """Refuse a sheet whose cells span more than MAX_GRID_CELLS.

    calamine allocates the whole rectangle up to the farthest cell, so a
    5 KB sheet with cells in A1 and XFD1048576 would exhaust memory.
    """
    start = data.rfind(b"<row ")
    if start < 0:
        start = data.rfind(b":row ")
    last_row = 0
    if start >= 0:
        match = _LAST_ROW.search(data, max(start - 8, 0))
        if match:
            last_row = int(match.group(1))
    max_col = 26
    if _WIDE_CELL.search(data):
        for match in _WIDE_CELL.finditer(data):
            letters = match.group(1).decode()
            value = 0
            for ch in letters:
                value = value * 26 + ord(ch) - 64
            max_col = max(max_col, value)
    if last_row * max_col > MAX_GRID_CELLS:
        from .cells import a1
        raise PlanError("error.archive_too_big", path=path,
                        detail=text("detail.grid_too_big", sheet=sheet, cell=a1(max(last_row, 1), max_col),
                                    limit=f"{MAX_GRID_CELLS:,}".replace(",", ".")))


def excel_lock_file(path: Path) -> tuple[Path, str] | None:
    """The lock file Excel or LibreOffice keeps while `path` is open, and its owner."""
    candidates = (
        path.with_name("~$" + path.name),
        path.with_name("~$" + path.name[2:]) if len(path.name) > 2 else None,
        path.with_name(f".~lock.{path.name}#"),
    )
    for lock in candidates:
        if lock is not None and lock.exists():
            return lock, _lock_owner(lock)
    return None


def _lock_owner(lock: Path) -> str:
    try:
        data = lock.read_bytes()[:512]
    except OSError:
        return ""
    if lock.name.startswith(".~lock."):
        first = data.decode("utf-8", "replace").split(",")
        return first[0].strip() if first else ""
    # Excel: one length byte, then the user name (ANSI); often followed by a UTF-16 copy.
    if data:
        length = data[0]
        name = data[1:1 + length].decode("cp1258", "replace").strip("\x00 ")
        if name.isprintable():
            return name
    return ""
