"""Damage inside the parts of a workbook, for the corpus: XML that is not well-formed, cells Excel must
repair, references that point nowhere, text that would steer a terminal.

Each builder takes the standard plan and changes one thing, so the verdict can only come from it. Some of
these files calamine reads without a word (it is lenient about XML and never checks a number's text), and
before issue 14 `check` accepted them while `recalc` copied the damage into a file that openpyxl,
LibreOffice or Excel could not open without repair.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from hostile import PL1, PL2, edit_parts, part_of, standard_plan

Parts = dict[str, bytes]


def _edit(change: Callable[[Path, Parts], None]) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        standard_plan(path)
        edit_parts(path, lambda parts: change(path, parts))

    return build


def _in_sheet(sheet: str, old: bytes, new: bytes, count: int = 1) -> Callable[[Path], None]:
    def change(path: Path, parts: Parts) -> None:
        part = part_of(path, sheet)
        assert old in parts[part], (sheet, old)
        parts[part] = parts[part].replace(old, new, count)

    return _edit(change)


def _regex_in_sheet(sheet: str, pattern: bytes, new: bytes) -> Callable[[Path], None]:
    def change(path: Path, parts: Parts) -> None:
        part = part_of(path, sheet)
        edited, found = re.subn(pattern, new, parts[part], count=1)
        assert found, (sheet, pattern)
        parts[part] = edited

    return _edit(change)


AMOUNT = b'<c r="D4" s="15"><v>1000</v></c>'   # PL2 D4: a school's provincial budget, a number
SCHOOL = rb'<c r="B4" s="4" t="s"><v>\d+</v></c>'  # PL1 B4: the first school's name, a shared string


def _amount(text: bytes) -> Callable[[Path], None]:
    return _in_sheet(PL2, AMOUNT, b'<c r="D4" s="15"><v>' + text + b"</v></c>")


def _school_index(text: bytes) -> Callable[[Path], None]:
    return _regex_in_sheet(PL1, SCHOOL, b'<c r="B4" s="4" t="s"><v>' + text + b"</v></c>")


def _school_name(name: bytes) -> Callable[[Path], None]:
    """The first school's name in the shared strings, as written (escapes such as _x001B_ included)."""
    def change(path: Path, parts: Parts) -> None:
        old = "<t>TH Kim Đồng</t>".encode()
        assert old in parts["xl/sharedStrings.xml"]
        parts["xl/sharedStrings.xml"] = parts["xl/sharedStrings.xml"].replace(old, b"<t>" + name + b"</t>", 1)

    return _edit(change)


def _drop_part(name_of: Callable[[Path], str], rel_type: bytes | None) -> Callable[[Path], None]:
    """A part removed from the archive; its relationship and content type too when `rel_type` is given."""
    def change(path: Path, parts: Parts) -> None:
        name = name_of(path)
        del parts[name]
        if rel_type is not None:
            rels = "xl/_rels/workbook.xml.rels"
            parts[rels] = re.sub(rb'<Relationship [^>]*Type="[^"]*/' + rel_type + rb'"[^>]*/>', b"", parts[rels])
            parts["[Content_Types].xml"] = re.sub(rb'<Override PartName="/' + re.escape(name.encode())
                                                  + rb'"[^>]*/>', b"", parts["[Content_Types].xml"])

    return _edit(change)


def _rel_type_lie(path: Path, parts: Parts) -> None:
    """The relationship to the styles part claims to lead to a worksheet."""
    rels = "xl/_rels/workbook.xml.rels"
    edited, found = re.subn(rb'(<Relationship [^>]*Type="[^"]*/)styles(")', rb"\1worksheet\2", parts[rels])
    assert found
    parts[rels] = edited


def _wrong_namespace(path: Path, parts: Parts) -> None:
    part = part_of(path, PL1)
    main = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    assert main in parts[part]
    parts[part] = parts[part].replace(main, b'xmlns="http://example.invalid/not-a-worksheet"', 1)


def _truncated_part(path: Path, parts: Parts) -> None:
    """A sheet part cut in the middle of its cells, the archive itself intact (a writer that crashed)."""
    part = part_of(path, PL1)
    parts[part] = parts[part][: len(parts[part]) * 2 // 3]


XML_BUILDERS: dict[str, tuple[Callable[[Path], None], str]] = {
    # name: (builder, what the tool must do: "refuse", "flag" = read with a finding at the cell)
    # numbers that are not numbers, in a number cell
    "cell_nan_text": (_amount(b"NaN"), "flag"),
    "cell_infinity": (_amount(b"Infinity"), "flag"),
    "cell_letters": (_amount(b"abc"), "flag"),
    "cell_decimal_comma": (_amount(b"1,5"), "flag"),
    "cell_hex": (_amount(b"0x1F"), "flag"),
    # shared-string references that point nowhere (item 8)
    "string_index_letters": (_school_index(b"abc"), "flag"),
    "string_index_negative": (_school_index(b"-1"), "flag"),
    "string_index_fraction": (_school_index(b"1.5"), "flag"),
    "string_index_beyond": (_school_index(b"99999"), "refuse"),
    # XML that is not well-formed
    "row_unclosed": (_in_sheet(PL1, b"</row>", b"", count=3), "refuse"),
    "tag_malformed": (_in_sheet(PL1, b'<c r="C4"', b'<c r="C4" <'), "refuse"),
    "nul_in_sheet": (_in_sheet(PL1, b"<sheetData>", b"<sheetData>\x00"), "refuse"),
    "raw_escape_in_name": (_school_name("TH Kim Đồng\x1b[2J".encode()), "refuse"),
    "part_truncated": (_edit(_truncated_part), "refuse"),
    # well-formed, but no spreadsheet program takes it as it is
    "cell_beyond_xfd": (_in_sheet(PL1, b"</row>", b'<c r="XFE4"><v>1</v></c></row>'), "refuse"),
    "row_beyond_limit": (_in_sheet(PL1, b"</sheetData>", b'<row r="1048577"><c r="A1048577"><v>1</v></c></row>'
                                   b"</sheetData>"), "refuse"),
    "wrong_namespace": (_edit(_wrong_namespace), "refuse"),
    "rel_type_lie": (_edit(_rel_type_lie), "refuse"),
    "styles_missing": (_drop_part(lambda path: "xl/styles.xml", b"styles"), "refuse"),
    "content_types_missing": (_drop_part(lambda path: "[Content_Types].xml", None), "refuse"),
    # text that would steer a terminal (item 9): escapes as Excel writes them, valid XML
    "escape_in_name": (_school_name(b"TH Kim \xc4\x90\xe1\xbb\x93ng_x001B_[2J_x001B_[31m_x0007_"), "flag"),
    "bell_in_name": (_school_name(b"TH Kim \xc4\x90\xe1\xbb\x93ng_x0007__x0008__x0008_"), "flag"),
}
