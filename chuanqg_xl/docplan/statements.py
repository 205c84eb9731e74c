"""The stock sentences of a plan → counts, names, money, rates, explanations, deadlines.

The paragraphs become *items*: a line of a paragraph, with its bullet depth
("-" 1, "+" 2); a line is cut after "trong đó" and at inline bullets, so a
sentence reads the same whether the plan writes its parts on one line or on
lines of their own. A count or a total followed by ":" or "trong đó", or a
batch/quarter line ("Quý III/2023: 08 trường"), takes the deeper (or
same-depth, part-like) items below it as its parts.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable

from ..normalize import parse_date
from .facts import (NEW, RENEW, Count, DocPlan, Explanation, Mention, Money, Rate, StaleYear, Typo, YearEnd,
                    Deadline, kind_group)
from .source import Paragraph, Where, quote
from .text import (COUNT, FRACTION, LEVEL2, MONEY, PERCENT, count_value, kinds_in, money_in, note_accreditation,
                   note_kind, note_standard, periods_in, skeleton, split_names)

_BULLET = re.compile(r"^\s*([-–—•*+])\s*")
_HEADING = re.compile(r"^\s*(?:[IVXL]+\.|\d+(?:\.\d+)*\.?)\s+")
_TRONG_DO = re.compile(r",?\s*\b(?:trong do|bao gom|gom co)\b\s*[:,]?\s*")
_COUNT_AHEAD = r"(?=(?:\d{1,3}|muoi|mot|hai|ba|bon|sau|bay|tam|chin)\s+(?:truong|don vi|co so)\b)"
_INLINE_PART = re.compile(r"(?<=[.;:])\s*[-+•]\s+|\s\+\s+(?=\S)|;\s*(?=\S)|,\s*(?=(?:cong nhan|cn |nang muc))"
                          rf"|,\s*{_COUNT_AHEAD}|\s+va\s+{_COUNT_AHEAD}")
_SENTENCE_END = re.compile(r"\.\s+(?=\S)|;")
_LEGAL_BASIS = re.compile(r"^\s*(?:[-+•]\s*)?(?:can cu|thuc hien|theo|xet)\b")


@dataclass(slots=True, eq=False)
class Item:
    text: str
    skel: str
    where: Where
    level: int
    heading: bool = False
    opens: bool = False          # ends with ':' or 'trong đó': the lines below are its parts
    inline: bool = False         # a part cut out of the line above
    split: bool = False          # this head had its parts on the same line
    named_below: bool = False    # its count's names are the lines below it (one school a line)
    names_line: bool = False     # a line that only names schools of the count above it
    line: str = ""               # the whole line the item was cut from, and where the item starts in it
    offset: int = 0

    def quote(self, start: int, end: int) -> str:
        """The item's line shortened around text[start:end] (what a finding is about)."""
        if not self.line:
            return quote(self.text, focus=(start, end))
        return quote(self.line, focus=(self.offset + start, self.offset + end))
    counts: list[Count] = field(default_factory=list)
    count_starts: list[int] = field(default_factory=list)
    money: list[Money] = field(default_factory=list)


def _bullet_level(line: str) -> tuple[int, str]:
    match = _BULLET.match(line)
    if not match:
        return 0, line
    return (2 if match.group(1) == "+" else 1), line[match.end():]


def items_of(paragraph: Paragraph) -> list[Item]:
    items: list[Item] = []
    for line in paragraph.text.replace("\t", " ").split("\n"):
        items.extend(_line_items(paragraph, line))
    return items


