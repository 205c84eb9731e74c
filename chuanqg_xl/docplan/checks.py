"""Checks of a Word plan: each statement against its parts, its names, and what other sections say.

Every check yields findings (a Word place instead of a sheet and cell, the
sentence quoted) and records what it confirmed, so a report says both what
is wrong and what was understood and found right.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..matching import SchoolIndex
from ..messages import text
from ..normalize import Period, format_amount, format_date
from ..records import record
from ..report import Finding, Report, gravest_first, make_finding
from .facts import NEW, RENEW, UPGRADE, Count, DocPlan, Mention, kind_group
from .source import Where
from .text import MONEY_FACTOR, skeleton

KIND_LABEL = {NEW: "doc.kind.new", RENEW: "doc.kind.renew", UPGRADE: "doc.kind.upgrade", None: "doc.kind.all"}
PLAN_ROLES = ("plan", "assigned", "extra")


@dataclass(frozen=True, slots=True)
class Verified:
    """A statement the checks confirmed."""

    where: Where
    what: str
    sentence: str

    def to_dict(self, lang: str) -> dict[str, object]:
        return {"where": self.where.label(lang), "what": self.what, "sentence": self.sentence}


@record
class DocReport(Report):
    """A report on a Word plan: findings, and the statements found right."""

    verified: list[Verified] = field(default_factory=list)
    order: dict[int, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        data = super().to_dict()
        data["verified"] = [item.to_dict(self.lang) for item in self.verified]
        return data

    def to_text(self, display_name: str | None = None) -> str:
        body = super().to_text(display_name)
        if not self.verified:
            return body
        lines = [text("doc.verified_header", self.lang, count=len(self.verified))]
        lines += [f"  {item.where.label(self.lang)}: {item.what}" for item in self.verified]
        head, _, summary = body.rpartition("\n")
        return "\n".join(filter(None, [head, *lines, summary]))


@dataclass
class Context:
    plan: DocPlan
    lang: str = "vi"
    findings: list[tuple[float, Finding]] = field(default_factory=list)
    verified: list[Verified] = field(default_factory=list)

    def add(self, rule: str, where: Where, variant: str | None = None, sentence: str = "", /,
            expected: object = None, actual: object = None, **params: object) -> None:
        finding = make_finding(rule, where.label(self.lang), None, self.lang, variant, expected=expected,
                               actual=actual, **params)
        if sentence:
            finding = Finding(finding.code, finding.name, finding.severity, finding.sheet, finding.cell,
                              finding.message + text("doc.sentence", self.lang, sentence=sentence), finding.hint,
                              finding.expected, finding.actual)
        self.findings.append((where.sort_key()[0], finding))

    def ok(self, where: Where, what: str, sentence: str) -> None:
        self.verified.append(Verified(where, what, sentence))

    def n(self, value: float | int | None) -> str:
        if value is None:
            return "—"
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 100:
            return f"{value:02d}"   # counts as plans write them: "06", "02"
        return format_amount(value, self.lang)

    def kind(self, kind: str | None) -> str:
        return text(KIND_LABEL.get(kind, "doc.kind.all"), self.lang)

    def date(self, value: dt.date) -> str:
        return format_date(value) if self.lang == "vi" else value.isoformat()


Check = Callable[[Context], None]


def _sum_text(ctx: Context, values: Iterable[float | int]) -> str:
    return " + ".join(ctx.n(value) for value in values)


# ---------------------------------------------------------------- counts, parts and names

def check_parts(ctx: Context) -> None:
    for count in ctx.plan.all_counts():
        if not count.parts:
            continue
        total = sum(part.value for part in count.parts)
        what = f"{ctx.n(count.value)} = {_sum_text(ctx, (part.value for part in count.parts))}"
        if total == count.value:
            ctx.ok(count.where, what, count.sentence)
        elif count.period is not None:
            ctx.add("batch-count-mismatch", count.where, "doc_parts", count.sentence, expected=total,
                    actual=count.value, label=count.period.label(), stated=ctx.n(count.value),
                    parts=_sum_text(ctx, (part.value for part in count.parts)), sum=ctx.n(total))
        else:
            ctx.add("total-mismatch", count.where, "doc_count", count.sentence, expected=total, actual=count.value,
                    stated=ctx.n(count.value), parts=_sum_text(ctx, (part.value for part in count.parts)),
                    sum=ctx.n(total))


def check_names(ctx: Context) -> None:
    for count in ctx.plan.all_counts():
        if not count.names:
            continue
        names = ", ".join(name.text for name in count.names)
        what = text("doc.ok.names", ctx.lang, count=ctx.n(count.value), named=len(count.names))
        if len(count.names) == count.value:
            ctx.ok(count.where, what, count.sentence)
        elif count.role == "task" or count.names[0].role == "task":
            ctx.add("task-school-count-mismatch", count.where, "doc_names", count.sentence,
                    expected=len(count.names), actual=count.value, stated=ctx.n(count.value),
                    named=len(count.names), names=names)
        else:
            ctx.add("count-differs-from-names", count.where, None, count.sentence, expected=len(count.names),
                    actual=count.value, stated=ctx.n(count.value), named=len(count.names), names=names)
    for table in ctx.plan.list_tables:
        stated = table.stated
        if stated is None:
            continue
        rows = len(table.schools)
        what = text("doc.ok.list_rows", ctx.lang, count=ctx.n(stated.value), rows=rows)
        if rows == stated.value:
            ctx.ok(stated.where, what, stated.sentence)
        else:
            ctx.add("count-differs-from-names", stated.where, "list_table", stated.sentence, expected=rows,
                    actual=stated.value, stated=ctx.n(stated.value), rows=rows, table=table.where.label(ctx.lang))


def _top_counts(plan: DocPlan) -> list[Count]:
    """Counts outside batch/quarter groups that state how many schools the plan has (of a kind)."""
    inside: set[int] = set()
    for count in plan.counts:
        if count.period is not None:
            inside.update(id(part) for part in count.parts)
    out = []
    for count in plan.counts:
        if count.period is None and count.role in PLAN_ROLES and id(count) not in inside:
            out.append(count)
            out.extend(part for part in count.parts if part.period is None)
    return out


def _period_parts(plan: DocPlan) -> list[Count]:
    out = []
    for count in plan.counts:
        if count.period is not None:
            out.extend(count.parts if count.parts else [count])
    return out


@dataclass(frozen=True, slots=True)
class Source:
    """One statement of how many schools (of a kind) the plan has."""

    label: str        # message key: the targets/lists, the batches added up, the level table
    value: int
    count: Count | None
    where: Where


def kind_sources(plan: DocPlan) -> dict[str | None, list[Source]]:
    """Every statement of the plan's schools by kind (None: all kinds), in document order.

    A breakdown ('06 trường, trong đó: công nhận mới 03 …') and a list by kind ('Công nhận mới 03 trường: …')
    state the same figure twice; a target assigned and a stretch ('04 trường theo chỉ tiêu giao … thêm 01')
    add up to one.
    """
    sources: dict[str | None, list[Source]] = {}
    top = _top_counts(plan)
    heads = [count for count in top if count.kind is None and not count.both_kinds and count.parts]
    in_heads = {id(part) for head in heads for part in head.parts}
    for head in heads:
        sources.setdefault(None, []).append(Source("doc.source.text", head.value, head, head.where))
        for kind in (NEW, RENEW):
            parts = [part for part in head.parts if kind_group(part.kind) == kind]
            if parts:
                sources.setdefault(kind, []).append(Source("doc.source.text", sum(part.value for part in parts),
                                                           parts[0], parts[0].where))
    for kind in (NEW, RENEW):
        alone = [count for count in top if kind_group(count.kind) == kind and id(count) not in in_heads]
        targeted = [count for count in alone if count.role in ("assigned", "extra")]
        if targeted:
            sources.setdefault(kind, []).append(Source("doc.source.text", sum(count.value for count in targeted),
                                                       targeted[0], targeted[0].where))
        for count in alone:
            if count.role == "plan":
                sources.setdefault(kind, []).append(Source("doc.source.text", count.value, count, count.where))
    if None not in sources and NEW in sources and RENEW in sources:
        # no sentence states the whole: the lists by kind add up to it ("05 + 10")
        first_new, first_renew = sources[NEW][0], sources[RENEW][0]
        sources[None] = [Source("doc.source.text", first_new.value + first_renew.value, first_new.count,
                                first_new.where)]
    by_period = [count for count in _period_parts(plan) if count.kind is not None]
    for kind in (NEW, RENEW):
        in_periods = [count for count in by_period if kind_group(count.kind) == kind]
        if in_periods:
            sources.setdefault(kind, []).append(Source("doc.source.periods", sum(count.value for count in in_periods),
                                                       in_periods[0], in_periods[0].where))
        elif by_period and kind in sources:   # the batches name none of a kind the targets have
            sources[kind].append(Source("doc.source.periods", 0, by_period[0], by_period[0].where))
    # a batch's total ("Quý III/2023: 08 trường"); batches told only by kind are compared kind by kind above
    period_heads = [count for count in plan.counts if count.period is not None and count.kind is None]
    if period_heads:
        sources.setdefault(None, []).append(Source("doc.source.periods", sum(count.value for count in period_heads),
                                                   period_heads[0], period_heads[0].where))
    for table in plan.level_tables:
        if table.total:
            where = table.total_where or table.where
            for kind in (NEW, RENEW):
                if kind in table.total:
                    sources.setdefault(kind, []).append(Source("doc.source.level_table", table.total[kind], None,
                                                               where))
            values = [value for key, value in table.total.items() if key in (NEW, RENEW, UPGRADE)]
            sources.setdefault(None, []).append(Source("doc.source.level_table", sum(values), None, where))
    return sources


def _says(label: str, here: bool, lang: str) -> str:
    """'câu này ghi' / 'phần mục tiêu ghi' / 'các đợt/quý cộng lại được' / 'bảng theo cấp học ghi'."""
    source = label.rpartition(".")[2]
    return text(f"doc.says.{source}" if here or source != "text" else "doc.said.text", lang)


def check_sections(ctx: Context) -> None:
    """The same figure stated in two places: the lists by kind, the batches/quarters, the level table."""
    for kind, found in kind_sources(ctx.plan).items():
        first = found[0]
        subject = text("doc.subject.all", ctx.lang) if kind is None else \
            text("doc.subject.kind", ctx.lang, kind=ctx.kind(kind))
        for other in found[1:]:
            sentence = other.count.sentence if other.count else ""
            if other.value == first.value:
                other_label = "doc.here.text" if other.label == "doc.source.text" else other.label
                ctx.ok(other.where, text("doc.ok.sections", ctx.lang, subject=subject, value=ctx.n(other.value),
                                         first=text(first.label, ctx.lang), other=text(other_label, ctx.lang),
                                         where=first.where.label(ctx.lang)), sentence)
            else:
                ctx.add("stated-figure-mismatch", other.where, "doc_sections", sentence, expected=first.value,
                        actual=other.value, subject=subject, value=ctx.n(other.value),
                        says=_says(other.label, True, ctx.lang), first_value=ctx.n(first.value),
                        first_says=_says(first.label, False, ctx.lang), first_where=first.where.label(ctx.lang))
    top = _top_counts(ctx.plan)
    _names_across(ctx, top, [count for count in _period_parts(ctx.plan) if count.kind is not None])


def _names_across(ctx: Context, top: list[Count], by_period: list[Count]) -> None:
    """A school listed by kind (II.1, or a list table) and by batch/quarter (II.2): the same schools, spelled alike,
    of one kind."""
    listed = [name for count in top for name in count.names] or \
        [school for table in ctx.plan.list_tables for school in table.schools]
    batched = [name for count in by_period for name in count.names]
    if not listed or not batched:
        return
    index = SchoolIndex(listed)   # mentions carry `name_parts` like the workbook's schools
    found: set[int] = set()
    for name in batched:
        match = index.resolve(name.text)
        if match.school is None:
            ctx.add("school-missing-from-section", name.where, "in_batches", name.sentence, name=name.text,
                    where=listed[0].where.label(ctx.lang))
            continue
        found.add(id(match.school))
        if match.how == "variant":
            ctx.add("school-name-variant", name.where, "doc", name.sentence, name=name.text,
                    canonical=match.school.text, where=match.school.where.label(ctx.lang))
        if name.kind and match.school.kind and kind_group(name.kind) != kind_group(match.school.kind):
            ctx.add("school-kind-differs", name.where, None, name.sentence, name=name.text,
                    kind=ctx.kind(name.kind), other_kind=ctx.kind(match.school.kind),
                    where=match.school.where.label(ctx.lang))
    for name in listed:
        if id(name) not in found:
            ctx.add("school-missing-from-section", name.where, "in_list", name.sentence, name=name.text,
                    where=batched[0].where.label(ctx.lang))
    if len(found) == len(listed):
        ctx.ok(batched[0].where, text("doc.ok.same_schools", ctx.lang, count=len(listed),
                                      where=listed[0].where.label(ctx.lang)), batched[0].sentence)


def check_targets(ctx: Context) -> None:
    """'Công nhận mới 04 trường theo chỉ tiêu … giao … Phấn đấu công nhận thêm 01 trường MN Minh Khai'."""
    for kind in (NEW, RENEW, UPGRADE):
        assigned = [count for count in ctx.plan.counts if count.role == "assigned" and count.kind == kind]
        extra = [count for count in ctx.plan.counts if count.role == "extra" and count.kind == kind]
        if not assigned or not extra:
            continue
        target = sum(count.value for count in assigned)
        more = sum(count.value for count in extra)
        names = ", ".join(name.text for count in extra for name in count.names) or "—"
        ctx.add("target-exceeded", extra[0].where, "doc", extra[0].sentence, expected=target, actual=target + more,
                kind=ctx.kind(kind), assigned=ctx.n(target), planned=ctx.n(target + more), extra=ctx.n(more),
                names=names)


def check_funded(ctx: Context) -> None:
    """Schools planned by kind against schools funded by kind ('Công nhận mới (02 trường): 31.162 triệu')."""
    funded = {money.kind: money for money in _money_parts(ctx.plan) if money.schools is not None}
    if not funded:
        return
    planned = _planned_by_kind(ctx.plan)
    gaps = {kind: planned[kind] - money.schools for kind, money in funded.items()
            if kind in planned and money.schools is not None and planned[kind] != money.schools}
    if not gaps:
        for kind, money in funded.items():
            if kind in planned:
                ctx.ok(money.where, text("doc.ok.funded", ctx.lang, kind=ctx.kind(kind), count=ctx.n(planned[kind])),
                       money.sentence)
        return
    first = next(iter(funded.values()))
    gap = sum(gaps.values())
    detail = "; ".join(text("doc.funded_gap", ctx.lang, kind=ctx.kind(kind), planned=ctx.n(planned[kind]),
                            funded=ctx.n(funded[kind].schools)) for kind in gaps)
    explanation = next(iter(ctx.plan.explanations), None)
    if explanation and explanation.count == gap:
        names = ", ".join(name.text for name in explanation.names) or "—"
        ctx.add("funded-count-explained", explanation.where, None, explanation.sentence, expected=gap, actual=gap,
                detail=detail, count=ctx.n(gap), names=names, year=explanation.year or "—")
    elif explanation:
        ctx.add("funded-count-differs", first.where, "partly", first.sentence, expected=gap,
                actual=explanation.count, detail=detail, count=ctx.n(gap),
                explained=ctx.n(explanation.count), where=explanation.where.label(ctx.lang))
    else:
        ctx.add("funded-count-differs", first.where, None, first.sentence, expected=0, actual=gap, detail=detail,
                count=ctx.n(gap))


def _money_parts(plan: DocPlan):
    for money in plan.money:
        yield from money.parts


def _planned_by_kind(plan: DocPlan) -> dict[str, int]:
    """How many schools of each kind the plan has: its first statement of it."""
    return {kind: found[0].value for kind, found in kind_sources(plan).items() if kind is not None}


# ---------------------------------------------------------------- money, rates, year end, tables

def check_money(ctx: Context) -> None:
    for money in ctx.plan.money:
        if not money.parts:
            continue
        total = sum(part.amount for part in money.parts)
        units = {skeleton(part.unit) for part in (money, *money.parts)}
        written = [f"{item.written} {item.unit}" if len(units) > 1 else item.written for item in (money, *money.parts)]
        what = f"{written[0]} = {' + '.join(written[1:])}"
        if abs(total - money.amount) < 0.0005:
            ctx.ok(money.where, what, money.sentence)
        else:
            ctx.add("total-mismatch", money.where, "doc_money", money.sentence, expected=total, actual=money.amount,
                    stated=money.written, parts=" + ".join(written[1:]), unit=money.unit,
                    unit_en=_unit_name(money.unit, ctx.lang),
                    sum=format_amount(total / MONEY_FACTOR.get(skeleton(money.unit), 1.0), ctx.lang))


_UNIT_KEYS = {"trieu dong": "trieu dong", "trieu d": "trieu dong", "trd": "trieu dong", "ty dong": "ty dong",
              "ti dong": "ty dong", "nghin dong": "nghin dong", "ngan dong": "nghin dong", "dong": "dong"}


def _unit_name(unit: str, lang: str) -> str:
    key = _UNIT_KEYS.get(" ".join(skeleton(unit).split()))
    return text(f"doc.unit.{key}", lang) if key else unit


def check_appendix_money(ctx: Context) -> None:
    """The amounts the text states against the appendix tables that detail them: by kind when the appendices are
    titled by kind ('… CÔNG NHẬN MỚI'), else the total when the text sends the reader to the appendix."""
    tables = [table for table in ctx.plan.budget_tables if table.amount() is not None]
    stated = [money for top in ctx.plan.money for money in (top, *top.parts)]
    pairs = []
    for kind in (NEW, RENEW):
        of_kind = [table for table in tables if kind_group(table.kind) == kind]
        money = next((money for money in stated if kind_group(money.kind) == kind), None)
        if of_kind and money is not None:
            pairs.append((text("doc.money_of_kind", ctx.lang, kind=ctx.kind(kind)), money, of_kind))
    if not pairs and tables:
        total = next((money for money in ctx.plan.money if money.total and money.kind is None and money.appendix),
                     None)
        if total is not None:
            pairs.append((text("doc.money_total", ctx.lang), total, tables))
    for what, money, of_kind in pairs:
        counted = sum(table.amount() or 0.0 for table in of_kind)
        where = (of_kind[0].total_where or of_kind[0].where).label(ctx.lang)
        if abs(counted - money.amount) < 0.0005:
            ctx.ok(money.where, text("doc.ok.money_appendix", ctx.lang, what=what,
                                     stated=format_amount(money.amount, ctx.lang), where=where), money.sentence)
        else:
            ctx.add("stated-figure-mismatch", money.where, "doc_money_appendix", money.sentence, expected=counted,
                    actual=money.amount, what=what, stated=format_amount(money.amount, ctx.lang),
                    counted=format_amount(counted, ctx.lang), where=where)


def check_rates(ctx: Context) -> None:
    for rate in ctx.plan.rates:
        if rate.percent is None or not rate.denominator:
            continue
        computed = rate.numerator / rate.denominator * 100
        decimals = len(rate.percent_written.replace(".", ",").partition(",")[2])
        tolerance = 0.5 * 10 ** -decimals + 1e-9
        what = f"{rate.numerator}/{rate.denominator} = {rate.percent_written} %"
        if abs(computed - rate.percent) <= tolerance:
            ctx.ok(rate.where, what, rate.sentence)
        else:
            shown = f"{computed:.{max(decimals, 2)}f}"
            ctx.add("total-mismatch", rate.where, "doc_rate", rate.sentence, expected=round(computed, 4),
                    actual=rate.percent, fraction=f"{rate.numerator}/{rate.denominator}",
                    stated=rate.percent_written, computed=shown.replace(".", ",") if ctx.lang == "vi" else shown)


def check_year_end(ctx: Context) -> None:
    for item in ctx.plan.year_ends:
        what = f"{ctx.n(item.kept)} + {ctx.n(item.new)} = {ctx.n(item.reached)}"
        if item.kept + item.new == item.reached:
            ctx.ok(item.where, what, item.sentence)
        else:
            ctx.add("total-mismatch", item.where, "doc_year_end", item.sentence, expected=item.kept + item.new,
                    actual=item.reached, kept=ctx.n(item.kept), new=ctx.n(item.new), reached=ctx.n(item.reached),
                    sum=ctx.n(item.kept + item.new))


def check_level_tables(ctx: Context) -> None:
    for table in ctx.plan.level_tables:
        for level, values in table.rows.items():   # a 'Tổng' column: each level's kinds add up to it
            kinds = [value for kind, value in values.items() if kind != "total"]
            if "total" in values and kinds and sum(kinds) != values["total"]:
                ctx.add("total-mismatch", table.row_where[level], "doc_table_row", "", expected=sum(kinds),
                        actual=values["total"], level=level, column=table.labels.get("total", ""),
                        stated=ctx.n(values["total"]), parts=_sum_text(ctx, kinds), sum=ctx.n(sum(kinds)))
        if not table.total:
            continue
        where = table.total_where or table.where
        for kind, stated in table.total.items():
            values = [row.get(kind, 0) for row in table.rows.values()]
            total = sum(values)
            column = table.labels.get(kind, ctx.kind(kind))
            if total == stated:
                if kind != "total":
                    ctx.ok(where, text("doc.ok.table_column", ctx.lang, kind=ctx.kind(kind), total=ctx.n(stated),
                                       parts=_sum_text(ctx, [value for value in values if value] or [0])), "")
            else:
                ctx.add("total-mismatch", where, "doc_table", "", expected=total, actual=stated, column=column,
                        stated=ctx.n(stated), parts=_sum_text(ctx, values), sum=ctx.n(total))
    for table in ctx.plan.budget_tables:
        _budget_lines(ctx, table)
        for subtotal in table.subtotals:
            for key, stated in subtotal.amounts.items():
                total = sum(row.amounts.get(key, 0.0) for row in subtotal.rows)
                if abs(total - stated) >= 0.0005:
                    ctx.add("total-mismatch", subtotal.where, "doc_budget_subtotal", "", expected=total,
                            actual=stated, school=subtotal.school, column=table.columns.get(key, key),
                            stated=format_amount(stated, ctx.lang), sum=format_amount(total, ctx.lang))
        if not table.total:
            continue
        for key, stated in table.total.items():
            total = sum(row.amounts.get(key, 0.0) for row in table.rows)
            column = table.columns.get(key, key)
            if abs(total - stated) < 0.0005:
                ctx.ok(table.total_where or table.where, text("doc.ok.budget_column", ctx.lang, column=column,
                                                              total=format_amount(stated, ctx.lang)), "")
            else:
                ctx.add("total-mismatch", table.total_where or table.where, "doc_budget", "", expected=total,
                        actual=stated, column=column, stated=format_amount(stated, ctx.lang),
                        sum=format_amount(total, ctx.lang))


def _budget_lines(ctx: Context, table) -> None:
    """A line's 'Tổng cộng' column against its sources. (Subtotal and total rows need no such check: their columns
    are checked against the lines.)"""
    for row in table.rows:
        amounts = row.amounts
        label = text("doc.budget_line", ctx.lang, item=row.item, school=row.school) if row.item and row.school \
            else f"'{row.item or row.school}'"
        sources = [value for key, value in amounts.items() if key != "total"]
        if "total" not in amounts or not sources:
            continue
        if abs(sum(sources) - amounts["total"]) >= 0.0005:
            ctx.add("total-mismatch", row.where, "doc_budget_row", "", expected=sum(sources), actual=amounts["total"],
                    line=label, column=table.columns.get("total", ""),
                    stated=format_amount(amounts["total"], ctx.lang),
                    parts=" + ".join(format_amount(value, ctx.lang) for value in sources),
                    sum=format_amount(sum(sources), ctx.lang))


# ---------------------------------------------------------------- names against the list

def roster(plan: DocPlan) -> list[Mention]:
    """The plan's schools: named in a count with its kind, or in a list table; first spelling first."""
    return [mention for mention in plan.mentions if mention.role in ("list", "table")]


