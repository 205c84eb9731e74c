"""`check ke-hoach.xlsx --plan ke-hoach.docx`: the Word plan held against its workbook."""
from __future__ import annotations

from pathlib import Path

import pytest

from chuanqg_xl.checks import check_plan
from chuanqg_xl.docplan.checks import DocReport
from chuanqg_xl.errors import PlanError
from chuanqg_xl.template import write_workbook

from .conftest import load_script

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


SAMPLE_DATA = load_script(SAMPLES / "build.py", "chuanqg_xl_samples_build")
PLANS = {plan.FILE_NAME.removesuffix(".xlsx"): plan for plan in SAMPLE_DATA.PLANS}


@pytest.mark.parametrize("name", sorted(PLANS))
def test_each_sample_workbook_agrees_with_its_word_plan(name: str) -> None:
    alone = check_plan(SAMPLES / f"{name}.xlsx")
    both = check_plan(SAMPLES / f"{name}.xlsx", plan_document=SAMPLES / "plans" / f"{name}.docx")
    assert isinstance(both, DocReport)
    extra = [finding for finding in both.findings if finding not in alone.findings]
    # the only additions are the plan's own slips seen once more in the workbook's text (Nhâm/Nhậm, Loong/Loỏng)
    assert {finding.code for finding in extra} <= {"X009"}
    assert len(both.verified) >= 4


def _hai_ba_trung(tmp_path: Path, change) -> Path:
    data = PLANS["hai-ba-trung-2023"].build()
    change(data)
    return write_workbook(tmp_path / "hbt.xlsx", data, derived=True)


def _extra(path: Path) -> list:
    alone = check_plan(path).findings
    both = check_plan(path, plan_document=SAMPLES / "plans" / "hai-ba-trung-2023.docx").findings
    return [finding for finding in both if finding not in alone]


def test_a_school_moved_to_another_quarter_in_the_workbook(tmp_path: Path) -> None:
    def change(data) -> None:
        school = next(row for row in data.schools if row["name"] == "TH Đồng Tâm")
        school["timing"] = "Quý III/2023"

    found = _extra(_hai_ba_trung(tmp_path, change))
    messages = [finding.message for finding in found if finding.code == "X011"]
    assert any("TH Đồng Tâm" in message and "Quý IV/2023" in message and "đoạn 26" in message
               for message in messages)
    assert any("Số trường Quý III/2023" in message for message in messages)
    school_finding = next(finding for finding in found if finding.message.startswith("'TH Đồng Tâm'"))
    assert (school_finding.sheet, school_finding.cell) == ("PL1 - Danh sách trường", "H15")
    quarter = next(finding for finding in found if finding.message.startswith("Số trường Quý III/2023"))
    assert quarter.sheet == "Tổng hợp" and quarter.cell


def test_a_school_spelled_otherwise_or_missing_in_the_workbook(tmp_path: Path) -> None:
    def change(data) -> None:
        next(row for row in data.schools if row["name"] == "TH Đoàn Kết")["name"] = "TH Đoàn Kêt"
        data.schools = [row for row in data.schools if row["name"] != "THCS Lương Yên"]

    found = _extra(_hai_ba_trung(tmp_path, change))
    codes = {finding.code for finding in found}
    assert "X009" in codes and "X010" in codes
    assert any("THCS Lương Yên" in finding.message and "PL1" in finding.message for finding in found)


def test_meta_and_counts_contradicted(tmp_path: Path) -> None:
    def change(data) -> None:
        data.meta["number"] = "39/KH-UBND"
        data.schools.append({"name": "MN Hoa Hồng", "level": "Mầm non", "kind": "Công nhận mới",
                             "standard_level": "Mức độ 1", "timing": "Quý IV/2023"})

    found = _extra(_hai_ba_trung(tmp_path, change))
    messages = " ".join(finding.message for finding in found)
    assert "38/KH-UBND" in messages and "39/KH-UBND" in messages
    assert "MN Hoa Hồng" in messages                       # in the workbook, not in the text
    assert "Số trường công nhận mới" in messages            # 05 in the text, 06 in the workbook


