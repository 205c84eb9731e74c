"""What every check gets: the plan, the derived facts, the language and the date."""
from __future__ import annotations

import datetime as dt
import math

from ..derive import Facts
from ..model import CellRef, Plan, Record
from ..normalize import format_amount, format_date, format_number
from ..records import record
from ..report import Finding, make_finding


@record
class Context:
    plan: Plan
    facts: Facts
    lang: str = "vi"
    as_of: dt.date | None = None

    def finding(self, rule_name: str, sheet: str | None, cell: str | None, variant: str | None = None, /,
                expected: object = None, actual: object = None, **params: object) -> Finding:
        return make_finding(rule_name, sheet, cell, self.lang, variant, expected=expected, actual=actual, **params)

    def at(self, rule_name: str, record: Record, key: str, variant: str | None = None, /, expected: object = None,
           actual: object = None, **params: object) -> Finding:
        """A finding on one field of a record (its cell, or the row's first cell if the column is absent)."""
        cell = record.cell(key) or f"A{record.row}"
        return self.finding(rule_name, record.sheet, cell, variant, expected=expected, actual=actual, **params)

    def at_ref(self, rule_name: str, ref: CellRef | None, sheet: str, variant: str | None = None, /,
               expected: object = None, actual: object = None, **params: object) -> Finding:
        return self.finding(rule_name, ref.sheet if ref else sheet, ref.a1 if ref else None, variant,
                            expected=expected, actual=actual, **params)

    def num(self, value: object) -> str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return format_amount(value, self.lang)
        return "" if value is None else str(value)

    def pct(self, value: float) -> str:
        text = f"{value * 100:.2f}"
        return (text.replace(".", ",") if self.lang == "vi" else text) + " %"

    def date(self, value: dt.date | None) -> str:
        return format_date(value) if self.lang == "vi" else (value.isoformat() if value else "")

    def show(self, value: object) -> str:
        """A raw cell value as the user typed it."""
        if isinstance(value, float) and (abs(value) >= 1e15 or not math.isfinite(value)):
            return format_number(value)
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        if isinstance(value, dt.datetime):
            return self.date(value.date())
        if isinstance(value, dt.date):
            return self.date(value)
        return "" if value is None else str(value)
