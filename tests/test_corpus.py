"""Detection quality over the generated corpus (tests/corpus.py): every slip found at its cell, the likely cause
listed first, no new error or warning on a near miss or a harmless edit. Prints the figures."""
from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from corpus import Case, all_cases, base_builders
from chuanqg_xl.checks import check_plan

ALARMS = ("error", "warning")


@pytest.fixture(scope="module")
def maybe_libreoffice(tmp_path_factory: pytest.TempPathFactory):
    """The session's LibreOffice converter, or None: the corpus then runs without the LibreOffice cases."""
    from conftest import Converter

    found = shutil.which("soffice") or shutil.which("libreoffice")
    return Converter(tmp_path_factory.mktemp("corpus-lo"), found) if found else None


def _evaluate(case: Case, folder: Path, bases: dict, converted: dict) -> dict:
    path = case.build(folder)
    if case.via:
        path = converted[(case.base, case.via)]
    report = check_plan(path)
    base = bases[case.base]
    base_cells = {(f.code, f.sheet, f.cell) for f in base.findings}
    alarms = [f for f in report.findings if f.severity in ALARMS or f.code == case.watch]
    if case.kind == "slip":
        new = [f for f in alarms if (f.code, f.sheet, f.cell) not in base_cells]
        first = next((f for f in report.findings if (f.code, f.sheet, f.cell) not in base_cells), None)
        return {"found": bool(new), "located": any((f.sheet, f.cell) in case.cells for f in new),
                "first": first is not None and (first.sheet, first.cell) in case.cells,
                "detail": [(f.code, f.sheet, f.cell) for f in new][:4]}
    before = Counter(f.code for f in base.findings if f.severity in ALARMS or f.code == case.watch)
    after = Counter(f.code for f in alarms)
    extra = {code: count - before[code] for code, count in after.items() if count > before[code]}
    return {"alarm": extra != case.expect, "detail": extra}


@pytest.mark.slow
def test_detection_quality(tmp_path: Path, maybe_libreoffice, capsys) -> None:
    cases = all_cases(maybe_libreoffice)
    bases = {}
    base_paths = {}
    for name, build in base_builders().items():
        folder = tmp_path / f"base-{name}"
        folder.mkdir()
        base_paths[name] = build(folder)
        bases[name] = check_plan(base_paths[name])
    converted = {}
    if maybe_libreoffice is not None:
        for fmt in sorted({case.via for case in cases if case.via}):
            names = sorted({case.base for case in cases if case.via == fmt})
            for name, path in zip(names, maybe_libreoffice.many([base_paths[name] for name in names], fmt)):
                converted[(name, fmt)] = path
    results = []
    for index, case in enumerate(cases):
        folder = tmp_path / f"case-{index}"
        folder.mkdir()
        results.append((case, _evaluate(case, folder, bases, converted)))
    slips = [(case, result) for case, result in results if case.kind == "slip"]
    others = [(case, result) for case, result in results if case.kind != "slip"]
    found = sum(result["found"] for _, result in slips)
    located = sum(result["located"] for _, result in slips)
    first = sum(result["first"] for _, result in slips)
    alarms = [(case, result) for case, result in others if result["alarm"]]
    with capsys.disabled():
        print(f"\ncorpus: {len(slips)} slips, {sum(c.kind == 'near' for c, _ in others)} near misses, "
              f"{sum(c.kind == 'harmless' for c, _ in others)} harmless edits"
              + ("" if maybe_libreoffice else " (LibreOffice absent: its cases left out)"))
        print(f"recall {100 * found / len(slips):.1f} %, located recall {100 * located / len(slips):.1f} %, "
              f"cause listed first {100 * first / len(slips):.1f} %, false alarms {len(alarms)}")
        for case, result in slips:
            if not (result["found"] and result["located"] and result["first"]):
                print(f"  slip {case.name}: found={result['found']} located={result['located']} "
                      f"first={result['first']} {result['detail']}")
        for case, result in alarms:
            print(f"  false alarm on {case.kind} '{case.name}': {result['detail']}")
    assert found == len(slips), "recall below 100 %"
    assert located == len(slips), "located recall below 100 %"
    assert not alarms, "false alarms"
    assert first >= 0.9 * len(slips), "the cause is not listed first often enough"
