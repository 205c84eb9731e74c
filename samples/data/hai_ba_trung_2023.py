"""Hai Bà Trưng 2023 — Kế hoạch số 38/KH-UBND ngày 10/02/2023 (seed 004).

Everything below is quoted from the plan unless its row's note says "minh họa".
The plan states no mức độ per school (only "Mức độ 1, Mức độ 2" in general, section
III.2.3), so every school's mức độ is illustrative. It gives no budget amounts, so
PL2/PL3 stay empty. Deadlines are the last day of the month the timeline's
"Thời gian hoàn thành" names ("Tháng 5,6/2023" → 30/06/2023).

Inconsistencies kept on purpose (they are what the tool must find):
- September: "Tiếp tục hoàn thiện gói đầu tư tại 09 trường công nhận mới và công
  nhận lại Quý IV" while Quý IV has 07 schools (3 mới + 4 lại);
- October and December write "TH Ngô Thị Nhâm" / "MN Ngô Thị Nhâm" where the list
  has "Ngô Thị Nhậm";
- "Công nhận mới 04 trường theo chỉ tiêu thành phố giao … Phần đầu [phấn đấu] công nhận thêm 01
  trường MN Minh Khai": the assigned targets count 4, the list has 5.
"""
from __future__ import annotations

import datetime as dt

from chuanqg_xl.template import PlanData

from ._common import MINH_HOA, SIGNER_TITLE

FILE_NAME = "hai-ba-trung-2023.xlsx"
SEED = "004"

NEW = "Công nhận mới"
RENEW = "Công nhận lại"
Q3 = "Quý III/2023"
Q4 = "Quý IV/2023"
LEVEL_NOTE = f"Mức độ {MINH_HOA}"

# "Số: 38 /KH-UBND … Quận Hai Bà Trưng, ngày 10 tháng 02 năm 2023"; signed "KT. CHỦ TỊCH /
# PHÓ CHỦ TỊCH — Nguyễn Thị Thu Hiền". The plan gives neither the number of schools in the
# district nor how many already meet the standard, so those fields stay empty.
META: dict[str, object] = {
    "unit": "UBND quận Hai Bà Trưng",
    "advisor": "Phòng Giáo dục và Đào tạo",
    "province": "Hà Nội",
    "year": 2023,
    # "xây dựng trường học thuộc quận đạt chuẩn quốc gia giai đoạn 2021-2025"
    "period": "2021-2025",
    "number": "38/KH-UBND",
    "date": dt.date(2023, 2, 10),
    "signer": "Nguyễn Thị Thu Hiền",
    "signer_title": SIGNER_TITLE,
    "money_unit": "triệu đồng",
}

# II.1: "Công nhận mới 04 trường theo chỉ tiêu thành phố giao: Trường MN Ngô Thị Nhậm, TH Trung
# Hiền, TH Đoàn Kết, THCS Tây Sơn" — the assigned targets are these four, by level; MN Minh Khai
# is the district's own extra ("Phần đầu [sic: phấn đấu] công nhận thêm 01 trường MN Minh Khai").
# "Công nhận lại (10 trường): MN Vĩnh Tuy, MG Nguyễn Công Trứ, MN Thanh Lương, TH Ngô Quyền,
# TH Tây Sơn, TH Ngô Thị Nhậm, TH Đồng Tâm, THCS Tô Hoàng, THCS Ngô Quyền, THCS Lương Yên."
TARGETS: dict[str, dict[str, object]] = {
    "Mầm non": {"new": 1, "renew": 3},
    "Tiểu học": {"new": 2, "renew": 4},
    "THCS": {"new": 1, "renew": 3},
}

# II.2: "Quý III/2023: 08 trường + Công nhận mới 02 trường … + Công nhận lại 06 trường …";
# "Quý IV/2023: 07 trường + Công nhận mới 03 trường … + Công nhận lại 04 trường …".
BATCHES: list[dict[str, object]] = [
    {"label": Q3, "new": 2, "renew": 6, "total": 8},
    {"label": Q4, "new": 3, "renew": 4, "total": 7},
]


def _school(name: str, level: str, kind: str, timing: str, note: str = "") -> dict[str, object]:
    return {"name": name, "level": level, "kind": kind, "standard_level": "Mức độ 1", "timing": timing,
            "note": "; ".join(part for part in (note, LEVEL_NOTE) if part)}


