"""Every route of the page through Flask's test client: what a person sees, what they download, what is refused."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from chuanqg_xl import layout as L
from chuanqg_xl.reader import read_plan
from chuanqg_xl.web import create_app
from chuanqg_xl.web import actions
from webtools import (BASE, SAMPLES, app, client, follow, page_token, post_files,  # noqa: F401 (fixtures)
                      result_token, temp_root, visible_text)

HBT = SAMPLES / "hai-ba-trung-2023.xlsx"


def leftovers(root: Path) -> list[Path]:
    return list(root.rglob("*"))


# ---------------------------------------------------------------- the page itself

def test_page_is_vietnamese_offline_and_states_the_limit(client, temp_root: Path) -> None:
    page = client.get("/", base_url=BASE)
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and page.mimetype == "text/html"
    seen = visible_text(html)
    assert "Kéo thả sổ kế hoạch Excel hoặc văn bản kế hoạch Word vào đây" in seen
    assert "Mỗi tệp tối đa 50 MB" in seen
    assert 'accept=".xlsx,.xlsm,.xls,.ods,.docx,.doc"' in html
    # Nothing from the internet: every script, style and picture is the package's own.
    for reference in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert not re.match(r"(?:https?:)?//", reference), reference
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    assert page.headers["X-Frame-Options"] == "DENY"
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert leftovers(temp_root) == []


@pytest.mark.parametrize("name, kind", [("app.css", "text/css"), ("app.js", "text/javascript"),
                                        ("favicon.svg", "image/svg+xml"), ("drop.svg", "image/svg+xml")])
def test_assets_are_served_by_the_package(client, name: str, kind: str) -> None:
    answer = client.get(f"/static/{name}", base_url=BASE)
    assert answer.status_code == 200
    assert answer.mimetype == kind
    assert len(answer.data) > 100


def test_english_switch(client) -> None:
    page = client.get("/?lang=en", base_url=BASE)
    seen = visible_text(page.get_data(as_text=True))
    assert "Drop the plan's workbook or its Word document here" in seen and "Tiếng Việt" in seen
    assert "lang=en" in page.headers["Set-Cookie"]
    again = client.get("/", base_url=BASE)                 # the choice is remembered
    assert "Drop the plan's workbook or its Word document here" in visible_text(again.get_data(as_text=True))


# ---------------------------------------------------------------- one workbook

def test_upload_shows_findings_figures_and_downloads(client, temp_root: Path) -> None:
    answer = post_files(client, [HBT])
    assert answer.status_code == 200, answer.get_data(as_text=True)[:500]
    html = answer.get_json()["html"]
    seen = visible_text(html)
    assert "1 lỗi, 2 cảnh báo, 4 ghi chú" in seen
    # The error at its cell, with the row's own words ("09 trường") and the suggestion.
    assert re.search(r"Tiến độ F24 lỗi Nhiệm vụ ghi 9 trường nhưng nêu 7 trường \(Quý IV/2023\)\. "
                     r"Dòng này: Tiếp tục hoàn thiện gói đầu tư tại 09 trường", seen), seen
    assert "'TH Ngô Thị Nhâm' được hiểu là 'TH Ngô Thị Nhậm'" in seen
    assert "Cách sửa: Sửa thành 'TH Ngô Thị Nhậm' như trong danh sách PL1." in seen
    # Errors, then warnings, then notes.
    assert seen.index("Lỗi — cần sửa") < seen.index("Cảnh báo — nên xem lại") < seen.index("Ghi chú (4)")
    # Figures the plan states next to the computed ones (Tổng hợp).
    assert "Số trường theo đợt, quý" in seen and "Quý IV/2023 3 3 4 4 7 7" in seen
    assert "Mầm non 1 2 3 3 4 5" in seen
    for button in ("download-recalc", "download-appendices", "download-pdf", "download-status"):
        assert button in html or "no-pdf" in html
    assert answer.get_json()["url"].startswith("/r/")
    assert leftovers(temp_root) == []


def test_upload_without_script_redirects_to_the_result_page(client) -> None:
    answer = post_files(client, [HBT], xhr=False)
    assert answer.status_code == 303
    page = client.get(answer.headers["Location"], base_url=BASE)
    seen = visible_text(page.get_data(as_text=True))
    assert page.status_code == 200 and "1 lỗi, 2 cảnh báo, 4 ghi chú" in seen
    english = client.get(answer.headers["Location"].replace("lang=vi", "lang=en"), base_url=BASE)
    seen = visible_text(english.get_data(as_text=True))
    assert "1 error, 2 warnings, 4 notes" in seen and "Errors — must be fixed" in seen


def test_figures_that_differ_are_marked(client, make_plan) -> None:
    from chuanqg_xl.template import PlanData

    def stated_wrong(data: PlanData) -> None:
        data.figures["budget_total"] = 2300            # the tables give 2.200

    answer = post_files(client, [make_plan(stated_wrong)])
    html = answer.get_json()["html"]
    row = re.search(r'<tr class="differs"><td>Tổng kinh phí</td>.*?</tr>', html, re.S)
    assert row is not None, html
    assert "2.300" in row.group(0) and "2.200" in row.group(0)
    assert html.count('class="differs"') == 1


def download(client, token: str, what: str, query: str = "", xhr: bool = True):
    headers = {"X-Requested-With": "fetch"} if xhr else {}
    return client.get(f"/d/{token}/{what}?lang=vi&{query}", base_url=BASE, headers=headers)


def saved_name(answer) -> str:
    from urllib.parse import unquote

    return unquote(re.search(r"filename\*=UTF-8''(.+)$", answer.headers["Content-Disposition"]).group(1))


def test_download_recalculated_workbook(client, temp_root: Path, tmp_path: Path) -> None:
    token = result_token(post_files(client, [HBT]))
    answer = download(client, token, "recalc")
    assert answer.status_code == 200
    assert saved_name(answer) == "hai-ba-trung-2023 - đã tính lại.xlsx"
    assert 'filename="hai-ba-trung-2023 - da tinh lai.xlsx"' in answer.headers["Content-Disposition"]
    out = tmp_path / "out.xlsx"
    out.write_bytes(answer.data)
    plan = read_plan(out)
    assert plan.review_sheet == L.REVIEW_NAME and len(plan.schools) == 15
    book = openpyxl.load_workbook(out)
    codes = [row[0] for row in book[L.REVIEW_NAME].iter_rows(values_only=True)]
    assert "X008" in codes and "X009" in codes
    assert leftovers(temp_root) == []


def test_download_appendices_refused_with_errors_unless_forced(client, tmp_path: Path) -> None:
    token = result_token(post_files(client, [HBT]))
    refused = download(client, token, "appendices")
    assert refused.status_code == 422
    sentence = refused.get_json()["error"]
    assert "sổ còn 1 lỗi" in sentence and "Tiến độ!F24" in sentence
    assert "Xuất dù sổ còn lỗi" in sentence                     # where the page's --force is
    forced = download(client, token, "appendices", "force=1")
    assert forced.status_code == 200 and saved_name(forced) == "hai-ba-trung-2023 - phụ lục.xlsx"
    out = tmp_path / "pl.xlsx"
    out.write_bytes(forced.data)
    assert openpyxl.load_workbook(out).sheetnames[0] == "Phụ lục 1"


def test_pdf_without_libreoffice_says_so(temp_root: Path) -> None:
    client = create_app("127.0.0.1", 8765, temp_root=temp_root, soffice=lambda: None).test_client()
    html = post_files(client, [HBT]).get_json()["html"]
    assert "Máy này chưa cài LibreOffice nên chưa xuất được PDF" in visible_text(html)
    assert 'id="download-pdf"' not in html


@pytest.mark.libreoffice
@pytest.mark.slow
def test_download_pdf(client, temp_root: Path) -> None:
    from chuanqg_xl.office import find_soffice

    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    token = result_token(post_files(client, [HBT]))
    answer = download(client, token, "pdf", "force=1")
    assert answer.status_code == 200 and answer.mimetype == "application/pdf"
    assert answer.data.startswith(b"%PDF") and saved_name(answer) == "hai-ba-trung-2023 - phụ lục.pdf"
    assert leftovers(temp_root) == []


def test_download_progress_report_as_of_a_date(client, tmp_path: Path) -> None:
    token = result_token(post_files(client, [HBT]))
    answer = download(client, token, "status", "as_of=2023-10-15")
    assert answer.status_code == 200
    assert saved_name(answer) == "hai-ba-trung-2023 - tiến độ đến 15-10-2023.xlsx"
    out = tmp_path / "td.xlsx"
    out.write_bytes(answer.data)
    cells = [str(value) for row in openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True)
             for value in row if value is not None]
    assert any("15/10/2023" in value for value in cells)
    assert any("Quá hạn" in value for value in cells)
    typed = download(client, token, "status", "as_of=15/10/2023")             # as the field asks: day/month/year
    assert typed.status_code == 200 and saved_name(typed) == saved_name(answer)
    bad = download(client, token, "status", "as_of=15-10")
    assert bad.status_code == 422
    assert bad.get_json()["error"].startswith("Không đọc được ngày '15-10'. Hãy ghi ngày/tháng/năm, ví dụ ")
    month_first = download(client, token, "status", "as_of=10/30/2023")       # an English habit
    assert "Ngày '10/30/2023': không có tháng 30. Hãy ghi ngày trước" in month_first.get_json()["error"]


def test_the_date_field_is_day_month_year_in_both_languages(client) -> None:
    import datetime as dt

    token = result_token(post_files(client, [HBT]))
    today = dt.date.today().strftime("%d/%m/%Y")
    for lang, label in (("vi", "Tiến độ đến ngày (ngày/tháng/năm)"), ("en", "Progress as of (day/month/year)")):
        html = client.get(f"/r/{token}?lang={lang}", base_url=BASE).get_data(as_text=True)
        field = re.search(r'<input type="text" class="date-field"[^>]*>', html, re.S).group(0)
        assert f'value="{today}"' in field and 'name="as_of"' in field     # today, written day first
        assert 'type="date"' not in html                                      # no field that follows the locale
        assert label in visible_text(html)


def test_download_errors_without_script_are_a_page(client) -> None:
    token = result_token(post_files(client, [HBT]))
    page = download(client, token, "appendices", xhr=False)
    assert page.status_code == 422 and page.mimetype == "text/html"
    assert "sổ còn 1 lỗi" in visible_text(page.get_data(as_text=True))


def test_unknown_and_expired_results(client) -> None:
    token = result_token(post_files(client, [HBT]))
    assert download(client, token, "nonsense").status_code == 404
    assert download(client, token, "consolidated").status_code == 422      # one plan has no consolidation
    gone = download(client, "no-such-token", "recalc")
    assert gone.status_code == 404 and "Kết quả này không còn được giữ" in gone.get_json()["error"]
    page = client.get("/r/no-such-token", base_url=BASE)
    assert page.status_code == 404 and "không còn được giữ" in visible_text(page.get_data(as_text=True))
    missing = client.get("/no/such/page", base_url=BASE)
    assert missing.status_code == 404 and "Không có trang này" in visible_text(missing.get_data(as_text=True))


# ---------------------------------------------------------------- several workbooks

def test_several_workbooks_give_the_consolidation(client, temp_root: Path, tmp_path: Path) -> None:
    files = [SAMPLES / "hai-ba-trung-2023.xlsx", SAMPLES / "kon-tum-2023.xlsx", SAMPLES / "lai-chau-2024.xlsx",
             (b"ten,truong\nTH A,1\n", "danh sách cũ.csv")]
    answer, progress = follow(client, post_files(client, files))
    assert answer.status_code == 200, answer.get_data(as_text=True)[:300]
    assert all(step["message"] for step in progress)
    html = answer.get_json()["html"]
    seen = visible_text(html)
    assert "Đã đọc được 3/4 sổ" in seen
    assert "UBND quận Hai Bà Trưng hai-ba-trung-2023.xlsx 2023 15 1 lỗi, 2 cảnh báo, 4 ghi chú" in seen
    assert "UBND thành phố Kon Tum kon-tum-2023.xlsx 2023 6 1 cảnh báo" in seen
    # A district's findings, one click away (inside its row).
    district = re.search(r'<details class="district has-errors">.*?</details>', html, re.S).group(0)
    assert "Nhiệm vụ ghi 9 trường nhưng nêu 7 trường" in visible_text(district)
    # The unreadable file by the name the user knows, with the command line's sentence.
    assert "danh sách cũ.csv: không đọc được" in seen and "không phải sổ Excel" in seen
    assert "tep-0" not in html                                  # never our generated names
    token = result_token(answer)
    workbook = download(client, token, "consolidated")
    assert workbook.status_code == 200 and saved_name(workbook) == "Tổng hợp kế hoạch 4 đơn vị.xlsx"
    out = tmp_path / "th.xlsx"
    out.write_bytes(workbook.data)
    book = openpyxl.load_workbook(out)
    values = [str(value) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
              for value in row if value is not None]
    assert "kon-tum-2023.xlsx" in values and "danh sách cũ.csv" in values
    assert not any("tep-0" in value for value in values)
    assert leftovers(temp_root) == []


# ---------------------------------------------------------------- refusals

def test_bad_file_gets_the_command_lines_sentence(client, temp_root: Path) -> None:
    answer = post_files(client, [(b"", "kế hoạch rỗng.xlsx")])
    assert answer.status_code == 422
    sentence = answer.get_json()["error"]
    assert sentence == "Tệp 'kế hoạch rỗng.xlsx' rỗng (0 byte) — không phải sổ Excel. Hãy kiểm tra lại tệp được gửi."
    assert "Traceback" not in answer.get_data(as_text=True)
    page = post_files(client, [(b"PK\x03\x04garbage", "hỏng.xlsx")], xhr=False)
    seen = visible_text(page.get_data(as_text=True))
    assert page.status_code == 422 and "Không xử lý được" in seen and "hỏng.xlsx" in seen
    assert str(temp_root) not in page.get_data(as_text=True)
    assert leftovers(temp_root) == []


# ---------------------------------------------------------------- Word plans

HBT_DOCX = SAMPLES / "plans" / "hai-ba-trung-2023.docx"


def test_a_word_plan_is_checked_as_the_command_line_checks_it(client, temp_root: Path) -> None:
    from chuanqg_xl.checks import check_plan

    answer = post_files(client, [HBT_DOCX])
    assert answer.status_code == 200, answer.get_data(as_text=True)[:300]
    html = answer.get_json()["html"]
    seen = visible_text(html)
    report = check_plan(HBT_DOCX)
    assert "1 lỗi, 2 cảnh báo, 3 ghi chú" in seen and report.summary["total"] == 6
    for finding in report.findings:                      # every finding, at its paragraph or table row
        assert visible_text(finding.message) in seen and finding.location() in seen
    error = re.search(r'<li class="finding sev-error">.*?</li>', html, re.S).group(0)
    assert "bảng 1, dòng 22 «Tháng 9/2023 Tiếp tục hoàn thiện…»" in visible_text(error)
    assert "09 trường công nhận mới và công nhận lại Quý IV" in visible_text(error)
    assert f"Các câu trong kế hoạch Word đã đối chiếu và khớp ({len(report.verified)})" in seen
    assert "đoạn 24 «- Quý IV/2023: 07 trường»: 07 = 03 + 04" in seen
    assert "Chưa có sổ Excel của kế hoạch? Tải sổ Excel chuẩn lập từ văn bản này ở dưới." in seen
    assert "download-recalc" not in html                 # nothing to recalculate in a Word document
    assert leftovers(temp_root) == []


def test_a_word_plan_alone_gives_the_standard_workbook_made_from_it(client, temp_root: Path,
                                                                     tmp_path: Path) -> None:
    """As `chuanqg-xl import ke-hoach.docx -o …`: the workbook to download, and the import's report on the page."""
    from chuanqg_xl.docplan.convert import import_document

    expected = import_document(HBT_DOCX, tmp_path / "cli.xlsx")
    answer = post_files(client, [HBT_DOCX])
    html = answer.get_json()["html"]
    seen = visible_text(html)
    assert "Sổ Excel chuẩn lập từ kế hoạch Word" in seen and 'id="download-imported"' in html
    assert "15 trường và 30 nhiệm vụ lấy từ văn bản" in seen
    assert f"Văn bản không nêu, cần anh/chị bổ sung vào sổ ({len(expected.unmapped)})" in seen
    assert f"Đã lấy từ văn bản: ở đâu, được gì ({len(expected.mapped)})" in seen
    for note in [*expected.mapped, *expected.unmapped]:   # what it took from where, what it could not place
        assert f"{note.location()}: {visible_text(note.message())}" in seen
    assert "đoạn 1 «Số: 38 /KH-UBND»: Số kế hoạch: 38/KH-UBND" in seen
    assert "Văn bản tự mâu thuẫn ở 3 chỗ" in seen

    made = download(client, result_token(answer), "imported")
    assert made.status_code == 200 and saved_name(made) == "hai-ba-trung-2023 - sổ Excel chuẩn.xlsx"
    out = tmp_path / "so.xlsx"
    out.write_bytes(made.data)
    plan = read_plan(out)
    assert len(plan.schools) == 15 and len(plan.tasks) == 30 and plan.meta.unit == "UBND quận Hai Bà Trưng"
    english = visible_text(client.get(f"/r/{result_token(answer)}?lang=en", base_url=BASE).get_data(as_text=True))
    assert "Standard workbook made from the Word plan" in english and "Taken from the text: where, and what" in english
    assert leftovers(temp_root) == []


