"""Findings and the report that carries them: one truth for text, JSON and the Kiểm tra sheet."""
from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable

from . import layout as L
from .cells import parse_a1
from .messages import MESSAGES, text
from .records import field, record
from .rules import SEVERITIES, rule

SEVERITY_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}


def json_value(value: object) -> object:
    """JSON-safe value: integral floats as ints, dates as ISO text, NaN/inf as None."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return int(value) if value.is_integer() else round(value, 9)
    if isinstance(value, (int, str)):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


@record(frozen=True, slots=True)
class Finding:
    code: str
    name: str
    severity: str
    sheet: str | None
    cell: str | None
    message: str
    hint: str
    expected: object = None
    actual: object = None
    caused_by: tuple[str, str | None, str | None] | None = None   # (code, sheet, cell) of the likely cause
    word: str | None = None   # check --plan: the Word plan's paragraph or table row the workbook's cell contradicts

    def location(self) -> str:
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or ""

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "sheet": self.sheet,
            "cell": self.cell,
            "message": self.message,
            "hint": self.hint,
            "expected": json_value(self.expected),
            "actual": json_value(self.actual),
            "caused_by": None if self.caused_by is None else dict(zip(("code", "sheet", "cell"), self.caused_by)),
            "word": self.word,
        }

    def sort_key(self) -> tuple:
        order = L.SHEET_ORDER.index(self.sheet) if self.sheet in L.SHEET_ORDER else (-1 if self.sheet is None
                                                                                      else len(L.SHEET_ORDER))
        row = col = 0
        if self.cell:
            try:
                row, col = parse_a1(self.cell.split(":")[0])
            except ValueError:
                pass
        return (order, self.sheet or "", row, col, self.code)


@record
class Report:
    file: str
    findings: list[Finding]
    lang: str = "vi"
    changes: list[dict[str, object]] = field(default_factory=list)  # recalc: cells it rewrote

    def count(self, severity: str) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    @property
    def summary(self) -> dict[str, int]:
        return {
            "errors": self.count("error"),
            "warnings": self.count("warning"),
            "infos": self.count("info"),
            "total": len(self.findings),
        }

    @property
    def valid(self) -> bool:
        return self.count("error") == 0

    @property
    def exit_code(self) -> int:
        return 0 if self.valid else 1

    def flat(self) -> list[tuple[str, str | None, str | None]]:
        """[(code, sheet, cell)] — the form tests assert."""
        return [(finding.code, finding.sheet, finding.cell) for finding in self.findings]

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "file": self.file,
            "summary": {**self.summary, "valid": self.valid},
            "findings": [finding.to_dict() for finding in self.findings],
        }
        if self.changes:
            data["changes"] = [{key: json_value(value) for key, value in change.items()} for change in self.changes]
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, allow_nan=False)

    def to_text(self, display_name: str | None = None) -> str:
        name = display_name or self.file
        lines = []
        for finding in self.findings:
            where = finding.location()
            where = f"{name}:{where}" if where else name
            lead = "  ↳ " if finding.caused_by else ""   # a consequence, under the finding that explains it
            lines.append(f"{lead}{where} {finding.code} [{text('severity.' + finding.severity, self.lang)}] "
                         f"{finding.message}")
        if self.findings:
            lines.append(text("cli.summary", self.lang, file=name, **self.summary))
        else:
            lines.append(text("cli.no_findings", self.lang, file=name))
        return "\n".join(lines)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    unique: dict[tuple, Finding] = {}
    for finding in findings:
        unique.setdefault((finding.code, finding.sheet, finding.cell, finding.message), finding)
    return sorted(unique.values(), key=Finding.sort_key)


def gravest(findings: Iterable[Finding]) -> int:
    """The rank of the gravest severity among `findings` (0 an error); a severity not in the catalogue ranks last."""
    return min(SEVERITY_RANK.get(finding.severity, len(SEVERITY_RANK)) for finding in findings)


def gravest_first(findings: list[Finding]) -> list[Finding]:
    """`findings` in reading order, each cause followed by its consequences (`caused_by`), regrouped so that the
    gravest group comes first: an error and what it causes before warnings, notes last; otherwise in their order."""
    groups: list[list[Finding]] = []
    for finding in findings:
        if finding.caused_by is None or not groups:
            groups.append([finding])
        else:
            groups[-1].append(finding)
    groups.sort(key=gravest)
    return [finding for group in groups for finding in group]


def make_finding(rule_name: str, sheet: str | None, cell: str | None, lang: str, variant: str | None = None, /,
                 expected: object = None, actual: object = None, **params: object) -> Finding:
    name = rule_name
    item = rule(name)
    key = f"finding.{name}" + (f".{variant}" if variant else "")
    message = text(key, lang, **params)
    hint_key = f"hint.{name}" + (f".{variant}" if variant else "")
    if hint_key in MESSAGES:
        hint = text(hint_key, lang, **params)
    elif f"hint.{name}" in MESSAGES:
        hint = text(f"hint.{name}", lang, **params)
    else:
        hint = item.text("fix", lang)
    return Finding(item.code, item.name, item.severity, sheet, cell, message, hint, expected, actual)
