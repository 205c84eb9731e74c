"""What the page asks of the library: one place that decides what a file is and which library call it gets.

Each function here is the page's twin of a CLI command and calls the same
library functions (so the same guards refuse the same hostile files):
`check_upload` ↔ `check`, `consolidate_uploads` ↔ `consolidate`, and
`make_download` ↔ `recalc`, `export [--pdf]`, `status -o`. Files are always
on disk under generated names in a private folder; `names` maps those paths
back to what the user called the files, for every sentence shown.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from ..errors import PlanError
from ..messages import text
from ..report import Finding
from .present import Figures, Section, figures_view, group_findings, summary_line
from .uploads import SUFFIX_KINDS, Kept, Upload, stem_of, suffix_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"
DOWNLOADS = ("recalc", "appendices", "pdf", "status", "consolidated")


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


# ---------------------------------------------------------------- one plan

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

    def count(self, severity: str) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)


def check_upload(upload: Upload, lang: str) -> PlanResult:
    """Check one file, as `chuanqg-xl check` does; the figures of Tổng hợp come along for the page."""
    if upload.kind == "document":
        return check_document(upload, lang)
    from ..checks import run_checks
    from ..derive import analyse
    from ..export import export_tables
    from ..reader import read_plan

    plan = read_plan(upload.path)
    facts = analyse(plan)
    findings = run_checks(plan, facts, lang=lang)
    figures = figures_view(export_tables(plan, facts), lang)
    return PlanResult(upload.name, "workbook", plan.meta.unit, plan.meta.year, findings,
                      group_findings(findings, plan), summary_line(findings, lang), figures)


def check_document(upload: Upload, lang: str) -> PlanResult:
    """A Word plan: the library cannot read those yet, so say so in a sentence."""
    raise PlanError("web.error.word_not_yet", path=upload.path)


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
    workbook: bytes
    token: str | None = None
    unreadable: list[tuple[str, str]] = field(default_factory=list)   # (file name, sentence)


def consolidate_uploads(uploads: list[Upload], folder: Path, lang: str) -> ProvinceResult:
    """Several district workbooks → the consolidation, as `chuanqg-xl consolidate` does."""
    from ..consolidate import consolidate

    names = names_of(uploads)
    output = folder / "tong-hop.xlsx"
    result = consolidate([upload.path for upload in uploads], output, lang, names=names)
    rows = []
    for number, district in enumerate(result.districts, start=1):
        findings = district.findings
        rows.append(DistrictRow(number, district.name, district.unit, district.year, district.school_count,
                                district.errors, district.warnings, list(district.flags),
                                summary_line(findings, lang), group_findings(findings)))
    unreadable = [(problem.name, problem.message) for problem in result.problems if problem.kind == "unreadable"]
    problems = [(problem.severity, problem.message) for problem in result.problems if problem.kind != "unreadable"]
    return ProvinceResult(len(uploads), rows, problems, output.read_bytes(), unreadable=unreadable)


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


def parse_day(value: str | None) -> dt.date:
    """The date the user picked (YYYY-MM-DD from the date field); today when empty."""
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise PlanError("error.bad_date", value=value) from None


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
        data = kept.outputs.get(key) or consolidate_uploads(uploads, folder, lang).workbook
        return Download(data, text("web.file.consolidated", lang, count=len(uploads)) + ".xlsx", XLSX)
    if kept.kind != "plan" or not uploads or uploads[0].kind != "workbook":
        raise PlanError("web.error.no_such_download")
    source = uploads[0]
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
    """The endings the file chooser offers (Word plans only once the library reads them)."""
    return [suffix for suffix, kind in SUFFIX_KINDS.items() if kind == "workbook"]
