"""The likely cause first: consequences follow the finding that explains them (text, JSON, Kiểm tra)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from builders import grids_of
from chuanqg_xl import layout as L
from chuanqg_xl.checks import check_plan
from chuanqg_xl.cli import main
from chuanqg_xl.recalc import recalc_plan

SUM, PL1, PL2, TD = L.SUMMARY_NAME, L.SCHOOLS.name, L.BUDGET_NEW.name, L.TIMELINE.name


def test_an_amount_in_dong_comes_first_and_the_totals_it_breaks_follow(make_plan) -> None:
    report = check_plan(make_plan(lambda d: d.budget_new[1].update(district=2_800_000_000)))
    first, *rest = report.findings
    assert (first.code, first.sheet, first.cell, first.caused_by) == ("D011", PL2, "E5", None)
    assert rest and all(f.caused_by == ("D011", PL2, "E5") for f in rest)
    assert {f.code for f in rest} == {"X011"}


def test_a_kind_typed_wrong_in_the_list_explains_the_summary(make_plan) -> None:
    report = check_plan(make_plan(lambda d: d.schools[0].update(kind="Công nhận lại")))
    assert report.flat()[0] == ("X004", PL1, "E4")
    assert all(f.caused_by == ("X004", PL1, "E4") for f in report.findings[1:]) and len(report.findings) > 3


def test_deadlines_before_a_plan_date_of_the_wrong_year_are_its_consequences(make_plan) -> None:
    report = check_plan(make_plan(lambda d: d.meta.update(date=dt.date(2023, 12, 20))))
    assert {code for code, _, _ in report.flat()} == {"D010"}   # the same year: no D014, no cause to show
    assert all(f.caused_by is None for f in report.findings)
    report = check_plan(make_plan(lambda d: d.meta.update(date=dt.date(2024, 3, 1))))
    assert report.flat()[0][0] == "D014"
    assert [f.caused_by[0] for f in report.findings[1:] if f.code == "D010"] == ["D014"] * 2


def test_unrelated_findings_stay_in_place_order(make_plan) -> None:
    def change(data) -> None:
        data.schools[1]["accreditation_level"] = "Cấp độ 1"
        data.tasks[0]["task"] = "Rà soát điều kiện các trường đạt chuẩn quốc gia năm 2022"

    report = check_plan(make_plan(change))
    assert report.flat() == [("D001", PL1, "G5"), ("D009", TD, "B4")]
    assert all(f.caused_by is None for f in report.findings)


def test_the_gravest_group_comes_first_and_places_order_the_rest() -> None:
    """Hai Bà Trưng: the one error (Tiến độ F24) is listed before the warnings and the notes that sit above it."""
    from chuanqg_xl.report import SEVERITY_RANK

    report = check_plan(Path(__file__).parent.parent / "samples" / "hai-ba-trung-2023.xlsx")
    assert report.flat()[0] == ("X008", TD, "F24")
    ranks = [SEVERITY_RANK[f.severity] for f in report.findings if f.caused_by is None]
    assert ranks == sorted(ranks) and ranks[-1] > ranks[0]
    notes = [(f.sheet, f.cell) for f in report.findings if f.severity == "info"]
    assert notes == [(TD, "H4"), (TD, "H5"), (TD, "H6"), (SUM, "C5")]   # within a severity: sheet order


def test_json_and_text_show_the_cause(make_plan) -> None:
    path = make_plan(lambda d: d.budget_new[1].update(district=2_800_000_000))
    runner = CliRunner()
    data = json.loads(runner.invoke(main, ["check", str(path), "--format", "json"]).output)
    causes = [item["caused_by"] for item in data["findings"]]
    assert causes[0] is None and causes[1] == {"code": "D011", "sheet": PL2, "cell": "E5"}
    text = runner.invoke(main, ["check", str(path)]).output.splitlines()
    assert "D011" in text[0] and not text[0].startswith(" ") and text[1].startswith("  ↳ ")


def test_the_review_sheet_lists_consequences_under_their_cause(make_plan, tmp_path: Path) -> None:
    path = make_plan(lambda d: d.budget_new[1].update(district=2_800_000_000))
    result = recalc_plan(path, tmp_path / "out.xlsx")
    rows = grids_of(result.output)[L.REVIEW_NAME]
    codes = [row[0] for row in rows[5:] if row and row[0]]
    assert codes[:2] == ["D011", "X011"]
    assert rows[6][4].startswith("↳ Hệ quả của D011 ở PL2 - Kinh phí CN mới!E5")


def test_two_findings_each_reached_from_the_other_do_not_crash_the_ordering() -> None:
    """Two paired figures of one row, each found through the other's row (C20 and D20 both computed, D20 = C20 −
    B20): the first is the cause, the second its consequence, instead of a KeyError (a traceback in `check`)."""
    from types import SimpleNamespace

    from chuanqg_xl.causes import order_by_cause
    from chuanqg_xl.report import Finding

    def finding(cell: str) -> Finding:
        return Finding("X011", "stated-figure-mismatch", "error", SUM, cell, f"figure at {cell}", "")

    facts = SimpleNamespace(derived=[SimpleNamespace(sheet=SUM, row=20, col=3, formula="SUM(B20:B20)"),
                                     SimpleNamespace(sheet=SUM, row=20, col=4, formula="C20-B20")])
    ordered = order_by_cause([finding("C20"), finding("D20")], facts)   # type: ignore[arg-type]
    assert [(f.cell, f.caused_by) for f in ordered] == [("C20", None), ("D20", ("X011", SUM, "C20"))]