def _line_items(paragraph: Paragraph, line: str) -> list[Item]:
    """The items of one line: the line itself, or a head and the parts cut out of it. Each remembers the line."""
    where = paragraph.where
    level, body = _bullet_level(line)
    if not level and paragraph.list_level and not _HEADING.match(line):
        level = paragraph.list_level   # a Word list whose labels are unknown: its depth
    heading = bool(_HEADING.match(line)) and level == 0
    skel = skeleton(body)
    head: str | None = None
    parts: list[str] = []
    opens = split = False
    bracket = _bracket_parts(body, skel)
    cut = _TRONG_DO.search(skel)
    if bracket:   # "06 trường (công nhận mới 02 trường, công nhận lại 04 trường), cụ thể:"
        head, inner = bracket
        parts, opens, split = _inline_parts(inner), head.rstrip().endswith(":"), True
    elif cut and cut.start() > 0:
        head, rest = body[:cut.start()], body[cut.end():]
        parts, opens, split = _inline_parts(rest), not rest.strip(), bool(rest)
    else:
        pieces = _inline_parts(body) if re.search(r"(?<=[.;:])\s*[-+•]\s+|\s\+\s+", body) else [body]
        head, parts = pieces[0], pieces[1:]
        opens, split = head.rstrip().endswith(":"), len(pieces) > 1
    # quotes show the line without its typed bullet
    items = [Item(head, skeleton(head), where, level, heading, opens=opens, split=split, line=body)]
    position = len(head) if body.startswith(head) else 0
    for part in parts:
        found = body.find(part, position)
        items.append(Item(part, skeleton(part), where, level + 1, inline=True, line=body, offset=max(found, 0)))
        position = found + len(part) if found >= 0 else position
    return items


_COUNT_BEFORE = re.compile(rf"(?:{COUNT.pattern})\s*$")
_MONEY_BEFORE = re.compile(rf"(?:{MONEY.pattern})\s*$")


def _bracket_parts(text: str, skel: str) -> tuple[str, str] | None:
    """A count or an amount followed by its parts in brackets: (the sentence without them, the parts)."""
    for opened in (index for index, char in enumerate(skel) if char == "("):
        before = skel[:opened]
        pattern = COUNT if _COUNT_BEFORE.search(before) else MONEY if _MONEY_BEFORE.search(before) else None
        if pattern is None:
            continue
        depth, close = 0, -1
        for index in range(opened, len(skel)):
            depth += (skel[index] == "(") - (skel[index] == ")")
            if depth == 0:
                close = index
                break
        inner = skel[opened + 1:close]
        if close > 0 and len(pattern.findall(inner)) >= 2 and kinds_in(inner):
            return text[:opened].rstrip() + text[close + 1:], text[opened + 1:close]
    return None


def _inline_parts(text: str) -> list[str]:
    skel = skeleton(text)
    parts, position = [], 0
    for match in _INLINE_PART.finditer(skel):
        if match.start() > position:
            parts.append(text[position:match.start()])
        position = match.end()
    parts.append(text[position:])
    return [part.strip(" ;") for part in parts if part.strip(" ;.")]


# ---------------------------------------------------------------- one item

def _window_start(skel: str, before: int, floor: int) -> int:
    start = floor
    for match in _SENTENCE_END.finditer(skel, floor, before):
        start = match.end()
    return start


def _names_after(item: Item, count_end: int, next_count: int) -> tuple[int, int] | None:
    """Where the names of a count are written: after ':' (also past words like 'theo chỉ tiêu … giao'), inside
    the brackets that follow it, or right after it ('01 trường MN Minh Khai')."""
    text, skel = item.text, item.skel
    rest = skel[count_end:next_count]
    stripped = rest.lstrip()
    offset = count_end + len(rest) - len(stripped)
    inside = _closing_bracket(skel, count_end)
    if inside is not None:   # the count sits in brackets: "(07 trường: …)" or "Công nhận lại (10 trường): …"
        if stripped.startswith(":"):
            return offset + 1, inside
        after = skel[inside + 1:next_count].lstrip()
        if after.startswith(":"):
            start = inside + 1 + (len(skel[inside + 1:next_count]) - len(after)) + 1
            return start, _sentence_end(text, skel, start, next_count)
        return None
    if stripped.startswith("("):
        close = skel.find(")", offset)
        if close > 0:
            return offset + 1, close
    end_sentence = _sentence_end(text, skel, count_end, next_count)
    colon = skel.find(":", count_end, end_sentence)
    if colon >= 0 and not COUNT.search(skel, count_end, colon):
        return colon + 1, _sentence_end(text, skel, colon + 1, next_count)
    bracket = skel.find("(", count_end, end_sentence)
    if bracket >= 0:   # "03 trường Quý III (TH Kim Đồng, THCS Tây Sơn)"
        close = skel.find(")", bracket)
        if close > 0 and split_names(text, bracket + 1, close):
            return bracket + 1, close
    return offset, end_sentence


