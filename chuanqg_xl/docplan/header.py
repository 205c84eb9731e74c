"""The plan's header and signature: number, place and date, issuing unit, plan year, title, signer.

Administrative documents (Nghị định 30/2020/NĐ-CP) put the issuing body top
left ("ỦY BAN NHÂN DÂN / QUẬN HAI BÀ TRƯNG"), the number under it ("Số: 38
/KH-UBND"; a draft leaves it blank: "Số: /KH-UBND"), place and date top right
("Quận Hai Bà Trưng, ngày 10 tháng 02 năm 2023"), then "KẾ HOẠCH" and a title
that names the year; the signature block closes the text ("KT. CHỦ TỊCH /
PHÓ CHỦ TỊCH", then the name). Often the header is a borderless table.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from .facts import Header
from .source import Block, Paragraph, Where
from .text import skeleton

_NUMBER = re.compile(r"\bSố\s*:?\s*(\d*)\s*/\s*(KH[-–][\w.&-]+)", re.IGNORECASE)
_ANY_NUMBER = re.compile(r"\bSố\s*:\s*(\d*\s*/\s*[\wĐđ][\w.&-]*)")
_SUBJECT = re.compile(r"^V/v\b\.?\s*(.*)", re.IGNORECASE)
_ADDRESSEE = re.compile(r"^kinh gui\b")
_PLACE_DATE = re.compile(r"^(?P<place>[^,\d]{2,60}?),\s*ngày\s*(?P<d>\d{0,2})\s*tháng\s*(?P<m>\d{0,2})\s*"
                         r"năm\s*(?P<y>\d{0,4})", re.IGNORECASE)
_BODY_START = re.compile(r"^(?:can cu|thuc hien|xet |i\.|1\.)")
_UNIT_TYPES = ("thanh pho", "thi xa", "quan", "huyen", "tp.", "tp")
_UBND = r"(?:UBND|[ỦUủu][ỷyỶY] ban nhân dân)"
_UNIT_IN_TEXT = re.compile(_UBND + r"\s+(thành phố|thị xã|quận|huyện|TP\.?)\s+"
                           r"((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s*){1,4}?)\s*(?=ban hành|xây dựng|\)|$|,|\.)")
_UNIT_BARE = re.compile(_UBND + r"\s+(thành phố|thị xã|quận|huyện)\s+(?:ban hành|xây dựng)")
_PROVINCE = re.compile(r"\btỉnh[ \t]+((?:[A-ZĐ][\wÀ-ỹ]*)(?:[ \t]+[A-ZĐ][\wÀ-ỹ]*){0,3})")   # on one line
_CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ")
_PERIOD = re.compile(r"giai đoạn\s*(20\d\d)\s*[-–]\s*(20\d\d)", re.IGNORECASE)
_YEAR = re.compile(r"\bnăm\s+(20\d\d)\b", re.IGNORECASE)
_ADVISOR = re.compile(r"(?:tham mưu của|chủ trì thực hiện\s*:|Đơn vị chủ trì\s*:)\s*(Phòng Giáo dục (?:và|&) Đào tạo"
                      r"(?: (?:thành phố|quận|huyện|thị xã))?)", re.IGNORECASE)
_SIGN_TITLE = re.compile(r"^(?:(?:KT|TM|Q|TL)\.?\s*)?(?:PHÓ\s+)?CHỦ\s+TỊCH$")
_PERSON = re.compile(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,4}$")
HEADER_BLOCKS = 16


def _lines(blocks: list[Block]) -> list[tuple[str, Where]]:
    out: list[tuple[str, Where]] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            for line in block.text.split("\n"):
                out.extend((piece, block.where) for piece in line.split("\t"))
        else:
            for row_index, row in enumerate(block.rows):
                where = block.where(row_index)
                out.extend((line, where) for cell in row for line in cell.split("\n"))
    return [(line.strip(), where) for line, where in out if line.strip()]


def _title_case(name: str) -> str:
    return " ".join(word[:1] + word[1:].lower() if word.isupper() else word for word in name.split())


def read_header(blocks: list[Block]) -> Header:
    header = Header()
    start = 0
    for index, block in enumerate(blocks[:HEADER_BLOCKS]):
        if isinstance(block, Paragraph) and _BODY_START.match(skeleton(block.text)):
            break
        start = index + 1
    head_lines = _lines(blocks[:max(start, 1)])
    all_lines = _lines(blocks)
    for line, where in head_lines:
        if header.number is None:
            match = _NUMBER.search(line)
            if match:
                digits, suffix = match.group(1), match.group(2).replace("–", "-")
                header.draft = not digits
                header.number = f"{digits or '…'}/{suffix}"
                header.number_where = where
        if header.place is None:
            match = _PLACE_DATE.match(line)
            if match:
                header.place = match.group("place").strip()
                header.date_where = where
                day, month, year = match.group("d"), match.group("m"), match.group("y")
                if day and month and year:
                    try:
                        header.date = dt.date(int(year), int(month), int(day))
                    except ValueError:
                        header.date = None
                else:
                    header.date_blank = True
                if year and header.year is None:
                    header.year = int(year)
                    header.year_where = where
    _title(blocks, header)
    _letter(head_lines, header)
    _unit(head_lines, all_lines, header)
    text = "\n".join(line for line, _ in all_lines)
    province = _PROVINCE.search(text)
    if province:
        header.province = province.group(1).strip()
    else:
        header.province = next((city for city in _CITIES if f"thành phố {city}" in text), None)
    periods = Counter(f"{a}-{b}" for a, b in _PERIOD.findall(text))
    if periods:
        header.period = periods.most_common(1)[0][0]
    _signer(all_lines, header)
    for line, where in all_lines:
        match = _ADVISOR.search(line)
        if match:
            header.advisor, header.advisor_where = match.group(1), where
            break
    return header


def _letter(head_lines: list[tuple[str, Where]], header: Header) -> None:
    """A letter (công văn) has 'V/v …' under its number and 'Kính gửi: …', and no 'KẾ HOẠCH' title."""
    for line, _ in head_lines:
        if header.reference is None:
            match = _ANY_NUMBER.search(line)
            if match:
                header.reference = re.sub(r"\s+", "", match.group(1))
        subject = _SUBJECT.match(line)
        if subject and header.subject is None:
            header.subject = subject.group(1).strip() or None
        if header.addressee is None and _ADDRESSEE.match(skeleton(line)):
            header.addressee = line
    header.letter = not header.titled and (header.subject is not None or header.addressee is not None)


def _title(blocks: list[Block], header: Header) -> None:
    """'KẾ HOẠCH' and the lines after it, up to the legal bases: the title names the plan's year."""
    for index, block in enumerate(blocks[:HEADER_BLOCKS + 8]):
        if not isinstance(block, Paragraph):
            continue
        skel = skeleton(block.text)
        if not skel.startswith("ke hoach"):
            continue
        header.titled = True
        lines = block.text.split("\n")[1:]
        for other in blocks[index + 1:index + 5]:
            if not isinstance(other, Paragraph) or _BODY_START.match(skeleton(other.text)):
                break
            lines.extend(other.text.split("\n"))
        header.title = " ".join(line.strip() for line in lines if line.strip())
        match = _YEAR.search(header.title)
        if match:
            header.year = int(match.group(1))
            header.year_where = block.where
        return


