"""Formulas and error values of .ods and .xls files, which python-calamine does not report.

calamine gives the values of these formats only, so a computed cell would look
typed. This stage reads what each format stores next to the value:

* OpenDocument (.ods): the ``table:formula`` attribute of each cell in
  content.xml ("of:=SUM([.D5:.D7])"), turned into Excel's A1 syntax
  ("SUM(D5:D7)") so it compares with the formulas recalc writes.
* Excel 97-2003 (.xls): the BIFF8 FORMULA records of the Workbook stream,
  their parsed tokens turned back into formula text (shared formulas included).
  A token this module does not know leaves the formula's text unknown ("?")
  while still recording that the cell holds a formula.

Both return None when the file cannot be read this way; the caller then treats
the file's formulas as unknown and no rule judges a cell by its formula.
"""
from __future__ import annotations

import html
import re
import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .cells import col_letter, quote_sheet

UNKNOWN = "?"  # a formula whose text could not be decoded: present, never equal to ours


@dataclass(slots=True)
class SheetFormulas:
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)   # (row, col) 1-based → formula text
    errors: dict[tuple[int, int], str] = field(default_factory=dict)     # (row, col) → "#REF!"…


# ---------------------------------------------------------------- OpenDocument

_ODS_TAG = re.compile(rb"<(/?)([\w.-]+:)?(table|table-row|table-cell|covered-table-cell)(?=[\s/>])")
_ODS_ATTR = re.compile(rb"""([\w.-]+:)?([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ODS_TEXT = re.compile(rb"<(?:[\w.-]+:)?p\b[^>]*>([^<]*)<")
MAX_REPEAT = 10_000   # a formula repeated over more cells than this is recorded once


def _ods_attrs(raw: bytes) -> dict[bytes, bytes]:
    return {name: double or single for _, name, double, single in _ODS_ATTR.findall(raw)}


def ods_formulas(path: Path | BinaryIO) -> dict[str, SheetFormulas] | None:
    """Sheet name → formulas and error values of an OpenDocument spreadsheet (a path, or the file's bytes
    as a binary stream); None if unreadable."""
    from . import guard

    try:
        with zipfile.ZipFile(path) as archive:
            data = guard.read_part(archive, "content.xml")
    except Exception:  # the values were read by calamine already; without formulas we say nothing about them
        return None
    try:
        return scan_ods(data)
    except Exception:
        return None


def scan_ods(data: bytes) -> dict[str, SheetFormulas]:
    sheets: dict[str, SheetFormulas] = {}
    current: SheetFormulas | None = None
    row = col = 0
    row_repeat = 1
    pos = 0
    search = _ODS_TAG.search
    while True:
        match = search(data, pos)
        if match is None:
            break
        end = data.find(b">", match.end())
        if end < 0:
            break
        pos = end + 1
        closing, name = match.group(1), match.group(3)
        raw = data[match.end():end]
        empty = raw.endswith(b"/")
        if name == b"table":
            if not closing:
                attrs = _ods_attrs(raw)
                current = sheets.setdefault(html.unescape(attrs.get(b"name", b"").decode("utf-8", "replace")),
                                            SheetFormulas())
                row = 0
            continue
        if name == b"table-row":
            if closing:
                row += row_repeat
            else:
                attrs = _ods_attrs(raw) if b"repeated" in raw else {}
                row_repeat = int(attrs.get(b"number-rows-repeated", b"1") or 1)
                col = 0
                if empty:
                    row += row_repeat
            continue
        if closing:
            continue
        repeat = 1
        if b"table:" in raw or b"=" in raw:
            attrs = _ods_attrs(raw)
            repeat = int(attrs.get(b"number-columns-repeated", b"1") or 1)
            formula = attrs.get(b"formula")
            if formula is not None and current is not None:
                text = excel_formula(html.unescape(formula.decode("utf-8", "replace")))
                error = None
                if attrs.get(b"value-type") == b"error" or (b"value-type" not in attrs and not empty):
                    found = _ODS_TEXT.match(data, pos) or _ODS_TEXT.search(data, pos, pos + 200)
                    shown = html.unescape(found.group(1).decode("utf-8", "replace")).strip() if found else ""
                    error = shown if shown.startswith("#") else None
                # A formula repeated over a block is recorded for each cell; an absurd block only once.
                rows, cols = (row_repeat, repeat) if row_repeat * repeat <= MAX_REPEAT else (1, 1)
                for r in range(row + 1, row + rows + 1):
                    for c in range(col + 1, col + cols + 1):
                        current.formulas[(r, c)] = text
                        if error:
                            current.errors[(r, c)] = error
        col += repeat
    return sheets


_OF_TOKEN = re.compile(r'"(?:[^"]|"")*"|\[[^\]]*\]|[;~]|[^"\[;~]+')
_OF_CELL = re.compile(r"^\$?(?:(\$?'(?:[^']|'')*'|\$?[^.'\[\]]+))?\.(\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+)$")


def _of_reference(inner: str) -> str:
    """'$'PL1'.B5:.B7' → ''PL1'!B5:B7'; a reference to a deleted cell → '#REF!'."""
    if "#REF!" in inner.upper():
        return "#REF!"
    parts = []
    depth = 0
    start = 0
    quoted = False
    for index, char in enumerate(inner):  # split on ':' outside quoted sheet names
        if char == "'":
            quoted = not quoted
        elif char == ":" and not quoted and depth == 0:
            parts.append(inner[start:index])
            start = index + 1
    parts.append(inner[start:])
    out = []
    first_sheet = None
    for number, part in enumerate(parts):
        match = _OF_CELL.match(part.strip())
        if match is None:
            return UNKNOWN
        sheet, cell = match.group(1), match.group(2)
        name = None
        if sheet:
            sheet = sheet.lstrip("$")
            name = sheet[1:-1].replace("''", "'") if sheet.startswith("'") else sheet
        if number == 0:
            first_sheet = name
            out.append((quote_sheet(name) if name else "") + cell)
        else:
            out.append(cell if name in (None, first_sheet) else quote_sheet(name) + cell)
    return ":".join(out)


def excel_formula(formula: str) -> str:
    """An OpenFormula cell formula ("of:=SUM([.D5:.D7];1)") in Excel's syntax ("SUM(D5:D7,1)")."""
    text = formula
    if ":=" in text[:12]:
        text = text.split(":=", 1)[1]
    elif text.startswith("="):
        text = text[1:]
    out = []
    for token in _OF_TOKEN.findall(text):
        if token.startswith('"'):
            out.append(token)
        elif token.startswith("["):
            reference = _of_reference(token[1:-1])
            if reference == UNKNOWN:
                return UNKNOWN
            out.append(reference)
        elif token in (";", "~"):
            out.append(",")
        else:
            out.append(token)
    return "".join(out)


# ---------------------------------------------------------------- Excel 97-2003 (BIFF8)

_BOF, _EOF, _BOUNDSHEET, _FORMULA, _SHRFMLA, _EXTERNSHEET, _SUPBOOK, _EXTERNNAME, _NAME = (
    0x0809, 0x000A, 0x0085, 0x0006, 0x04BC, 0x0017, 0x01AE, 0x0023, 0x0018)
_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!",
           0x2A: "#N/A"}
