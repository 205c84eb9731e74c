"""The Word plan → the standard workbook (`chuanqg-xl import ke-hoach.docx -o ke-hoach.xlsx`).

Thông tin from the header; targets by level from the level table, or counted
from the schools the plan names with their kind; the figures the text
states (planned schools, year-end count and rate, funded schools, budget
totals); batches and quarters with their counts; one row per school the plan
names (kind, level, mức độ and cấp độ from its note, batch from the section
that names it, "đã đầu tư" from an explanation); budget lines from appendix
tables; the timeline. Every value says where it came from, and what could
not be placed is listed — the import report, as for free-form workbooks.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import layout as L
from ..importer import ImportNote, ImportResult
from ..messages import text
from ..normalize import format_amount, split_school_name
from ..report import Finding
from .checks import kind_sources, roster, run_document_checks
from .facts import NEW, RENEW, UPGRADE, DocPlan, Mention, kind_group
from .source import Where
from .text import skeleton

_KIND_LABEL = {NEW: L.KIND_NEW, RENEW: L.KIND_RENEW, UPGRADE: L.KIND_UPGRADE}
_TARGET_KEY = {NEW: "new", RENEW: "renew", UPGRADE: "upgrade"}


class _Out:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.mapped: list[ImportNote] = []
        self.unmapped: list[ImportNote] = []

    def note(self, mapped: bool, key: str, where: Where | None, **params: object) -> None:
        item = ImportNote(key, where.label(self.lang) if where else L.INFO_NAME, None, tuple(params.items()))
        (self.mapped if mapped else self.unmapped).append(item)


def _info_label(key: str) -> str:
    return next(info.label for info in L.INFO_FIELDS if info.key == key)


def _meta(doc: DocPlan, out: _Out) -> dict[str, object]:
    header = doc.header
    meta: dict[str, object] = {info.key: info.default for info in L.INFO_FIELDS if info.default is not None}
    values = (("unit", header.unit, header.unit_where), ("advisor", header.advisor, header.advisor_where),
              ("province", header.province, None), ("year", header.year, header.year_where),
              ("period", header.period, None), ("number", header.number, header.number_where),
              ("date", header.date, header.date_where), ("signer", header.signer, header.signer_where),
              ("signer_title", header.signer_title, header.signer_where))
    for key, value, where in values:
        if value in (None, ""):
            continue
        meta[key] = value
        shown = value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else value
        out.note(True, "doc.import.meta", where, field=_info_label(key), value=shown)
    if header.draft:
        out.note(False, "doc.import.draft_number", header.number_where)
    if header.date_blank:
        out.note(False, "doc.import.blank_date", header.date_where)
    for year_end in doc.year_ends:   # "duy trì … tại 22 trường": the schools meeting the standard already
        meta["standard_at_start"] = year_end.kept
        out.note(True, "doc.import.meta", year_end.where, field=_info_label("standard_at_start"),
                 value=year_end.kept)
        break
    rates = [rate for rate in doc.rates if not rate.level2]
    if rates:
        meta["total_schools"] = rates[0].denominator
        out.note(True, "doc.import.meta", rates[0].where, field=_info_label("total_schools"),
                 value=rates[0].denominator)
    for key in ("unit", "year"):
        if not meta.get(key):
            out.note(False, "doc.import.missing_meta", None, field=_info_label(key))
    return meta


def _figures(doc: DocPlan, out: _Out) -> tuple[dict[str, object], dict[str, str]]:
    figures: dict[str, object] = {}
    notes: dict[str, str] = {}

    def put(key: str, value: object, where: Where, sentence: str) -> None:
        if key in figures or value is None:
            return
        figures[key] = value
        notes[key] = text("doc.import.figure_note", "vi", where=where.label("vi"))
        label = next(figure.label for figure in L.FIGURES if figure.key == key)
        shown = f"{value * 100:.2f} %" if key == "rate" else format_amount(value, out.lang)
        out.note(True, "doc.import.figure", where, label=label, value=shown, sentence=sentence)

    whole = kind_sources(doc).get(None)
    if whole and whole[0].label == "doc.source.text" and whole[0].count is not None and whole[0].count.parts:
        put("planned_total", whole[0].value, whole[0].where, whole[0].count.sentence)
    for count in doc.counts:   # "Xây dựng 02 trường học đạt chuẩn quốc gia: …" — all of the plan's schools
        if count.kind is None and not count.both_kinds and count.role == "plan" and count.period is None and \
                count.names:
            put("planned_total", count.value, count.where, count.sentence)
    for table in doc.list_tables:
        if table.stated is not None:
            put("planned_total", table.stated.value, table.stated.where, table.stated.sentence)
    for rate in doc.rates:
        if rate.level2:
            put("level2_year_end", rate.numerator, rate.where, rate.sentence)
        else:
            put("year_end", rate.numerator, rate.where, rate.sentence)
            if rate.percent is not None:
                put("rate", round(rate.percent / 100, 6), rate.where, rate.sentence)
    for money in doc.money:
        if money.total:
            put("budget_total", money.amount, money.where, money.sentence)
        for part in money.parts:
            group = kind_group(part.kind)
            if group in (NEW, RENEW):
                put(f"budget_{group}", part.amount, part.where, part.sentence)
                if part.schools is not None:
                    put(f"funded_{group}", part.schools, part.where, part.sentence)
    return figures, notes


def _schools(doc: DocPlan, out: _Out) -> list[dict[str, object]]:
    """One row per school the plan names in its lists, first spelling first; batch, level and notes gathered
    from every section that names it."""
    rows: dict[tuple[str, str], dict[str, object]] = {}
    sources: dict[tuple[str, str], list[Mention]] = {}
    for mention in roster(doc):
        key = mention.name_parts.exact_key
        sources.setdefault(key, []).append(mention)
    explained = {name.name_parts.exact_key: explanation for explanation in doc.explanations
                 for name in explanation.names}
    for key, mentions in sources.items():
        first = mentions[0]
        parts = first.name_parts
        row: dict[str, object] = {"name": first.text, "level": parts.level}
        kinds = [mention.kind for mention in mentions if mention.kind]
        kind = next((kind for kind in kinds if kind == UPGRADE), kinds[0] if kinds else None)
        if kind:
            row["kind"] = _KIND_LABEL[kind]
        standard = next((mention.standard_level for mention in mentions if mention.standard_level), None)
        accreditation = next((mention.accreditation_level for mention in mentions if mention.accreditation_level),
                             None)
        if standard:
            row["standard_level"] = f"Mức độ {standard}"
        if accreditation:
            row["accreditation_level"] = f"Cấp độ {accreditation}"
        timing = next((mention for mention in mentions if mention.period is not None), None)
        if timing is not None:
            row["timing"] = _period_text(doc, timing) or timing.period.label()
        if key in explained:
            row["pre_invested"] = text("doc.import.pre_invested", "vi", year=explained[key].year or "trước")
        if not kind and _only_new(doc):
            kind = NEW
            row["kind"] = L.KIND_NEW
            out.note(True, "doc.import.kind_inferred", first.where, name=first.text)
        commune = _COMMUNE.search(first.text)
        if commune:
            row["commune"] = commune.group(1)[:1].upper() + commune.group(1)[1:]
        notes = [mention.note for mention in mentions if mention.note]
        if notes:
            row["note"] = "; ".join(dict.fromkeys(notes))
        rows[key] = row
        if not kind:
            out.note(False, "doc.import.no_kind", first.where, name=first.text)
    for key, explanation in explained.items():
        if key in rows:
            continue
        name = next(item for item in explanation.names if item.name_parts.exact_key == key)
        rows[key] = {"name": name.text, "level": name.name_parts.level,
                     "pre_invested": text("doc.import.pre_invested", "vi", year=explanation.year or "trước")}
        out.note(True, "doc.import.explained_school", name.where, name=name.text)
        out.note(False, "doc.import.no_kind", name.where, name=name.text)
    if rows:
        out.note(True, "doc.import.schools", roster(doc)[0].where if roster(doc) else None, count=len(rows))
        without = [str(row["name"]) for row in rows.values() if "standard_level" not in row]
        if without:
            out.note(False, "doc.import.no_standard_level", None, count=len(without),
                     names=", ".join(without[:6]) + (" …" if len(without) > 6 else ""))
    planned = kind_sources(doc).get(None)
    if planned and planned[0].value > len(rows):
        out.note(False, "doc.import.unnamed_schools", planned[0].where, stated=planned[0].value, named=len(rows))
    return list(rows.values())


_COMMUNE = re.compile(r"\b((?:xã|phường|thị trấn)\s+\S.*)$", re.IGNORECASE)


def _only_new(doc: DocPlan) -> bool:
    """A plan to 'build' schools to the standard that never speaks of re-recognition: its schools are new.
    ('Xây dựng 02 trường học đạt chuẩn quốc gia: …' — Cao Lộc.)"""
    if any(count.kind is not None or count.both_kinds for count in doc.all_counts()):
        return False
    if any(mention.kind for mention in doc.mentions):
        return False
    return any(count.names and re.search(r"\bxay dung\b.*\bdat chuan\b", skeleton(count.sentence))
               for count in doc.counts)


def _period_text(doc: DocPlan, mention: Mention) -> str:
    for count in doc.all_counts():
        if mention in count.names and count.period_text:
            return count.period_text
    return ""


def _targets(doc: DocPlan, schools: list[dict[str, object]], out: _Out) -> dict[str, dict[str, object]]:
    targets: dict[str, dict[str, object]] = {}
    for table in doc.level_tables:
        for level, kinds in table.rows.items():
            for kind, value in kinds.items():
                if kind in _TARGET_KEY and value:
                    targets.setdefault(level, {})[_TARGET_KEY[kind]] = value
        out.note(True, "doc.import.level_table", table.where)
        return targets
    # a stretch ("Phấn đấu công nhận thêm 01 trường MN Minh Khai") is planned, not assigned
    extra = {name.name_parts.exact_key for count in doc.counts if count.role == "extra" for name in count.names}
    for row in schools:
        kind = next((key for key, label in _KIND_LABEL.items() if label == row.get("kind")), None)
        if kind is None or not row.get("level") or split_school_name(row["name"]).exact_key in extra:
            continue
        level_kinds = targets.setdefault(str(row["level"]), {})
        level_kinds[_TARGET_KEY[kind]] = int(level_kinds.get(_TARGET_KEY[kind], 0)) + 1
    if targets:
        out.note(True, "doc.import.targets_counted", None, count=sum(int(value) for kinds in targets.values()
                                                                     for value in kinds.values()))
    return targets


def _batches(doc: DocPlan, out: _Out) -> list[dict[str, object]]:
    batches = []
    for count in doc.counts:
        if count.period is None or count.role not in ("plan", "assigned"):
            continue
        new = sum(part.value for part in count.parts if kind_group(part.kind) == NEW)
        renew = sum(part.value for part in count.parts if kind_group(part.kind) == RENEW)
        label = count.period_text or count.period.label()
        batches.append({"label": label, "new": new if count.parts else None,
                        "renew": renew if count.parts else None, "total": count.value})
        out.note(True, "doc.import.batch", count.where, label=label, total=count.value)
    return batches


def _budget(doc: DocPlan, out: _Out) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    new: list[dict[str, object]] = []
    renew: list[dict[str, object]] = []
    for table in doc.budget_tables:
        target = renew if kind_group(table.kind) == RENEW else new
        for row in table.rows:
            line: dict[str, object] = {"name": row.school, "item": row.item}
            # the workbook counts in million VND; a table written in đồng or nghìn đồng is converted
            line.update({key: table.million(value) for key, value in row.amounts.items() if key in L.SOURCE_KEYS})
            if not any(key in L.SOURCE_KEYS for key in row.amounts) and "total" in row.amounts:
                line["other"] = table.million(row.amounts["total"])   # one amount column: its source unknown
            target.append(line)
        out.note(True, "doc.import.budget_table", table.where, count=len(table.rows))
    if not doc.budget_tables and doc.money:
        out.note(False, "doc.import.no_budget_lines", doc.money[0].where)
    return new, renew


def _tasks(doc: DocPlan, out: _Out) -> list[dict[str, object]]:
    tasks = []
    for row in doc.tasks:
        record: dict[str, object] = {"time": row.time, "task": row.task, "lead": row.lead, "partners": row.partners}
        names = [mention.text for mention in row.mentions]
        if names:
            record["schools"] = "; ".join(names)
        counts = [count for count in row.counts]
        if counts:
            record["school_count"] = counts[0].value
            if not names and counts[0].period is not None:
                record["schools"] = counts[0].period.label() if counts[0].period.year else \
                    f"{counts[0].period.label()}/{doc.header.year}" if doc.header.year else counts[0].period.label()
        if row.deadline:
            record["deadline"] = row.deadline
        elif row.time:
            out.note(False, "doc.import.no_deadline", row.where, time=row.time)
        tasks.append(record)
    if doc.tasks:
        out.note(True, "doc.import.timeline", doc.tasks[0].where, count=len(doc.tasks))
    return tasks


def import_document(path: str | os.PathLike[str], output: str | os.PathLike[str], *, unit: str | None = None,
                    year: int | None = None, province: str | None = None, number: str | None = None,
                    overwrite: bool = False, lang: str = "vi") -> ImportResult:
    """Build the standard workbook at `output` from a Word plan. Options given here win over the header."""
    from ..files import refuse_output_among_inputs, refuse_unopenable_name
    from ..template import PlanData, write_workbook
    from .reader import read_docplan

    source, target = Path(path), Path(output)
    refuse_unopenable_name(target)
    refuse_output_among_inputs([source], target, "import")
    doc = read_docplan(source)
    out = _Out(lang)
    meta = _meta(doc, out)
    for key, value in (("unit", unit), ("year", year), ("province", province), ("number", number)):
        if value:
            meta[key] = value
    figures, notes = _figures(doc, out)
    schools = _schools(doc, out)
    data = PlanData(meta=meta, targets=_targets(doc, schools, out), figures=figures, figure_notes=notes,
                    batches=_batches(doc, out), schools=schools, tasks=_tasks(doc, out))
    data.budget_new, data.budget_renew = _budget(doc, out)
    write_workbook(target, data, overwrite=overwrite)
    findings, _ = run_document_checks(doc, lang)
    tables = [("timeline", "Word", 0)] if doc.tasks else []
    return DocImportResult(source, target, tables, len(schools), len(data.tasks), meta, out.mapped, out.unmapped,
                           [], lang, findings=[finding for finding in findings if finding.severity != "info"])


@dataclass(slots=True)
class DocImportResult(ImportResult):
    """The import report of a Word plan: what was taken from where, what was not, and what the text contradicts
    (the document's own error and warning findings, which the workbook keeps: `check` will show them again)."""

    findings: list[Finding] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if any(finding.severity == "error" for finding in self.findings) else 0

    def to_text(self) -> str:
        body = ImportResult.to_text(self)
        if not self.findings:
            return body
        head, _, last = body.rpartition("\n")
        lines = [text("doc.import.findings", self.lang, count=len(self.findings))]
        lines += [f"  {finding.location()} {finding.code} {finding.message}" for finding in self.findings]
        return "\n".join([head, *lines, last])

    def to_dict(self) -> dict[str, object]:
        data = ImportResult.to_dict(self)
        data["findings"] = [finding.to_dict() for finding in self.findings]
        return data
