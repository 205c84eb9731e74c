"""Loading a workbook file into plain grids of values, formulas and merges.

Values come from python-calamine (fast, reads xlsx/xlsm/xlsb/xls/ods); for
OOXML files the sheet XML is also scanned for formulas and error values,
which calamine does not report; for .ods and .xls files `odsxls` reads them.
A grid whose formulas could not be read says so (`formulas_known`), so no rule
mistakes a computed cell for a typed one. The caller never sees a calamine object.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
from pathlib import Path

from . import guard
from .cells import col_index
from .damage import Damage
from .errors import PlanError
from .formulas import shift_formula
from .lazyre import lazy_compile
from .records import field, record
from .source import Source, open_source

_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)/?>")
_ATTR = re.compile(rb'([\w:]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')  # XML allows either quote
_REL_TAG = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)/?>")
_FORMULA_TAG = lazy_compile(rb"<((?:\w+:)?)f\b([^>]*?)(/?)>")
_CELL_REF = lazy_compile(rb'\sr\s*=\s*["\']([A-Z]{1,3})(\d+)["\']')
_VALUE = lazy_compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")
_ERROR_TYPE = lazy_compile(rb'\st\s*=\s*["\']e["\']')
_ANY_ERROR_TYPE = lazy_compile(rb"""t\s*=\s*["']e["']""")   # the test before _ERROR_CELL: starts only at a 't'
_ERROR_CELL = lazy_compile(rb'<(?:\w+:)?c\b[^>]*?\st\s*=\s*["\']e["\'][^>]*>')


@record(slots=True, eq=False)
class Grid:
    """One sheet as values (1-based access), formulas, errors and merges."""

    name: str
    rows: list[list]
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2 (1-based)
    uncached: set[tuple[int, int]] = field(default_factory=set)  # formulas with no stored value
    formulas_known: bool = True  # False: the format's formulas were not read (.xlsb, a damaged .xls)
    damaged: list[Damage] = field(default_factory=list)  # broken shared-string references, read as #REF!

    @property
    def nrows(self) -> int:
        return len(self.rows)

    def value(self, row: int, col: int) -> object:
        """The value at (row, col), 1-based; None for empty."""
        if row < 1 or col < 1 or row > len(self.rows):
            return None
        cells = self.rows[row - 1]
        if col > len(cells):
            return None
        value = cells[col - 1]
        if value == "":
            error = self.errors.get((row, col))
            return error
        return value

    def row(self, row: int) -> list:
        return self.rows[row - 1] if 1 <= row <= len(self.rows) else []


@record(slots=True, eq=False)
class Book:
    """A loaded workbook: sheet names, and grids loaded on demand, all read from one open `Source`
    (the bytes the guard checked for a small file, the one handle for a big one)."""

    path: Path
    kind: str
    sheet_names: list[str]
    _calamine: object
    _parts: dict[str, str]            # sheet name → part path inside the zip (OOXML only)
    _source: Source
    _owns_source: bool = True
    _grids: dict[str, Grid] = field(default_factory=dict)
    _foreign: dict | None = None      # .ods/.xls: sheet name → odsxls.SheetFormulas, read on first use
    _foreign_read: bool = False

    def grid(self, name: str) -> Grid:
        cached = self._grids.get(name)
        if cached is None:
            cached = self._grids[name] = self._load(name)
        return cached

    def _load(self, name: str) -> Grid:
        part = self._parts.get(name)
        data = None
        if part:
            data = self._source.parts.get(part)   # inflated and checked whole by the guard: these very bytes
            if data is None:   # a big file's part, read again: checked again
                data = read_source_part(self._source, part)
                guard.check_xml(data, part, self.path)
                guard.check_sheet_extent(data, name, self.path)
        try:
            sheet = self._calamine.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=False)
            merged_raw = sheet.merged_cell_ranges or []
        except BaseException as exc:  # calamine's own error types, and Rust panics: all mean "cannot read"
            if not reader_failure(exc):
                raise
            if data is not None and "string index" in str(exc):
                self._refuse_string_ref(name, data)
            raise PlanError("error.corrupt", path=self.path, detail=f"{name}: {calamine_detail(exc)}") from None
        merged = [(r1 + 1, c1 + 1, r2 + 1, c2 + 1) for (r1, c1), (r2, c2) in merged_raw]
        grid = Grid(name, rows, merged=merged)
        if data is not None:
            scan_formulas(data, grid)
            broken_string_refs(data, grid)
        elif self.kind in ("ods", "xls"):
            found = self._foreign_formulas()
            sheet_formulas = found.get(name) if found is not None else None
            if sheet_formulas is None:
                grid.formulas_known = False
            else:
                grid.formulas.update(sheet_formulas.formulas)
                grid.errors.update(sheet_formulas.errors)
        elif self.kind not in ("xlsx", "xlsm"):
            grid.formulas_known = False
        return grid

    def _refuse_string_ref(self, sheet: str, data: bytes) -> None:
        """calamine refuses a sheet with a shared-string index past the table: name the cell."""
        from .damage import string_ref_beyond

        strings = next((text for name, text in self._source.parts.items() if name.lower().endswith("sharedstrings.xml")),
                       None)
        if strings is None:
            try:
                strings = read_source_part(self._source, "xl/sharedStrings.xml")
            except PlanError:
                strings = b""
        count = len(re.findall(rb"<(?:[\w.-]+:)?si[\s/>]", strings))
        damage = string_ref_beyond(data, count)
        if damage is not None:
            raise PlanError("safety.string_ref_beyond", path=self.path, sheet=sheet, cell=damage.cell,
                            index=damage.raw, count=count)

    def _foreign_formulas(self) -> dict | None:
        if not self._foreign_read:
            from .odsxls import ods_formulas, xls_formulas

            self._foreign = (ods_formulas if self.kind == "ods" else xls_formulas)(io.BytesIO(self._source.read()))
            self._foreign_read = True
        return self._foreign

    def close(self) -> None:
        close = getattr(self._calamine, "close", None)
        if close:
            close()
        if self._owns_source:
            self._source.close()