def _closing_bracket(skel: str, position: int) -> int | None:
    """The ')' closing a bracket opened before `position`, when the count is inside one."""
    depth = 0
    for index in range(position - 1, -1, -1):
        if skel[index] == ")":
            depth += 1
        elif skel[index] == "(":
            if depth == 0:
                close = skel.find(")", position)
                return close if close >= 0 else len(skel)
            depth -= 1
    return None


def _sentence_end(text: str, skel: str, start: int, limit: int) -> int:
    for match in re.finditer(r"\.(?=\s+[A-ZĐÀ-Ỹ]|\s*$)", text[start:limit]):
        return start + match.start()
    return limit


def _kind_near(skel: str, start: int, end: int) -> tuple[str | None, bool]:
    kinds = kinds_in(skel[start:end])
    found = {kind for _, _, kind in kinds}
    if NEW in found and (RENEW in found or "upgrade" in found):
        return None, True
    return (kinds[-1][2] if kinds else None), False


def parse_item(item: Item, plan_year: int | None = None) -> None:
    """Counts (with kind, period, role, names) and money of one item."""
    text, skel = item.text, item.skel
    matches = list(COUNT.finditer(skel))
    previous_end = 0
    previous_kind: str | None = None
    for index, match in enumerate(matches):
        next_start = matches[index + 1].start() if index + 1 < len(matches) else len(skel)
        window = _window_start(skel, match.start(), previous_end)
        kind, both = _kind_near(skel, window, match.start())
        after_end = min(next_start, _sentence_end(text, skel, match.end(), next_start))
        after = skel[match.end():after_end]
        after_kinds = re.split(r"[,;:(]", after, maxsplit=1)[0]
        if kind is None and not both:
            kind, both = _kind_near(after_kinds, 0, len(after_kinds))
        before = skel[window:match.start()]
        role = "plan"
        if "duy tri" in before or "giu vung" in before:
            role, kind, both = "kept", None, False
        elif re.search(r"\bthem\b", before):
            role = "extra"
            kind = kind or previous_kind
        elif "chi tieu" in before or "chi tieu" in after_kinds:
            role = "assigned"
        if re.search(r"\b(?:da duoc dau tu|da dau tu|duoc dau tu tu)\b", skel[match.end():]):
            role = "explained"
        periods = periods_in(text[window:match.start()], before)
        period_text = text[window:match.start()][periods[-1][0]:periods[-1][1]] if periods else ""
        if not periods:
            periods = periods_in(text[match.end():after_end], after)
            period_text = text[match.end():after_end][periods[-1][0]:periods[-1][1]] if periods else ""
        written = text[match.start("n"):match.end("n")]
        value = count_value(written)
        if value is None:
            continue
        count = Count(value, written, item.where, item.quote(match.start(), match.end()), kind=kind, both_kinds=both,
                      period=periods[-1][2] if periods else None, period_text=period_text.strip(), role=role)
        span = _names_after(item, match.end(), next_start)
        if span:
            for piece in split_names(text, *span):
                count.names.append(Mention(piece.name, item.where, item.quote(piece.start, piece.end),
                                           role="list" if role in ("plan", "assigned", "extra") else "text",
                                           kind=note_kind(
                    piece.note) or kind, standard_level=note_standard(piece.note),
                    accreditation_level=note_accreditation(piece.note), period=count.period, note=piece.note))
        item.counts.append(count)
        item.count_starts.append(match.start())
        previous_end = match.end()
        previous_kind = kind or previous_kind
    floor = 0
    for start, end, amount, written, unit in money_in(text, skel):
        window = _window_start(skel, start, floor)
        before = skel[window:start]
        kind, _ = _kind_near(skel, window, start)
        funded = [count for count, position in zip(item.counts, item.count_starts) if window <= position < start]
        money = Money(amount, written, unit, item.where, item.quote(start, end), kind=kind,
                      total=bool(re.search(r"\btong\b", before)), schools=funded[-1].value if funded else None)
        for count in funded:
            count.role = "funded"
        item.money.append(money)
        floor = end


# ---------------------------------------------------------------- grouping

