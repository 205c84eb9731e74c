"""The tables of a Word plan: level × kind, school lists, budget appendices, the timeline.

A table is recognised by its header row (or its first two rows, for headers
merged over two lines), with the labels and synonyms of the standard
workbook (`layout`), so a plan's "CƠ SỞ GIÁO DỤC" or "Thời gian hoàn thành"
is read as the workbook would read it.
"""
from __future__ import annotations

import re

from .. import layout as L
from ..importer import COMBO_LABELS
from ..normalize import clean_text, fold, parse_number_text, parse_period
from ..status import end_of_period
from .facts import (NEW, RENEW, UPGRADE, BudgetRow, BudgetSubtotal, BudgetTable, DocPlan, LevelTable, ListTable,
                    Mention, TaskRow)
from .source import Paragraph, Table, quote
from .statements import Item, free_mentions, parse_item, stale_years, typos
from .text import kinds_in, note_accreditation, note_kind, note_standard, skeleton

_PARENS = re.compile(r"\([^)]*\)")
_KIND_KEY = {L.KIND_NEW: NEW, L.KIND_RENEW: RENEW, L.KIND_UPGRADE: UPGRADE, L.KIND_RENEW_UPGRADE: RENEW}


def _label_index(columns: tuple[L.Column, ...], extra: dict[str, tuple[str, ...]] | None = None) -> dict[str, str]:
    index: dict[str, str] = {}
    pairs = [(label, column.key) for column in columns for label in column.labels]
    pairs += [(label, key) for key, labels in (extra or {}).items() for label in labels]
    for label, key in pairs:
        index.setdefault(fold(label), key)
    return index


_SCHOOL_LABELS = _label_index(L.SCHOOLS.columns, {"combo": COMBO_LABELS})
_TASK_LABELS = _label_index(L.TIMELINE.columns, {"time": ("Thời gian hoàn thành", "Thời hạn", "Thời gian dự kiến")})
_BUDGET_LABELS = _label_index(L.BUDGET_NEW.columns, {"total": ("Kinh phí", "Tổng kinh phí (triệu đồng)",
                                                               "Kinh phí (triệu đồng)", "Dự toán")})


def _key(label: str, index: dict[str, str]) -> str | None:
    raw = clean_text(label)
    for variant in (raw, _PARENS.sub(" ", raw), raw.split(":")[0]):
        key = index.get(fold(variant))
        if key:
            return key
    return None


