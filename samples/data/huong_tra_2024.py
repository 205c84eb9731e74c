"""Hương Trà 2024 — Kế hoạch số 20/KH-UBND ngày 04/01/2024 (seed 002).

A plan for accreditation (KĐCLGD) and national-standard recognition together.
Its appendix "DANH SÁCH CƠ SỞ GIÁO DỤC CÔNG NHẬN … NĂM 2024" lists 20 units with a
"CĐx-MĐy" pair and "CN Lần đầu" / "CN lại"; the list is carried row by row, with
the source's own wording kept in the note. The plan gives no budget, communes
or batches, so those stay empty. The targets by level are counted from the list
("Danh sách này gồm: 20 đơn vị": 5 CN Lần đầu + 15 CN lại).

Dated deadlines: 20/01/2024 (kế hoạch của CSGD gửi các cấp), 31/01/2024 (hồ sơ tự
đánh giá) and 20/12/2024 (báo cáo kết quả).
"""
from __future__ import annotations

import datetime as dt

from chuanqg_xl.template import PlanData

from ._common import SIGNER_TITLE

FILE_NAME = "huong-tra-2024.xlsx"
SEED = "002"

NEW = "Công nhận mới"
RENEW = "Công nhận lại"

# "Số: 20/KH-UBND — Hương Trà, ngày 04 tháng 01 năm 2024"; signed "TM.ỦY BAN NHÂN DÂN / KT. CHỦ
# TỊCH / PHÓ CHỦ TỊCH — Đỗ Ngọc An". Thừa Thiên Huế: "Sở GD&ĐT tỉnh Thừa Thiên Huế".
META: dict[str, object] = {
    "unit": "UBND thị xã Hương Trà",
    "advisor": "Phòng Giáo dục và Đào tạo",
    "province": "Thừa Thiên Huế",
    "year": 2024,
    # "Kế hoạch số 3025/KH-UBND … Công tác kiểm định chất lượng giáo dục và xây dựng trường đạt
    # chuẩn quốc gia … giai đoạn 2019-2025" — the plan this one carries out.
    "period": "2019-2025",
    "number": "20/KH-UBND",
    "date": dt.date(2024, 1, 4),
    "signer": "Đỗ Ngọc An",
    "signer_title": SIGNER_TITLE,
    "money_unit": "triệu đồng",
}

# Counted from the list: MN 3 lần đầu + 2 lại; TH 1 + 7; THCS 1 + 6.
TARGETS: dict[str, dict[str, object]] = {
    "Mầm non": {"new": 3, "renew": 2},
    "Tiểu học": {"new": 1, "renew": 7},
    "THCS": {"new": 1, "renew": 6},
}

# (name, "TÍCH HỢP KĐCLGD&CQG", "GHI CHÚ") exactly as the list writes them.
LIST: list[tuple[str, str, str]] = [
    ("MN Hương Xuân", "CĐ2-MĐ1", "CN Lần đầu"),
    ("MN Bình Thành", "CĐ2-MĐ1", "CN Lần đầu"),
    ("MN Hồng Tiến", "CĐ2-MĐ1", "CN Lần đầu"),
    ("MN Tứ Hạ", "CĐ2-MĐ1", "CN lại"),
    ("MN Hương Bình", "CĐ2-MĐ1", "CN lại"),
    ("TH Số 1 Hương Toàn", "CĐ2-MĐ1", "CN Lần đầu"),
    ("TH Hương Vân", "CĐ2-MĐ1", "CN lại"),
    ("TH Bình Điền", "CĐ2-MĐ1", "CN lại"),
    ("TH Số 2 Tứ Hạ", "CĐ3-MĐ2", "CN lại"),
    ("TH Số 1 Hương Xuân", "CĐ2-MĐ1", "CN lại"),
    ("TH Số 2 Hương Chữ", "CĐ2-MĐ1", "CN lại"),
    ("TH Số 2 Hương Văn", "CĐ2-MĐ1", "CN lại"),
    ("TH Bình Thành", "CĐ2-MĐ1", "CN lại"),
    ("THCS Lê Thuyết", "CĐ2-MĐ1", "CN Lần đầu"),
    ("THCS Nguyễn Khánh Toàn", "CĐ2-MĐ1", "CN lại"),
    ("THCS Hồ Văn Tứ", "CĐ2-MĐ1", "CN lại"),
    ("THCS Lê Quang Tiến", "CĐ2-MĐ1", "CN lại"),
    ("THCS Trần Đăng Khoa", "CĐ2-MĐ1", "CN lại"),
    ("THCS Hà Thế Hạng", "CĐ2-MĐ1", "CN lại"),
    ("THCS Nguyễn Khoa Đăng", "CĐ2-MĐ1", "CN lại"),
]
_LEVEL_OF_PREFIX = {"MN": "Mầm non", "TH": "Tiểu học", "THCS": "THCS"}
_KIND_OF_NOTE = {"CN Lần đầu": NEW, "CN lại": RENEW}


def _school(name: str, pair: str, written_kind: str) -> dict[str, object]:
    accreditation, standard = pair.split("-")   # "CĐ2-MĐ1" → cấp độ 2, mức độ 1
    return {"name": name, "level": _LEVEL_OF_PREFIX[name.split()[0]], "kind": _KIND_OF_NOTE[written_kind],
            "standard_level": f"Mức độ {standard[-1]}", "accreditation_level": f"Cấp độ {accreditation[-1]}",
            "note": f"{pair}; {written_kind}"}


SCHOOLS: list[dict[str, object]] = [_school(*row) for row in LIST]

OFFICE = "Phòng GD&ĐT"
SCHOOLS_LEAD = "Các cơ sở giáo dục"
LOCAL = "UBND phường, xã"