def gather_names(items: list[Item]) -> None:
    """'Công nhận mới (04 đơn vị):' followed by one school a line (bullets, or paragraphs of their own): those
    lines are the count's names."""
    for index, item in enumerate(items):
        if not item.counts or not item.opens or item.counts[-1].names:
            continue
        count = item.counts[-1]
        lines: list[tuple[Item, list]] = []
        for other in items[index + 1:]:
            if other.counts or other.money or other.heading or other.level < item.level:
                break
            pieces = split_names(other.text, 0, len(other.text), whole=True)
            if not pieces:
                break
            lines.append((other, pieces))
        if not lines:
            continue
        item.named_below = True
        for other, pieces in lines:
            other.names_line = True
            for piece in pieces:
                count.names.append(Mention(piece.name, other.where, other.quote(piece.start, piece.end),
                                           role="list" if count.role in ("plan", "assigned", "extra") else "text",
                                           kind=note_kind(piece.note) or count.kind,
                                           standard_level=note_standard(piece.note),
                                           accreditation_level=note_accreditation(piece.note), period=count.period,
                                           note=piece.note))


def _period_head(item: Item) -> bool:
    return bool(item.counts) and item.counts[-1].period is not None and item.counts[-1].kind is None and \
        not item.counts[-1].names and not item.counts[-1].both_kinds


def _part_like(item: Item, money: bool) -> bool:
    if item.heading and not (item.counts and item.counts[0].kind is not None):
        return False   # '2. Thời gian dự kiến:' ends a group; '1. Công nhận mới 04 trường: …' is one of its parts
    if money:
        return bool(item.money) and item.money[0].kind is not None
    return bool(item.counts) and item.counts[0].kind is not None and item.counts[0].period is None or \
        bool(item.counts) and item.counts[0].both_kinds


def _other_kind(head: Count, part: Count) -> bool:
    return head.kind is not None and part.kind is not None and kind_group(head.kind) != kind_group(part.kind)


def group(items: list[Item]) -> tuple[list[Count], list[Money]]:
    """Top-level counts and money, with the parts their groups hold."""
    counts: list[Count] = []
    money: list[Money] = []
    taken_counts: set[int] = set()
    taken_money: set[int] = set()
    for index, item in enumerate(items):
        count_head = item.counts and not item.inline and not item.named_below and \
            (item.opens or item.split or _period_head(item))
        money_head = item.money and not item.inline and item.money[-1].total and (item.opens or item.split)
        for kind, is_head in (("count", count_head), ("money", money_head)):
            if not is_head:
                continue
            head = item.counts[-1] if kind == "count" else item.money[-1]
            head_item = item
            period = kind == "count" and _period_head(item)
            taken = taken_counts if kind == "count" else taken_money
            for other in items[index + 1:]:
                if other.inline and other.where == head_item.where and other.level > head_item.level:
                    pass
                elif (head_item.opens or period) and other.level > head_item.level and not other.heading \
                        and not other.inline:
                    pass
                elif other.level == head_item.level and (head_item.opens or period) and \
                        _part_like(other, kind == "money"):
                    pass
                else:
                    break
                if kind == "count" and other.counts and _other_kind(head, other.counts[0]):
                    break   # 'Công nhận mới …:' is not made of 'công nhận lại' schools: the next list begins
                if kind == "count" and other.counts and not (period and other.counts[0].period):
                    head.parts.append(other.counts[0])
                    taken.add(id(other.counts[0]))
                    if other.counts[0].period is None and head.period is not None:
                        other.counts[0].period = head.period
                        other.counts[0].period_text = head.period_text
                        for name in other.counts[0].names:
                            name.period = head.period
                elif kind == "money" and other.money:
                    head.parts.append(other.money[0])
                    taken.add(id(other.money[0]))
                elif kind == "count" and period and other.counts:
                    break
            if kind == "count":
                head.head = bool(head.parts) or item.opens
    for item in items:
        counts.extend(count for count in item.counts if id(count) not in taken_counts and count.role != "funded")
        money.extend(amount for amount in item.money if id(amount) not in taken_money)
    return counts, money


# ---------------------------------------------------------------- rates, explanations, years