def test_a_word_plan_that_cannot_be_imported_keeps_its_check(client, monkeypatch: pytest.MonkeyPatch) -> None:
    from chuanqg_xl.docplan import convert
    from chuanqg_xl.errors import PlanError

    def refuse(path, output, **options):
        raise PlanError("error.same_input_output", path=path)

    monkeypatch.setattr(convert, "import_document", refuse)
    answer = post_files(client, [(HBT_DOCX.read_bytes(), "kế hoạch.docx")])
    seen = visible_text(answer.get_json()["html"])
    assert "1 lỗi, 2 cảnh báo, 3 ghi chú" in seen                      # the check stands
    assert "Tệp kết quả trùng với tệp đầu vào 'kế hoạch.docx'" in seen   # the import's sentence, the user's name
    assert download(client, result_token(answer), "imported").status_code == 422


def test_a_workbook_download_is_not_offered_for_a_word_plan(client) -> None:
    token = result_token(post_files(client, [HBT]))
    assert download(client, token, "imported").status_code == 422


def test_a_workbook_with_its_word_plan_is_held_against_it(client, temp_root: Path, tmp_path: Path) -> None:
    from chuanqg_xl.checks import check_plan

    answer = post_files(client, [HBT_DOCX, HBT])
    assert answer.status_code == 200, answer.get_data(as_text=True)[:300]
    html = answer.get_json()["html"]
    seen = visible_text(html)
    report = check_plan(HBT, plan_document=HBT_DOCX)
    assert "1 lỗi, 4 cảnh báo, 4 ghi chú" in seen and report.summary["total"] == 9
    assert "hai-ba-trung-2023.xlsx" in seen and "Đối chiếu với kế hoạch Word: hai-ba-trung-2023.docx" in seen
    for finding in report.findings:
        assert visible_text(finding.message) in seen
    contradictions = [finding for finding in report.findings if finding.word]
    assert len(contradictions) == 2
    for finding in contradictions:                      # both places: the workbook's cell, the Word plan's row
        item = next(item for item in re.findall(r'<li class="finding sev-warning">.*?</li>', html, re.S)
                    if visible_text(finding.message) in visible_text(item))
        where = visible_text(re.search(r'<div class="where">(.*?)</div>', item, re.S).group(1))
        assert where == f"Sổ Excel: {finding.sheet} {finding.cell} Văn bản Word: {finding.word}"
    assert "Số trường theo đợt, quý" in seen              # the workbook's figures
    token = result_token(answer)
    recalculated = download(client, token, "recalc")     # the downloads are the workbook's
    assert recalculated.status_code == 200 and saved_name(recalculated) == "hai-ba-trung-2023 - đã tính lại.xlsx"
    out = tmp_path / "out.xlsx"
    out.write_bytes(recalculated.data)
    assert read_plan(out).review_sheet == L.REVIEW_NAME
    again = client.get(f"/r/{token}?lang=vi", base_url=BASE)   # a reload gives the same pair again
    assert "1 lỗi, 4 cảnh báo, 4 ghi chú" in visible_text(again.get_data(as_text=True))
    assert leftovers(temp_root) == []


