"""Findings as the page lists them (causes first, consequences under them) and figures side by side."""
from __future__ import annotations

from chuanqg_xl.reader import read_plan
from chuanqg_xl.records import record
from chuanqg_xl.report import Finding
from chuanqg_xl.web.present import figures_view, format_value, group_findings, row_context, summary_line
from webtools import SAMPLES


def finding(code: str, severity: str, sheet: str | None = "Tiến độ", cell: str | None = "F24") -> Finding:
    return Finding(code, code.lower(), severity, sheet, cell, f"message {code}", f"hint {code}")


@record(frozen=True)
class Caused(Finding):
    """A finding as issue 13 may make it: naming its likely cause, or a group."""

    caused_by: object = None
    group: object = None


def caused(code: str, severity: str, cell: str, cause: object = None, group: object = None) -> Caused:
    return Caused(code, code.lower(), severity, "Tiến độ", cell, f"message {code}", "", None, None, cause, group=group)


def shape(sections) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    return [(section.severity, [(item.finding.code, [child.finding.code for child in item.consequences])
                                for item in section.items]) for section in sections]


def test_errors_then_warnings_then_notes() -> None:
    findings = [finding("I1", "info"), finding("W1", "warning"), finding("E1", "error"), finding("W2", "warning")]
    assert shape(group_findings(findings)) == [("error", [("E1", [])]), ("warning", [("W1", []), ("W2", [])]),
                                               ("info", [("I1", [])])]


def test_summary_line() -> None:
    findings = [finding("E1", "error"), finding("W1", "warning"), finding("W2", "warning")]
    assert summary_line(findings, "vi") == "1 lỗi, 2 cảnh báo"
    assert summary_line(findings, "en") == "1 error, 2 warnings"
    assert summary_line([], "vi") == "Không phát hiện vấn đề nào"


def test_consequences_sit_under_their_cause_whatever_form_caused_by_takes() -> None:
    cause = caused("A", "warning", "B5")
    for reference in (0, ("A", "Tiến độ", "B5"), "Tiến độ!B5", "A@Tiến độ!B5", cause,
                      {"code": "A", "sheet": "Tiến độ", "cell": "B5"}, ["A", "Tiến độ", "B5"]):
        findings = [cause, caused("B", "error", "C9", reference), caused("C", "info", "D1", reference)]
        # The cause comes first, its consequences under it; listed with the gravest of them (the error).
        assert shape(group_findings(findings)) == [("error", [("A", ["B", "C"])])], reference


def test_chains_go_under_the_first_cause_and_loops_do_not_hang() -> None:
    chain = [caused("A", "error", "A1"), caused("B", "error", "B1", 0), caused("C", "error", "C1", 1)]
    assert shape(group_findings(chain)) == [("error", [("A", ["B", "C"])])]
    loop = [caused("A", "error", "A1", 1), caused("B", "error", "B1", 2), caused("C", "error", "C1", 0)]
    assert shape(group_findings(loop)) == [("error", [("A", ["B", "C"])])]   # nothing lost in a loop


def test_a_shared_group_puts_its_first_finding_first() -> None:
    findings = [caused("A", "error", "A1", group="g1"), caused("B", "warning", "B1", group="g1"),
                caused("C", "warning", "C1", group="g2"), caused("D", "info", "D1")]
    assert shape(group_findings(findings)) == [("error", [("A", ["B"])]), ("warning", [("C", [])]),
                                               ("info", [("D", [])])]
    unknown = [caused("A", "fatal", "A1"), caused("B", "info", "B1")]     # a severity the page does not know
    assert shape(group_findings(unknown)) == [("info", [("A", []), ("B", [])])]


def test_an_unknown_cause_leaves_the_finding_where_it_is() -> None:
    findings = [caused("A", "error", "A1", "Nowhere!Z9"), caused("B", "error", "B1", {"unhashable": []})]
    assert shape(group_findings(findings)) == [("error", [("A", []), ("B", [])])]


def test_row_context_names_the_row() -> None:
    plan = read_plan(SAMPLES / "hai-ba-trung-2023.xlsx")
    assert row_context(plan, finding("X008", "error", "Tiến độ", "F24")).startswith(
        "Tiếp tục hoàn thiện gói đầu tư tại 09 trường")
    assert row_context(plan, finding("X", "error", "PL1 - Danh sách trường", "B14")) == "TH Ngô Thị Nhậm"
    assert row_context(plan, finding("X", "note", "Tổng hợp", "C5")) == ""
    assert row_context(plan, finding("X", "note", None, None)) == ""
    budget = read_plan(SAMPLES / "kon-tum-2023.xlsx")
    line = budget.budget_lines["budget_new"][0]
    assert row_context(budget, finding("X", "error", line.sheet, line.cell("item"))) == \
        f"{line.raw('name')} — {line.raw('item')}"


def test_numbers_as_the_plan_writes_them() -> None:
    assert format_value(44497, "number", "vi") == "44.497"
    assert format_value(0.614035, "percent", "vi") == "61,40 %"
    assert format_value(0.614035, "percent", "en") == "61.40 %"
    assert format_value(None, "count", "vi") == "" and format_value(float("inf"), "count", "vi") == "#NUM!"


def test_figures_side_by_side() -> None:
    from chuanqg_xl.export_tables import export_tables

    plan = read_plan(SAMPLES / "kon-tum-2023.xlsx")
    view = figures_view(export_tables(plan), "vi")
    rows = {row.label: (row.stated, row.computed, row.differs) for row in view.figures}
    assert rows["Tổng kinh phí"] == ("44.497", "44.497", False)
    assert rows["Tỉ lệ trường đạt chuẩn cuối năm"] == ("61,40 %", "61,40 %", False)
    assert "Trong đó: Ngân sách xã" not in rows          # nobody uses it: left out
    levels = [row.label for row in view.targets]
    assert levels[-1] == "Tổng cộng" and view.targets[-1].total
