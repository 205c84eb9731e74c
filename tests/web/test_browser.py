"""The page in a real browser: headless Chromium (Debian's package) driven by Playwright.

The browser is the system's (`/usr/bin/chromium`, or `chromium` on PATH);
Playwright never downloads one here. Without either, these tests skip and
say why. Set CHUANQG_SCREENSHOT=path to keep the screenshot of the findings
(docs/serve-findings.png is made that way).
"""
from __future__ import annotations

import base64
import os
import shutil
import threading
from pathlib import Path

import openpyxl
import pytest

from chuanqg_xl import layout as L
from chuanqg_xl.reader import read_plan
from chuanqg_xl.web.app import create_app, set_port
from webtools import SAMPLES

HBT = SAMPLES / "hai-ba-trung-2023.xlsx"
CHROMIUM = next((path for path in ("/usr/bin/chromium", shutil.which("chromium") or "") if path and
                 Path(path).exists()), None)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=vi-VN"]
WAIT_MS = 60_000

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    expect = sync_playwright = None

pytestmark = [
    pytest.mark.skipif(sync_playwright is None, reason="Playwright is not installed (pip install -e '.[test]')"),
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian package 'chromium'; "
                                                ".ci/run installs it when it runs as root)"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    from werkzeug.serving import make_server

    root = tmp_path_factory.mktemp("browser-temp")
    app = create_app("127.0.0.1", 0, temp_root=root)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    set_port(app, server.server_port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/", root
    server.shutdown()
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1200, "height": 900}, locale="vi-VN")
    opened = context.new_page()
    opened.set_default_timeout(WAIT_MS)
    yield opened
    context.close()


def test_choose_a_workbook_see_findings_and_download_the_recalculated_one(site, page, tmp_path: Path) -> None:
    url, root = site
    page.goto(url)
    assert page.locator("h1").inner_text() == "Kiểm tra sổ kế hoạch trường đạt chuẩn quốc gia"
    page.set_input_files("#files", str(HBT))
    page.wait_for_selector("#summary")
    assert page.locator("#summary").inner_text() == "1 lỗi, 2 cảnh báo, 4 ghi chú"
    error = page.locator(".findings-section.sev-error .finding").first
    assert "Nhiệm vụ ghi 9 trường nhưng nêu 7 trường (Quý IV/2023)." in error.inner_text()
    assert "09 trường công nhận mới và công nhận lại Quý IV" in error.inner_text()
    assert "F24" in error.locator(".where").inner_text()
    warnings = page.locator(".findings-section.sev-warning").inner_text()
    assert "'TH Ngô Thị Nhâm' được hiểu là 'TH Ngô Thị Nhậm'" in warnings
    assert page.locator("#progress").is_hidden()
    assert "/r/" in page.url                                      # a reload shows the same result

    shot = Path(os.environ.get("CHUANQG_SCREENSHOT") or tmp_path / "findings.png")
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000

    with page.expect_download() as waiting:
        page.click("#download-recalc")
    download = waiting.value
    assert download.suggested_filename == "hai-ba-trung-2023 - đã tính lại.xlsx"
    saved = tmp_path / "da-tinh-lai.xlsx"
    download.save_as(saved)
    plan = read_plan(saved)
    assert plan.review_sheet == L.REVIEW_NAME and len(plan.schools) == 15
    review = [row for row in openpyxl.load_workbook(saved)[L.REVIEW_NAME].iter_rows(values_only=True)]
    assert any(row[0] == "X008" and row[3] == "F24" for row in review)
    assert list(root.iterdir()) == []


def test_a_refused_export_says_why_then_the_draft_downloads(site, page, tmp_path: Path) -> None:
    url, _ = site
    page.goto(url)
    page.set_input_files("#files", str(HBT))
    page.wait_for_selector("#summary")
    page.click("#download-appendices")
    message = page.locator("#download-appendices ~ .download-error")
    message.wait_for(state="visible")
    assert "sổ còn 1 lỗi" in message.inner_text()
    page.check("form:has(#download-appendices) input[name=force]")
    with page.expect_download() as waiting:
        page.click("#download-appendices")
    assert waiting.value.suggested_filename == "hai-ba-trung-2023 - phụ lục.xlsx"


def test_drop_a_file_on_the_page(site, page) -> None:
    url, _ = site
    page.goto(url)
    payload = base64.b64encode(HBT.read_bytes()).decode()
    page.evaluate("""([name, payload]) => {
        const bytes = Uint8Array.from(atob(payload), c => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name));
        document.getElementById("drop").dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true}));
    }""", ["hai-ba-trung-2023.xlsx", payload])
    page.wait_for_selector("#summary")
    assert page.locator("#summary").inner_text() == "1 lỗi, 2 cảnh báo, 4 ghi chú"