def check_mentions(ctx: Context) -> None:
    schools = roster(ctx.plan)
    if len(schools) < 2:
        return
    index = SchoolIndex(schools)
    seen: set[tuple[str, str]] = set()
    for mention in ctx.plan.mentions:
        if mention.role not in ("task", "text"):
            continue
        key = (mention.where.label(ctx.lang), mention.text)
        if key in seen:
            continue
        seen.add(key)
        match = index.resolve(mention.text)
        if match.how == "variant":
            ctx.add("school-name-variant", mention.where, "doc", mention.sentence, name=mention.text,
                    canonical=match.school.text, where=match.school.where.label(ctx.lang))
        elif match.how == "ambiguous":
            ctx.add("ambiguous-school-name", mention.where, None, mention.sentence, name=mention.text,
                    candidates=", ".join(f"'{school.text}'" for school in match.candidates))
        elif match.how == "missing":
            if match.candidates:
                ctx.add("school-not-in-list", mention.where, "doc_other_prefix", mention.sentence,
                        name=mention.text, other=match.candidates[0].text)
            else:
                ctx.add("school-not-in-list", mention.where, "doc", mention.sentence, name=mention.text)


# ---------------------------------------------------------------- the timeline and dates

def _period_count(plan: DocPlan, period: Period, kind: str | None = None) -> tuple[int, Count] | None:
    """How many schools (of a kind) the targets give a batch or quarter, and the statement that says so."""
    if kind is None:
        for count in plan.counts:
            if count.period is not None and count.period.same_as(period) and count.role in PLAN_ROLES:
                if count.kind is None:
                    return count.value, count
    parts = [count for count in _period_parts(plan) if count.period is not None and count.period.same_as(period)]
    if kind is not None:
        if any(part.kind is None for part in parts):
            return None   # the quarter's schools are not told by kind
        parts = [part for part in parts if kind_group(part.kind) == kind_group(kind)]
    if parts:
        return sum(part.value for part in parts), parts[0]
    return None