def _unit(head_lines: list[tuple[str, Where]], all_lines: list[tuple[str, Where]], header: Header) -> None:
    for index, (line, where) in enumerate(head_lines[:-1]):
        if skeleton(line).strip() in ("uy ban nhan dan", "ubnd"):
            following, _ = head_lines[index + 1]
            skel = skeleton(following)
            for kind in _UNIT_TYPES:
                if skel.startswith(kind + " "):
                    name = _title_case(following[len(kind):].strip())
                    header.unit = f"UBND {'thành phố' if kind.startswith('tp') else following[:len(kind)].lower()} " \
                                  f"{name}"
                    header.unit_where = where
                    return
    for line, where in all_lines:
        match = _UNIT_IN_TEXT.search(line)
        if match and match.group(2).strip():
            kind = match.group(1).lower()
            kind = "thành phố" if kind.startswith("tp") else kind
            header.unit = f"UBND {kind} {match.group(2).strip()}"
            header.unit_where = where
            return
    for line, where in all_lines:
        match = _UNIT_BARE.search(line)
        if match and header.place:
            place = re.sub(r"^(?:thành phố|thị xã|quận|huyện|TP\.?)\s+", "", header.place, flags=re.IGNORECASE)
            header.unit = f"UBND {match.group(1).lower()} {place}"
            header.unit_where = where
            return


def _signer(lines: list[tuple[str, Where]], header: Header) -> None:
    titles: list[str] = []
    for index, (line, where) in enumerate(lines):
        cleaned = line.strip(" *")
        if _SIGN_TITLE.match(cleaned):
            titles.append(cleaned)
            continue
        if titles and _PERSON.match(cleaned):
            header.signer = cleaned
            header.signer_where = where
            header.signer_title = " / ".join(title for title in titles if not title.startswith("TM"))
            return
        if titles and not cleaned.upper().startswith("TM"):
            if not _SIGN_TITLE.match(cleaned) and len(cleaned) > 40:
                titles = []
