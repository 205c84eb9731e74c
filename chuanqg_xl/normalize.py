"""Normalising what people type: Vietnamese text, numbers, dates, periods, school names.

Everything here is pure and cheap; the reader calls these functions for every
cell, so they avoid regex compilation at call time and heavy imports.
"""
from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from .lazyre import lazy_compile
from .records import record

_ODD_SPACES = ("\u200b", "\u2060", "\ufeff")  # zero-width characters that split() does not remove
_APOSTROPHES = str.maketrans({"\u2019": "", "\u2018": "", "'": "", "`": "", "\u00b4": ""})


@lru_cache(maxsize=262_144, typed=True)
def clean_text(value: object) -> str:
    """NFC text with whitespace collapsed and trimmed; '' for empty cells."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = value if isinstance(value, str) else str(value)
    if not text.isascii():
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        for odd in _ODD_SPACES:
            if odd in text:
                text = text.replace(odd, "")
    return " ".join(text.split())


def has_hygiene_problem(text: str) -> str | None:
    """Why a raw text needs tidying ('nfd', 'spaces'), or None if it is clean."""
    if not text or text.isascii() and "  " not in text and text == text.strip():
        return None
    if not unicodedata.is_normalized("NFC", text):
        return "nfd"
    if text != text.strip() or "  " in text or "\u00a0" in text:
        return "spaces"
    return None


def _fold_table() -> bytes:
    """ASCII bytes → their folded form: letters lower-cased, punctuation (but & % /) to spaces."""
    table = bytearray(range(256))
    for code in range(256):
        char = chr(code)
        if "A" <= char <= "Z":
            table[code] = code + 32
        elif not (char.isalnum() or char in "&%/_") and code < 128:
            table[code] = ord(" ")
    return bytes(table)


_FOLD_BYTES = _fold_table()


@lru_cache(maxsize=200_000, typed=True)
def fold(value: object) -> str:
    """Comparison key: lower case, no diacritics, đ→d, punctuation to spaces.

    'T’H&THCS' and 'th & thcs' fold alike; '&' and '/' survive because they
    separate levels ('TH&THCS') and periods ('III/2023'). Everything runs in C
    (NFD, ASCII encoding, a byte table): this is called for every label and name.
    """
    text = clean_text(value)
    if not text:
        return ""
    if not text.isascii():
        # Decomposed, the marks are separate code points that the ASCII encoding drops; đ has no decomposition.
        text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    data = text.encode("ascii", "ignore").translate(_FOLD_BYTES, b"'`")
    folded = " ".join(data.decode("ascii").split())
    if "&" in folded:
        folded = folded.replace(" & ", "&").replace(" &", "&").replace("& ", "&")
    return folded


# ---------------------------------------------------------------- tone marks

# The five tone marks, as combining characters. Vietnamese has two accepted placements ("hoà, thuỵ, khoẻ" and
# "hòa, thụy, khỏe"): the same spelling, so names are compared with the mark moved to one canonical place.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_VOWELS = frozenset("aeiouyAEIOUY")
_SHAPED = frozenset("\u0302\u0306\u031b")  # â ê ô, ă, ơ ư: the vowel that carries the tone when present
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=65_536)
def _canonical_syllable(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = [char for char in decomposed if char in _TONES]
    if len(tones) != 1:
        return word
    # Base letters with their own (non-tone) marks.
    letters: list[list[str]] = []
    for char in decomposed:
        if char in _TONES:
            continue
        if unicodedata.combining(char) and letters:
            letters[-1].append(char)
        else:
            letters.append([char])
    vowels = [index for index, letter in enumerate(letters) if letter[0] in _VOWELS]
    if not vowels:
        return word
    first = vowels[0]
    # "qu", "gi": the u / i belongs to the consonant when another vowel follows.
    if len(vowels) > 1 and first > 0 and (letters[first - 1][0] in "qQ" and letters[first][0] in "uU"
                                          or letters[first - 1][0] in "gG" and letters[first][0] in "iI"):
        vowels = vowels[1:]
    shaped = [index for index in vowels if any(mark in _SHAPED for mark in letters[index][1:])]
    if shaped:
        target = shaped[-1]
    elif len(vowels) == 1 or vowels[-1] < len(letters) - 1:
        target = vowels[-1]          # one vowel, or a closed syllable ("hoàn", "toán"): the last vowel
    else:
        target = vowels[0]           # an open syllable: one fixed choice for both conventions
    letters[target].append(tones[0])
    return unicodedata.normalize("NFC", "".join("".join(letter) for letter in letters))


def canonical_tones(text: str) -> str:
    """Text with every syllable's tone mark in one place: 'Thuỵ' and 'Thụy', 'hoà' and 'hòa' come out alike.

    Only for comparison keys (names are shown as written); other marks (â, ơ, ư, ă, đ) are kept, so 'Nhâm'
    and 'Nhậm' stay different.
    """
    if text.isascii():
        return text
    return _WORD.sub(lambda match: _canonical_syllable(match.group(0)), text)


# ---------------------------------------------------------------- numbers

@record(frozen=True, slots=True)
class Parsed:
    """A value read from a cell: the parsed value, and how it was stored."""

    value: object
    was_text: bool = False
    ok: bool = True


EMPTY = Parsed(None)
_NUM_TEXT = lazy_compile(r"^[+-]?[\d.,\s]+%?$")
_GROUPED_DOT = lazy_compile(r"^\d{1,3}(\.\d{3})+$")
_GROUPED_COMMA = lazy_compile(r"^\d{1,3}(,\d{3}){2,}$")


def parse_number_text(text: str) -> float | None:
    """Vietnamese-style number text to float: '44.497' → 44497, '61,40' → 61.4.

    Dot groups thousands and comma marks decimals, as Vietnamese staff write
    them; when both appear, the last one is the decimal mark.
    """
    text = text.replace(" ", "").replace("\u00a0", "")
    if text.endswith("%"):
        text = text[:-1]
    sign = ""
    if text[:1] in ("+", "-"):  # not `in "+-"`: the empty string is in every string
        sign, text = text[0], text[1:]
    if not text or not _NUM_TEXT.match(text):
        return None
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif dots:
        if dots > 1 or _GROUPED_DOT.match(text):
            if not _GROUPED_DOT.match(text):
                return None
            text = text.replace(".", "")
    elif commas:
        if commas > 1:
            if not _GROUPED_COMMA.match(text):
                return None
            text = text.replace(",", "")
        else:
            text = text.replace(",", ".")
    try:
        number = float(sign + text)
    except ValueError:
        return None
    return number


_ERROR_VALUES = frozenset(
    {"#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#N/A", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"}
)


def is_error_value(value: object) -> bool:
    return isinstance(value, str) and value.strip().upper() in _ERROR_VALUES


def parse_number(value: object) -> Parsed:
    """A number from a cell value; text numbers are accepted and remembered."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return Parsed(None, ok=False)
    if isinstance(value, (int, float)):
        number = float(value)
        if not math.isfinite(number):
            return Parsed(None, ok=False)
        return Parsed(number)
    if isinstance(value, str):
        text = clean_text(value)
        if not text:
            return EMPTY
        number = parse_number_text(text)
        if number is None or not math.isfinite(number):
            return Parsed(None, was_text=True, ok=False)
        return Parsed(number, was_text=True)
    return Parsed(None, ok=False)


