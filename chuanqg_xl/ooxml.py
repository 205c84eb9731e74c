"""Surgical edits of an .xlsx package.

recalc must not lose a picture, a chart, a text box, a dropdown, a comment's
formatting or a cached value of a cell it did not mean to change. openpyxl
rewrites every part on save and drops several of these, so this module edits
the package directly: parts it does not touch are copied byte for byte; the
parts it does touch are edited as text at the exact places that change, so
namespace prefixes and extension elements Excel relies on stay as they were.
"""
from __future__ import annotations

import contextlib
import html
import math
import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from . import guard
from .cells import a1, col_index
from .formulas import shift_formula
from .source import Source

REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_WORKSHEET = REL_NS + "/worksheet"
REL_COMMENTS = REL_NS + "/comments"
REL_VML = REL_NS + "/vmlDrawing"
REL_CALCCHAIN = REL_NS + "/calcChain"
CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing"
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


class NoCellRefs(Exception):
    """A sheet written without r="A1" cell references; it cannot be edited in place."""


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def esc(text: str) -> str:
    """XML text/attribute escaping, dropping control characters XML 1.0 cannot carry."""
    if _NOT_XML.search(text):
        text = _NOT_XML.sub("", text)
    return html.escape(text, quote=True)


_ATTR = re.compile(r'([\w:.-]+)\s*=\s*("([^"]*)"|\'([^\']*)\')')


def attrs(raw: str) -> dict[str, str]:
    return {m.group(1): html.unescape(m.group(3) if m.group(3) is not None else m.group(4))
            for m in _ATTR.finditer(raw)}


def set_attr(tag: str, name: str, value: str | None) -> str:
    """A start tag with one attribute set (or removed when value is None)."""
    pattern = re.compile(r'\s' + re.escape(name) + r'\s*=\s*("[^"]*"|\'[^\']*\')')
    tag = pattern.sub("", tag)
    if value is None:
        return tag
    end = len(tag) - (2 if tag.endswith("/>") else 1)
    return f'{tag[:end]} {name}="{esc(value)}"{tag[end:]}'


_TAG = re.compile(r"<(/?)([\w:.-]+)((?:\s+[^>]*?)?)(/?)>|<!--.*?-->|<\?.*?\?>|<!\[CDATA\[.*?\]\]>", re.S)


@dataclass(frozen=True)
class Element:
    name: str        # local name
    start: int
    end: int
    start_tag_end: int


def children(text: str, start: int, end: int) -> list[Element]:
    """The direct child elements of the element whose content spans text[start:end]."""
    found: list[Element] = []
    depth = 0
    current: tuple[str, int, int] | None = None
    for match in _TAG.finditer(text, start, end):
        if match.group(2) is None:
            continue
        closing, name, self_closing = match.group(1), match.group(2), match.group(4)
        local = name.split(":")[-1]
        if closing:
            depth -= 1
            if depth == 0 and current is not None:
                found.append(Element(current[0], current[1], match.end(), current[2]))
                current = None
        elif self_closing:
            if depth == 0:
                found.append(Element(local, match.start(), match.end(), match.end()))
        else:
            if depth == 0:
                current = (local, match.start(), match.end())
            depth += 1
    return found


def root_span(text: str) -> tuple[str, int, int, int]:
    """(prefix with colon, start of the root start tag, end of it, start of the closing tag)."""
    for match in _TAG.finditer(text):
        if match.group(2) is None or match.group(1):
            continue
        name = match.group(2)
        prefix = name[: name.index(":") + 1] if ":" in name else ""
        close = text.rfind(f"</{name}>")
        return prefix, match.start(), match.end(), close
    raise ValueError("no root element")


# ---------------------------------------------------------------- the package

@dataclass
class Rel:
    id: str
    type: str
    target: str
    mode: str | None = None


