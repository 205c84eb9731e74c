"""The stock sentences of a plan, in the wordings the seeds use and the variants a careful reader expects."""
from __future__ import annotations

from pathlib import Path

import pytest

from chuanqg_xl.docplan.facts import NEW, RENEW, UPGRADE
from chuanqg_xl.docplan.reader import read_docplan
from chuanqg_xl.docplan.text import split_names
from chuanqg_xl.normalize import split_school_name

from .conftest import write_docx

HEAD = ["Số: 12/KH-UBND", "Quận Thử Nghiệm, ngày 10 tháng 01 năm 2023", "KẾ HOẠCH",
        "Xây dựng trường đạt chuẩn quốc gia năm 2023", "I. MỤC TIÊU"]


def plan_of(tmp_path: Path, *lines) -> object:
    return read_docplan(write_docx(tmp_path / "p.docx", [*HEAD, *lines]))


@pytest.mark.parametrize("written, unit", [("06", "trường"), ("6", "trường"), ("sáu", "trường"),
                                           ("06", "đơn vị"), ("06", "cơ sở"), ("06", "đơn vị trường")])
def test_a_count_with_its_parts(tmp_path: Path, written: str, unit: str) -> None:
    plan = plan_of(tmp_path, f"- Năm 2023 là {written} {unit}, trong đó: Công nhận mới 03 trường, công nhận lại "
                             "03 trường.")
    head = plan.counts[0]
    assert head.value == 6 and head.kind is None
    assert [(part.value, part.kind) for part in head.parts] == [(3, NEW), (3, RENEW)]


def test_parts_on_lines_of_their_own_or_in_one_line(tmp_path: Path) -> None:
    separate = plan_of(tmp_path, "Năm 2023 là 06 trường, trong đó:", "- Công nhận mới 03 trường;",
                       "- Công nhận lại 03 trường.")
    together = plan_of(tmp_path, "Năm 2023 là 06 trường, trong đó: Công nhận mới 03 trường; Công nhận lại 03 trường.")
    broken = plan_of(tmp_path, "Năm 2023 là 06 trường, trong đó:\n- Công nhận mới 03 trường;\n- Công nhận lại 03 "
                               "trường.")
    for plan in (separate, together, broken):
        assert [(part.value, part.kind) for part in plan.counts[0].parts] == [(3, NEW), (3, RENEW)]


def test_words_that_only_look_like_numbers(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, "Đầu tư cơ sở vật chất tại trung tâm trường học; huy động đầu tư trường lớp.",
                   "Công nhận mới hai trường: TH Kim Đồng, TH Đoàn Kết.")
    assert [count.value for count in plan.all_counts()] == [2]   # not "tư cơ sở" (4), not "tâm trường" (8)


@pytest.mark.parametrize("names", ["MN Hoa Sen, TH Kim Đồng và THCS Tây Sơn", "MN Hoa Sen; TH Kim Đồng; THCS Tây Sơn",
                                   "Trường MN Hoa Sen, trường TH Kim Đồng, Trường THCS Tây Sơn",
                                   "MN Hoa Sen, TH Kim Đồng (mức độ 2); THCS Tây Sơn"])
def test_a_count_with_its_names(tmp_path: Path, names: str) -> None:
    plan = plan_of(tmp_path, f"- Công nhận mới 03 trường: {names}.")
    count = plan.counts[0]
    assert count.value == 3 and count.kind == NEW
    assert [name.name_parts.exact_key for name in count.names] == [
        split_school_name(name).exact_key for name in ("MN Hoa Sen", "TH Kim Đồng", "THCS Tây Sơn")]


def test_names_in_brackets_after_a_count_and_a_count_in_brackets(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, "- Công nhận lại (02 trường): MN Vĩnh Tuy, MG Nguyễn Công Trứ.",
                   "- Chỉ đạo 02 trường (TH Đoàn Kết, TH Trung Hiền) hoàn thành hồ sơ.",
                   "- Chỉ đạo các trường Quý IV (02 trường: TH Đoàn Kết, TH Trung Hiền).")
    assert [[name.text for name in count.names] for count in plan.counts] == [
        ["MN Vĩnh Tuy", "MG Nguyễn Công Trứ"], ["TH Đoàn Kết", "TH Trung Hiền"], ["TH Đoàn Kết", "TH Trung Hiền"]]
    assert plan.counts[0].kind == RENEW