def test_a_doc_without_libreoffice_gets_the_libraries_sentence(client, monkeypatch: pytest.MonkeyPatch) -> None:
    import chuanqg_xl.office as office

    monkeypatch.setattr(office, "find_soffice", lambda: None)
    fake_doc = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "WordDocument".encode("utf-16-le") + b"\0" * 1024
    answer = post_files(client, [(fake_doc, "kế hoạch cũ.doc")])
    assert answer.status_code == 422
    sentence = answer.get_json()["error"]
    assert "kế hoạch cũ.doc" in sentence and "LibreOffice" in sentence and ".docx" in sentence


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.xlsx")) + sorted((SAMPLES / "plans").glob("*.docx")),
                         ids=lambda path: path.name)
def test_the_page_and_the_library_agree(client, sample: Path) -> None:
    """One truth, two faces: the page's summary and findings are the library's."""
    from chuanqg_xl.checks import check_plan
    from chuanqg_xl.web.present import summary_line

    report = check_plan(sample)
    seen = visible_text(post_files(client, [sample]).get_json()["html"])
    assert summary_line(report.findings, "vi") in seen
    for finding in report.findings:
        assert visible_text(finding.message) in seen


def test_no_file_chosen(client) -> None:
    token = page_token(client)
    answer = client.post(f"/check?csrf={token}", base_url=BASE, data={"files": (io.BytesIO(b""), "")},
                         content_type="multipart/form-data", headers={"X-Requested-With": "fetch"})
    assert answer.status_code == 400 and "Chưa chọn tệp nào" in answer.get_json()["error"]