def _columns(header: tuple[str, ...], index: dict[str, str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for col, label in enumerate(header):
        key = _key(label, index)
        if key is None and index is _SCHOOL_LABELS and ("kdclgd" in fold(label) or "cqg" in fold(label).split()):
            key = "combo"
        if key and key not in found:
            found[key] = col
    return found


def _count_cell(value: str) -> int | None:
    text = clean_text(value)
    if text in ("", "-", "–", "—", "x", "0"):
        return 0
    number = parse_number_text(text)
    return int(number) if number is not None and number == int(number) and number >= 0 else None


# ---------------------------------------------------------------- level × kind

def _level_table(table: Table, plan: DocPlan) -> bool:
    header = table.rows[0]
    if fold(header[0]) not in ("cap hoc", "cap", "bac hoc", "cap hoc bac hoc"):
        return False
    kinds: dict[int, str] = {}
    for col, label in enumerate(header[1:], start=1):
        found = kinds_in(skeleton(label))
        if found:
            kinds[col] = found[0][2]
        elif fold(label).startswith(("tong", "cong")):
            kinds[col] = "total"
    if not any(kind in (NEW, RENEW, UPGRADE) for kind in kinds.values()):
        return False
    result = LevelTable(table.where(0), {}, {}, kinds=tuple(kinds.values()),
                        labels={kind: clean_text(header[col]) for col, kind in reversed(kinds.items())})
    for row_index, row in enumerate(table.rows[1:], start=1):
        label = fold(row[0])
        values = {kind: _count_cell(row[col]) for col, kind in kinds.items() if col < len(row)}
        clean = {kind: value for kind, value in values.items() if value is not None}
        if label.startswith(("tong", "cong")):
            result.total, result.total_where = clean, table.where(row_index)
            continue
        level = L.LEVELS.match(row[0])
        if level:
            result.rows[level] = clean
            result.row_where[level] = table.where(row_index)
    plan.level_tables.append(result)
    return True


# ---------------------------------------------------------------- school lists

def _list_table(table: Table, header: tuple[str, ...], first: int, plan: DocPlan) -> bool:
    from ..reader import parse_combo, parse_kind

    columns = _columns(header, _SCHOOL_LABELS)
    if "name" not in columns or not set(columns) & {"kind", "combo", "standard_level", "note", "stt", "level"}:
        return False
    result = ListTable(table.where(first - 1), columns={key: header[col] for key, col in columns.items()})
    section_kind: str | None = None
    for row_index in range(first, len(table.rows)):
        row = table.rows[row_index]
        name = row[columns["name"]].strip()
        values = {key: row[col].strip() for key, col in columns.items() if col < len(row)}
        where = table.where(row_index)
        others = [value for col, value in enumerate(row) if value and col != columns["name"]]
        if not name or fold(name).startswith(("tong", "cong")):
            continue
        heading_kind = L.KINDS.match(name) or (parse_kind(name) if len(name.split()) <= 6 and not others else None)
        if heading_kind and not others:
            section_kind = _KIND_KEY.get(heading_kind)
            continue
        combo = values.get("combo", "")
        accreditation, standard = parse_combo(combo) if combo else (None, None)
        note = values.get("note", "")
        raw_kind = values.get("kind", "")
        kind = _KIND_KEY.get(parse_kind(raw_kind) or "") if raw_kind else None
        kind = kind or note_kind(note) or section_kind
        standard = standard or note_standard(values.get("standard_level", "") or note)
        accreditation = accreditation or note_accreditation(values.get("accreditation_level", "") or note)
        mention = Mention(name, where, quote(" | ".join(value for value in row if value)), role="table", kind=kind,
                          standard_level=standard, accreditation_level=accreditation,
                          period=parse_period(values["timing"]) if values.get("timing") else None,
                          note="; ".join(value for value in (combo, raw_kind, note) if value))
        result.schools.append(mention)
    plan.list_tables.append(result)
    plan.mentions.extend(result.schools)
    return True


# ---------------------------------------------------------------- budget appendices

def _budget_columns(header: tuple[str, ...]) -> dict[str, int]:
    """The budget columns; in a quận or huyện of a centrally-run city, 'Ngân sách thành phố' next to 'Ngân sách
    quận' is the city's (province-level) budget."""
    columns = _columns(header, _BUDGET_LABELS)
    if "district" in columns and "province" not in columns:
        districts = [col for col, label in enumerate(header) if _key(label, _BUDGET_LABELS) == "district"]
        city = [col for col in districts if "thanh pho" in fold(header[col])]
        if len(districts) == 2 and len(city) == 1:
            columns["province"] = city[0]
            columns["district"] = next(col for col in districts if col != city[0])
    return columns


def _budget_table(table: Table, header: tuple[str, ...], first: int, title: str, plan: DocPlan) -> bool:
    columns = _budget_columns(header)
    amount_keys = [key for key in (*L.SOURCE_KEYS, "total") if key in columns]
    if "item" not in columns or not amount_keys:   # an investment item and amounts: not a list with a budget
        return False
    title_kinds = kinds_in(skeleton(title))
    kind = title_kinds[0][2] if title_kinds else None
    result = BudgetTable(table.where(first - 1), kind, columns={key: header[col] for key, col in columns.items()},
                         factor=unit_factor(title))
    school = ""
    since_subtotal: list[BudgetRow] = []
    for row_index in range(first, len(table.rows)):
        row = table.rows[row_index]
        amounts = {}
        for key in amount_keys:
            cell = clean_text(row[columns[key]])
            number = parse_number_text(cell) if cell else None
            if number is not None:
                amounts[key] = number
        label = " ".join(row[col] for col in (columns.get("name"), columns.get("item"), 0) if col is not None)
        where = table.where(row_index)
        if fold(label).startswith(("tong cong", "tong so", "tong")) and not any(
                fold(row[col]) for col in (columns.get("item"),) if col is not None and col != 0):
            result.total, result.total_where = amounts, where
            continue
        name = row[columns["name"]].strip() if "name" in columns else ""
        item = row[columns["item"]].strip() if "item" in columns else ""
        if fold(name or item).startswith(("cong", "tong")):   # a school's subtotal: 'Cộng'
            if since_subtotal and amounts:
                result.subtotals.append(BudgetSubtotal(school, amounts, where, since_subtotal))
            since_subtotal = []
            continue
        if name:
            school = name
        if not amounts and not item:
            continue
        line = BudgetRow(school, item, amounts, where, kind)
        result.rows.append(line)
        since_subtotal.append(line)
    plan.budget_tables.append(result)
    return True


# ---------------------------------------------------------------- the timeline

def _timeline(table: Table, header: tuple[str, ...], first: int, plan: DocPlan) -> bool:
    columns = _columns(header, _TASK_LABELS)
    if "task" not in columns or not set(columns) & {"time", "lead", "partners", "deadline"}:
        return False
    year = plan.header.year
    current = ""
    for row_index in range(first, len(table.rows)):
        row = table.rows[row_index]
        where = table.where(row_index)
        time = row[columns["time"]].strip() if "time" in columns else ""
        task = row[columns["task"]].strip()
        continued = "time" in columns and (row_index, columns["time"]) in table.continued
        inherited = False
        if time and not continued:
            current = time
        elif current:
            inherited = True
        if not task:
            continue
        item = Item(task, skeleton(task), where, 0)
        parse_item(item, year)
        row_period = parse_period(current) if current else None
        if row_period is not None and row_period.kind != "month":
            for count in item.counts:   # "Quý 2/2025 | Đề nghị kiểm tra công nhận lại 02 trường: …"
                if count.period is None:
                    count.period, count.period_text = row_period, current
        taken: list[tuple[int, int]] = []
        names = [name for count in item.counts for name in count.names]
        for name in names:
            name.role = "task"
            position = item.skel.find(skeleton(name.text))
            if position >= 0:
                taken.append((max(0, position - 8), position + len(name.text)))
        mentions = names + free_mentions(task, where, taken, role="task")
        plan.typos.extend(typos(item))
        plan.stale_years.extend(stale_years(item, year))
        deadline_text = row[columns["deadline"]].strip() if "deadline" in columns else ""
        deadline = end_of_period(deadline_text or current, year) if (deadline_text or current) else None
        plan.tasks.append(TaskRow(current, inherited, task, row[columns["lead"]].strip() if "lead" in columns else "",
                                  row[columns["partners"]].strip() if "partners" in columns else "", where,
                                  parse_period(current) if current else None, deadline, item.counts, mentions))
        plan.mentions.extend(mentions)
    return True


def _recognised(header: tuple[str, ...]) -> int:
    return max(len(_columns(header, index)) for index in (_SCHOOL_LABELS, _TASK_LABELS, _BUDGET_LABELS))


def read_tables(tables: list[Table], titles: dict[int, str], plan: DocPlan) -> None:
    """Each table by its header (first row, or the first two rows joined); unknown tables are left alone."""
    for table in tables:
        if len(table.rows) < 2:
            continue
        if _level_table(table, plan):
            continue
        title = titles.get(id(table), "")
        headers = [(table.rows[0], 1)]
        if len(table.rows) > 2:   # a header over two rows: the second row's labels, the first's where empty
            headers.append((tuple(low or high for high, low in zip(table.rows[0], table.rows[1])), 2))
            # "Nguồn kinh phí" merged over the sources named in the row below: the two rows say more
            headers.sort(key=lambda pair: -_recognised(pair[0]))
        for header, first in headers:
            if _timeline(table, header, first, plan) or _budget_table(table, header, first, title, plan) or \
                    _list_table(table, header, first, plan):
                break


TITLE_PARAGRAPHS = 4
TITLE_LENGTH = 200


def table_titles(blocks: list) -> dict[int, str]:
    """The short paragraphs right before each table (up to four, none from before the previous table): its title
    ('PHỤ LỤC 2', 'KINH PHÍ … CÔNG NHẬN MỚI', '(Kèm theo …)', 'ĐVT: triệu đồng')."""
    titles: dict[int, str] = {}
    recent: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            recent = [] if len(block.text) > TITLE_LENGTH else (recent + [block.text])[-TITLE_PARAGRAPHS:]
        else:
            titles[id(block)] = " ".join(recent)
            recent = []
    return titles


_UNIT = re.compile(r"\b(?:dvt|don vi tinh)\s*:?\s*(trieu dong|ty dong|nghin dong|ngan dong|dong)\b")
_UNIT_FACTOR = {"trieu dong": 1.0, "ty dong": 1000.0, "nghin dong": 0.001, "ngan dong": 0.001, "dong": 0.000001}


def unit_factor(title: str) -> float:
    """A budget table's amounts in million VND: 'ĐVT: đồng' above it means a millionth."""
    match = _UNIT.search(skeleton(title))
    return _UNIT_FACTOR[match.group(1)] if match else 1.0
