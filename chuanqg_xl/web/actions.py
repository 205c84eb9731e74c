"""What the page asks of the library: one place that decides what a file is and which library call it gets.

Each function here is the page's twin of a CLI command and calls the same
library functions (so the same guards refuse the same hostile files):
`check_uploads` ↔ `check` (a workbook, a Word plan, or a workbook with its
Word plan: `check --plan`) or `consolidate` (several workbooks), and
`make_download` ↔ `recalc`, `export [--pdf]`, `status -o`, `consolidate -o`. Files are always
on disk under generated names in a private folder; `names` maps those paths
back to what the user called the files, for every sentence shown.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping

from ..dates import parse_day
from ..errors import PlanError
from ..messages import text
from ..report import Finding
from .present import Figures, Section, figures_view, group_findings, summary_line
from .uploads import SUFFIX_KINDS, Kept, Upload, stem_of, suffix_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"
DOWNLOADS = ("recalc", "appendices", "pdf", "status", "consolidated", "imported")
IMPORTED = "imported"     # the key of the standard workbook made from a Word plan, among a result's outputs


# ---------------------------------------------------------------- names in sentences

class Refused(Exception):
    """A sentence for the user, ready to show (the library's, with the user's file names in it)."""

    def __init__(self, sentence: str, status: int = 422) -> None:
        super().__init__(sentence)
        self.sentence = sentence
        self.status = status


def names_of(uploads: Iterable[Upload]) -> dict[str, str]:
    """Generated path (and file name) → the user's name for it."""
    names: dict[str, str] = {}
    for upload in uploads:
        names[str(upload.path)] = upload.name
        names[upload.path.name] = upload.name
    return names


def user_message(exc: PlanError, lang: str, names: Mapping[str, str]) -> str:
    """The library's sentence, with our generated names replaced by the user's."""
    message = exc.message(lang, names)
    for generated in sorted(names, key=len, reverse=True):   # full paths before bare names
        message = message.replace(generated, names[generated])
    return message


# ---------------------------------------------------------------- what a file is

def kind_of(upload: Upload) -> str:
    """'document' for a Word plan, 'workbook' otherwise: judged by content, exactly as `check_plan` judges it."""
    from ..guard import word_kind

    if upload.kind is None:
        upload.kind = "document" if word_kind(upload.path) else "workbook"
    return upload.kind


def check_uploads(uploads: list[Upload], folder: Path, lang: str) -> PlanResult | ProvinceResult:
    """The one place that decides what the page does with the files it was given.

    One file: its check (a workbook, or a Word plan). A workbook and a Word
    plan together: the workbook checked and the plan's text held against it
    (`check --plan`). Anything else: the consolidation of the workbooks.
    """
    task = task_of(uploads)
    if task == "document":
        return check_document(uploads[0], folder, lang)
    if task == "workbook":
        return check_workbook(uploads[0], lang)
    if task == "pair":
        workbook = next(upload for upload in uploads if upload.kind == "workbook")
        document = next(upload for upload in uploads if upload.kind == "document")
        return check_workbook(workbook, lang, document)
    return consolidate_uploads(uploads, folder, lang)


def task_of(uploads: list[Upload]) -> str:
    """'workbook', 'document' (one file), 'pair' (a workbook with its Word plan) or 'province' (the rest)."""
    if len(uploads) == 1:
        return kind_of(uploads[0])
    if sorted(kind_of(upload) for upload in uploads) == ["document", "workbook"]:
        return "pair"
    return "province"


# ---------------------------------------------------------------- one plan

@dataclass
class ImportView:
    """The import of a Word plan (`chuanqg-xl import ke-hoach.docx`) as the page shows it."""

    schools: int = 0
    tasks: int = 0
    mapped: list[tuple[str, str]] = field(default_factory=list)     # (where in the Word plan, what it gave)
    unmapped: list[tuple[str, str]] = field(default_factory=list)   # (where, what a person must add)
    contradictions: int = 0       # the text's own errors and warnings, kept as written (check shows them)
    refused: str | None = None    # the library's sentence when no workbook could be made


@dataclass
class PlanResult:
    name: str
    kind: str                          # "workbook" or "document"
    unit: str
    year: int | None
    findings: list[Finding]
    sections: list[Section]
    summary: str
    figures: Figures | None = None
    token: str | None = None           # where its downloads are kept
    document: str | None = None        # the Word plan held against the workbook
    verified: list[tuple[str, str]] = field(default_factory=list)   # (where, what) the Word plan states rightly
    imported: ImportView | None = None  # a Word plan alone: the standard workbook made from it
    outputs: dict[str, bytes] = field(default_factory=dict)         # files made already, kept for downloads

    def count(self, severity: str) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)


