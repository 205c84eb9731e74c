"""What recalc shows inside Excel: the 'Kiểm tra' sheet, cell highlights and notes.

Highlights are conditional formats whose formula carries the tool's name, so
they never touch a cell's own style and a later run finds and removes them.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from . import layout as L
from .cells import a1, col_letter, parse_a1, quote_sheet
from .messages import text
from .model import LoggedReplacement
from .ooxml import MAIN_NS, REL_NS, Styles, Worksheet, esc, number_text
from .report import Finding

MARK_FORMULA = '"chuanqg-xl"="chuanqg-xl"'
MARK_FILLS = {"error": "FFFFC7CE", "warning": "FFFFEB9C", "info": "FFDDEBF7"}
FONT = '<font><sz val="12"/><name val="Times New Roman"/><family val="1"/><charset val="163"/></font>'
FONT_BOLD = '<font><b/><sz val="12"/><name val="Times New Roman"/><family val="1"/><charset val="163"/></font>'
FONT_TITLE = '<font><b/><sz val="14"/><name val="Times New Roman"/><family val="1"/><charset val="163"/></font>'
FONT_LINK = ('<font><u/><sz val="12"/><color rgb="FF0563C1"/><name val="Times New Roman"/><family val="1"/>'
             '<charset val="163"/></font>')
BORDER = ('<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>'
          '<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom>'
          '<diagonal/></border>')


def _fill(rgb: str) -> str:
    return f'<fill><patternFill patternType="solid"><fgColor rgb="{rgb}"/><bgColor indexed="64"/></patternFill></fill>'


def mark_dxfs(styles: Styles) -> dict[str, int]:
    return {severity: styles.add("dxfs", f'<dxf><fill><patternFill><bgColor rgb="{rgb}"/></patternFill></fill></dxf>')
            for severity, rgb in MARK_FILLS.items()}


def review_styles(styles: Styles) -> dict[str, int]:
    font, bold, title, link = (styles.add("fonts", xml) for xml in (FONT, FONT_BOLD, FONT_TITLE, FONT_LINK))
    border = styles.add("borders", BORDER)
    header_fill = styles.add("fills", _fill("FFDDEBF7"))
    severity_fills = {severity: styles.add("fills", _fill(rgb)) for severity, rgb in MARK_FILLS.items()}
    wrap = '<alignment vertical="top" wrapText="1"/>'

    def xf(font_id: int, fill_id: int = 0, border_id: int = 0, align: str = wrap) -> int:
        fill_attr = ' applyFill="1"' if fill_id else ""
        border_attr = ' applyBorder="1"' if border_id else ""
        return styles.add("cellXfs", f'<xf numFmtId="0" fontId="{font_id}" fillId="{fill_id}" borderId="{border_id}" '
                                     f'xfId="0" applyFont="1"{fill_attr}{border_attr} applyAlignment="1">{align}</xf>')

    ids = {
        "title": xf(title, align='<alignment vertical="center"/>'),
        "plain": xf(font, align='<alignment vertical="top"/>'),
        "header": xf(bold, header_fill, border, '<alignment horizontal="center" vertical="center" wrapText="1"/>'),
        "cell": xf(font, 0, border),
        "link": xf(link, 0, border),
        "section": xf(bold, align='<alignment vertical="top"/>'),
    }
    for severity, fill_id in severity_fills.items():
        ids[severity] = xf(bold, fill_id, border, '<alignment horizontal="center" vertical="top"/>')
    return ids


@dataclass
class _Cells:
    rows: dict[int, list[str]]

    def put(self, row: int, col: int, xml: str) -> None:
        self.rows.setdefault(row, []).append(xml)


def _string(ref: str, value: str, style: int) -> str:
    return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{esc(value)}</t></is></c>'


def _value(ref: str, value: object, style: int) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f'<c r="{ref}" s="{style}"><v>{number_text(value)}</v></c>'
    return _string(ref, "" if value is None else str(value), style)


WIDTHS = (9, 11, 24, 9, 70, 55)
LINE_HEIGHT = 16.5


def _row_height(message: str, hint: str) -> float:
    """Wrapped text does not grow rows by itself in every editor: give each row room for its lines."""
    lines = max(math.ceil(len(message) * 1.1 / WIDTHS[4]), math.ceil(len(hint) * 1.1 / WIDTHS[5]), 1)
    return round(LINE_HEIGHT * lines + 3, 2)


def review_sheet_xml(findings: list[Finding], log: list[LoggedReplacement], ids: dict[str, int],
                     lang: str) -> str:
    """The 'Kiểm tra' worksheet: findings with links to their cells, then the log of replaced values."""
    cells = _Cells({})
    heights: dict[int, float] = {}
    links: list[tuple[str, str, str]] = []
    summary = {severity: sum(1 for finding in findings if finding.severity == severity)
               for severity in ("error", "warning", "info")}
    cells.put(1, 1, _string("A1", text("review.title", lang), ids["title"]))
    line = text("review.summary", lang, errors=summary["error"], warnings=summary["warning"], infos=summary["info"]) \
        if findings else text("review.clean", lang)
    cells.put(2, 1, _string("A2", line, ids["plain"]))
    cells.put(3, 1, _string("A3", text("review.how", lang), ids["plain"]))
    header_row = 5
    for col, header in enumerate(L.REVIEW_COLUMNS, start=1):
        cells.put(header_row, col, _string(a1(header_row, col), header, ids["header"]))
    row = header_row
    for finding in findings:
        row += 1
        cells.put(row, 1, _string(a1(row, 1), finding.code, ids["cell"]))
        cells.put(row, 2, _string(a1(row, 2), text("severity." + finding.severity, lang), ids[finding.severity]))
        cells.put(row, 3, _string(a1(row, 3), finding.sheet or "", ids["cell"]))
        if finding.sheet and finding.cell:
            cells.put(row, 4, _string(a1(row, 4), finding.cell, ids["link"]))
            links.append((a1(row, 4), f"{quote_sheet(finding.sheet)}{finding.cell}", finding.cell))
        elif finding.sheet:
            cells.put(row, 4, _string(a1(row, 4), "", ids["cell"]))
            links.append((a1(row, 3), f"{quote_sheet(finding.sheet)}A1", finding.sheet))
        else:
            cells.put(row, 4, _string(a1(row, 4), "", ids["cell"]))
        message = finding.message
        if finding.caused_by:   # shown under its cause, and said to be a consequence of it
            code, sheet, cell = finding.caused_by
            message = text("review.consequence", lang, code=code, where=f"{sheet}!{cell}" if cell else sheet or "",
                           message=message)
        cells.put(row, 5, _string(a1(row, 5), message, ids["cell"]))
        cells.put(row, 6, _string(a1(row, 6), finding.hint, ids["cell"]))
        heights[row] = _row_height(finding.message, finding.hint)
    if not findings:
        row += 1
        cells.put(row, 1, _string(a1(row, 1), text("review.none", lang), ids["plain"]))
    if log:
        row += 2
        cells.put(row, 1, _string(a1(row, 1), L.REVIEW_LOG_TITLE, ids["section"]))
        row += 1
        for col, header in enumerate(L.REVIEW_LOG_COLUMNS, start=1):
            cells.put(row, col, _string(a1(row, col), header, ids["header"]))
        for entry in log:
            row += 1
            cells.put(row, 1, _string(a1(row, 1), entry.sheet, ids["cell"]))
            cells.put(row, 2, _string(a1(row, 2), entry.cell, ids["link"]))
            links.append((a1(row, 2), f"{quote_sheet(entry.sheet)}{entry.cell}", entry.cell))
            cells.put(row, 3, _value(a1(row, 3), entry.old, ids["cell"]))
            cells.put(row, 4, _value(a1(row, 4), entry.new, ids["cell"]))
    cols = "".join(f'<col min="{i}" max="{i}" width="{width}" customWidth="1"/>' for i, width in enumerate(WIDTHS, 1))
    data = "".join(
        f'<row r="{number}"' + (f' ht="{heights[number]}" customHeight="1"' if number in heights else "") + ">"
        + "".join(items) + "</row>"
        for number, items in sorted(cells.rows.items()))
    hyperlinks = ""
    if links:
        hyperlinks = "<hyperlinks>" + "".join(
            f'<hyperlink ref="{ref}" location="{esc(location)}" display="{esc(display)}"/>'
            for ref, location, display in links) + "</hyperlinks>"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        '<sheetPr><tabColor rgb="' + ("FFC00000" if summary["error"] else "FF70AD47") + '"/>'
        '<pageSetUpPr fitToPage="1"/></sheetPr>'
        f'<dimension ref="A1:{col_letter(6)}{max(row, header_row)}"/>'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="5" topLeftCell="A6" activePane="bottomLeft" '
        'state="frozen"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15.75"/>'
        f"<cols>{cols}</cols><sheetData>{data}</sheetData>{hyperlinks}"
        '<pageMargins left="0.5" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
        '<pageSetup paperSize="9" orientation="landscape" fitToHeight="0"/>'
        "</worksheet>"
    )


def strip_marks(sheet: Worksheet) -> int:
    return sheet.remove_elements("conditionalFormatting", lambda xml: "chuanqg-xl" in xml)


def add_marks(sheet: Worksheet, cells: dict[str, list[str]], dxfs: dict[str, int]) -> None:
    """Highlight cells by severity; errors win over warnings over notes on the same cell."""
    existing = [int(value) for value in re.findall(r'priority="(\d+)"', sheet.text)]
    priority = max(existing, default=0) + 1
    seen: set[str] = set()
    p = sheet.prefix
    for severity in ("error", "warning", "info"):
        refs = [ref for ref in cells.get(severity, []) if ref not in seen]
        seen.update(refs)
        if not refs:
            continue
        sqref = " ".join(sorted(set(refs), key=_ref_key))
        sheet.insert_element("conditionalFormatting",
                             f'<{p}conditionalFormatting sqref="{sqref}"><{p}cfRule type="expression" '
                             f'dxfId="{dxfs[severity]}" priority="{priority}"><{p}formula>{esc(MARK_FORMULA)}'
                             f"</{p}formula></{p}cfRule></{p}conditionalFormatting>")
        priority += 1


def _ref_key(ref: str) -> tuple[int, int]:
    return parse_a1(ref)
