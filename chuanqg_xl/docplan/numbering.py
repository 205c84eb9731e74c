"""The labels Word draws in front of list paragraphs ("I.", "1.", "a)", bullets), so the text reads as it shows.

A paragraph is in a list through its own `w:numPr` or through its style's
(`List Bullet`, a heading style with outline numbering); `w:numId` 0 takes it
out again. The list's levels (`word/numbering.xml`) give each label's format
and text ("%1.", "%2)"); counters run per list and restart below a level when
that level advances, as Word does. A bullet is written "-" at the first
depth and "+" below it, the marks the plans type by hand, so a list Word
draws and a list typed reads the same.
"""
from __future__ import annotations

from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEVELS = 9
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_TYPED_BULLETS = frozenset("-–+")
MAX_LABEL = 40


@dataclass(frozen=True, slots=True)
class Level:
    fmt: str       # w:numFmt: decimal, upperRoman, lowerLetter, bullet, none …
    text: str      # w:lvlText: "%1.", "%1.%2.", "-"
    start: int = 1


def _val(node, path: str, default: str | None = None) -> str | None:
    found = node.find(path) if node is not None else None
    value = found.get(W + "val") if found is not None else None
    return default if value is None else value


def _int(value: str | None, default: int, low: int = 0, high: int = 10_000) -> int:
    try:
        return max(low, min(high, int(value))) if value is not None else default
    except ValueError:
        return default


def _roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _letters(number: int) -> str:
    """1 → a, 26 → z, 27 → aa (Word repeats the letter)."""
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def format_number(number: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        text = _roman(number) if 0 < number < 4000 else str(number)
        return text.upper() if fmt == "upperRoman" else text
    if fmt in ("upperLetter", "lowerLetter"):
        text = _letters(number) if 0 < number <= 26 * 10 else str(number)
        return text.upper() if fmt == "upperLetter" else text
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt == "none":
        return ""
    return str(number)


@dataclass
class Numbering:
    """The lists of one document and the counters that number its paragraphs in order."""

    lists: dict[str, dict[int, Level]] = field(default_factory=dict)     # numId → level → definition
    styles: dict[str, tuple[str, int]] = field(default_factory=dict)     # style id → (numId, ilvl)
    counters: dict[str, list[int | None]] = field(default_factory=dict)

    @classmethod
    def read(cls, numbering, styles) -> Numbering:
        """From the roots of word/numbering.xml and word/styles.xml (either may be None)."""
        result = cls()
        if numbering is not None:
            abstract: dict[str, dict[int, Level]] = {}
            for node in numbering.iterfind(W + "abstractNum"):
                levels: dict[int, Level] = {}
                for level in node.iterfind(W + "lvl"):
                    depth = _int(level.get(W + "ilvl"), -1, -1, LEVELS)
                    if 0 <= depth < LEVELS:
                        levels[depth] = Level(_val(level, W + "numFmt", "decimal") or "decimal",
                                              (_val(level, W + "lvlText", "") or "")[:MAX_LABEL],
                                              _int(_val(level, W + "start"), 1))
                abstract[node.get(W + "abstractNumId", "")] = levels
            for node in numbering.iterfind(W + "num"):
                levels = dict(abstract.get(_val(node, W + "abstractNumId", "") or "", {}))
                for override in node.iterfind(W + "lvlOverride"):
                    depth = _int(override.get(W + "ilvl"), -1, -1, LEVELS)
                    start = _val(override, W + "startOverride")
                    if depth in levels and start is not None:
                        levels[depth] = Level(levels[depth].fmt, levels[depth].text, _int(start, 1))
                result.lists[node.get(W + "numId", "")] = levels
        if styles is not None:
            based: dict[str, str] = {}
            for style in styles.iterfind(W + "style"):
                style_id = style.get(W + "styleId", "")
                parent = _val(style, W + "basedOn")
                if parent:
                    based[style_id] = parent
                numbered = style.find(f"{W}pPr/{W}numPr")
                if numbered is not None:
                    result.styles[style_id] = (_val(numbered, W + "numId", "") or "",
                                               _int(_val(numbered, W + "ilvl"), 0, 0, LEVELS - 1))
            for style_id in list(based):   # a style based on a numbered one is numbered too
                seen, current = set(), style_id
                while current in based and current not in result.styles and current not in seen:
                    seen.add(current)
                    current = based[current]
                if current in result.styles and style_id not in result.styles:
                    result.styles[style_id] = result.styles[current]
        return result

    def place(self, paragraph) -> tuple[str, int] | None:
        """(numId, ilvl) of a paragraph in a list, or None."""
        props = paragraph.find(W + "pPr")
        own = props.find(W + "numPr") if props is not None else None
        style = _val(props, W + "pStyle") if props is not None else None
        inherited = self.styles.get(style or "")
        if own is not None:
            num_id = _val(own, W + "numId")
            if num_id is None and inherited:
                num_id = inherited[0]
            depth = _int(_val(own, W + "ilvl"), inherited[1] if inherited else 0, 0, LEVELS - 1)
            return None if num_id in (None, "0") else (num_id, depth)
        return inherited if inherited and inherited[0] != "0" else None

    def label(self, paragraph) -> tuple[str, int]:
        """The label Word draws for the paragraph ("II.", "1.", "a)", "-", "+"; "" for none) and its list depth
        (ilvl + 1; 0 outside lists). Advances the list's counters."""
        place = self.place(paragraph)
        if place is None:
            return "", 0
        num_id, depth = place
        levels = self.lists.get(num_id)
        if not levels or depth not in levels:
            return "", depth + 1
        level = levels[depth]
        if level.fmt == "bullet":
            mark = level.text.strip()
            return (mark if mark in _TYPED_BULLETS else "-" if depth == 0 else "+"), depth + 1
        counters = self.counters.setdefault(num_id, [None] * LEVELS)
        counters[depth] = level.start if counters[depth] is None else counters[depth] + 1
        for deeper in range(depth + 1, LEVELS):
            counters[deeper] = None
        text = level.text
        for index in range(LEVELS - 1, -1, -1):   # %10 does not exist; %1 … %9 are the levels
            marker = f"%{index + 1}"
            if marker in text:
                source = levels.get(index, level)
                value = counters[index] if counters[index] is not None else source.start
                text = text.replace(marker, format_number(value, source.fmt))
        return text.strip(), depth + 1