# between a fraction and its percentage: "35/57 trường, tỉ lệ 61,40 %", "41/52 trường đạt chuẩn quốc gia, đạt tỷ
# lệ 78,8%"; and before a fraction: "tỷ lệ 78,8% (41/52 trường)"
_RATE_GAP = re.compile(r"^[\s,(:]*(?:(?:dat|chiem|bang|la|ti|ty|le|chuan|quoc|gia|muc|do|[12]|i{1,2})\b[\s,(:]*)*$")
_PERCENT_BEFORE = re.compile(r"(?P<p>\d{1,3}(?:[.,]\d+)?)\s*%\s*[(,:]?\s*(?:(?:dat|la|voi|gom|co)\s+)?$")


def _percent(written: str) -> float:
    return float(written.replace(".", "").replace(",", ".")) if "," in written else float(written)


def rates_of(item: Item) -> list[Rate]:
    rates = []
    for match in FRACTION.finditer(item.skel):
        tail = item.skel[match.end():match.end() + 60]
        percent = None
        written = ""
        hit = PERCENT.search(tail)
        if hit and _RATE_GAP.match(tail[:hit.start()]):
            written = item.text[match.end() + hit.start("p"):match.end() + hit.end("p")]
        else:
            ahead = _PERCENT_BEFORE.search(item.skel, max(0, match.start() - 24), match.start())
            if ahead:
                written = item.text[ahead.start("p"):ahead.end("p")]
        if written:
            percent = _percent(written)
        before = item.skel[max(0, match.start() - 30):match.start()]
        rates.append(Rate(int(match.group("a")), int(match.group("b")), percent, written, item.where,
                          item.quote(match.start(), match.end()), level2=bool(LEVEL2.search(before))))
    return rates


def year_end_of(item: Item, rates: list[Rate]) -> YearEnd | None:
    kept = next((count for count in item.counts if count.role == "kept"), None)
    new = next((count for count in item.counts if count.kind == NEW and count.role != "kept"), None)
    reached = re.search(r"\blen\s+(\d{1,4})\s*/\s*\d{1,4}", item.skel)
    if kept and new and reached:
        return YearEnd(kept.value, new.value, int(reached.group(1)), item.where,
                       item.quote(reached.start(), reached.end()))
    return None


def explanation_of(item: Item) -> Explanation | None:
    match = re.search(r"\b(?:da duoc dau tu|da dau tu|duoc dau tu tu)\b", item.skel)
    if not match:
        return None
    year = re.search(r"\bnam\s+(20\d\d)", item.skel[match.end():])
    count = next((count for count in item.counts if count.role == "explained"), None)
    names = count.names if count else []
    return Explanation(count.value if count else (len(names) or None), names,
                       int(year.group(1)) if year else None, item.where, item.quote(match.start(), match.end()))


_STALE = re.compile(r"\bke hoach\s+(?:nam\s+)?(20\d\d)\b")


def stale_years(item: Item, plan_year: int | None) -> list[StaleYear]:
    if not plan_year or _LEGAL_BASIS.match(item.skel):
        return []
    found = []
    for match in _STALE.finditer(item.skel):
        year = int(match.group(1))
        if year < plan_year:
            found.append(StaleYear(year, item.text[match.start():match.end()], item.where,
                                   item.quote(match.start(), match.end())))
    return found


_TELEX_YEAR = re.compile(r"\b([a-z]{3,5})\s+(20\d\d)\b")


def typos(item: Item) -> list[Typo]:
    """'anwm 2023': the Telex keys of 'năm' typed out of order, left unconverted before a year."""
    found = []
    for match in _TELEX_YEAR.finditer(item.skel):
        word = item.text[match.start(1):match.end(1)]
        if word.isascii() and word.islower() and sorted(word) == sorted("nawm"):
            found.append(Typo(word, "năm", item.where, item.quote(match.start(), match.end())))
    return found


_DUE = re.compile(r"\b(?:truoc ngay|truoc|han chot|thoi han|hoan thanh truoc|hoan thanh trong|"
                  r"hoan thanh vao)\s+(?:ngay\s+)?(\d{1,2}\s*/\s*\d{1,2}\s*/\s*20\d\d|"
                  r"\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+20\d\d)")


def deadlines_of(item: Item) -> list[Deadline]:
    if _LEGAL_BASIS.match(item.skel):
        return []
    found = []
    for match in _DUE.finditer(item.skel):
        written = item.text[match.start(1):match.end(1)]
        parsed = parse_date(written).value
        if isinstance(parsed, dt.date):
            found.append(Deadline(written, parsed, item.where, item.quote(match.start(1), match.end(1))))
    return found


