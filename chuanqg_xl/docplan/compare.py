"""The Word plan held against its workbook (`check ke-hoach.xlsx --plan ke-hoach.docx`).

Every count, amount, rate, school, batch and deadline the text states is
looked up in the workbook: confirmed, or contradicted with both places named
(the workbook's sheet and cell where there is one, the Word paragraph or
table row in the message). Findings sit on the workbook, like every other
finding of `check ke-hoach.xlsx`.
"""
from __future__ import annotations

import datetime as dt
import os
import re

from .. import layout as L
from ..derive import analyse, sheet_number
from ..matching import SchoolIndex
from ..messages import text
from ..model import Plan, School
from ..normalize import clean_text, fold, format_amount, format_date
from ..records import replace
from ..report import Finding, gravest_first, make_finding, sort_findings
from .checks import DocReport, Verified, roster
from .facts import NEW, RENEW, UPGRADE, DocPlan, kind_group
from .source import Where

_KIND_OF_WORKBOOK = {L.KIND_NEW: NEW, L.KIND_RENEW: RENEW, L.KIND_UPGRADE: UPGRADE, L.KIND_RENEW_UPGRADE: RENEW}


class _Comparison:
    def __init__(self, plan: Plan, doc: DocPlan, lang: str) -> None:
        self.plan = plan
        self.doc = doc
        self.lang = lang
        self.findings: list[Finding] = []
        self.verified: list[Verified] = []
        self.index = SchoolIndex(plan.schools)
        self.facts = analyse(plan)

    def n(self, value: float | int | None) -> str:
        if value is None:
            return "—"
        if isinstance(value, int) and 0 <= value < 100:
            return f"{value:02d}"
        return format_amount(value, self.lang)

    def kind(self, kind: str | None) -> str:
        return text({NEW: "doc.kind.new", RENEW: "doc.kind.renew", UPGRADE: "doc.kind.upgrade"}.get(
            kind or "", "doc.kind.all"), self.lang)

    def differ(self, rule: str, variant: str, where: Where, sheet: str | None, cell: str | None, sentence: str,
               expected: object, actual: object, **params: object) -> None:
        word = where.label(self.lang)
        finding = make_finding(rule, sheet, cell, self.lang, variant, expected=expected, actual=actual, word=word,
                               **params)
        message = finding.message + (text("doc.sentence", self.lang, sentence=sentence) if sentence else "")
        self.findings.append(replace(finding, message=message, word=word))   # both places, for a page

    def agree(self, where: Where, what: str, sentence: str = "") -> None:
        self.verified.append(Verified(where, text("doc.ok.workbook", self.lang, what=what), sentence))

    def figure(self, label: str, stated: float | int, computed: float | int | None, where: Where, sentence: str,
               sheet: str | None = None, cell: str | None = None) -> None:
        """One figure of the text against the workbook's."""
        if computed is None:
            return
        if abs(float(stated) - float(computed)) < 0.0005:
            self.agree(where, f"{label}: {self.n(stated)}", sentence)
        else:
            self.differ("stated-figure-mismatch", "doc_workbook", where, sheet or L.SCHOOLS.name, cell, sentence,
                        expected=computed, actual=stated, label=label, stated=self.n(stated),
                        computed=self.n(computed))


# ---------------------------------------------------------------- what the workbook holds

def _schools_of(plan: Plan, kind: str | None = None, period=None, level: str | None = None) -> list[School]:
    out = []
    for school in plan.schools:
        school_kind = kind_group(_KIND_OF_WORKBOOK.get(school.kind or ""))
        if school_kind is None:
            continue
        if kind is not None and school_kind != kind:
            continue
        if period is not None and not (school.period and school.period.same_as(period)):
            continue
        if level is not None and school.level != level:
            continue
        out.append(school)
    return out


def _budget_total(plan: Plan, key: str | None = None) -> float | None:
    tables = [key] if key else list(plan.budget_lines)
    lines = [line for table in tables for line in plan.budget_lines.get(table, [])]
    if not lines:
        return None
    return sum(sheet_number(line.raw(source)) for line in lines for source in L.SOURCE_KEYS)


# ---------------------------------------------------------------- the comparisons

