"""Cao Lộc 2024 — Kế hoạch triển khai nhiệm vụ trọng tâm năm 2024, lĩnh vực GD&ĐT (seed 003).

"Số: /KH-UBND … Cao Lộc, ngày tháng năm 2024": number and date blank in the source.
Target: "Xây dựng 02 trường học đạt chuẩn quốc gia: Trường Tiểu học và Trung học cơ
sở xã Bảo Lâm đạt chuẩn quốc gia mức độ I và trường Mầm non xã Thụy Hùng đạt
chuẩn quốc gia mức độ I." Land dossiers and site clearance are due "trong quý II
năm 2024"; the education office reports "Định kỳ 3 tháng/lần".

The plan says "(Có phụ lục chi tiết kèm theo)" but the appendix is missing from the
source, so every budget line is illustrative ("minh họa"), as are the exact
report dates within each quarter.
"""
from __future__ import annotations

import datetime as dt

from chuanqg_xl.template import PlanData

from ._common import MINH_HOA, SIGNER_TITLE

FILE_NAME = "cao-loc-2024.xlsx"
SEED = "003"

BAO_LAM = "Trường Tiểu học và Trung học cơ sở xã Bảo Lâm"
THUY_HUNG = "Trường Mầm non xã Thụy Hùng"

# Signed "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH — Nguyễn Văn Thịnh" (also "Lãnh đạo phụ trách", 2.1).
META: dict[str, object] = {
    "unit": "UBND huyện Cao Lộc",
    # "2.2. Đơn vị chủ trì thực hiện: Phòng Giáo dục và Đào tạo."
    "advisor": "Phòng Giáo dục và Đào tạo",
    "province": "Lạng Sơn",
    "year": 2024,
    "period": "2021-2025",
    "number": "…/KH-UBND",
    "date": None,
    "signer": "Nguyễn Văn Thịnh",
    "signer_title": SIGNER_TITLE,
    "money_unit": "triệu đồng",
}

# "Xây dựng 02 trường học đạt chuẩn quốc gia": one TH&THCS, one Mầm non, both newly recognised.
TARGETS: dict[str, dict[str, object]] = {
    "Mầm non": {"new": 1},
    "TH&THCS": {"new": 1},
}

BUDGET_NOTE = f"{MINH_HOA} (thiếu phụ lục kinh phí)"

SCHOOLS: list[dict[str, object]] = [
    {"name": BAO_LAM, "level": "TH&THCS", "commune": "Xã Bảo Lâm", "kind": "Công nhận mới",
     "standard_level": "Mức độ 1", "note": "Đạt chuẩn quốc gia mức độ I"},
    {"name": THUY_HUNG, "level": "Mầm non", "commune": "Xã Thụy Hùng", "kind": "Công nhận mới",
     "standard_level": "Mức độ 1", "note": "Đạt chuẩn quốc gia mức độ I"},
]


def _line(name: str, item: str, note: str = BUDGET_NOTE, **amounts: float) -> dict[str, object]:
    return {"name": name, "item": item, "note": note, **amounts}


# Items from III.5 ("phòng học bộ môn, nhà đa năng, tổng thể khuôn viên trường học") and 2.4
# (Thông tư 13/2020 on facilities, 14/2020 on subject rooms; "huy động các nguồn lực xã hội hóa").
BUDGET_NEW: list[dict[str, object]] = [
    _line(BAO_LAM, "Phòng học bộ môn (Thông tư 14/2020/TT-BGDĐT)", district=3200),
    _line(BAO_LAM, "Nhà đa năng", province=4500),
    _line(BAO_LAM, "Thiết bị dạy học", district=850),
    _line(BAO_LAM, "Cải tạo tổng thể khuôn viên trường học", social=300),
    _line(THUY_HUNG, "Phòng học, phòng chức năng (Thông tư 13/2020/TT-BGDĐT)", province=2800),
    _line(THUY_HUNG, "Bếp ăn", district=900),
    _line(THUY_HUNG, "Đồ dùng, đồ chơi", district=250, social=150),
]