def test_notes_after_names_give_level_and_kind() -> None:
    line = ("+ Công nhận lại và nâng mức độ đạt chuẩn đối với 02 trường: TH Kim Đồng (nâng mức độ 2), THCS Đoàn Kết "
            "( công nhận lại mức độ 2);")
    pieces = split_names(line, line.index(":") + 1, len(line))
    assert [(piece.name, piece.note) for piece in pieces] == [("TH Kim Đồng", "nâng mức độ 2"),
                                                               ("THCS Đoàn Kết", "công nhận lại mức độ 2")]


def test_spelled_out_prefixes_and_and_inside_a_prefix(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, "Xây dựng 02 trường học đạt chuẩn quốc gia: Trường Tiểu học và Trung học cơ sở xã Bảo "
                             "Lâm đạt chuẩn quốc gia mức độ I và trường Mầm non xã Thụy Hùng đạt chuẩn quốc gia mức độ I.")
    names = plan.counts[0].names
    assert [name.name_parts.prefix for name in names] == ["TH&THCS", "MN"]
    assert [name.standard_level for name in names] == [1, 1]


def test_batches_and_quarters_take_the_lines_below(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, "- Đợt 1 (tháng 3/2024) đề nghị đối với 6 đơn vị trường:",
                   "+ Công nhận lại và nâng mức độ đạt chuẩn đối với 5 trường: MN A Lù, TH San Thành, TH Quyết Thắng, "
                   "MN Hoa Sen, TH Số 2.", "+ Công nhận mới 01 trường: THCS Đông Phong (mức độ 2)",
                   "- Quý IV/2023: 07 trường", "+ Công nhận mới 03 trường: TH A, TH B, TH C;",
                   "+ Công nhận lại 04 trường: TH D, TH E, TH G, TH H.", "(Có lộ trình kèm theo)")
    batch, quarter = plan.counts[0], plan.counts[1]
    assert batch.period.kind == "batch" and batch.period.month == 3
    assert [(part.value, part.kind) for part in batch.parts] == [(5, RENEW), (1, NEW)]
    assert quarter.period.label() == "Quý IV/2023"
    assert [part.value for part in quarter.parts] == [3, 4]
    assert all(part.period == quarter.period for part in quarter.parts)


def test_money_with_parts_and_the_explanation(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, "Tổng kinh phí là 44.497 triệu đồng, trong đó:", "- Công nhận mới (02 trường): 31.162 "
                   "triệu đồng.", "- Công nhận lại (02 trường): 13.335 triệu đồng.",
                   "(Có 02 trường: TH Đặng Trần Côn, TH Mạc Đĩnh Chi đã được đầu tư từ năm 2022)")
    total = plan.money[0]
    assert total.total and total.amount == 44497
    assert [(part.amount, part.kind, part.schools) for part in total.parts] == [(31162, NEW, 2), (13335, RENEW, 2)]
    explanation = plan.explanations[0]
    assert (explanation.count, explanation.year) == (2, 2022)
    assert [name.text for name in explanation.names] == ["TH Đặng Trần Côn", "TH Mạc Đĩnh Chi"]


def test_money_units(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, "Tổng kinh phí 2,5 tỷ đồng.", "Kinh phí 500.000.000 đồng.")
    assert [money.amount for money in plan.money] == [2500, 500]


def test_rates_and_the_year_end(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, "Đạt tỷ lệ trường đạt chuẩn quốc gia 35/57 trường, tỉ lệ 61,40 %.",
                   "Duy trì tại 22 trường, phấn đấu công nhận mới đối với 06 trường, nâng tổng số trường đạt chuẩn lên "
                   "28/28 trường, trong đó trường đạt chuẩn quốc gia mức độ 2: 19/28 trường.")
    rate = plan.rates[0]
    assert (rate.numerator, rate.denominator, rate.percent) == (35, 57, 61.40)
    assert [rate.level2 for rate in plan.rates] == [False, False, True]
    year_end = plan.year_ends[0]
    assert (year_end.kept, year_end.new, year_end.reached) == (22, 6, 28)