def _meta(cmp: _Comparison) -> None:
    header, meta = cmp.doc.header, cmp.plan.meta
    checks = (
        ("year", header.year, meta.year, header.year_where),
        ("number", None if header.draft else header.number, meta.get("number"), header.number_where),
        ("date", header.date, meta.get("date"), header.date_where),
        ("unit", header.unit, meta.get("unit"), header.unit_where),
        ("signer", header.signer, meta.get("signer"), header.signer_where),
    )
    for key, stated, held, where in checks:
        if stated in (None, "") or held in (None, "") or where is None:
            continue
        label = text(f"doc.label.meta_{key}", cmp.lang,
                     workbook=next(info.label for info in L.INFO_FIELDS if info.key == key))
        if key == "unit":
            same = same_unit(stated, held)   # 'UBND TP. Kon Tum' is 'Ủy ban nhân dân thành phố Kon Tum'
        elif isinstance(stated, str):
            same = fold(stated).replace(" ", "") == fold(str(held)).replace(" ", "")
        else:
            same = stated == held
        shown = format_date(stated) if isinstance(stated, dt.date) else str(stated)
        held_shown = format_date(held) if isinstance(held, dt.date) else str(held)
        if same:
            cmp.agree(where, f"{label}: {shown}")
        else:
            ref = meta.ref(key)
            cmp.differ("stated-figure-mismatch", "doc_meta", where, ref.sheet if ref else L.INFO_NAME,
                       ref.a1 if ref else None, "", expected=held_shown, actual=shown, label=label, stated=shown,
                       held=held_shown)


def _counts(cmp: _Comparison) -> None:
    from .checks import _period_parts, kind_sources   # the same reading of the text as the document checks

    doc, plan = cmp.doc, cmp.plan
    for kind, found in kind_sources(doc).items():
        first = found[0]
        label = text("doc.label.kind_count", cmp.lang, kind=cmp.kind(kind)) if kind else \
            text("doc.label.all_count", cmp.lang)
        cmp.figure(label, first.value, len(_schools_of(plan, kind)), first.where,
                   first.count.sentence if first.count else "")
    for count in doc.counts:
        if count.period is None:
            continue
        cmp.figure(text("doc.label.period_count", cmp.lang, period=count.period.label()), count.value,
                   len(_schools_of(plan, period=count.period)), count.where, count.sentence,
                   *_batch_cell(plan, count.period, "total"))
    for part in _period_parts(doc):
        if part.period is not None and part.kind is not None:
            cmp.figure(text("doc.label.period_kind_count", cmp.lang, period=part.period.label(),
                            kind=cmp.kind(part.kind)), part.value,
                       len(_schools_of(plan, kind_group(part.kind), part.period)), part.where, part.sentence,
                       *_batch_cell(plan, part.period, "new" if part.kind == NEW else "renew"))
    for table in doc.level_tables:
        for level, kinds in table.rows.items():
            for kind, value in kinds.items():
                if kind in (NEW, RENEW, UPGRADE):
                    cmp.figure(text("doc.label.level_count", cmp.lang, level=level, kind=cmp.kind(kind)), value,
                               len(_schools_of(plan, kind_group(kind), level=level)), table.row_where[level], "")


def _batch_cell(plan: Plan, period, key: str) -> tuple[str, str | None]:
    """The row of 'Tổng hợp' that states a batch's figures, when the workbook has one; else the school list."""
    from ..cells import a1

    batches = plan.summary.batches
    if batches is not None:
        for row in batches.rows:
            if row.period is not None and row.period.same_as(period) and key in batches.stated_cols:
                return batches.sheet, a1(row.row, batches.stated_cols[key])
    return L.SCHOOLS.name, None


def _money_and_rates(cmp: _Comparison) -> None:
    doc, plan = cmp.doc, cmp.plan
    appendix = {NEW: ("budget_new", L.BUDGET_NEW.name), RENEW: ("budget_renew", L.BUDGET_RENEW.name)}
    for money in doc.money:
        if money.total:
            cmp.figure(text("doc.label.budget_total", cmp.lang), money.amount, _budget_total(plan), money.where,
                       money.sentence, L.BUDGET_NEW.name)
        for part in money.parts:
            key = appendix.get(kind_group(part.kind) or "")
            if key is None:
                continue
            cmp.figure(text("doc.label.budget_kind", cmp.lang, kind=cmp.kind(part.kind)), part.amount,
                       _budget_total(plan, key[0]), part.where, part.sentence, key[1])
            if part.schools is not None and plan.budget_lines.get(key[0]):
                funded = {id(school) for school in plan.schools if any(
                    line.table.spec.key == key[0] for line in cmp.facts.lines_for(school))}
                cmp.figure(text("doc.label.funded", cmp.lang, kind=cmp.kind(part.kind)), part.schools, len(funded),
                           part.where, part.sentence, key[1])
    total_schools = plan.meta.get("total_schools")
    year_end = plan.summary.figures.rows.get("year_end") if plan.summary.figures else None
    for rate in doc.rates:
        if rate.level2:
            continue
        if isinstance(total_schools, (int, float)):
            ref = plan.meta.ref("total_schools")
            cmp.figure(text("doc.label.total_schools", cmp.lang), rate.denominator, int(total_schools), rate.where,
                       rate.sentence, ref.sheet if ref else L.INFO_NAME, ref.a1 if ref else None)
        if year_end is not None and year_end.stated is not None:
            cmp.figure(text("doc.label.year_end", cmp.lang), rate.numerator, int(year_end.stated), rate.where,
                       rate.sentence, plan.summary.figures.sheet, f"B{year_end.row}")