OFFICE = "Phòng Giáo dục và Đào tạo"
PARTNERS = "Phòng Tài chính - Kế hoạch; Ban Quản lý Dự án đầu tư xây dựng huyện; Phòng Nội vụ; Phòng Tài nguyên và " \
           "Môi trường; Phòng Kinh tế - Hạ tầng; Trung tâm Phát triển quỹ đất; UBND xã Bảo Lâm, UBND xã Thụy Hùng"
# The plan writes the schools in its tasks as "trường Mầm non Thụy Hùng", "trường Tiểu học và Trung
# học cơ sở xã Bảo Lâm".
BOTH = "Trường Tiểu học và Trung học cơ sở xã Bảo Lâm; Trường Mầm non Thụy Hùng"
Q2_END = dt.date(2024, 6, 30)
REPORT_NOTE = f"Hạn {MINH_HOA} (định kỳ 3 tháng/lần)"
LEADER = "UBND huyện (đồng chí Nguyễn Văn Thịnh, Phó Chủ tịch UBND huyện)"


def _task(task: str, lead: str, partners: str = "", *, time: str = "", deadline: dt.date | None = None,
          schools: str = "", count: int | None = None, note: str = "") -> dict[str, object]:
    return {"time": time, "task": task, "lead": lead, "partners": partners, "schools": schools,
            "school_count": count, "deadline": deadline, "note": note}


def _report(quarter: str, deadline: dt.date) -> dict[str, object]:
    return _task(f"Báo cáo tiến độ thực hiện công tác kiểm định chất lượng giáo dục và xây dựng trường học đạt chuẩn "
                 f"quốc gia {quarter} về UBND huyện qua đồng chí lãnh đạo phụ trách lĩnh vực", OFFICE, LEADER,
                 time=quarter, deadline=deadline, note=REPORT_NOTE)


