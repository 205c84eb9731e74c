"""The tester's set: plans the seeds do not contain, slips planted in them, benign edits — recall and false alarms.

Every slip must give exactly its expected findings, each pointing at the paragraph or table row that holds the
expected text; every benign edit must give no finding and keep every statement understood. The figures are
printed (run with -s to see them) and the test fails below 100 % recall or above 0 false alarms.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from chuanqg_xl.docplan import read_document
from chuanqg_xl.docplan.checks import check_document
from chuanqg_xl.errors import PlanError
from chuanqg_xl.report import Finding

from .district import Case, Expect, Plan, write_plan
from .district_plans import PLANS

_PARAGRAPH = re.compile(r"^đoạn (\d+) ")
_ROW = re.compile(r"^bảng (\d+), dòng (\d+) ")
_PLACE = re.compile(r"(?:đoạn \d+|bảng \d+, dòng \d+) «[^»]*»")


def place_texts(path: Path) -> tuple[dict[int, str], dict[tuple[int, int], str]]:
    """The text of every paragraph (by number) and table row (by table and 1-based row) as the reader numbers them."""
    paragraphs: dict[int, str] = {}
    rows: dict[tuple[int, int], str] = {}
    for block in read_document(path).blocks:
        if hasattr(block, "rows"):
            for index, row in enumerate(block.rows):
                joined = " ".join(cell for cell in row if cell)
                if block.paragraphs:
                    paragraphs[block.paragraphs[index]] = joined
                else:
                    rows[(block.number, index + 1)] = joined
        else:
            paragraphs[block.number] = block.text
    return paragraphs, rows


def text_at(label: str, places: tuple[dict[int, str], dict[tuple[int, int], str]]) -> str:
    paragraphs, rows = places
    found = _PARAGRAPH.match(label)
    if found:
        return paragraphs.get(int(found.group(1)), "")
    found = _ROW.match(label)
    return rows.get((int(found.group(1)), int(found.group(2))), "") if found else ""


# findings about a name or a phrase: the quoted sentence must show it
_ABOUT = {"X009", "X010", "X013", "D009", "W006", "W002", "D010", "D003"}
_NAMED = re.compile(r"'([^']+)'")
_SENTENCE = re.compile(r"«([^»]*)»$")


def quote_misses(finding: Finding) -> str | None:
    """The name or phrase a finding is about, when its quoted sentence does not show it."""
    sentence = _SENTENCE.search(finding.message)
    if finding.code not in _ABOUT or sentence is None:
        return None
    named = _NAMED.search(finding.message) or re.search(r"\d{1,2}/\d{1,2}/\d{4}", finding.message)
    if named is None:
        return None
    about = named.group(named.lastindex or 0)
    # a date the report pads ('05/01/2025') may be written '5/01/2025'
    return None if about in sentence.group(1) or about.lstrip("0") in sentence.group(1) else about


@dataclass
class Score:
    expected: int = 0
    caught: int = 0
    false_alarms: int = 0
    lost: int = 0
    problems: list[str] = field(default_factory=list)


def _match(findings: list[Finding], expects: tuple[Expect, ...], places) -> tuple[list[Expect], list[Finding]]:
    """Expectations without a finding, and findings no expectation accounts for."""
    left = list(findings)
    missing = []
    for expect in expects:
        hit = next((finding for finding in left if finding.code == expect.code
                    and expect.at in text_at(finding.sheet or "", places)), None)
        if hit is None:
            missing.append(expect)
        else:
            left.remove(hit)
    return missing, left


def understood(report) -> Counter:
    """What a report confirmed, places left out (a benign edit may renumber paragraphs)."""
    return Counter(_PLACE.sub("", item.what) for item in report.verified)


def run_case(plan: Plan, case: Case | None, folder: Path, score: Score, base=None):
    blocks = list(plan.blocks) if case is None else case.change(list(plan.blocks))
    name = plan.name if case is None else f"{plan.name}: {case.name}"
    path = write_plan(folder / f"{abs(hash(name))}.docx", blocks)
    if plan.refused:
        score.expected += 1
        try:
            check_document(path)
        except PlanError as error:
            if error.key == plan.refused:
                score.caught += 1
                return None
            score.problems.append(f"{name}: refused as {error.key}, not {plan.refused}")
            return None
        score.problems.append(f"{name}: checked as a plan, not refused as {plan.refused}")
        return None
    report = check_document(path)
    expects = plan.expected + (case.expect if case else ())
    missing, extra = _match(report.findings, expects, place_texts(path))
    if case is not None and case.expect:
        score.expected += len(case.expect)
        score.caught += len(case.expect) - len([item for item in missing if item in case.expect])
    score.false_alarms += len(extra)
    for finding in report.findings:
        unquoted = quote_misses(finding)
        if unquoted:
            score.problems.append(f"{name}: {finding.code}'s quote leaves out {unquoted!r}: {finding.message}")
    for expect in missing:
        score.problems.append(f"{name}: missing {expect.code} at «{expect.at}»")
    for finding in extra:
        score.problems.append(f"{name}: unexpected {finding.code} {finding.sheet}: {finding.message}")
    if base is not None and case is not None and not case.expect:
        lost = len(base.verified) - len(report.verified)
        if lost > 0:
            score.lost += lost
            gone = understood(base) - understood(report)
            score.problems.append(f"{name}: {lost} statement(s) no longer understood: {', '.join(gone)}")
    return report


def measure(folder: Path) -> tuple[Score, list[str]]:
    score = Score()
    lines = []
    for plan in PLANS:
        before = (score.expected, score.caught, score.false_alarms, score.lost)
        base = run_case(plan, None, folder, score)
        for case in (*plan.slips, *plan.benign):
            run_case(plan, case, folder, score, base)
        expected, caught, alarms, lost = (now - then for now, then in zip(
            (score.expected, score.caught, score.false_alarms, score.lost), before))
        lines.append(f"  {plan.name:18} {len(plan.slips):3} slips {len(plan.benign):3} benign   findings expected "
                     f"{expected:3}, caught {caught:3}   false alarms {alarms:2}   statements lost {lost:2}")
    return score, lines


def test_recall_and_false_alarms_over_the_tester_set(tmp_path: Path) -> None:
    score, lines = measure(tmp_path)
    recall = 100.0 * score.caught / score.expected if score.expected else 100.0
    slips = sum(len(plan.slips) for plan in PLANS)
    benign = sum(len(plan.benign) for plan in PLANS)
    print(f"\nTester's set: {len(PLANS)} documents, {slips} slips, {benign} benign edits")
    print("\n".join(lines))
    print(f"  recall {recall:.1f} % ({score.caught}/{score.expected}), false alarms {score.false_alarms}, "
          f"statements lost in benign edits {score.lost}")
    assert score.problems == [], "\n".join(score.problems)
    assert recall == 100.0 and score.false_alarms == 0 and score.lost == 0


@pytest.mark.parametrize("plan", [plan for plan in PLANS if not plan.refused], ids=lambda plan: plan.name)
def test_each_plan_as_written_gives_only_its_expected_findings(plan: Plan, tmp_path: Path) -> None:
    report = check_document(write_plan(tmp_path / f"{plan.name}.docx", list(plan.blocks)))
    assert [finding.code for finding in report.findings] == [expect.code for expect in plan.expected]
    assert report.verified, "a consistent plan still says what it confirmed"
