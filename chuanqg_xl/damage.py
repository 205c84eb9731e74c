"""Cells whose XML no spreadsheet program takes as it is: the grid flags them, recalc rewrites them.

Two kinds, both well-formed XML that calamine reads without a word:

* a number cell whose text is not a number Excel reads ("abc", "1,5", "0x1F",
  "NaN", "Infinity", "1E+400"): calamine gives the text or NaN, Excel and
  openpyxl refuse the file until it is repaired;
* a shared-string cell whose index is no index ("abc", "-1", "1.5"):
  calamine silently reads string #0 (a school called "THÔNG TIN KẾ HOẠCH").

`scan_damage` finds them in a sheet part with one C-speed search over the
values that are not plain numbers (ordinary sheets have next to none), so it
costs little even on the largest plans. `repair` says what recalc writes in
their place: the text as text, an overflow or NaN as #NUM!, a broken string
reference as #REF! (the text it pointed to is lost).
"""
from __future__ import annotations

import math
import re

from .lazyre import lazy_compile
from .records import record

NUMBER = "number"
STRING_REF = "string_ref"

# a <v> whose content is not a plain decimal number with at most a two-digit exponent
_ODD_VALUE = lazy_compile(rb"<((?:[\w.-]+:)?)v>(?![ \t\r\n]*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d{1,2})?[ \t\r\n]*"
                        rb"</\1v>)([^<]*)</\1v>")
