"""How far `chuanqg-xl import ke-hoach.docx` agrees with the hand-made sample workbook, on what the plan states.

    python samples/plans/agreement.py          # one line per plan, then the overall figure

Compared, for each sample workbook in samples/: Thông tin (unit, advisor, province, year, number, date, signer and
title, schools in the unit, schools meeting the standard at the start when the plan says it), the targets by level
and kind, every stated figure, every batch or quarter (label, new, re-recognised, total), every school (name,
kind, level, mức độ, cấp độ, batch, commune, "đã đầu tư"), and for Hai Bà Trưng, whose timeline is a table in the
plan, every task (time, count of schools, deadline). Left out: what the sample marks "minh họa" (illustrative)
and what it derives rather than reads (the start-of-year counts computed from the year-end ones, the period of
the plan, which plans cite several of), the sample's budget lines (all illustrative), and the timelines the
samples paraphrase from prose (Kon Tum, Lai Châu, Hương Trà, Cao Lộc).
"""
from __future__ import annotations

import datetime as dt
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from chuanqg_xl.docplan.convert import import_document
from chuanqg_xl.normalize import fold, split_school_name
from chuanqg_xl.reader import read_plan

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent
NAMES = ("kon-tum-2023", "lai-chau-2024", "huong-tra-2024", "cao-loc-2024", "hai-ba-trung-2023")
META = ("unit", "advisor", "province", "year", "number", "date", "signer", "signer_title", "total_schools")
STATED_START = {"lai-chau-2024": ("standard_at_start",)}   # "duy trì … tại 22 trường"
TIMELINE_TABLES = ("hai-ba-trung-2023",)
MINH_HOA = "minh họa"
CENTRAL_CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ")   # cities that are provinces


@dataclass
class Agreement:
    name: str
    items: list[tuple[str, object, object]] = field(default_factory=list)   # (what, sample, imported)

    def add(self, what: str, expected: object, got: object) -> None:
        self.items.append((what, expected, got))

    @property
    def misses(self) -> list[tuple[str, object, object]]:
        return [item for item in self.items
                if not (_same_school if item[0].startswith("Trường ") and ":" not in item[0] else _same)(
                    item[1], item[2])]

    @property
    def matched(self) -> int:
        return len(self.items) - len(self.misses)


def _same_school(expected: object, got: object) -> bool:
    """One school, written with or without 'Trường' (the tone-mark placement aside)."""
    return got is not None and split_school_name(expected).exact_key == split_school_name(got).exact_key


def _same(expected: object, got: object) -> bool:
    if isinstance(expected, (int, float)) and isinstance(got, (int, float)):
        return abs(float(expected) - float(got)) < 1e-6
    if isinstance(expected, dt.date) or isinstance(got, dt.date):
        return expected == got
    return fold(str(expected or "")).replace(" ", "") == fold(str(got or "")).replace(" ", "")


def _illustrative(note: str, field_words: tuple[str, ...]) -> bool:
    """The sample's note says this field is illustrative ('Xã/phường, mức độ, cấp độ minh họa')."""
    key = fold(note)
    if fold(MINH_HOA) not in key:
        return False
    before = key.split(fold(MINH_HOA))[0] if key.count(fold(MINH_HOA)) == 1 else key
    return any(word in before for word in field_words)


