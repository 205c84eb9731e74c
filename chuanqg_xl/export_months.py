"""export months: the months a timeline task spans, read from its "Thời gian" and "Hạn hoàn thành".

`time_months('Quý II/2024', 2024)` → April to June; `task_months(task, year)`
extends them to the task's deadline. The timeline chart (`export_book`) fills
these months. Months count as ordinals (`month_ordinal`: year × 12 + month − 1)
so that ranges cross a year's end.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

from .model import Task
from .normalize import clean_text

_MONTH_EXPR = re.compile(
    r"thang\s*(\d{1,2})((?:\s*(?:,|;|va|-|–|den|toi)\s*(?:thang\s*)?\d{1,2}(?!\d|\s*/\s*\d{1,2}/))*)"
    r"(?:\s*(?:/|-|nam)\s*(\d{4}))?")
_QUARTER_EXPR = re.compile(r"quy\s*([ivx]+|\d)\b((?:\s*(?:,|va|-|–|den)\s*(?:quy\s*)?(?:[ivx]+|\d)\b)*)"
                           r"(?:\s*(?:/|-|nam)\s*(\d{4}))?")
_DATE_EXPR = re.compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b")
_NUMBER = re.compile(r"\b(?:[ivx]+|\d{1,2})\b")
_RANGE_WORDS = re.compile(r"(?:-|–|\bden\b|\btoi\b)")
_WHOLE_YEAR = ("ca nam", "thuong xuyen", "hang thang", "trong nam", "hang quy")
_HALVES = (("6 thang dau nam", (1, 6)), ("6 thang cuoi nam", (7, 12)))
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _plain_lower(value: object) -> str:
    """Lower case without diacritics, punctuation kept (fold drops commas and dashes, which matter here)."""
    cleaned = clean_text(value).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", cleaned)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _months_in(listing: str, first: int) -> tuple[list[int], bool]:
    """The numbers of '5,6' / '3 đến 5' after the first; and whether they form a range."""
    numbers = [first]
    for token in _NUMBER.findall(listing):
        numbers.append(_ROMAN.get(token, None) if not token.isdigit() else int(token))
    return [n for n in numbers if n is not None], bool(_RANGE_WORDS.search(listing))


def month_ordinal(month: tuple[int, int]) -> int:
    """(year, month) → a number that counts months, so that ranges cross a year's end."""
    return month[0] * 12 + month[1] - 1


def ordinal_month(value: int) -> tuple[int, int]:
    """The (year, month) of a `month_ordinal`."""
    return value // 12, value % 12 + 1


def time_months(value: object, year: int | None) -> list[tuple[int, int]]:
    """(year, month) pairs a 'Thời gian' text covers; [] when it names no month.

    'Tháng 5,6/2023' → May and June; 'Từ tháng 3 đến tháng 5/2024' → March to
    May; 'Quý II/2024' → April to June; 'Cả năm' → the whole year; a date
    ('Trước 31/01/2024') → its month.
    """
    key = _plain_lower(value)
    if not key:
        return []
    # A year the text states wins over the plan's ("Tháng 3 - 5 (2024)" in a 2023 plan).
    stated_years = [int(found) for found in re.findall(r"\b(20\d{2})\b", key)]
    default_year = stated_years[-1] if stated_years else year
    points: list[int] = []
    for match in _MONTH_EXPR.finditer(key):
        found_year = int(match.group(3)) if match.group(3) else default_year
        if found_year is None:
            continue
        numbers, is_range = _months_in(match.group(2) or "", int(match.group(1)))
        numbers = [n for n in numbers if 1 <= n <= 12]
        if is_range and numbers:
            points.extend(range(month_ordinal((found_year, min(numbers))),
                                month_ordinal((found_year, max(numbers))) + 1))
        else:
            points.extend(month_ordinal((found_year, n)) for n in numbers)
    for match in _QUARTER_EXPR.finditer(key):
        found_year = int(match.group(3)) if match.group(3) else default_year
        first = _ROMAN.get(match.group(1)) if not match.group(1).isdigit() else int(match.group(1))
        if found_year is None or first is None:
            continue
        quarters, _ = _months_in(match.group(2) or "", first)
        quarters = [q for q in quarters if 1 <= q <= 4]
        for quarter in range(min(quarters), max(quarters) + 1) if quarters else ():
            points.extend(range(month_ordinal((found_year, 3 * quarter - 2)),
                                month_ordinal((found_year, 3 * quarter)) + 1))
    for match in _DATE_EXPR.finditer(key):
        month, found_year = int(match.group(2)), int(match.group(3))
        if 1 <= month <= 12:
            points.append(month_ordinal((found_year, month)))
    if not points and default_year is not None:
        for phrase, (first, last) in _HALVES:
            if phrase in key:
                points.extend(range(month_ordinal((default_year, first)), month_ordinal((default_year, last)) + 1))
        if not points and any(phrase in key for phrase in _WHOLE_YEAR):
            points.extend(range(month_ordinal((default_year, 1)), month_ordinal((default_year, 12)) + 1))
    if not points:
        return []
    # Two month expressions joined by "đến" / "-" ("Tháng 11/2023 - Tháng 1/2024") make one range.
    if len(_MONTH_EXPR.findall(key)) > 1 and re.search(r"\d\s*(?:/\s*\d{4})?\s*(?:-|–|den|toi)\s*thang", key):
        points = list(range(min(points), max(points) + 1))
    return [ordinal_month(point) for point in sorted(set(points))]


def task_months(task: Task, year: int | None) -> list[tuple[int, int]]:
    """The months a task spans: its 'Thời gian', extended to its 'Hạn hoàn thành'."""
    months = [month_ordinal(month) for month in time_months(task.time, year)]
    deadline = task.deadline
    if isinstance(deadline, dt.date):
        end = month_ordinal((deadline.year, deadline.month))
        if not months:
            months = [end]
        elif end > max(months):
            months.extend(range(max(months) + 1, end + 1))
        elif end not in months and end < min(months):
            months.append(end)
    return [ordinal_month(month) for month in sorted(set(months))]
