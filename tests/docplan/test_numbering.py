"""Word's own bullets and numbering are read as the document shows them: 'II.', '1.', 'a)', '-', '+'."""
from __future__ import annotations

from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from chuanqg_xl.docplan import read_document
from chuanqg_xl.docplan.numbering import format_number

from .district import P, write_plan


def texts(path: Path) -> list[str]:
    return [paragraph.text for paragraph in read_document(path).paragraphs]


def test_outline_numbers_restart_below_a_level_that_advances(tmp_path: Path) -> None:
    path = write_plan(tmp_path / "a.docx", [
        P("MỤC ĐÍCH", "outline", 0), P("Mục đích", "outline", 1), P("Yêu cầu", "outline", 1),
        P("CHỈ TIÊU", "outline", 0), P("Chỉ tiêu chung", "outline", 1), P("Công nhận mới", "outline", 2),
        P("Công nhận lại", "outline", 2), P("Chỉ tiêu cụ thể", "outline", 1), "Đoạn thường không đánh số"])
    assert texts(path) == ["I. MỤC ĐÍCH", "1. Mục đích", "2. Yêu cầu", "II. CHỈ TIÊU", "1. Chỉ tiêu chung",
                           "a) Công nhận mới", "b) Công nhận lại", "2. Chỉ tiêu cụ thể", "Đoạn thường không đánh số"]


def test_bullets_read_as_the_marks_plans_type(tmp_path: Path) -> None:
    path = write_plan(tmp_path / "b.docx", [P("Công nhận mới 01 trường", "num", 0), P("TH Kim Đồng", "num", 1),
                                            P("Qua kiểu List Bullet", "style", 0)])
    assert texts(path) == ["- Công nhận mới 01 trường", "+ TH Kim Đồng", "- Qua kiểu List Bullet"]


def test_numbering_switched_off_in_the_paragraph(tmp_path: Path) -> None:
    """numId 0 in the paragraph takes a 'List Bullet' paragraph out of its list."""
    import docx

    path = tmp_path / "c.docx"
    document = docx.Document()
    paragraph = document.add_paragraph("Không gạch đầu dòng", style="List Bullet")
    numbering = OxmlElement("w:numPr")
    number = OxmlElement("w:numId")
    number.set(qn("w:val"), "0")
    numbering.append(number)
    paragraph._p.get_or_add_pPr().append(numbering)
    document.add_paragraph("Có gạch đầu dòng", style="List Bullet")
    document.save(str(path))
    assert texts(path) == ["Không gạch đầu dòng", "- Có gạch đầu dòng"]


def test_a_list_level_the_document_does_not_define_keeps_its_depth(tmp_path: Path) -> None:
    path = write_plan(tmp_path / "d.docx", [P("Cấp ba", "num", 4)])   # the bullet list defines two levels
    paragraph = read_document(path).paragraphs[0]
    assert paragraph.text == "Cấp ba" and paragraph.list_level == 5


def test_number_formats() -> None:
    assert [format_number(n, "upperRoman") for n in (1, 4, 9, 14)] == ["I", "IV", "IX", "XIV"]
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27)] == ["a", "z", "aa"]
    assert format_number(7, "decimalZero") == "07" and format_number(3, "decimal") == "3"
    assert format_number(5000, "upperRoman") == "5000"   # beyond what Roman numerals write