# iftab → (name, fixed argument count or None for variable); the functions plans and our formulas use.
_FUNCTIONS: dict[int, tuple[str, int | None]] = {
    0: ("COUNT", None), 1: ("IF", None), 2: ("ISNA", 1), 3: ("ISERROR", 1), 4: ("SUM", None),
    5: ("AVERAGE", None), 6: ("MIN", None), 7: ("MAX", None), 8: ("ROW", None), 9: ("COLUMN", None),
    10: ("NA", 0), 24: ("ABS", 1), 25: ("INT", 1), 26: ("SIGN", 1), 27: ("ROUND", 2), 28: ("LOOKUP", None),
    29: ("INDEX", None), 31: ("MID", 3), 32: ("LEN", 1), 33: ("VALUE", 1), 34: ("TRUE", 0), 35: ("FALSE", 0),
    36: ("AND", None), 37: ("OR", None), 38: ("NOT", 1), 39: ("MOD", 2), 48: ("TEXT", 2), 65: ("DATE", 3),
    67: ("DAY", 1), 68: ("MONTH", 1), 69: ("YEAR", 1), 74: ("NOW", 0), 76: ("ROWS", 1), 77: ("COLUMNS", 1),
    82: ("SEARCH", None), 100: ("CHOOSE", None), 101: ("HLOOKUP", None), 102: ("VLOOKUP", None),
    111: ("CHAR", 1), 112: ("LOWER", 1), 113: ("UPPER", 1), 115: ("LEFT", None), 116: ("RIGHT", None),
    117: ("EXACT", 2), 118: ("TRIM", 1), 119: ("REPLACE", 4), 120: ("SUBSTITUTE", None), 124: ("FIND", None),
    127: ("ISTEXT", 1), 128: ("ISNUMBER", 1), 129: ("ISBLANK", 1), 131: ("N", 1), 140: ("DATEVALUE", 1),
    162: ("CLEAN", 1), 169: ("COUNTA", None), 183: ("PRODUCT", None), 190: ("ISNONTEXT", 1),
    197: ("TRUNC", None), 212: ("ROUNDUP", 2), 213: ("ROUNDDOWN", 2), 221: ("TODAY", 0),
    228: ("SUMPRODUCT", None), 336: ("CONCATENATE", None), 344: ("SUBTOTAL", None), 345: ("SUMIF", None),
    346: ("COUNTIF", 2), 347: ("COUNTBLANK", 1), 359: ("HYPERLINK", None),
}
_BINARY = {0x03: "+", 0x04: "-", 0x05: "*", 0x06: "/", 0x07: "^", 0x08: "&", 0x09: "<", 0x0A: "<=", 0x0B: "=",
           0x0C: ">=", 0x0D: ">", 0x0E: "<>", 0x0F: " ", 0x10: ",", 0x11: ":"}


