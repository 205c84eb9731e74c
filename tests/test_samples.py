"""The five source plans as samples: end-to-end fixtures with reviewed findings.

samples/build.py writes each workbook from samples/data; samples/expected holds
the findings `check` must report, each read against the plan it comes from.
These tests keep the three in step and run the main job (recalc) on copies.
"""
from __future__ import annotations

import importlib.util
import json
import shutil
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from chuanqg_xl.checks import check_plan
from chuanqg_xl.model import Plan
from chuanqg_xl.reader import read_plan
from chuanqg_xl.recalc import recalc_plan
from chuanqg_xl.template import write_workbook

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED = SAMPLES / "expected"


def _load_build() -> ModuleType:
    """samples/build.py is a script, not part of the package: load it by path."""
    name = "chuanqg_xl_samples_build"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, SAMPLES / "build.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


BUILD = _load_build()
PLANS = {plan.FILE_NAME: plan for plan in BUILD.PLANS}
NAMES = sorted(PLANS)


def expected_findings(name: str) -> list[dict[str, object]]:
    with open(EXPECTED / name.replace(".xlsx", ".json"), encoding="utf-8") as handle:
        return json.load(handle)


def flat(findings) -> set[tuple[str, str | None, str | None]]:
    return {(f.code, f.sheet, f.cell) for f in findings}


def expected_flat(name: str) -> set[tuple[str, str | None, str | None]]:
    return {(item["code"], item["sheet"], item["cell"]) for item in expected_findings(name)}


def zip_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


# ---------------------------------------------------------------- the samples and their sources


def test_every_plan_has_a_sample_and_an_expected_file() -> None:
    assert NAMES == sorted(["kon-tum-2023.xlsx", "lai-chau-2024.xlsx", "huong-tra-2024.xlsx", "cao-loc-2024.xlsx",
                            "hai-ba-trung-2023.xlsx"])
    for name in NAMES:
        assert (SAMPLES / name).is_file(), name
        assert (EXPECTED / name.replace(".xlsx", ".json")).is_file(), name
    assert sorted(plan.SEED for plan in BUILD.PLANS) == ["000", "001", "002", "003", "004"]


def test_committed_samples_match_a_fresh_build(tmp_path: Path) -> None:
    written = BUILD.build_all(tmp_path)
    assert sorted(path.name for path in written) == NAMES
    for path in written:
        fresh, committed = zip_parts(path), zip_parts(SAMPLES / path.name)
        assert sorted(fresh) == sorted(committed), f"{path.name}: parts differ; run python samples/build.py"
        drifted = [part for part in fresh if fresh[part] != committed[part]]
        assert not drifted, f"{path.name}: {drifted} differ from samples/data; run python samples/build.py"


def test_expected_files_explain_every_finding() -> None:
    for name in NAMES:
        for item in expected_findings(name):
            assert set(item) == {"code", "sheet", "cell", "expected", "actual", "why"}, (name, item)
            # The reason quotes the plan, in Vietnamese (with its diacritics).
            why = str(item["why"])
            assert len(why) > 40 and any(ch in why for ch in "ạảấầậắằặẹếềệịọốồộớờợụứừựđ"), (name, item)


def test_every_budget_line_is_marked_illustrative() -> None:
    """No source plan gives budget lines (only totals or nothing): each line must say it is invented."""
    for plan in BUILD.PLANS:
        data = plan.build()
        for line in [*data.budget_new, *data.budget_renew]:
            assert "minh họa" in str(line.get("note", "")), (plan.FILE_NAME, line)


# ---------------------------------------------------------------- check


@pytest.mark.parametrize("name", NAMES)
def test_check_reports_exactly_the_reviewed_findings(name: str) -> None:
    report = check_plan(SAMPLES / name)
    assert flat(report.findings) == expected_flat(name)
    numbers = {(f.code, f.sheet, f.cell): (f.to_dict()["expected"], f.to_dict()["actual"]) for f in report.findings}
    for item in expected_findings(name):
        key = (item["code"], item["sheet"], item["cell"])
        assert numbers.get(key) == (item["expected"], item["actual"]), key


def test_hai_ba_trung_findings_name_the_plans_slips() -> None:
    report = check_plan(SAMPLES / "hai-ba-trung-2023.xlsx")
    by_cell = {f.cell: f for f in report.findings if f.sheet == "Tiến độ"}
    assert by_cell["F24"].code == "X008" and "9" in by_cell["F24"].message and "7" in by_cell["F24"].message
    assert "TH Ngô Thị Nhâm" in by_cell["E28"].message and "TH Ngô Thị Nhậm" in by_cell["E28"].message
    assert "MN Ngô Thị Nhâm" in by_cell["E32"].message and "MN Ngô Thị Nhậm" in by_cell["E32"].message
    assert report.exit_code == 1