def broken_string_refs(data: bytes, grid: Grid) -> None:
    """Cells whose shared-string index is no index ("abc", "-1"): calamine reads them as string #0; the grid
    holds #REF! there instead (what the reference really gives) and remembers what the file said."""
    from .damage import scan_damage

    grid.damaged = scan_damage(data, numbers=False)
    for damage in grid.damaged:
        if damage.row <= len(grid.rows) and damage.col <= len(grid.rows[damage.row - 1]):
            grid.rows[damage.row - 1][damage.col - 1] = ""
        grid.errors[(damage.row, damage.col)] = "#REF!"


def reader_failure(exc: BaseException) -> bool:
    """Whether an exception from a reading library means 'this file cannot be read': its own errors, and a
    Rust panic (pyo3 raises PanicException, a BaseException, which `except Exception` lets through)."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


def calamine_detail(exc: BaseException) -> str:
    """What calamine said, for the 'damaged file' sentence (a panic's own message is an internal detail)."""
    if type(exc).__name__ == "PanicException":
        from .messages import text

        return text("safety.detail.reader_gave_up")
    return str(exc) or type(exc).__name__


def read_source_part(source: Source, part: str) -> bytes:
    """One part of an OOXML package, read through the source's one handle."""
    try:
        return guard.read_part(source.archive(), part)
    except PlanError:
        raise
    except Exception as exc:  # BadZipFile, KeyError, OSError, zlib.error from a broken deflate stream…
        raise PlanError("error.corrupt", path=source.path, detail=f"{part}: {exc}") from None


def _attrs(raw: bytes) -> dict[bytes, bytes]:
    return {key.split(b":")[-1]: double or single for key, double, single in _ATTR.findall(raw)}


def ooxml_sheet_parts(archive: zipfile.ZipFile, path: Path) -> dict[str, str]:
    """Sheet name → worksheet part path, from workbook.xml and its relationships."""
    workbook_part = "xl/workbook.xml"
    if workbook_part not in archive.namelist():
        candidates = [name for name in archive.namelist() if name.endswith("/workbook.xml")]
        if not candidates:
            return {}
        workbook_part = candidates[0]
    workbook = guard.read_part(archive, workbook_part)
    guard.check_xml(workbook, workbook_part, path)
    folder = posixpath.dirname(workbook_part)
    rels_part = posixpath.join(folder, "_rels", posixpath.basename(workbook_part) + ".rels")
    targets: dict[bytes, str] = {}
    if rels_part in archive.namelist():
        rels = guard.read_part(archive, rels_part)
        guard.check_xml(rels, rels_part, path)
        for raw in _REL_TAG.findall(rels):
            attrs = _attrs(raw)
            target = _xml_text(attrs.get(b"Target", b""))
            if target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target))
            targets[attrs.get(b"Id", b"")] = resolved
    parts: dict[str, str] = {}
    for raw in _SHEET_TAG.findall(workbook):
        attrs = _attrs(raw)
        name = _xml_text(attrs.get(b"name", b""))
        target = targets.get(attrs.get(b"id", b""))
        if name and target:
            parts[name] = target
    return parts