class _Unknown(Exception):
    """A token this decoder does not handle."""


@dataclass(slots=True)
class _Globals:
    sheets: list[tuple[str, int, int]]          # name, stream offset of its BOF, sheet type
    ixti: list[str | None]                      # EXTERNSHEET entry → sheet name (None: not this workbook)
    ixti_books: list[int]                       # EXTERNSHEET entry → its SUPBOOK
    extern_names: list[list[str]]               # per SUPBOOK, its EXTERNNAME names
    names: list[str]                            # NAME records in order (LibreOffice writes "_xlfn.COUNTIFS" there)


def xls_formulas(path: Path | BinaryIO) -> dict[str, SheetFormulas] | None:
    """Sheet name → formulas and error values of an Excel 97-2003 workbook (a path, or the file's bytes
    as a binary stream); None if unreadable."""
    try:
        import olefile

        with olefile.OleFileIO(str(path) if isinstance(path, Path) else path) as ole:
            stream = next((name for name in ("Workbook", "Book") if ole.exists(name)), None)
            if stream is None:
                return None
            data = ole.openstream(stream).read()
        return scan_biff(data)
    except Exception:  # an odd or damaged container: formulas unknown, values still come from calamine
        return None


def _records(data: bytes, pos: int):
    size = len(data)
    while pos + 4 <= size:
        kind, length = struct.unpack_from("<HH", data, pos)
        yield kind, data[pos + 4:pos + 4 + length]
        pos += 4 + length


def _short_string(body: bytes, pos: int) -> tuple[str, int]:
    """XLUnicodeString with an 8-bit length (sheet names)."""
    count, flags = body[pos], body[pos + 1]
    pos += 2
    if flags & 1:
        return body[pos:pos + 2 * count].decode("utf-16-le", "replace"), pos + 2 * count
    return body[pos:pos + count].decode("latin-1"), pos + count