def test_kon_tum_without_the_2022_mark_flags_the_unfunded_schools(tmp_path: Path) -> None:
    """06 schools in the targets, 02 + 02 funded: only the 'Đã đầu tư năm 2022' mark explains it."""
    data = PLANS["kon-tum-2023.xlsx"].build()
    for school in data.schools:
        school["pre_invested"] = ""
    path = write_workbook(tmp_path / "kon-tum.xlsx", data)
    flagged = {(f.code, f.cell) for f in check_plan(path).findings if f.code == "X005"}
    rows = {school["name"]: row for row, school in enumerate(data.schools, start=4)}
    assert flagged == {("X005", f"I{rows['TH Đặng Trần Côn']}"), ("X005", f"I{rows['TH Mạc Đĩnh Chi']}")}


# ---------------------------------------------------------------- recalc


def recalculated(name: str, tmp_path: Path) -> tuple[Path, Plan]:
    copy = tmp_path / name
    shutil.copyfile(SAMPLES / name, copy)
    recalc_plan(copy, backup=False)
    return copy, read_plan(copy)


def figure(plan: Plan, key: str) -> object:
    assert plan.summary.figures is not None
    return plan.summary.figures.rows[key].computed_raw


def batch_counts(plan: Plan) -> dict[str, tuple[object, object, object]]:
    assert plan.summary.batches is not None
    return {batch.label: (batch.computed_raw.get("new"), batch.computed_raw.get("renew"),
                          batch.computed_raw.get("total")) for batch in plan.summary.batches.rows}


def planned_totals(plan: Plan) -> dict[str, object]:
    assert plan.summary.targets is not None
    return plan.summary.targets.rows["total"].planned_raw


@pytest.mark.parametrize("name", NAMES)
def test_recalc_keeps_the_plans_real_inconsistencies(name: str, tmp_path: Path) -> None:
    copy, _ = recalculated(name, tmp_path)
    again = check_plan(copy)
    assert flat(again.findings) == expected_flat(name)


def test_recalc_kon_tum_totals(tmp_path: Path) -> None:
    _, plan = recalculated("kon-tum-2023.xlsx", tmp_path)
    assert plan.budget_tables["budget_new"].total_values["total"] == 31162
    assert plan.budget_tables["budget_renew"].total_values["total"] == 13335
    assert plan.school_table.total_values["budget"] == 44497
    assert figure(plan, "budget_total") == 44497
    assert figure(plan, "year_end") == 35
    assert figure(plan, "rate") == pytest.approx(35 / 57)
    assert (figure(plan, "funded_new"), figure(plan, "funded_renew")) == (2, 2)
    assert planned_totals(plan) == {"new": 3, "renew": 3, "upgrade": 0, "total": 6}


def test_recalc_lai_chau_totals(tmp_path: Path) -> None:
    _, plan = recalculated("lai-chau-2024.xlsx", tmp_path)
    assert figure(plan, "year_end") == 28
    assert figure(plan, "level2_year_end") == 19
    assert figure(plan, "rate") == 1
    assert batch_counts(plan) == {"Đợt 1 (tháng 3/2024)": (1, 5, 6), "Đợt 2 (tháng 9/2024)": (5, 2, 7)}
    assert planned_totals(plan)["new"] == 6


def test_recalc_huong_tra_totals(tmp_path: Path) -> None:
    _, plan = recalculated("huong-tra-2024.xlsx", tmp_path)
    assert planned_totals(plan) == {"new": 5, "renew": 15, "upgrade": 0, "total": 20}
    assert [school.stt for school in plan.schools] == list(range(1, 21))


def test_recalc_cao_loc_totals(tmp_path: Path) -> None:
    _, plan = recalculated("cao-loc-2024.xlsx", tmp_path)
    assert planned_totals(plan) == {"new": 2, "renew": 0, "upgrade": 0, "total": 2}
    # The illustrative lines: 3.200 + 4.500 + 850 + 300 + 2.800 + 900 + 250 + 150.
    assert plan.budget_tables["budget_new"].total_values["total"] == 12950
    assert figure(plan, "source_social") == 450
    assert [school.budget for school in plan.schools] == [8850, 4100]


def test_recalc_hai_ba_trung_totals(tmp_path: Path) -> None:
    _, plan = recalculated("hai-ba-trung-2023.xlsx", tmp_path)
    assert batch_counts(plan) == {"Quý III/2023": (2, 6, 8), "Quý IV/2023": (3, 4, 7)}
    assert planned_totals(plan) == {"new": 5, "renew": 10, "upgrade": 0, "total": 15}
    september = next(task for task in plan.tasks if "09 trường" in task.task)
    assert (september.school_count, september.raw("named_count")) == (9, 7)


def test_readme_main_job_shows_a_real_finding(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from chuanqg_xl.cli import main

    output = tmp_path / "hbt.xlsx"
    result = CliRunner().invoke(main, ["recalc", str(SAMPLES / "hai-ba-trung-2023.xlsx"), "-o", str(output)])
    assert result.exit_code == 1, result.output
    assert "Tiến độ!F24 X008" in result.output
    assert output.is_file()