def open_book(path: str | Path | Source) -> Book:
    """Open a workbook for reading, after checking what it is and that it is safe.

    Given a path, the book opens the file itself and closes it with `close()`; given an open `Source`,
    it reads through it and leaves it open for the caller.
    """
    owns = not isinstance(path, Source)
    source = open_source(path) if owns else path
    try:
        return _open_book(source, owns)
    except BaseException:
        if owns:
            source.close()
        raise


def _open_book(source: Source, owns: bool) -> Book:
    kind = guard.inspect(source)
    path = source.path
    parts: dict[str, str] = {}
    if kind in ("xlsx", "xlsm"):
        try:
            archive = source.archive()
            if source.content is None:
                # A big file, read again through its handle: its prologs are checked again. Kept bytes are
                # the very bytes whose every XML part the guard checked whole.
                guard.check_xml_parts(archive, path)
            parts = ooxml_sheet_parts(archive, path)
        except PlanError:
            raise
        except Exception as exc:
            raise PlanError("error.corrupt", path=path, detail=exc) from None
    try:
        import python_calamine

        reader = source.reader_path()
        if source.content is not None:  # calamine parses the bytes the guard checked
            workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(source.content))
        elif reader != str(path) or path.suffix.lower().lstrip(".") == kind or kind in ("xlsx", "xlsm"):
            workbook = python_calamine.CalamineWorkbook.from_path(reader)  # /proc/self/fd/N: the file we opened
        else:  # content and name disagree (an .xls renamed .xlsx): let calamine detect
            workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(source.read()))
        names = list(workbook.sheet_names)
    except BaseException as exc:
        if not reader_failure(exc):
            raise
        if type(exc).__name__ == "PasswordError":
            raise PlanError("error.encrypted", path=path) from None
        raise PlanError("error.corrupt", path=path, detail=calamine_detail(exc)) from None
    return Book(path, kind, names, workbook, parts, source, owns)


# The cell Excel and the usual writers produce for a formula: <c r="B7" s="3"><f>SUM(…)</f><v>12</v></c>.
# It is read in one match; anything else (shared formulas, prefixes, other children) takes the general steps.
_PLAIN_FORMULA_CELL = lazy_compile(rb'<c r="([A-Z]{1,3})(\d+)"([^<>]*)><f>([^<]*)</f>(?:<v>([^<]*)</v>)?</c>')
_PREFIXED_FORMULA = lazy_compile(rb"<\w+:f\b")


def _xml_text(raw: bytes) -> str:
    """An XML text node as html.unescape reads it; the entities writers use (xlsxwriter writes every ' as
    &#x27;) are replaced by str.replace, which costs a fraction of html.unescape's regex and callback."""
    text = raw.decode("utf-8")
    if "&" not in text:
        return text
    simple = text.replace("&#x27;", "'").replace("&#39;", "'").replace("&quot;", '"').replace("&lt;", "<") \
        .replace("&gt;", ">")
    if simple.count("&") != simple.count("&amp;"):
        import html

        return html.unescape(text)  # other entities, or a bare '&'
    return simple.replace("&amp;", "&")


