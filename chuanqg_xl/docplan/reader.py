"""A Word plan → `DocPlan`: the header first (the plan's year decides what is stale), then the
sentences, then the tables, then what ties them (a list's closing total)."""
from __future__ import annotations

import os
import re

from ..errors import PlanError
from ..normalize import shorten
from .facts import DocPlan
from .header import read_header
from .source import WordDocument, read_document
from .statements import read_statements
from .tables import read_tables, table_titles
from .text import skeleton

_LIST_TOTAL = re.compile(r"\b(?:danh sach|tong so|tong cong|gom|co tat ca)\b")


def build_docplan(document: WordDocument) -> DocPlan:
    plan = DocPlan(str(document.path), paragraphs=len(document.paragraphs), tables=len(document.tables))
    plan.header = read_header(document.blocks)
    read_statements(document.paragraphs, plan)
    read_tables(document.tables, table_titles(document.blocks), plan)
    _list_totals(document, plan)
    plan.mentions.sort(key=lambda mention: mention.where.sort_key())
    return plan


def _list_totals(document: WordDocument, plan: DocPlan) -> None:
    """'Danh sách này gồm: 20 đơn vị' right after a list table is that list's stated total."""
    for list_table in plan.list_tables:
        where = list_table.where
        table = next((table for table in document.tables
                      if (table.number and table.number == where.table)
                      or (table.paragraphs and where.paragraph in table.paragraphs)), None)
        if table is None:
            continue
        following = table.paragraphs[-1] + 1 if table.paragraphs else table.after + 1
        for count in plan.counts:
            if count.where.paragraph in (following, following + 1) and count.kind is None and \
                    _LIST_TOTAL.search(skeleton(count.sentence)):
                count.role = "list_total"
                list_table.stated = count
                break


def read_docplan(path: str | os.PathLike[str]) -> DocPlan:
    """Read a Word plan and recognise its statements. Raises PlanError when the file is not a usable plan."""
    document = read_document(path)
    if not document.blocks:
        raise PlanError("doc.empty", path=document.path)
    plan = build_docplan(document)
    if plan.header.letter:   # a letter may name schools and counts, but it is not the plan they belong to
        header = plan.header
        said = [f"Số: {header.reference}" if header.reference else "", f"V/v {header.subject}" if header.subject else "",
                header.addressee if not header.subject else ""]
        raise PlanError("doc.letter", path=document.path, said=shorten("; ".join(filter(None, said)), 120))
    if plan.recognised == 0:   # a letter, a report, a plan without a single figure: nothing could be checked
        raise PlanError("doc.not_a_plan", path=document.path, paragraphs=plan.paragraphs, tables=plan.tables)
    return plan
