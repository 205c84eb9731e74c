"""recalc: every derived cell rewritten as a formula with its value cached; findings shown in Excel.

The workbook is edited in place as an OOXML package (see `ooxml`), so parts
the tool does not mean to change — pictures, charts, text boxes, dropdowns,
other people's comments, VBA — are copied byte for byte. The result is
written atomically, with a backup of the previous version.
"""
from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import layout as L
from .checks import remaining_after_recalc, run_checks
from .derive import Derived, Facts, analyse
from .errors import PlanError
from .files import Unchanged, atomic_write, refuse_unopenable_name, same_content, same_file, usable_output
from .formulas import same_formula
from .grid import ooxml_sheet_parts
from .messages import text
from .model import LoggedReplacement, Plan
from .normalize import clean_text, is_error_value, parse_number
from .notes import add_notes, strip_notes
from .ooxml import CT_WORKSHEET, REL_CALCCHAIN, REL_WORKSHEET, CellWrite, NoCellRefs, Package, Rel, Styles, \
    WorkbookXml, Worksheet
from .reader import read_plan
from .report import Finding, Report
from .source import Source, open_source
from .review import add_marks, mark_dxfs, review_sheet_xml, review_styles, strip_marks


@dataclass
class RecalcResult:
    output: Path
    backup: Path | None
    report: Report                      # findings that remain after recalc (+ changes)
    before: list[Finding]               # findings of the file as it was
    written: int = 0                    # derived cells written
    changes: list[dict[str, object]] = field(default_factory=list)
    unchanged: bool = False             # the file already held exactly this result: nothing was written

    @property
    def fixed(self) -> list[Finding]:
        """Findings recalc resolved (wrong totals, constants, incomplete SUMs)."""
        remaining = {(f.code, f.sheet, f.cell) for f in self.report.findings}
        return [f for f in self.before if (f.code, f.sheet, f.cell) not in remaining]


def _actual_number(value: object) -> float | None:
    if isinstance(value, bool) or value is None or is_error_value(value):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    return parse_number(value).value


def _changes(derived: list[Derived]) -> tuple[list[dict[str, object]], list[LoggedReplacement]]:
    """Cells whose content changes, and the typed values (or other formulas) that get replaced."""
    changes: list[dict[str, object]] = []
    replaced: list[LoggedReplacement] = []
    for item in derived:
        old_number = _actual_number(item.actual)
        same_value = old_number is not None and abs(old_number - item.value) <= 1e-9 * max(1.0, abs(item.value))
        if item.fmt == "rate" and old_number is not None and not same_value:
            same_value = round(old_number * 100, 6) == round(item.value * 100, 6)
        unchanged_formula = same_formula(item.formula, item.actual_formula)
        if same_value and unchanged_formula:
            continue
        changes.append({"sheet": item.sheet, "cell": item.cell, "old": item.actual,
                        "old_formula": item.actual_formula, "new": item.value, "formula": item.formula})
        if item.actual is not None and not same_value and not unchanged_formula and item.rule != "stt-out-of-sequence":
            old = f"={item.actual_formula}" if item.actual_formula else item.actual
            replaced.append(LoggedReplacement(item.sheet, item.cell, old, item.value))
    return changes, replaced


def _merge_log(previous: list[LoggedReplacement], new: list[LoggedReplacement]) -> list[LoggedReplacement]:
    merged: list[LoggedReplacement] = []
    seen = set()
    for entry in [*previous, *new]:
        key = (entry.sheet, entry.cell, clean_text(entry.old))
        if key not in seen:
            seen.add(key)
            merged.append(entry)
    return merged


def _note_texts(findings: list[Finding], log: list[LoggedReplacement], lang: str) -> dict[str, dict[str, str]]:
    """sheet → cell → note text."""
    notes: dict[str, dict[str, list[str]]] = {}
    for finding in findings:
        if finding.sheet and finding.cell and finding.sheet != L.REVIEW_NAME:
            notes.setdefault(finding.sheet, {}).setdefault(finding.cell, []).append(
                text("note.finding", lang, code=finding.code, message=finding.message, hint=finding.hint))
    for entry in log:
        shown = entry.old if not isinstance(entry.old, float) or not entry.old.is_integer() else int(entry.old)
        notes.setdefault(entry.sheet, {}).setdefault(entry.cell, []).append(
            text("note.replaced", lang, old=shown))
    return {sheet: {cell: text("note.head", lang) + "\n" + "\n".join(parts) for cell, parts in cells.items()}
            for sheet, cells in notes.items()}


