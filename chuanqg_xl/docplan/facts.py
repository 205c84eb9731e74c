"""What a Word plan states, as facts that remember where they were written.

The recognisers (`statements`, `tables`, `header`) fill a `DocPlan`; the
checks, the comparison with a workbook and the import read it and never the
document itself.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..normalize import Period, SchoolName, split_school_name
from .source import Where

# Kinds of recognition as the text groups them: "new", "renew" (công nhận lại, also with an upgrade), "upgrade".
NEW, RENEW, UPGRADE = "new", "renew", "upgrade"


def kind_group(kind: str | None) -> str | None:
    """Batches and budgets count re-recognitions and upgrades together."""
    return RENEW if kind == UPGRADE else kind


@dataclass(slots=True, eq=False)
class Mention:
    """A school named somewhere in the plan, as written there."""

    text: str
    where: Where
    sentence: str
    role: str = "text"               # "list" (named with a kind in a count), "table" (a list table), "task", "text"
    kind: str | None = None          # new / renew / upgrade, when the statement or the name's note says
    standard_level: int | None = None
    accreditation_level: int | None = None
    period: Period | None = None
    note: str = ""                   # what the plan says next to the name ("mức độ 2", "CN Lần đầu")

    @property
    def name_parts(self) -> SchoolName:
        """The name split like a workbook school's (so `matching.SchoolIndex` indexes mentions too)."""
        return split_school_name(self.text)


@dataclass(slots=True, eq=False)
class Count:
    """'06 trường', with what the sentence says about them."""

    value: int
    written: str                     # "06", "sáu"
    where: Where
    sentence: str
    kind: str | None = None          # new / renew / upgrade; None: all kinds
    both_kinds: bool = False         # "công nhận mới và công nhận lại"
    period: Period | None = None
    period_text: str = ""            # as written: "Đợt 1 (tháng 3/2024)", "Quý III/2023"
    role: str = "plan"               # plan, assigned, extra, kept, funded, explained, task, list_total
    names: list[Mention] = field(default_factory=list)
    parts: list[Count] = field(default_factory=list)
    head: bool = False               # opens a group ("trong đó", "Quý III/2023: 08 trường" + lines below)


@dataclass(slots=True, eq=False)
class Money:
    amount: float
    written: str
    unit: str
    where: Where
    sentence: str
    kind: str | None = None
    total: bool = False              # "Tổng kinh phí …"
    schools: int | None = None       # "Công nhận mới (02 trường): …"
    appendix: bool = False           # the text sends the reader to an appendix for the details ("chi tiết tại Phụ lục")
    parts: list[Money] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Rate:
    numerator: int
    denominator: int
    percent: float | None            # as written, e.g. 61.40
    percent_written: str
    where: Where
    sentence: str
    level2: bool = False             # "mức độ 2: 19/28"


@dataclass(slots=True, eq=False)
class Explanation:
    """'(Có 02 trường: TH Đặng Trần Côn, TH Mạc Đĩnh Chi đã được đầu tư từ năm 2022)'."""

    count: int | None
    names: list[Mention]
    year: int | None
    where: Where
    sentence: str


@dataclass(slots=True, eq=False)
class YearEnd:
    """'duy trì … tại 22 trường, … công nhận mới đối với 06 trường, nâng tổng số … lên 28/28 trường'."""

    kept: int
    new: int
    reached: int
    where: Where
    sentence: str


@dataclass(slots=True, eq=False)
class Deadline:
    """A date or period by which something is due: a timeline row's time, 'trước ngày 31/01/2024'."""

    label: str                       # as written
    end: dt.date
    where: Where
    sentence: str
    period: Period | None = None
    tasks: int = 1                   # timeline rows sharing this time


@dataclass(slots=True, eq=False)
class StaleYear:
    year: int
    phrase: str
    where: Where
    sentence: str


@dataclass(slots=True, eq=False)
class Typo:
    word: str
    suggestion: str
    where: Where
    sentence: str


@dataclass(slots=True, eq=False)
class LevelTable:
    """'Cấp học | Công nhận mới | Công nhận lại' with a 'Tổng cộng' row."""

    where: Where
    rows: dict[str, dict[str, int]]                    # level → kind → count ("-" is 0); "total": a Tổng column
    row_where: dict[str, Where]
    total: dict[str, int] | None = None
    total_where: Where | None = None
    kinds: tuple[str, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)   # kind (or "total") → its column header as written