def test_file_over_the_limit(temp_root: Path) -> None:
    client = create_app("127.0.0.1", 8765, temp_root=temp_root, file_limit=1024 * 1024).test_client()
    answer = post_files(client, [(b"x" * (1024 * 1024 + 1), "lớn.xlsx")])
    assert answer.status_code == 413
    assert answer.get_json()["error"].startswith("Tệp 'lớn.xlsx' lớn hơn 1 MB")
    assert leftovers(temp_root) == []


def test_the_default_limit_is_50_mb_per_file(client, temp_root: Path) -> None:
    answer = post_files(client, [(b"\0" * (50 * 1024 * 1024 + 1), "to.xlsx")])
    assert answer.status_code == 413 and answer.get_json()["error"].startswith("Tệp 'to.xlsx' lớn hơn 50 MB")
    assert leftovers(temp_root) == []


def test_request_over_the_total_limit(client) -> None:
    token = page_token(client)
    answer = client.post(f"/check?csrf={token}", base_url=BASE, data=b"x", content_type="multipart/form-data; b=1",
                         headers={"X-Requested-With": "fetch"},
                         environ_overrides={"CONTENT_LENGTH": str(300 * 1024 * 1024)})
    assert answer.status_code == 413 and "tối đa 50 MB mỗi tệp và 256 MB mỗi lần" in answer.get_json()["error"]