class Package:
    """The parts of an .xlsx, with their original order and zip metadata.

    A part is inflated when it is first read (or when it is saved): on a big
    plan the parts not yet edited would otherwise sit in memory next to the
    sheet being edited. Given an open `Source`, every part comes from its one
    handle (the file as the command first opened it).
    """

    def __init__(self, path: str | Path | Source) -> None:
        self._source = path if isinstance(path, Source) else None
        self.path = path.path if isinstance(path, Source) else Path(path)
        with self.opened() as archive:
            self.infos = {info.filename: info for info in archive.infolist()}
            self.order = [info.filename for info in archive.infolist()]
        self.parts: dict[str, bytes | None] = dict.fromkeys(self.order)   # None: not read yet
        self.changed: set[str] = set()

    @contextlib.contextmanager
    def opened(self) -> Iterator[zipfile.ZipFile]:
        """The source package as a zip archive (the source's own handle when there is one)."""
        if self._source is not None:
            yield self._source.archive()
        else:
            with zipfile.ZipFile(self.path) as archive:
                yield archive

    # parts
    def has(self, name: str) -> bool:
        return name in self.parts

    def read(self, name: str) -> bytes:
        data = self.parts[name]
        if data is None:
            with self.opened() as archive:
                data = self.parts[name] = guard.read_part(archive, self.infos[name])
        return data

    def text(self, name: str) -> str:
        return self.read(name).decode("utf-8")

    def write(self, name: str, data: bytes | str) -> None:
        if isinstance(data, str):
            data = data.encode("utf-8")
        if name not in self.parts:
            self.order.append(name)
        elif self.read(name) == data:
            return
        self.parts[name] = data
        self.changed.add(name)

    def delete(self, name: str) -> None:
        if name in self.parts:
            del self.parts[name]
            self.order.remove(name)
            self.changed.add(name)

    def save(self, path: str | Path) -> None:
        with self.opened() as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for name in self.order:
                old = self.infos.get(name)
                info = zipfile.ZipInfo(name, date_time=old.date_time if old else FIXED_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = old.external_attr if old else 0o600 << 16
                data = self.parts[name]
                archive.writestr(info, guard.read_part(source, old) if data is None else data)

    # relationships
    @staticmethod
    def rels_name(part: str) -> str:
        folder, base = posixpath.split(part)
        return posixpath.join(folder, "_rels", base + ".rels")

    def rels(self, part: str) -> list[Rel]:
        name = self.rels_name(part)
        if name not in self.parts:
            return []
        found = []
        for match in re.finditer(r"<(?:\w+:)?Relationship\b([^>]*)/?>", self.text(name)):
            values = attrs(match.group(1))
            found.append(Rel(values.get("Id", ""), values.get("Type", ""), values.get("Target", ""),
                             values.get("TargetMode")))
        return found

    def write_rels(self, part: str, rels: list[Rel]) -> None:
        name = self.rels_name(part)
        if not rels:
            self.delete(name)
            return
        body = "".join(
            f'<Relationship Id="{esc(rel.id)}" Type="{esc(rel.type)}" Target="{esc(rel.target)}"'
            + (f' TargetMode="{esc(rel.mode)}"' if rel.mode else "") + "/>"
            for rel in rels
        )
        self.write(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                         f'<Relationships xmlns="{PKG_REL_NS}">{body}</Relationships>')

    @staticmethod
    def resolve(part: str, target: str) -> str:
        if target.startswith("/"):
            return target.lstrip("/")
        return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))

    @staticmethod
    def relative(part: str, target_part: str) -> str:
        return posixpath.relpath(target_part, posixpath.dirname(part))

    @staticmethod
    def free_rel_id(rels: list[Rel]) -> str:
        used = {rel.id for rel in rels}
        number = 1
        while f"rId{number}" in used:
            number += 1
        return f"rId{number}"

    def free_part(self, pattern: str) -> str:
        """The lowest free part name for a pattern like 'xl/comments{}.xml'."""
        number = 1
        while pattern.format(number) in self.parts:
            number += 1
        return pattern.format(number)

    # content types
    def _types(self) -> tuple[list[tuple[str, dict[str, str]]], str]:
        text = self.text("[Content_Types].xml")
        items = [(m.group(1).split(":")[-1], attrs(m.group(2)))
                 for m in re.finditer(r"<((?:\w+:)?(?:Default|Override))\b([^>]*)/?>", text)]
        return items, text

    def _write_types(self, items: list[tuple[str, dict[str, str]]]) -> None:
        body = "".join(f"<{kind} " + " ".join(f'{key}="{esc(value)}"' for key, value in values.items()) + "/>"
                       for kind, values in items)
        self.write("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                          f'<Types xmlns="{CT_NS}">{body}</Types>')

    def set_override(self, part: str, content_type: str | None) -> None:
        items, _ = self._types()
        name = "/" + part
        kept = [(kind, values) for kind, values in items if not (kind == "Override" and values.get("PartName") == name)]
        if content_type:
            kept.append(("Override", {"PartName": name, "ContentType": content_type}))
        if kept != items:
            self._write_types(kept)

    def ensure_default(self, extension: str, content_type: str) -> None:
        items, _ = self._types()
        if any(kind == "Default" and values.get("Extension", "").lower() == extension for kind, values in items):
            return
        defaults = [item for item in items if item[0] == "Default"]
        others = [item for item in items if item[0] != "Default"]
        self._write_types([*defaults, ("Default", {"Extension": extension, "ContentType": content_type}), *others])


# ---------------------------------------------------------------- worksheets

_ROW = re.compile(r"<((?:\w+:)?)row\b([^>]*?)(/?)>")
_CELL = re.compile(r"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_F_SHARED_MASTER = re.compile(r"<(?:\w+:)?f\b([^>]*\bt=\"shared\"[^>]*\bref=\"[^\"]*\"[^>]*)>([^<]*)</(?:\w+:)?f>")
_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")
_R_ATTR = re.compile(r'\sr="([A-Z]{1,3})(\d+)"')
_S_ATTR = re.compile(r'\ss="(\d+)"')
_ROW_R = re.compile(r'\sr="(\d+)"')

# What follows what inside <worksheet> (ECMA-376 CT_Worksheet), for inserting elements in order.
WORKSHEET_ORDER = (
    "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
    "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
    "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins",
    "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors",
    "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
    "webPublishItems", "tableParts", "extLst",
)


@dataclass(frozen=True, slots=True)  # one per derived cell: 385,000 on the biggest plans
class CellWrite:
    formula: str | None   # without "="; None writes a constant
    value: float | None
    text: str | None = None  # a text constant (inline string) instead of a number
    error: str | None = None  # an error value (#REF!, #NUM!) instead of a number


def number_text(value: float) -> str:
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


class Worksheet:
    """A worksheet part, edited as text."""

    def __init__(self, data: bytes) -> None:
        self.text = data.decode("utf-8")
        self.prefix, _, self.root_end, self.root_close = root_span(self.text)

    def _sheet_data(self) -> tuple[int, int, bool]:
        """(content start, content end, self-closing) of <sheetData>."""
        p = re.escape(self.prefix)
        match = re.search(rf"<{p}sheetData\b[^>]*?(/?)>", self.text)
        if not match:
            raise ValueError("no sheetData")
        if match.group(1):
            return match.start(), match.end(), True
        close = self.text.index(f"</{self.prefix}sheetData>", match.end())
        return match.end(), close, False

    def write_cells(self, edits: dict[tuple[int, int], CellWrite]) -> None:
        """Put formula+cached value (or a constant) into cells, keeping each cell's style.

        A cell that does not exist yet takes the style of the nearest cell above
        in its column (rows are rewritten in order). Cells of a shared formula
        whose master is replaced get their formula written out in full. Rows
        without edits are copied as they are, without being parsed.
        """
        if not edits:
            return
        start, end, empty = self._sheet_data()
        p = self.prefix
        broken = self._broken_shared(start, end, edits) if not empty else {}
        rows_to_touch: dict[int, dict[int, CellWrite]] = {}
        for (row, col), write in edits.items():
            rows_to_touch.setdefault(row, {})[col] = write
        extra_rows = {row for master in broken.values() for row in range(master[3], master[4] + 1)}
        styles: dict[int, str] = {}   # column → style of the nearest cell seen above
        pieces: list[str] = []
        pos = start
        pending = sorted(rows_to_touch)
        pending_index = 0
        text = self.text
        if not empty:
            for row_match in _ROW.finditer(text, start, end):
                number = _ROW_R.search(row_match.group(2))
                if number is None:
                    raise NoCellRefs()
                row = int(number.group(1))
                while pending_index < len(pending) and pending[pending_index] < row:
                    missing = pending[pending_index]
                    pieces.append(text[pos:row_match.start()])
                    pieces.append(self._new_row(missing, rows_to_touch[missing], styles))
                    pos = row_match.start()
                    pending_index += 1
                if row not in rows_to_touch and row not in extra_rows:
                    continue
                close_tag = f"</{row_match.group(1)}row>"
                if row_match.group(3):
                    row_end = inner_start = inner_end = row_match.end()
                    open_tag = row_match.group(0)[:-2] + ">"
                else:
                    inner_start = row_match.end()
                    inner_end = text.index(close_tag, inner_start)
                    row_end = inner_end + len(close_tag)
                    open_tag = row_match.group(0)
                cells = rows_to_touch.get(row, {})
                if cells and pending_index < len(pending) and pending[pending_index] == row:
                    pending_index += 1
                inner = self._rewrite_row(row, text[inner_start:inner_end], cells, styles, broken)
                if cells:
                    open_tag = set_attr(open_tag, "spans", None)
                pieces.append(text[pos:row_match.start()])
                pieces.append(open_tag + inner + close_tag)
                pos = row_end
        pieces.append(text[pos:end])
        for missing in pending[pending_index:]:
            pieces.append(self._new_row(missing, rows_to_touch[missing], styles))
        if empty:
            pieces = [text[:start], f"<{p}sheetData>", *pieces, f"</{p}sheetData>", text[end:]]
        else:
            pieces = [text[:start], *pieces, text[end:]]
        # The old text goes before the one join: a 34 MB sheet is a 70 MB str, and every copy alive counts.
        del text
        self.text = ""
        self.text = "".join(pieces)
        self.root_close = self.text.rfind("</")

    def _broken_shared(self, start: int, end: int, edits: dict) -> dict[str, tuple[str, int, int, int, int]]:
        """Shared formulas whose master cell will be replaced: si → (text, master row, col, first, last row)."""
        broken = {}
        for match in _F_SHARED_MASTER.finditer(self.text, start, end):
            cell_start = self.text.rfind("<", start, match.start())
            while cell_start > start and not re.match(r"<(?:\w+:)?c\b", self.text[cell_start:cell_start + 8]):
                cell_start = self.text.rfind("<", start, cell_start)
            ref = re.search(r'\br="([A-Z]{1,3})(\d+)"', self.text[cell_start:match.start()])
            if not ref:
                continue
            row, col = int(ref.group(2)), col_index(ref.group(1))
            if (row, col) not in edits:
                continue
            values = attrs(match.group(1))
            span = values.get("ref", "")
            rows = [int(number) for number in re.findall(r"\d+", span)] or [row]
            broken[values.get("si", "")] = (html.unescape(match.group(2)), row, col, min(rows), max(rows))
        return broken

    def _cell_xml(self, ref: str, style: str | None, write: CellWrite) -> str:
        p = self.prefix
        style_attr = f' s="{style}"' if style else ""
        if write.text is not None:
            return (f'<{p}c r="{ref}"{style_attr} t="inlineStr"><{p}is><{p}t xml:space="preserve">{esc(write.text)}'
                    f"</{p}t></{p}is></{p}c>")
        if write.error is not None:
            return f'<{p}c r="{ref}"{style_attr} t="e"><{p}v>{esc(write.error)}</{p}v></{p}c>'
        value = "" if write.value is None else f"<{p}v>{number_text(write.value)}</{p}v>"
        if write.value is not None and not math.isfinite(write.value):
            # a sum beyond the float range: what Excel itself shows, not "inf", which no reader takes for a number
            style_attr += ' t="e"'
            value = f"<{p}v>#NUM!</{p}v>"
        if write.formula is None:
            if write.value is None:
                return f'<{p}c r="{ref}"{style_attr}/>'
            return f'<{p}c r="{ref}"{style_attr}>{value}</{p}c>'
        return f'<{p}c r="{ref}"{style_attr}><{p}f>{esc(write.formula)}</{p}f>{value}</{p}c>'

    def _rewrite_row(self, row: int, inner: str, cells: dict[int, CellWrite], styles: dict[int, str],
                     broken: dict) -> str:
        if not broken:
            fast = self._replace_existing(row, inner, cells, styles)
            if fast is not None:
                return fast
        out: list[str] = []
        pos = 0
        remaining = dict(sorted(cells.items()))
        for match in _CELL.finditer(inner):
            head = match.group(1)
            ref = _R_ATTR.search(head)
            if ref is None:
                raise NoCellRefs()
            col = col_index(ref.group(1))
            style = _S_ATTR.search(head)
            if style:
                styles[col] = style.group(1)
            if remaining:
                for new_col in [c for c in remaining if c < col]:
                    out.append(inner[pos:match.start()])
                    pos = match.start()
                    out.append(self._cell_xml(a1(row, new_col), styles.get(new_col), remaining.pop(new_col)))
                if col in remaining:
                    out.append(inner[pos:match.start()])
                    out.append(self._cell_xml(a1(row, col), style.group(1) if style else styles.get(col),
                                              remaining.pop(col)))
                    pos = match.end()
                    continue
            if broken and match.group(2) and 't="shared"' in match.group(2):
                expanded = self._expand_shared(match.group(0), row, col, broken)
                if expanded != match.group(0):
                    out.append(inner[pos:match.start()])
                    out.append(expanded)
                    pos = match.end()
        out.append(inner[pos:])
        for new_col, write in remaining.items():
            out.append(self._cell_xml(a1(row, new_col), styles.get(new_col), write))
        return "".join(out)

    def _replace_existing(self, row: int, inner: str, cells: dict[int, CellWrite],
                          styles: dict[int, str]) -> str | None:
        """The usual case, without parsing the row: every cell to write exists and starts with its r="…".

        None when a cell is missing (or written differently): the caller then parses the row.
        """
        p = self.prefix
        spans = []
        for col, write in cells.items():
            ref = a1(row, col)
            start = inner.find(f'<{p}c r="{ref}"')
            if start < 0:
                return None
            tag_end = inner.find(">", start)
            if inner[tag_end - 1] == "/":
                end = tag_end + 1
            else:
                close = inner.find(f"</{p}c>", tag_end)
                if close < 0:
                    return None
                end = close + len(p) + 4
            style = _S_ATTR.search(inner, start, tag_end)
            style_value = style.group(1) if style else styles.get(col)
            if style_value:
                styles[col] = style_value
            spans.append((start, end, self._cell_xml(ref, style_value, write)))
        spans.sort()
        out = []
        pos = 0
        for start, end, xml in spans:
            out.append(inner[pos:start])
            out.append(xml)
            pos = end
        out.append(inner[pos:])
        return "".join(out)

    def _expand_shared(self, cell_xml: str, row: int, col: int, broken: dict) -> str:
        match = re.search(r"<((?:\w+:)?)f\b([^>]*?)(/>|>([^<]*)</(?:\w+:)?f>)", cell_xml)
        if not match:
            return cell_xml
        values = attrs(match.group(2))
        master = broken.get(values.get("si", ""))
        if values.get("t") != "shared" or master is None:
            return cell_xml
        text, master_row, master_col = master[0], master[1], master[2]
        formula = shift_formula(text, row - master_row, col - master_col)
        prefix = match.group(1)
        return cell_xml[:match.start()] + f"<{prefix}f>{esc(formula)}</{prefix}f>" + cell_xml[match.end():]

    def _new_row(self, row: int, cells: dict[int, CellWrite], styles: dict[int, str]) -> str:
        p = self.prefix
        body = "".join(self._cell_xml(a1(row, col), styles.get(col), write) for col, write in sorted(cells.items()))
        return f'<{p}row r="{row}">{body}</{p}row>'

    # top-level elements after sheetData

    def elements(self) -> list[Element]:
        """Top-level elements; the (possibly huge) cell data is skipped, not tokenised."""
        start, end, empty = self._sheet_data()
        tag_start = self.text.rfind("<", 0, start) if not empty else start
        if empty:
            data = Element("sheetData", start, end, end)
            after = end
        else:
            close_end = self.text.index(">", end) + 1
            data = Element("sheetData", tag_start, close_end, start)
            after = close_end
        head = children(self.text, self.root_end, data.start)
        tail = children(self.text, after, self.root_close)
        return [*head, data, *tail]

    def insert_element(self, name: str, xml: str) -> None:
        """Insert a top-level element where the schema wants it."""
        index = WORKSHEET_ORDER.index(name)
        later = set(WORKSHEET_ORDER[index + 1:])
        position = self.root_close
        for element in self.elements():
            if element.name in later:
                position = element.start
                break
        self.text = "".join((self.text[:position], xml, self.text[position:]))  # one copy of a big sheet, not two
        self.root_close = self.text.rfind("</")

    def remove_elements(self, name: str, predicate=lambda xml: True) -> int:
        removed = 0
        for element in reversed(self.elements()):
            if element.name == name and predicate(self.text[element.start:element.end]):
                self.text = "".join((self.text[:element.start], self.text[element.end:]))
                removed += 1
        self.root_close = self.text.rfind("</")
        return removed

    def element_xml(self, name: str) -> str | None:
        for element in self.elements():
            if element.name == name:
                return self.text[element.start:element.end]
        return None

    def declares_r(self) -> bool:
        return f'xmlns:r="{REL_NS}"' in self.text[:self.root_end]

    def bytes(self) -> bytes:
        return self.text.encode("utf-8")


# ---------------------------------------------------------------- styles

STYLES_ORDER = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs",
                "tableStyles", "colors", "extLst")


class Styles:
    """styles.xml, with helpers to find or append fonts, fills, borders, cell formats and dxfs."""

    def __init__(self, data: bytes) -> None:
        self.text = data.decode("utf-8")
        self.prefix, _, self.root_end, self.root_close = root_span(self.text)

    def _section(self, name: str) -> Element | None:
        for element in children(self.text, self.root_end, self.root_close):
            if element.name == name:
                return element
        return None

    def _ensure_section(self, name: str) -> Element:
        section = self._section(name)
        p = self.prefix
        if section is not None and section.start_tag_end == section.end:  # <dxfs count="0"/>
            tag = self.text[section.start:section.end]
            opened = tag[:-2] + ">" + f"</{p}{name}>"
            self.text = self.text[:section.start] + opened + self.text[section.end:]
            self.root_close = self.text.rfind("</")
            section = self._section(name)
        if section is None:
            index = STYLES_ORDER.index(name)
            later = set(STYLES_ORDER[index + 1:])
            position = self.root_close
            for element in children(self.text, self.root_end, self.root_close):
                if element.name in later:
                    position = element.start
                    break
            self.text = self.text[:position] + f'<{p}{name} count="0"></{p}{name}>' + self.text[position:]
            self.root_close = self.text.rfind("</")
            section = self._section(name)
        return section

    def add(self, section_name: str, item_xml: str) -> int:
        """Index of `item_xml` in a section, appending it (and fixing count) when absent."""
        section = self._ensure_section(section_name)
        close = self.text.rindex("</", section.start, section.end)
        items = children(self.text, section.start_tag_end, close)
        for index, item in enumerate(items):
            if self.text[item.start:item.end] == item_xml:
                return index
        start_tag = self.text[section.start:section.start_tag_end]
        new_tag = set_attr(start_tag, "count", str(len(items) + 1))
        self.text = (self.text[:section.start] + new_tag + self.text[section.start_tag_end:close] + item_xml
                     + self.text[close:])
        self.root_close = self.text.rfind("</")
        return len(items)

    def bytes(self) -> bytes:
        return self.text.encode("utf-8")


# ---------------------------------------------------------------- workbook.xml

class WorkbookXml:
    def __init__(self, data: bytes) -> None:
        self.text = data.decode("utf-8")
        self.prefix, _, self.root_end, self.root_close = root_span(self.text)

    def sheets(self) -> list[dict[str, str]]:
        return [attrs(m.group(1)) for m in re.finditer(r"<(?:\w+:)?sheet\b([^>]*?)/?>", self.text)]

    def add_sheet(self, name: str, rel_id: str) -> None:
        ids = [int(sheet.get("sheetId", 0)) for sheet in self.sheets()]
        sheet_id = max(ids, default=0) + 1
        p = self.prefix
        r_prefix = self._r_prefix()
        # openpyxl declares the relationships namespace on each <sheet>, not on the root: declare it here too.
        declare = "" if r_prefix else f'xmlns:r="{REL_NS}" '
        tag = f'<{p}sheet name="{esc(name)}" sheetId="{sheet_id}" {declare}{r_prefix or "r"}:id="{rel_id}"/>'
        close = self.text.index(f"</{p}sheets>")
        self.text = self.text[:close] + tag + self.text[close:]

    def _r_prefix(self) -> str | None:
        """The root's prefix for the relationships namespace; None when the root does not declare it."""
        match = re.search(r'xmlns:(\w+)="' + re.escape(REL_NS) + '"', self.text[:self.root_end])
        return match.group(1) if match else None

    def remove_sheet(self, name: str) -> tuple[int, str] | None:
        """Remove a sheet entry; returns (its position, its relationship id)."""
        for index, match in enumerate(re.finditer(r"<(?:\w+:)?sheet\b([^>]*?)/?>", self.text)):
            values = attrs(match.group(1))
            if values.get("name") == name:
                rel_id = next((value for key, value in values.items() if key.endswith(":id")), "")
                self.text = self.text[:match.start()] + self.text[match.end():]
                self._after_sheet_removed(index, name)
                return index, rel_id
        return None

    def _after_sheet_removed(self, index: int, name: str) -> None:
        def fix_name(match: re.Match[str]) -> str:
            tag, body = match.group(1), match.group(2)
            values = attrs(tag)
            local = values.get("localSheetId")
            quoted = "'" + name.replace("'", "''") + "'!"
            if (local is not None and int(local) == index) or quoted in html.unescape(body) or \
                    html.unescape(body).startswith(name + "!"):
                return ""
            if local is not None and int(local) > index:
                return match.group(0).replace(tag, set_attr(tag, "localSheetId", str(int(local) - 1)), 1)
            return match.group(0)

        self.text = re.sub(r"(<(?:\w+:)?definedName\b[^>]*>)(.*?)</(?:\w+:)?definedName>", fix_name, self.text,
                           flags=re.S)
        self.text = re.sub(r"<((?:\w+:)?)definedNames\b[^>]*>\s*</\1definedNames>", "", self.text)
        count = len(self.sheets())

        def fix_view(match: re.Match[str]) -> str:
            tag = match.group(0)
            values = attrs(tag)
            for key in ("activeTab", "firstSheet"):
                if key in values and int(values[key]) >= count:
                    tag = set_attr(tag, key, str(max(count - 1, 0)))
            return tag

        self.text = re.sub(r"<(?:\w+:)?workbookView\b[^>]*>", fix_view, self.text)

    def full_calc_on_load(self) -> None:
        match = re.search(r"<(?:\w+:)?calcPr\b[^>]*?/?>", self.text)
        if match:
            tag = set_attr(match.group(0), "fullCalcOnLoad", "1")
            self.text = self.text[:match.start()] + tag + self.text[match.end():]
            return
        later = {"oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
                 "fileRecoveryPr", "webPublishObjects", "extLst"}
        position = self.root_close
        for element in children(self.text, self.root_end, self.root_close):
            if element.name in later:
                position = element.start
                break
        self.text = self.text[:position] + f'<{self.prefix}calcPr fullCalcOnLoad="1"/>' + self.text[position:]
        self.root_close = self.text.rfind("</")

    def bytes(self) -> bytes:
        return self.text.encode("utf-8")