# In the order of II.1; the quarter of each school from II.2.
SCHOOLS: list[dict[str, object]] = [
    _school("MN Ngô Thị Nhậm", "Mầm non", NEW, Q3, "Chỉ tiêu thành phố giao"),
    _school("TH Trung Hiền", "Tiểu học", NEW, Q4, "Chỉ tiêu thành phố giao"),
    _school("TH Đoàn Kết", "Tiểu học", NEW, Q4, "Chỉ tiêu thành phố giao"),
    _school("THCS Tây Sơn", "THCS", NEW, Q3, "Chỉ tiêu thành phố giao"),
    _school("MN Minh Khai", "Mầm non", NEW, Q4, "Phấn đấu công nhận thêm"),
    _school("MN Vĩnh Tuy", "Mầm non", RENEW, Q3),
    _school("MG Nguyễn Công Trứ", "Mầm non", RENEW, Q4),
    _school("MN Thanh Lương", "Mầm non", RENEW, Q3),
    _school("TH Ngô Quyền", "Tiểu học", RENEW, Q3),
    _school("TH Tây Sơn", "Tiểu học", RENEW, Q4),
    _school("TH Ngô Thị Nhậm", "Tiểu học", RENEW, Q4),
    _school("TH Đồng Tâm", "Tiểu học", RENEW, Q4),
    _school("THCS Tô Hoàng", "THCS", RENEW, Q3),
    _school("THCS Ngô Quyền", "THCS", RENEW, Q3),
    _school("THCS Lương Yên", "THCS", RENEW, Q3),
]

# The eight schools of Quý III, as the April–July tasks name them.
EIGHT = "THCS Tây Sơn; MN Ngô Thị Nhậm; MN Vĩnh Tuy; MN Thanh Lương; TH Ngô Quyền; THCS Ngô Quyền; " \
        "THCS Lương Yên; THCS Tô Hoàng"
EIGHT_TEXT = "(THCS Tây Sơn, MN Ngô Thị Nhậm, MN Vĩnh Tuy, MN Thanh Lương, TH Ngô Quyền, THCS Ngô Quyền, " \
             "THCS Lương Yên, THCS Tô Hoàng)"
ASSIGNED = "Các trường được giao chỉ tiêu"
OFFICE = "Phòng GD&ĐT"
OFFICE_FOR_UBND = "Phòng GD&ĐT tham mưu UBND quận"
SECRETARIAT = "Văn phòng HĐND-UBND"
BY_CONTEXT = "Kế hoạch ghi '07 trường': các trường Quý IV"


def _task(time: str, deadline: dt.date, task: str, lead: str, partners: str, schools: str = "",
          count: int | None = None, note: str = "") -> dict[str, object]:
    return {"time": time, "task": task, "lead": lead, "partners": partners, "schools": schools,
            "school_count": count, "deadline": deadline, "note": note}


JAN, FEB, MAR, APR = (dt.date(2023, 1, 31), dt.date(2023, 2, 28), dt.date(2023, 3, 31), dt.date(2023, 4, 30))
JUN, JUL, AUG, SEP = (dt.date(2023, 6, 30), dt.date(2023, 7, 31), dt.date(2023, 8, 31), dt.date(2023, 9, 30))
OCT, NOV, DEC = dt.date(2023, 10, 31), dt.date(2023, 11, 30), dt.date(2023, 12, 31)

