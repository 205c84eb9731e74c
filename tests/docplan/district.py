"""Plans the seeds do not contain, as a district office would write them, built with python-docx in tmp_path.

Written by "another clerk" than the five seeds: other wording for the same stock statements, Word's own
bullets and numbering (in the paragraph and through a list style), header and signature as borderless
tables, a month merged down over its tasks, an appendix budget table, full level names, numbers "9",
"chín", "06", money in "triệu đồng" and "tỷ đồng". Each plan is consistent as written (check finds exactly
its `expected`); `SLIPS` are edits people make by mistake, each with the findings it must give and the
text of the paragraph or table row each must point at; `BENIGN` are edits that must add nothing.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Sequence

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


# ---------------------------------------------------------------- blocks and the writer

@dataclass(frozen=True)
class P:
    """A paragraph. `bullet`: Word draws the mark — "num" (a bullet, w:numPr in the paragraph as Word's bullet
    button writes it), "style" (a list style such as 'List Bullet' carries the numbering), "outline" (Word numbers
    it "I.", "1.", "a)" by depth), "numbered" ("1.", "a)"); `depth` 0, 1 … is w:ilvl."""

    text: str
    bullet: str | None = None
    depth: int = 0
    bold: bool = False
    center: bool = False


@dataclass(frozen=True)
class T:
    """A table. `merge_down`: the column whose empty cells below a filled one are merged into it (w:vMerge);
    a cell written "<" is merged into the cell on its left (w:gridSpan)."""

    rows: tuple[tuple[str, ...], ...]
    merge_down: int | None = None
    borders: bool = True


Block = str | P | T


def table(*rows: Sequence[str], merge_down: int | None = None, borders: bool = True) -> T:
    return T(tuple(tuple(row) for row in rows), merge_down, borders)


def _runs(paragraph, text: str, bold: bool) -> None:
    for index, line in enumerate(text.split("\n")):
        if index:
            paragraph.add_run().add_break()
        if line:
            paragraph.add_run(line).bold = bold or None


BULLETS, OUTLINE, NUMBERED = 90, 91, 92   # the lists write_plan adds to the document's numbering part


def _add_lists(document) -> None:
    """A bullet list (a Symbol-font dot, then "o"), an outline ("I.", "1.", "a)") and a numbered list ("1.")."""
    numbering = document.part.numbering_part.element
    definitions = {BULLETS: [("bullet", "\uf0b7"), ("bullet", "o")],
                   OUTLINE: [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")],
                   NUMBERED: [("decimal", "%1."), ("lowerLetter", "%2)")]}
    first_num = numbering.find(qn("w:num"))
    for number, levels in definitions.items():
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), str(number))
        for depth, (fmt, label) in enumerate(levels):
            level = OxmlElement("w:lvl")
            level.set(qn("w:ilvl"), str(depth))
            for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", label)):
                element = OxmlElement(tag)
                element.set(qn("w:val"), value)
                level.append(element)
            abstract.append(level)
        first_num.addprevious(abstract)   # the schema wants every abstractNum before the nums
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(number))
        link = OxmlElement("w:abstractNumId")
        link.set(qn("w:val"), str(number))
        num.append(link)
        numbering.append(num)


def _numbering(paragraph, depth: int, num_id: int = BULLETS) -> None:
    props = paragraph._p.get_or_add_pPr()
    numbering = OxmlElement("w:numPr")
    level = OxmlElement("w:ilvl")
    level.set(qn("w:val"), str(depth))
    number = OxmlElement("w:numId")
    number.set(qn("w:val"), str(num_id))
    numbering.append(level)
    numbering.append(number)
    props.append(numbering)


def _no_borders(word_table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    word_table._tbl.tblPr.append(borders)


def write_plan(path: Path, blocks: Sequence[Block]) -> Path:
    document = docx.Document()
    _add_lists(document)
    for block in blocks:
        if isinstance(block, str):
            block = P(block)
        if isinstance(block, P):
            paragraph = document.add_paragraph()
            if block.bullet == "style":
                paragraph.style = document.styles["List Bullet" if block.depth == 0 else "List Bullet 2"]
            elif block.bullet in ("num", "outline", "numbered"):
                paragraph.style = document.styles["List Paragraph"]
                _numbering(paragraph, block.depth, {"num": BULLETS, "outline": OUTLINE,
                                                    "numbered": NUMBERED}[block.bullet])
            if block.center:
                paragraph.alignment = 1
            _runs(paragraph, block.text, block.bold)
            continue
        width = max(len(row) for row in block.rows)
        word_table = document.add_table(rows=len(block.rows), cols=width)
        if block.borders:
            word_table.style = document.styles["Table Grid"]
        else:
            _no_borders(word_table)
        for r, row in enumerate(block.rows):
            for c in range(width):
                lines = (row[c] if c < len(row) else "").split("\n")
                cell = word_table.cell(r, c)
                cell.paragraphs[0].text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
        for r, row in enumerate(block.rows):
            for c in range(len(row) - 1, 0, -1):
                if row[c] == "<":
                    word_table.cell(r, c).text = ""
                    word_table.cell(r, c - 1).merge(word_table.cell(r, c))
                    left = word_table.cell(r, c - 1)
                    for paragraph in left.paragraphs[1:]:
                        if not paragraph.text:
                            paragraph._p.getparent().remove(paragraph._p)
        if block.merge_down is not None:
            _merge_down(word_table, block)
    document.save(str(path))
    return path


def _merge_down(word_table, block: T) -> None:
    """Each run of empty cells in the column joins the filled cell above it, as Word's Merge Cells writes it."""
    col = block.merge_down
    top = None
    for r in range(1, len(block.rows) + 1):
        empty = r < len(block.rows) and not block.rows[r][col].strip()
        if empty and top is not None:
            continue
        if top is not None and r - 1 > top:
            text = word_table.cell(top, col).text
            merged = word_table.cell(top, col).merge(word_table.cell(r - 1, col))
            for paragraph in merged.paragraphs[1:]:
                paragraph._p.getparent().remove(paragraph._p)
            merged.paragraphs[0].text = text
        top = r if r < len(block.rows) else None


