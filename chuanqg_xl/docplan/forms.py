"""The statement forms a Word plan is read in, with examples run through the recogniser: docs/plan-statements.md.

    python -m chuanqg_xl.docplan.forms [--lang en] > docs/plan-statements.md

Each example is read exactly as a .docx paragraph or table would be, and the
page shows what the tool understood from it — so the page cannot promise a
form the code does not read (a test compares the committed page with a
fresh one).
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from ..messages import text
from ..normalize import format_amount
from .facts import Count, DocPlan
from .reader import build_docplan
from .source import Paragraph, Table, WordDocument

Example = str | tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Form:
    key: str                        # doc.form.<key>.title / .what in messages
    examples: tuple[Example, ...]
    understood: bool = True         # False: examples of what is *not* read, and why


_TIMELINE = (("Thời gian hoàn thành", "Nội dung nhiệm vụ", "Đơn vị chủ trì thực hiện"),
             ("Tháng 9/2023", "Tiếp tục hoàn thiện gói đầu tư tại 09 trường công nhận mới và công nhận lại Quý IV",
              "Phòng GD&ĐT"),
             ("", "Mời phòng chuyên môn Sở GD&ĐT tư vấn (02 trường: TH Đoàn Kết, TH Ngô Thị Nhâm)", "Phòng GD&ĐT"))

FORMS: tuple[Form, ...] = (
    Form("header", ("Số: 38 /KH-UBND", "Quận Hai Bà Trưng, ngày 10 tháng 02 năm 2023", "KẾ HOẠCH",
                    "Xây dựng trường đạt chuẩn quốc gia ngành Giáo dục và Đào tạo quận Hai Bà Trưng năm 2023",
                    "UBND quận Hai Bà Trưng ban hành Kế hoạch như sau:",
                    "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Nguyễn Thị Thu Hiền")),
    Form("draft", ("Số:           /KH-UBND", "TP. Kon Tum, ngày         tháng      năm    ", "KẾ HOẠCH",
                   "Xây dựng trường đạt chuẩn quốc gia trên địa bàn thành phố năm 2023",
                   "- Công nhận mới 01 trường: TH Kim Đồng.")),
    Form("count_parts", ("- … thành phố Kon Tum phấn đấu xây dựng các trường đạt chuẩn quốc gia năm 2023 là 06 trường, "
                         "trong đó: Công nhận mới 03 trường, công nhận lại 03 trường cụ thể từng cấp học như sau:",
                         "Năm 2023 là sáu đơn vị, trong đó:\n- Công nhận mới 03 trường;\n- Công nhận lại 03 trường.",
                         "Năm 2025 đề nghị kiểm tra, công nhận 06 trường (công nhận mới 02 trường, công nhận lại 04 "
                         "trường), cụ thể từng cấp học như sau:",
                         "Năm 2025, quận phấn đấu có 04 trường được công nhận đạt chuẩn quốc gia, trong đó: 02 trường "
                         "công nhận mới (MN Hoa Lan, TH Đông Thành) và 02 trường công nhận lại (TH Ngô Mây, THCS Đông "
                         "Thành).")),
    Form("count_names", ("- Công nhận mới 04 trường theo chỉ tiêu thành phố giao: Trường MN Ngô Thị Nhậm, TH Trung "
                         "Hiền, TH Đoàn Kết, THCS Tây Sơn. Phần đầu công nhận thêm 01 trường MN Minh Khai.",
                         "- Công nhận lại (03 trường): MN Vĩnh Tuy, MG Nguyễn Công Trứ và MN Thanh Lương.",
                         "Xây dựng 02 trường học đạt chuẩn quốc gia: Trường Tiểu học và Trung học cơ sở xã Bảo Lâm "
                         "đạt chuẩn quốc gia mức độ I và trường Mầm non xã Thụy Hùng đạt chuẩn quốc gia mức độ I.",
                         "a) Công nhận mới (03 đơn vị):\n- Trường Mầm non Hoa Mai;\n- Trường Tiểu học Thụy Hương;\n"
                         "- Trường THCS Lê Quý Đôn.")),
    Form("batches", ("- Quý III/2023: 08 trường",
                     "+ Công nhận mới 02 trường: THCS Tây Sơn và MN Ngô Thị Nhậm.",
                     "+ Công nhận lại 06 trường: MN Vĩnh Tuy, MN Thanh Lương, TH Ngô Quyền, THCS Ngô Quyền, THCS "
                     "Lương Yên, THCS Tô Hoàng.",
                     "- Đợt 1 (tháng 3/2024) đề nghị đối với 6 đơn vị trường:",
                     "+ Công nhận lại và nâng mức độ đạt chuẩn đối với 5 trường: MN Nậm Loong, TH San Thành, TH "
                     "Quyết Thắng (công nhận lại mức độ 1); trường MN Hoa Sen, TH Số 2 (công nhận lại mức độ 2).",
                     "+ Công nhận mới 01 trường: THCS Đông Phong (mức độ 2)")),
    Form("money", ("Tổng kinh phí là 44.497 triệu đồng, trong đó:", "- Công nhận mới (02 trường): 31.162 triệu đồng.",
                   "- Công nhận lại (02 trường): 13.335 triệu đồng.",
                   "(Có 02 trường: TH Đặng Trần Côn, TH Mạc Đĩnh Chi đã được đầu tư từ năm 2022)",
                   "Tổng kinh phí thực hiện năm 2025 là 4.600 triệu đồng (công nhận mới 3.400 triệu đồng; công nhận "
                   "lại 1,2 tỷ đồng), chi tiết tại Phụ lục 2 và Phụ lục 3.")),
    Form("rates", ("- Phấn đấu đến hết năm 2023: Đạt tỷ lệ trường đạt chuẩn quốc gia 35/57 trường, tỉ lệ 61,40 %.",
                   "Tiếp tục duy trì … tại 22 trường, phấn đấu công nhận mới đối với 06 trường, nâng tổng số trường "
                   "đạt Chuẩn quốc gia lên 28/28 trường, trong đó trường đạt chuẩn quốc gia mức độ 2: 19/28 trường.",
                   "Đến cuối năm 2025, toàn huyện có 41/52 trường đạt chuẩn quốc gia, đạt tỷ lệ 78,8%.",
                   "Nâng tỷ lệ trường đạt chuẩn quốc gia toàn quận lên 84,2% (32/38 trường).")),
    Form("level_table", ((("Cấp học", "Công nhận mới", "Công nhận lại"), ("Mầm non", "-", "-"),
                          ("Tiểu học", "01", "03"), ("TH-THCS", "02", "-"), ("Tổng cộng", "03", "03")),
                         (("Cấp học", "Số trường đề nghị công nhận mới", "Số trường đề nghị công nhận lại", "Tổng"),
                          ("Mầm non", "01", "01", "02"), ("THCS", "01", "-", "01"), ("Cộng", "02", "01", "03")))),
    Form("list_table", ((("TT", "CƠ SỞ GIÁO DỤC", "TÍCH HỢP KĐCLGD&CQG", "GHI CHÚ"),
                         ("1.", "MN Hương Xuân", "CĐ2-MĐ1", "CN Lần đầu"), ("2.", "TH Số 2 Tứ Hạ", "CĐ3-MĐ2", "CN lại")),
                        "Danh sách này gồm: 02 đơn vị./.")),
    Form("budget_table", ("PHỤ LỤC 2", "KINH PHÍ ĐẦU TƯ CHO CÁC TRƯỜNG ĐỀ NGHỊ CÔNG NHẬN MỚI NĂM 2025",
                          "Đơn vị tính: triệu đồng",
                          (("TT", "Tên trường", "Hạng mục đầu tư", "Nguồn kinh phí", "", "Tổng cộng"),
                           ("", "", "", "Ngân sách tỉnh", "Ngân sách huyện", ""),
                           ("1", "MN Hoa Lan", "Xây mới 02 phòng học", "800", "400", "1.200"),
                           ("", "MN Hoa Lan", "Cải tạo nhà vệ sinh", "", "200", "200"),
                           ("", "Cộng", "", "800", "600", "1.400"),
                           ("2", "TH Đông Thành", "Phòng học bộ môn", "1.000", "500", "1.500"),
                           ("", "Tổng cộng", "", "1.800", "1.100", "2.900")))),
    Form("timeline", ("- Quý IV/2023: 07 trường", _TIMELINE)),
    Form("text_dates", ("Tuyên truyền về Kế hoạch xây dựng trường đạt chuẩn quốc gia giai đoạn 2021 - 2025 và Kế "
                        "hoạch năm 2022.",
                        "Các CSGD báo cáo kết quả về UBND thị xã trước 20/12/2024.",
                        "Báo cáo UBND quận về các trường công nhận mới và công nhận lại anwm 2023.")),
    Form("not_read", ("Năm 2023 xây dựng năm trường đạt chuẩn.",
                      "Công nhận mới 02 trường: Trường Nguyễn Du, Trường Lê Lợi.",
                      "Đầu tư cơ sở vật chất tại trung tâm trường học."), understood=False),
)

# The plan's year for the examples, as a plan's header would give it.
_EXAMPLE_HEADER = ("KẾ HOẠCH", "Xây dựng trường đạt chuẩn quốc gia năm 2023")


def _document(examples: tuple[Example, ...], with_header: bool) -> WordDocument:
    blocks: list[Paragraph | Table] = []
    paragraphs = tables = 0
    for example in (*(_EXAMPLE_HEADER if with_header else ()), *examples):
        if isinstance(example, str):
            paragraphs += 1
            blocks.append(Paragraph(paragraphs, example))
        else:
            tables += 1
            blocks.append(Table(tables, tuple(tuple(row) for row in example), after=paragraphs))
    return WordDocument(Path("vi-du.docx"), "docx", blocks)


def _count_line(count: Count, lang: str) -> str:
    parts = [text("doc.form.count", lang, value=count.written, kind=_kind(count.kind, lang))]
    if count.period is not None:
        parts.append(count.period.label())
    if count.role not in ("plan",):
        parts.append(text(f"doc.form.role.{count.role}", lang))
    if count.names:
        parts.append(text("doc.form.names", lang, names=", ".join(
            name.text + (f" ({name.note})" if name.note else "") for name in count.names)))
    line = ", ".join(parts)
    if count.parts:
        line += " = " + " + ".join(_count_line(part, lang) for part in count.parts)
    return line


def _kind(kind: str | None, lang: str) -> str:
    return text({"new": "doc.kind.new", "renew": "doc.kind.renew", "upgrade": "doc.kind.upgrade"}.get(
        kind or "", "doc.kind.all"), lang)


def understood(plan: DocPlan, lang: str = "vi", header_facts: bool = True) -> list[str]:
    """What the recogniser took from an example, one line per fact."""
    lines: list[str] = []
    header = plan.header
    for key, value in (("number", header.number), ("date", header.date and header.date.strftime("%d/%m/%Y")),
                       ("unit", header.unit), ("year", header.year), ("signer", header.signer),
                       ("signer_title", header.signer_title)):
        if value and header_facts:
            lines.append(text(f"doc.form.header.{key}", lang, value=value))
    if header.draft and header_facts:
        lines.append(text("doc.form.header.draft", lang))
    lines += [_count_line(count, lang) for count in plan.counts if count.role != "list_total"]
    for money in plan.money:
        shown = []
        for part in money.parts:
            unit = "" if part.unit == money.unit else f" {part.unit}"
            schools = f", {part.schools} {text('doc.form.schools', lang)}" if part.schools is not None else ""
            shown.append(f"{part.written}{unit} ({_kind(part.kind, lang)}{schools})")
        line = text("doc.form.money", lang, amount=money.written, unit=money.unit)
        lines.append(f"{line} = {' + '.join(shown)}" if shown else line)
    for explanation in plan.explanations:
        lines.append(text("doc.form.explanation", lang, count=explanation.count, year=explanation.year,
                          names=", ".join(name.text for name in explanation.names)))
    for rate in plan.rates:
        key = "doc.form.rate" if rate.percent_written else "doc.form.fraction"
        lines.append(text(key, lang, fraction=f"{rate.numerator}/{rate.denominator}", percent=rate.percent_written,
                          level2=text("doc.form.level2", lang) if rate.level2 else "").rstrip())
    for year_end in plan.year_ends:
        lines.append(text("doc.form.year_end", lang, kept=year_end.kept, new=year_end.new, reached=year_end.reached))
    for table in plan.level_tables:
        def shown(kinds: dict[str, int]) -> str:
            return ", ".join(f"{_kind(kind, lang)} {value:02d}" for kind, value in kinds.items())

        lines.append(text("doc.form.level_table", lang, rows="; ".join(
            f"{level}: {shown(kinds)}" for level, kinds in table.rows.items()), total=shown(table.total or {})))
    for table in plan.list_tables:
        lines.append(text("doc.form.list_table", lang, count=len(table.schools), stated=table.stated.value
                          if table.stated else "—", first=", ".join(
            f"{school.text} ({_kind(school.kind, lang)}, MĐ{school.standard_level}, CĐ{school.accreditation_level})"
            for school in table.schools[:2])))
    for table in plan.budget_tables:
        lines.append(text("doc.form.budget_table", lang, kind=_kind(table.kind, lang), rows=len(table.rows),
                          subtotals=len(table.subtotals), columns=", ".join(table.columns.values()),
                          total=format_amount(table.amount() or 0, lang)))
    for task in plan.tasks:
        counts = "; ".join(_count_line(count, lang) for count in task.counts) or "—"
        lines.append(text("doc.form.task", lang, time=task.time, deadline=task.deadline.strftime("%d/%m/%Y")
                          if task.deadline else "—", counts=counts,
                          names=", ".join(mention.text for mention in task.mentions) or "—"))
    in_counts = {id(name) for count in plan.all_counts() for name in count.names}
    for mention in plan.mentions:
        if mention.role == "text" and id(mention) not in in_counts:
            lines.append(text("doc.form.mention", lang, name=mention.text))
    for due in plan.deadlines:
        lines.append(text("doc.form.deadline", lang, date=due.end.strftime("%d/%m/%Y")))
    for stale in plan.stale_years:
        lines.append(text("doc.form.stale", lang, phrase=stale.phrase))
    for typo in plan.typos:
        lines.append(text("doc.form.typo", lang, word=typo.word, suggestion=typo.suggestion))
    return lines


def _quote(example: Example) -> list[str]:
    if isinstance(example, str):
        return ["> " + line for line in example.split("\n")] + [">"]
    rows = [list(row) for row in example]
    out = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    out += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows[1:]]
    return out + [""]


def forms_markdown(lang: str = "vi") -> str:
    lines = [text("doc.forms.title", lang), "", text("doc.forms.intro", lang), ""]
    for form in FORMS:
        lines += [f"## {text(f'doc.form.{form.key}.title', lang)}", "", text(f"doc.form.{form.key}.what", lang), "",
                  f"**{text('doc.forms.example', lang)}**", ""]
        for example in form.examples:
            lines += _quote(example)
        if lines[-1] == ">":
            lines[-1] = ""
        own_header = form.key in ("header", "draft")
        plan = build_docplan(_document(form.examples, not own_header))
        found = understood(plan, lang, header_facts=own_header)
        lines += [f"**{text('doc.forms.understood', lang)}**", ""]
        lines += [f"- {line}" for line in found] if found else [f"- {text('doc.forms.nothing', lang)}"]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    lang = args[args.index("--lang") + 1] if "--lang" in args else "vi"
    sys.stdout.write(forms_markdown(lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
