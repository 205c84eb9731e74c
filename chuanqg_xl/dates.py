"""A day typed by a person: day/month/year as Vietnamese write it, or year-month-day.

The page's date field and the command line's `--as-of` read a day the same way, and refuse one that cannot be
read or does not exist with the same sentence.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

from .errors import PlanError

_DAY_MONTH_YEAR = re.compile(r"\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*")
_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*")
YEARS = range(2000, 2101)


def show_day(day: dt.date) -> str:
    """A date as the page's date field writes it: day/month/year, whatever the browser's language."""
    return day.strftime("%d/%m/%Y")


def parse_day(value: str | None, today: dt.date | None = None) -> dt.date:
    """A typed date: day/month/year ('30/6/2024', '30-06-2024', '30.06.2024'), or year-month-day ('2024-06-30');
    today when empty.

    A date that cannot be read, or does not exist ('31/02/2024', '06/30/2024' typed month first), is a
    PlanError whose sentence says which and gives an example.
    """
    today = today or dt.date.today()
    if not value or not value.strip():
        return today
    value = value.strip()[:40]
    example = show_day(today)
    match = _DAY_MONTH_YEAR.fullmatch(value)
    if match:
        day, month, year = (int(part) for part in match.groups())
    elif _ISO_DAY.fullmatch(value):
        year, month, day = (int(part) for part in _ISO_DAY.fullmatch(value).groups())
    else:
        raise PlanError("date.unreadable", value=value, example=example)
    if not 1 <= month <= 12:
        raise PlanError("date.no_such_month", value=value, month=month, example=example)
    if year not in YEARS:
        raise PlanError("date.year_out_of_range", value=value, year=year, first=YEARS[0], last=YEARS[-1])
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise PlanError("date.no_such_day", value=value, month=month, year=year, days=days)
    return dt.date(year, month, day)
