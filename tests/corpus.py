"""A generated, deterministic corpus for detection quality: single slips, near misses and harmless edits.

Every case starts from one of the five samples or from the small plan of `conftest.base_data()` and changes
one thing. A *slip* must be found (a new error or warning, or a new note of the rule it `watch`es: a kind typed
'Công nhân mới' is read as meant and noted) at one of its `cells`; a *near miss* (a change that
looks like a slip but is fine) and a *harmless* edit (what district staff do to a workbook every day: sort,
rename headers, insert columns and title rows, merge headers, rename and reorder sheets, NFD text, upper case,
"Trường TH …", the other tone-mark placement, heading rows, a blank row inserted in the list or in a budget
appendix and a budget line deleted as Excel does both, saving through LibreOffice as .xlsx/.ods/.xls) must raise no
new error or warning — or exactly the ones it `expect`s: in a file written before the counts became COUNTIFS and
SUMPRODUCT, a row inserted or deleted under a ROWS() count makes it stale, and that is one A004 warning.
"""
from __future__ import annotations

import copy
import datetime as dt
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from builders import grids_of, write_xlsx
from conftest import base_data, set_cells
from chuanqg_xl import layout as L
from chuanqg_xl.cells import col_letter
from chuanqg_xl.reader import read_plan
from chuanqg_xl.recalc import fill_derived
from chuanqg_xl.template import PlanData, write_workbook

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(path for path in (ROOT / "samples").glob("*.xlsx") if not path.name.endswith(".bak.xlsx"))
INFO, SUM, PL1, PL2, PL3, TD = (L.INFO_NAME, L.SUMMARY_NAME, L.SCHOOLS.name, L.BUDGET_NEW.name,
                                L.BUDGET_RENEW.name, L.TIMELINE.name)


@dataclass
class Case:
    name: str
    kind: str                                   # "slip", "near" or "harmless"
    base: str                                   # the workbook it starts from
    build: Callable[[Path], Path]               # folder → the edited workbook
    cells: set[tuple[str, str]] = field(default_factory=set)   # slips: where the slip is
    via: str | None = None                      # harmless: saved through LibreOffice as this format
    expect: dict[str, int] = field(default_factory=dict)   # harmless: the only new alarms allowed (and required)
    watch: str | None = None                    # a note-level rule (code) this case is about: for a slip, a new
                                                # finding of it counts as found; for a near miss, one is an alarm


# ---------------------------------------------------------------- the bases

def base_plan(folder: Path, change: Callable[[PlanData], None] | None = None, name: str = "plan.xlsx") -> Path:
    data = copy.deepcopy(base_data())
    if change:
        change(data)
    return write_workbook(folder / name, data, derived=True, overwrite=True)


def _from_base(change: Callable[[PlanData], None]) -> Callable[[Path], Path]:
    return lambda folder: base_plan(folder, change)


def _sample_edit(sample: Path, edits: dict) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        target = folder / sample.name
        shutil.copyfile(sample, target)
        set_cells(target, edits)
        return target

    return build


def _grid_edit(source: Callable[[Path], Path], edit: Callable[[dict], dict | None],
               merges: dict | None = None) -> Callable[[Path], Path]:
    """Values edited as a person would, written again, then the formulas put back as recalc writes them."""
    def build(folder: Path) -> Path:
        work = folder / "source"
        work.mkdir(exist_ok=True)
        sheets = grids_of(source(work))
        sheets = edit(sheets) or sheets
        path = write_xlsx(folder / "edited.xlsx", sheets, merges)
        fill_derived(path)
        return path

    return build


# ---------------------------------------------------------------- harmless edits on grids

def _header_row(rows: list[list], label: str) -> int:
    for index, row in enumerate(rows):
        if label in row:
            return index
    raise ValueError(label)


def sort_list(sheets: dict) -> None:
    rows = sheets[PL1]
    head = _header_row(rows, "Tên trường")
    body_end = next(i for i in range(head + 1, len(rows)) if rows[i] and str(rows[i][1]).startswith("Tổng"))
    body = [row for row in rows[head + 1:body_end] if any(row)]
    body.sort(key=lambda row: str(row[1]), reverse=True)
    rows[head + 1:body_end] = body


