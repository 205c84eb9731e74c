"""How library results look on the page: findings by severity with causes first, figures side by side.

Pure functions from library objects (findings, the plan, export tables) to
plain data the templates show. No Flask here, so they are easy to test.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from .. import layout as L
from ..cells import parse_a1
from ..messages import MESSAGES, text
from ..normalize import clean_text, format_amount, shorten

if TYPE_CHECKING:
    from ..model import Plan
    from ..report import Finding

SEVERITIES = ("error", "warning", "info")
UNIT_WORDS = {"trường": "web.unit.schools", "triệu đồng": "web.unit.million", "đồng": "web.unit.dong"}
CONTEXT_KEYS = ("task", "name", "item")   # what names a row: a task, a school (and its budget item)
CONTEXT_LIMIT = 160


# ---------------------------------------------------------------- findings

@dataclass
class Item:
    finding: Finding
    context: str = ""                                      # the row the cell is in, shortened
    consequences: list[Item] = field(default_factory=list)

    @property
    def where(self) -> str:
        return self.finding.location()

    def rule_text(self, part: str, lang: str) -> str:
        """The rule's title or why it matters, from the catalogue (its code name when the rule is unknown)."""
        from ..rules import rule

        try:
            return rule(self.finding.code).text(part, lang)
        except KeyError:
            return self.finding.name if part == "title" else ""

    @property
    def worst(self) -> str:
        """The gravest severity of the finding and its consequences: the section it is listed in (a warning
        whose consequences are errors is listed with the errors, as their cause)."""
        found = [self.finding.severity, *(child.worst for child in self.consequences)]
        last = len(SEVERITIES) - 1   # a severity the page does not know is listed with the notes, never lost
        return SEVERITIES[min(SEVERITIES.index(severity) if severity in SEVERITIES else last for severity in found)]


@dataclass
class Section:
    severity: str
    items: list[Item]


def summary_line(findings: Iterable[Finding], lang: str) -> str:
    """'1 lỗi, 2 cảnh báo, 4 ghi chú' — only the severities present; a sentence when there are none."""
    counts = {severity: 0 for severity in SEVERITIES}
    for finding in findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    parts = [text(f"web.count.{severity}", lang, count=count, s="" if count == 1 else "s")
             for severity, count in counts.items() if count]
    return ", ".join(parts) if parts else text("web.no_findings", lang)


def _keys(finding: Finding, index: int) -> list[object]:
    """Every way issue-13 style `caused_by` might name this finding."""
    keys: list[object] = [index, (finding.code, finding.sheet, finding.cell)]
    ident = getattr(finding, "id", None)
    if ident is not None:
        keys.append(ident)
    where = finding.location()
    if where:
        keys += [where, f"{finding.code}@{where}", f"{finding.code} {where}"]
    return keys


def _cause_index(finding: Finding, lookup: dict[object, int], index: int) -> int | None:
    cause = getattr(finding, "caused_by", None)
    if cause is None or cause == "":
        return None
    if isinstance(cause, dict):
        cause = (cause.get("code"), cause.get("sheet"), cause.get("cell"))
    elif isinstance(cause, list):
        cause = tuple(cause)
    elif hasattr(cause, "code") and hasattr(cause, "sheet"):
        cause = (cause.code, cause.sheet, cause.cell)
    try:
        found = lookup.get(cause)
    except TypeError:   # an unhashable form nobody expected: show the finding on its own
        return None
    return None if found == index else found


def group_findings(findings: list[Finding], plan: Plan | None = None) -> list[Section]:
    """Errors, then warnings, then notes; a finding whose cause is known sits under its cause, and the cause
    is listed with the gravest of its consequences.

    The cause comes from a `caused_by` attribute (naming the other finding by
    index, (code, sheet, cell), 'Sheet!A1' or an id) or a shared `group` (its
    first finding is the cause). Findings without either are listed as they
    come, so the page works the same before and after findings carry causes.
    """
    lookup: dict[object, int] = {}
    for index, finding in enumerate(findings):
        for key in _keys(finding, index):
            lookup.setdefault(key, index)
    parent: dict[int, int] = {}
    first_of_group: dict[object, int] = {}
    for index, finding in enumerate(findings):
        cause = _cause_index(finding, lookup, index)
        group = getattr(finding, "group", None)
        if cause is None and group not in (None, ""):
            try:
                cause = first_of_group.setdefault(group, index)
            except TypeError:
                cause = None
            if cause == index:
                cause = None
        if cause is not None:
            parent[index] = cause
    _break_loops(parent)
    items = [Item(finding, row_context(plan, finding)) for finding in findings]

    def root(index: int) -> int:
        while index in parent:
            index = parent[index]
        return index

    tops: list[int] = []
    for index in range(len(findings)):
        top = root(index)
        if top == index:
            tops.append(index)
        else:
            items[top].consequences.append(items[index])
    sections = []
    for severity in SEVERITIES:
        chosen = [items[index] for index in tops if items[index].worst == severity]
        if chosen:
            sections.append(Section(severity, chosen))
    return sections


def _break_loops(parent: dict[int, int]) -> None:
    """Findings naming each other as causes: the first of the loop becomes the cause of the others."""
    for start in list(parent):
        path: list[int] = []
        index = start
        while index in parent and index not in path:
            path.append(index)
            index = parent[index]
        if index in path:
            del parent[min(path[path.index(index):])]


