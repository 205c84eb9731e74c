"""analyse(plan, defer=True): count formulas worked out when first read, and exactly the ones made at once."""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from chuanqg_xl import layout as L
from chuanqg_xl import listcount
from chuanqg_xl.checks import run_checks
from chuanqg_xl.derive import analyse
from chuanqg_xl.reader import read_plan
from chuanqg_xl.records import fields

SAMPLES = sorted((Path(__file__).parent.parent / "samples").glob("*.xlsx"))
SUM, PL1, PL2 = L.SUMMARY_NAME, L.SCHOOLS.name, L.BUDGET_NEW.name


def values(item: object) -> tuple:
    return tuple(getattr(item, name) for name in fields(item))


def plans(make_plan) -> list[Path]:
    # the samples, a plan as built, and one whose counts, budgets and figures are wrong or typed as constants
    return [*SAMPLES, make_plan(), make_plan(edits={(SUM, "G5"): 1, (SUM, "C6"): 3, (PL1, "J4"): 1500,
                                                    (L.TIMELINE.name, "G5"): 4, (PL2, "H6"): 900, (SUM, "D6"): "x"})]


def test_deferred_formulas_are_the_ones_made_at_once(make_plan) -> None:
    for path in plans(make_plan):
        plan = read_plan(path)
        now, later = analyse(plan), analyse(plan, defer=True)
        assert sum(1 for item in later.derived if type(item) is not type(now.derived[0])) > 5, path   # deferred
        assert [values(item) for item in later.derived] == [values(item) for item in now.derived], path


def test_checks_find_the_same_with_deferred_formulas(make_plan) -> None:
    for path in plans(make_plan):
        plan = read_plan(path)
        assert run_checks(plan, analyse(plan)) == run_checks(plan, analyse(plan, defer=True)), path
    found = {finding.name for finding in run_checks(read_plan(plans(make_plan)[-1]))}
    assert {"constant-in-derived-cell", "count-differs-from-list", "total-mismatch"} <= found   # read formulas


def test_a_deferred_formula_is_made_once_and_only_when_read(make_plan, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = read_plan(make_plan())
    made: list[object] = []
    original = listcount.ListCounter.formula

    def counting(self, rows, criteria):
        made.append(criteria)
        return original(self, rows, criteria)

    monkeypatch.setattr(listcount.ListCounter, "formula", counting)
    facts = analyse(plan, defer=True)
    assert made == []
    first = [item.formula for item in facts.derived]
    assert made and all(isinstance(formula, str) for formula in first if formula is not None)
    count = len(made)
    assert [item.formula for item in facts.derived] == first and len(made) == count   # kept, not made again
    item = next(item for item in facts.derived if item.formula and "COUNTIFS" in item.formula)
    copy = pickle.loads(pickle.dumps(item))
    assert copy == item and copy.formula == item.formula and "COUNTIFS" in repr(item)
