"""Kon Tum 2023 — dự thảo Kế hoạch xây dựng trường đạt chuẩn quốc gia năm 2023 (seed 000).

The plan is a draft ("DỰ THẢO", "Số: /KH-UBND", date left blank). It states the
counts by level, the overall target and the budget totals, but names only two of
its six schools (TH Đặng Trần Côn, TH Mạc Đĩnh Chi) and gives no budget lines.
So the other four school names, which school is in which commune, mức độ /
cấp độ, and every budget line are illustrative ("minh họa" in the row's note);
the stated totals are kept exact: PL2 31.162, PL3 13.335, 44.497 in all.

Inconsistency kept on purpose: the targets count 06 schools (03 mới + 03 lại) but
only 02 + 02 are funded. The plan explains it — "(Có 02 trường: TH Đặng Trần Côn,
TH Mạc Đĩnh Chi đã được đầu tư từ năm 2022)" — and the workbook records that
explanation in "Đã đầu tư trước", so the difference is no longer an error.
Also kept: the stale "Kế hoạch năm 2022" in section V.8 (task text).
"""
from __future__ import annotations

import datetime as dt

from chuanqg_xl.template import PlanData

from ._common import MINH_HOA, SIGNER_TITLE

FILE_NAME = "kon-tum-2023.xlsx"
SEED = "000"

NEW = "Công nhận mới"
RENEW = "Công nhận lại"
PRE_INVESTED = "Đã đầu tư năm 2022"

# Header: "ỦY BAN NHÂN DÂN THÀNH PHỐ KON TUM … Số: /KH-UBND … TP. Kon Tum, ngày tháng năm"
# (a draft: no number, no date). Signed "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH — Phan Ngọc Định".
META: dict[str, object] = {
    "unit": "UBND thành phố Kon Tum",
    # "Xét nội dung tham mưu của Phòng Giáo dục và Đào tạo thành phố"
    "advisor": "Phòng Giáo dục và Đào tạo thành phố",
    "province": "Kon Tum",
    "year": 2023,
    # "Kế hoạch số 37/KH-UBND … giai đoạn 2021-2025"
    "period": "2021-2025",
    "number": "…/KH-UBND",
    "date": None,
    "signer": "Phan Ngọc Định",
    "signer_title": SIGNER_TITLE,
    # "Đạt tỷ lệ trường đạt chuẩn quốc gia 35/57 trường"
    "total_schools": 57,
    # Not stated: 35 at year end − 03 công nhận mới = 32 at the start (see the year_end note).
    "standard_at_start": 32,
    "money_unit": "triệu đồng",
}

# "06 trường, trong đó: Công nhận mới 03 trường, công nhận lại 03 trường": the table gives
# Tiểu học 01 / 03, TH-THCS 02 / -, Mầm non and THCS "-".
TARGETS: dict[str, dict[str, object]] = {
    "Tiểu học": {"new": 1, "renew": 3},
    "TH&THCS": {"new": 2},
}

# I.2: "35/57 trường, tỉ lệ 61,40 %"; III.1: "Tổng kinh phí là 44.497 triệu đồng, trong đó:
# Công nhận mới (02 trường): 31.162 triệu đồng. Công nhận lại (02 trường): 13.335 triệu đồng."
FIGURES: dict[str, object] = {
    "planned_total": 6,   # "phấn đấu xây dựng các trường đạt chuẩn quốc gia năm 2023 là 06 trường"
    "year_end": 35,
    "rate": 0.614,
    "funded_new": 2,
    "funded_renew": 2,
    "budget_new": 31162,
    "budget_renew": 13335,
    "budget_total": 44497,
}
FIGURE_NOTES: dict[str, str] = {
    "planned_total": "06 trường: công nhận mới 03, công nhận lại 03",
    "year_end": "35/57; đầu năm 32 = 35 − 03 mới (suy ra)",
    "rate": "Kế hoạch ghi 61,40 %",
    "funded_new": "Công nhận mới (02 trường)",
    "funded_renew": "Công nhận lại (02 trường)",
    "budget_total": "Đề án CSVC của tỉnh và nguồn vốn khác",
}

COMMUNE_NOTE = f"Xã/phường, mức độ, cấp độ {MINH_HOA}"
NAME_NOTE = f"Tên trường {MINH_HOA}"


def _school(name: str, level: str, commune: str, kind: str, pre_invested: str = "", named: bool = False
            ) -> dict[str, object]:
    # For the two named schools the plan implies one is new and one renewed, not which is which.
    note = f"Hình thức, {COMMUNE_NOTE.lower()}" if named else f"{NAME_NOTE}; {COMMUNE_NOTE.lower()}"
    return {"name": name, "level": level, "commune": commune, "kind": kind, "standard_level": "Mức độ 1",
            "accreditation_level": "Cấp độ 2", "pre_invested": pre_invested, "note": note}