def test_header(tmp_path: Path) -> None:
    plan = read_docplan(write_docx(tmp_path / "h.docx", [
        [["ỦY BAN NHÂN DÂN\nQUẬN HAI BÀ TRƯNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
         ["Số: 38 /KH-UBND", "Quận Hai Bà Trưng, ngày 10 tháng 02 năm 2023"]],
        "KẾ HOẠCH", "Xây dựng trường đạt chuẩn quốc gia năm 2023", "Căn cứ …",
        "- Công nhận mới 01 trường: TH Kim Đồng.", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
        "Nguyễn Thị Thu Hiền"]))
    header = plan.header
    assert (header.number, header.draft, header.unit, header.year) == ("38/KH-UBND", False, "UBND quận Hai Bà Trưng",
                                                                       2023)
    assert header.date.isoformat() == "2023-02-10"
    assert (header.signer, header.signer_title) == ("Nguyễn Thị Thu Hiền", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")


def test_draft_header(tmp_path: Path) -> None:
    plan = read_docplan(write_docx(tmp_path / "d.docx", [
        "Số: /KH-UBND", "TP. Kon Tum, ngày tháng năm", "KẾ HOẠCH", "Xây dựng trường đạt chuẩn quốc gia năm 2023",
        "Ủy ban nhân dân thành phố Kon Tum ban hành Kế hoạch như sau:", "- Công nhận mới 01 trường: TH Kim Đồng."]))
    header = plan.header
    assert header.draft and header.number == "…/KH-UBND" and header.date is None and header.date_blank
    assert header.unit == "UBND thành phố Kon Tum" and header.year == 2023


def test_level_table_and_list_table(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, [["Cấp học", "Công nhận mới", "Công nhận lại"], ["Mầm non", "-", "-"],
                              ["Tiểu học", "01", "03"], ["TH-THCS", "02", "-"], ["Tổng cộng", "03", "03"]],
                   "Danh sách:", [["TT", "CƠ SỞ GIÁO DỤC", "TÍCH HỢP KĐCLGD&CQG", "GHI CHÚ"],
                                  ["1.", "MN Hương Xuân", "CĐ2-MĐ1", "CN Lần đầu"],
                                  ["2.", "TH Số 2 Tứ Hạ", "CĐ3-MĐ2", "CN lại"]],
                   "Danh sách này gồm: 02 đơn vị./.")
    level = plan.level_tables[0]
    assert level.rows["TH&THCS"] == {NEW: 2, RENEW: 0} and level.total == {NEW: 3, RENEW: 3}
    listed = plan.list_tables[0]
    assert [(school.text, school.kind, school.standard_level, school.accreditation_level)
            for school in listed.schools] == [("MN Hương Xuân", NEW, 1, 2), ("TH Số 2 Tứ Hạ", RENEW, 2, 3)]
    assert listed.stated is not None and listed.stated.value == 2


def test_timeline_rows(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, "- Quý IV/2023: 02 trường", "+ Công nhận mới 02 trường: TH A Lù, TH Bình Minh.",
                   [["Thời gian hoàn thành", "Nội dung nhiệm vụ", "Đơn vị chủ trì thực hiện"],
                    ["Tháng 9/2023", "Hoàn thiện gói đầu tư tại 02 trường công nhận mới Quý IV", "Phòng GD&ĐT"],
                    ["", "Mời Sở tư vấn trường TH A Lù", "Phòng GD&ĐT"]])
    first, second = plan.tasks
    assert first.deadline.isoformat() == "2023-09-30" and not first.inherited
    assert second.time == "Tháng 9/2023" and second.inherited
    assert first.counts[0].period.label() == "Quý IV"
    assert [mention.text for mention in second.mentions] == ["trường TH A Lù"]


def test_upgrade_kind_of_a_name(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, "+ Công nhận lại và nâng mức độ đối với 01 trường: TH Kim Đồng (nâng mức độ 2).")
    assert plan.counts[0].names[0].kind == UPGRADE


def test_a_name_in_running_text_ends_at_punctuation(tmp_path: Path) -> None:
    """Cells run together ('… trường THCS Tây Sơn.Báo cáo …', a table lost in a conversion) do not make names."""
    plan = plan_of(tmp_path, "- Công nhận mới 01 trường: THCS Tây Sơn.",
                   "Mời Sở tư vấn trường THCS Tây Sơn.Báo cáo UBND quận; chỉ đạo TH Đồng Tâm)Phòng GD&ĐT.")
    assert [mention.text for mention in plan.mentions if mention.role == "text"] == ["trường THCS Tây Sơn",
                                                                                     "TH Đồng Tâm"]