@dataclass(slots=True, eq=False)
class TaskRow:
    """A row of the timeline table."""

    time: str
    inherited: bool                  # the time is written above (merged or left empty)
    task: str
    lead: str
    partners: str
    where: Where
    period: Period | None = None
    deadline: dt.date | None = None
    counts: list[Count] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class BudgetRow:
    school: str
    item: str
    amounts: dict[str, float]        # source key → amount (layout.SOURCE_KEYS), "total" for a total column
    where: Where
    kind: str | None = None          # from the appendix title or a section row


@dataclass(slots=True, eq=False)
class BudgetSubtotal:
    """A school's 'Cộng' row and the lines it adds up."""

    school: str
    amounts: dict[str, float]
    where: Where
    rows: list[BudgetRow] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class BudgetTable:
    where: Where
    kind: str | None
    rows: list[BudgetRow] = field(default_factory=list)
    total: dict[str, float] | None = None
    total_where: Where | None = None
    columns: dict[str, str] = field(default_factory=dict)   # key → header as written
    subtotals: list[BudgetSubtotal] = field(default_factory=list)
    factor: float = 1.0              # its amounts × factor = million VND ("ĐVT: đồng" above it: 0.000001)

    def million(self, value: float) -> float:
        """An amount of the table in million VND."""
        return round(value * self.factor, 6)

    def amount(self) -> float | None:
        """What the table adds up to, in million VND: its total row (the total column, else the sources), else
        its lines."""
        if self.total:
            return self.million(self.total["total"] if "total" in self.total else sum(self.total.values()))
        lines = [row.amounts.get("total", sum(row.amounts.values())) for row in self.rows]
        return self.million(sum(lines)) if lines else None


@dataclass(slots=True, eq=False)
class ListTable:
    """A school-list table ('TT | CƠ SỞ GIÁO DỤC | …') and its closing 'Danh sách này gồm: 20 đơn vị'."""

    where: Where
    schools: list[Mention] = field(default_factory=list)
    stated: Count | None = None
    columns: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True, eq=False)
class Header:
    number: str | None = None        # "38/KH-UBND"; "…/KH-UBND" for a draft
    draft: bool = False
    number_where: Where | None = None
    place: str | None = None
    date: dt.date | None = None
    date_where: Where | None = None
    date_blank: bool = False         # "ngày   tháng   năm" left to fill in
    unit: str | None = None
    unit_where: Where | None = None
    province: str | None = None
    year: int | None = None
    year_where: Where | None = None
    title: str = ""
    signer: str | None = None
    signer_title: str | None = None
    signer_where: Where | None = None
    period: str | None = None        # "2021-2025"
    advisor: str | None = None       # "Phòng Giáo dục và Đào tạo thành phố" (the office that drafted it)
    advisor_where: Where | None = None
    titled: bool = False             # the document is titled "KẾ HOẠCH"
    letter: bool = False             # a letter (công văn): "V/v …" under its number, "Kính gửi: …", no plan title
    reference: str | None = None     # the number as written on any document: "86/PGDĐT-TH"
    subject: str | None = None       # a letter's "V/v …"
    addressee: str | None = None     # a letter's "Kính gửi: …" line


@dataclass(slots=True, eq=False)
class DocPlan:
    path: str
    header: Header = field(default_factory=Header)
    counts: list[Count] = field(default_factory=list)          # top-level statements (parts inside)
    money: list[Money] = field(default_factory=list)
    rates: list[Rate] = field(default_factory=list)
    explanations: list[Explanation] = field(default_factory=list)
    year_ends: list[YearEnd] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    stale_years: list[StaleYear] = field(default_factory=list)
    typos: list[Typo] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)      # every school named, in document order
    level_tables: list[LevelTable] = field(default_factory=list)
    list_tables: list[ListTable] = field(default_factory=list)
    budget_tables: list[BudgetTable] = field(default_factory=list)
    tasks: list[TaskRow] = field(default_factory=list)
    paragraphs: int = 0
    tables: int = 0

    def all_counts(self) -> list[Count]:
        """Every count, heads and their parts, in document order."""
        out: list[Count] = []

        def add(count: Count) -> None:
            out.append(count)
            for part in count.parts:
                add(part)

        for count in self.counts:
            add(count)
        for task in self.tasks:
            for count in task.counts:
                add(count)
        return out

    @property
    def recognised(self) -> int:
        """How many statements were understood (to tell a plan from a letter)."""
        return (len(self.counts) + len(self.money) + len(self.rates) + len(self.level_tables)
                + len(self.list_tables) + len(self.budget_tables) + len(self.tasks))
