"""What a spreadsheet program needs of a package, checked before any reader runs (part of the guard stage).

calamine reads much that Excel, LibreOffice and openpyxl refuse or open only
after "repair": XML that is not well-formed (an unclosed row, a NUL byte, a
raw control character, a part cut short), a worksheet in another namespace,
a package without its content-types part, cells styled from a styles part
that is missing (or only reachable through a relationship that lies about
its type), a cell beyond XFD1048576. `check` used to read such a file while
`recalc` copied the damage into the file it wrote (or failed half-way with
an unexpected error). Every command now refuses it before reading, with the
same sentence, naming the part (and the sheet, line and column).

Parsing every XML part with expat (no handlers) costs about 6 ms a megabyte:
under a millisecond for a district plan.
"""
from __future__ import annotations

import posixpath
import re
import xml.parsers.expat as expat
import zipfile
from pathlib import Path

from .errors import PlanError
from .lazyre import lazy_compile
from .messages import phrase

SPREADSHEET_NAMESPACES = (b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                          b"http://purl.oclc.org/ooxml/spreadsheetml/main")
SPREADSHEET_ROOTS = (b"worksheet", b"workbook", b"sst", b"styleSheet", b"chartsheet", b"dialogsheet")
SHEET_TYPES = ("/worksheet", "/chartsheet", "/dialogsheet", "/xlMacrosheet", "/macrosheet")
MAX_ROW, MAX_COL = 1_048_576, 16_384

_REASONS = {   # expat's message (its XML_ERROR_… constant) → our words for it
    expat.errors.XML_ERROR_TAG_MISMATCH: "tag_mismatch",
    expat.errors.XML_ERROR_INVALID_TOKEN: "invalid_token",
    expat.errors.XML_ERROR_NO_ELEMENTS: "cut_short",
    expat.errors.XML_ERROR_UNCLOSED_TOKEN: "cut_short",
    expat.errors.XML_ERROR_PARTIAL_CHAR: "cut_short",
    expat.errors.XML_ERROR_UNCLOSED_CDATA_SECTION: "cut_short",
    expat.errors.XML_ERROR_JUNK_AFTER_DOC_ELEMENT: "junk_after",
    expat.errors.XML_ERROR_DUPLICATE_ATTRIBUTE: "duplicate_attribute",
    expat.errors.XML_ERROR_UNBOUND_PREFIX: "unbound_prefix",
    expat.errors.XML_ERROR_UNDEFINED_ENTITY: "undefined_entity",
    expat.errors.XML_ERROR_BAD_CHAR_REF: "bad_char_ref",
    expat.errors.XML_ERROR_INCORRECT_ENCODING: "encoding",
    expat.errors.XML_ERROR_UNKNOWN_ENCODING: "encoding",
}



def _where(part: str, sheet: str | None) -> str:
    return phrase("safety.where_sheet", part=part, sheet=sheet) if sheet else phrase("safety.where_part", part=part)


def check_well_formed(data: bytes, part: str, path: Path, sheet: str | None = None) -> None:
    """Refuse a part that is not namespace-well-formed XML, naming its line, column and what is wrong."""
    parser = expat.ParserCreate(namespace_separator=" ")
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        reason = _REASONS.get(expat.errors.messages.get(exc.code, ""), "other")
        raise PlanError("safety.xml_broken", path=path, where=_where(part, sheet), line=exc.lineno,
                        column=exc.offset + 1, reason=phrase(f"safety.xml.{reason}")) from None


