"""Shared fixtures: small standard workbooks built from rows, in tmp_path.

`base_data()` is a small plan in which every section agrees with every other
(check finds nothing). Rule tests start from it and change one thing, so a
finding can only come from that change.
"""
from __future__ import annotations

import copy
import re
import datetime as dt
import shutil
from pathlib import Path
from typing import Callable

import pytest

from chuanqg_xl.ooxml import CellWrite, Package, Worksheet
from chuanqg_xl.grid import ooxml_sheet_parts
from chuanqg_xl.template import PlanData, write_workbook


def base_data() -> PlanData:
    return PlanData(
        meta={
            "unit": "UBND quận Thử Nghiệm", "advisor": "Phòng Giáo dục và Đào tạo", "province": "Hà Nội",
            "year": 2023, "period": "2021-2025", "number": "12/KH-UBND", "date": dt.date(2023, 1, 10),
            "signer": "Nguyễn Văn A", "signer_title": "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
            "total_schools": 20, "standard_at_start": 10, "level2_at_start": 3, "money_unit": "triệu đồng",
        },
        targets={"Tiểu học": {"new": 1}, "THCS": {"renew": 1}, "Mầm non": {"upgrade": 1}},
        figures={"year_end": 11, "rate": 0.55, "level2_year_end": 4, "funded_new": 1, "funded_renew": 2,
                 "budget_new": 1500, "budget_renew": 700, "budget_total": 2200, "source_province": 1000,
                 "source_district": 1000, "source_commune": 0, "source_social": 200, "source_other": 0},
        batches=[{"label": "Quý III/2023", "new": 1, "renew": 1, "total": 2},
                 {"label": "Quý IV/2023", "new": 0, "renew": 1, "total": 1}],
        schools=[
            {"name": "TH Kim Đồng", "level": "Tiểu học", "commune": "Phường Một", "kind": "Công nhận mới",
             "standard_level": "Mức độ 1", "accreditation_level": "Cấp độ 2", "timing": "Quý III/2023"},
            {"name": "THCS Tây Sơn", "level": "THCS", "commune": "Phường Hai", "kind": "Công nhận lại",
             "standard_level": "Mức độ 2", "accreditation_level": "Cấp độ 3", "timing": "Quý III/2023"},
            {"name": "MN Hoa Sen", "level": "Mầm non", "commune": "Phường Ba", "kind": "Nâng mức độ",
             "standard_level": "Mức độ 2", "accreditation_level": "Cấp độ 3", "timing": "Quý IV/2023"},
        ],
        budget_new=[
            {"name": "TH Kim Đồng", "item": "Phòng học bộ môn", "province": 1000, "district": 300},
            {"name": "TH Kim Đồng", "item": "Nhà vệ sinh", "district": 200},
        ],
        budget_renew=[
            {"name": "THCS Tây Sơn", "item": "Sửa chữa chống xuống cấp", "district": 500},
            {"name": "MN Hoa Sen", "item": "Thiết bị", "social": 200},
        ],
        tasks=[
            {"time": "Tháng 1/2023", "task": "Rà soát điều kiện các trường", "lead": "Phòng GD&ĐT",
             "partners": "Các trường", "schools": "TH Kim Đồng; THCS Tây Sơn; MN Hoa Sen", "school_count": 3,
             "deadline": dt.date(2023, 1, 31), "status": "Hoàn thành", "done_date": dt.date(2023, 1, 30)},
            {"time": "Quý IV/2023", "task": "Đón đoàn kiểm tra công nhận", "lead": "Phòng GD&ĐT",
             "partners": "UBND quận", "schools": "Quý IV/2023", "school_count": 1,
             "deadline": dt.date(2023, 12, 15), "status": "Chưa thực hiện"},
        ],
    )


def sheet_part(path: Path, sheet: str) -> str:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return ooxml_sheet_parts(archive, path)[sheet]