def _task(task: str, lead: str, partners: str = "", *, time: str = "", deadline: dt.date | None = None,
          schools: str = "") -> dict[str, object]:
    return {"time": time, "task": task, "lead": lead, "partners": partners, "schools": schools,
            "deadline": deadline}


# II.2 (chỉ tiêu) and IV (tổ chức thực hiện), in the plan's order.
TASKS: list[dict[str, object]] = [
    # "Hàng năm, 100% CSGD hoàn thành hồ sơ tự đánh giá đã điều chỉnh, bổ sung và gửi cơ quan quản lý
    # các cấp (Phòng GD&ĐT và UBND phường, xã) trước ngày 31/01/2024."
    _task("100% CSGD hoàn thành hồ sơ tự đánh giá đã điều chỉnh, bổ sung và gửi cơ quan quản lý các cấp (Phòng "
          "GD&ĐT và UBND phường, xã)", SCHOOLS_LEAD, f"{OFFICE}; {LOCAL}", time="trước 31/01/2024",
          deadline=dt.date(2024, 1, 31)),
    _task("100% CSGD đủ điều kiện và hoàn thành hồ sơ đánh giá ngoài theo lộ trình", SCHOOLS_LEAD, OFFICE,
          schools="Các trường trong danh sách"),
    _task("Tham mưu UBND thị xã ban hành kế hoạch và các văn bản chỉ đạo, hướng dẫn CSGD thực hiện kế hoạch hằng "
          "năm", OFFICE, "UBND thị xã"),
    _task("Điều chỉnh, bổ sung lộ trình đánh giá ngoài năm 2024", OFFICE, LOCAL),
    _task("Phối hợp đầu tư cơ sở hạ tầng, mua sắm thiết bị dạy học và đồ dùng, đồ chơi thuộc lộ trình năm 2024",
          OFFICE, "Các phòng, ban chuyên môn; các địa phương"),
    _task("Tổ chức tập huấn nghiệp vụ cho cán bộ quản lý, giáo viên, nhân viên theo yêu cầu của KĐCLGD&CQG", OFFICE,
          "Các đơn vị liên quan"),
    _task("Báo cáo UBND thị xã tiến độ thực hiện nhiệm vụ KĐCLGD&CQG; tham mưu Sở GD&ĐT tổ chức đánh giá ngoài các "
          "CSGD", OFFICE, "Sở GD&ĐT"),
    _task("Tham mưu về đội ngũ cán bộ quản lý, giáo viên, nhân viên theo quy định", "Phòng Nội vụ", OFFICE),
    _task("Tham mưu về ngân sách đầu tư công trình và mua sắm trang thiết bị trường học", "Phòng Tài chính và Kế hoạch",
          OFFICE),
    _task("Tham mưu về quy hoạch quỹ đất và cấp quyền sử dụng đất cho các CSGD", "Phòng Tài nguyên và Môi trường",
          OFFICE),
    _task("Tham mưu đầu tư, kiểm tra, giám sát và bàn giao đúng tiến độ công trình xây dựng cơ sở hạ tầng kỹ thuật "
          "trường học", "Ban Quản lý dự án, Đầu tư và Xây dựng khu vực thị xã Hương Trà", OFFICE),
    _task("Tham mưu về công tác truyền thông để xã hội hiểu, biết và cùng tham gia xây dựng trường học đạt chuẩn quốc "
          "gia", "Phòng Văn hóa & Thông tin; Trung tâm VHTT&TT thị xã", OFFICE),
    _task("Ban hành các nghị quyết và kế hoạch KĐCLGD&CQG; huy động nguồn lực xã hội hóa; kiểm tra, giám sát tiến độ "
          "tự đánh giá của CSGD", LOCAL, OFFICE),
    # "gửi văn bản đến các cấp quản lý giáo dục, cấp ủy Đảng, chính quyền địa phương trước 20/01/2024"
    _task("Tham mưu kế hoạch, giải pháp nâng cao chất lượng KĐCLGD&CQG có phê duyệt của địa phương và gửi văn bản "
          "đến các cấp quản lý giáo dục, cấp ủy Đảng, chính quyền địa phương", SCHOOLS_LEAD, f"{OFFICE}; {LOCAL}",
          time="trước 20/01/2024", deadline=dt.date(2024, 1, 20)),
    _task("Xây dựng phương án, giải pháp cụ thể: kế hoạch cải tiến chất lượng giáo dục, tham mưu đầu tư cơ sở hạ "
          "tầng, mua sắm thiết bị, chất lượng đội ngũ", SCHOOLS_LEAD, LOCAL),
    # "báo cáo bằng văn bản kết quả triển khai thực hiện kế hoạch về UBND thị xã qua Phòng GD&ĐT và
    # UBND phường, xã địa phương trước 20/12/2024"
    _task("Tổ chức đánh giá, rút kinh nghiệm và báo cáo bằng văn bản kết quả triển khai thực hiện kế hoạch về UBND "
          "thị xã qua Phòng GD&ĐT và UBND phường, xã", SCHOOLS_LEAD, f"{OFFICE}; {LOCAL}", time="trước 20/12/2024",
          deadline=dt.date(2024, 12, 20)),
]


def build() -> PlanData:
    # "Danh sách này gồm: 20 đơn vị./." — the list's own stated total, checked against its rows.
    return PlanData(meta=dict(META), targets={level: dict(kinds) for level, kinds in TARGETS.items()},
                    figures={"planned_total": 20}, figure_notes={"planned_total": "Danh sách này gồm: 20 đơn vị"},
                    schools=[dict(row) for row in SCHOOLS], tasks=[dict(row) for row in TASKS])
