"""Reading a Word plan: paragraphs and tables in document order, places, and the same guards as workbooks."""
from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement

from chuanqg_xl.docplan import read_document, word_kind
from chuanqg_xl.docplan.reader import read_docplan
from chuanqg_xl.errors import PlanError

from .conftest import write_docx


def test_blocks_in_document_order_with_places(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "a.docx", ["KẾ HOẠCH", "", "Một hai ba bốn năm sáu bảy tám", [["A", "B"], ["1", "2"]],
                                           "Sau bảng"])
    document = read_document(path)
    kinds = [type(block).__name__ for block in document.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Table", "Paragraph"]   # the empty paragraph is not counted
    second = document.paragraphs[1]
    assert second.number == 2
    assert second.where.label() == "đoạn 2 «Một hai ba bốn năm sáu…»"
    table = document.tables[0]
    assert table.rows == (("A", "B"), ("1", "2"))
    assert table.where(1).label() == "bảng 1, dòng 2 «1 2»"
    assert table.where(1).label("en") == "table 1, row 2 «1 2»"
    assert document.paragraphs[2].number == 3
    # a table row sorts after the paragraph before the table and before the one after it
    assert second.where.sort_key() < table.where(1).sort_key() < document.paragraphs[2].where.sort_key()


def test_merged_cells_are_read_in_every_row_they_cover(tmp_path: Path) -> None:
    path = tmp_path / "m.docx"
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for r in range(3):
        for c in range(3):
            table.cell(r, c).text = f"{r}{c}"
    table.cell(1, 0).merge(table.cell(2, 0))   # merged down
    table.cell(0, 1).merge(table.cell(0, 2))   # merged across
    document.save(str(path))
    read = read_document(path).tables[0]
    assert read.rows[0][0] == "00" and read.rows[0][1].startswith("01")
    assert read.rows[0][2] == ""                   # the spanned column is read once
    assert read.rows[2][0] == read.rows[1][0]      # the merged-down cell is read in both rows
    assert (2, 0) in read.continued and (1, 0) not in read.continued


def test_tab_separated_paragraphs_are_a_table(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "t.docx", ["Cấp học\tCông nhận mới\tCông nhận lại", "Tiểu học\t01\t03",
                                           "Tổng cộng\t01\t03", "Số: 12/KH-UBND\tHà Nội, ngày 1 tháng 2 năm 2023"])
    document = read_document(path)
    table = document.tables[0]
    assert table.number == 0 and table.paragraphs == (1, 2, 3, 4)
    assert table.rows[1] == ("Tiểu học", "01", "03")
    assert table.where(1).label() == "đoạn 2 «Tiểu học 01 03»"


def test_a_single_tab_line_stays_a_paragraph(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "t.docx", ["Số: 12/KH-UBND\tHà Nội, ngày 1 tháng 2 năm 2023", "Căn cứ …"])
    assert [type(block).__name__ for block in read_document(path).blocks] == ["Paragraph", "Paragraph"]


def test_tracked_changes_read_as_accepted(tmp_path: Path) -> None:
    """Inserted text counts, deleted text does not: the plan as it will be signed."""
    path = tmp_path / "rev.docx"
    document = docx.Document()
    paragraph = document.add_paragraph("Công nhận mới ")
    inserted = OxmlElement("w:ins")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "03 trường"
    run.append(text)
    inserted.append(run)
    paragraph._p.append(inserted)
    deleted = OxmlElement("w:del")
    run = OxmlElement("w:r")
    gone = OxmlElement("w:delText")
    gone.text = " 04 trường"
    run.append(gone)
    deleted.append(run)
    paragraph._p.append(deleted)
    document.save(str(path))
    assert read_document(path).paragraphs[0].text == "Công nhận mới 03 trường"


def test_text_is_nfc_with_spaces_collapsed(tmp_path: Path) -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Công  nhận   mới\u00a003 trường")
    path = write_docx(tmp_path / "n.docx", [nfd])
    assert read_document(path).paragraphs[0].text == "Công nhận mới 03 trường"


def test_word_kind_by_content(tmp_path: Path, make_docx) -> None:
    plan = make_docx()
    renamed = tmp_path / "ke-hoach.xlsx"
    renamed.write_bytes(plan.read_bytes())
    assert word_kind(plan) == "docx"
    assert word_kind(renamed) == "docx"
    workbook = Path(__file__).resolve().parents[2] / "samples" / "kon-tum-2023.xlsx"
    assert word_kind(workbook) is None
    text = tmp_path / "a.txt"
    text.write_text("KẾ HOẠCH", encoding="utf-8")
    assert word_kind(text) is None


# ---------------------------------------------------------------- safety and unusable files

def _rewrite(path: Path, part: str, data: bytes) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts[part] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)


