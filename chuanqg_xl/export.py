"""export: the appendices ready to attach to the signed plan.

`export_plan(path, output)` reads a plan, runs the same derivation recalc
uses (`derive.analyse`), refuses while error-level findings remain (unless
`force`), and writes a new workbook with xlsxwriter; the source file is never
touched. `plan_frames(plan)` gives the same tables as pandas DataFrames, and
`--csv` / `--json` write them for data systems.

The parts, by what they do: `export_tables` (the tables of plain values,
`plan_frames`), `export_book` (the Nghị định 30 workbook), `export_months`
(the months of a timeline task), `export_data` (CSV and JSON); this module
chooses the appendices, refuses or forces, and writes the files (PDF too).

Choices, so that a reviewer can disagree with them in one place:

* **Values, not formulas.** Every total is written as a number computed by
  `analyse` (the values recalc caches). A submission workbook is an attachment
  to a signed document: it must print the same in Excel, LibreOffice, WPS or a
  viewer that does not calculate, and nobody should edit it — the plan
  workbook stays the working copy.
* **Counts with leading zeros.** Plans write "02 trường" and their tables
  "01", "03", "-" (seed 000). Count cells stay numbers (they add up, and CSV
  and JSON carry integers) with the number format `00;-00;"-"`: 2 shows "02",
  0 shows "-". Row numbers (STT) and levels (Mức độ 1) are plain; the sentence
  under Phụ lục 1 writes "05 trường".
* **Money** uses `#,##0` (Vietnamese Excel shows 44.497) and "-" for zero;
  a non-integral amount keeps up to three decimals. The unit is in the title
  ("ĐVT: triệu đồng", from Thông tin).
* **Only what the plan says.** Columns that are empty in every row (a funding
  source nobody uses, an empty "Ghi chú") are left out, and so are the tool's
  helper column ("Số trường nêu tên"), the Kiểm tra sheet and every highlight.
  The CSV/JSON tables keep every column, so their shape never changes.
  Appendices without data (no PL3 lines) are left out unless asked for by
  `only`.
* **Budget appendices are grouped by school**: a school row (I, II, …) with its
  subtotal, its items (1, 2, …) below, the grand total at the bottom.
* **Nghị định 30/2020/NĐ-CP**: Times New Roman 13–14 pt; the issuing body top
  left ("ỦY BAN NHÂN DÂN / QUẬN HAI BÀ TRƯNG"; when the plan number shows
  another issuer, e.g. 12/KH-PGDĐT, the UBND line above the advising body),
  the national title and motto top right, each with a short rule below; A4
  landscape, margins top/bottom 20 mm, left 30 mm, right 15 mm; fit to page
  width (Tổng hợp, three short tables, to one page); the table header
  repeated on every page. Page numbers follow the
  decree (Phụ lục I, mục 8): centred in the top margin and not on the first
  page; numbering restarts for each appendix.
* **Timeline chart**: a sheet with one row per task and one column per month
  of the plan year (widened when tasks fall outside it); the months of each
  task are filled. They come from "Thời gian" (Tháng 5,6/2023 → May–June,
  Quý II/2024 → April–June, Từ tháng 3 đến tháng 5 → March–May, Cả năm /
  Thường xuyên → the whole year) extended to "Hạn hoàn thành".
* **CSV/JSON** neutralise spreadsheet-formula injection (OWASP): a text value
  starting with =, +, -, @, TAB, CR, LF or NUL gets a leading apostrophe;
  numbers stay numbers. CSV is UTF-8 with BOM (Excel then reads the
  diacritics), non-numeric fields quoted; JSON is written with allow_nan=False.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .derive import analyse
from .errors import PlanError
from .export_book import OUTPUT_KIND, write_appendices
from .export_data import write_csv, write_json
from .export_tables import PART_TABLES, ExportTable, export_tables
from .files import atomic_write, needs_backup, refuse_output_among_inputs, refuse_unopenable_name, resolve_target
from .messages import text
from .normalize import clean_text, fold
from .office import convert, find_soffice
from .report import Finding

# The appendices, in the order they are written (and the names --only takes).
PARTS = ("pl1", "pl2", "pl3", "tien-do", "tong-hop")
PDF_TIMEOUT_SECONDS = 180
MAX_LISTED_ERRORS = 8


@dataclass
class ExportResult:
    output: Path
    sheets: list[str]                      # sheet names written, in order
    parts: list[str]                       # appendix keys written
    skipped: list[str]                     # appendix keys left out because they hold no data
    findings: list[Finding]                # findings that remain after recalculation (every severity)
    forced: bool = False
    pdf: Path | None = None
    csv_files: list[Path] = field(default_factory=list)
    json_path: Path | None = None
    backup: Path | None = None                 # the replaced workbook, when it was not an earlier export

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == "error"]


def render_pdf(workbook: Path, target: Path, soffice: str, timeout: float = PDF_TIMEOUT_SECONDS) -> Path:
    """Convert with LibreOffice into `target` (see `office.convert`)."""
    with tempfile.TemporaryDirectory(prefix="chuanqg-pdf-") as work:
        produced = convert(workbook, "pdf", Path(work), soffice, failed_key="export.pdf_failed",
                           timeout_key="export.pdf_timeout", timeout=timeout)
        atomic_write(target, lambda tmp: shutil.copyfile(produced, tmp))
    return target


# ---------------------------------------------------------------- the whole export

def parse_parts(only: str | Iterable[str] | None) -> list[str] | None:
    """'pl2, pl3' or ['pl2', 'pl3'] → ['pl2', 'pl3'] in appendix order; None for all."""
    if only is None:
        return None
    items = only.split(",") if isinstance(only, str) else list(only)
    chosen = set()
    for item in items:
        key = fold(item).replace(" ", "-")
        if not key:
            continue
        if key not in PARTS:
            raise PlanError("export.unknown_part", name=clean_text(item), choices=", ".join(PARTS))
        chosen.add(key)
    if not chosen:
        raise PlanError("export.no_part", choices=", ".join(PARTS))
    return [part for part in PARTS if part in chosen]


def _has_data(part: str, tables: dict[str, ExportTable]) -> bool:
    if part == "tong-hop":   # its tables always have rows (each level, each figure): a figure must be there
        return any(isinstance(value, (int, float)) and not isinstance(value, bool) and value != 0
                   for key in PART_TABLES[part] for row in tables[key].rows for value in row.values())
    return bool(tables[part].rows)


def _refusal(path: Path, errors: list[Finding], lang: str) -> PlanError:
    lines = [f"  {finding.location()} {finding.code} {finding.message}".rstrip() for finding in
             errors[:MAX_LISTED_ERRORS]]
    if len(errors) > MAX_LISTED_ERRORS:
        lines.append(text("export.more_errors", lang, count=len(errors) - MAX_LISTED_ERRORS))
    error = PlanError("export.refused", path=path, count=len(errors), lines="\n".join(lines))
    error.args = (error.message(lang),)   # the CLI prints str(error): in the language asked for
    return error


def export_plan(path: str | os.PathLike[str], output: str | os.PathLike[str], *,
                only: str | Iterable[str] | None = None, force: bool = False, lang: str = "vi", pdf: bool = False,
                csv_dir: str | os.PathLike[str] | None = None,
                json_path: str | os.PathLike[str] | None = None) -> ExportResult:
    """Write the appendices of the plan at `path` into a new workbook `output` (the source is not changed).

    Raises PlanError when the file is unusable, when error-level findings
    remain after recalculation and `force` is false, or when a PDF is asked
    for and LibreOffice is missing (checked before anything is written).
    """
    from .checks import remaining_after_recalc, run_checks
    from .reader import read_plan

    source = Path(path)
    target = Path(output)
    refuse_unopenable_name(target)
    for other in (target, Path(json_path) if json_path else None, target.with_suffix(".pdf") if pdf else None):
        if other is not None:
            refuse_output_among_inputs([source], other, OUTPUT_KIND)
    if csv_dir is not None and Path(csv_dir).exists() and not Path(csv_dir).is_dir():
        raise PlanError("export.csv_not_dir", path=Path(csv_dir))   # before the workbook is written, not after
    chosen = parse_parts(only)
    soffice = None
    if pdf:
        soffice = find_soffice()
        if soffice is None:
            raise PlanError("export.no_soffice")

    plan = read_plan(source)
    facts = analyse(plan)
    findings = remaining_after_recalc(run_checks(plan, facts, lang=lang), facts)
    errors = [finding for finding in findings if finding.severity == "error"]
    if errors and not force:
        raise _refusal(source, errors, lang)

    tables = export_tables(plan, facts)
    if chosen is None:
        parts = [part for part in PARTS if _has_data(part, tables)]
        skipped = [part for part in PARTS if part not in parts]
    else:
        parts, skipped = chosen, []
    if not parts:
        raise PlanError("export.nothing", path=source)

    sheets: list[str] = []

    def build(tmp: Path) -> None:
        sheets.extend(write_appendices(tmp, plan, tables, parts))

    backup = atomic_write(target, build, backup=needs_backup(target, OUTPUT_KIND))
    result = ExportResult(resolve_target(target), sheets, parts, skipped, findings, forced=bool(errors),
                          backup=backup)
    keys = [key for part in parts for key in PART_TABLES[part]]
    if csv_dir is not None:
        result.csv_files = write_csv(Path(csv_dir), tables, keys)
    if json_path is not None:
        result.json_path = write_json(Path(json_path), plan, tables, keys)
    if soffice is not None:
        result.pdf = render_pdf(result.output, result.output.with_suffix(".pdf"), soffice)
    return result