def _remove_calc_chain(pkg: Package, workbook_part: str) -> None:
    rels = pkg.rels(workbook_part)
    kept = []
    for rel in rels:
        if rel.type == REL_CALCCHAIN:
            part = pkg.resolve(workbook_part, rel.target)
            pkg.delete(part)
            pkg.set_override(part, None)
        else:
            kept.append(rel)
    if len(kept) != len(rels):
        pkg.write_rels(workbook_part, kept)


def _workbook_part(pkg: Package) -> str:
    if pkg.has("xl/workbook.xml"):
        return "xl/workbook.xml"
    return next(name for name in pkg.order if name.endswith("/workbook.xml"))


def _remove_sheet(pkg: Package, workbook_part: str, book: WorkbookXml, name: str) -> None:
    removed = book.remove_sheet(name)
    if removed is None:
        return
    _, rel_id = removed
    rels = pkg.rels(workbook_part)
    for rel in rels:
        if rel.id == rel_id:
            part = pkg.resolve(workbook_part, rel.target)
            for sub in pkg.rels(part):
                sub_part = pkg.resolve(part, sub.target)
                if sub.mode != "External" and pkg.has(sub_part) and sub.type.endswith(("/comments", "/vmlDrawing")):
                    pkg.delete(sub_part)
                    pkg.set_override(sub_part, None)
            pkg.delete(Package.rels_name(part))
            pkg.delete(part)
            pkg.set_override(part, None)
    pkg.write_rels(workbook_part, [rel for rel in rels if rel.id != rel_id])


def damaged_cells(pkg: Package, lang: str) -> tuple[dict[str, dict[tuple[int, int], CellWrite]], list[Finding]]:
    """Every cell of every worksheet that no spreadsheet program reads as it is, and what recalc writes there
    (sheet name → cell → write), with a finding at each saying what the file held."""
    from .damage import NUMBER, repair, reset_bad_styles, scan_damage, style_count
    from .report import make_finding

    with pkg.opened() as archive:
        parts = ooxml_sheet_parts(archive, pkg.path)
    repairs: dict[str, dict[tuple[int, int], CellWrite]] = {}
    findings: list[Finding] = []
    formats = style_count(pkg.read("xl/styles.xml")) if pkg.has("xl/styles.xml") else None
    for name, part in parts.items():
        if not pkg.has(part):
            continue
        if formats is not None:   # a style index past the style table: Excel resets it when it repairs the file
            fixed, reset, first, index = reset_bad_styles(pkg.read(part), formats)
            if reset:
                pkg.write(part, fixed)
                findings.append(make_finding("damaged-cell", name, first, lang, "style", index=index, count=reset,
                                             formats=formats, raw=index or ""))
        for damage in scan_damage(pkg.read(part)):
            how, value = repair(damage)
            write = CellWrite(None, None, text=value) if how == "text" else CellWrite(None, None, error=value)
            repairs.setdefault(name, {})[(damage.row, damage.col)] = write
            if damage.kind == NUMBER:
                shown = text("damage.as_text", lang, value=value) if how == "text" else value
                findings.append(make_finding("damaged-cell", name, damage.cell, lang, damage.kind, raw=damage.raw,
                                             repaired=shown))
    return repairs, findings