_LEADING_COUNT = lazy_compile(r"^\s*(\d+)\s*(trường|đơn vị|truong|don vi|cơ sở|co so)?\s*$", re.IGNORECASE)


def parse_count(value: object) -> Parsed:
    """A whole count: 6, '06', '06 trường'."""
    if isinstance(value, str):
        match = _LEADING_COUNT.match(clean_text(value))
        if match:
            return Parsed(float(int(match.group(1))), was_text=True)
    parsed = parse_number(value)
    if parsed.value is not None and not float(parsed.value).is_integer():
        return Parsed(None, was_text=parsed.was_text, ok=False)
    return parsed


def parse_percent(value: object) -> Parsed:
    """A rate as a fraction: 0.614, '61,40 %' and 61.4 all give 0.614."""
    if isinstance(value, str):
        text = clean_text(value)
        parsed = parse_number(text)
        if parsed.value is None:
            return parsed
        number = float(parsed.value)
        if text.endswith("%") or number > 1:
            number /= 100
        return Parsed(number, was_text=True)
    parsed = parse_number(value)
    if parsed.value is not None and float(parsed.value) > 1:
        return Parsed(float(parsed.value) / 100, was_text=parsed.was_text)
    return parsed


# ---------------------------------------------------------------- dates

_DATE_DMY = lazy_compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})")
_DATE_YMD = lazy_compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DATE_WORDS = lazy_compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})")
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(value: object) -> Parsed:
    """A date from a date cell, an Excel serial number, or '31/01/2024'."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, dt.datetime):
        return Parsed(value.date())
    if isinstance(value, dt.date):
        return Parsed(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20000 <= value <= 80000:
            return Parsed(_EXCEL_EPOCH + dt.timedelta(days=int(value)))
        return Parsed(None, ok=False)
    if isinstance(value, str):
        text = clean_text(value)
        if not text:
            return EMPTY
        match = _DATE_DMY.search(text)
        if match:
            day, month, year = (int(g) for g in match.groups())
            found = _safe_date(year, month, day)
            return Parsed(found, was_text=True, ok=found is not None)
        match = _DATE_YMD.search(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            found = _safe_date(year, month, day)
            return Parsed(found, was_text=True, ok=found is not None)
        match = _DATE_WORDS.search(fold(text))
        if match:
            day, month, year = (int(g) for g in match.groups())
            found = _safe_date(year, month, day)
            return Parsed(found, was_text=True, ok=found is not None)
    return Parsed(None, was_text=isinstance(value, str), ok=False)


def format_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def format_number(value: float | None, decimals: int = 3) -> str:
    """Vietnamese display: 44497 → '44.497', 61.4 → '61,4'."""
    if value is None:
        return ""
    if not math.isfinite(value):
        return "#NUM!"  # beyond the float range: what Excel shows
    if abs(value) >= 1e15:  # past Excel's 15 digits a number is shown, and was typed, in scientific notation
        return f"{value:.3E}".replace(".", ",")
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_amount(value: float | int, lang: str) -> str:
    """A number for a message: Vietnamese 44.497 and 61,4; English 44,497 and 61.4; absurd ones kept short."""
    try:
        number = float(value)
    except OverflowError:  # an integer beyond the float range
        number = math.inf
    if lang == "vi":
        return format_number(number)
    if not math.isfinite(number):
        return "#NUM!"
    if abs(number) >= 1e15:
        return f"{number:.3E}"
    return f"{int(number):,}" if number.is_integer() else f"{number:,.3f}".rstrip("0").rstrip(".")


def shorten(value: str, limit: int) -> str:
    """A long text cut to `limit` characters, with an ellipsis."""
    return value if len(value) <= limit else value[:limit - 1].rstrip() + "…"


# ---------------------------------------------------------------- vocabularies

def _spelling_key(text: str) -> str:
    """Key for 'the same spelling': case, spacing, Unicode form and tone-mark placement aside, diacritics kept."""
    return canonical_tones(clean_text(text).lower())


class Vocabulary:
    """Canonical values and the ways people write them.

    Matching is by folded text, so case, diacritics and spacing do not matter.
    """

    def __init__(self, name: str, entries: Iterable[tuple[str, Iterable[str]]]) -> None:
        self.name = name
        self.values: tuple[str, ...] = ()
        self._index: dict[str, str] = {}
        # Folded key → the known spellings with that key (first written first), each under its spelling key.
        self._spellings: dict[str, dict[str, str]] = {}
        self._slips: dict[str, str | None] = {}
        values = []
        for canonical, synonyms in entries:
            values.append(canonical)
            for text in (canonical, *synonyms):
                key = fold(text)
                self._index.setdefault(key, canonical)
                self._spellings.setdefault(key, {}).setdefault(_spelling_key(text), text)
        self.values = tuple(values)

    def match(self, value: object) -> str | None:
        key = fold(value)
        if not key:
            return None
        return self._index.get(key)

    def suggest(self, value: object) -> str | None:
        """The closest canonical value to a text that did not match."""
        from difflib import get_close_matches  # only for misspelt values: kept out of every start-up

        key = fold(value)
        if not key:
            return None
        close = get_close_matches(key, list(self._index), n=1, cutoff=0.5)
        if close:
            return self._index[close[0]]
        for known, canonical in self._index.items():
            if len(known) > 1 and (known in key or key in known):
                return canonical
        return None

    def misspelt(self, value: object) -> str | None:
        """The known spelling a value is read as when only its diacritics make it match ('Công nhân mới' is read
        as 'Công nhận mới', but 'nhân' is another word): that spelling, else None.

        Case, spacing, the Unicode form and the placement of tone marks ('hoà' / 'hòa') are the same spelling;
        a value typed without any diacritics ('Cong nhan moi', no Vietnamese keyboard) is read as meant and
        is no slip either.
        """
        if value.__class__ is not str or value.isascii():
            return None
        found = self._slips.get(value, False)
        if found is not False:
            return found
        text = clean_text(value)
        spellings = self._spellings.get(fold(text))
        slip = None
        if spellings and not text.isascii() and _spelling_key(text) not in spellings:
            slip = next(iter(spellings.values()))
        if len(self._slips) < 10_000:   # distinct values typed in a dropdown column: a handful per plan
            self._slips[value] = slip
        return slip

    def __contains__(self, value: object) -> bool:
        return self.match(value) is not None


# ---------------------------------------------------------------- periods

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
          "xi": 11, "xii": 12}
_QUARTER = re.compile(r"\b(?:quy|q)\s*([ivx]+|\d)\b(?:\s*(?:/|nam|-)\s*(\d{4}))?")
_BATCH = re.compile(r"\bdot\s*([ivx]+|\d+)\b")
_MONTH = re.compile(r"\bthang\s*(\d{1,2})(?:\s*,\s*\d{1,2})*(?:\s*(?:/|nam|-)\s*(\d{4}))?")
_YEAR = re.compile(r"\b(20\d{2})\b")


def _ordinal(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return _ROMAN.get(token)


@record(frozen=True, slots=True)
class Period:
    """A batch, quarter or month as plans write them ('Quý III/2023', 'Đợt 1')."""

    kind: str  # "quarter", "batch" or "month"
    number: int
    year: int | None = None
    month: int | None = None  # the month a batch is held in, when stated

    def same_as(self, other: Period) -> bool:
        if self.kind != other.kind or self.number != other.number:
            return False
        return self.year is None or other.year is None or self.year == other.year

    def label(self) -> str:
        roman = {1: "I", 2: "II", 3: "III", 4: "IV"}
        if self.kind == "quarter":
            text = f"Quý {roman.get(self.number, self.number)}"
        elif self.kind == "batch":
            text = f"Đợt {self.number}"
        else:
            text = f"Tháng {self.number}"
        return f"{text}/{self.year}" if self.year else text


@lru_cache(maxsize=65_536, typed=True)   # the same few texts ('Quý III/2024') in every row of every plan
def parse_period(value: object) -> Period | None:
    """Batch, quarter or month from text like 'Đợt 1 (tháng 3/2024)'."""
    key = fold(value)
    if not key:
        return None
    years = _YEAR.findall(key)
    year = int(years[-1]) if years else None
    match = _BATCH.search(key)
    if match:
        number = _ordinal(match.group(1))
        month_match = _MONTH.search(key)
        month = int(month_match.group(1)) if month_match else None
        if number:
            return Period("batch", number, year, month)
    match = _QUARTER.search(key)
    if match:
        number = _ordinal(match.group(1))
        if number and 1 <= number <= 4:
            return Period("quarter", number, int(match.group(2)) if match.group(2) else year)
    match = _MONTH.search(key)
    if match:
        number = int(match.group(1))
        if 1 <= number <= 12:
            return Period("month", number, int(match.group(2)) if match.group(2) else year)
    return None


# ---------------------------------------------------------------- school names

# Name prefixes and what they say about the school. The canonical prefix is part
# of a school's identity ("TH Ngô Thị Nhậm" and "MN Ngô Thị Nhậm" are two schools).
_PREFIXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("TH&THCS", "TH&THCS", ("th&thcs", "th thcs", "th va thcs", "tieu hoc va trung hoc co so",
                            "tieu hoc&trung hoc co so", "ptcs", "tieu hoc trung hoc co so")),
    ("THCS&THPT", "THPT", ("thcs&thpt", "thcs thpt", "thcs va thpt", "trung hoc co so va trung hoc pho thong",
                           "ptth")),
    ("THCS", "THCS", ("thcs", "trung hoc co so")),
    ("THPT", "THPT", ("thpt", "trung hoc pho thong")),
    ("TH", "Tiểu học", ("th", "tieu hoc")),
    ("MN", "Mầm non", ("mn", "mam non")),
    ("MG", "Mầm non", ("mg", "mau giao")),
    ("NT", "Mầm non", ("nt", "nha tre")),
)
_BOARDING = ("ptdtbt", "ptdtnt", "pho thong dan toc ban tru", "pho thong dan toc noi tru")
_PREFIX_INDEX = sorted(
    ((tuple(alias.split()), canonical, level) for canonical, level, aliases in _PREFIXES for alias in aliases),
    key=lambda item: -len(" ".join(item[0])),
)
_BOARDING_INDEX = tuple(tuple(word.split()) for word in _BOARDING)
_PLACE_WORDS = (("xa",), ("phuong",), ("thi", "tran"))


@record(frozen=True, slots=True)
class SchoolName:
    """A school name split into its level prefix and the rest.

    `exact` keeps diacritics (so "Nhâm" ≠ "Nhậm"); `folded` drops them, for
    forgiving matching. Both ignore case, spacing and punctuation.
    """

    prefix: str | None   # canonical prefix: "TH", "MN", "TH&THCS"…; None when absent
    level: str | None    # the level the prefix implies ("Tiểu học"…)
    exact: str
    folded: str
    boarding: bool = False

    @property
    def exact_key(self) -> tuple[str, str]:
        return (self.prefix or "", self.exact)

    @property
    def folded_key(self) -> tuple[str, str]:
        return (self.prefix or "", self.folded)


_NAME_PUNCT = re.compile(r"[^\w&]+")
# Prefix aliases grouped by their first word, longest first, so a name is compared with a handful, not all.
_PREFIXES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
for _alias in _PREFIX_INDEX:
    _PREFIXES_BY_FIRST.setdefault(_alias[0][0], []).append(_alias)


def _name_tokens(text: str) -> list[str]:
    text = text.translate(_APOSTROPHES)
    text = _NAME_PUNCT.sub(" ", text).replace(" & ", "&").replace("& ", "&").replace(" &", "&")
    return [(token.lstrip("0") or "0") if token[0] == "0" and token.isdigit() else token for token in text.split()]


def _starts_with(tokens: list[str], start: int, words: tuple[str, ...]) -> bool:
    return tuple(tokens[start:start + len(words)]) == words


@lru_cache(maxsize=200_000, typed=True)
def split_school_name(value: object) -> SchoolName:
    text = canonical_tones(clean_text(value).lower())
    exact = _name_tokens(text)
    folded = _name_tokens(fold(text)) if not text.isascii() else exact
    if len(folded) != len(exact):  # defensive: marks never split tokens in NFC text
        exact = folded
    pos = 1 if folded[:1] == ["truong"] else 0
    boarding = False
    for words in _BOARDING_INDEX:
        if _starts_with(folded, pos, words):
            pos, boarding = pos + len(words), True
            break
    prefix = level = None
    if pos < len(folded):
        for words, canonical, implied in _PREFIXES_BY_FIRST.get(folded[pos], ()):
            if _starts_with(folded, pos, words):
                prefix, level, pos = canonical, implied, pos + len(words)
                break
    for words in _PLACE_WORDS:
        if _starts_with(folded, pos, words) and len(folded) > pos + len(words):
            pos += len(words)
            break
    return SchoolName(prefix, level, " ".join(exact[pos:]), " ".join(folded[pos:]), boarding)


def exact_key(value: object) -> str:
    """Key for 'the same text': case and spacing ignored, diacritics kept."""
    return clean_text(value).lower()