# The communes are the plan's (V.9): "công nhận lại (cụ thể: phường Quang Trung, phường Quyết
# Thắng, xã Ia Chim), công nhận mới (cụ thể: phường Trần Hưng Đạo, phường Thắng Lợi, xã Ngok
# Bay)". The plan funds 02 new and 02 renewed schools and leaves out the two TH schools
# invested in 2022 — so of the two, one is the Tiểu học công nhận mới and one a công nhận lại
# (which one is which, and their communes, are illustrative).
SCHOOLS: list[dict[str, object]] = [
    _school("TH Đặng Trần Côn", "Tiểu học", "Phường Thắng Lợi", NEW, PRE_INVESTED, named=True),
    _school("TH-THCS Trần Hưng Đạo", "TH&THCS", "Phường Trần Hưng Đạo", NEW),
    _school("TH-THCS Ngok Bay", "TH&THCS", "Xã Ngok Bay", NEW),
    _school("TH Mạc Đĩnh Chi", "Tiểu học", "Phường Quyết Thắng", RENEW, PRE_INVESTED, named=True),
    _school("TH Quang Trung", "Tiểu học", "Phường Quang Trung", RENEW),
    _school("TH Ia Chim", "Tiểu học", "Xã Ia Chim", RENEW),
]

LINE_NOTE = f"Hạng mục, số tiền {MINH_HOA} (tổng PL2 = 31.162)"
RENEW_LINE_NOTE = f"Hạng mục, số tiền {MINH_HOA} (tổng PL3 = 13.335)"


def _line(name: str, item: str, province: float, note: str) -> dict[str, object]:
    # III.2: funded by the province's "Đề án đảm bảo cơ sở vật chất … và các nguồn vốn khác";
    # the plan does not split the sources, so every amount sits in Ngân sách tỉnh.
    return {"name": name, "item": item, "province": province, "note": note}


# Items from IV.3: "Phòng học bộ môn, nhà vệ sinh, nhà hiệu bộ, thư viện, nhà ăn…".
# 9.500 + 4.800 + 2.100 + 1.200 + 7.200 + 2.962 + 1.400 + 2.000 = 31.162.
BUDGET_NEW: list[dict[str, object]] = [
    _line("TH-THCS Trần Hưng Đạo", "Phòng học bộ môn", 9500, LINE_NOTE),
    _line("TH-THCS Trần Hưng Đạo", "Nhà hiệu bộ", 4800, LINE_NOTE),
    _line("TH-THCS Trần Hưng Đạo", "Thư viện", 2100, LINE_NOTE),
    _line("TH-THCS Trần Hưng Đạo", "Thiết bị dạy học", 1200, LINE_NOTE),
    _line("TH-THCS Ngok Bay", "Phòng học bộ môn", 7200, LINE_NOTE),
    _line("TH-THCS Ngok Bay", "Nhà ăn", 2962, LINE_NOTE),
    _line("TH-THCS Ngok Bay", "Nhà vệ sinh", 1400, LINE_NOTE),
    _line("TH-THCS Ngok Bay", "Thiết bị dạy học", 2000, LINE_NOTE),
]
# 4.500 + 1.235 + 1.600 + 3.800 + 900 + 1.300 = 13.335.
BUDGET_RENEW: list[dict[str, object]] = [
    _line("TH Quang Trung", "Phòng học bộ môn", 4500, RENEW_LINE_NOTE),
    _line("TH Quang Trung", "Nhà vệ sinh", 1235, RENEW_LINE_NOTE),
    _line("TH Quang Trung", "Thư viện", 1600, RENEW_LINE_NOTE),
    _line("TH Ia Chim", "Nhà hiệu bộ", 3800, RENEW_LINE_NOTE),
    _line("TH Ia Chim", "Nhà vệ sinh", 900, RENEW_LINE_NOTE),
    _line("TH Ia Chim", "Thiết bị dạy học", 1300, RENEW_LINE_NOTE),
]

OFFICE = "Phòng Giáo dục và Đào tạo thành phố"
ALL_SCHOOLS = "Các trường trong kế hoạch"
REPORT_NOTE = f"Hạn {MINH_HOA} (định kỳ 6 tháng/lần)"


def _task(task: str, lead: str, partners: str = "", *, time: str = "", deadline: dt.date | None = None,
          schools: str = "", note: str = "") -> dict[str, object]:
    return {"time": time, "task": task, "lead": lead, "partners": partners, "schools": schools,
            "deadline": deadline, "note": note}


