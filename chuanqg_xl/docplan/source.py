"""A Word plan → its paragraphs and tables, in document order, each with a place a person can find.

A .docx passes the same archive and XML guards as a workbook (`guard.sniff`)
before python-docx opens it; a Word 97-2003 .doc is first converted by
LibreOffice. The text is what Word shows: inserted revisions kept, deleted
ones dropped, field codes left out, line breaks and tabs kept, text boxes
read as paragraphs of their own, the labels Word draws for its lists ("II.",
"1.", "a)", bullets) written in front (`numbering`). Tables keep their grid: a cell merged
across columns is read once, a cell merged down (a month written once for
several tasks) is read in every row it covers and remembered as continued.
Paragraphs whose cells are separated by tabs, two or more in a row, are read
as a table too: a table pasted as text is still a table.
"""
from __future__ import annotations

import os
import re
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .. import guard
from ..guard import word_kind  # noqa: F401 - the check lives with the guard, off docplan's import cost
from ..errors import PlanError
from ..normalize import shorten
from .numbering import Numbering

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_T, _TAB, _BR, _CR, _P, _TBL, _TR, _TC = (W + name for name in ("t", "tab", "br", "cr", "p", "tbl", "tr", "tc"))
_SKIP = frozenset({W + "del", W + "moveFrom", W + "instrText", W + "delText", W + "rPr", W + "pPr", W + "tcPr",
                   W + "trPr", W + "tblPr", W + "tblGrid", MC + "Fallback", W + "footnoteReference",
                   W + "endnoteReference", W + "commentReference"})
