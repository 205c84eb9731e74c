"""Build the five source plans as Word documents, from the seed texts.

    python samples/plans/build.py                      # seeds found next to the repository (../shared/seeds)
    python samples/plans/build.py --seeds DIR -o OUT   # elsewhere

The seed texts are the plans as plain text: a table row is one line with its cells
separated by tabs (seed 000 writes one cell per line, rows separated by blank lines),
"**…**" marks bold text, "#" marks headings, "<i>…</i>" italics, and a line ending in
two spaces continues the same paragraph after a line break. Here they become what they
were in the originals: paragraphs and real Word tables (the timeline's month merged
down over its tasks, as Word users merge it), with the header block of seed 000 as the
usual two-column table (unit | national motto; number | place and date).

Left out on purpose: the footnotes of seed 000 (in a .docx they live in a part of their
own, which `check` does not read; their markers "�" are removed and the sentence they
interrupted joined again), and seed 004's "(Handwritten mark)", a transcriber's note.

The output is deterministic (fixed dates in the package and its zip entries), so a
committed plan that differs from a fresh build means the seeds or this script changed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED = dt.datetime(2023, 1, 1, 0, 0, 0)
NAMES = {"000": "kon-tum-2023", "001": "lai-chau-2024", "002": "huong-tra-2024", "003": "cao-loc-2024",
         "004": "hai-ba-trung-2023"}
TITLES = {"000": "Kế hoạch xây dựng trường đạt chuẩn quốc gia năm 2023 — thành phố Kon Tum (dự thảo)",
          "001": "Kế hoạch xây dựng trường đạt Chuẩn quốc gia năm 2024 — thành phố Lai Châu",
          "002": "Kế hoạch KĐCLGD và xây dựng trường đạt chuẩn quốc gia năm 2024 — thị xã Hương Trà",
          "003": "Kế hoạch triển khai nhiệm vụ trọng tâm năm 2024 (GD&ĐT) — huyện Cao Lộc",
          "004": "Kế hoạch xây dựng trường đạt chuẩn quốc gia năm 2023 — quận Hai Bà Trưng"}
FOOTNOTE_MARK = "\ufffd"
# Column widths (cm) of the appendix tables, by their first header, as the originals lay them out.
COLUMN_WIDTHS = {"Thời gian hoàn thành": [2.6, 8.4, 2.8, 2.8], "TT": [1.2, 6.8, 4.2, 3.4]}


def find_seeds(start: Path = HERE) -> Path | None:
    """The nearest 'shared/seeds' folder above `start` (the repository may be a worktree)."""
    for folder in (start, *start.parents):
        candidate = folder / "shared" / "seeds"
        if candidate.is_dir():
            return candidate
    return None


# ---------------------------------------------------------------- the seed text as blocks

@dataclass
class Para:
    lines: list[str]                 # one paragraph; more than one line means line breaks inside it
    bold: bool = False
    heading: int = 0
    align: str | None = None         # "center" / "right"
    page_break_before: bool = False


@dataclass
class TableBlock:
    rows: list[list[str]] = field(default_factory=list)
    merge_down: int | None = None    # column whose empty cells continue the cell above (vertical merge)
    borders: bool = True
    widths: list[float] | None = None


Block = Para | TableBlock
_MD_HEADING = re.compile(r"^(#{1,6})\s*")
_BOLD_ONLY = re.compile(r"^\*\*(.*)\*\*$")
_CENTERED = re.compile(r"^(KẾ HOẠCH|DỰ THẢO|TIẾN ĐỘ THỰC HIỆN|DANH SÁCH|\(Kèm theo)")


def _strip_markup(text: str) -> tuple[str, bool]:
    """Markdown bold/italic markers removed; whether the whole line was bold."""
    stripped = text.strip()
    bold = bool(_BOLD_ONLY.match(stripped)) or stripped.startswith("**") and stripped.endswith("**")
    cleaned = stripped.replace("**", "")
    cleaned = re.sub(r"(?<!\*)\*(?!\*)([^*]+)\*", r"\1", cleaned)  # *italic*
    cleaned = cleaned.replace("***", "").strip("*")
    return cleaned.strip(), bold


def _generic_blocks(lines: list[str]) -> list[Block]:
    """Seeds 001-004: paragraphs, markdown-ish emphasis, tab-separated tables."""
    blocks: list[Block] = []
    pending: Para | None = None
    table: TableBlock | None = None
    index = 0
    while index < len(lines):
        raw = lines[index].rstrip("\n")
        index += 1
        if "\t" in raw and raw.strip():
            cells = [cell.strip() for cell in raw.split("\t")]
            if table is None:
                pending = None
                table = TableBlock(merge_down=0)
                blocks.append(table)
            table.rows.append(cells)
            continue
        if not raw.strip():
            if table is not None:
                # a blank line inside a table (seed 004): the table goes on if the next text line is a row
                ahead = next((line for line in lines[index:] if line.strip()), "")
                if "\t" in ahead:
                    continue
                table = None
            pending = None
            continue
        table = None
        if raw.strip() == "(Handwritten mark)":
            continue
        heading_match = _MD_HEADING.match(raw.strip())
        heading = len(heading_match.group(1)) if heading_match else 0
        text = _MD_HEADING.sub("", raw.strip()) if heading else raw
        continues = raw.endswith("  ")
        for piece in _split_run_on_title(text):
            cleaned, bold = _strip_markup(piece)
            if not cleaned:
                continue
            if pending is not None:
                pending.lines.append(cleaned)
                pending.bold = pending.bold and (bold or heading > 0)
            else:
                para = Para([cleaned], bold=bold or heading > 0, heading=0)
                if _CENTERED.match(cleaned) or cleaned.startswith(("Xây dựng trường", "thành phố Lai Châu")) \
                        and len(blocks) < 12:
                    para.align = "center"
                if cleaned.startswith(("TIẾN ĐỘ THỰC HIỆN", "DANH SÁCH CƠ SỞ")):
                    para.page_break_before = True
                blocks.append(para)
                pending = para if continues else None
        if not continues:
            pending = None
    return blocks


def _split_run_on_title(text: str) -> list[str]:
    """Seed 004 runs its appendix title, subtitle and note together: 'TIẾN ĐỘ …**Xây dựng …***(Kèm theo …)*'."""
    if "**" in text and not text.strip().startswith("**") and text.strip().startswith("TIẾN ĐỘ"):
        head, _, rest = text.partition("**")
        title, _, note = rest.partition("***")
        return [head, "**" + title.strip("*") + "**", note.strip("*")]
    return [text]


def _kon_tum_blocks(lines: list[str]) -> list[Block]:
    """Seed 000: the header and signature blocks as tables, the level table one cell per line."""
    text = "".join(lines)
    start = text.index("KẾ HOẠCH")
    end_body = text.index("\tNơi nhận:")
    blocks: list[Block] = [
        TableBlock([["ỦY BAN NHÂN DÂN\nTHÀNH PHỐ KON TUM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                     "Độc lập - Tự do - Hạnh phúc"],
                    ["Số:           /KH-UBND", "TP. Kon Tum, ngày         tháng      năm    "]],
                   borders=False, widths=[6.0, 10.0]),
        Para(["DỰ THẢO"], bold=True, align="right"),
    ]
    body = _join_broken_lines(text[start:end_body].split("\n"))
    level_table: TableBlock | None = None
    row: list[str] = []
    first = True
    for line in body:
        if line.startswith("\t"):
            if level_table is None:
                level_table = TableBlock()
                blocks.append(level_table)
            row.append(line.strip())
            continue
        if level_table is not None and not line.strip():
            if row:
                level_table.rows.append(row)
                row = []
            continue
        if level_table is not None and line.strip():
            if row:
                level_table.rows.append(row)
                row = []
            level_table = None
        if not line.strip():
            continue
        cleaned = line.strip()
        para = Para([cleaned])
        if first or cleaned.startswith(("Xây dựng trường đạt chuẩn quốc gia", "trên địa bàn thành phố năm 2023")):
            para.align, para.bold = "center", True
            first = False
        elif re.match(r"^(?:[IVX]+\.|\d+\.\s|\d+\.\d+\.)", cleaned):
            para.bold = True
        elif cleaned.startswith("ĐVT:"):
            para.align = "right"
        blocks.append(para)
    closing = text[end_body:].split("\n")
    recipients = [line.strip() for line in closing[:closing.index(next(line for line in closing
                                                                        if "TM. ỦY BAN" in line))]
                  if line.strip()]
    signature = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Phan Ngọc Định"]
    blocks.append(TableBlock([["\n".join(recipients), "\n".join(signature)]], borders=False, widths=[8.0, 8.0]))
    return blocks


def _join_broken_lines(lines: list[str]) -> list[str]:
    """A footnote marker split a sentence over two lines; the mark goes, the sentence is whole again."""
    out: list[str] = []
    for line in lines:
        line = line.replace(FOOTNOTE_MARK, "").rstrip()
        stripped = line.lstrip()
        joins = stripped[:1] in {",", ".", ":", ";"} or (line[:1] == " " and stripped[:1].islower()) or \
            (line[:1] == " " and stripped.startswith("("))
        if joins and out and out[-1].strip() and not out[-1].startswith("\t"):
            glue = "" if stripped[:1] in {",", ".", ":", ";"} else " "
            out[-1] = out[-1].rstrip() + glue + stripped
        else:
            out.append(line)
    return out


def seed_blocks(seed: str, text: str) -> list[Block]:
    lines = text.splitlines(keepends=True)
    if seed == "000":
        return _kon_tum_blocks(lines)
    return _generic_blocks(lines)


# ---------------------------------------------------------------- Word

def _add_runs(paragraph, text: str, bold: bool) -> None:
    """Text with <i>…</i> as italic runs."""
    for index, piece in enumerate(re.split(r"</?i>", text)):
        if piece:
            run = paragraph.add_run(piece)
            run.bold = bold or None
            if index % 2:
                run.italic = True


def _no_borders(table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def write_docx(blocks: list[Block], path: Path, title: str) -> Path:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    aligns = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
    for block in blocks:
        if isinstance(block, Para):
            paragraph = document.add_paragraph()
            if block.align:
                paragraph.alignment = aligns[block.align]
            paragraph.paragraph_format.page_break_before = block.page_break_before or None
            for index, line in enumerate(block.lines):
                if index:
                    paragraph.add_run().add_break()
                _add_runs(paragraph, line, block.bold)
            continue
        width = max(len(row) for row in block.rows)
        table = document.add_table(rows=len(block.rows), cols=width)
        if block.borders:
            table.style = document.styles["Table Grid"]
        else:
            _no_borders(table)
        for r, values in enumerate(block.rows):
            for c in range(width):
                value = values[c] if c < len(values) else ""
                cell = table.cell(r, c)
                lines = value.split("\n")
                cell.paragraphs[0].text = ""
                _add_runs(cell.paragraphs[0], lines[0], r == 0 and block.borders)
                for line in lines[1:]:
                    _add_runs(cell.add_paragraph(), line, False)
        widths = block.widths or COLUMN_WIDTHS.get(block.rows[0][0])
        if widths:
            table.autofit = False
            for r in range(len(block.rows)):
                for c, width_cm in enumerate(widths):
                    table.cell(r, c).width = Cm(width_cm)
        if block.merge_down is not None:
            _merge_down(table, block, block.merge_down)
    props = document.core_properties
    props.author = "chuanqg-xl samples"
    props.last_modified_by = "chuanqg-xl samples"
    props.title = title
    props.created = props.modified = FIXED
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(_fixed_zip(buffer.getvalue()))
    return path


def _merge_down(table, block: TableBlock, col: int) -> None:
    """Empty cells of `col` below a filled one become part of it (a vertical merge), as Word users write a month
    once for all its tasks."""
    start = None
    for r in range(1, len(block.rows) + 1):
        value = block.rows[r][col].strip() if r < len(block.rows) and col < len(block.rows[r]) else None
        if value == "" and start is not None:
            continue
        if start is not None and r - 1 > start:
            top = table.cell(start, col)
            text = top.text
            merged = top.merge(table.cell(r - 1, col))
            # merge() joins the paragraphs of every merged cell: keep the month written once
            for paragraph in merged.paragraphs[1:]:
                paragraph._p.getparent().remove(paragraph._p)
            merged.paragraphs[0].text = ""
            merged.paragraphs[0].add_run(text)
        start = r if value else None


def _fixed_zip(data: bytes) -> bytes:
    """The same package with fixed entry dates, so builds are byte-for-byte reproducible."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info))
    return out.getvalue()


def build_all(seeds: Path, out_dir: Path = HERE) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for seed, name in NAMES.items():
        source = next(seeds.glob(f"{seed}_*.txt"))
        blocks = seed_blocks(seed, source.read_text(encoding="utf-8"))
        written.append(write_docx(blocks, out_dir / f"{name}.docx", TITLES[seed]))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=None, help="folder of the seed texts (NNN_*.txt)")
    parser.add_argument("-o", "--output", type=Path, default=HERE, help="folder to write into")
    args = parser.parse_args(argv)
    seeds = args.seeds or find_seeds()
    if seeds is None:
        print("seed folder not found: pass --seeds DIR", file=sys.stderr)
        return 2
    for path in build_all(seeds, args.output):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