def _globals(data: bytes) -> _Globals:
    sheets: list[tuple[str, int, int]] = []
    supbooks: list[str] = []            # "self", "addin" or "other"
    extern_names: list[list[str]] = []
    xti: list[tuple[int, int]] = []
    defined: list[str] = []
    first = True
    for kind, body in _records(data, 0):
        if kind == _BOF:
            if not first:
                break
            first = False
            if len(body) < 2 or struct.unpack_from("<H", body)[0] != 0x0600:
                raise _Unknown("not BIFF8")
        elif kind == _EOF:
            break
        elif kind == _BOUNDSHEET:
            offset, _, sheet_type = struct.unpack_from("<IBB", body)
            name, _ = _short_string(body, 6)
            sheets.append((name, offset, sheet_type))
        elif kind == _SUPBOOK:
            marker = struct.unpack_from("<H", body, 2)[0] if len(body) >= 4 else 0
            supbooks.append("self" if len(body) == 4 and marker == 0x0401 else
                            "addin" if len(body) == 4 and marker == 0x3A01 else "other")
            extern_names.append([])
        elif kind == _EXTERNNAME and extern_names:
            name, _ = _short_string(body, 6)
            extern_names[-1].append(name)
        elif kind == _NAME and len(body) >= 15:
            flags, cch = struct.unpack_from("<H", body)[0], body[3]
            if flags & 0x20:           # a built-in name (Print_Area…): one code byte
                defined.append("")
            else:
                text_flags = body[14]
                raw = body[15:15 + (2 * cch if text_flags & 1 else cch)]
                defined.append(raw.decode("utf-16-le" if text_flags & 1 else "latin-1", "replace"))
        elif kind == _EXTERNSHEET:
            count = struct.unpack_from("<H", body)[0]
            xti = [struct.unpack_from("<HHH", body, 2 + 6 * i)[:2] for i in range(count)]
    names = [name for name, _, _ in sheets]
    ixti = [names[tab] if book < len(supbooks) and supbooks[book] == "self" and tab < len(names) else None
            for book, tab in xti]
    return _Globals(sheets, ixti, [book for book, _ in xti], extern_names, defined)


def scan_biff(data: bytes) -> dict[str, SheetFormulas]:
    book = _globals(data)
    result: dict[str, SheetFormulas] = {}
    for name, offset, sheet_type in book.sheets:
        if sheet_type != 0:
            continue
        sheet = result.setdefault(name, SheetFormulas())
        shared: dict[tuple[int, int], bytes] = {}
        members: list[tuple[int, int, int, int]] = []
        records = _records(data, offset)
        for kind, body in records:
            if kind == _EOF:
                break
            if kind == _FORMULA and len(body) >= 22:
                row, col = struct.unpack_from("<HH", body)
                result_bytes = body[6:14]
                if result_bytes[6:8] == b"\xff\xff" and result_bytes[0] == 2:
                    sheet.errors[(row + 1, col + 1)] = _ERRORS.get(result_bytes[2], "#VALUE!")
                size = struct.unpack_from("<H", body, 20)[0]
                tokens = body[22:22 + size]
                if tokens[:1] == b"\x01" and len(tokens) >= 5:   # tExp: a member of a shared formula
                    master_row, master_col = struct.unpack_from("<HH", tokens, 1)
                    members.append((row, col, master_row, master_col))
                    continue
                sheet.formulas[(row + 1, col + 1)] = _decode(tokens, row, col, name, book)
            elif kind == _SHRFMLA and len(body) >= 10:
                first_row, _, first_col = struct.unpack_from("<HHB", body)
                size = struct.unpack_from("<H", body, 8)[0]
                shared[(first_row, first_col)] = body[10:10 + size]
        for row, col, master_row, master_col in members:
            tokens = shared.get((master_row, master_col))
            sheet.formulas[(row + 1, col + 1)] = UNKNOWN if tokens is None else _decode(tokens, row, col, name, book)
    return result