def test_too_many_files(client, temp_root: Path) -> None:
    answer = post_files(client, [(b"x", f"{number}.xlsx") for number in range(61)])
    assert answer.status_code == 413 and "tối đa 60 tệp" in answer.get_json()["error"]
    assert leftovers(temp_root) == []


@pytest.mark.parametrize("host", ["evil.example:8765", "127.0.0.1:9999", "attacker.test", "127.0.0.1.nip.io:8765"])
def test_wrong_host_is_refused(client, host: str) -> None:
    for path in ("/", "/static/app.js"):
        answer = client.get(path, base_url=f"http://{host}")
        assert answer.status_code == 400
        assert "trang kiểm tra chỉ trả lời tại http://127.0.0.1:8765/" in visible_text(answer.get_data(as_text=True))
    post = post_files(client, [HBT], token="x", base_url=f"http://{host}")
    assert post.status_code == 400


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765", "[::1]:8765"])
def test_loopback_names_are_accepted(client, host: str) -> None:
    assert client.get("/", base_url=f"http://{host}").status_code == 200


def test_host_rules_for_other_bindings() -> None:
    from chuanqg_xl.web.app import served_state

    everywhere = served_state(create_app("0.0.0.0", 8000))
    assert everywhere.host_allowed("192.168.1.20:8000") and everywhere.host_allowed("localhost:8000")
    assert not everywhere.host_allowed("evil.example:8000") and not everywhere.host_allowed("192.168.1.20:8001")
    one = served_state(create_app("192.168.1.20", 8000))
    assert one.host_allowed("192.168.1.20:8000") and not one.host_allowed("192.168.1.21:8000")
    assert not one.host_allowed(None) and not one.host_allowed("")