def test_english_switch_keeps_the_result(site, page) -> None:
    url, _ = site
    page.goto(url)
    page.set_input_files("#files", str(HBT))
    page.wait_for_selector("#summary")
    page.click("#lang-switch")
    page.wait_for_selector("text=Errors — must be fixed")
    assert page.locator("#summary").inner_text() == "1 error, 2 warnings, 4 notes"
    assert page.locator("h1").inner_text() == "Check a national-standard school plan"


@pytest.mark.parametrize("locale", ["en-US", "vi-VN"])
def test_the_progress_date_is_day_month_year_whatever_the_browsers_language(site, browser, locale: str) -> None:
    """An English browser's own date field asks for month/day/year: the page's asks for day/month/year in both
    languages, reads the date back in words as it is typed, and says what is wrong with a date it cannot use."""
    import datetime as dt

    url, _ = site
    lang = "en" if locale == "en-US" else "vi"
    context = browser.new_context(accept_downloads=True, viewport={"width": 1200, "height": 900}, locale=locale)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(f"{url}?lang={lang}")
    page.set_input_files("#files", str(HBT))
    field = page.locator("#as-of")
    assert field.input_value() == dt.date.today().strftime("%d/%m/%Y")
    field.fill("06/30/2023")                                      # month first, as an English user might
    read = page.locator("#as-of-read")
    expect(read).to_have_text({"en": "Not a date yet: write day/month/year, e.g. 30/06/2024.",
                               "vi": "Chưa đọc được ngày này: hãy ghi ngày/tháng/năm, ví dụ 30/06/2024."}[lang])
    page.click("#download-status")
    refused = page.locator("#download-status ~ .download-error")
    expect(refused).to_contain_text({"en": "there is no month 30", "vi": "không có tháng 30"}[lang])
    field.fill("30/06/2023")
    expect(read).to_have_text({"en": "That is: 30 June 2023", "vi": "Tức là: ngày 30 tháng 6 năm 2023"}[lang])
    with page.expect_download() as waiting:
        page.click("#download-status")
    assert waiting.value.suggested_filename == {"en": "hai-ba-trung-2023 - progress as of 30-06-2023.xlsx",
                                                "vi": "hai-ba-trung-2023 - tiến độ đến 30-06-2023.xlsx"}[lang]
    context.close()


def test_a_bad_file_gets_a_sentence(site, page, tmp_path: Path) -> None:
    url, _ = site
    bad = tmp_path / "danh sách.xlsx"
    bad.write_text("TT,Tên trường\n1,TH A\n", encoding="utf-8")
    page.goto(url)
    page.set_input_files("#files", str(bad))
    alert = page.locator(".alert")
    alert.wait_for()
    assert "Tệp 'danh sách.xlsx' không phải sổ Excel (đây là tệp văn bản/CSV)" in alert.inner_text()
    assert "Traceback" not in page.content()


def test_several_workbooks_give_the_consolidation(site, page) -> None:
    url, _ = site
    page.goto(url)
    page.set_input_files("#files", [str(SAMPLES / name) for name in
                                    ("hai-ba-trung-2023.xlsx", "kon-tum-2023.xlsx", "lai-chau-2024.xlsx")])
    page.wait_for_selector(".district")
    assert page.locator("#summary").inner_text() == "Đã đọc được 3/3 sổ"
    row = page.locator("details.district", has_text="hai-ba-trung-2023.xlsx")
    body = row.locator(".district-body")
    assert body.is_hidden()
    row.locator("summary").click()                                # its findings, one click away
    assert "Nhiệm vụ ghi 9 trường nhưng nêu 7 trường" in body.inner_text()
    with page.expect_download() as waiting:
        page.click("#download-consolidated")
    assert waiting.value.suggested_filename == "Tổng hợp kế hoạch 3 đơn vị.xlsx"