def check_timeline(ctx: Context) -> None:
    for task in ctx.plan.tasks:
        for count in task.counts:
            if count.period is None:
                continue
            kind = None if count.both_kinds else count.kind
            found = _period_count(ctx.plan, count.period, kind)
            if found is None:
                continue
            value, source = found
            period, variant = source.period.label(), "doc_period" if kind is None else "doc_period_kind"
            if value == count.value:
                ctx.ok(task.where, text("doc.ok.period" if kind is None else "doc.ok.period_kind", ctx.lang,
                                        count=ctx.n(count.value), period=period, kind=ctx.kind(kind)),
                       count.sentence)
            else:
                ctx.add("task-school-count-mismatch", task.where, variant, count.sentence, expected=value,
                        actual=count.value, stated=ctx.n(count.value), period=period, counted=ctx.n(value),
                        kind=ctx.kind(kind), where=source.where.label(ctx.lang))


def check_dates(ctx: Context) -> None:
    header = ctx.plan.header
    year = header.year
    issued = header.date
    groups: dict[str, list] = {}
    for task in ctx.plan.tasks:
        groups.setdefault(task.time, []).append(task)
    for time, tasks in groups.items():
        first = tasks[0]
        if not time:
            continue
        if first.period is not None and first.period.year and year and first.period.year != year:
            ctx.add("period-outside-plan-year", first.where, "doc", "", expected=year, actual=first.period.year,
                    value=time, found=first.period.year, year=year)
        if issued and first.deadline and first.deadline < issued:
            ctx.add("deadline-before-plan-date", first.where, "doc_group", "", expected=issued,
                    actual=first.deadline, time=time, count=len(tasks), date=ctx.date(first.deadline),
                    plan_date=ctx.date(issued))
    for due in ctx.plan.deadlines:
        if year and due.end.year != year:
            ctx.add("deadline-outside-plan-year", due.where, None, due.sentence, expected=year, actual=due.end.year,
                    date=ctx.date(due.end), year=year)
        elif issued and due.end < issued:
            ctx.add("deadline-before-plan-date", due.where, None, due.sentence, expected=issued, actual=due.end,
                    date=ctx.date(due.end), plan_date=ctx.date(issued))


