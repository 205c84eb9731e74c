"""The sample Word plans: built from the seed texts by a committed script, with real tables."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from .conftest import load_script

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "samples" / "plans"


BUILD = load_script(PLANS / "build.py", "chuanqg_xl_sample_plans_build")
SEEDS = BUILD.find_seeds(PLANS)


def test_five_plans_are_committed() -> None:
    names = sorted(path.name for path in PLANS.glob("*.docx"))
    assert names == sorted(f"{name}.docx" for name in BUILD.NAMES.values())


@pytest.mark.skipif(SEEDS is None, reason="the seed texts (../shared/seeds) are not next to this checkout")
def test_committed_plans_equal_a_fresh_build(tmp_path: Path) -> None:
    for path in BUILD.build_all(SEEDS, tmp_path):
        assert path.read_bytes() == (PLANS / path.name).read_bytes(), path.name


def test_tables_are_real_word_tables() -> None:
    kon_tum = docx.Document(str(PLANS / "kon-tum-2023.docx"))
    level = next(table for table in kon_tum.tables if table.cell(0, 0).text == "Cấp học")
    assert [cell.text for cell in level.rows[-1].cells] == ["Tổng cộng", "03", "03"]
    assert len(level.rows) == 6
    huong_tra = docx.Document(str(PLANS / "huong-tra-2024.docx"))
    schools = huong_tra.tables[0]
    assert [cell.text for cell in schools.rows[0].cells] == ["TT", "CƠ SỞ GIÁO DỤC", "TÍCH HỢP KĐCLGD&CQG",
                                                             "GHI CHÚ"]
    assert len(schools.rows) == 21
    timeline = docx.Document(str(PLANS / "hai-ba-trung-2023.docx")).tables[0]
    assert timeline.cell(0, 0).text == "Thời gian hoàn thành"
    # the month is written once and merged down over its three tasks
    assert timeline.cell(1, 0)._tc is timeline.cell(3, 0)._tc
    assert timeline.cell(1, 0).text == "Tháng 1/2023"


# ---------------------------------------------------------------- golden findings

EXPECTED = PLANS / "expected"


@pytest.mark.parametrize("name", sorted(BUILD.NAMES.values()))
def test_golden_findings(name: str) -> None:
    """Each sample plan gives exactly its reviewed findings, and confirms at least its reviewed statements."""
    import json

    from chuanqg_xl.docplan.checks import check_document

    expected = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
    report = check_document(PLANS / f"{name}.docx")
    assert [(finding.code, finding.sheet) for finding in report.findings] == \
        [(item["code"], item["where"]) for item in expected["findings"]]
    verified = {(item.where.label(), item.what) for item in report.verified}
    missing = [item for item in expected["verified"] if (item["where"], item["what"]) not in verified]
    assert missing == []
    assert all(item["why"] for item in [*expected["findings"], *expected["verified"]])


@pytest.mark.parametrize("name", sorted(BUILD.NAMES.values()))
def test_quotes_show_what_a_finding_is_about(name: str) -> None:
    """A finding about a name, a phrase or a date quotes the part of its sentence that holds it."""
    from chuanqg_xl.docplan.checks import check_document

    from .test_district_plans import quote_misses

    report = check_document(PLANS / f"{name}.docx")
    assert [quote_misses(finding) for finding in report.findings if quote_misses(finding)] == []


@pytest.mark.libreoffice
def test_each_sample_plan_saved_as_doc_reads_as_its_docx(tmp_path: Path) -> None:
    """A plan kept as .doc (Word 97–2003) is read through LibreOffice and gives the .docx's findings and
    confirmations. The .doc is written as Word would keep it, tables and merged cells included: through .odt, because
    LibreOffice's direct .docx → .doc export drops the Hai Bà Trưng timeline table (vertically merged cells)."""
    import shutil
    import subprocess

    from chuanqg_xl.docplan.checks import check_document

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: cannot write the .doc files")
    profile = (tmp_path / "profile").as_uri()
    plans = sorted(PLANS.glob("*.docx"))
    for fmt, sources, out in (("odt", plans, tmp_path / "odt"),
                              ("doc", [tmp_path / "odt" / f"{path.stem}.odt" for path in plans], tmp_path / "doc")):
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", fmt,
                        "--outdir", str(out), *map(str, sources)], check=True, capture_output=True, timeout=600)
    for path in plans:
        from_docx, from_doc = check_document(path), check_document(tmp_path / "doc" / f"{path.stem}.doc")
        assert [(f.code, f.sheet, f.message) for f in from_doc.findings] == \
            [(f.code, f.sheet, f.message) for f in from_docx.findings], path.name
        assert {(item.where.label(), item.what) for item in from_doc.verified} == \
            {(item.where.label(), item.what) for item in from_docx.verified}, path.name
        if path.stem == "hai-ba-trung-2023":   # the timeline is still a table, read row by row
            assert any(item.where.label().startswith("bảng 1, dòng") for item in from_doc.verified)
