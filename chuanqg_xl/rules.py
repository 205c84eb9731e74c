"""The rule catalogue: every kind of finding, with a stable code.

Codes never change meaning once released. The texts (title, why, what to do,
message templates) live in `messages.RULE_TEXTS`; `chuanqg-xl rules` and the
docs page docs/rules.md are generated from this catalogue.
"""
from __future__ import annotations


from .messages import RULE_TEXTS
from .records import record

TYPE_CHECKING = False   # typing.TYPE_CHECKING, without loading typing (2 ms of every start-up)
if TYPE_CHECKING:
    from typing import Literal

    Severity = Literal["error", "warning", "info"]

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
AREAS = {
    "V": ("Cấu trúc và giá trị", "Structure and values"),
    "A": ("Số học", "Arithmetic"),
    "X": ("Nhất quán giữa các phần", "Consistency between sections"),
    "D": ("Quy định nghiệp vụ", "Domain rules"),
    "W": ("Văn bản kế hoạch (Word)", "The Word plan"),
}


@record(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    recalc_fixes: bool = False  # recalc rewrites the cell, so the finding is gone afterwards

    @property
    def area(self) -> str:
        return self.code[0]

    def text(self, part: str, lang: str = "vi") -> str:
        entry = RULE_TEXTS[self.name][part]
        return entry.get(lang) or entry["vi"]


RULES: tuple[Rule, ...] = (
    Rule("V001", "missing-required-value", "error"),
    Rule("V002", "value-not-in-vocabulary", "error"),
    Rule("V003", "number-stored-as-text", "warning"),
    Rule("V004", "text-in-number-column", "error"),
    Rule("V005", "duplicate-school", "error"),
    Rule("V006", "level-contradicts-name", "error"),
    Rule("V007", "untidy-text", "info"),
    Rule("V008", "invalid-date", "error"),
    Rule("V009", "negative-amount", "error"),
    Rule("V010", "number-out-of-range", "error"),
    Rule("V011", "row-below-total", "warning"),
    Rule("V012", "text-number-not-summed", "error"),
    Rule("V013", "stt-out-of-sequence", "info", recalc_fixes=True),
    Rule("V014", "date-stored-as-text", "warning"),
    Rule("V015", "formula-error-value", "error"),
    Rule("V016", "formulas-not-calculated", "warning"),
    Rule("V017", "unreadable-period", "warning"),
    Rule("V018", "school-list-separator", "warning"),
    Rule("V019", "duplicate-budget-item", "warning"),
    Rule("V020", "budget-line-without-amount", "warning"),
    Rule("V021", "school-named-twice", "warning"),
    Rule("V022", "vocabulary-diacritic-slip", "info"),
    Rule("V023", "damaged-cell", "error"),
    Rule("V024", "control-character", "warning"),
    Rule("A001", "total-mismatch", "error", recalc_fixes=True),
    Rule("A002", "sum-range-incomplete", "error", recalc_fixes=True),
    Rule("A003", "constant-in-derived-cell", "warning", recalc_fixes=True),
    Rule("A004", "stale-count-formula", "warning", recalc_fixes=True),
    Rule("X001", "count-differs-from-list", "error", recalc_fixes=True),
    Rule("X002", "target-not-met", "error"),
    Rule("X003", "target-exceeded", "info"),
    Rule("X004", "budget-in-wrong-appendix", "error"),
    Rule("X005", "school-without-budget", "warning"),
    Rule("X006", "budget-school-not-in-list", "error"),
    Rule("X007", "batch-count-mismatch", "error"),
    Rule("X008", "task-school-count-mismatch", "error"),
    Rule("X009", "school-name-variant", "warning"),
    Rule("X010", "school-not-in-list", "warning"),
    Rule("X011", "stated-figure-mismatch", "error"),
    Rule("X012", "pre-invested-with-budget", "info"),
    Rule("X013", "ambiguous-school-name", "warning"),
    Rule("X014", "schools-without-target", "warning"),
    Rule("D001", "accreditation-level-too-low", "error"),
    Rule("D002", "upgrade-not-to-level-2", "error"),
    Rule("D003", "deadline-outside-plan-year", "warning"),
    Rule("D004", "task-overdue", "warning"),
    Rule("D005", "completed-without-date", "info"),
    Rule("D006", "completion-date-without-status", "warning"),
    Rule("D007", "period-outside-plan-year", "warning"),
    Rule("D008", "year-end-exceeds-total", "error"),
    Rule("D009", "stale-year-in-text", "warning"),
    Rule("D010", "deadline-before-plan-date", "info"),
    Rule("D011", "implausible-amount", "warning"),
    Rule("D012", "date-years-from-plan", "error"),
    Rule("D013", "deadline-before-period", "error"),
    Rule("D014", "plan-date-outside-year", "warning"),
    Rule("W001", "count-differs-from-names", "error"),
    Rule("W002", "school-missing-from-section", "warning"),
    Rule("W003", "school-kind-differs", "error"),
    Rule("W004", "funded-count-differs", "warning"),
    Rule("W005", "funded-count-explained", "info"),
    Rule("W006", "likely-typo", "info"),
    Rule("W007", "plan-of-another-unit", "error"),
)

BY_NAME = {rule.name: rule for rule in RULES}
BY_CODE = {rule.code: rule for rule in RULES}


def rule(name_or_code: str) -> Rule:
    found = BY_NAME.get(name_or_code) or BY_CODE.get(name_or_code)
    if found is None:
        raise KeyError(name_or_code)
    return found


def catalogue_markdown(lang: str = "vi") -> str:
    """The docs page: one section per rule, grouped by area."""
    from .messages import text

    lines = [text("docs.rules.title", lang), "", text("docs.rules.intro", lang), ""]
    for area, names in AREAS.items():
        lines += [f"## {area} — {names[0] if lang == 'vi' else names[1]}", ""]
        for item in RULES:
            if item.area != area:
                continue
            lines += [
                f"### {item.code} `{item.name}` — {item.text('title', lang)}",
                "",
                f"**{text('docs.rules.severity', lang)}:** {text('severity.' + item.severity, lang)}"
                + (f" · {text('docs.rules.recalc_fixes', lang)}" if item.recalc_fixes else ""),
                "",
                f"**{text('docs.rules.what', lang)}** {item.text('what', lang)}",
                "",
                f"**{text('docs.rules.why', lang)}** {item.text('why', lang)}",
                "",
                f"**{text('docs.rules.example', lang)}** {item.text('example', lang)}",
                "",
                f"**{text('docs.rules.fix', lang)}** {item.text('fix', lang)}",
                "",
            ]
    return "\n".join(lines).rstrip() + "\n"