def test_doctype_is_refused(make_docx) -> None:
    path = make_docx()
    with zipfile.ZipFile(path) as archive:
        original = archive.read("word/document.xml")
    hostile = original.replace(b"?>", b'?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1)
    _rewrite(path, "word/document.xml", hostile)
    with pytest.raises(PlanError) as caught:
        read_document(path)
    assert caught.value.key == "error.unsafe_xml"


def test_zip_bomb_is_refused(make_docx) -> None:
    path = make_docx()
    _rewrite(path, "word/media/bomb.xml", b"<a>" + b" " * (300 * 1024 * 1024) + b"</a>")
    with pytest.raises(PlanError) as caught:
        read_document(path)
    assert caught.value.key == "error.archive_too_big"


def test_a_document_without_a_single_statement_is_not_a_plan(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "thu.docx", ["BÁO CÁO", "Nhà trường xin báo cáo tình hình năm học.", "Trân trọng."])
    with pytest.raises(PlanError) as caught:
        read_docplan(path)
    assert caught.value.key == "doc.not_a_plan"
    assert "Word" in caught.value.message() and "thu.docx" in caught.value.message()


def test_a_letter_is_named_as_one_even_when_it_states_figures(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "cong-van.docx", [
        "Số: 86/PGDĐT-TH\nV/v đăng ký kiểm tra công nhận trường đạt chuẩn", "Kính gửi: Sở Giáo dục và Đào tạo",
        "Phòng GD&ĐT đăng ký kiểm tra 02 trường, trong đó: công nhận mới 01 trường, công nhận lại 01 trường.",
        "Trân trọng./."])
    with pytest.raises(PlanError) as caught:
        read_docplan(path)
    assert caught.value.key == "doc.letter"
    assert "công văn (Số: 86/PGDĐT-TH; V/v đăng ký kiểm tra công nhận trường đạt chuẩn)" in caught.value.message()
    assert "is a letter (Số: 86/PGDĐT-TH; V/v" in caught.value.message("en")
    # the same figures under a plan's title are a plan
    titled = write_docx(tmp_path / "ke-hoach.docx", ["Số: 12/KH-UBND", "KẾ HOẠCH", "Xây dựng trường chuẩn năm 2025",
                                                     "Năm 2025 có 02 trường, trong đó: công nhận mới 01 trường, "
                                                     "công nhận lại 01 trường."])
    assert read_docplan(titled).counts[0].value == 2


def test_an_empty_document(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "trong.docx", [])
    with pytest.raises(PlanError) as caught:
        read_docplan(path)
    assert caught.value.key == "doc.empty"


def test_a_package_without_relationships_is_still_read(make_docx) -> None:
    path = make_docx()
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist() if "_rels" not in info.filename}
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    assert read_docplan(path).header.number == "12/KH-UBND"


def _fake_doc(path: Path) -> Path:
    """Enough of an OLE file to be told apart: the magic number and a 'WordDocument' stream name."""
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "WordDocument".encode("utf-16-le")
                     + b"\0" * 1024)
    return path


def test_doc_without_libreoffice_gets_a_sentence(tmp_path: Path, monkeypatch) -> None:
    import chuanqg_xl.office as office

    monkeypatch.setattr(office, "find_soffice", lambda: None)
    path = _fake_doc(tmp_path / "ke-hoach.doc")
    assert word_kind(path) == "doc"
    with pytest.raises(PlanError) as caught:
        read_document(path)
    assert caught.value.key == "doc.no_soffice"
    assert ".docx" in caught.value.message() and "LibreOffice" in caught.value.message()


@pytest.mark.libreoffice
def test_doc_is_read_through_libreoffice(tmp_path: Path, make_docx) -> None:
    from chuanqg_xl.office import convert, find_soffice

    soffice = find_soffice()
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source = make_docx(name="ke-hoach.docx")
    doc = convert(source, "doc", tmp_path / "out", soffice, failed_key="doc.convert_failed",
                  timeout_key="doc.convert_timeout")
    assert word_kind(doc) == "doc"
    from_doc = read_docplan(doc)
    from_docx = read_docplan(source)
    assert from_doc.header.number == from_docx.header.number == "12/KH-UBND"
    assert [count.value for count in from_doc.all_counts()] == [count.value for count in from_docx.all_counts()]