def check_text(ctx: Context) -> None:
    year = ctx.plan.header.year
    for stale in ctx.plan.stale_years:
        ctx.add("stale-year-in-text", stale.where, None, stale.sentence, expected=year, actual=stale.year,
                quote=stale.phrase, year=year)
    for typo in ctx.plan.typos:
        ctx.add("likely-typo", typo.where, None, typo.sentence, word=typo.word, suggestion=typo.suggestion)


# Thông tư 17, 18, 19/2018/TT-BGDĐT: mức độ 1 goes with cấp độ ≥ 2, mức độ 2 with cấp độ ≥ 3.
NEEDED_ACCREDITATION = {1: 2, 2: 3}


def check_levels(ctx: Context) -> None:
    for mention in roster(ctx.plan):
        needed = NEEDED_ACCREDITATION.get(mention.standard_level or 0)
        if needed and mention.accreditation_level is not None and mention.accreditation_level < needed:
            ctx.add("accreditation-level-too-low", mention.where, None, mention.sentence, expected=needed,
                    actual=mention.accreditation_level, name=mention.text, standard=mention.standard_level,
                    accreditation=mention.accreditation_level, needed=needed)
        if mention.kind == UPGRADE and mention.standard_level is not None and mention.standard_level != 2:
            ctx.add("upgrade-not-to-level-2", mention.where, None, mention.sentence, expected=2,
                    actual=mention.standard_level, name=mention.text, standard=mention.standard_level)


