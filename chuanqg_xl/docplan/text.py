"""The words of a plan's statements: counts, kinds, periods, money, rates and lists of school names.

Patterns run on a *skeleton* of the text — lower case, no diacritics, 'đ' as
'd' — that has exactly the length of the text, so a match's position cuts
the original words (with their diacritics) out of the sentence.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..normalize import Period, canonical_tones, parse_number_text, parse_period, split_school_name
from .facts import NEW, RENEW, UPGRADE


def _skeleton_table() -> dict[int, str]:
    table: dict[int, str] = {code: chr(code + 32) for code in range(ord("A"), ord("Z") + 1)}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base.isascii() and base.isalpha():
            table[code] = base.lower()
    table[ord("đ")] = table[ord("Đ")] = "d"
    table[ord("\u2019")] = table[ord("\u2018")] = "'"
    return table


_SKELETON = _skeleton_table()


def skeleton(value: str) -> str:
    """Lower case without diacritics, same length as `value` (NFC text)."""
    return value.translate(_SKELETON)


# ---------------------------------------------------------------- numbers and counts

# Counts written in words ("sáu trường"), matched with their diacritics: without them "tám" (8) is "tâm"
# ("trung tâm trường …") and "tư" (4) is the "tư" of "đầu tư".
# Counts written in words ("sáu trường") are matched with their diacritics: without them "tám" (8) is "tâm"
# ("trung tâm trường …"), and "tư"/"năm" are not taken as numbers at all ("đầu tư cơ sở", "năm trường học").
NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
                "mười": 10, "mười một": 11, "mười hai": 12, "mười ba": 13, "mười bốn": 14, "mười lăm": 15,
                "mười sáu": 16, "mười bảy": 17, "mười tám": 18, "mười chín": 19, "hai mươi": 20}
_WORDS = "|".join(sorted({re.escape(word.translate(_SKELETON)) for word in NUMBER_WORDS}, key=len, reverse=True))
UNIT_WORDS = r"(?:don vi truong|don vi|truong hoc|truong|co so giao duc|co so|csgd)"
COUNT = re.compile(rf"(?<![\d/.,])\b(?P<n>\d{{1,3}}|{_WORDS})\s+{UNIT_WORDS}\b(?!\s*hop\b)")
FRACTION = re.compile(r"(?<![\d/])(?P<a>\d{1,4})\s*/\s*(?P<b>\d{1,4})\s+(?:truong|don vi|co so)\b")
PERCENT = re.compile(r"(?P<p>\d{1,3}(?:[.,]\d+)?)\s*%")
MONEY = re.compile(r"(?<![\d.,])(?P<n>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*"
                   r"(?P<u>trieu dong|ty dong|ti dong|nghin dong|ngan dong|trieu d\b|trd\b|dong\b)")
MONEY_FACTOR = {"trieu dong": 1.0, "trieu d": 1.0, "trd": 1.0, "ty dong": 1000.0, "ti dong": 1000.0,
                "nghin dong": 0.001, "ngan dong": 0.001, "dong": 0.000001}


def count_value(written: str) -> int | None:
    """'06' → 6, 'sáu' → 6; None for a word that only looks like a number without its diacritics ('tâm')."""
    if written.isdigit():
        return int(written)
    return _NUMBER_KEYS.get(canonical_tones(" ".join(written.lower().split())))


_NUMBER_KEYS = {canonical_tones(words): value for words, value in NUMBER_WORDS.items()}


# ---------------------------------------------------------------- kinds, roles, periods

_KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("cong nhan lai va nang muc do", RENEW), ("cong nhan lai, nang muc do", RENEW), ("cn lai va nang muc do", RENEW),
    ("cong nhan moi", NEW), ("cong nhan lan dau", NEW), ("cn lan dau", NEW), ("cn moi", NEW),
    ("cong nhan chuan moi", NEW), ("dat chuan lan dau", NEW), ("xay dung moi", NEW),
    ("cong nhan lai", RENEW), ("cn lai", RENEW), ("tai cong nhan", RENEW), ("cong nhan duy tri chuan", RENEW),
    ("nang muc do", UPGRADE), ("nang chuan", UPGRADE),
)
KIND_RE = re.compile(r"\b(" + "|".join(re.escape(word) for word, _ in _KIND_WORDS) + r")\b")
_KIND_OF = dict(_KIND_WORDS)


def kinds_in(skel: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every kind phrase in a skeleton."""
    return [(match.start(), match.end(), _KIND_OF[match.group(1)]) for match in KIND_RE.finditer(skel)]


PERIOD_RE = re.compile(r"\b(?:quy\s*(?:[ivx]+|[1-4])\b(?:\s*(?:/|nam)\s*20\d\d)?"
                       r"|dot\s*(?:\d{1,2}|[ivx]+)\b(?:\s*\(?\s*thang\s*\d{1,2}\s*/\s*20\d\d\s*\)?)?)")


def periods_in(text: str, skel: str) -> list[tuple[int, int, Period]]:
    found = []
    for match in PERIOD_RE.finditer(skel):
        period = parse_period(text[match.start():match.end()])
        if period is not None:
            found.append((match.start(), match.end(), period))
    return found


LEVEL2 = re.compile(r"muc do\s*(?:2|ii)\b")
STANDARD = re.compile(r"muc do\s*(1|2|i{1,2})\b")
ACCREDITATION = re.compile(r"cap do\s*([1-4]|i{1,3}|iv)\b")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def level_number(token: str) -> int:
    return int(token) if token.isdigit() else _ROMAN[token]