def row_context(plan: Plan | None, finding: Finding) -> str:
    """The text that names the finding's row (the task, the school, the budget item), to show beside it."""
    if plan is None or not finding.sheet or not finding.cell:
        return ""
    try:
        row, _ = parse_a1(finding.cell.split(":")[0])
    except ValueError:
        return ""
    for table in plan.tables():
        if table is None or table.sheet != finding.sheet or row not in table.row_values:
            continue
        parts = [clean_text(table.raw(row, key)) for key in CONTEXT_KEYS if table.raw(row, key) not in (None, "")]
        if parts:
            return shorten(" — ".join(parts), CONTEXT_LIMIT)
    return ""


# ---------------------------------------------------------------- figures (Tổng hợp)

@dataclass
class FigureRow:
    label: str
    unit: str
    stated: str
    computed: str
    differs: bool
    workbook_label: str = ""    # on the English page: the workbook's own (Vietnamese) label, to find it there


@dataclass
class BatchRow:
    label: str
    cells: list[tuple[str, str, bool]]    # (stated, computed, differs) for new, renew, total


@dataclass
class TargetRow:
    label: str
    cells: list[tuple[str, str, bool]]    # (assigned, planned, differs) per kind
    total: bool = False


@dataclass
class Figures:
    figures: list[FigureRow]
    batches: list[BatchRow]
    batch_headers: list[str]
    targets: list[TargetRow]
    target_headers: list[str]

    @property
    def empty(self) -> bool:
        return not (self.figures or self.batches or self.targets)


def format_value(value: object, kind: str, lang: str) -> str:
    """A figure as the plan writes it: 44.497, 61,40 %, 07 schools as 7."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return clean_text(value)
    if isinstance(value, float) and not math.isfinite(value):
        return "#NUM!"
    if kind == "percent":
        shown = f"{value * 100:.2f}"
        return (shown.replace(".", ",") if lang == "vi" else shown) + " %"
    return format_amount(value, lang)


def _pair(stated: object, computed: object, kind: str, lang: str) -> tuple[str, str, bool]:
    shown_stated = format_value(stated, kind, lang)
    shown_computed = format_value(computed, kind, lang)
    return shown_stated, shown_computed, bool(shown_stated and shown_computed and shown_stated != shown_computed)


def _words(key: str, lang: str, workbook: str) -> str:
    """The page's words for a label of the workbook: the workbook's own in Vietnamese, a translation in English
    where there is one (the workbook's word otherwise)."""
    if lang == "vi" or key not in MESSAGES:
        return workbook
    return text(key, lang)


def figures_view(tables: dict[str, object], lang: str) -> Figures:
    """The Tổng hợp figures from `export_tables.export_tables`: what the plan states next to what the tables give."""
    figures = []
    chosen = tables.get("chi-so")
    for row in getattr(chosen, "rows", []):
        kind = row.get("type") or "count"
        stated, computed, differs = _pair(row.get("stated"), row.get("computed"), kind, lang)
        if not stated and computed in ("", "0"):
            continue   # a funding source nobody uses, a figure the plan does not give
        workbook_label, unit = str(row.get("label", "")), str(row.get("unit", ""))
        label = _words(f"web.figure.{row.get('key')}", lang, workbook_label)
        figures.append(FigureRow(label, _words(UNIT_WORDS.get(unit, "-"), lang, unit), stated, computed, differs,
                                 workbook_label if label != workbook_label else ""))

    batches = []
    batch_table = tables.get("dot-quy")
    keys = ("new", "renew", "total")
    batch_kinds = {"renew": "renew_upgrade"}    # the batch table's column counts re-recognised and raised schools
    headers = {item.key: _words(f"web.figures.kind.{batch_kinds.get(item.key, item.key)}", lang, item.header)
               for item in getattr(batch_table, "fields", [])}
    for row in getattr(batch_table, "rows", []):
        batches.append(BatchRow(str(row.get("label", "")),
                                [_pair(row.get(f"stated_{key}"), row.get(key), "count", lang) for key in keys]))

    targets = []
    target_table = tables.get("tong-hop")
    target_headers: list[str] = []
    kinds: list[str] = []
    for item in getattr(target_table, "fields", []):
        if item.key.endswith("_assigned"):
            kind = item.key[: -len("_assigned")]
            kinds.append(kind)
            target_headers.append(_words(f"web.figures.kind.{kind}", lang, item.header.rsplit(" - ", 1)[0]))
    rows = list(getattr(target_table, "rows", []))
    used = [kind for kind in kinds if any(row.get(f"{kind}_assigned") or row.get(f"{kind}_planned") for row in rows)]
    for row in rows:
        cells = [_pair(row.get(f"{kind}_assigned"), row.get(f"{kind}_planned"), "count", lang) for kind in used]
        if not any(assigned not in ("", "0") or planned not in ("", "0") for assigned, planned, _ in cells):
            continue   # a school level the plan has nothing for
        total = row.get("level") == L.TOTAL_LABEL
        label = _words("web.figures.total_row", lang, L.TOTAL_LABEL) if total else str(row.get("level", ""))
        targets.append(TargetRow(label, cells, total=total))
    target_headers = [header for kind, header in zip(kinds, target_headers) if kind in used]
    return Figures(figures, batches, [headers.get(key, key) for key in keys], targets, target_headers)
