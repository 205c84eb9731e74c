"""Checks of a Word plan: each rule trips on one edit of a consistent plan, and benign variants add nothing."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from chuanqg_xl.docplan.checks import check_document
from chuanqg_xl.normalize import fold

from .conftest import BUDGET, HEADER, SIGNATURE, TARGETS, TIMELINE, base_blocks


def codes(path: Path) -> list[tuple[str, str]]:
    """[(code, where)] — the flat form findings are asserted in."""
    return [(finding.code, finding.sheet) for finding in check_document(path).findings]


def edited(blocks: list, old: str, new: str) -> list:
    """The plan with one text replaced, in paragraphs and table cells alike; the text must be there."""
    out, found = [], False
    for block in blocks:
        if isinstance(block, str):
            found = found or old in block
            out.append(block.replace(old, new))
        else:
            rows = []
            for row in block:
                found = found or any(old in cell for cell in row)
                rows.append([cell.replace(old, new) for cell in row])
            out.append(rows)
    assert found, old
    return out


def test_the_base_plan_is_consistent(make_docx) -> None:
    report = check_document(make_docx())
    assert report.findings == []
    assert report.exit_code == 0
    whats = [item.what for item in report.verified]
    assert "03 = 02 + 01" in whats and "3.500 = 2.800 + 700" in whats and "12/20 = 60,00 %" in whats


@pytest.mark.parametrize("old, new, expected", [
    # a count changed in one place only
    ("xây dựng 03 trường", "xây dựng 04 trường", ["A001", "X011"]),
    ("Quý III/2023: 02 trường", "Quý III/2023: 03 trường", ["X007", "X008", "X011"]),
    ("Công nhận mới 02 trường: TH Kim Đồng, MN Hoa Sen", "Công nhận mới 03 trường: TH Kim Đồng, MN Hoa Sen",
     ["W001", "X011"]),
    ("Tổng kinh phí là 3.500", "Tổng kinh phí là 3.600", ["A001"]),
    ("12/20 trường, tỉ lệ 60,00 %", "12/20 trường, tỉ lệ 62,00 %", ["A001"]),
    ("hồ sơ 02 trường Quý III", "hồ sơ 03 trường Quý III", ["X008", "X008"]),
    # a name changed in one section
    ("Quý IV: MN Hoa Sen", "Quý IV: MN Hoà Sen", ["X009"]),
    ("Công nhận mới 01 trường: MN Hoa Sen.", "Công nhận mới 01 trường: MN Hoa Mai.", ["W002", "W002"]),
    ("Công nhận lại 01 trường: THCS Tây Sơn.", "Công nhận mới 01 trường: THCS Tây Sơn.", ["W003", "X011", "X011"]),
    ("Quý IV: MN Hoa Sen", "Quý IV: TH Hoa Sen", ["X010"]),
    # years, dates, typos
    ("Kế hoạch năm 2023.", "Kế hoạch năm 2022.", ["D009"]),
    ("Tháng 3/2023", "Tháng 3/2022", ["D007", "D010"]),
    ("Kế hoạch năm 2023.", "Kế hoạch năm 2023, hoàn thành trước ngày 05/01/2023.", ["D010"]),
    ("Kế hoạch năm 2023.", "Kế hoạch năm 2023, hoàn thành trước ngày 05/01/2024.", ["D003"]),
    ("Rà soát điều kiện các trường", "Rà soát điều kiện các trường anwm 2023", ["W006"]),
    # the funded schools
    ("Công nhận lại (01 trường): 700", "Công nhận lại (00 trường): 700", ["W004"]),
])
def test_one_edit_one_finding(make_docx, old: str, new: str, expected: list[str]) -> None:
    found = sorted(code for code, _ in codes(make_docx(edited(base_blocks(), old, new))))
    assert found == sorted(expected)


def test_a_finding_names_its_place_and_quotes_its_sentence(make_docx) -> None:
    path = make_docx(edited(base_blocks(), "xây dựng 03 trường", "xây dựng 04 trường"))
    finding = next(item for item in check_document(path).findings if item.code == "A001")
    assert finding.sheet == "đoạn 9 «- Năm 2023 xây dựng 04…»" and finding.cell is None
    assert "04" in finding.message and "02 + 01 = 03" in finding.message
    assert "«Năm 2023 xây dựng 04 trường" in finding.message
    english = check_document(path, lang="en").findings
    assert any(item.sheet == "paragraph 9 «- Năm 2023 xây dựng 04…»" for item in english)


def test_exit_codes(make_docx) -> None:
    assert check_document(make_docx()).exit_code == 0
    assert check_document(make_docx(edited(base_blocks(), "Tổng kinh phí là 3.500", "Tổng kinh phí là 3.600"))
                          ).exit_code == 1
    only_info = make_docx(edited(base_blocks(), "Rà soát điều kiện các trường", "Rà soát các trường anwm 2023"))
    assert check_document(only_info).exit_code == 0


def test_a_table_row_added_without_changing_its_total(make_docx) -> None:
    level = [["Cấp học", "Công nhận mới", "Công nhận lại"], ["Tiểu học", "01", "-"], ["Mầm non", "01", "-"],
             ["THCS", "-", "01"], ["Tổng cộng", "02", "01"]]
    blocks = base_blocks()
    blocks.insert(blocks.index(TARGETS[1]) + 1, level)
    assert codes(make_docx(blocks)) == []
    level_added = [*level[:-1], ["TH&THCS", "01", "-"], level[-1]]
    blocks[blocks.index(level)] = level_added
    found = [code for code, _ in codes(make_docx(blocks))]
    assert found == ["A001"]


def test_a_list_table_row_added_without_changing_its_stated_total(make_docx) -> None:
    rows = [["TT", "CƠ SỞ GIÁO DỤC", "GHI CHÚ"], ["1.", "TH Kim Đồng", "CN Lần đầu"], ["2.", "MN Hoa Sen", "CN Lần đầu"],
            ["3.", "THCS Tây Sơn", "CN lại"]]
    blocks = [*base_blocks(), "DANH SÁCH", rows, "Danh sách này gồm: 03 đơn vị./."]
    assert codes(make_docx(blocks)) == []
    blocks[-2] = [*rows, ["4.", "TH Đoàn Kết", "CN lại"]]
    assert [code for code, _ in codes(make_docx(blocks))] == ["W001"]


def test_paragraphs_split_differently_read_the_same(make_docx) -> None:
    """Parts on their own lines, on one line, or after line breaks in one paragraph: the same statements."""
    joined = [block for block in base_blocks() if block not in BUDGET[1:]]
    joined.insert(joined.index("III. KINH PHÍ") + 1, "Tổng kinh phí là 3.500 triệu đồng, trong đó: - Công nhận mới "
                  "(02 trường): 2.800 triệu đồng; - Công nhận lại (01 trường): 700 triệu đồng.")
    broken = [block for block in base_blocks() if block not in TARGETS[5:8]]
    broken.insert(broken.index(TARGETS[8]), "\n".join(TARGETS[5:8]))
    for blocks in (joined, broken):
        report = check_document(make_docx(blocks))
        assert report.findings == []
        assert {"3.500 = 2.800 + 700", "02 = 01 + 01"} <= {item.what for item in report.verified}
    bad = edited(joined, "700 triệu đồng.", "900 triệu đồng.")
    assert [code for code, _ in codes(make_docx(bad))] == ["A001"]


def test_a_table_turned_into_tab_separated_text(make_docx) -> None:
    blocks = [block for block in base_blocks() if block is not TIMELINE]
    blocks += ["\t".join(row) for row in TIMELINE]
    assert codes(make_docx(blocks)) == []
    blocks[-2] = blocks[-2].replace("hồ sơ 02 trường", "hồ sơ 03 trường")
    found = codes(make_docx(blocks))
    assert [code for code, _ in found] == ["X008", "X008"]
    assert all(where.startswith("đoạn ") for _, where in found)


def test_benign_variants_add_nothing(make_docx) -> None:
    plain = check_document(make_docx())
    variants = [
        [unicodedata.normalize("NFD", block) if isinstance(block, str) else block for block in base_blocks()],
        [block.replace(" ", "  ") if isinstance(block, str) else block for block in base_blocks()],
        edited(base_blocks(), "Quý IV: MN Hoa Sen", "Quý IV: Trường MN Hoa Sen"),
        edited(base_blocks(), "Công nhận mới 02 trường: TH Kim Đồng, MN Hoa Sen.",
               "Công nhận mới 02 trường: Trường TH Kim Đồng và trường MN Hoa Sen."),
    ]
    for blocks in variants:
        report = check_document(make_docx(blocks))
        assert report.findings == [], [finding.message for finding in report.findings]
        assert len(report.verified) == len(plain.verified)


@pytest.mark.parametrize("first, second", [("Thuỵ", "Thụy"), ("Hoà", "Hòa"), ("Khoẻ", "Khỏe")])
def test_both_tone_mark_placements_are_one_spelling(make_docx, first: str, second: str) -> None:
    blocks = edited(base_blocks(), "MN Hoa Sen.", f"MN {first} Sen.")   # the list in II.1
    blocks = edited(blocks, "Quý IV: MN Hoa Sen", f"Quý IV: MN {second} Sen")
    assert codes(make_docx(blocks)) == []
    bare = fold(first).capitalize()
    blocks = edited(blocks, f"Quý IV: MN {second} Sen", f"Quý IV: MN {bare} Sen")   # a real variant still counts
    assert [code for code, _ in codes(make_docx(blocks))] == ["X009"]


def test_prefixes_are_never_merged(make_docx) -> None:
    blocks = edited(base_blocks(), "Quý IV: MN Hoa Sen", "Quý IV: TH Hoa Sen")
    finding = check_document(make_docx(blocks)).findings[0]
    assert finding.code == "X010" and "MN Hoa Sen" in finding.message and "khác cấp học" in finding.message


def test_funding_gap_explained_is_a_note(make_docx) -> None:
    blocks = edited(base_blocks(), "Công nhận lại (01 trường): 700 triệu đồng.", "Công nhận lại (00 trường): 0 triệu "
                    "đồng.")
    blocks = edited(blocks, "Tổng kinh phí là 3.500", "Tổng kinh phí là 2.800")
    assert [code for code, _ in codes(make_docx(blocks))] == ["W004"]
    blocks.insert(blocks.index("V. TỔ CHỨC THỰC HIỆN"), "(Có 01 trường: THCS Tây Sơn đã được đầu tư từ năm 2022)")
    report = check_document(make_docx(blocks))
    assert [(finding.code, finding.severity) for finding in report.findings] == [("W005", "info")]
    assert "THCS Tây Sơn" in report.findings[0].message and report.exit_code == 0


def test_accreditation_levels_of_a_list_table(make_docx) -> None:
    rows = [["TT", "CƠ SỞ GIÁO DỤC", "TÍCH HỢP KĐCLGD&CQG", "GHI CHÚ"], ["1.", "TH Kim Đồng", "CĐ2-MĐ2", "CN Lần đầu"]]
    found = codes(make_docx([*HEADER, *TARGETS[:3], "DANH SÁCH", rows, *SIGNATURE]))
    assert ("D001", "bảng 1, dòng 2 «1. TH Kim Đồng CĐ2-MĐ2 CN…»") in found


def test_a_budget_appendix_table(make_docx, tmp_path) -> None:
    from chuanqg_xl.docplan.convert import import_document
    from chuanqg_xl.reader import read_plan

    rows = [["TT", "Tên trường", "Hạng mục đầu tư", "Ngân sách tỉnh", "Ngân sách huyện", "Tổng cộng"],
            ["1", "TH Kim Đồng", "Phòng học bộ môn", "1.000", "800", "1.800"],
            ["2", "MN Hoa Sen", "Nhà vệ sinh", "", "1.000", "1.000"],
            ["", "Tổng cộng", "", "1.000", "1.800", "2.800"]]
    blocks = [*base_blocks(), "PHỤ LỤC 2", "KINH PHÍ ĐẦU TƯ CÁC TRƯỜNG CÔNG NHẬN MỚI", rows]
    path = make_docx(blocks)
    report = check_document(path)
    assert report.findings == []
    assert any(item.what == "Tổng cộng cột 'Ngân sách huyện': 1.800" for item in report.verified)
    rows[-1][4] = "1.900"
    assert [code for code, _ in codes(make_docx(blocks))] == ["A001"]
    rows[-1][4] = "1.800"
    output = import_document(path, tmp_path / "pl2.xlsx").output
    lines = read_plan(output).budget_lines["budget_new"]
    assert [(line.school, line.item) for line in lines] == [("TH Kim Đồng", "Phòng học bộ môn"),
                                                          ("MN Hoa Sen", "Nhà vệ sinh")]


def test_the_gravest_findings_come_first_then_the_text_order() -> None:
    """Hai Bà Trưng's Word plan: the '09 trường' error (table 1) before the notes of the paragraphs above it."""
    from chuanqg_xl.report import SEVERITY_RANK

    report = check_document(Path(__file__).resolve().parents[2] / "samples" / "plans" / "hai-ba-trung-2023.docx")
    assert report.findings[0].code == "X008"
    ranks = [SEVERITY_RANK[finding.severity] for finding in report.findings]
    assert ranks == sorted(ranks) and ranks[0] < ranks[-1]
    notes = [finding.sheet for finding in report.findings if finding.severity == "info"]
    assert notes[0].startswith("đoạn 18") and notes[-1].startswith("bảng 1, dòng 9")