SYNONYMS = {"Tên trường": "Tên cơ sở giáo dục", "Hình thức công nhận": "Hình thức CN", "Mức độ": "Mức độ đạt chuẩn",
            "Hạng mục đầu tư": "Nội dung đầu tư", "Nội dung nhiệm vụ": "Nội dung công việc",
            "Đơn vị chủ trì": "Chủ trì", "Hạn hoàn thành": "Thời hạn"}


def synonyms(sheets: dict) -> None:
    for name in (PL1, PL2, PL3, TD):
        for row in sheets[name][:6]:
            for index, value in enumerate(row):
                if value in SYNONYMS:
                    row[index] = SYNONYMS[value]


def inserted_column(sheets: dict) -> None:
    for row in sheets[PL1]:
        row.insert(2, "")
    head = _header_row(sheets[PL1], "Tên trường")
    sheets[PL1][head][2] = "Mã trường"


def title_rows(sheets: dict) -> None:
    for name in (PL1, TD):
        sheets[name][0:0] = [["UBND QUẬN THỬ NGHIỆM"], ["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"]]


def renamed_sheets(sheets: dict) -> dict:
    names = {INFO: "Thông tin chung", SUM: "Tong hop", PL1: "Phụ lục 1", PL2: "Phu luc 2", PL3: "PL3",
             TD: "Lộ trình thực hiện"}
    return {names.get(name, name): rows for name, rows in reversed(list(sheets.items()))}


def nfd(sheets: dict) -> None:
    for rows in sheets.values():
        for row in rows:
            for index, value in enumerate(row):
                if isinstance(value, str):
                    row[index] = unicodedata.normalize("NFD", value)


def _names_in(sheets: dict, name: str, key: str, change: Callable[[str], str]) -> None:
    rows = sheets[name]
    head = _header_row(rows, key)
    col = rows[head].index(key)
    for row in rows[head + 1:]:
        if col < len(row) and isinstance(row[col], str) and row[col] and not row[col].startswith(("Tổng", "Cộng")):
            row[col] = change(row[col])


def upper_case(sheets: dict) -> None:
    _names_in(sheets, TD, "Trường liên quan", str.upper)
    _names_in(sheets, PL2, "Tên trường", str.upper)


def long_forms(sheets: dict) -> None:
    def longer(text: str) -> str:
        return "; ".join(re.sub(r"^TH ", "Trường Tiểu học ", re.sub(r"^MN ", "Trường Mầm non ", part.strip()))
                         for part in text.split(";"))

    _names_in(sheets, TD, "Trường liên quan", longer)
    _names_in(sheets, PL2, "Tên trường", longer)


def other_tone_marks(sheets: dict) -> None:
    swaps = {"òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ", "ụy": "uỵ", "úy": "uý", "ủy": "uỷ",
             "ùy": "uỳ", "ũy": "uỹ", "òe": "oè", "óe": "oé", "ỏe": "oẻ"}
    swaps.update({new: old for old, new in list(swaps.items())})
    pattern = re.compile("|".join(swaps))
    _names_in(sheets, TD, "Trường liên quan", lambda text: pattern.sub(lambda m: swaps[m.group(0)], text))


def timeline_headings(sheets: dict) -> None:
    rows = sheets[TD]
    head = _header_row(rows, "Nội dung nhiệm vụ")
    width = len(rows[head])
    heading = [""] * width
    heading[1] = "I. Công tác chỉ đạo, triển khai"
    rows.insert(head + 1, heading)


def blank_row_in_list(sheets: dict) -> None:
    rows = sheets[PL1]
    head = _header_row(rows, "Tên trường")
    rows.insert(head + 2, [""] * len(rows[head]))


def merged_budget_header(sheets: dict) -> dict:
    rows = sheets[PL2]
    head = _header_row(rows, "Tên trường")
    header = rows[head]
    group = ["" for _ in header]
    first = header.index(L.SOURCES[0].header)
    group[first] = "Nguồn kinh phí (triệu đồng)"
    for index, value in enumerate(header):
        if not first <= index < first + len(L.SOURCES):
            group[index], header[index] = value, ""
    rows.insert(head, group)
    return sheets


