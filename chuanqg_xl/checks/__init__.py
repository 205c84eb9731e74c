"""Checks: each yields findings from the plan model and the derived facts.

Checks never touch workbook cells; they read the model (which remembers
where every value came from) and `derive.Facts` (names resolved across
sections, what each derived cell should hold).
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator

from ..causes import order_by_cause
from ..derive import Facts, analyse
from ..model import Plan
from ..report import Finding, Report, sort_findings
from ..rules import rule
from .context import Context
from . import arithmetic, consistency, domain, values

Check = Callable[[Context], Iterator[Finding]]
CHECKS: tuple[Check, ...] = (*values.CHECKS, *arithmetic.CHECKS, *consistency.CHECKS, *domain.CHECKS)


def run_checks(plan: Plan, facts: Facts | None = None, *, lang: str = "vi",
               as_of: dt.date | None = None) -> list[Finding]:
    """All findings for a plan: likely causes first (in sheet order), each followed by its consequences."""
    facts = facts or analyse(plan, defer=True)   # these facts end here: their formulas only when a check reads one
    context = Context(plan, facts, lang, as_of)
    findings: list[Finding] = []
    for check in CHECKS:
        findings.extend(check(context))
    return order_by_cause(sort_findings(findings), facts)


def remaining_after_recalc(findings: list[Finding], facts: Facts | None = None) -> list[Finding]:
    """The findings a recalculated workbook still has: recalc fixes derived cells, nothing else.

    An error value (#REF!) in a derived cell goes too: recalc writes the cell's formula anew.
    """
    derived = {(item.sheet, item.cell) for item in facts.derived} if facts is not None else set()
    return [finding for finding in findings if not rule(finding.code).recalc_fixes
            and not (finding.name == "formula-error-value" and (finding.sheet, finding.cell) in derived)]


def check_plan(path: str | os.PathLike[str], *, lang: str = "vi", as_of: dt.date | None = None,
               plan_document: str | os.PathLike[str] | None = None) -> Report:
    """Read and check a workbook, or a plan written in Word; changes nothing. Raises PlanError for unusable files.

    The file's content decides: a Word document (.docx, or .doc through LibreOffice) is checked as the plan's
    text (`docplan`). With `plan_document`, the Word plan's statements are also held against the workbook.
    """
    from ..guard import word_kind
    from ..reader import read_plan

    if word_kind(path):
        from ..docplan.checks import check_document
        from ..errors import PlanError

        if plan_document is not None:
            raise PlanError("doc.plan_needs_workbook", path=path)
        return check_document(path, lang=lang)
    plan = read_plan(path)
    findings = run_checks(plan, lang=lang, as_of=as_of)
    if plan_document is not None:
        from ..docplan.compare import compare_plan

        return compare_plan(plan, findings, plan_document, lang=lang)
    return Report(str(path), findings, lang)