# "TIẾN ĐỘ THỰC HIỆN …" (Kèm theo Kế hoạch), row by row, task texts verbatim (typos included:
# "anwm 2023", "Ngô Thị Nhâm").
TASKS: list[dict[str, object]] = [
    _task("Tháng 1/2023", JAN, "Rà soát kiện toàn Ban chỉ đạo", OFFICE, "Văn phòng"),
    _task("Tháng 1/2023", JAN, "Họp Ban chỉ đạo triển khai kế hoạch xây dựng trường đạt chuẩn quốc gia năm 2023",
          OFFICE, "Văn phòng"),
    _task("Tháng 1/2023", JAN, "Chỉ đạo các trường được giao chỉ tiêu rà soát các điều kiện theo tiêu chí trường "
          "đạt chuẩn quốc gia", OFFICE, ASSIGNED),
    _task("Tháng 2/2023", FEB, "Khảo sát thực tế điều kiện CSVC theo tiêu chí trường đạt chuẩn quốc gia", OFFICE,
          "Phòng TC-KH, BQLDA, QLĐT"),
    _task("Tháng 2/2023", FEB, "Hoàn thiện văn bản đề nghị đầu tư sửa chữa và trang thiết bị đồ dùng theo tiêu chí "
          "trường đạt chuẩn quốc gia", OFFICE, ASSIGNED),
    _task("Tháng 2/2023", FEB, "Xây dựng kế hoạch đầu tư sửa chữa và trang thiết bị đồ dùng theo tiêu chí trường "
          "đạt chuẩn quốc gia", "Phòng TC-KH", OFFICE),
    _task("Tháng 2/2023", FEB, "Mời phòng chuyên môn Sở GD&ĐT tư vấn công tác xây dựng chuẩn Quốc gia trường THCS "
          "Tây Sơn", OFFICE, "Trường THCS Tây Sơn.", "THCS Tây Sơn"),
    _task("Tháng 2/2023", FEB, "Báo cáo UBND quận về các phương án đề xuất bổ sung cơ sở vật chất phục vụ công nhận "
          "mới trường đạt chuẩn quốc gia đối với các trường công nhận mới và công nhận lại anwm 2023.", OFFICE,
          "- Phòng TC-KH, BQLDA, QLĐT - Các trường được giao chỉ tiêu"),
    _task("Tháng 3/2023", MAR, "Hoàn thiện hồ sơ chuẩn bị đầu tư sửa chữa và trang thiết bị đồ dùng theo tiêu chí "
          "trường đạt chuẩn quốc gia", OFFICE, "Phòng TC-KH, BQLDA và các trường được giao chỉ tiêu"),
    _task("Tháng 3/2023", MAR, "Tiến hành thủ tục mời thầu gói đầu tư chuẩn quốc gia", OFFICE, "Phòng TC-KH, BQLDA"),
    _task("Tháng 3/2023", MAR, "Họp Ban chỉ đạo quý I để kiểm đếm tiến độ công việc xây dựng trường đạt chuẩn Quốc "
          "gia", "UBND quận", SECRETARIAT),
    _task("Tháng 4/2023", APR, "Hoàn thành các thủ tục và chuẩn bị đầu tư sửa chữa và trang thiết bị đồ dùng theo "
          "tiêu chí trường đạt chuẩn quốc gia", OFFICE, "BQLDA, các trường được giao chỉ tiêu"),
    _task("Tháng 4/2023", APR, f"Chỉ đạo 08 trường {EIGHT_TEXT} hoàn thành dự thảo báo cáo và rà soát hồ sơ theo 5 "
          "tiêu chí trường đạt chuẩn quốc gia.", OFFICE, ASSIGNED, EIGHT, 8),
    _task("Tháng 5,6/2023", JUN, "Tiến hành cải tạo sửa chữa đối với những đơn vị sửa chữa CSVC", OFFICE,
          "BQLDA, các trường được giao chỉ tiêu"),
    _task("Tháng 5,6/2023", JUN, "Hoàn thiện cơ sở vật chất đáp ứng tiêu chí trường đạt chuẩn quốc gia 08 trường "
          f"{EIGHT_TEXT}", OFFICE, "BQLDA, các trường được giao chỉ tiêu", EIGHT, 8),
    _task("Tháng 5,6/2023", JUN, "Gửi văn bản đăng ký đánh giá ngoài để đề nghị công nhận trường đạt kiểm định chất "
          "lượng giáo dục và công nhận trường đạt chuẩn quốc gia năm 2023 đối với 08 trường "
          f"{EIGHT_TEXT}", OFFICE_FOR_UBND, SECRETARIAT, EIGHT, 8),
    _task("Tháng 5,6/2023", JUN, "Họp Ban chỉ đạo quý II để kiểm đếm tiến độ công việc xây dựng chuẩn Quốc gia",
          "UBND quận", SECRETARIAT),
    _task("Tháng 7/2023", JUL, "Hoàn thành các điều kiện CSVC, cải tạo sửa chữa và trang thiết bị", OFFICE,
          ASSIGNED),
    _task("Tháng 7/2023", JUL, "Đón đoàn thành phố kiểm tra trường đạt kiểm định chất lượng giáo dục và công nhận "
          f"trường đạt chuẩn quốc gia đối với 08 trường {EIGHT_TEXT}", OFFICE,
          "UBND quận, các trường được giao chỉ tiêu", EIGHT, 8),
    _task("Tháng 8/2023", AUG, "Tiếp tục hoàn thành các điều kiện CSVC, cải tạo sửa chữa và trang thiết bị đối với "
          "các trường công nhận mới và công nhận lại trường đạt chuẩn quốc gia", "Ban chỉ đạo",
          "BQLDA, các trường được giao chỉ tiêu"),
    # The plan's own slip: "09 trường … Quý IV" while Quý IV has 07 (II.2 and the next row).
    _task("Tháng 9/2023", SEP, "Tiếp tục hoàn thiện gói đầu tư tại 09 trường công nhận mới và công nhận lại Quý IV",
          OFFICE, ASSIGNED, Q4, 9),
    _task("Tháng 9/2023", SEP, "Chỉ đạo các trường công nhận mới, công nhận lại Quý IV hoàn thành dự thảo báo cáo và "
          "rà soát hồ sơ theo 5 tiêu chí trường đạt chuẩn quốc gia (07 trường: TH Đoàn Kết, TH Trung Hiền, MG "
          "Nguyễn Công Trứ, MN Minh Khai, TH Tây Sơn, TH Ngô Thị Nhậm, TH Đồng Tâm)", OFFICE, ASSIGNED,
          "TH Đoàn Kết; TH Trung Hiền; MG Nguyễn Công Trứ; MN Minh Khai; TH Tây Sơn; TH Ngô Thị Nhậm; TH Đồng Tâm",
          7),
    _task("Tháng 9/2023", SEP, "Họp Ban chỉ đạo quý III để kiểm đếm tiến độ công việc xây dựng chuẩn Quốc gia",
          "UBND quận", SECRETARIAT),
    _task("Tháng 10/2023", OCT, "Hoàn thành các điều kiện CSVC, hồ sơ chuẩn bị đón đoàn thành phố kiểm tra trường "
          "đạt kiểm định chất lượng giáo dục và công nhận trường đạt chuẩn quốc gia (07 trường)", OFFICE,
          "Các phòng ban liên quan Các trường được giao chỉ tiêu", Q4, 7, BY_CONTEXT),
    # "TH Ngô Thị Nhâm": the list (II.1, II.2) writes "TH Ngô Thị Nhậm".
    _task("Tháng 10/2023", OCT, "Mời phòng chuyên môn Sở GD&ĐT tư vấn công tác xây dựng chuẩn Quốc gia trường (07 "
          "trường: TH Đoàn Kết, TH Trung Hiền, MG Nguyễn Công Trứ, MN Minh Khai, TH Tây Sơn, TH Ngô Thị Nhâm, TH "
          "Đồng Tâm)", OFFICE, ASSIGNED,
          "TH Đoàn Kết; TH Trung Hiền; MG Nguyễn Công Trứ; MN Minh Khai; TH Tây Sơn; TH Ngô Thị Nhâm; TH Đồng Tâm",
          7),
    _task("Tháng 10/2023", OCT, "Gửi văn bản đăng ký đánh giá ngoài để đề nghị công nhận trường đạt kiểm định chất "
          "lượng giáo dục và công nhận trường đạt chuẩn quốc gia năm 2023 của 07 trường công nhận mới và công nhận "
          "lại trường đạt chuẩn quốc gia.", OFFICE_FOR_UBND, SECRETARIAT, Q4, 7, BY_CONTEXT),
    _task("Tháng 11/2023", NOV, "Tiếp tục hoàn thiện, bàn giao các hạng mục gói đầu tư cải tạo, sửa chữa, trang thiết "
          "bị phục vụ công nhận mới và công nhận lại trường đạt chuẩn quốc gia năm 2023 cho các đơn vị",
          "Ban QLDA - ĐTXD", ASSIGNED),
    _task("Tháng 11/2023", NOV, "Đón đoàn thành phố kiểm tra trường đạt kiểm định chất lượng giáo dục và công nhận "
          "trường đạt chuẩn quốc gia (07 trường)", OFFICE, ASSIGNED, Q4, 7, BY_CONTEXT),
    # "MN Ngô Thị Nhâm": the list writes "MN Ngô Thị Nhậm". The plan writes no count here.
    _task("Tháng 12/2023", DEC, "Chỉ đạo các trường chuẩn bị điều kiện đón bằng công nhận mới trường đạt chuẩn quốc "
          "gia (Trường MN Ngô Thị Nhâm, MN Minh Khai, TH Đoàn Kết, TH Trung Hiền, THCS Tây Sơn).", "Ban chỉ đạo",
          ASSIGNED, "MN Ngô Thị Nhâm; MN Minh Khai; TH Đoàn Kết; TH Trung Hiền; THCS Tây Sơn"),
    _task("Tháng 12/2023", DEC, "Họp Ban chỉ đạo Tổng kết năm 2023 và dự kiến kế hoạch xây dựng trường đạt chuẩn "
          "Quốc gia năm 2024.", "Ban chỉ đạo", ""),
]


def build() -> PlanData:
    return PlanData(meta=dict(META), targets={level: dict(kinds) for level, kinds in TARGETS.items()},
                    batches=[dict(batch) for batch in BATCHES], schools=[dict(row) for row in SCHOOLS],
                    tasks=[dict(row) for row in TASKS])