def _merged_budget_ranges(head_row: int) -> dict:
    first = col_letter(4)
    last = col_letter(3 + len(L.SOURCES))
    spans = [f"{first}{head_row}:{last}{head_row}"]
    for col in (1, 2, 3, 4 + len(L.SOURCES), 5 + len(L.SOURCES)):
        spans.append(f"{col_letter(col)}{head_row}:{col_letter(col)}{head_row + 1}")
    return {PL2: spans}


# ---------------------------------------------------------------- a row inserted or deleted, as Excel does it

_AREA = re.compile(r"""("(?:[^"]|"")*")|((?:'(?:[^']|'')*'|[A-Za-z0-9_.]+)!)?(\$?[A-Z]{1,3})(\$?)(\d+)"""
                   r"""(?::(\$?[A-Z]{1,3})(\$?)(\d+))?(?![\d(])""")


def _target(prefix: str, own_sheet: str) -> str:
    return prefix[:-1].strip("'").replace("''", "'") if prefix else own_sheet


def shift_for_inserted_row(formula: str, own_sheet: str, sheet: str, at_row: int) -> str:
    """A formula after a row is inserted at `at_row` of `sheet`: references at or below it move down one row (both
    ends of a range: its sheet prefix stands before the first end only)."""
    def replace(match: re.Match[str]) -> str:
        if match.group(1) or _target(match.group(2) or "", own_sheet) != sheet:
            return match.group(0)
        first = int(match.group(5))
        text = f"{match.group(2) or ''}{match.group(3)}{match.group(4)}{first + 1 if first >= at_row else first}"
        if match.group(8):
            last = int(match.group(8))
            text += f":{match.group(6)}{match.group(7)}{last + 1 if last >= at_row else last}"
        return text

    return _AREA.sub(replace, formula)


def shift_for_deleted_row(formula: str, own_sheet: str, sheet: str, at_row: int) -> str:
    """A formula after row `at_row` of `sheet` is deleted: references below it move up one row, a range loses the
    row, and a reference to that row alone becomes #REF! (the sheet prefix kept, as Excel writes it)."""
    def replace(match: re.Match[str]) -> str:
        if match.group(1):
            return match.group(0)
        prefix = match.group(2) or ""
        first = int(match.group(5))
        last = int(match.group(8)) if match.group(8) else None
        if _target(prefix, own_sheet) != sheet:
            return match.group(0)
        if last is None:
            if first == at_row:
                return f"{prefix}#REF!"
            return f"{prefix}{match.group(3)}{match.group(4)}{first - 1 if first > at_row else first}"
        if first == last == at_row:
            return f"{prefix}#REF!"
        first = first - 1 if first > at_row else first
        last = last - 1 if last >= at_row else last
        return f"{prefix}{match.group(3)}{match.group(4)}{first}:{match.group(6)}{match.group(7)}{last}"

    return _AREA.sub(replace, formula)


def _drop_cached_values(path: Path) -> None:
    import zipfile

    parts = {}
    with zipfile.ZipFile(path) as source:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb"(<f>[^<]*</f>)<v>[^<]*</v>", rb"\1", data)
            parts[info.filename] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


@dataclass(frozen=True)
class RowEdit:
    """A row inserted (blank) or deleted in one sheet; a deleted budget line's amounts go to `keeper` (another
    line of the same school: two lines merged into one), so the plan's figures stay what they were."""

    sheet: str
    row: int
    delete: bool = False
    keeper: int | None = None
    amount_cols: tuple[int, ...] = ()


def _budget_table(plan, sheet: str):
    return next((key, table) for key, table in plan.budget_tables.items() if table.sheet == sheet)


def _schools_lines(plan, sheet: str) -> list[list]:
    key, _ = _budget_table(plan, sheet)
    groups: dict[str, list] = {}
    for line in plan.budget_lines[key]:
        groups.setdefault(line.school_parts.folded_key if line.school_parts else line.school, []).append(line)
    return list(groups.values())