# ---------------------------------------------------------------- school names in running text

_ABBR = r"(?:th&thcs|th-thcs|thcs&thpt|thcs|thpt|mn|mg|nt|th|ptdtbt|ptdtnt|ptcs)"
_SPELLED = r"(?:tieu hoc va trung hoc co so|mam non|mau giao|nha tre|tieu hoc|trung hoc co so|trung hoc pho thong)"
_FREE_NAME = re.compile(rf"\b(?:truong\s+(?:{_SPELLED}|{_ABBR})|{_ABBR})\s+(?:(?:xa|phuong|thi tran)\s+)?"
                        r"(?=\S)")
_TOKEN = re.compile(r"\S+")
_PUNCT = re.compile(r"[,.;:()]")


def free_mentions(text: str, where: Where, taken: list[tuple[int, int]], role: str = "text",
                  quote_at: Callable[[int, int], str] | None = None) -> list[Mention]:
    """'trường mầm non Nậm Loỏng', 'Trường THCS Tây Sơn', 'TH Ngô Thị Nhâm' in running text: a school
    prefix followed by capitalised words."""
    skel = skeleton(text)
    found = []
    for match in _FREE_NAME.finditer(skel):
        if any(start <= match.start() < end for start, end in taken):
            continue
        prefix_text = text[match.start():match.end()].split()
        if not skel[match.start():].startswith("truong") and not prefix_text[0].isupper():
            continue   # an abbreviation is written in capitals: 'TH', 'MN'
        end = match.end()
        words = 0
        for token in _TOKEN.finditer(text, match.end()):
            raw = token.group(0)
            word = _PUNCT.split(raw, 1)[0]   # "Sơn.Báo", "Hoàng)Phòng": cells run together end the name
            if not word or not (word[0].isupper() or word[0].isdigit()):
                break
            end = token.start() + len(word)
            words += 1
            if len(word) < len(raw) or words >= 5:
                break
        if words:
            name = text[match.start():end]
            found.append(Mention(name, where, quote_at(match.start(), end) if quote_at else
                                 quote(text, focus=(match.start(), end)), role=role))
            taken.append((match.start(), end))
    return found


_APPENDIX = re.compile(r"\bphu luc\b")


def _appendix_mentions(items: list[Item], money: list[Money]) -> None:
    """A total whose paragraph, or the one after its parts, says 'chi tiết tại Phụ lục' is detailed there."""
    cited = {item.where.paragraph for item in items if _APPENDIX.search(item.skel)}
    for amount in money:
        first = amount.where.paragraph or 0
        last = max([part.where.paragraph or 0 for part in amount.parts] + [first])
        amount.appendix = any(number in cited for number in range(first, last + 2))


def read_statements(paragraphs: list[Paragraph], plan: DocPlan) -> list[Item]:
    """Fill `plan` with what the paragraphs state; returns the items (for the tables' neighbours)."""
    year = plan.header.year
    items: list[Item] = []
    for paragraph in paragraphs:
        items.extend(items_of(paragraph))
    for item in items:
        parse_item(item, year)
    gather_names(items)
    for item in items:
        rates = rates_of(item)
        plan.rates.extend(rates)
        year_end = year_end_of(item, rates)
        if year_end:
            plan.year_ends.append(year_end)
        explanation = explanation_of(item)
        if explanation:
            plan.explanations.append(explanation)
        plan.stale_years.extend(stale_years(item, year))
        plan.typos.extend(typos(item))
        plan.deadlines.extend(deadlines_of(item))
    counts, money = group(items)
    plan.counts.extend(counts)
    plan.money.extend(money)
    _appendix_mentions(items, money)
    for item in items:
        names_here = [name for count in item.counts for name in count.names]
        plan.mentions.extend(names_here)
        taken = [(0, 0)]
        skel = item.skel
        for name in names_here:
            position = skel.find(skeleton(name.text))
            if position >= 0:
                taken.append((max(0, position - 8), position + len(name.text)))
        if not _LEGAL_BASIS.match(skel) and not item.names_line:
            plan.mentions.extend(free_mentions(item.text, item.where, taken, quote_at=item.quote))
    return items
