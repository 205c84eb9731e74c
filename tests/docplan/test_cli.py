"""The command line on Word plans: exit codes, one truth for text and JSON, sentences instead of tracebacks."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from chuanqg_xl.cli import main
from chuanqg_xl.docplan.checks import check_document

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "samples" / "plans"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_check_a_word_plan() -> None:
    result = run("check", str(PLANS / "hai-ba-trung-2023.docx"))
    assert result.exit_code == 1
    assert "bảng 1, dòng 22 «Tháng 9/2023 Tiếp tục hoàn thiện…» X008 [lỗi]" in result.output
    assert "Đã đối chiếu, khớp" in result.output and "08 = 02 + 06" in result.output
    clean = run("check", str(PLANS / "huong-tra-2024.docx"))
    assert clean.exit_code == 0 and "danh sách ghi 20 đơn vị, bảng có 20 dòng" in clean.output


def test_json_is_the_library_report() -> None:
    path = PLANS / "kon-tum-2023.docx"
    result = run("check", str(path), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.output) == check_document(path).to_dict()
    assert json.loads(result.output)["verified"][0]["what"] == "35/57 = 61,40 %"


def test_english() -> None:
    result = run("check", str(PLANS / "lai-chau-2024.docx"), "--lang", "en")
    assert "paragraph 36" in result.output and "spelled differently" in result.output


def test_check_workbook_with_plan() -> None:
    result = run("check", str(ROOT / "samples" / "kon-tum-2023.xlsx"), "--plan", str(PLANS / "kon-tum-2023.docx"))
    assert result.exit_code == 0
    assert "khớp với sổ — Tổng kinh phí: 44.497" in result.output


def test_unusable_inputs_get_a_sentence(tmp_path: Path) -> None:
    letter = tmp_path / "thu.docx"
    from .conftest import write_docx

    write_docx(letter, ["Kính gửi các trường.", "Trân trọng."])
    result = run("check", str(letter))
    assert result.exit_code == 2 and "là một công văn" in result.output and "Traceback" not in result.output
    write_docx(letter, ["Nhà trường xin báo cáo tình hình năm học.", "Trân trọng."])
    result = run("check", str(letter))
    assert result.exit_code == 2 and "không giống một kế hoạch" in result.output and "Traceback" not in result.output
    result = run("check", str(ROOT / "samples" / "kon-tum-2023.xlsx"), "--plan", str(tmp_path / "khong-co.docx"))
    assert result.exit_code == 2 and "khong-co.docx" in result.output
    result = run("check", str(ROOT / "samples" / "kon-tum-2023.xlsx"), "--plan",
                 str(ROOT / "samples" / "lai-chau-2024.xlsx"))
    assert result.exit_code == 2 and "không phải văn bản Word" in result.output


def test_a_word_plan_renamed_xlsx_is_still_read_as_the_word_plan(tmp_path: Path) -> None:
    renamed = tmp_path / "ke-hoach.xlsx"
    renamed.write_bytes((PLANS / "lai-chau-2024.docx").read_bytes())
    result = run("check", str(renamed))
    assert result.exit_code == 0 and "Nậm Loỏng" in result.output


def test_a_workbook_renamed_docx_is_checked_as_a_workbook(tmp_path: Path) -> None:
    renamed = tmp_path / "ke-hoach.docx"
    renamed.write_bytes((ROOT / "samples" / "kon-tum-2023.xlsx").read_bytes())
    result = run("check", str(renamed))
    assert result.exit_code == 0 and "Tiến độ!B14 D009" in result.output


def test_workbook_commands_point_a_word_plan_to_check_and_import(tmp_path: Path) -> None:
    result = run("recalc", str(PLANS / "kon-tum-2023.docx"), "-o", str(tmp_path / "out.xlsx"))
    assert result.exit_code == 2 and "văn bản Word" in result.output and "chuanqg-xl import" in result.output
    assert not (tmp_path / "out.xlsx").exists()
    result = run("check", str(PLANS / "kon-tum-2023.docx"), "--plan", str(PLANS / "kon-tum-2023.docx"))
    assert result.exit_code == 2 and "--plan" in result.output


def test_paragraphs_of_a_word_list_take_their_depth_from_the_list(tmp_path: Path) -> None:
    """Bullets Word draws itself are not in the text: the list level (w:numPr) says which lines are parts."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def bulleted(paragraph) -> None:
        numbering = OxmlElement("w:numPr")
        for tag, value in (("w:ilvl", "0"), ("w:numId", "1")):
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            numbering.append(element)
        paragraph._p.get_or_add_pPr().append(numbering)

    def plan(total: str) -> Path:
        path = tmp_path / f"list-{total}.docx"
        document = docx.Document()
        for line in ("KẾ HOẠCH", "Xây dựng trường đạt chuẩn quốc gia năm 2023",
                     "- Công nhận mới 01 trường: TH Kim Đồng.", f"Tổng kinh phí là {total} triệu đồng, trong đó:"):
            document.add_paragraph(line)
        for line in ("Ngân sách tỉnh: 2.000 triệu đồng;", "Xã hội hóa: 1.500 triệu đồng."):
            bulleted(document.add_paragraph(line))   # sources, not kinds: parts only by their depth
        document.save(str(path))
        return path

    assert any(item.what == "3.500 = 2.000 + 1.500" for item in check_document(plan("3.500")).verified)
    assert [finding.code for finding in check_document(plan("3.600")).findings] == ["A001"]