def row_inserted(plan, sheet: str) -> RowEdit | None:
    """A blank row between the first two schools (of the list, or of a budget appendix: between the first school's
    lines when it is the only one); None when the table is empty."""
    if sheet == plan.school_table.sheet:
        return RowEdit(sheet, plan.schools[0].row + 1) if plan.schools else None
    groups = _schools_lines(plan, sheet)
    if not groups:
        return None
    if len(groups) > 1:
        return RowEdit(sheet, groups[1][0].row)
    return RowEdit(sheet, groups[0][0].row + 1)


def line_deleted(plan, sheet: str, first: bool = False) -> RowEdit | None:
    """A budget line deleted from the first school that has two (its second, or its first), its amounts added to the
    other; None when no school has two lines."""
    _, table = _budget_table(plan, sheet)
    cols = tuple(table.col(key) for key in L.SOURCE_KEYS if table.col(key))
    for lines in _schools_lines(plan, sheet):
        if len(lines) >= 2:
            gone, kept = (lines[0], lines[1]) if first else (lines[1], lines[0])
            return RowEdit(sheet, gone.row, True, kept.row, cols)
    return None


def excel_row_edit(source: Callable[[Path], Path], choose: Callable[[object], RowEdit | None],
                   libreoffice) -> Callable[[Path], Path]:
    """The workbook with one row inserted or deleted as Excel does it (formulas of every sheet shifted, ranges
    widened or narrowed, references to a deleted row made #REF!), cached values computed by LibreOffice (the
    formulas are written without values, so it must compute each one)."""
    import xlsxwriter

    from chuanqg_xl.grid import open_book

    def build(folder: Path) -> Path:
        work = folder / "source"
        work.mkdir(exist_ok=True)
        original = source(work)
        edit = choose(read_plan(original))
        assert edit is not None, "no such row in this workbook"
        book = open_book(original)
        path = folder / "edited-row.xlsx"
        workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
        date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
        at = edit.row

        def shift(formula: str, name: str) -> str:
            if edit.delete:
                return shift_for_deleted_row(formula, name, edit.sheet, at)
            return shift_for_inserted_row(formula, name, edit.sheet, at)

        try:
            for name in book.sheet_names:
                grid = book.grid(name)
                out = workbook.add_worksheet(name)
                here = name == edit.sheet
                for r, row in enumerate(grid.rows, start=1):
                    if here and edit.delete and r == at:
                        continue
                    new_r = r + (-1 if edit.delete else 1) if here and (r > at or r == at and not edit.delete) else r
                    for c, value in enumerate(row, start=1):
                        formula = grid.formulas.get((r, c))
                        if here and edit.delete and r == edit.keeper and c in edit.amount_cols:
                            gone = grid.value(at, c)
                            value = (value or 0) + (gone or 0) if (value or gone) else value
                        if formula:
                            out.write_formula(new_r - 1, c - 1, "=" + shift(formula, name))
                        elif isinstance(value, (dt.date, dt.datetime)):
                            out.write_datetime(new_r - 1, c - 1, value, date_format)
                        elif value not in ("", None):
                            out.write(new_r - 1, c - 1, value)
        finally:
            book.close()
        workbook.close()
        _drop_cached_values(path)   # so LibreOffice computes every formula, as Excel does after the edit
        converted = libreoffice(path, "xlsx")
        final = folder / "edited-row-saved.xlsx"
        shutil.copyfile(converted, final)
        return final

    return build


# ---------------------------------------------------------------- slips and near misses on the small plan