@pytest.mark.parametrize("headers", [{"Origin": "http://evil.example"}, {"Origin": "null"},
                                     {"Origin": "http://127.0.0.1:9999"}, {"Sec-Fetch-Site": "cross-site"},
                                     {"Sec-Fetch-Site": "same-site"}])
def test_cross_site_post_is_refused(client, temp_root: Path, headers: dict[str, str]) -> None:
    answer = post_files(client, [HBT], headers=headers)
    assert answer.status_code == 403
    assert "Từ chối yêu cầu đến từ một trang web khác" in answer.get_json()["error"]
    assert leftovers(temp_root) == []


def test_same_origin_post_is_accepted(client) -> None:
    answer = post_files(client, [HBT], headers={"Origin": "http://127.0.0.1:8765", "Sec-Fetch-Site": "same-origin"})
    assert answer.status_code == 200


def test_post_without_the_pages_token_is_refused(client, temp_root: Path) -> None:
    answer = post_files(client, [HBT], token="stale")
    assert answer.status_code == 403 and "Trang này đã cũ" in answer.get_json()["error"]
    assert leftovers(temp_root) == []


def test_cross_site_download_is_refused(client) -> None:
    token = result_token(post_files(client, [HBT]))
    answer = client.get(f"/d/{token}/recalc", base_url=BASE, headers={"Sec-Fetch-Site": "cross-site"})
    assert answer.status_code == 403