def apply(pkg: Package, plan: Plan, facts: Facts, *, findings: list[Finding] | None, log: list[LoggedReplacement],
          lang: str, repairs: dict[str, dict[tuple[int, int], CellWrite]] | None = None) -> int:
    """Edit the package: derived cells, and (when findings is not None) marks, notes and 'Kiểm tra'.

    `repairs` (sheet name → cell → write): damaged cells rewritten so that the file opens without repair,
    in every sheet (a derived cell keeps its formula).
    """
    workbook_part = _workbook_part(pkg)
    book = WorkbookXml(pkg.read(workbook_part))
    with pkg.opened() as archive:
        parts = ooxml_sheet_parts(archive, pkg.path)
    repairs = dict(repairs or {})
    if plan.review_sheet:
        _remove_sheet(pkg, workbook_part, book, plan.review_sheet)
        parts.pop(plan.review_sheet, None)
    derived_by_sheet: dict[str, list[Derived]] = {}
    for item in facts.derived:
        derived_by_sheet.setdefault(item.sheet, []).append(item)
    actual_names = {plan.meta.sheet, plan.summary.sheet, *(table.sheet for table in plan.tables())}
    styles = Styles(pkg.read("xl/styles.xml")) if findings is not None and pkg.has("xl/styles.xml") else None
    dxfs = mark_dxfs(styles) if styles else {}
    notes = _note_texts(findings, log, lang) if findings is not None else {}
    cells_by_sheet: dict[str, dict[str, list[str]]] = {}
    for finding in findings or []:
        if finding.sheet and finding.cell:
            cells_by_sheet.setdefault(finding.sheet, {}).setdefault(finding.severity, []).append(finding.cell)
    written = 0
    for name in sorted(actual_names):
        part = parts.get(name)
        if part is None or not pkg.has(part):
            continue
        sheet = Worksheet(pkg.read(part))
        strip_marks(sheet)
        strip_notes(pkg, part, sheet)
        # Built sheet by sheet, so only one sheet's edits are in memory next to its text.
        sheet_edits = {**repairs.pop(name, {}), **{(item.row, item.col): CellWrite(item.formula, item.value)
                                                   for item in derived_by_sheet.get(name, ())}}
        try:
            sheet.write_cells(sheet_edits)
        except NoCellRefs:
            raise PlanError("error.no_cell_refs", path=plan.path, sheet=name) from None
        written += len(derived_by_sheet.get(name, ()))
        if findings is not None:
            if styles:
                add_marks(sheet, cells_by_sheet.get(name, {}), dxfs)
            add_notes(pkg, part, sheet, notes.get(name, {}))
        pkg.write(part, sheet.bytes())
        del sheet, sheet_edits  # a big sheet's text goes before the next sheet is read
    repairs.pop(plan.review_sheet or "", None)
    for name, cells in repairs.items():   # damaged cells of the other sheets
        part = parts.get(name)
        if part is None or not pkg.has(part):
            continue
        sheet = Worksheet(pkg.read(part))
        try:
            sheet.write_cells(cells)
        except NoCellRefs:
            raise PlanError("error.no_cell_refs", path=plan.path, sheet=name) from None
        pkg.write(part, sheet.bytes())
    if findings is not None:
        ids = review_styles(styles) if styles else {key: 0 for key in ("title", "plain", "header", "cell", "link",
                                                                        "section", "error", "warning", "info")}
        sheet_part = pkg.free_part("xl/worksheets/sheet{}.xml")
        rels = pkg.rels(workbook_part)
        rel_id = pkg.free_rel_id(rels)
        rels.append(Rel(rel_id, REL_WORKSHEET, pkg.relative(workbook_part, sheet_part)))
        pkg.write_rels(workbook_part, rels)
        pkg.write(sheet_part, review_sheet_xml(findings, log, ids, lang))
        pkg.set_override(sheet_part, CT_WORKSHEET)
        taken = {name.casefold() for name in plan.sheet_names if name != plan.review_sheet}
        name = L.REVIEW_NAME if L.REVIEW_NAME.casefold() not in taken else L.REVIEW_FALLBACK_NAME
        book.add_sheet(name, rel_id)
    if styles:
        pkg.write("xl/styles.xml", styles.bytes())
    if written:
        book.full_calc_on_load()
        _remove_calc_chain(pkg, workbook_part)
    pkg.write(workbook_part, book.bytes())
    return written


def _as_xlsx(plan: Plan, source: Source, folder: Path) -> Path:
    """A read-only source (.xls, .ods, .xlsb) as a plain .xlsx holding the same values."""
    import xlsxwriter

    from .grid import open_book

    handle, name = tempfile.mkstemp(prefix=f".{Path(plan.path).stem}.", suffix=".tmp.xlsx", dir=folder)
    os.close(handle)
    target = Path(name)  # hidden, and named like our other temporaries, so nobody mistakes it for a result
    book = open_book(source)
    try:
        workbook = xlsxwriter.Workbook(str(target), {"strings_to_formulas": False, "strings_to_urls": False,
                                                     "nan_inf_to_errors": True})
        date_format = workbook.add_format({"num_format": L.DATE_FORMAT})
        for name in book.sheet_names:
            grid = book.grid(name)
            sheet = workbook.add_worksheet(name[:31])
            for r, row in enumerate(grid.rows):
                for c, value in enumerate(row):
                    if value == "" or value is None:
                        continue
                    if isinstance(value, (dt.date, dt.datetime)):
                        moment = value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month,
                                                                                         value.day)
                        sheet.write_datetime(r, c, moment, date_format)
                    elif isinstance(value, (int, float)) and not isinstance(value, bool):
                        sheet.write_number(r, c, value)
                    else:
                        sheet.write_string(r, c, str(value))
            for r1, c1, r2, c2 in grid.merged:
                if (r1, c1) != (r2, c2):
                    sheet.merge_range(r1 - 1, c1 - 1, r2 - 1, c2 - 1, None)
        workbook.close()
    finally:
        book.close()
    return target