def test_a_consolidation_shows_files_read_then_writing(site, page, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bar measures: files read out of the total, then writing (each step slowed so the page sees it)."""
    import time

    from chuanqg_xl.web import actions

    real = actions.consolidate_uploads

    def slowed(uploads, folder, lang, progress=None):
        phases: list[str] = []

        def step(phase: str, done: int, total: int) -> None:
            progress(phase, done, total)
            if phase == "read" or phase not in phases:
                time.sleep(1.2)
            phases.append(phase)
        return real(uploads, folder, lang, progress=step)

    monkeypatch.setattr(actions, "consolidate_uploads", slowed)
    url, root = site
    page.goto(url)
    page.evaluate("""() => {
        window.seen = [];
        const progress = document.getElementById("progress");
        new MutationObserver(() => window.seen.push([progress.querySelector(".progress-text").textContent,
                                                     progress.querySelector(".bar span").style.width,
                                                     progress.classList.contains("indeterminate")]))
            .observe(progress, {subtree: true, childList: true, attributes: true, characterData: true});
    }""")
    page.set_input_files("#files", [str(SAMPLES / name) for name in
                                    ("hai-ba-trung-2023.xlsx", "kon-tum-2023.xlsx", "lai-chau-2024.xlsx")])
    page.wait_for_selector(".district")
    seen = page.evaluate("window.seen")
    steps = {}
    for message, width, indeterminate in seen:
        if message.startswith("Đang đọc các sổ") and not indeterminate:
            steps.setdefault(message, width)
    # Each step lasts a second and the page asks every 0.4 s: on a loaded machine a step may still slip by.
    done = [int(message.split("xong ")[1].split("/")[0]) for message in steps]
    assert len(done) >= 3 and done == sorted(done) and set(done) <= {0, 1, 2, 3}
    assert all(message.endswith("/3…") for message in steps)
    widths = [float(width.rstrip("%")) for width in steps.values()]
    assert widths == sorted(widths) and widths[-1] > 0 and widths[-1] < 100
    assert any(message.startswith("Đã đọc xong, đang ghi bảng tổng hợp") for message, _, _ in seen)
    assert page.locator("#progress").is_hidden()
    assert list(root.iterdir()) == []


def test_progress_is_shown_while_the_server_works(site, page) -> None:
    """The request is held back by the test: meanwhile the page says what it is doing, then the result replaces it."""
    url, _ = site
    held = []
    page.route("**/check?*", lambda route: held.append(route))
    page.goto(url)
    page.set_input_files("#files", str(HBT))
    page.wait_for_function("document.getElementById('progress') && !document.getElementById('progress').hidden")
    assert page.locator("#progress .progress-text").inner_text() in ("Đang gửi tệp…", "Đang kiểm tra sổ…")
    while not held:
        page.wait_for_timeout(50)
    held[0].continue_()
    page.wait_for_selector("#summary")
    assert page.locator("#progress").is_hidden()

    page.unroute("**/check?*")
    making = []
    page.route("**/d/*/status?*", lambda route: making.append(route))
    page.click("#download-status")
    while not making:
        page.wait_for_timeout(50)
    button = page.locator("#download-status")
    assert button.inner_text() == "Đang tạo tệp…" and button.is_disabled()
    with page.expect_download() as waiting:
        making[0].continue_()
    assert waiting.value.suggested_filename.startswith("hai-ba-trung-2023 - tiến độ đến ")
    expect(button).to_have_text("Tải báo cáo tiến độ")
    expect(button).to_be_enabled()


def test_a_word_plan_and_a_workbook_with_its_word_plan(site, page, tmp_path: Path) -> None:
    url, root = site
    docx = SAMPLES / "plans" / "hai-ba-trung-2023.docx"
    page.goto(url)
    page.set_input_files("#files", str(docx))
    page.wait_for_selector("#summary")
    assert page.locator("#summary").inner_text() == "1 lỗi, 2 cảnh báo, 3 ghi chú"
    error = page.locator(".findings-section.sev-error .finding").first
    assert "bảng 1, dòng 22" in error.locator(".where").inner_text()
    assert "09 trường" in error.inner_text()
    verified = page.locator("details.verified")
    verified.locator("summary").click()
    assert "07 = 03 + 04" in verified.inner_text()

    imported = page.locator("#imported")                          # the standard workbook made from the text
    assert "15 trường và 30 nhiệm vụ lấy từ văn bản" in imported.inner_text()
    assert "Văn bản không nêu mức độ đạt chuẩn của 15 trường" in imported.locator(".unmapped").inner_text()
    taken = imported.locator("details.mapped")
    assert not taken.locator("li").first.is_visible()
    taken.locator("summary").click()
    assert "đoạn 1 «Số: 38 /KH-UBND»: Số kế hoạch: 38/KH-UBND" in taken.inner_text()
    with page.expect_download() as waiting:
        page.click("#download-imported")
    assert waiting.value.suggested_filename == "hai-ba-trung-2023 - sổ Excel chuẩn.xlsx"
    saved = tmp_path / "so-chuan.xlsx"
    waiting.value.save_as(saved)
    assert len(read_plan(saved).schools) == 15

    page.set_input_files("#files", [str(HBT), str(docx)])
    page.wait_for_selector("text=Đối chiếu với kế hoạch Word: hai-ba-trung-2023.docx")
    assert page.locator("#summary").inner_text() == "1 lỗi, 4 cảnh báo, 4 ghi chú"
    both = page.locator(".finding", has_text="viết 'TH Ngô Thị Nhâm', sổ (PL1 dòng 14)").locator(".where")
    assert both.inner_text().split("\n") == ["SỔ EXCEL:", "PL1 - Danh sách trường", "B14", "VĂN BẢN WORD:",
                                             "bảng 1, dòng 26 «Tháng 10/2023 Mời phòng chuyên môn…»"]
    assert not page.locator("#imported").count()                  # a workbook is there: no workbook to make
    with page.expect_download() as waiting:
        page.click("#download-recalc")
    assert waiting.value.suggested_filename == "hai-ba-trung-2023 - đã tính lại.xlsx"
    assert list(root.iterdir()) == []