def set_cells(path: Path, edits: dict[tuple[str, str], object]) -> None:
    """Overwrite cells of a workbook in place: numbers, text, None (empty), '=FORMULA' or ('=FORMULA', value)."""
    from chuanqg_xl.cells import parse_a1

    pkg = Package(path)
    by_sheet: dict[str, dict[tuple[int, int], CellWrite]] = {}
    errors: dict[str, dict[str, str]] = {}
    for (sheet, ref), value in edits.items():
        if isinstance(value, tuple) and isinstance(value[1], str):  # ("=FORMULA", "#REF!"): an error result
            write = CellWrite(value[0][1:], None)
            errors.setdefault(sheet, {})[ref] = value[1]
        elif isinstance(value, tuple):  # ("=FORMULA", cached value): as a spreadsheet program saved it
            write = CellWrite(value[0][1:], value[1])
        elif isinstance(value, str) and value.startswith("="):
            write = CellWrite(value[1:], None)
        elif isinstance(value, str):
            write = CellWrite(None, None, text=value)
        else:
            write = CellWrite(None, value)
        by_sheet.setdefault(sheet, {})[parse_a1(ref)] = write
    for sheet, cells in by_sheet.items():
        part = sheet_part(path, sheet)
        worksheet = Worksheet(pkg.read(part))
        worksheet.write_cells(cells)
        data = worksheet.bytes()
        for ref, error in errors.get(sheet, {}).items():
            data = re.sub(rf'<c r="{ref}"([^>]*)><f>(.*?)</f></c>'.encode(),
                          lambda m: b'<c r="' + ref.encode() + b'"' + m.group(1) + b' t="e"><f>' + m.group(2) + b"</f><v>"
                          + error.encode() + b"</v></c>", data)
        pkg.write(part, data)
    tmp = path.with_name(path.stem + ".edit.xlsx")
    pkg.save(tmp)
    tmp.replace(path)


MakePlan = Callable[..., Path]


@pytest.fixture
def make_plan(tmp_path: Path) -> MakePlan:
    """make_plan(change=fn(data), edits={(sheet, "B5"): value}, derived=True, name="plan.xlsx") -> path."""
    counter = {"n": 0}

    def build(change: Callable[[PlanData], None] | None = None, edits: dict | None = None, derived: bool = True,
              name: str | None = None) -> Path:
        data = copy.deepcopy(base_data())
        if change:
            change(data)
        counter["n"] += 1
        path = tmp_path / (name or f"plan{counter['n']}.xlsx")
        write_workbook(path, data, derived=derived, overwrite=True)
        if edits:
            set_cells(path, edits)
        return path

    return build


@pytest.fixture
def copy_of(tmp_path: Path) -> Callable[[Path], Path]:
    def copier(source: Path) -> Path:
        target = tmp_path / source.name
        shutil.copy2(source, target)
        return target

    return copier


def flat(path: Path, **options: object) -> list[tuple[str, str | None, str | None]]:
    """[(code, sheet, cell)] of a workbook's findings — the form rule tests assert."""
    from chuanqg_xl.checks import check_plan

    return check_plan(path, **options).flat()


def codes(path: Path, **options: object) -> set[str]:
    return {code for code, _, _ in flat(path, **options)}


# ---------------------------------------------------------------- LibreOffice conversions, cached per session

class Converter:
    """Workbooks saved again by LibreOffice (as .xlsx, .ods or .xls), as a user's spreadsheet program would.

    One conversion per (content, format) in a whole test session: several tests share the files. LibreOffice
    runs with a profile of its own, so it never hands the job to another soffice on the machine.
    """

    def __init__(self, folder: Path, soffice: str) -> None:
        self.folder = folder
        self.soffice = soffice
        self.cache: dict[tuple[str, str], Path] = {}

    def __call__(self, path: Path, fmt: str) -> Path:
        return self.many([path], fmt)[0]

    def many(self, paths: list[Path], fmt: str) -> list[Path]:
        """Each workbook converted to `fmt`; one LibreOffice start for all that are not cached yet."""
        import hashlib
        import subprocess

        keys = [(hashlib.sha256(path.read_bytes()).hexdigest()[:20], fmt) for path in paths]
        todo = {}
        for key, path in zip(keys, paths):
            if key not in self.cache and key not in todo:
                todo[key] = path
        if todo:
            work = self.folder / f"in-{len(self.cache)}-{fmt}"
            work.mkdir()
            sources = []
            for (digest, _), path in todo.items():
                source = work / f"{digest}{path.suffix}"
                shutil.copyfile(path, source)
                sources.append(source)
            out = self.folder / f"out-{len(self.cache)}-{fmt}"
            profile = (self.folder / "profile").as_uri()
            filters = {"xls": "xls:MS Excel 97", "ods": "ods", "xlsx": "xlsx:Calc MS Excel 2007 XML"}
            subprocess.run([self.soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                            "--convert-to", filters[fmt], "--outdir", str(out), *map(str, sources)],
                           check=True, capture_output=True, timeout=600)
            for key, source in zip(todo, sources):
                converted = out / f"{source.stem}.{fmt}"
                assert converted.is_file(), f"LibreOffice did not write {converted.name}"
                self.cache[key] = converted
        return [self.cache[key] for key in keys]


@pytest.fixture(scope="session")
def libreoffice(tmp_path_factory: pytest.TempPathFactory) -> Converter:
    """Saves workbooks through LibreOffice; skips the test (with the reason) where soffice is absent."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.skip("LibreOffice (soffice) is not installed: cannot save workbooks as .xlsx/.ods/.xls through it")
    return Converter(tmp_path_factory.mktemp("libreoffice"), found)
