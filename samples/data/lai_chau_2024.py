"""Lai Châu 2024 — Kế hoạch xây dựng trường đạt Chuẩn quốc gia năm 2024 (seed 001).

"Số: /KH-UBND … Thành phố Lai Châu, ngày tháng 02 năm 2024": the number and the day
are blank in the source. The plan names all 13 schools of its two batches, with
kind and mức độ; it gives no budget, no communes and no cấp độ, so those stay
empty. The targets by level are counted from the two batch lists (the plan states
only the totals: "công nhận mới đối với 06 trường").

Inconsistency kept on purpose: the batch list writes "MN Nậm Loong" while II.2.4
writes "trường mầm non Nậm Loỏng" (the commune is Nậm Loỏng).
"""
from __future__ import annotations

import datetime as dt

from chuanqg_xl.template import PlanData

from ._common import SIGNER_TITLE

FILE_NAME = "lai-chau-2024.xlsx"
SEED = "001"

NEW = "Công nhận mới"
RENEW = "Công nhận lại"
UPGRADE = "Nâng mức độ"
BATCH_1 = "Đợt 1 (tháng 3/2024)"
BATCH_2 = "Đợt 2 (tháng 9/2024)"

# Signed "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH — Trần Đình Tiến".
META: dict[str, object] = {
    "unit": "UBND thành phố Lai Châu",
    "advisor": "Phòng Giáo dục và Đào tạo",
    "province": "Lai Châu",
    "year": 2024,
    # "Kế hoạch số 336/KH-UBND … giai đoạn 2021-2025"
    "period": "2021-2025",
    "number": "…/KH-UBND",
    "date": None,
    "signer": "Trần Đình Tiến",
    "signer_title": SIGNER_TITLE,
    # II.1: "duy trì … tại 22 trường, phấn đấu công nhận mới đối với 06 trường, nâng tổng số trường
    # đạt Chuẩn quốc gia lên 28/28 trường, trong đó … mức độ 2: 19/28 trường".
    "total_schools": 28,
    "standard_at_start": 22,
    # Not stated: 19 at year end − 03 công nhận mới mức độ 2 − 01 nâng mức độ 2 (TH Kim Đồng) = 15.
    "level2_at_start": 15,
    "money_unit": "triệu đồng",
}

# Counted from the batch lists below (6 mới, 6 lại, 1 nâng mức độ).
TARGETS: dict[str, dict[str, object]] = {
    "Mầm non": {"new": 2, "renew": 2},
    "Tiểu học": {"new": 1, "renew": 3, "upgrade": 1},
    "THCS": {"new": 2, "renew": 1},
    "TH&THCS": {"new": 1},
}

FIGURES: dict[str, object] = {"year_end": 28, "level2_year_end": 19}
FIGURE_NOTES: dict[str, str] = {
    "year_end": "22 duy trì + 06 mới = 28/28",
    "level2_year_end": "19/28; đầu năm 15 = 19 − 3 − 1 (suy ra)",
}

# "Đợt 1 (tháng 3/2024) đề nghị đối với 6 đơn vị trường: + Công nhận lại và nâng mức độ đạt chuẩn
# đối với 5 trường … + Công nhận mới 01 trường"; "Đợt 2 (tháng 9/2024) đề nghị đối với 7 đơn vị
# trường: + Công nhận lại và nâng mức độ đạt chuẩn đối với 02 trường … + Công nhận mới đối với 05
# trường".
BATCHES: list[dict[str, object]] = [
    {"label": BATCH_1, "new": 1, "renew": 5, "total": 6},
    {"label": BATCH_2, "new": 5, "renew": 2, "total": 7},
]


def _school(name: str, level: str, kind: str, standard: int, timing: str, note: str) -> dict[str, object]:
    return {"name": name, "level": level, "kind": kind, "standard_level": f"Mức độ {standard}",
            "timing": timing, "note": note}


SCHOOLS: list[dict[str, object]] = [
    # "MN Nậm Loong, TH San Thành, TH Quyết Thắng (công nhận lại mức độ 1)" — names as the list
    # writes them ("Nậm Loong"; II.2.4 writes "Nậm Loỏng").
    _school("MN Nậm Loong", "Mầm non", RENEW, 1, BATCH_1, "Công nhận lại mức độ 1"),
    _school("TH San Thành", "Tiểu học", RENEW, 1, BATCH_1, "Công nhận lại mức độ 1"),
    _school("TH Quyết Thắng", "Tiểu học", RENEW, 1, BATCH_1, "Công nhận lại mức độ 1"),
    # "trường MN Hoa Sen, TH Số 2 (công nhận lại mức độ 2)"
    _school("MN Hoa Sen", "Mầm non", RENEW, 2, BATCH_1, "Công nhận lại mức độ 2"),
    _school("TH Số 2", "Tiểu học", RENEW, 2, BATCH_1, "Công nhận lại mức độ 2"),
    # "Công nhận mới 01 trường: THCS Đông Phong (mức độ 2)"
    _school("THCS Đông Phong", "THCS", NEW, 2, BATCH_1, "Công nhận mới mức độ 2"),
    # "TH Kim Đồng (nâng mức độ 2), THCS Đoàn Kết ( công nhận lại mức độ 2)"
    _school("TH Kim Đồng", "Tiểu học", UPGRADE, 2, BATCH_2, "Nâng mức độ 2"),
    _school("THCS Đoàn Kết", "THCS", RENEW, 2, BATCH_2, "Công nhận lại mức độ 2"),
    # "MN Bình Minh, TH Đoàn Kết (mức độ 2); MN Sùng Phài, THCS Quyết Tiến; TH&THCS Sùng Phài (mức độ 1)"
    _school("MN Bình Minh", "Mầm non", NEW, 2, BATCH_2, "Công nhận mới mức độ 2"),
    _school("TH Đoàn Kết", "Tiểu học", NEW, 2, BATCH_2, "Công nhận mới mức độ 2"),
    _school("MN Sùng Phài", "Mầm non", NEW, 1, BATCH_2, "Công nhận mới mức độ 1"),
    _school("THCS Quyết Tiến", "THCS", NEW, 1, BATCH_2, "Công nhận mới mức độ 1"),
    _school("TH&THCS Sùng Phài", "TH&THCS", NEW, 1, BATCH_2, "Công nhận mới mức độ 1"),
]

