"""Worker processes: every item answered once, a dead worker is its item's problem, never the run's."""
from __future__ import annotations

import os
import signal
import sys
import types

import pytest

from chuanqg_xl.workers import Died, Raised, run_each


def square(value: int) -> int:
    return value * value


def misbehave(value: str) -> str:
    if value == "kill":
        os.kill(os.getpid(), signal.SIGKILL)   # as the system's out-of-memory killer would
    if value == "abort":
        os.abort()                             # as a library that gives up on an allocation does
    if value == "raise":
        raise ValueError("hỏng")
    return value.upper()


def allocate(mebibytes: int) -> int:
    return len(bytearray(mebibytes * 2**20))


def test_one_process_runs_in_order() -> None:
    assert list(run_each(square, [1, 2, 3], 1)) == [(0, 1), (1, 4), (2, 9)]


def test_every_item_is_answered_once_by_the_workers() -> None:
    items = list(range(40))
    results = dict(run_each(square, items, 2))
    assert results == {index: index * index for index in items}


def test_a_killed_worker_is_its_items_problem_and_the_run_goes_on() -> None:
    items = ["a", "kill", "b", "c", "abort", "d", "raise", "e", "f"]
    results = dict(run_each(misbehave, items, 2))
    assert results[1] == Died(-signal.SIGKILL) and results[1].describe() == "SIGKILL"
    assert results[4] == Died(-signal.SIGABRT)
    assert results[6] == Raised("ValueError: hỏng")
    assert {index: value for index, value in results.items() if isinstance(value, str)} == {
        0: "A", 2: "B", 3: "C", 5: "D", 7: "E", 8: "F"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_DATA is a Linux limit")
def test_a_worker_cannot_take_more_memory_than_its_limit() -> None:
    results = dict(run_each(allocate, [4, 400], 2, memory_limit=200 * 2**20))
    assert results[0] == 4 * 2**20
    # Python raises MemoryError; a library that cannot allocate aborts the worker instead. Either is the item's.
    assert isinstance(results[1], Died) or (isinstance(results[1], Raised) and "MemoryError" in results[1].detail)


def test_workers_that_cannot_start_leave_the_work_to_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """A function the workers cannot import (here: a module only this process has) kills them while they
    start, before any item is theirs: no item is blamed, the items run here instead."""
    module = types.ModuleType("chuanqg_only_here")

    def triple(value: int) -> int:
        return value * 3

    triple.__module__ = module.__name__
    triple.__qualname__ = "triple"
    module.triple = triple  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    assert dict(run_each(triple, [1, 2, 3, 4], 2)) == {0: 3, 1: 6, 2: 9, 3: 12}