def _plan_cases() -> list[Case]:
    cases: list[Case] = []

    def slip(name: str, change, *cells: tuple[str, str]) -> None:
        cases.append(Case(name, "slip", "base", _from_base(change), set(cells)))

    def near(name: str, change) -> None:
        cases.append(Case(name, "near", "base", _from_base(change)))

    def task(index: int, **values):
        return lambda d: d.tasks[index].update(**values)

    slip("stale year, loose wording", task(0, task="Hoàn thiện hồ sơ trường đạt chuẩn quốc gia năm 2022"), (TD, "B4"))
    near("history year", task(0, task="Rà soát các trường được công nhận năm 2018"))
    near("period range", task(0, task="Triển khai kế hoạch giai đoạn 2021-2025"))
    slip("stale year, plan wording", task(0, task="Triển khai Kế hoạch năm 2022"), (TD, "B4"))
    slip("same budget item twice", lambda d: d.budget_new[1].update(item="Phòng học bộ môn"), (PL2, "C5"))
    near("same item for two schools",
         lambda d: [line.update(item="Thiết bị dạy học") for line in d.budget_renew])
    slip("amount in đồng", lambda d: d.budget_new[1].update(district=200_000_000), (PL2, "E5"))
    slip("amount in nghìn đồng", lambda d: d.budget_renew[0].update(district=500_000), (PL3, "E4"))
    slip("1.2 for 1.200", lambda d: d.budget_renew[0].update(district=0.5), (PL3, "E4"))
    near("a small amount", lambda d: (d.budget_renew[1].update(social=20),
                                      d.figures.update(budget_renew=520, budget_total=2020, source_social=20)))
    slip("line without amount", lambda d: d.budget_renew[1].update(social=None), (PL3, "D5"))
    near("line with a zero amount", lambda d: (d.budget_renew[1].update(social=0),
                                               d.figures.update(budget_renew=500, budget_total=2000, source_social=0)))
    slip("completion date years away", task(0, done_date=dt.date(2032, 1, 30)), (TD, "J4"))
    slip("deadline years away", task(1, deadline=dt.date(2032, 12, 15)), (TD, "H5"))
    slip("deadline before its period", task(1, deadline=dt.date(2023, 5, 31)), (TD, "H5"))
    near("deadline inside its period", task(1, deadline=dt.date(2023, 10, 20)))
    slip("school twice in a task", task(0, schools="TH Kim Đồng; THCS Tây Sơn; TH Kim Đồng", school_count=2),
         (TD, "E4"))
    slip("plan date in another year", lambda d: d.meta.update(date=dt.date(2022, 1, 10)), (INFO, "B10"))
    near("plan signed in December before", lambda d: d.meta.update(date=dt.date(2022, 12, 20)))
    slip("zero target with a school", lambda d: d.targets["THCS"].update(renew=0), (SUM, "D7"))
    slip("count typed in a task", task(1, school_count=3), (TD, "F5"))
    slip("name variant in a task", task(0, schools="TH Kim Đông; THCS Tây Sơn; MN Hoa Sen"), (TD, "E4"))
    slip("school not in the list", task(0, schools="TH Kim Đồng; THCS Tây Hồ; MN Hoa Sen"), (TD, "E4"))
    slip("accreditation too low", lambda d: d.schools[1].update(accreditation_level="Cấp độ 2"), (PL1, "G5"))
    slip("upgrade not to level 2", lambda d: d.schools[2].update(standard_level="Mức độ 1"), (PL1, "F6"))
    slip("kind typed wrong", lambda d: d.schools[0].update(kind="Công nhận lại"), (PL1, "E4"))
    slip("kind misspelt", lambda d: d.schools[0].update(kind="Công nhận mớ"), (PL1, "E4"))
    for name, change, cell in (
            ("kind with a diacritic slip", lambda d: d.schools[0].update(kind="Công nhân mới"), (PL1, "E4")),
            ("kind with one word unmarked", lambda d: d.schools[1].update(kind="Cong nhận lại"), (PL1, "E5")),
            ("level with a missing hook", lambda d: d.schools[0].update(level="Tiêu học"), (PL1, "C4")),
            ("status with a diacritic slip", task(0, status="Hoàn thanh"), (TD, "I4"))):
        cases.append(Case(name, "slip", "base", _from_base(change), {cell}, watch=DIACRITIC_SLIP))
    for name, change in (("kind in capitals", lambda d: d.schools[0].update(kind="CÔNG NHẬN MỚI")),
                         ("kind typed without diacritics", lambda d: d.schools[0].update(kind="Cong nhan moi")),
                         ("kind in decomposed Unicode",
                          lambda d: d.schools[0].update(kind=unicodedata.normalize("NFD", "Công nhận mới"))),
                         ("status with the tone mark placed otherwise", task(0, status="Hòan thành")),
                         ("kind as a synonym", lambda d: d.schools[0].update(kind="CN lần đầu"))):
        cases.append(Case(name, "near", "base", _from_base(change), watch=DIACRITIC_SLIP))
    slip("level contradicts name", lambda d: d.schools[0].update(level="THCS"), (PL1, "C4"))
    slip("negative amount", lambda d: d.budget_new[1].update(district=-200), (PL2, "E5"))
    slip("amount as words", lambda d: d.budget_new[1].update(district="hai trăm"), (PL2, "E5"))
    slip("stated figure typo", lambda d: d.figures.update(budget_total=2300), (SUM, "B22"))
    slip("batch count typo", lambda d: d.batches[0].update(new=2, total=3), (SUM, "B32"))
    slip("duplicate school", lambda d: d.schools.append(dict(d.schools[0], timing="Quý IV/2023")), (PL1, "B7"))
    slip("budget for a school not in the list",
         lambda d: d.budget_new[1].update(name="TH Lê Lợi"), (PL2, "B5"))
    slip("invalid date", task(1, deadline="31/13/2023"), (TD, "H5"))
    return cases