def _ref(row_field: int, col_field: int, base_row: int, base_col: int, relative_mode: bool) -> str:
    """A cell reference of a tRef/tArea (absolute rows) or tRefN/tAreaN (offsets in shared formulas)."""
    row_relative, col_relative = bool(col_field & 0x8000), bool(col_field & 0x4000)
    if relative_mode:
        row, col = row_field, col_field & 0xFF
        if row_relative:
            row = base_row + (row - 0x10000 if row >= 0x8000 else row)
        if col_relative:
            col = base_col + (col - 0x100 if col >= 0x80 else col)
    else:
        row, col = row_field, col_field & 0x3FFF
    if row < 0 or col < 0:
        return "#REF!"
    return f"{'' if col_relative else '$'}{col_letter(col + 1)}{'' if row_relative else '$'}{row + 1}"


def _decode(tokens: bytes, base_row: int, base_col: int, sheet: str, book: _Globals) -> str:
    try:
        text = _decompile(tokens, base_row, base_col, book)
    except (_Unknown, IndexError, struct.error, KeyError):
        return UNKNOWN
    return text


def _sheet_prefix(book: _Globals, ixti: int) -> str:
    if ixti >= len(book.ixti) or book.ixti[ixti] is None:
        raise _Unknown("external reference")
    return quote_sheet(book.ixti[ixti])