def _verified(report: object, lang: str) -> list[tuple[str, str]]:
    return [(item.where.label(lang), item.what) for item in getattr(report, "verified", [])]


def check_workbook(upload: Upload, lang: str, document: Upload | None = None) -> PlanResult:
    """Check a workbook as `chuanqg-xl check` does (with `--plan` when a Word plan comes along);
    the figures of Tổng hợp come along for the page."""
    from ..checks import run_checks
    from ..derive import analyse
    from ..export_tables import export_tables
    from ..reader import read_plan

    plan = read_plan(upload.path)
    facts = analyse(plan)
    findings = run_checks(plan, facts, lang=lang)
    verified: list[tuple[str, str]] = []
    if document is not None:
        from ..docplan.compare import compare_plan

        report = compare_plan(plan, findings, document.path, lang=lang)
        findings, verified = report.findings, _verified(report, lang)
    figures = figures_view(export_tables(plan, facts), lang)
    return PlanResult(upload.name, "workbook", plan.meta.unit, plan.meta.year, findings,
                      group_findings(findings, plan), summary_line(findings, lang), figures,
                      document=document.name if document else None, verified=verified)


def check_document(upload: Upload, folder: Path, lang: str) -> PlanResult:
    """A Word plan on its own, as `chuanqg-xl check ke-hoach.docx` does (its text checked, its statements
    verified), and the standard workbook made from it, as `chuanqg-xl import ke-hoach.docx` does."""
    from ..checks import check_plan

    report = check_plan(upload.path, lang=lang)
    imported, workbook = import_word_plan(upload, folder, lang)
    return PlanResult(upload.name, "document", "", None, report.findings, group_findings(report.findings),
                      summary_line(report.findings, lang), verified=_verified(report, lang), imported=imported,
                      outputs={IMPORTED: workbook} if workbook is not None else {})


def import_word_plan(upload: Upload, folder: Path, lang: str) -> tuple[ImportView, bytes | None]:
    """The standard workbook made from a Word plan, and its report. A plan that cannot be imported keeps its
    check: the view then holds the library's sentence."""
    from ..docplan.convert import import_document

    try:
        result = import_document(upload.path, folder / "so-chuan.xlsx", lang=lang)
    except PlanError as exc:
        return ImportView(refused=user_message(exc, lang, names_of([upload]))), None
    view = ImportView(result.schools, result.tasks,
                      [(note.location(), note.message(lang)) for note in result.mapped],
                      [(note.location(), note.message(lang)) for note in result.unmapped],
                      len(getattr(result, "findings", [])))
    return view, result.output.read_bytes()


# ---------------------------------------------------------------- many plans

@dataclass
class DistrictRow:
    number: int
    name: str
    unit: str
    year: int | None
    schools: int
    errors: int
    warnings: int
    flags: list[str]
    summary: str
    sections: list[Section]


@dataclass
class ProvinceResult:
    total: int
    districts: list[DistrictRow]
    problems: list[tuple[str, str]]     # (severity, sentence)
    token: str | None = None
    unreadable: list[tuple[str, str]] = field(default_factory=list)   # (file name, sentence)
    outputs: dict[str, bytes] = field(default_factory=dict)         # files made already, kept for downloads


def consolidate_uploads(uploads: list[Upload], folder: Path, lang: str,
                        progress: Callable[[str, int, int], None] | None = None) -> ProvinceResult:
    """Several district workbooks → the consolidation, as `chuanqg-xl consolidate` does. `progress(phase, done,
    total)` hears of it as the library goes: files read ('read'), rows written ('write')."""
    from ..consolidate import consolidate

    names = names_of(uploads)
    output = folder / "tong-hop.xlsx"
    result = consolidate([upload.path for upload in uploads], output, lang, names=names, progress=progress)
    rows = []
    for number, district in enumerate(result.districts, start=1):
        findings = district.findings
        rows.append(DistrictRow(number, district.name, district.unit, district.year, district.school_count,
                                district.errors, district.warnings, list(district.flags),
                                summary_line(findings, lang), group_findings(findings)))
    unreadable = [(problem.name, problem.message) for problem in result.problems if problem.kind == "unreadable"]
    by_name = {row.name: row for row in rows}
    problems = []
    for problem in result.problems:
        if problem.kind == "unreadable":
            continue
        row = by_name.get(problem.name)
        if problem.kind == "error_findings" and row is not None:   # the page's own advice: the row to click
            problems.append((problem.severity, text("web.province.error_findings", lang, file=row.name,
                                                    unit=row.unit or text("province.no_unit", lang),
                                                    count=row.errors, number=row.number)))
        else:
            problems.append((problem.severity, problem.message))
    return ProvinceResult(len(uploads), rows, problems, unreadable=unreadable,
                          outputs={f"consolidated-{lang}": output.read_bytes()})