# ---------------------------------------------------------------- edits

def _map_text(blocks: Sequence[Block], change: Callable[[str], str]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, str):
            out.append(change(block))
        elif isinstance(block, P):
            out.append(replace(block, text=change(block.text)))
        else:
            out.append(replace(block, rows=tuple(tuple(change(cell) for cell in row) for row in block.rows)))
    return out


def edit(old: str, new: str, count: int = 1) -> Callable[[list[Block]], list[Block]]:
    """Replace the `count`-th occurrence of a text (in paragraphs and cells, document order); it must be there."""

    def apply(blocks: list[Block]) -> list[Block]:
        seen = [0]

        def change(value: str) -> str:
            out, position = [], 0
            while True:
                found = value.find(old, position)
                if found < 0:
                    break
                seen[0] += 1
                out.append(value[position:found])
                out.append(new if seen[0] == count else old)
                position = found + len(old)
            out.append(value[position:])
            return "".join(out)

        result = _map_text(blocks, change)
        assert seen[0] >= count, f"{old!r} occurs {seen[0]} times"
        return result

    return apply


def edit_cell(row_holding: str, old: str, new: str) -> Callable[[list[Block]], list[Block]]:
    """The last cell reading exactly `old`, in the first table row that holds a cell reading `row_holding`, changed
    to `new`."""

    def apply(blocks: list[Block]) -> list[Block]:
        out: list[Block] = []
        done = False
        for block in blocks:
            if isinstance(block, T) and not done:
                rows = []
                for row in block.rows:
                    if row_holding in row and old in row and not done:
                        last = len(row) - 1 - row[::-1].index(old)
                        row = tuple(new if index == last else cell for index, cell in enumerate(row))
                        done = True
                    rows.append(row)
                block = replace(block, rows=tuple(rows))
            out.append(block)
        assert done, (row_holding, old)
        return out

    return apply


def nfd(blocks: list[Block]) -> list[Block]:
    return _map_text(blocks, lambda value: unicodedata.normalize("NFD", value))


def extra_spaces(blocks: list[Block]) -> list[Block]:
    return _map_text(blocks, lambda value: value.replace(" ", "  ").replace(", ", " ,  "))


