"""Damaged cells: found in every spelling calamine reads, and nothing found in a sound sheet."""
from __future__ import annotations

import pytest

from chuanqg_xl.damage import NUMBER, STRING_REF, repair, reset_bad_styles, scan_damage, scan_string_refs, style_count

CASES = [
    (b'<c r="B4" s="4" t="s"><v>abc</v></c>', [("B4", STRING_REF, "abc")]),
    (b'<c r="B4" t="s"><v>-1</v></c>', [("B4", STRING_REF, "-1")]),
    (b"<c r='B4' t='s'><v>1.5</v></c>", [("B4", STRING_REF, "1.5")]),
    (b'<x:c r="B4" t="s"><x:v>abc</x:v></x:c>', [("B4", STRING_REF, "abc")]),
    (b'<c r="B4" t = "s" ><v> x </v></c>', [("B4", STRING_REF, " x ")]),
    (b'<c r="B4"\tt ="s"><v>abc</v></c>', [("B4", STRING_REF, "abc")]),     # a tab, then a space before '='
    (b'<c r="B4" t="s">\n<v>abc</v></c>', [("B4", STRING_REF, "abc")]),
    (b'<c r="D4" s="15"><v>NaN</v></c>', [("D4", NUMBER, "NaN")]),
    (b'<c r="D4"><v>1,5</v></c>', [("D4", NUMBER, "1,5")]),
    (b'<c r="D4" t="n"><v>0x1F</v></c>', [("D4", NUMBER, "0x1F")]),
    (b'<c r="D4"><v>1E+400</v></c>', [("D4", NUMBER, "1E+400")]),
    (b'<x:c r="D4"><x:v>Infinity</x:v></x:c>', [("D4", NUMBER, "Infinity")]),
    (b'<c r="D4"><v>a&amp;b</v></c>', [("D4", NUMBER, "a&b")]),
    # sound cells
    (b'<c r="B4" t="s"><v>12</v></c>', []),
    (b'<c r="B4" t="s" cm="1"><v>1</v></c>', []),
    (b'<c r="D4"><v>1E-300</v></c><c r="E4"><v> 12 </v></c><c r="F4"><v>-.5e3</v></c>', []),
    (b'<c r="D4" t="e"><v>#N/A</v></c><c r="E4" t="str"><f>A1</f><v>abc</v></c><c r="F4" t="b"><v>1</v></c>', []),
]


@pytest.mark.parametrize("xml, expected", CASES)
def test_damaged_cells_in_every_spelling(xml: bytes, expected: list[tuple[str, str, str]]) -> None:
    assert [(damage.cell, damage.kind, damage.raw) for damage in scan_damage(xml)] == expected
    refs = [item for item in expected if item[1] == STRING_REF]
    assert [(damage.cell, damage.kind, damage.raw) for damage in scan_string_refs(xml)] == refs


def test_what_recalc_writes_in_their_place() -> None:
    found = {damage.raw: repair(damage) for damage in scan_damage(b"".join(xml for xml, _ in CASES))}
    assert found["abc"] == ("error", "#REF!")            # a string reference: the text it pointed to is lost
    assert found["NaN"] == found["1E+400"] == found["Infinity"] == ("error", "#NUM!")
    assert found["1,5"] == ("text", "1,5") and found["0x1F"] == ("text", "0x1F")


def test_style_indexes_past_the_table_are_reset() -> None:
    styles = b'<styleSheet><cellXfs count="3"><xf numFmtId="0"/><xf/><xf numFmtId="1"></xf></cellXfs></styleSheet>'
    assert style_count(styles) == 3
    sheet = b'<row r="4"><c r="A4" s="2"><v>1</v></c><c r="B4" s="3"><v>2</v></c><c r="C4" s="900"/></row>'
    fixed, reset, first, index = reset_bad_styles(sheet, 3)
    assert (reset, first, index) == (2, "B4", "3")
    assert fixed == b'<row r="4"><c r="A4" s="2"><v>1</v></c><c r="B4" s="0"><v>2</v></c><c r="C4" s="0"/></row>'