def test_an_unforeseen_error_is_a_sentence(client, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(uploads, folder, lang):
        raise RuntimeError("boom")

    monkeypatch.setattr(actions, "check_uploads", broken)
    answer = post_files(client, [HBT], xhr=False)
    text = answer.get_data(as_text=True)
    assert answer.status_code == 500 and "Lỗi không mong đợi (RuntimeError: boom)" in visible_text(text)
    assert "Traceback" not in text


def test_names_from_the_request_never_become_paths(client, temp_root: Path, tmp_path: Path) -> None:
    answer = post_files(client, [(HBT.read_bytes(), "../../thoát ra/../kế <hoạch>.xlsx")])
    html = answer.get_json()["html"]
    assert answer.status_code == 200
    assert '<h2 class="file">kế hoạch.xlsx</h2>' in html
    assert not (tmp_path / "thoát ra").exists() and not list(tmp_path.parent.glob("*hoạch*"))
    assert leftovers(temp_root) == []


def test_recalculated_download_is_a_sound_package(client) -> None:
    token = result_token(post_files(client, [HBT]))
    data = download(client, token, "recalc").data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None


def test_consequences_are_listed_under_their_cause(client, make_plan) -> None:
    from chuanqg_xl.checks import check_plan

    path = make_plan(lambda d: d.budget_new[1].update(district=2_800_000_000))   # typed in đồng, not triệu
    report = check_plan(path)
    consequences = [finding for finding in report.findings if finding.caused_by == ("D011", "PL2 - Kinh phí CN mới",
                                                                                     "E5")]
    assert consequences
    html = post_files(client, [path]).get_json()["html"]
    cause = re.search(r'<li class="finding sev-\w+">\s*<div class="where">\s*<span class="sheet">PL2 - Kinh phí CN mới'
                      r'</span><span class="cell">E5</span>.*?</li>\s*</ul>\s*</div>\s*</div>\s*</li>', html, re.S)
    assert cause is not None, html
    block = visible_text(cause.group(0))
    assert f"Do vấn đề này nên có thêm {len(consequences)} vấn đề sau:" in block
    for finding in consequences:
        assert visible_text(finding.message) in block
    seen = visible_text(html)
    assert seen.index("D011") < min(seen.index(finding.code + " ·") for finding in consequences)
    assert seen.index("Lỗi — cần sửa") < seen.index("D011")    # a cause of errors is listed with the errors