# ---------------------------------------------------------------- downloads

@dataclass
class Download:
    data: bytes
    name: str
    mimetype: str


def restore(kept: Kept, folder: Path) -> list[Upload]:
    """The kept uploads written back to disk, under generated names again."""
    uploads = []
    for number, (name, data) in enumerate(kept.files, start=1):
        path = folder / f"tep-{number:02d}{suffix_of(name) or '.bin'}"
        path.write_bytes(data)
        uploads.append(Upload(name, path, len(data)))
    return uploads




def make_download(what: str, kept: Kept, folder: Path, lang: str, *, force: bool = False,
                  as_of: str | None = None) -> Download:
    """Build one file for the result page in `folder` and return its bytes and a Vietnamese file name."""
    uploads = restore(kept, folder)
    names = names_of(uploads)
    try:
        return _build(what, kept, uploads, folder, lang, force, as_of)
    except PlanError as exc:
        sentence = user_message(exc, lang, names)
        if exc.key == "export.refused":   # the library's sentence speaks of --force: say where that is here
            sentence += "\n" + text("web.downloads.force_hint", lang)
        raise Refused(sentence) from None


def _build(what: str, kept: Kept, uploads: list[Upload], folder: Path, lang: str, force: bool,
           as_of: str | None) -> Download:
    if what == "consolidated":
        if kept.kind != "province":
            raise PlanError("web.error.no_such_download")
        key = f"consolidated-{lang}"
        data = kept.outputs.get(key) or consolidate_uploads(uploads, folder, lang).outputs[key]
        return Download(data, text("web.file.consolidated", lang, count=len(uploads)) + ".xlsx", XLSX)
    if what == IMPORTED:
        documents = [upload for upload in uploads if kind_of(upload) == "document"]
        if kept.kind != "plan" or len(uploads) != 1 or not documents:
            raise PlanError("web.error.no_such_download")
        data = kept.outputs.get(IMPORTED)
        if data is None:
            view, data = import_word_plan(documents[0], folder, lang)
            if data is None:
                raise Refused(view.refused or text("web.error.no_such_download", lang))
        return Download(data, text("web.file.imported", lang, stem=stem_of(documents[0].name)) + ".xlsx", XLSX)
    workbooks = [upload for upload in uploads if kind_of(upload) == "workbook"]
    if kept.kind != "plan" or not workbooks:
        raise PlanError("web.error.no_such_download")
    source = workbooks[0]
    stem = stem_of(source.name)
    if what == "recalc":
        from ..recalc import recalc_plan

        result = recalc_plan(source.path, folder / "ket-qua.xlsx", backup=False, lang=lang)
        return Download(result.output.read_bytes(), text("web.file.recalc", lang, stem=stem) + ".xlsx", XLSX)
    if what in ("appendices", "pdf"):
        from ..export import export_plan

        result = export_plan(source.path, folder / "phu-luc.xlsx", force=force, lang=lang, pdf=what == "pdf")
        if what == "pdf" and result.pdf is not None:
            return Download(result.pdf.read_bytes(), text("web.file.appendices", lang, stem=stem) + ".pdf", PDF)
        return Download(result.output.read_bytes(), text("web.file.appendices", lang, stem=stem) + ".xlsx", XLSX)
    if what == "status":
        from ..status import progress_status, write_status

        day = parse_day(as_of)
        report = progress_status(source.path, day, lang=lang)
        target = write_status(report, folder / "tien-do.xlsx")
        return Download(target.read_bytes(),
                        text("web.file.status", lang, stem=stem, date=day.strftime("%d-%m-%Y")) + ".xlsx", XLSX)
    raise PlanError("web.error.no_such_download")


def accepted_suffixes() -> list[str]:
    """The endings the file chooser offers: workbooks and Word plans."""
    return list(SUFFIX_KINDS)