_ROOT = re.compile(rb"<(?:([\w.-]+):)?([\w.-]+)((?:\s[^>]*)?)/?>")
_XMLNS = re.compile(rb"""\bxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def check_root_namespace(data: bytes, part: str, path: Path, start: int = 0) -> None:
    """A part whose root is a worksheet, workbook, string table or style sheet must be SpreadsheetML: in any
    other namespace Excel does not read it, while calamine, which ignores namespaces, would."""
    found = _ROOT.search(data, start, start + 65536)
    while found is not None and data[found.start() + 1:found.start() + 2] in (b"?", b"!"):
        found = _ROOT.search(data, found.end(), found.end() + 65536)
    if found is None or found.group(2) not in SPREADSHEET_ROOTS:
        return
    prefix = found.group(1) or b""
    declared = {name or b"": double or single for name, double, single in _XMLNS.findall(found.group(3))}
    namespace = declared.get(prefix)
    if namespace is not None and namespace not in SPREADSHEET_NAMESPACES:
        raise PlanError("safety.wrong_namespace", path=path, part=part,
                        namespace=namespace.decode("utf-8", "replace"))


_ADDRESS = lazy_compile(rb"""<(?:[\w.-]+:)?c\s[^>]*?\br\s*=\s*["']\s*([A-Za-z]+)(\d+)""")


def check_cell_limit(data: bytes, rows: int, cols: int, sheet: str, path: Path) -> None:
    """A value beyond Excel's last cell (XFD1048576): Excel repairs the file by dropping it. The refusal names
    the first such cell of the sheet part `data` (the extent alone combines the farthest row and column)."""
    if rows <= MAX_ROW and cols <= MAX_COL:
        return
    from .cells import a1, col_index

    cell = a1(max(rows, 1), max(cols, 1))
    for match in _ADDRESS.finditer(data):
        letters, digits = match.group(1).upper().decode(), int(match.group(2))
        if digits > MAX_ROW or col_index(letters) > MAX_COL:
            cell = f"{letters}{digits}"
            break
    raise PlanError("safety.cell_beyond_limit", path=path, sheet=sheet, cell=cell)


_REL = re.compile(rb"<(?:[\w.-]+:)?Relationship\b([^>]*)>")
_SHEET = re.compile(rb"<(?:[\w.-]+:)?sheet\b([^>]*)>")
_ATTR = re.compile(rb"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_STYLED = re.compile(rb"""\ss\s*=\s*["']\s*0*[1-9]""")


def _attrs(raw: bytes) -> dict[bytes, bytes]:
    return {key.split(b":")[-1]: double or single for key, double, single in _ATTR.findall(raw)}


def styled(data: bytes) -> bool:
    """A sheet part with a cell or row that uses a style other than the default."""
    return b" s=" in data and _STYLED.search(data) is not None


def check_links(archive: zipfile.ZipFile, kind: str, path: Path, read: object, uses_styles: bool) -> None:
    """The package's own table of contents and the workbook's links: [Content_Types].xml is there, each sheet
    of workbook.xml leads through a sheet relationship to a part that exists, and cells that use styles have
    a styles part to take them from. `read(name)` returns a part's bytes."""
    names = {info.filename for info in archive.infolist()}
    if "[Content_Types].xml" not in names:
        raise PlanError("safety.content_types_missing", path=path)
    if kind not in ("xlsx", "xlsm") or "xl/workbook.xml" not in names:
        return
    rels_name = "xl/_rels/workbook.xml.rels"
    rels: dict[bytes, tuple[str, str]] = {}
    if rels_name in names:
        for raw in _REL.findall(read(rels_name)):  # type: ignore[operator]
            attrs = _attrs(raw)
            target = _unescape(attrs.get(b"Target", b""))
            if attrs.get(b"TargetMode", b"") == b"External":
                continue
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            rels[attrs.get(b"Id", b"")] = (_unescape(attrs.get(b"Type", b"")), part)
    for raw in _SHEET.findall(read("xl/workbook.xml")):  # type: ignore[operator]
        attrs = _attrs(raw)
        sheet = _unescape(attrs.get(b"name", b""))
        link = rels.get(attrs.get(b"id", b""))
        if link is None or not link[0].endswith(SHEET_TYPES):
            raise PlanError("safety.sheet_link_broken", path=path, sheet=sheet)
        if link[1] not in names:
            raise PlanError("safety.sheet_part_missing", path=path, sheet=sheet, part=link[1])
    if uses_styles and not any(rel_type.endswith("/styles") and part in names for rel_type, part in rels.values()):
        raise PlanError("safety.styles_missing", path=path)


def _unescape(raw: bytes) -> str:
    value = raw.decode("utf-8", "replace")
    if "&" not in value:
        return value
    import html

    return html.unescape(value)