def _names(cmp: _Comparison) -> None:
    doc, plan = cmp.doc, cmp.plan
    if not plan.schools:
        return
    named: set[int] = set()
    seen: set[str] = set()
    listed = roster(doc)
    for mention in doc.mentions:
        key = f"{mention.where.label(cmp.lang)}|{mention.text}"
        if key in seen:
            continue
        seen.add(key)
        match = cmp.index.resolve(mention.text)
        school = match.school
        if school is None:
            if match.how == "missing" and mention.role in ("list", "table"):
                cmp.differ("school-not-in-list", "doc_workbook", mention.where, L.SCHOOLS.name, None,
                           mention.sentence, expected=None, actual=mention.text, name=mention.text)
            continue
        named.add(id(school))
        cell = school.cell("name")
        if match.how == "variant":
            cmp.differ("school-name-variant", "doc_workbook", mention.where, school.sheet, cell, mention.sentence,
                       expected=school.name, actual=mention.text, name=mention.text, canonical=school.name,
                       row=school.row)
        workbook_kind = kind_group(_KIND_OF_WORKBOOK.get(school.kind or ""))
        if mention.kind and workbook_kind and kind_group(mention.kind) != workbook_kind:
            cmp.differ("school-kind-differs", "doc_workbook", mention.where, school.sheet, school.cell("kind"),
                       mention.sentence, expected=school.kind, actual=cmp.kind(mention.kind), name=mention.text,
                       kind=cmp.kind(mention.kind), workbook=school.kind)
        if mention.period and school.period and not school.period.same_as(mention.period):
            cmp.differ("stated-figure-mismatch", "doc_school_period", mention.where, school.sheet,
                       school.cell("timing"), mention.sentence, expected=school.timing, actual=mention.period.label(),
                       name=mention.text, stated=mention.period.label(), held=school.timing)
        if mention.standard_level and school.standard_level and mention.standard_level != school.standard_level:
            cmp.differ("stated-figure-mismatch", "doc_school_level", mention.where, school.sheet,
                       school.cell("standard_level"), mention.sentence, expected=school.standard_level,
                       actual=mention.standard_level, name=mention.text, stated=mention.standard_level,
                       held=school.standard_level)
    if listed:
        for school in plan.schools:
            if id(school) not in named and school.name:
                cmp.differ("school-missing-from-section", "workbook", listed[0].where, school.sheet,
                           school.cell("name"), "", expected=school.name, actual=None, name=school.name)
        matched = sum(1 for school in plan.schools if id(school) in named)
        cmp.agree(listed[0].where, text("doc.ok.names_in_workbook", cmp.lang, count=matched,
                                        total=len(plan.schools)))


def _tasks(cmp: _Comparison) -> None:
    doc, plan = cmp.doc, cmp.plan
    by_text: dict[str, list] = {}
    by_start: dict[str, list] = {}
    for task in plan.tasks:
        if task.task:
            by_text.setdefault(fold(task.task), []).append(task)
            by_start.setdefault(fold(task.task)[:60], []).append(task)
    for row in doc.tasks:
        # the same task: its words (case, accents and spacing aside), or a unique one starting alike
        found = by_text.get(fold(row.task)) or by_start.get(fold(row.task)[:60], [])
        if len(found) != 1:
            continue
        task = found[0]
        stated = next((count.value for count in row.counts), None)
        if stated is not None and task.school_count is not None and stated != task.school_count:
            cmp.differ("stated-figure-mismatch", "doc_task_count", row.where, task.sheet, task.cell("school_count"),
                       quote_task(row.task), expected=task.school_count, actual=stated, stated=cmp.n(stated),
                       held=cmp.n(task.school_count))
        if row.deadline and task.deadline and row.deadline != task.deadline:
            cmp.differ("stated-figure-mismatch", "doc_task_deadline", row.where, task.sheet, task.cell("deadline"),
                       quote_task(row.task), expected=task.deadline, actual=row.deadline, time=row.time,
                       stated=format_date(row.deadline), held=format_date(task.deadline))
        elif row.deadline and task.deadline:
            cmp.agree(row.where, text("doc.ok.deadline", cmp.lang, date=format_date(row.deadline)))