def _derived_cell_slips() -> list[Case]:
    """Slips typed into computed cells (or left there by a deleted row): found at that cell."""
    def typed(edits: dict, cells: set) -> Callable[[Path], Path]:
        def build(folder: Path) -> Path:
            path = base_plan(folder)
            set_cells(path, edits)
            return path
        return build

    return [
        Case("total typed over", "slip", "base", typed({(PL2, "I6"): 1600}, set()), {(PL2, "I6")}),
        Case("#REF! in a computed cell", "slip", "base",
             typed({(PL1, "J4"): ("=SUM(#REF!)", "#REF!")}, set()), {(PL1, "J4")}),
        Case("#VALUE! in a computed total", "slip", "base",
             typed({(PL2, "I6"): ("=SUM(I4:I5)+#VALUE!", "#VALUE!")}, set()), {(PL2, "I6")}),
        Case("a line below the SUM range", "slip", "base",
             typed({(PL2, "I6"): ("=SUM(I4:I4)", 1300)}, set()), {(PL2, "I6")}),
    ]


# ---------------------------------------------------------------- slips on the samples

DIACRITIC_SLIP = "V022"


def diacritic_slip(value: object) -> str | None:
    """The text with one mark dropped, the way a slip of the keyboard drops it: the first tone mark ('Công nhận mới'
    → 'Công nhân mới'), else the first other mark ('Công' → 'Cong'); None for text without marks."""
    if not isinstance(value, str) or value.isascii():
        return None
    letters = unicodedata.normalize("NFD", value)
    tones = [i for i, char in enumerate(letters) if char in "\u0300\u0301\u0303\u0309\u0323"]
    marks = tones or [i for i, char in enumerate(letters) if unicodedata.combining(char)]
    if not marks:
        return value.replace("đ", "d", 1).replace("Đ", "D", 1) if "đ" in value.lower() else None
    return unicodedata.normalize("NFC", letters[:marks[0]] + letters[marks[0] + 1:])