OFFICE = "Phòng Giáo dục và Đào tạo"


def _task(task: str, lead: str, partners: str = "", *, time: str = "", deadline: dt.date | None = None,
          schools: str = "", count: int | None = None, note: str = "") -> dict[str, object]:
    return {"time": time, "task": task, "lead": lead, "partners": partners, "schools": schools,
            "school_count": count, "deadline": deadline, "note": note}


BATCH_1_NAMES = "MN Nậm Loong; TH San Thành; TH Quyết Thắng; MN Hoa Sen; TH Số 2; THCS Đông Phong"
BATCH_2_NAMES = "TH Kim Đồng; THCS Đoàn Kết; MN Bình Minh; TH Đoàn Kết; MN Sùng Phài; THCS Quyết Tiến; " \
                "TH&THCS Sùng Phài"

# II.1 (the two batches) and II.2 / III (tasks and who leads them). The plan dates only the batches;
# their deadline is the last day of the month it names.
TASKS: list[dict[str, object]] = [
    _task("Đề nghị công nhận lại, nâng mức độ và công nhận mới Đợt 1 đối với 6 đơn vị trường", OFFICE,
          "Các trường Đợt 1", time=BATCH_1, deadline=dt.date(2024, 3, 31), schools=BATCH_1_NAMES, count=6),
    _task("Đề nghị công nhận lại, nâng mức độ và công nhận mới Đợt 2 đối với 7 đơn vị trường", OFFICE,
          "Các trường Đợt 2", time=BATCH_2, deadline=dt.date(2024, 9, 30), schools=BATCH_2_NAMES, count=7),
    _task("Tuyên truyền về quan điểm, chủ trương, mục tiêu xây dựng trường đạt Chuẩn quốc gia (II.2.1)", OFFICE,
          "Các đơn vị trường học"),
    _task("Rà soát, củng cố, kiện toàn tổ chức bộ máy nhà trường; đào tạo, bồi dưỡng đội ngũ (II.2.2)", OFFICE,
          "Phòng Nội vụ"),
    # II.2.4 writes the school "Nậm Loỏng"; the list writes "Nậm Loong".
    _task("Tham mưu thực hiện quy hoạch từng bước, di chuyển địa điểm trường mầm non Nậm Loỏng đảm bảo các điều kiện "
          "về cơ sở vật chất", OFFICE, "Ban Quản lý dự án thành phố", schools="MN Nậm Loỏng"),
    _task("Rà soát, ưu tiên bố trí nguồn lực để cải tạo, sửa chữa, bảo dưỡng, bổ sung trang thiết bị cho các đơn vị "
          "(II.2.4)", OFFICE, "Phòng Tài chính - Kế hoạch"),
    _task("Chỉ đạo, hướng dẫn, kiểm tra, giám sát, tư vấn công tác tự kiểm tra đối với các trường đề nghị công nhận "
          "lại, nâng mức độ và công nhận mới trường đạt Chuẩn quốc gia trong năm 2024; định kỳ báo cáo UBND thành "
          "phố tiến độ thực hiện", OFFICE, "Các phòng, ban; UBND các xã, phường",
          schools="Các trường trong kế hoạch"),
    _task("Tham mưu UBND thành phố bố trí kinh phí để thực hiện kế hoạch", "Phòng Tài chính - Kế hoạch",
          "Phòng Giáo dục và Đào tạo, UBND các xã, phường"),
    _task("Tham mưu bố trí, kiện toàn CBQL, giáo viên, nhân viên các trường học; thi đua, khen thưởng", "Phòng Nội vụ",
          OFFICE),
    _task("Triển khai thực hiện kế hoạch đầu tư công lĩnh vực Giáo dục và Đào tạo, đảm bảo tiến độ và chất lượng",
          "Ban Quản lý dự án thành phố", OFFICE),
    _task("Tuyên truyền, huy động các nguồn lực xây dựng trường đạt Chuẩn quốc gia",
          "Ủy ban MTTQ Việt Nam thành phố và các tổ chức chính trị - xã hội", ""),
    _task("Tuyên truyền kế hoạch; đưa nhiệm vụ xây dựng trường đạt Chuẩn quốc gia vào kế hoạch phát triển kinh tế - "
          "xã hội của địa phương", "Ủy ban nhân dân các xã, phường", OFFICE),
    _task("Rà soát tiêu chí, tiêu chuẩn, tự kiểm tra, đánh giá; đề nghị kiểm tra, công nhận, công nhận lại; định kỳ "
          "báo cáo kết quả", "Các trường Mầm non, Tiểu học, T’H&THCS, THCS", OFFICE,
          schools="Các trường trong kế hoạch"),
]


def build() -> PlanData:
    return PlanData(meta=dict(META), targets={level: dict(kinds) for level, kinds in TARGETS.items()},
                    figures=dict(FIGURES), figure_notes=dict(FIGURE_NOTES),
                    batches=[dict(batch) for batch in BATCHES], schools=[dict(row) for row in SCHOOLS],
                    tasks=[dict(row) for row in TASKS])