# Section V (Tổ chức thực hiện): the plan has no dated timeline; each unit's duties are tasks,
# the only periodic ones the 6-monthly checks and reports.
TASKS: list[dict[str, object]] = [
    _task("Chủ trì tham mưu triển khai Kế hoạch xây dựng trường đạt chuẩn quốc gia trên địa bàn thành phố năm "
          "2023; phối hợp với UBND các xã, phường có trường đề nghị công nhận trường chuẩn xây dựng kế hoạch cụ "
          "thể", OFFICE, "UBND các xã, phường"),
    _task("Tham mưu UBND thành phố Kế hoạch kiểm tra việc triển khai thực hiện xây dựng trường đạt chuẩn quốc gia "
          "trên địa bàn các xã, phường; báo cáo kết quả 6 tháng đầu năm 2023", OFFICE, "UBND các xã, phường",
          time="Tháng 6/2023", deadline=dt.date(2023, 6, 30), note=REPORT_NOTE),
    _task("Kiểm tra việc triển khai thực hiện xây dựng trường đạt chuẩn quốc gia; báo cáo kết quả năm 2023 về UBND "
          "thành phố", OFFICE, "UBND các xã, phường", time="Tháng 12/2023", deadline=dt.date(2023, 12, 31),
          note=REPORT_NOTE),
    _task("Chỉ đạo các trường học trực thuộc hoàn thành hồ sơ Tự đánh giá; hồ sơ công nhận trường đạt chuẩn quốc "
          "gia trình cấp có thẩm quyền theo quy định", OFFICE, "Các đơn vị trường học", schools=ALL_SCHOOLS),
    _task("Tham mưu UBND thành phố ưu tiên bố trí các nguồn lực triển khai Kế hoạch; hướng dẫn quản lí, sử dụng và "
          "quyết toán kinh phí đầu tư xây dựng", "Phòng Tài chính - Kế hoạch thành phố", OFFICE),
    _task("Tham mưu đầu tư xây dựng các công trình trường, lớp đảm bảo chất lượng; thực hiện hồ sơ đầu tư, bàn giao "
          "sử dụng, quyết toán đúng quy định", "Ban QLDA đầu tư xây dựng thành phố",
          "Phòng Giáo dục và Đào tạo thành phố, Phòng Tài chính - Kế hoạch thành phố"),
    _task("Tham mưu đề xuất cấp có thẩm quyền bổ sung chỉ tiêu biên chế sự nghiệp giáo dục và đào tạo; tuyển dụng "
          "giáo viên, thăng hạng, đào tạo bồi dưỡng", "Phòng Nội vụ thành phố", OFFICE),
    _task("Lồng ghép các nguồn kinh phí hợp pháp (chương trình, dự án khác) để thực hiện Kế hoạch",
          "Phòng Kinh tế thành phố", f"{OFFICE}, UBND các xã, phường"),
    _task("Tham mưu quy hoạch vị trí xây dựng trường học, lớp học đúng quy định", "Phòng Quản lí đô thị thành phố",
          OFFICE),
    _task("Tham mưu về hồ sơ quản lí đất của trường học; tham mưu giao đất để xây dựng công trình trường, lớp học",
          "Phòng Tài nguyên - Môi trường thành phố", OFFICE),
    # Verbatim, stale year included: this is the 2023 plan.
    _task("Tuyên truyền về Kế hoạch xây dựng trường đạt chuẩn quốc gia trên địa bàn thành phố Kon Tum, giai đoạn "
          "2021 - 2025 và Kế hoạch năm 2022", "Trung tâm Văn hóa - Thể thao - Du lịch và Truyền thông thành phố",
          OFFICE, note="Kế hoạch năm 2023 nhưng văn bản ghi 'Kế hoạch năm 2022'"),
    _task("Xây dựng kế hoạch cụ thể triển khai xây dựng trường đạt chuẩn quốc gia trên địa bàn (công nhận lại: "
          "phường Quang Trung, phường Quyết Thắng, xã Ia Chim; công nhận mới: phường Trần Hưng Đạo, phường Thắng "
          "Lợi, xã Ngok Bay); báo cáo định kỳ 6 tháng/lần về Phòng Giáo dục và Đào tạo thành phố",
          "UBND các xã, phường", OFFICE, schools=ALL_SCHOOLS),
    _task("Tổ chức tự đánh giá, đăng ký đánh giá ngoài; đề nghị cấp có thẩm quyền công nhận trường đạt kiểm định "
          "chất lượng giáo dục và công nhận trường đạt chuẩn quốc gia", "Các đơn vị trường học", OFFICE,
          schools=ALL_SCHOOLS),
    _task("Vận động đoàn viên, hội viên và Nhân dân tham gia các hoạt động giáo dục; kiểm tra, giám sát, phản biện "
          "việc thực hiện Kế hoạch", "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố; các tổ chức chính trị - xã hội",
          ""),
    _task("Lãnh đạo chính quyền địa phương xây dựng kế hoạch cụ thể; kiểm tra, giám sát việc triển khai thực hiện "
          "tại các xã, phường có trường đề nghị công nhận", "Đảng ủy các xã, phường", "UBND các xã, phường"),
]


def build() -> PlanData:
    return PlanData(meta=dict(META), targets={level: dict(kinds) for level, kinds in TARGETS.items()},
                    figures=dict(FIGURES), figure_notes=dict(FIGURE_NOTES), schools=[dict(row) for row in SCHOOLS],
                    budget_new=[dict(row) for row in BUDGET_NEW], budget_renew=[dict(row) for row in BUDGET_RENEW],
                    tasks=[dict(row) for row in TASKS])