def table_as_tabs(header_cell: str) -> Callable[[list[Block]], list[Block]]:
    """The table whose first row has a cell `header_cell` pasted as text: one paragraph a row, cells separated by
    tabs (a cell merged down is written in its first row only, the rows below start with a tab)."""

    def apply(blocks: list[Block]) -> list[Block]:
        out: list[Block] = []
        found = False
        for block in blocks:
            if isinstance(block, T) and header_cell in block.rows[0] and not found:
                found = True
                out.extend(P("\t".join(cell.replace("\n", " ") for cell in row)) for row in block.rows)
            else:
                out.append(block)
        assert found, header_cell
        return out

    return apply


def typed_bullets(blocks: list[Block]) -> list[Block]:
    """Word's bullets replaced by typed ones: '-' at the first depth, '+' below."""
    return [replace(block, bullet=None, text=("- " if block.depth == 0 else "+ ") + block.text)
            if isinstance(block, P) and block.bullet else block for block in blocks]


_TYPED_NUMBER = ((re.compile(r"^[IVX]+\.\s+"), 0), (re.compile(r"^\d+\.\s+"), 1), (re.compile(r"^[a-z]\)\s+"), 2))


def outline_numbers(blocks: list[Block]) -> list[Block]:
    """Headings typed 'I. …', '1. …', 'a) …' numbered by Word instead (the typed number removed)."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, (str, P)):
            paragraph = block if isinstance(block, P) else P(block)
            for pattern, depth in _TYPED_NUMBER:
                typed = pattern.match(paragraph.text)
                if typed and not paragraph.bullet:
                    block = replace(paragraph, text=paragraph.text[typed.end():], bullet="outline", depth=depth)
                    break
        out.append(block)
    return out


def style_bullets(blocks: list[Block]) -> list[Block]:
    """The same bullets through the 'List Bullet' styles instead of numbering in each paragraph."""
    return [replace(block, bullet="style") if isinstance(block, P) and block.bullet else block for block in blocks]


def join_following(first: str, count: int, sep: str = "\n") -> Callable[[list[Block]], list[Block]]:
    """The paragraph starting with `first` and the `count` paragraphs after it as one paragraph (line breaks,
    or `sep`); their bullets become typed ones."""

    def apply(blocks: list[Block]) -> list[Block]:
        for index, block in enumerate(blocks):
            text = block if isinstance(block, str) else block.text if isinstance(block, P) else None
            if text is not None and text.startswith(first):
                group = [typed_bullets([item])[0] for item in blocks[index:index + count + 1]]
                texts = [item if isinstance(item, str) else item.text for item in group]
                return [*blocks[:index], P(sep.join(texts)), *blocks[index + count + 1:]]
        raise AssertionError(first)

    return apply


def insert_row(header_cell: str, before_last: int, row: Sequence[str]) -> Callable[[list[Block]], list[Block]]:
    """A row added `before_last` rows from the end of the first table whose first row has a cell `header_cell`."""

    def apply(blocks: list[Block]) -> list[Block]:
        out = []
        done = False
        for block in blocks:
            if isinstance(block, T) and header_cell in block.rows[0] and not done:
                rows = list(block.rows)
                rows.insert(len(rows) - before_last, tuple(row))
                block = replace(block, rows=tuple(rows))
                done = True
            out.append(block)
        assert done, header_cell
        return out

    return apply


def chain(*steps: Callable[[list[Block]], list[Block]]) -> Callable[[list[Block]], list[Block]]:
    def apply(blocks: list[Block]) -> list[Block]:
        for step in steps:
            blocks = step(blocks)
        return blocks

    return apply


# ---------------------------------------------------------------- expectations

@dataclass(frozen=True)
class Expect:
    """A finding that must be there: its code and a piece of the text of the paragraph or table row it names."""

    code: str
    at: str


@dataclass(frozen=True)
class Case:
    name: str
    change: Callable[[list[Block]], list[Block]] | None
    expect: tuple[Expect, ...] = ()


@dataclass(frozen=True)
class Plan:
    name: str
    blocks: tuple[Block, ...]
    expected: tuple[Expect, ...] = ()          # what the plan as written gives
    slips: tuple[Case, ...] = ()
    benign: tuple[Case, ...] = ()
    refused: str | None = None                 # the PlanError key when the document is not a plan
    notes: list[str] = field(default_factory=list)