def scan_formulas(data: bytes, grid: Grid) -> None:
    """Record formula text, error values and uncached formulas of a sheet part.

    Costs time in proportion to the number of formulas, not cells: the scan
    jumps from one <f> tag to the next and looks back for its cell.
    """
    masters: dict[bytes, tuple[int, int, str]] = {}
    children: list[tuple[int, int, bytes]] = []
    formulas, uncached, errors = grid.formulas, grid.uncached, grid.errors
    columns: dict[bytes, int] = {}
    pos = 0
    find = data.find
    # Without prefixed tags (<x:f>) the next formula is found by bytes.find, several times faster than a regex.
    prefixed = b":f" in data and _PREFIXED_FORMULA.search(data) is not None
    while True:
        if prefixed:
            match = _FORMULA_TAG.search(data, pos)
        else:
            at = find(b"<f", pos)
            if at < 0:
                break
            if data.startswith(b"<f>", at):
                # The usual cell, <c r="B7" s="3"><f>…</f><v>…</v></c>, read in one match without the tag regex.
                cell_start = data.rfind(b"<c ", 0, at)
                plain = _PLAIN_FORMULA_CELL.match(data, cell_start) if cell_start >= 0 else None
                if plain is not None and plain.start(4) == at + 3:
                    letters, digits, cell_attrs, formula_text, value = plain.groups()
                    col = columns.get(letters)
                    if col is None:
                        col = columns[letters] = col_index(letters.decode())
                    key = (int(digits), col)
                    if formula_text:
                        formulas[key] = _xml_text(formula_text)
                    if value is None:
                        uncached.add(key)
                    elif b"t" in cell_attrs and _ERROR_TYPE.search(cell_attrs):  # ' s="3"' needs no regex
                        errors[key] = value.decode("utf-8", "replace")
                    pos = plain.end()
                    continue
            match = _FORMULA_TAG.match(data, at)
            if match is None:  # <font…>, <foo…>: not a formula
                pos = at + 2
                continue
        if not match:
            break
        prefix, attrs_raw, self_closing = match.group(1), match.group(2), match.group(3)
        cell_start = data.rfind(b"<" + prefix + b"c ", 0, match.start())
        if cell_start < 0:
            pos = match.end()
            continue
        plain = None if prefix else _PLAIN_FORMULA_CELL.match(data, cell_start)
        if plain is not None and plain.start(4) == match.end():
            letters = plain.group(1)
            col = columns.get(letters)
            if col is None:
                col = columns[letters] = col_index(letters.decode())
            key = (int(plain.group(2)), col)
            formula_text = plain.group(4)
            if formula_text:
                formulas[key] = _xml_text(formula_text)
            value = plain.group(5)
            if value is None:
                uncached.add(key)
            elif b"t" in (cell_attrs := plain.group(3)) and _ERROR_TYPE.search(cell_attrs):  # ' s="3"' needs no regex
                errors[key] = value.decode("utf-8", "replace")
            pos = plain.end()
            continue
        cell_open_end = find(b">", cell_start)
        ref = _CELL_REF.search(data, cell_start, cell_open_end + 1)
        if not ref:
            pos = match.end()
            continue
        row, col = int(ref.group(2)), col_index(ref.group(1).decode())
        cell_end = find(b"</" + prefix + b"c>", match.end())
        if self_closing:
            formula_text = b""
            body_end = match.end()
        else:
            body_end = find(b"</" + prefix + b"f>", match.end())
            formula_text = data[match.end():body_end]
        attrs = _attrs(attrs_raw)
        if attrs.get(b"t") == b"shared" and b"si" in attrs:
            if formula_text:
                masters[attrs[b"si"]] = (row, col, _xml_text(formula_text))
            else:
                children.append((row, col, attrs[b"si"]))
        if formula_text:
            formulas[(row, col)] = _xml_text(formula_text)
        value = _VALUE.search(data, body_end, cell_end if cell_end > 0 else len(data))
        if value is None:
            uncached.add((row, col))
        elif _ERROR_TYPE.search(data, cell_start, cell_open_end):
            errors[(row, col)] = value.group(1).decode("utf-8", "replace")
        pos = max(match.end(), cell_end if cell_end > 0 else match.end())
    for row, col, si in children:
        master = masters.get(si)
        if master:
            grid.formulas[(row, col)] = shift_formula(master[2], row - master[0], col - master[1])
    if _ANY_ERROR_TYPE.search(data) is not None:
        for match in _ERROR_CELL.finditer(data):
            ref = _CELL_REF.search(match.group(0))
            if not ref:
                continue
            key = (int(ref.group(2)), col_index(ref.group(1).decode()))
            if key not in grid.errors:
                value = _VALUE.search(data, match.end(), match.end() + 200)
                if value:
                    grid.errors[key] = value.group(1).decode("utf-8", "replace")