ANOTHER_UNIT_MIN_NAMES = 3   # schools the text must name before their presence in the workbook says anything
_UNIT_KINDS = {"thanh pho": "thanh pho", "tp": "thanh pho", "thi xa": "thi xa", "tx": "thi xa",
               "thi tran": "thi tran", "huyen": "huyen", "h": "huyen", "quan": "quan", "q": "quan", "tinh": "tinh"}
# The first kind word (as folded: 'TP.', 'Q.' lose their dot) and the place after it. The first, not the last:
# 'huyện Quan Hóa' is the place 'Quan Hóa'; the words before it are the office ('Phòng GD&ĐT quận …').
_UNIT_KIND = re.compile(r"(?:^| )(thanh pho|thi xa|thi tran|huyen|quan|tinh|tp|tx|h|q) (.+)$")


def unit_key(unit: object) -> tuple[str, str]:
    """(kind, place) of an issuing unit, as the text and the workbook may each write it: 'UBND TP. Kon Tum',
    'Ủy ban nhân dân thành phố Kon Tum', 'Phòng GD&ĐT thành phố Kon Tum' → ('thanh pho', 'kontum'). Kind ''
    when none is written ('UBND Kon Tum')."""
    key = fold(unit)
    found = _UNIT_KIND.search(key)
    if found is None:
        for prefix in ("uy ban nhan dan ", "ubnd "):
            key = key.removeprefix(prefix)
        return "", key.replace(" ", "")
    return _UNIT_KINDS[found.group(1)], found.group(2).replace(" ", "")


def same_unit(first: object, second: object) -> bool:
    """One unit, however each writes it; a kind left out on one side is not a difference."""
    (kind, place), (other_kind, other_place) = unit_key(first), unit_key(second)
    return place == other_place and (kind == other_kind or not kind or not other_kind)


def _another_unit(cmp: _Comparison) -> bool:
    """A Word plan of another unit given by mistake: its issuing unit names another place than the workbook's
    and, when it lists at least ANOTHER_UNIT_MIN_NAMES schools, fewer than half of them are in the workbook.
    Then one finding says so, instead of every figure differing on its own. A unit renamed (another name, the
    same schools) is compared as usual; so is a place spelt a letter or two apart (a slip, left to X011)."""
    from difflib import SequenceMatcher

    header, meta = cmp.doc.header, cmp.plan.meta
    unit = meta.get("unit")
    if not header.unit or not unit:
        return False
    place, held_place = unit_key(header.unit)[1], unit_key(unit)[1]
    if not place or not held_place or SequenceMatcher(None, place, held_place).ratio() >= 0.8:
        return False
    named = {fold(mention.text) for mention in cmp.doc.mentions if mention.role in ("list", "table")}
    found = sum(1 for name in named if cmp.index.resolve(name).school is not None)
    other = len(named) < ANOTHER_UNIT_MIN_NAMES or found * 2 < len(named)
    if other:
        ref = meta.ref("unit")
        word = header.unit_where.label(cmp.lang) if header.unit_where else ""
        finding = make_finding("plan-of-another-unit", ref.sheet if ref else L.INFO_NAME, ref.a1 if ref else None,
                               cmp.lang, "names" if named else None, expected=unit, actual=header.unit,
                               stated=header.unit, held=unit, year=header.year or "—", held_year=meta.year or "—",
                               found=found, named=len(named), word=word)
        cmp.findings.append(replace(finding, word=word or None))
    return other


def _key(finding: Finding) -> tuple:
    return finding.code, finding.sheet, finding.cell, finding.message


def quote_task(value: str) -> str:
    from .source import quote

    return quote(clean_text(value))


def compare_plan(plan: Plan, findings: list[Finding], plan_document: str | os.PathLike[str], *,
                 lang: str = "vi") -> DocReport:
    """The workbook's own findings plus the Word plan held against it."""
    from .reader import read_docplan

    doc = read_docplan(plan_document)
    cmp = _Comparison(plan, doc, lang)
    another = _another_unit(cmp)
    if not another:
        for step in (_meta, _counts, _money_and_rates, _names, _tasks):
            step(cmp)
    # The workbook's findings keep their order (each cause with its consequences); the text's are added by place,
    # and the gravest group leads, as in `check` of the workbook alone.
    seen = {_key(finding) for finding in findings}
    added = [finding for finding in sort_findings(cmp.findings) if _key(finding) not in seen]
    ordered = [*added, *findings] if another else [*findings, *added]   # the wrong file, before all else
    report = DocReport(plan.path, gravest_first(ordered), lang,
                       verified=sorted(cmp.verified, key=lambda item: item.where.sort_key()))
    return report