def _sample_cases() -> list[Case]:
    cases = []
    for sample in SAMPLES:
        plan = read_plan(sample)
        stem = sample.stem
        lines = list(plan.all_budget_lines())
        if len(lines) >= 4:
            line = lines[len(lines) // 2]
            source = next((key for key, value in line.amounts.items() if value), None)
            if source:
                cell = line.cell(source)
                value = line.amounts[source]
                cases.append(Case(f"{stem}: amount in đồng", "slip", stem,
                                  _sample_edit(sample, {(line.sheet, cell): value * 1_000_000}), {(line.sheet, cell)}))
                cases.append(Case(f"{stem}: amount in nghìn đồng", "slip", stem,
                                  _sample_edit(sample, {(line.sheet, cell): value * 1000}), {(line.sheet, cell)}))
        if plan.tasks:
            task = plan.tasks[-1]
            cell = task.cell("task")
            year = plan.meta.year
            text = f"{task.task} (tiếp tục công nhận trường đạt chuẩn quốc gia năm {year - 1})"
            cases.append(Case(f"{stem}: stale year", "slip", stem, _sample_edit(sample, {(task.sheet, cell): text}),
                              {(task.sheet, cell)}))
            cases.append(Case(f"{stem}: history year", "near", stem, _sample_edit(
                sample, {(task.sheet, cell): f"{task.task} (các trường công nhận năm {year - 5})"})))
        school = plan.schools[0]
        cases.append(Case(f"{stem}: kind misspelt", "slip", stem,
                          _sample_edit(sample, {(school.sheet, school.cell("kind")): "Công nhận mứoi"}),
                          {(school.sheet, school.cell("kind"))}))
        for key in ("kind", "level"):
            slipped = diacritic_slip(school.raw(key))
            if slipped:
                cell = (school.sheet, school.cell(key))
                cases.append(Case(f"{stem}: {key} with a diacritic slip", "slip", stem,
                                  _sample_edit(sample, {cell: slipped}), {cell}, watch=DIACRITIC_SLIP))
    return cases


# ---------------------------------------------------------------- harmless edits

def _harmless_cases(libreoffice) -> list[Case]:
    def plan(folder: Path) -> Path:
        return base_plan(folder)

    cases = [
        Case("sorted list", "harmless", "base", _grid_edit(plan, sort_list)),
        Case("header synonyms", "harmless", "base", _grid_edit(plan, synonyms)),
        Case("inserted column", "harmless", "base", _grid_edit(plan, inserted_column)),
        Case("title rows", "harmless", "base", _grid_edit(plan, title_rows)),
        Case("renamed and reordered sheets", "harmless", "base", _grid_edit(plan, renamed_sheets)),
        Case("NFD text", "harmless", "base", _grid_edit(plan, nfd)),
        Case("upper case names", "harmless", "base", _grid_edit(plan, upper_case)),
        Case("'Trường Tiểu học …' forms", "harmless", "base", _grid_edit(plan, long_forms)),
        Case("timeline heading row", "harmless", "base", _grid_edit(plan, timeline_headings)),
        Case("blank row in the list", "harmless", "base", _grid_edit(plan, blank_row_in_list)),
        Case("merged budget header", "harmless", "base",
             _grid_edit(plan, merged_budget_header, _merged_budget_ranges(3))),
        Case("tone marks, base", "harmless", "base", _from_base(
            lambda d: (d.schools[2].update(name="MN Hoà Bình"), d.budget_renew[1].update(name="MN Hòa Bình"),
                       d.tasks[0].update(schools="TH Kim Đồng; THCS Tây Sơn; MN Hòa Bình")))),
    ]
    builders = base_builders()
    for sample in SAMPLES:
        stem = sample.stem
        source = builders[stem]
        cases += [
            Case(f"{stem}: sorted list", "harmless", stem, _grid_edit(source, sort_list)),
            Case(f"{stem}: synonyms", "harmless", stem, _grid_edit(source, synonyms)),
            Case(f"{stem}: NFD text", "harmless", stem, _grid_edit(source, nfd)),
            Case(f"{stem}: other tone marks", "harmless", stem, _grid_edit(source, other_tone_marks)),
            Case(f"{stem}: title rows", "harmless", stem, _grid_edit(source, title_rows)),
            Case(f"{stem}: renamed sheets", "harmless", stem, _grid_edit(source, renamed_sheets)),
        ]
        if libreoffice is not None:
            cases += _row_edit_cases(stem, source, read_plan(sample), libreoffice)
            for fmt in ("xlsx", "ods", "xls"):
                cases.append(Case(f"{stem}: saved by LibreOffice as .{fmt}", "harmless", stem, source, via=fmt))
    if libreoffice is not None:
        with tempfile.TemporaryDirectory() as scratch:
            small = read_plan(plan(Path(scratch)))
        cases += _row_edit_cases("base", plan, small, libreoffice)
        # A file written before the counts of funded schools became distinct counts: ROWS() over first lines.
        older = builders["older"]
        cases += [
            Case("older file: blank row inserted in PL3 (ROWS count goes stale)", "harmless", "older",
                 excel_row_edit(older, lambda p: row_inserted(p, PL3), libreoffice), expect={"A004": 1}),
            Case("older file: first line deleted in PL2 (ROWS count loses its row)", "harmless", "older",
                 excel_row_edit(older, lambda p: line_deleted(p, PL2, first=True), libreoffice),
                 expect={"A004": 1}),
            Case("older file: second line deleted in PL2 (ROWS count still right)", "harmless", "older",
                 excel_row_edit(older, lambda p: line_deleted(p, PL2), libreoffice)),
        ]
    return cases


def _row_edit_cases(stem: str, source: Callable[[Path], Path], plan, libreoffice) -> list[Case]:
    """A blank row inserted in the list and in each budget appendix, and a budget line deleted (its amounts merged
    into another line of its school), each as Excel does it; only where the table has such rows."""
    prefix = "" if stem == "base" else f"{stem}: "
    choices = [("row inserted in the list", lambda p: row_inserted(p, PL1))]
    for sheet, label in ((PL2, "PL2"), (PL3, "PL3")):
        choices += [
            (f"blank row inserted in {label}", lambda p, sheet=sheet: row_inserted(p, sheet)),
            (f"second line of a school deleted in {label}", lambda p, sheet=sheet: line_deleted(p, sheet)),
            (f"first line of a school deleted in {label}", lambda p, sheet=sheet: line_deleted(p, sheet, True)),
        ]
    return [Case(f"{prefix}{label} (as Excel does)", "harmless", stem, excel_row_edit(source, choose, libreoffice))
            for label, choose in choices if choose(plan) is not None]


def recomputed(source: Callable[[Path], Path], libreoffice) -> Callable[[Path], Path]:
    """The workbook with every formula computed again by a spreadsheet program (LibreOffice), as Excel does
    after an edit: cached values that an edit made stale become what the old formulas say."""
    def build(folder: Path) -> Path:
        work = folder / "source"
        work.mkdir(exist_ok=True)
        path = source(work)
        _drop_cached_values(path)
        final = folder / "recomputed.xlsx"
        shutil.copyfile(libreoffice(path, "xlsx"), final)
        return final

    return build


def _recomputed_slips(libreoffice) -> list[Case]:
    """A kind typed with a diacritic slip over a workbook whose COUNTIFS name the vocabulary's spelling: the
    spreadsheet stops counting the school, so the summary's counts are off — consequences of the note at the cell."""
    def slipped(folder: Path) -> Path:
        path = base_plan(folder)
        set_cells(path, {(PL1, "E4"): "Công nhân mới"})
        return path

    return [Case("kind with a diacritic slip, recounted by the spreadsheet", "slip", "base",
                 recomputed(slipped, libreoffice), {(PL1, "E4")}, watch=DIACRITIC_SLIP)]


def all_cases(libreoffice=None) -> list[Case]:
    return [*_plan_cases(), *_derived_cell_slips(), *_sample_cases(), *_harmless_cases(libreoffice),
            *(_recomputed_slips(libreoffice) if libreoffice is not None else [])]


OLDER_COUNTS = {(SUM, "C18"): ("=ROWS('PL2 - Kinh phí CN mới'!B4)", 1),
                (SUM, "C19"): ("=ROWS('PL3 - Kinh phí CN lại'!B4:B5)", 2)}


def older_plan(folder: Path) -> Path:
    """The small plan as an earlier version wrote it: funded schools counted with ROWS() over first lines."""
    path = base_plan(folder, name="older.xlsx")
    set_cells(path, OLDER_COUNTS)
    return path


def base_builders() -> dict[str, Callable[[Path], Path]]:
    builders: dict[str, Callable[[Path], Path]] = {"base": lambda folder: base_plan(folder), "older": older_plan}
    for sample in SAMPLES:
        builders[sample.stem] = (lambda s: lambda folder: Path(shutil.copyfile(s, folder / s.name)))(sample)
    return builders