# 2.4 (giải pháp) and III (tổ chức thực hiện), in the plan's order.
TASKS: list[dict[str, object]] = [
    # "Rà soát hiện trạng … đối với trường Tiểu học và Trung học cơ sở xã Bảo Lâm, trường Mầm non xã
    # Thụy Hùng."
    _task("Rà soát hiện trạng đánh giá kết quả của các tiêu chí theo các tiêu chuẩn về kiểm định chất lượng giáo dục "
          "và trường đạt chuẩn quốc gia", OFFICE, PARTNERS, schools=f"{BAO_LAM}; {THUY_HUNG}"),
    _task("Đầu tư cơ sở vật chất trường học theo Thông tư số 13/2020/TT-BGDĐT và Thông tư số 14/2020/TT-BGDĐT; tăng "
          "cường huy động các nguồn lực xã hội hóa", OFFICE, PARTNERS, schools=f"{BAO_LAM}; {THUY_HUNG}"),
    _task("Ban hành các văn bản hướng dẫn thực hiện công tác kiểm định chất lượng giáo dục và xây dựng trường học đạt "
          "chuẩn quốc gia năm 2024", OFFICE, "", schools=BOTH),
    _task("Tổ chức kiểm tra, đôn đốc các cơ sở giáo dục về công tác kiểm định chất lượng giáo dục; thành lập các đoàn "
          "kiểm tra, tư vấn các đơn vị đăng ký đánh giá ngoài", OFFICE, ""),
    _report("Quý I/2024", dt.date(2024, 3, 31)),
    _report("Quý II/2024", Q2_END),
    _report("Quý III/2024", dt.date(2024, 9, 30)),
    _report("Quý IV/2024", dt.date(2024, 12, 31)),
    _task("Cân đối, bố trí nguồn ngân sách để đầu tư cơ sở vật chất còn thiếu và mua sắm thiết bị dạy học",
          "Phòng Tài chính - Kế hoạch", OFFICE),
    _task("Tổng hợp, thẩm định đề án vị trí việc làm, cơ cấu chức danh nghề nghiệp viên chức", "Phòng Nội vụ",
          OFFICE),
    # "… lập hồ sơ xin giao đất, cấp Giấy chứng nhận quyền sử dụng đất … Thời gian hoàn thành trong
    # quý II năm 2024."
    _task("Hướng dẫn các trường lập hồ sơ xin giao đất, cấp Giấy chứng nhận quyền sử dụng đất theo quy định",
          "Phòng Tài nguyên và Môi trường", f"{OFFICE}; UBND xã Thụy Hùng; UBND xã Bảo Lâm", time="Quý II/2024",
          deadline=Q2_END, schools="Trường Mầm non Thụy Hùng; Trường Tiểu học và Trung học cơ sở xã Bảo Lâm"),
    _task("Xây dựng phương án thiết kế trường, lớp học, phòng học bộ môn, nhà đa năng, tổng thể khuôn viên trường "
          "học; đẩy nhanh tiến độ thi công", "Ban Quản lý Dự án đầu tư xây dựng huyện",
          f"{OFFICE}; UBND các xã, thị trấn; các nhà trường"),
    # "… bồi thường, giải phóng mặt bằng quỹ đất xây dựng trường Mầm non Thụy Hùng, trường Tiểu học
    # và Trung học cơ sở xã Bảo Lâm … Thời gian hoàn thành trong quý II năm 2024."
    _task("Tham mưu UBND huyện kế hoạch bồi thường, giải phóng mặt bằng quỹ đất xây dựng trường", "Trung tâm Phát "
          "triển quỹ đất", "", time="Quý II/2024", deadline=Q2_END, schools=BOTH),
    _task("Tuyên truyền nâng cao nhận thức của cộng đồng về công tác KĐCLGD và xây dựng trường học đạt chuẩn quốc gia",
          "Trung tâm Văn hóa, Thể thao và Truyền thông", ""),
    _task("Xây dựng chương trình, kế hoạch cụ thể; quy hoạch quỹ đất mở rộng diện tích đất các trường học; xã hội "
          "hóa giáo dục; báo cáo kết quả về Phòng Giáo dục và Đào tạo", "UBND các xã, thị trấn", OFFICE),
    # 9: "Lập hồ sơ xin giao đất, đề nghị cấp giấy chứng nhận quyền sử dụng đất theo quy định. Hoàn
    # thành trong quý II năm 2024."
    _task("Lập hồ sơ xin giao đất, đề nghị cấp giấy chứng nhận quyền sử dụng đất theo quy định",
          "Trường Mầm non Thụy Hùng, trường Tiểu học và Trung học cơ sở xã Bảo Lâm", "Phòng Tài nguyên và Môi trường",
          time="Quý II/2024", deadline=Q2_END, schools=BOTH),
    _task("Ban hành Quyết định thành lập hoặc kiện toàn Hội đồng tự đánh giá; thu thập minh chứng; viết phiếu tiêu "
          "chí; báo cáo tự đánh giá KĐCLGD", "Trường Mầm non Thụy Hùng, trường Tiểu học và Trung học cơ sở xã Bảo Lâm",
          OFFICE, schools=BOTH),
    _task("Xây dựng kế hoạch, lộ trình cụ thể để thực hiện các nhiệm vụ kiểm định chất lượng giáo dục, xây dựng "
          "trường học đạt chuẩn quốc gia năm 2024",
          "Trường Mầm non Thụy Hùng, trường Tiểu học và Trung học cơ sở xã Bảo Lâm", "UBND xã Bảo Lâm, UBND xã Thụy "
          "Hùng", schools=BOTH),
]


def build() -> PlanData:
    # "Xây dựng 02 trường học đạt chuẩn quốc gia" — the stated total of the list.
    return PlanData(meta=dict(META), targets={level: dict(kinds) for level, kinds in TARGETS.items()},
                    figures={"planned_total": 2}, figure_notes={"planned_total": "Xây dựng 02 trường học đạt chuẩn"},
                    schools=[dict(row) for row in SCHOOLS], budget_new=[dict(row) for row in BUDGET_NEW],
                    tasks=[dict(row) for row in TASKS])