def test_plan_option_needs_a_word_document(tmp_path: Path) -> None:
    with pytest.raises(PlanError) as caught:
        check_plan(SAMPLES / "kon-tum-2023.xlsx", plan_document=SAMPLES / "lai-chau-2024.xlsx")
    assert caught.value.key == "doc.not_word"


def test_the_library_and_the_plan_document_argument() -> None:
    import chuanqg_xl as cq

    report = cq.check_plan(SAMPLES / "kon-tum-2023.xlsx", plan_document=SAMPLES / "plans" / "kon-tum-2023.docx")
    assert any("44.497" in item.what for item in report.verified)


def test_every_contradiction_names_both_places(tmp_path: Path) -> None:
    """The workbook's sheet (and cell), and the Word place apart from the sentence, for a page or a JSON reader."""
    def change(data) -> None:
        data.meta["number"] = "39/KH-UBND"
        next(row for row in data.schools if row["name"] == "TH Đồng Tâm")["timing"] = "Quý III/2023"
        data.schools = [row for row in data.schools if row["name"] != "THCS Lương Yên"]

    found = _extra(_hai_ba_trung(tmp_path, change))
    assert len(found) >= 4
    assert all(finding.sheet and finding.word and finding.word in finding.message for finding in found)
    moved = next(finding for finding in found if finding.message.startswith("'TH Đồng Tâm'"))
    assert moved.cell == "H15" and moved.word.startswith("đoạn 26")
    assert moved.to_dict()["word"] == moved.word
    assert all(finding.word is None for finding in check_plan(SAMPLES / "hai-ba-trung-2023.xlsx").findings)


def test_with_the_word_plan_the_gravest_group_still_leads() -> None:
    """Hai Bà Trưng held against its Word plan: the '09 trường' error leads, as in `check` of the workbook alone,
    and the workbook's own findings keep their order."""
    from chuanqg_xl.report import SEVERITY_RANK

    alone = check_plan(SAMPLES / "hai-ba-trung-2023.xlsx").findings
    both = check_plan(SAMPLES / "hai-ba-trung-2023.xlsx",
                      plan_document=SAMPLES / "plans" / "hai-ba-trung-2023.docx").findings
    assert (both[0].code, both[0].cell) == ("X008", "F24")
    ranks = [SEVERITY_RANK[finding.severity] for finding in both]
    assert ranks == sorted(ranks)
    assert [finding for finding in both if finding in alone] == alone


def test_with_the_word_plan_a_cause_keeps_its_consequences(tmp_path: Path) -> None:
    """Kon Tum with an amount typed in đồng: the plan's totals it breaks stay under it with the Word plan too."""
    data = PLANS["kon-tum-2023"].build()
    data.budget_new[1].update(district=2_800_000_000)
    path = write_workbook(tmp_path / "kt.xlsx", data, derived=True)
    alone = check_plan(path).findings
    both = check_plan(path, plan_document=SAMPLES / "plans" / "kon-tum-2023.docx").findings
    assert [finding.code for finding in alone if finding.caused_by] == ["X011", "X011"]
    for index, finding in enumerate(both):
        if finding.caused_by:   # right after its cause or a sibling consequence
            before = both[index - 1]
            assert finding.caused_by in (before.caused_by, (before.code, before.sheet, before.cell))
    assert [finding for finding in both if finding in alone] == alone


def test_the_plan_s_details_are_named_in_the_reader_s_language(tmp_path: Path) -> None:
    """'Issuing unit', 'Plan year'… in English (they were the workbook's Vietnamese labels inside English
    sentences); in Vietnamese the workbook's own label on 'Thông tin'."""
    def change(data) -> None:
        data.meta["number"] = "39/KH-UBND"
        data.meta["signer"] = "Trần Văn An"

    path = _hai_ba_trung(tmp_path, change)
    document = SAMPLES / "plans" / "hai-ba-trung-2023.docx"
    english = [f.message for f in check_plan(path, plan_document=document, lang="en").findings if f.code == "X011"]
    assert any(message.startswith("Plan number: the Word plan") for message in english)
    assert any(message.startswith("Signed by: the Word plan") for message in english)
    report = check_plan(path, plan_document=document, lang="en")
    assert "matches the workbook — Issuing unit: UBND quận Hai Bà Trưng" in [item.what for item in report.verified]
    vietnamese = [f.message for f in check_plan(path, plan_document=document).findings if f.code == "X011"]
    assert any(message.startswith("Số kế hoạch: văn bản Word") for message in vietnamese)
    assert any(message.startswith("Người ký: văn bản Word") for message in vietnamese)


