"""Standard workbooks of any number of school rows, for the benchmark.

A generated plan looks like a real one, only longer: plausible Vietnamese
school and commune names (unique per prefix), every kind of recognition,
about three budget lines per school split over PL2 (công nhận mới) and PL3
(công nhận lại, nâng mức độ), a timeline of a few dozen tasks (some naming
schools, some naming a quarter or a group), and a Tổng hợp sheet whose stated
targets, figures and batches agree with the list. A handful of planted slips
(a school name without diacritics in PL2/PL3 or the timeline, one stated
figure off by one) give check and recalc findings to report and mark, as in
real files. Everything is drawn from one seeded generator: the same size and
seed give the same workbook.

    python bench/generate.py --sizes 50,1000 --out bench/out
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chuanqg_xl.template import PlanData

SIZES = (50, 1_000, 10_000, 50_000)
DEFAULT_SEED = 2024
PLAN_YEAR = 2024
OUT_DIR = Path(__file__).resolve().parent / "out"

# Prefix, level, share of schools. TH is the largest group, as in every district.
PREFIXES: tuple[tuple[str, str, float], ...] = (
    ("MN", "Mầm non", 0.32), ("TH", "Tiểu học", 0.36), ("THCS", "THCS", 0.22),
    ("TH&THCS", "TH&THCS", 0.06), ("THPT", "THPT", 0.04),
)
PEOPLE = (
    "Kim Đồng", "Lê Lợi", "Nguyễn Trãi", "Trần Phú", "Quang Trung", "Lê Quý Đôn", "Chu Văn An", "Nguyễn Du",
    "Lý Thường Kiệt", "Trần Hưng Đạo", "Hai Bà Trưng", "Ngô Quyền", "Phan Bội Châu", "Phan Chu Trinh",
    "Võ Thị Sáu", "Nguyễn Văn Trỗi", "Lê Văn Tám", "Đinh Tiên Hoàng", "Tô Hiến Thành", "Nguyễn Bỉnh Khiêm",
    "Lương Thế Vinh", "Ngô Sĩ Liên", "Trần Quốc Toản", "Hoàng Hoa Thám", "Nguyễn Thị Minh Khai", "Võ Văn Tần",
    "Lê Hồng Phong", "Nguyễn Đình Chiểu", "Bế Văn Đàn", "Tô Vĩnh Diện", "Mạc Đĩnh Chi", "Đặng Trần Côn",
    "Ngô Thị Nhậm", "Nguyễn Huệ", "Lý Tự Trọng", "Trưng Vương", "Đoàn Thị Điểm", "Hồ Tùng Mậu", "Phạm Ngũ Lão",
    "Yết Kiêu", "Nguyễn Khuyến", "Trần Quang Khải", "Lê Thánh Tông", "Nguyễn Công Trứ", "Hàm Nghi",
    "Võ Trường Toản", "Nguyễn Tri Phương", "Phan Đình Phùng", "Cù Chính Lan", "La Văn Cầu",
)
FLOWERS = (  # kindergarten names
    "Hoa Sen", "Hoa Mai", "Hoa Hồng", "Sơn Ca", "Họa Mi", "Vành Khuyên", "Sao Mai", "Bình Minh", "Tuổi Thơ",
    "Hướng Dương", "Búp Sen Xanh", "Ánh Dương", "Măng Non", "Hoa Phượng", "Thỏ Ngọc", "Hoa Ban", "Sao Sáng",
    "Hoa Lan", "Hoa Cúc", "Tuổi Ngọc",
)
SYLLABLES = (
    "Tân", "Phú", "An", "Bình", "Hòa", "Xuân", "Thạnh", "Long", "Thành", "Đông", "Tây", "Nam", "Bắc", "Trung",
    "Mỹ", "Phước", "Hưng", "Thịnh", "Lộc", "Vĩnh", "Quang", "Minh", "Đức", "Thuận", "Hiệp", "Lợi", "Sơn",
    "Hải", "Giang", "Hồng", "Ngọc", "Đại", "Tiến", "Thắng", "Lâm", "Cẩm", "Yên", "Định", "Khánh", "Phong",
    "Tường", "Thanh", "Nghĩa", "Lạc", "Châu", "Hiếu", "Quảng", "Diễn", "Kỳ", "Liên",
)
COMMUNE_KINDS = (("Xã", 0.7), ("Phường", 0.22), ("Thị trấn", 0.08))
QUARTERS = ("I", "II", "III", "IV")
ITEMS = (
    "Phòng học bộ môn", "Nhà vệ sinh", "Nhà hiệu bộ", "Thư viện", "Nhà ăn", "Thiết bị dạy học",
    "Sửa chữa chống xuống cấp", "Cải tạo sân chơi, bãi tập", "Phòng học", "Tường rào, cổng trường",
    "Nhà đa năng", "Bếp ăn bán trú", "Trang thiết bị phòng tin học", "Phòng học ngoại ngữ", "Cây xanh, sân vườn",
)
SOURCE_KEYS = ("province", "district", "commune", "social", "other")
SOURCE_WEIGHTS = (0.3, 0.4, 0.1, 0.15, 0.05)
LEADS = ("Phòng GD&ĐT", "UBND huyện", "Phòng Tài chính - Kế hoạch", "Ban QLDA đầu tư xây dựng",
         "UBND các xã, thị trấn")
PARTNERS = ("Các trường", "UBND các xã, thị trấn", "Phòng Tài chính - Kế hoạch", "Phòng GD&ĐT",
            "Ban đại diện cha mẹ học sinh", "Phòng Kinh tế - Hạ tầng")


def strip_marks(text: str) -> str:
    """"Tân Phú" → "Tan Phu": the slip of a keyboard without Vietnamese input."""
    stripped = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped.replace("đ", "d").replace("Đ", "D"))


def fold(text: str) -> str:
    """Names equal under this key would be read as one school."""
    return strip_marks(text).lower()


def _pick(rng: random.Random, weighted: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([value for value, _ in weighted], [weight for _, weight in weighted])[0]


def _communes(rng: random.Random, count: int) -> list[str]:
    pairs = [f"{first} {second}" for first in SYLLABLES for second in SYLLABLES if first != second]
    rng.shuffle(pairs)
    return [f"{_pick(rng, COMMUNE_KINDS)} {pair}" for pair in pairs[:count]]


def _school_names(rng: random.Random, prefix: str, count: int, communes: list[str]) -> list[str]:
    """`count` names for one prefix, unique even without diacritics ("TH Tân Phú 2" after "TH Tân Phú")."""
    places = [commune.split(" ", 1)[1] if not commune.startswith("Thị trấn") else commune[len("Thị trấn "):]
              for commune in communes]
    bases = list(dict.fromkeys([*PEOPLE, *(FLOWERS if prefix == "MN" else ()), *places]))
    rng.shuffle(bases)
    names: list[str] = []
    seen: set[str] = set()
    number = 1
    while len(names) < count:
        for base in bases:
            name = f"{prefix} {base}" if number == 1 else f"{prefix} {base} {number}"
            if fold(name) in seen:
                continue
            seen.add(fold(name))
            names.append(name)
            if len(names) == count:
                break
        number += 1
    rng.shuffle(names)
    return names


def _schools(rng: random.Random, count: int, communes: list[str]) -> list[dict[str, object]]:
    prefix_of = rng.choices([p for p, _, _ in PREFIXES], [w for _, _, w in PREFIXES], k=count)
    per_prefix = Counter(prefix_of)
    pools = {prefix: _school_names(rng, prefix, per_prefix[prefix], communes) for prefix, _, _ in PREFIXES}
    levels = {prefix: level for prefix, level, _ in PREFIXES}
    schools = []
    for prefix in prefix_of:
        name = pools[prefix].pop()
        kind = _pick(rng, (("Công nhận mới", 0.35), ("Công nhận lại", 0.5), ("Nâng mức độ", 0.1),
                           ("Công nhận lại và nâng mức độ", 0.05)))
        if kind in ("Nâng mức độ", "Công nhận lại và nâng mức độ"):
            standard = 2
        else:
            standard = 2 if rng.random() < 0.25 else 1
        # Thông tư 17-19/2018: mức độ 1 needs cấp độ ≥ 2, mức độ 2 needs cấp độ ≥ 3.
        accreditation = standard + 1 + (1 if rng.random() < 0.15 else 0)
        pre_invested = "Đã đầu tư năm 2023" if rng.random() < 0.05 else None
        school = {
            "name": name, "level": levels[prefix], "commune": rng.choice(communes), "kind": kind,
            "standard_level": f"Mức độ {standard}", "accreditation_level": f"Cấp độ {accreditation}",
            "timing": f"Quý {rng.choice(QUARTERS)}/{PLAN_YEAR}", "pre_invested": pre_invested,
            "note": "Chỉ tiêu tỉnh giao" if rng.random() < 0.1 else None,
        }
        schools.append(school)
    return schools


def _amounts(rng: random.Random) -> dict[str, int]:
    """One budget line, in million VND, from one or two funding sources."""
    # dict.fromkeys, not set: a set's order changes with PYTHONHASHSEED, and so would the amounts drawn.
    sources = dict.fromkeys(rng.choices(SOURCE_KEYS, SOURCE_WEIGHTS, k=rng.choice((1, 1, 2))))
    return {key: rng.randrange(20, 3000, 5) for key in sources}


def _budget(rng: random.Random, schools: list[dict[str, object]]) -> tuple[list[dict], list[dict]]:
    budget_new: list[dict] = []
    budget_renew: list[dict] = []
    for school in schools:
        if school["pre_invested"]:
            continue
        target = budget_new if school["kind"] == "Công nhận mới" else budget_renew
        for item in rng.sample(ITEMS, rng.randint(1, 5)):  # 3 lines on average
            target.append({"name": school["name"], "item": item, **_amounts(rng),
                           "note": "Đối ứng của địa phương" if rng.random() < 0.03 else None})
    return budget_new, budget_renew


def _quarter_end(quarter: int) -> dt.date:
    month = 3 * quarter
    return dt.date(PLAN_YEAR, month, 30 if month in (6, 9) else 31)


def _tasks(rng: random.Random, schools: list[dict[str, object]], count: int) -> list[dict[str, object]]:
    """A timeline: monthly and quarterly tasks; some name schools, some a quarter or a group of schools."""
    in_quarter = Counter(str(school["timing"]) for school in schools)
    new_count = sum(1 for school in schools if school["kind"] == "Công nhận mới")
    renew_count = len(schools) - new_count
    tasks: list[dict[str, object]] = []
    for index in range(count):
        month = 1 + index * 12 // count
        quarter = (month - 1) // 3 + 1
        shape = index % 5
        if shape == 0:
            time_text = f"Tháng {month}/{PLAN_YEAR}"
            task = "Rà soát, đánh giá thực trạng cơ sở vật chất các trường"
            named, stated = "Các trường trong kế hoạch", len(schools)
        elif shape == 1:
            label = f"Quý {QUARTERS[quarter - 1]}/{PLAN_YEAR}"
            time_text = label
            task = f"Hoàn thiện hồ sơ tự đánh giá, đề nghị kiểm tra công nhận các trường {label}"
            named, stated = label, in_quarter[label]
        elif shape == 2:
            time_text = f"Tháng {month}/{PLAN_YEAR}"
            if index % 2:
                task = "Đầu tư cơ sở vật chất cho các trường công nhận mới"
                named, stated = "Các trường công nhận mới", new_count
            else:
                task = "Sửa chữa, bổ sung thiết bị cho các trường công nhận lại, nâng mức độ"
                named, stated = "Các trường công nhận lại", renew_count
        else:
            time_text = f"Tháng {month}/{PLAN_YEAR}"
            picked = rng.sample(schools, min(len(schools), rng.randint(2, 8)))
            task = rng.choice(("Kiểm tra tiến độ xây dựng, sửa chữa", "Tổ chức đoàn kiểm tra đánh giá ngoài",
                               "Bổ sung hồ sơ minh chứng", "Tập huấn công tác tự đánh giá",
                               "Đón đoàn kiểm tra công nhận của Sở GD&ĐT"))
            named, stated = "; ".join(str(school["name"]) for school in picked), len(picked)
        deadline = dt.date(PLAN_YEAR, month, 28) if shape != 1 else _quarter_end(quarter)
        done = index < count // 3
        doing = not done and index < count // 2
        tasks.append({
            "time": time_text, "task": task, "lead": rng.choice(LEADS), "partners": rng.choice(PARTNERS),
            "schools": named, "school_count": stated, "deadline": deadline,
            "status": "Hoàn thành" if done else ("Đang thực hiện" if doing else "Chưa thực hiện"),
            "done_date": deadline - dt.timedelta(days=rng.randint(0, 5)) if done else None,
            "note": None,
        })
    return tasks


def _summary(data: PlanData, schools: list[dict[str, object]]) -> None:
    """Targets, figures and batches as the plan would state them: equal to what the list gives."""
    target_of = {"Công nhận mới": "new", "Công nhận lại": "renew", "Nâng mức độ": "upgrade",
                 "Công nhận lại và nâng mức độ": "upgrade"}
    targets: dict[str, dict[str, object]] = {}
    for school in schools:
        per_level = targets.setdefault(str(school["level"]), {})
        key = target_of[str(school["kind"])]
        per_level[key] = int(per_level.get(key, 0)) + 1  # type: ignore[arg-type]
    data.targets = targets
    meta = data.meta
    new = [school for school in schools if school["kind"] == "Công nhận mới"]
    level2 = [school for school in schools if (school["kind"] == "Công nhận mới" and school["standard_level"] ==
                                                "Mức độ 2") or "nâng" in str(school["kind"]).lower()]
    year_end = int(meta["standard_at_start"]) + len(new)  # type: ignore[call-overload]
    sums = {key: sum(int(line.get(key) or 0) for line in [*data.budget_new, *data.budget_renew])
            for key in SOURCE_KEYS}
    budget_new = sum(int(line.get(key) or 0) for line in data.budget_new for key in SOURCE_KEYS)
    budget_renew = sum(int(line.get(key) or 0) for line in data.budget_renew for key in SOURCE_KEYS)
    data.figures = {
        "planned_total": len(schools), "year_end": year_end,
        "rate": round(year_end / int(meta["total_schools"]), 4),  # type: ignore[call-overload]
        "level2_year_end": int(meta["level2_at_start"]) + len(level2),  # type: ignore[call-overload]
        "funded_new": len({line["name"] for line in data.budget_new}),
        "funded_renew": len({line["name"] for line in data.budget_renew}),
        "budget_new": budget_new, "budget_renew": budget_renew, "budget_total": budget_new + budget_renew,
        **{f"source_{key}": value for key, value in sums.items()},
    }
    batches = []
    for quarter in QUARTERS:
        label = f"Quý {quarter}/{PLAN_YEAR}"
        members = [school for school in schools if school["timing"] == label]
        new_count = sum(1 for school in members if school["kind"] == "Công nhận mới")
        batches.append({"label": label, "new": new_count, "renew": len(members) - new_count,
                        "total": len(members)})
    data.batches = batches


def _plant_slips(rng: random.Random, data: PlanData) -> None:
    """A few slips of the kind real plans carry, so check and recalc have findings to write."""
    count = max(2, len(data.schools) // 500)
    lines = [*data.budget_new, *data.budget_renew]
    for line in rng.sample(lines, min(count, len(lines))):
        line["name"] = strip_marks(str(line["name"]))
    named_tasks = [task for task in data.tasks if ";" in str(task["schools"])]
    if named_tasks:
        task = rng.choice(named_tasks)
        first, *rest = str(task["schools"]).split("; ")
        task["schools"] = "; ".join([strip_marks(first), *rest])
    data.figures["budget_total"] = int(data.figures["budget_total"]) + 1  # type: ignore[call-overload]


def build_plan(schools: int, seed: int = DEFAULT_SEED, slips: bool = True, *, key: str = "",
               meta: dict[str, object] | None = None) -> PlanData:
    """A plan of `schools` rows; the same arguments give the same plan.

    `key` draws another plan of the same size (one per district of a national run); `meta` replaces
    Thông tin fields (unit, province, number, date…).
    """
    # Imported here so that bench/run.py can share this module's constants without loading the library:
    # its own memory is the floor of every child's peak RSS it measures.
    from chuanqg_xl.template import PlanData

    rng = random.Random(f"{seed}:{schools}{':' + key if key else ''}")
    communes = _communes(rng, max(20, min(2400, schools // 8)))
    school_rows = _schools(rng, schools, communes)
    budget_new, budget_renew = _budget(rng, school_rows)
    task_count = 24 if schools < 500 else 40
    total_schools = int(schools * 1.8) + 5
    meta_changes = meta or {}
    meta = {
        "unit": "UBND huyện Thử Nghiệm" if schools < 500 else "Sở GD&ĐT tỉnh Thử Nghiệm (tổng hợp)",
        "advisor": "Phòng Giáo dục và Đào tạo", "province": "Thử Nghiệm", "year": PLAN_YEAR,
        "period": "2021-2025", "number": "38/KH-UBND", "date": dt.date(PLAN_YEAR, 1, 15),
        "signer": "Nguyễn Văn An", "signer_title": "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
        "total_schools": total_schools, "standard_at_start": total_schools // 2,
        "level2_at_start": total_schools // 8, "money_unit": "triệu đồng",
    }
    meta.update(meta_changes)
    data = PlanData(meta=meta, schools=school_rows, budget_new=budget_new, budget_renew=budget_renew,
                    tasks=_tasks(rng, school_rows, task_count), blank_rows=0)
    _summary(data, school_rows)
    if slips:
        _plant_slips(rng, data)
    return data


# ---------------------------------------------------------------- the national run

NATIONAL_DISTRICTS = 700
NATIONAL_SCHOOLS = (60, 70)      # schools per district plan, as a province collects them
PROVINCES = (
    "Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hà Giang", "Cao Bằng", "Bắc Kạn", "Tuyên Quang",
    "Lào Cai", "Điện Biên", "Lai Châu", "Sơn La", "Yên Bái", "Hòa Bình", "Thái Nguyên", "Lạng Sơn", "Quảng Ninh",
    "Bắc Giang", "Phú Thọ", "Vĩnh Phúc", "Bắc Ninh", "Hải Dương", "Hưng Yên", "Thái Bình", "Hà Nam", "Nam Định",
    "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế", "Quảng Nam",
    "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai",
    "Đắk Lắk", "Đắk Nông", "Lâm Đồng", "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai", "Bà Rịa - Vũng Tàu",
    "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang",
    "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau",
)
UNIT_KINDS = (("huyện", 0.75), ("thị xã", 0.08), ("thành phố", 0.09), ("quận", 0.08))
# Real names that recur in the country: "Châu Thành" is a district of nine provinces. And two names that
# differ only by a diacritic and are two places.
SHARED_DISTRICT = ("Châu Thành", ("Tiền Giang", "Bến Tre", "Trà Vinh", "Đồng Tháp", "Kiên Giang", "Hậu Giang",
                                  "An Giang", "Long An", "Tây Ninh"))
DIACRITIC_PAIR = (("Cao Bằng", "Thạnh Sơn"), ("Nam Định", "Thanh Sơn"))
SLIP_SHARE = 0.3                 # districts whose plan carries the generator's slips (check finds errors)


def _slug(text: str) -> str:
    return "-".join(fold(text).replace("&", " ").split())


def national_districts(count: int = NATIONAL_DISTRICTS, seed: int = DEFAULT_SEED) -> list[dict[str, object]]:
    """The districts of a national run: province, unit, plan number and date, size, file name.

    Distinct districts never share (province, unit) nor (province, number, date). The last one is the
    first district sent a second time (same content, another file name), as happens when a province
    collects files by e-mail.
    """
    rng = random.Random(f"{seed}:national:{count}")
    fixed: list[tuple[str, str]] = [(province, SHARED_DISTRICT[0]) for province in SHARED_DISTRICT[1]]
    fixed += list(DIACRITIC_PAIR)
    names = [f"{first} {second}" for first in SYLLABLES for second in SYLLABLES if first != second]
    rng.shuffle(names)
    taken = {(province, name) for province, name in fixed}
    places = list(fixed)
    pool = iter(names)
    distinct = max(count - 1, 1)
    while len(places) < distinct:
        # Names are drawn from one pool: some recur in other provinces, as real district names do.
        name = next(pool) if rng.random() < 0.85 else rng.choice(names[:200])
        province = PROVINCES[len(places) % len(PROVINCES)]
        if (province, name) not in taken:
            taken.add((province, name))
            places.append((province, name))
    places = places[:distinct]
    rng.shuffle(places)
    stamps: set[tuple[str, str, dt.date]] = set()
    districts: list[dict[str, object]] = []
    for index, (province, name) in enumerate(places, start=1):
        kind = "huyện" if name == SHARED_DISTRICT[0] else _pick(rng, UNIT_KINDS)
        while True:
            number = f"{rng.randint(5, 250)}/KH-UBND"
            date = dt.date(PLAN_YEAR, rng.randint(1, 3), rng.randint(1, 28))
            if (province, number, date) not in stamps:
                stamps.add((province, number, date))
                break
        districts.append({
            "index": index, "province": province, "unit": f"UBND {kind} {name}", "number": number, "date": date,
            "schools": rng.randint(*NATIONAL_SCHOOLS), "slips": rng.random() < SLIP_SHARE,
            "file": f"{index:03d}-{_slug(province)}-{_slug(name)}.xlsx",
        })
    if count > 1:
        districts.append({**districts[0], "index": count, "file": f"{count:03d}-{districts[0]['file'][4:-5]}"
                                                                    f"-gui-lai.xlsx", "copy_of": districts[0]["file"]})
    return districts


def national_folder(out_dir: Path, count: int = NATIONAL_DISTRICTS, seed: int = DEFAULT_SEED) -> Path:
    return out_dir / f"national-{count}-s{seed}"


def _write_district(job: tuple[dict[str, object], str, int]) -> str:
    from chuanqg_xl.template import write_workbook

    district, folder, seed = job
    meta = {key: district[key] for key in ("unit", "province", "number", "date")}
    data = build_plan(int(district["schools"]), seed, bool(district["slips"]), key=str(district["file"]),
                      meta=meta)
    write_workbook(Path(folder) / str(district["file"]), data, derived=True, overwrite=True)
    return str(district["file"])


def generate_national(count: int = NATIONAL_DISTRICTS, out_dir: Path = OUT_DIR, seed: int = DEFAULT_SEED, *,
                      force: bool = False, jobs: int | None = None) -> Path:
    """Write (or reuse) the folder of `count` district workbooks; about 0.1 s a district on each core."""
    import multiprocessing
    import shutil

    folder = national_folder(out_dir, count, seed)
    done = folder / ".complete"
    if done.exists() and not force:
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    districts = national_districts(count, seed)
    originals = [(district, str(folder), seed) for district in districts if "copy_of" not in district]
    workers = jobs or os.cpu_count() or 1
    if workers > 1 and len(originals) > 1:
        with multiprocessing.get_context("spawn").Pool(workers) as pool:
            for _ in pool.imap_unordered(_write_district, originals, chunksize=4):
                pass
    else:
        for job in originals:
            _write_district(job)
    for district in districts:
        if "copy_of" in district:
            shutil.copyfile(folder / str(district["copy_of"]), folder / str(district["file"]))
    done.write_text(f"{count} districts, seed {seed}\n", encoding="utf-8")
    return folder


def workbook_path(out_dir: Path, schools: int, seed: int = DEFAULT_SEED) -> Path:
    return out_dir / f"plan-{schools}-s{seed}.xlsx"


def generate(schools: int, out_dir: Path = OUT_DIR, seed: int = DEFAULT_SEED, *, derived: bool = True,
             force: bool = False) -> Path:
    """Write (or reuse) the workbook of `schools` rows; derived cells filled as `recalc` would."""
    path = workbook_path(out_dir, schools, seed)
    if path.exists() and not force:
        return path
    from chuanqg_xl.template import write_workbook

    out_dir.mkdir(parents=True, exist_ok=True)
    write_workbook(path, build_plan(schools, seed), derived=derived, overwrite=True)
    return path


def parse_sizes(text: str) -> list[int]:
    sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    if not sizes or any(size < 1 for size in sizes):
        raise argparse.ArgumentTypeError(f"sizes must be positive integers: {text!r}")
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=parse_sizes, default=list(SIZES), help="comma-separated school counts")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="folder for the workbooks")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--no-derived", action="store_true", help="leave derived cells empty (faster)")
    parser.add_argument("--force", action="store_true", help="rewrite workbooks that already exist")
    parser.add_argument("--national", type=int, metavar="N", nargs="?", const=NATIONAL_DISTRICTS,
                        help=f"write N district plans ({NATIONAL_SCHOOLS[0]}-{NATIONAL_SCHOOLS[1]} schools each, "
                             f"default {NATIONAL_DISTRICTS}) into one folder instead of the sizes")
    args = parser.parse_args(argv)
    if args.national:
        start = time.perf_counter()
        folder = generate_national(args.national, args.out, args.seed, force=args.force)
        files = sorted(folder.glob("*.xlsx"))
        size = sum(path.stat().st_size for path in files)
        print(f"{folder}  {len(files)} files  {size / 2**20:.1f} MB  {time.perf_counter() - start:.1f} s", flush=True)
        return 0
    for size in args.sizes:
        start = time.perf_counter()
        path = generate(size, args.out, args.seed, derived=not args.no_derived, force=args.force)
        print(f"{path}  {path.stat().st_size / 2**20:.1f} MB  {time.perf_counter() - start:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