def compare(name: str, imported_path: Path) -> Agreement:
    sample = read_plan(SAMPLES / f"{name}.xlsx")
    got = read_plan(imported_path)
    result = Agreement(name)
    text = _plan_text(name)
    for key in (*META, *STATED_START.get(name, ())):
        expected = sample.meta.get(key)
        if key == "province" and f"tỉnh {expected}" not in text and not (
                expected in CENTRAL_CITIES and f"thành phố {expected}" in text):
            continue   # the plan does not name its province (Cao Lộc), or only in a footnote (Kon Tum)
        if expected not in (None, ""):
            result.add(f"Thông tin: {key}", expected, got.meta.get(key))
    for level, row in (sample.summary.targets.rows.items() if sample.summary.targets else ()):
        if level == "total":
            continue
        theirs = got.summary.targets.rows.get(level) if got.summary.targets else None
        for kind, value in row.assigned.items():
            if value:
                result.add(f"Chỉ tiêu {level} {kind}", value, theirs.assigned.get(kind) if theirs else None)
    got_figures = got.summary.figures.rows if got.summary.figures else {}
    for key, row in (sample.summary.figures.rows.items() if sample.summary.figures else ()):
        if row.stated is not None and MINH_HOA not in fold(str(row.stated_raw)):
            result.add(f"Tổng hợp: {key}", row.stated, got_figures[key].stated if key in got_figures else None)
    got_batches = {fold(batch.label): batch for batch in (got.summary.batches.rows if got.summary.batches else ())}
    for batch in (sample.summary.batches.rows if sample.summary.batches else ()):
        theirs = got_batches.get(fold(batch.label))
        result.add(f"Đợt/quý {batch.label}", batch.label, theirs.label if theirs else None)
        for key, value in batch.stated.items():
            result.add(f"Đợt/quý {batch.label} {key}", value, theirs.stated.get(key) if theirs else None)
    by_key = {school.name_parts.exact_key: school for school in got.schools if school.name_parts}
    for school in sample.schools:
        note = school.note or ""
        if _illustrative(note, ("ten truong",)):
            continue
        theirs = by_key.get(school.name_parts.exact_key)
        result.add(f"Trường {school.name}", school.name, theirs.name if theirs else None)
        checks = (("kind", school.kind, ("hinh thuc",)), ("level", school.level, ()),
                  ("standard_level", school.standard_level, ("muc do",)),
                  ("accreditation_level", school.accreditation_level, ("cap do",)),
                  ("timing", school.period.label() if school.period else None, ("thoi gian",)),
                  ("commune", school.commune, ("xa phuong", "xa/phuong")),
                  ("pre_invested", school.pre_invested, ("da dau tu",)))
        for key, value, words in checks:
            if value in (None, "") or (words and _illustrative(note, words)):
                continue
            mine = getattr(theirs, key) if theirs else None
            if key == "timing" and theirs is not None:
                mine = theirs.period.label() if theirs.period else None
            result.add(f"Trường {school.name}: {key}", value, mine)
    if name in TIMELINE_TABLES:
        tasks = {fold(task.task): task for task in got.tasks}
        for task in sample.tasks:
            theirs = tasks.get(fold(task.task))
            result.add(f"Nhiệm vụ {task.row}", task.time, theirs.time if theirs else None)
            if task.school_count is not None:
                result.add(f"Nhiệm vụ {task.row}: số trường", task.school_count,
                           theirs.school_count if theirs else None)
            if task.deadline:
                result.add(f"Nhiệm vụ {task.row}: hạn", task.deadline, theirs.deadline if theirs else None)
    return result


def _plan_text(name: str) -> str:
    from chuanqg_xl.docplan import read_document

    document = read_document(HERE / f"{name}.docx")
    cells = [cell for table in document.tables for row in table.rows for cell in row]
    return "\n".join([*(paragraph.text for paragraph in document.paragraphs), *cells])


def measure(work: Path) -> list[Agreement]:
    results = []
    for name in NAMES:
        output = work / f"{name}.xlsx"
        import_document(HERE / f"{name}.docx", output, overwrite=True)
        results.append(compare(name, output))
    return results


def main() -> int:
    with tempfile.TemporaryDirectory() as work:
        results = measure(Path(work))
    total = sum(len(result.items) for result in results)
    matched = sum(result.matched for result in results)
    for result in results:
        print(f"{result.name}: {result.matched}/{len(result.items)}")
        for what, expected, got in result.misses:
            print(f"    {what}: sample {expected!r}, import {got!r}")
    print(f"overall: {matched}/{total} = {100 * matched / total:.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