OTHER_PAIRS = [(workbook, plan) for workbook in sorted(PLANS) for plan in sorted(PLANS) if plan != workbook]


@pytest.mark.parametrize("workbook, plan", OTHER_PAIRS)
def test_another_unit_s_word_plan_is_said_once_not_as_dozens_of_differences(workbook: str, plan: str) -> None:
    alone = check_plan(SAMPLES / f"{workbook}.xlsx")
    both = check_plan(SAMPLES / f"{workbook}.xlsx", plan_document=SAMPLES / "plans" / f"{plan}.docx")
    first = both.findings[0]
    assert (first.code, first.severity, first.sheet, first.cell) == ("W007", "error", "Thông tin", "B4")
    assert f"sổ ghi '{PLANS[workbook].build().meta['unit']}'" in first.message
    assert first.word   # the Word place of the unit the text names
    assert [finding for finding in both.findings[1:]] == alone.findings   # nothing compared beyond that
    assert not both.verified


@pytest.mark.parametrize("unit, codes", [
    ("UBND Q. Hai Bà Trưng", set()),                       # the kind abbreviated: the same unit
    ("UBND TP. Hai Bà Trưng", {"X011"}),                   # a city, not a district: a difference
    ("Ủy ban nhân dân quận Hai Bà Trưng", set()),
    ("Phòng Giáo dục và Đào tạo quận Hai Bà Trưng", set()),  # the office that drafted it: the same place
    ("UBND Hai Bà Trưng", set()),                          # no kind written: not a difference
    ("UBND huyện Hai Bà Trưng", {"X011"}),                 # another kind of unit: a difference, not another plan
    ("UBND quận Hai Bà Trưg", {"X011"}),                   # the place mistyped: a difference
    ("UBND quận Hoàn Kiếm", {"X011"}),                     # renamed, the same 15 schools: compared as usual
])
def test_a_unit_written_otherwise_or_renamed_is_compared_as_usual(tmp_path: Path, unit: str, codes: set) -> None:
    def change(data) -> None:
        data.meta["unit"] = unit

    found = _extra(_hai_ba_trung(tmp_path, change))
    assert "W007" not in {finding.code for finding in found}
    unit_findings = {finding.code for finding in found if (finding.sheet, finding.cell) == ("Thông tin", "B4")}
    assert unit_findings == codes


def test_another_place_with_other_schools_is_another_unit_s_plan(tmp_path: Path) -> None:
    def change(data) -> None:
        data.meta["unit"] = "UBND quận Hoàn Kiếm"
        for number, school in enumerate(data.schools):
            school["name"] = f"TH Thử Nghiệm {number + 1}"

    found = check_plan(_hai_ba_trung(tmp_path, change),
                       plan_document=SAMPLES / "plans" / "hai-ba-trung-2023.docx").findings
    assert found[0].code == "W007" and "0/15 trường" in found[0].message


@pytest.mark.parametrize("unit, another", [("Phòng GD&ĐT huyện Cao Lộc", False), ("UBND huyện Cao Lôc", False),
                                           ("UBND huyện Văn Lãng", True)])
def test_a_plan_naming_few_schools_is_another_unit_s_only_for_another_place(tmp_path: Path, unit: str,
                                                                           another: bool) -> None:
    """Cao Lộc's text names 2 schools, too few to tell: the place alone decides."""
    data = PLANS["cao-loc-2024"].build()
    data.meta["unit"] = unit
    path = write_workbook(tmp_path / "cl.xlsx", data, derived=True)
    found = check_plan(path, plan_document=SAMPLES / "plans" / "cao-loc-2024.docx").findings
    assert ("W007" in {finding.code for finding in found}) is another