# ---------------------------------------------------------------- school names

_PROTECTED_AND = re.compile(r"\b(?:tieu hoc va trung hoc co so|th va thcs|thcs va thpt|"
                            r"trung hoc co so va trung hoc pho thong|cong nhan lai va nang|mam non va tieu hoc)\b")
_SPLIT = re.compile(r"[,;\n]|\s+va\s+|\s+\+\s+")
_LEAD = re.compile(r"^(?:\+|-|–|•|cac\s+|nhung\s+|la\s+|gom\s*:?\s*)+")
_TRUONG = re.compile(r"^truong\s+")
_NAME_STOP = re.compile(r"\s+(?:dat chuan|dat kiem dinh|muc do|cap do|cong nhan|nang muc|duoc|da |theo |tai |"
                        r"thuoc |hoan thanh|de nghi|chuan bi|dam bao|voi |trong |nam 20|nhu sau)")
MAX_NAME_WORDS = 12


@dataclass(frozen=True, slots=True)
class NamePiece:
    name: str
    note: str
    start: int
    end: int


def _is_name(piece: str) -> bool:
    parts = split_school_name(piece)
    if not (parts.prefix or parts.boarding) or not parts.folded:
        return False
    words = piece.split()
    if len(words) > MAX_NAME_WORDS:
        return False
    rest = parts.exact.split()
    # the proper name starts with a capital or a number ("TH Số 2", "TH Đoàn Kết"), not "th cũng"
    tail = words[len(words) - len(rest):] if rest else []
    return bool(tail) and (tail[0][:1].isupper() or tail[0][:1].isdigit())


def split_names(text: str, start: int, end: int, *, whole: bool = False) -> list[NamePiece]:
    """School names in text[start:end], separated by ',', ';', 'và', line breaks; a note in brackets after a
    run of names ('(mức độ 2)') belongs to every name of the run. Stops at the first piece that is not a name
    once names were found; with `whole`, a piece that is not a name means the text is not a list of names
    (nothing is returned)."""
    skel = skeleton(text)
    segment = skel[start:end]
    masked = list(segment)
    for match in _PROTECTED_AND.finditer(segment):   # "Tiểu học và Trung học cơ sở" is one prefix
        for index in range(match.start(), match.end()):
            if segment[index] == "v" and segment[index:index + 3] == "va " and index > match.start():
                masked[index] = masked[index + 1] = "_"
    notes: list[tuple[int, int]] = []
    depth, opened = 0, 0
    for index, char in enumerate(segment):
        if char == "(":
            if depth == 0:
                opened = index
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                notes.append((opened, index + 1))
                for inner in range(opened, index + 1):
                    masked[inner] = " "
    masked_text = "".join(masked)
    pieces: list[NamePiece] = []
    run_start = 0
    position = 0
    for match in [*_SPLIT.finditer(masked_text), None]:
        stop = match.start() if match else len(masked_text)
        raw_start, raw_end = position, stop
        position = match.end() if match else len(masked_text)
        chunk = masked_text[raw_start:raw_end]
        lead = len(chunk) - len(chunk.lstrip())
        piece_start = start + raw_start + lead
        piece_skel = chunk.strip()
        if not piece_skel or whole and not any(char.isalnum() for char in piece_skel):
            continue
        cut = _LEAD.match(piece_skel)
        offset = cut.end() if cut else 0
        cut = _TRUONG.match(piece_skel[offset:])
        offset += cut.end() if cut else 0
        stop_match = _NAME_STOP.search(piece_skel, offset)
        name_end = stop_match.start() if stop_match else len(piece_skel)
        name = text[piece_start + offset:piece_start + name_end].split("(")[0].strip(" .:")
        trailing = text[piece_start + name_end:piece_start + len(piece_skel)].strip(" .:")
        if not name or not _is_name(name):
            if whole:
                return []
            if pieces:
                break
            continue
        pieces.append(NamePiece(name, trailing, piece_start + offset, piece_start + name_end))
        # notes in brackets right after this piece apply to the run of names since the last note
        for note_start, note_end in notes:
            if raw_start <= note_start < raw_end:
                note = text[start + note_start + 1:start + note_end - 1].strip()
                for index in range(run_start, len(pieces)):
                    piece = pieces[index]
                    pieces[index] = NamePiece(piece.name, "; ".join(filter(None, (piece.note, note))), piece.start,
                                              piece.end)
                run_start = len(pieces)
    return pieces


def note_kind(note: str) -> str | None:
    found = kinds_in(skeleton(note))
    return found[0][2] if found else None


def note_standard(note: str) -> int | None:
    match = STANDARD.search(skeleton(note))
    return level_number(match.group(1)) if match else None


def note_accreditation(note: str) -> int | None:
    match = ACCREDITATION.search(skeleton(note))
    return level_number(match.group(1)) if match else None


# ---------------------------------------------------------------- money

def money_in(text: str, skel: str) -> list[tuple[int, int, float, str, str]]:
    """(start, end, amount in million VND, as written, unit as written)."""
    found = []
    for match in MONEY.finditer(skel):
        written = text[match.start("n"):match.end("n")]
        number = parse_number_text(written)
        if number is None:
            continue
        unit = match.group("u")
        found.append((match.start(), match.end(), number * MONEY_FACTOR[unit], written,
                      text[match.start("u"):match.end("u")]))
    return found