_CELL_START = lazy_compile(rb"<(?:[\w.-]+:)?c[\s>/]")
_ATTR = lazy_compile(rb"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REF = lazy_compile(rb"\s*([A-Za-z]{1,3})(\d+)\s*$")
_STRING_CELL = lazy_compile(rb"""<(?:[\w.-]+:)?c\s[^>]*?\bt\s*=\s*["']s["'][^>]*>""")
_INDEX = lazy_compile(rb"<(?:[\w.-]+:)?v>\s*(\d+)\s*</(?:[\w.-]+:)?v>")


@record(frozen=True, slots=True)
class Damage:
    row: int
    col: int
    kind: str      # NUMBER or STRING_REF
    raw: str       # the cell's text as the file holds it (entities decoded)

    @property
    def cell(self) -> str:
        from .cells import a1

        return a1(self.row, self.col)


def _attrs(raw: bytes) -> dict[bytes, bytes]:
    return {key.split(b":")[-1]: double or single for key, double, single in _ATTR.findall(raw)}


def _text(raw: bytes) -> str:
    value = raw.decode("utf-8", "replace")
    if "&" in value:
        import html

        value = html.unescape(value)
    return value


def _position(ref: bytes | None) -> tuple[int, int] | None:
    from .cells import col_index

    found = _REF.match(ref) if ref else None
    return (int(found.group(2)), col_index(found.group(1).decode().upper())) if found else None


def scan_damage(data: bytes, numbers: bool = True) -> list[Damage]:
    """The damaged cells of a worksheet part, in file order (cells without an address are left to calamine).

    `numbers=False`: shared-string references only (what the reader needs: calamine already hands a broken
    number over as its text or NaN, which the value checks flag at the cell).
    """
    found = scan_string_refs(data)
    if not numbers or (b"<v" not in data and b":v>" not in data):
        return found
    for match in _ODD_VALUE.finditer(data):
        start = data.rfind(b"<", 0, match.start())
        while start > 0 and not _CELL_START.match(data, start):
            start = data.rfind(b"<", 0, start)
        if start < 0:
            continue
        attrs = _attrs(data[start:data.find(b">", start)])
        if attrs.get(b"t", b"n") != b"n":
            continue   # text, errors, booleans, dates, and shared strings (scanned above)
        raw = match.group(2)
        try:
            if math.isfinite(float(raw)):
                continue    # a long exponent that still fits a double (1E-300)
        except ValueError:
            pass
        position = _position(attrs.get(b"r"))
        if position is not None:
            found.append(Damage(*position, NUMBER, _text(raw)))
    found.sort(key=lambda damage: (damage.row, damage.col))
    return found


# How Excel, LibreOffice, openpyxl and xlsxwriter write a shared-string cell: …t="s"><v>12</v>; anything else
# (another spelling: other quotes or spacing, a prefixed <x:v>, or an index that is no index) takes the general
# scan. Every cell _ANY_BAD finds matches this (its t attribute, then anything but the usual spelling), in one
# C-speed search that starts only at a 't'.
_UNUSUAL = re.compile(rb"""t\s*=\s*(?:'s'|"s"(?!><v>\d+</v>)|\s)""")
_ANY_BAD = lazy_compile(rb"""<(?:[\w.-]+:)?c\s[^>]*?\bt\s*=\s*["']s["'][^>]*>\s*<((?:[\w.-]+:)?)v>"""
                      rb"""(?![ \t\r\n]*\d+[ \t\r\n]*</\1v>)([^<]*)</\1v>""")


def scan_string_refs(data: bytes) -> list[Damage]:
    """Shared-string cells whose index is not a whole number ("abc", "-1", "1.5"). Files written the usual
    way are judged by one search (_UNUSUAL: a few milliseconds for a 15 MB sheet)."""
    if _UNUSUAL.search(data) is None:
        return []
    found = []
    for match in _ANY_BAD.finditer(data):
        position = _position(_attrs(data[match.start():data.find(b">", match.start())]).get(b"r"))
        if position is not None:
            found.append(Damage(*position, STRING_REF, _text(match.group(2))))
    return found


def string_ref_beyond(data: bytes, count: int) -> Damage | None:
    """The first shared-string cell whose index is past the `count` strings the table holds (calamine refuses
    the whole sheet for it; this names the cell)."""
    for match in _STRING_CELL.finditer(data):
        value = _INDEX.match(data, match.end())
        if value is not None and int(value.group(1)) >= count:
            position = _position(_attrs(match.group(0)).get(b"r"))
            if position is not None:
                return Damage(*position, STRING_REF, value.group(1).decode())
    return None


def repair(damage: Damage) -> tuple[str, str]:
    """('text', the text) or ('error', '#NUM!' / '#REF!'): what recalc writes in a damaged cell's place."""
    if damage.kind == STRING_REF:
        return "error", "#REF!"
    try:
        float(damage.raw)
        return "error", "#NUM!"        # NaN, Infinity, an overflow: what Excel shows for a number it cannot hold
    except ValueError:
        return "text", damage.raw      # "abc", "1,5", "0x1F": kept as the text it is


# ---------------------------------------------------------------- style references past the style table

_STYLE_ATTR = lazy_compile(rb"""(\ss\s*=\s*["']\s*)(\d+)(\s*["'])""")
_CELL_XFS = lazy_compile(rb"<((?:[\w.-]+:)?)cellXfs\b[^>]*>(.*?)</\1cellXfs>", re.S)
_XF = lazy_compile(rb"<(?:[\w.-]+:)?xf[\s/>]")


def style_count(styles: bytes) -> int:
    """How many cell formats (cellXfs) a styles part holds: a cell's s="…" must be below this."""
    found = _CELL_XFS.search(styles)
    return len(_XF.findall(found.group(2))) if found else 0


def reset_bad_styles(data: bytes, count: int) -> tuple[bytes, int, str | None, str | None]:
    """A sheet part with every style index past `count` set to 0 (the default format, as Excel's repair does):
    (new part, how many were reset, the first such cell, its index). Cells keep their values."""
    first_cell: str | None = None
    first_index: str | None = None
    reset = 0

    def fix(match: re.Match[bytes]) -> bytes:
        nonlocal reset, first_cell, first_index
        if int(match.group(2)) < count:
            return match.group(0)
        reset += 1
        if first_cell is None:
            tag_start = data.rfind(b"<", 0, match.start())
            attrs = _attrs(data[tag_start:data.find(b">", match.start())])
            position = _position(attrs.get(b"r"))
            if position is not None:
                from .cells import a1

                first_cell, first_index = a1(*position), match.group(2).decode()
        return match.group(1) + b"0" + match.group(3)

    if b" s=" not in data and b"\ts=" not in data and b"\ns=" not in data:
        return data, 0, None, None
    fixed = _STYLE_ATTR.sub(fix, data)
    return fixed, reset, first_cell, first_index