def _decompile(tokens: bytes, base_row: int, base_col: int, book: _Globals) -> str:
    stack: list[str] = []
    pos = 0
    end = len(tokens)
    while pos < end:
        ptg = tokens[pos]
        pos += 1
        base = ptg & 0x1F if ptg >= 0x20 else ptg
        if ptg in _BINARY:
            right, left = stack.pop(), stack.pop()
            stack.append(f"{left}{_BINARY[ptg]}{right}")
        elif ptg == 0x12:
            stack.append("+" + stack.pop())
        elif ptg == 0x13:
            stack.append("-" + stack.pop())
        elif ptg == 0x14:
            stack.append(stack.pop() + "%")
        elif ptg == 0x15:
            stack.append(f"({stack.pop()})")
        elif ptg == 0x16:
            stack.append("")
        elif ptg == 0x17:
            count, flags = tokens[pos], tokens[pos + 1]
            pos += 2
            if flags & 1:
                value = tokens[pos:pos + 2 * count].decode("utf-16-le")
                pos += 2 * count
            else:
                value = tokens[pos:pos + count].decode("latin-1")
                pos += count
            stack.append('"' + value.replace('"', '""') + '"')
        elif ptg == 0x19:
            flags = tokens[pos]
            data = struct.unpack_from("<H", tokens, pos + 1)[0]
            pos += 3
            if flags & 0x04:          # tAttrChoose: a jump table follows
                pos += 2 * (data + 1)
            elif flags & 0x10:        # tAttrSum: SUM of one argument
                stack.append(f"SUM({stack.pop()})")
        elif ptg == 0x1C:
            stack.append(_ERRORS.get(tokens[pos], "#VALUE!"))
            pos += 1
        elif ptg == 0x1D:
            stack.append("TRUE" if tokens[pos] else "FALSE")
            pos += 1
        elif ptg == 0x1E:
            stack.append(str(struct.unpack_from("<H", tokens, pos)[0]))
            pos += 2
        elif ptg == 0x1F:
            number = struct.unpack_from("<d", tokens, pos)[0]
            pos += 8
            stack.append(str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number))
        elif ptg >= 0x20 and base == 0x01:   # tFunc
            index = struct.unpack_from("<H", tokens, pos)[0]
            pos += 2
            name, count = _FUNCTIONS.get(index, (None, None))
            if name is None or count is None:
                raise _Unknown(f"function {index}")
            args = stack[len(stack) - count:] if count else []
            del stack[len(stack) - count:]
            stack.append(f"{name}({','.join(args)})")
        elif ptg >= 0x20 and base == 0x02:   # tFuncVar
            count = tokens[pos] & 0x7F
            index = struct.unpack_from("<H", tokens, pos + 1)[0] & 0x7FFF
            pos += 3
            args = stack[len(stack) - count:] if count else []
            del stack[len(stack) - count:]
            if index == 255:          # a function newer than the format: its name is the first argument
                name, args = args[0], args[1:]
                if name.startswith("_xlfn."):
                    name = name[len("_xlfn."):]
            else:
                name = _FUNCTIONS.get(index, (None, None))[0]
                if name is None:
                    raise _Unknown(f"function {index}")
            stack.append(f"{name}({','.join(args)})")
        elif ptg >= 0x20 and base in (0x04, 0x0C):   # tRef / tRefN
            row_field, col_field = struct.unpack_from("<HH", tokens, pos)
            pos += 4
            stack.append(_ref(row_field, col_field, base_row, base_col, base == 0x0C))
        elif ptg >= 0x20 and base in (0x05, 0x0D):   # tArea / tAreaN
            first_row, last_row, first_col, last_col = struct.unpack_from("<HHHH", tokens, pos)
            pos += 8
            relative = base == 0x0D
            stack.append(_ref(first_row, first_col, base_row, base_col, relative) + ":"
                         + _ref(last_row, last_col, base_row, base_col, relative))
        elif ptg >= 0x20 and base == 0x1A:   # tRef3d
            ixti, row_field, col_field = struct.unpack_from("<HHH", tokens, pos)
            pos += 6
            stack.append(_sheet_prefix(book, ixti) + _ref(row_field, col_field, base_row, base_col, False))
        elif ptg >= 0x20 and base == 0x1B:   # tArea3d
            ixti, first_row, last_row, first_col, last_col = struct.unpack_from("<HHHHH", tokens, pos)
            pos += 10
            stack.append(_sheet_prefix(book, ixti) + _ref(first_row, first_col, base_row, base_col, False) + ":"
                         + _ref(last_row, last_col, base_row, base_col, False))
        elif ptg >= 0x20 and base in (0x0A, 0x0B, 0x1C, 0x1D):   # references to deleted cells
            pos += {0x0A: 4, 0x0B: 8, 0x1C: 6, 0x1D: 10}[base]
            stack.append("#REF!")
        elif ptg >= 0x20 and base == 0x03:   # tName: a defined name; only "_xlfn." function names are understood
            index = struct.unpack_from("<H", tokens, pos)[0]
            pos += 4
            if not 1 <= index <= len(book.names) or not book.names[index - 1].startswith("_xlfn."):
                raise _Unknown("defined name")
            stack.append(book.names[index - 1])
        elif ptg >= 0x20 and base == 0x19:   # tNameX: an external or add-in name (newer functions)
            ixti, index = struct.unpack_from("<HH", tokens, pos)
            pos += 6
            stack.append(_extern_name(book, ixti, index))
        elif ptg >= 0x20 and base in (0x06, 0x07, 0x08):   # tMemArea/tMemErr/tMemNoMem: a subexpression follows
            pos += 6
        elif ptg >= 0x20 and base == 0x09:   # tMemFunc
            pos += 2
        else:
            raise _Unknown(f"token {ptg:#x}")
    if len(stack) != 1:
        raise _Unknown("unbalanced formula")
    return stack[0]


def _extern_name(book: _Globals, ixti: int, index: int) -> str:
    """The name a tNameX stands for; only "_xlfn." function names (COUNTIFS…) are understood."""
    names = book.extern_names[book.ixti_books[ixti]] if ixti < len(book.ixti_books) \
        and book.ixti_books[ixti] < len(book.extern_names) else []
    if 1 <= index <= len(names) and names[index - 1].startswith("_xlfn."):
        return names[index - 1]
    raise _Unknown("external name")