CHECKS: tuple[Check, ...] = (check_parts, check_names, check_sections, check_targets, check_funded, check_money,
                             check_appendix_money, check_rates, check_year_end, check_level_tables, check_mentions,
                             check_timeline, check_dates, check_text, check_levels)


def run_document_checks(plan: DocPlan, lang: str = "vi") -> tuple[list[Finding], list[Verified]]:
    ctx = Context(plan, lang)
    for check in CHECKS:
        check(ctx)
    unique: dict[tuple, tuple[float, Finding]] = {}
    for order, finding in ctx.findings:
        unique.setdefault((finding.code, finding.sheet, finding.message), (order, finding))
    # in the text's order, the gravest first (an error before the notes above it), as `check` of a workbook
    findings = gravest_first([finding for _, finding in sorted(unique.values(), key=lambda pair: pair[0])])
    verified = sorted(ctx.verified, key=lambda item: item.where.sort_key())
    return findings, verified


def check_document(path: str | os.PathLike[str], *, lang: str = "vi") -> DocReport:
    """Read a Word plan and check it; changes nothing. Raises PlanError for unusable files."""
    from .reader import read_docplan

    plan = read_docplan(path)
    findings, verified = run_document_checks(plan, lang)
    return DocReport(str(path), findings, lang, verified=verified)