_CONTAINERS = frozenset({W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag", W + "ins", W + "moveTo"})
_TEXTBOX = W + "txbxContent"
_ODD_SPACES = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \u00a0\u2002-\u200a\u202f\u3000]+")
FIRST_WORDS = 6
QUOTE_LENGTH = 90
_CLAUSE_MARKS = (". ", "; ", ": ", ", ")


@dataclass(frozen=True, slots=True)
class Where:
    """Where a statement sits: a paragraph (its number among the non-empty paragraphs and its first
    words), or a table row (1-based, header row included)."""

    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    first_words: str = ""
    order: float = 0.0   # document order: a table row sorts after the paragraph before its table

    def label(self, lang: str = "vi") -> str:
        from ..messages import text

        if self.table is not None:
            return text("doc.where.table_row", lang, table=self.table, row=self.row, words=self.first_words)
        return text("doc.where.paragraph", lang, number=self.paragraph, words=self.first_words)

    def sort_key(self) -> tuple[float, int, int]:
        return (self.order or float(self.paragraph or 0), self.table or 0, self.row or 0)


def first_words(value: str, count: int = FIRST_WORDS) -> str:
    words = value.replace("\t", " ").split()
    head = " ".join(words[:count])
    return head + ("…" if len(words) > count else "")


def quote(value: str, limit: int = QUOTE_LENGTH, focus: tuple[int, int] | None = None) -> str:
    """A sentence shortened for a message, on one line. With `focus` (a span of `value`), the part kept is the one
    around it: the words a finding is about are always in its quote."""
    flat = value.replace("\t", " ").replace("\n", " ")
    if focus is None or len(flat) <= limit:
        return shorten(" ".join(flat.split()), limit)
    start, end = max(0, min(focus[0], len(flat))), max(0, min(focus[1], len(flat)))
    begin = max(0, start - max(limit - (end - start), 0) // 3)
    stop = min(len(flat), max(end, begin + limit))
    if stop == len(flat):
        begin = max(0, min(begin, stop - limit))
    if begin > 0:   # start at a clause if one starts in the margin, else at a word
        clause = min((found + len(mark) for mark in _CLAUSE_MARKS
                      if (found := flat.find(mark, begin, start)) >= 0), default=-1)
        space = flat.find(" ", begin, start + 1)
        begin = clause if clause >= 0 else space + 1 if space >= 0 else begin
    if stop < len(flat):
        clause = max((found + 1 for mark in _CLAUSE_MARKS if (found := flat.rfind(mark, end, stop)) >= 0),
                     default=-1)
        space = flat.rfind(" ", end, stop)
        stop = clause if clause > end else space if space >= end else stop
    kept = " ".join(flat[begin:stop].split())
    return ("…" if begin > 0 else "") + (kept.rstrip(",;: ") + "…" if stop < len(flat) else kept)


@dataclass(frozen=True, slots=True)
class Paragraph:
    number: int           # 1-based among the non-empty paragraphs outside tables
    text: str             # NFC, spaces collapsed; line breaks "\n", tabs "\t"
    bold: bool = False    # every run bold (titles, section headings)
    list_level: int = 0   # 1, 2 … for a paragraph of a Word list whose label is unknown (not drawn into the text)

    @property
    def where(self) -> Where:
        return Where(paragraph=self.number, first_words=first_words(self.text))


@dataclass(frozen=True, slots=True)
class Table:
    number: int                          # 1-based among the document's tables (text tables: 0)
    rows: tuple[tuple[str, ...], ...]    # cell texts, every row as wide as the grid
    continued: frozenset[tuple[int, int]] = frozenset()   # (row, col), 0-based: cells merged down from above
    paragraphs: tuple[int, ...] = ()     # a table written as tab-separated paragraphs: their numbers
    after: int = 0                       # the number of the last paragraph before it

    def where(self, row: int) -> Where:
        """The place of a row (0-based)."""
        words = first_words(" ".join(cell for cell in self.rows[row] if cell))
        if self.paragraphs:
            return Where(paragraph=self.paragraphs[row], first_words=words)
        return Where(table=self.number, row=row + 1, first_words=words, order=self.after + 0.5 + row / 10_000)


Block = Paragraph | Table


@dataclass(slots=True)
class WordDocument:
    path: Path
    kind: str                      # "docx" or "doc"
    blocks: list[Block] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [block for block in self.blocks if isinstance(block, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]


# ---------------------------------------------------------------- what the file is

def read_document(path: str | os.PathLike[str]) -> WordDocument:
    """The paragraphs and tables of a Word plan. Raises PlanError for unusable or unsafe files."""
    path = Path(path)
    sniffed = guard.sniff(path, documents=True)
    if sniffed.kind == "doc":
        return _read_doc(path)
    if sniffed.kind != "docx":
        raise PlanError("doc.not_word", path=path, kind=sniffed.kind)
    return WordDocument(path, "docx", _blocks(*_body(path)))


def _read_doc(path: Path) -> WordDocument:
    """Word 97-2003: LibreOffice converts it to .docx in a temporary folder, which is read like any other."""
    from ..office import convert, find_soffice

    soffice = find_soffice()
    if soffice is None:
        raise PlanError("doc.no_soffice", path=path)
    with tempfile.TemporaryDirectory(prefix="chuanqg-doc-") as work:
        converted = convert(path, "docx", Path(work), soffice, failed_key="doc.convert_failed",
                            timeout_key="doc.convert_timeout")
        guard.sniff(converted, documents=True)
        return WordDocument(path, "doc", _blocks(*_body(converted, shown=path)))


def _body(path: Path, shown: Path | None = None):
    """The document's body element (python-docx; docm/dotx main parts are parsed from their XML) and its lists."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    shown = shown or path
    try:
        try:
            document = docx.Document(str(path))
            return document.element.body, _numbering(document)
        except (ValueError, KeyError, PackageNotFoundError):
            # a main part python-docx will not open as a document (.docm, .dotx), or a package whose
            # relationships are missing or broken: the main part's XML is read directly
            from docx.oxml import parse_xml

            with zipfile.ZipFile(path) as archive:
                body = parse_xml(guard.read_part(archive, "word/document.xml")).find(W + "body")
                parts = [parse_xml(guard.read_part(archive, name)) if name in archive.namelist() else None
                         for name in ("word/numbering.xml", "word/styles.xml")]
            if body is None:
                raise PlanError("error.corrupt", path=shown, detail="word/document.xml: no body") from None
            return body, Numbering.read(*parts)
    except PlanError:
        raise
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, OSError, EOFError,
            ValueError) as exc:
        raise PlanError("error.corrupt", path=shown, detail=f"{type(exc).__name__}: {exc}") from None


def _numbering(document) -> Numbering:
    """The lists of a python-docx document (a package without numbering or styles has none)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    part = document.part
    roots = []
    for relation in (RT.NUMBERING, RT.STYLES):
        try:
            roots.append(part.part_related_by(relation).element)
        except (KeyError, AttributeError):
            roots.append(None)
    return Numbering.read(*roots)


# ---------------------------------------------------------------- text

def tidy(value: str) -> str:
    """NFC, invisible characters gone, runs of spaces one space; line breaks and tabs kept, each line trimmed."""
    if not value.isascii():
        value = unicodedata.normalize("NFC", value).translate(_ODD_SPACES)
    lines = []
    for line in value.split("\n"):
        cells = [_SPACES.sub(" ", cell).strip() for cell in line.split("\t")]
        filled = [cell for cell in cells if cell]
        if len(filled) <= 1:   # tabs used to indent or align one piece of text
            lines.append(filled[0] if filled else "")
            continue
        while not cells[-1]:
            cells.pop()
        lines.append("\t".join(cells))   # cells: an empty first cell (a month written above) stays
    return "\n".join(line for line in lines if line)


def _text(element, boxes: list) -> tuple[str, bool]:
    """The visible text of a paragraph, and whether every run with text is bold. Text boxes are collected."""
    parts: list[str] = []
    bold = [True, False]   # all bold so far, any text seen

    def walk(node) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _T:
                parts.append(child.text or "")
                if (child.text or "").strip():
                    bold[1] = True
                    if not _run_bold(child.getparent()):
                        bold[0] = False
            elif tag == _TAB:
                parts.append("\t")
            elif tag in (_BR, _CR):
                parts.append("\n")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            elif tag == _TEXTBOX:
                boxes.append(child)
            else:
                walk(child)

    walk(element)
    return "".join(parts), bold[0] and bold[1]


def _list_level(paragraph) -> int:
    """The depth of a paragraph in a Word list (w:numPr/w:ilvl + 1), 0 outside lists."""
    numbering = paragraph.find(f"{W}pPr/{W}numPr")
    if numbering is None or numbering.find(W + "numId") is None:
        return 0
    return _int_attr(numbering, W + "ilvl", 0) + 1


def _run_bold(run) -> bool:
    if run is None:
        return False
    props = run.find(W + "rPr")
    if props is None:
        return False
    flag = props.find(W + "b")
    return flag is not None and flag.get(W + "val", "true") not in ("0", "false", "off")


def _children(node):
    """Child elements, with content controls and similar wrappers opened."""
    for child in node:
        if isinstance(child.tag, str) and child.tag in _CONTAINERS:
            yield from _children(child)
        else:
            yield child


def _blocks(body, numbering: Numbering | None = None) -> list[Block]:
    blocks: list[Block] = []
    counter = [0, 0]   # paragraphs, tables

    def add_paragraph(element) -> None:
        boxes: list = []
        raw, bold = _text(element, boxes)
        label, depth = numbering.label(element) if numbering is not None else ("", _list_level(element))
        value = tidy(raw)
        if value:
            counter[0] += 1
            # a label drawn is written into the text, where it reads like a typed one; the depth alone is kept
            # for a list whose levels the document does not define
            blocks.append(Paragraph(counter[0], f"{label} {value}" if label else value, bold, 0 if label else depth))
        for box in boxes:
            for child in _children(box):
                if child.tag == _P:
                    add_paragraph(child)
                elif child.tag == _TBL:
                    add_table(child)

    def add_table(element) -> None:
        counter[1] += 1
        rows, continued = _table_rows(element)
        if rows:
            blocks.append(Table(counter[1], rows, continued, after=counter[0]))

    for child in _children(body):
        if child.tag == _P:
            add_paragraph(child)
        elif child.tag == _TBL:
            add_table(child)
    return _tab_tables(blocks)


def _cell_text(cell) -> str:
    lines = []
    for child in _children(cell):
        if child.tag == _P:
            raw, _ = _text(child, [])
            lines.append(raw)
        elif child.tag == _TBL:   # a table inside a cell: its rows as lines
            rows, _ = _table_rows(child)
            lines.extend(" ".join(value for value in row if value) for row in rows)
    return tidy("\n".join(lines)).replace("\t", " ")


def _int_attr(node, path: str, default: int) -> int:
    found = node.find(path)
    try:
        return int(found.get(W + "val")) if found is not None else default
    except (TypeError, ValueError):
        return default


def _table_rows(table) -> tuple[tuple[tuple[str, ...], ...], frozenset[tuple[int, int]]]:
    grid: list[list[str]] = []
    continued: set[tuple[int, int]] = set()
    for row in _children(table):
        if row.tag != _TR:
            continue
        values: list[str] = [""] * _int_attr(row, f"{W}trPr/{W}gridBefore", 0)
        for cell in _children(row):
            if cell.tag != _TC:
                continue
            span = max(1, min(_int_attr(cell, f"{W}tcPr/{W}gridSpan", 1), 64))
            merge = cell.find(f"{W}tcPr/{W}vMerge")
            col = len(values)
            if merge is not None and merge.get(W + "val", "continue") == "continue" and grid:
                above = grid[-1][col] if col < len(grid[-1]) else ""
                values.append(above)
                continued.add((len(grid), col))
            else:
                values.append(_cell_text(cell))
            values.extend([""] * (span - 1))
        grid.append(values)
    width = max((len(row) for row in grid), default=0)
    rows = tuple(tuple(row + [""] * (width - len(row))) for row in grid if any(value for value in row))
    if len(rows) != len(grid):  # empty rows dropped: continued cells keep their rows' new numbers
        kept = [index for index, row in enumerate(grid) if any(value for value in row)]
        renumber = {old: new for new, old in enumerate(kept)}
        continued = {(renumber[r], c) for r, c in continued if r in renumber}
    return rows, frozenset(continued)


def _tab_tables(blocks: list[Block]) -> list[Block]:
    """Two or more paragraphs in a row whose text is cells separated by tabs become one table."""
    out: list[Block] = []
    run: list[Paragraph] = []

    def flush() -> None:
        if len(run) >= 2:
            width = max(len(item.text.split("\t")) for item in run)
            rows = tuple(tuple(cell.strip() for cell in item.text.split("\t")) + ("",) * (width - len(
                item.text.split("\t"))) for item in run)
            out.append(Table(0, rows, paragraphs=tuple(item.number for item in run), after=run[0].number - 1))
        else:
            out.extend(run)
        run.clear()

    for block in blocks:
        if isinstance(block, Paragraph) and "\n" not in block.text and \
                sum(1 for cell in block.text.split("\t") if cell.strip()) >= 2:
            run.append(block)
            continue
        flush()
        out.append(block)
    flush()
    return out