def default_output(path: Path, kind: str) -> Path:
    """Where recalc writes when no -o is given: in place for .xlsx/.xlsm, a new .xlsx otherwise."""
    if kind in ("xlsx", "xlsm"):
        return path
    if path.suffix.lower() != ".xlsx":
        return path.with_suffix(".xlsx")
    return path.with_name(path.stem + ".recalc.xlsx")


def recalc_plan(path: str | os.PathLike[str], output: str | os.PathLike[str] | None = None, *,
                backup: bool = True, lang: str = "vi", as_of: dt.date | None = None) -> RecalcResult:
    """Recalculate a workbook, mark its findings, and write it (in place unless `output`).

    The file is opened once and every part is read from that one handle; an
    in-place rewrite holds it locked, so a second recalc of the same file waits
    (or refuses), and a result identical to the file is not written at all.
    """
    source_path = Path(path)
    if output is not None:
        usable_output(output)
    may_rewrite = output is None or same_file(output, source_path)
    with open_source(source_path, lock=may_rewrite) as source:
        return _recalc(source, output, backup=backup, lang=lang, as_of=as_of)


def _recalc(source: Source, output: str | os.PathLike[str] | None, *, backup: bool, lang: str,
            as_of: dt.date | None) -> RecalcResult:
    source_path = source.path
    plan = read_plan(source)
    facts = analyse(plan)
    before = run_checks(plan, facts, lang=lang, as_of=as_of)
    remaining = remaining_after_recalc(before, facts)
    changes, replaced = _changes(facts.derived)
    log = _merge_log(plan.review_log, replaced)
    target = Path(output) if output else default_output(source_path, plan.format)
    if output is not None:   # the result keeps the source's kind: a macro workbook (VBA kept) .xlsm, others .xlsx
        refuse_unopenable_name(target, ".xlsm" if plan.format == "xlsm" else ".xlsx")
    in_place = same_file(target, source_path)
    if in_place and output is not None and plan.format not in ("xlsx", "xlsm"):
        raise PlanError("error.same_input_output", path=source_path)
    written = 0

    def build(tmp: Path) -> None:
        nonlocal written
        converted = None
        if plan.format not in ("xlsx", "xlsm"):
            converted = _as_xlsx(plan, source, tmp.parent)
            converted_plan = read_plan(converted)
            package_source: Path | Source = converted
            facts_used = analyse(converted_plan)
            plan_used = converted_plan
        else:
            package_source, facts_used, plan_used = source, facts, plan
        try:
            pkg = Package(package_source)
            repairs, damage_findings = damaged_cells(pkg, lang)
            seen = {(finding.code, finding.sheet, finding.cell) for finding in remaining}
            remaining.extend(finding for finding in damage_findings
                             if (finding.code, finding.sheet, finding.cell) not in seen)
            written = apply(pkg, plan_used, facts_used, findings=remaining, log=log, lang=lang, repairs=repairs)
            pkg.save(tmp)
        finally:
            if converted is not None:
                converted.unlink(missing_ok=True)
        if in_place and same_content(tmp, source):
            raise Unchanged()

    unchanged = False
    try:
        made_backup = atomic_write(target, build, backup=backup and (in_place or target.exists()),
                                   replaces=source if in_place else None)
    except Unchanged:
        made_backup, unchanged = None, True
    report = Report(str(source_path), remaining, lang, changes)
    return RecalcResult(target, made_backup, report, before, written, changes, unchanged)


def fill_derived(path: str | os.PathLike[str]) -> int:
    """Write every derived cell of a standard workbook in place, without marks (template, samples)."""
    plan = read_plan(path)
    facts = analyse(plan)
    pkg = Package(path)
    written = apply(pkg, plan, facts, findings=None, log=[], lang="vi")
    fd, tmp = tempfile.mkstemp(suffix=".xlsx", dir=Path(path).parent)
    os.close(fd)
    pkg.save(tmp)
    os.replace(tmp, path)
    return written
