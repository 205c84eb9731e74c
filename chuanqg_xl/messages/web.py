"""The page in the browser (`chuanqg-xl serve`): its words, its refusals, and the command's lines."""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ the command
    "web.help.serve": {
        "vi": "Mở trang kiểm tra sổ kế hoạch trong trình duyệt (chạy trên máy này, không cần internet). Thả sổ "
              "Excel vào trang để kiểm tra, tải sổ đã tính lại, phụ lục, báo cáo tiến độ; thả nhiều sổ để tổng hợp. "
              "Nhấn Ctrl+C để dừng.\n\nVí dụ:\n\n\b\n    chuanqg-xl serve\n"
              "    chuanqg-xl serve --port 9000 --no-browser",
        "en": "Open the checking page in the browser (runs on this machine, no internet needed). Ctrl+C stops it.",
    },
    "web.opt.host": {
        "vi": "Địa chỉ phục vụ. Mặc định chỉ máy này truy cập được (127.0.0.1); địa chỉ khác cho máy khác trong mạng "
              "vào được — chỉ dùng khi thật cần.",
        "en": "Address to serve on. By default only this machine can reach it (127.0.0.1).",
    },
    "web.opt.port": {"vi": "Cổng (0: chọn cổng còn trống).", "en": "Port (0: any free port)."},
    "web.opt.no_browser": {"vi": "Không tự mở trình duyệt.", "en": "Do not open the browser."},
    "web.serve.running": {
        "vi": "Trang kiểm tra sổ kế hoạch đang chạy tại {address}\nMở địa chỉ này trong trình duyệt nếu trang chưa "
              "tự mở.",
        "en": "The checking page is running at {address}\nOpen this address in your browser if it did not open.",
    },
    "web.serve.stop": {
        "vi": "Nhấn Ctrl+C trong cửa sổ này để dừng (đóng trình duyệt không dừng trang).",
        "en": "Press Ctrl+C in this window to stop (closing the browser does not stop it).",
    },
    "web.serve.stopped": {"vi": "Đã dừng trang kiểm tra.", "en": "Stopped."},
    "web.serve.exposed": {
        "vi": "CẢNH BÁO: trang đang mở cho địa chỉ {host}, không chỉ máy này. Máy khác trong cùng mạng có thể mở "
              "trang và gửi tệp vào máy anh/chị. Chỉ dùng khi thật cần; để chỉ máy này dùng, chạy lại không có --host.",
        "en": "WARNING: the page is served on {host}, not only to this machine. Other computers on the network can "
              "open it and send files to this machine. Run without --host to keep it to this machine.",
    },
    "web.error.port_busy": {
        "vi": "Không mở được trang tại {host}:{port} ({detail}). Có thể cổng này đang được chương trình khác (hoặc "
              "một trang kiểm tra khác) dùng; hãy chọn cổng khác, ví dụ: chuanqg-xl serve --port 8766",
        "en": "Cannot serve on {host}:{port} ({detail}). The port may be in use; choose another, e.g. "
              "chuanqg-xl serve --port 8766",
    },

    # ------------------------------------------------------------ the page
    "web.page.title": {"vi": "Kiểm tra sổ kế hoạch trường chuẩn quốc gia", "en": "Check a national-standard "
                                                                                  "school plan"},
    "web.page.heading": {"vi": "Kiểm tra sổ kế hoạch trường đạt chuẩn quốc gia",
                         "en": "Check a national-standard school plan"},
    "web.page.switch": {"vi": "English", "en": "Tiếng Việt"},
    "web.page.drop": {"vi": "Kéo thả sổ kế hoạch Excel hoặc văn bản kế hoạch Word vào đây",
                      "en": "Drop the plan's workbook or its Word document here"},
    "web.page.or": {"vi": "hoặc", "en": "or"},
    "web.page.choose": {"vi": "Chọn tệp trên máy…", "en": "Choose a file…"},
    "web.page.submit": {"vi": "Kiểm tra", "en": "Check"},
    "web.page.help": {
        "vi": "Sổ Excel (.xlsx, .xlsm, .xls, .ods) hoặc kế hoạch Word (.docx, .doc): kiểm tra ngay khi chọn. Chọn "
              "cùng lúc sổ Excel và văn bản Word của một kế hoạch để đối chiếu hai bản; chọn nhiều sổ của các huyện "
              "để tổng hợp. Mỗi tệp tối đa {limit} MB, mỗi lần tối đa {count} tệp.",
        "en": "Workbooks (.xlsx, .xlsm, .xls, .ods) and Word plans (.docx, .doc) are checked as soon as they are "
              "chosen. Choose a plan's workbook and its Word document together to hold one against the other; "
              "several districts' workbooks to consolidate them. At most {limit} MB a file and {count} files at a "
              "time.",
    },
    "web.page.privacy": {
        "vi": "Tệp chỉ được xử lý trên máy này, không gửi lên internet. Bản tạm trên đĩa được xoá ngay sau khi kiểm "
              "tra; bản giữ trong bộ nhớ để tải kết quả về được bỏ sau {minutes} phút không dùng. Tệp gốc của "
              "anh/chị không bị thay đổi.",
        "en": "Files are processed on this computer only, never sent to the internet. Temporary copies on disk are "
              "deleted right after the check; the copy kept in memory for downloads is dropped after {minutes} minutes "
              "unused. Your original file is not changed.",
    },
    "web.page.footer": {
        "vi": "chuanqg-xl {version} · chạy trên máy này, không cần internet · dừng bằng Ctrl+C trong cửa sổ dòng lệnh",
        "en": "chuanqg-xl {version} · runs on this computer, no internet needed · stop with Ctrl+C in its window",
    },

    # ------------------------------------------------------------ results
    "web.count.error": {"vi": "{count} lỗi", "en": "{count} error{s}"},
    "web.count.warning": {"vi": "{count} cảnh báo", "en": "{count} warning{s}"},
    "web.count.info": {"vi": "{count} ghi chú", "en": "{count} note{s}"},
    "web.no_findings": {"vi": "Không phát hiện vấn đề nào", "en": "No problems found"},
    "web.result.year": {"vi": "Kế hoạch năm {year}", "en": "Plan year {year}"},
    "web.result.pair": {"vi": "Đối chiếu với kế hoạch Word: {name}", "en": "Held against the Word plan: {name}"},
    "web.result.document": {
        "vi": "Kế hoạch Word: đã kiểm tra chính văn bản. Chưa có sổ Excel của kế hoạch? Tải sổ Excel chuẩn lập từ "
              "văn bản này ở dưới. Đã có sổ? Thả cùng lúc sổ Excel và văn bản Word để đối chiếu hai bản.",
        "en": "A Word plan: its text was checked. No workbook for this plan yet? Download the standard workbook made "
              "from it below. Have one? Drop the workbook and the Word plan together to hold one against the other.",
    },
    "web.imported.title": {"vi": "Sổ Excel chuẩn lập từ kế hoạch Word",
                           "en": "Standard workbook made from the Word plan"},
    "web.imported.explain": {
        "vi": "Sổ theo mẫu chuẩn: {schools} trường và {tasks} nhiệm vụ lấy từ văn bản, các tổng là công thức.",
        "en": "A workbook in the standard layout: {schools} schools and {tasks} tasks taken from the text, the "
              "totals as formulas.",
    },
    "web.imported.next": {
        "vi": "Mở sổ bằng Excel, bổ sung những mục văn bản không nêu (danh sách bên dưới), rồi thả sổ vào đây cùng "
              "văn bản Word để kiểm tra và đối chiếu hai bản.",
        "en": "Open it in Excel, add what the text does not say (listed below), then drop it here with the Word plan "
              "to check it and hold the two against each other.",
    },
    "web.imported.contradictions": {
        "vi": "Văn bản tự mâu thuẫn ở {count} chỗ (các lỗi, cảnh báo bên dưới): sổ giữ đúng con số như văn bản, nên "
              "khi kiểm tra sổ sẽ báo lại để anh/chị quyết định.",
        "en": "The text contradicts itself in {count} place(s) (the errors and warnings below): the workbook keeps the "
              "figures as written, so checking it reports them again for you to decide.",
    },
    "web.imported.unmapped": {"vi": "Văn bản không nêu, cần anh/chị bổ sung vào sổ ({count})",
                              "en": "Not in the text: for you to add to the workbook ({count})"},
    "web.imported.mapped": {"vi": "Đã lấy từ văn bản: ở đâu, được gì ({count})",
                            "en": "Taken from the text: where, and what ({count})"},
    "web.verified.title": {
        "vi": "Các câu trong kế hoạch Word đã đối chiếu và khớp ({count})",
        "en": "Statements of the Word plan checked and found right ({count})",
    },
    "web.findings.title": {"vi": "Các vấn đề tìm thấy", "en": "Findings"},
    "web.findings.section.error": {"vi": "Lỗi — cần sửa", "en": "Errors — must be fixed"},
    "web.findings.section.warning": {"vi": "Cảnh báo — nên xem lại", "en": "Warnings — worth a look"},
    "web.findings.section.info": {"vi": "Ghi chú", "en": "Notes"},
    "web.findings.none": {
        "vi": "Không phát hiện vấn đề nào: các số liệu khớp nhau.",
        "en": "No problems found: the figures agree.",
    },
    "web.findings.whole_file": {"vi": "Cả tệp", "en": "Whole file"},
    "web.findings.in_workbook": {"vi": "Sổ Excel:", "en": "Workbook:"},
    "web.findings.in_word": {"vi": "Văn bản Word:", "en": "Word plan:"},
    "web.findings.row": {"vi": "Dòng này:", "en": "This row:"},
    "web.findings.hint": {"vi": "Cách sửa:", "en": "What to do:"},
    "web.findings.consequences": {
        "vi": "Do vấn đề này nên có thêm {count} vấn đề sau:",
        "en": "Caused by this, {count} more:",
    },
    "web.figures.title": {
        "vi": "Số liệu: kế hoạch nêu và tính từ các bảng (Tổng hợp)",
        "en": "Figures: what the plan states and what its tables give (Tổng hợp)",
    },
    "web.figures.explain": {
        "vi": "Ô tô đỏ là chỗ số kế hoạch nêu khác số tính từ danh sách và các phụ lục.",
        "en": "Red cells are figures the plan states that differ from what its list and appendices give.",
    },
    "web.figures.figure": {"vi": "Chỉ số", "en": "Figure"},
    "web.figures.unit": {"vi": "ĐVT", "en": "Unit"},
    "web.figures.stated": {"vi": "Kế hoạch nêu", "en": "Stated"},
    "web.figures.computed": {"vi": "Tính từ các bảng", "en": "Computed"},
    "web.figures.differs": {"vi": "Hai số khác nhau", "en": "The two differ"},
    "web.figures.targets": {"vi": "Chỉ tiêu theo cấp học", "en": "Targets by school level"},
    "web.figures.level": {"vi": "Cấp học", "en": "Level"},
    "web.figures.assigned": {"vi": "Chỉ tiêu giao", "en": "Assigned"},
    "web.figures.planned": {"vi": "Kế hoạch", "en": "Planned"},
    "web.unit.schools": {"vi": "trường", "en": "schools"},
    "web.unit.million": {"vi": "triệu đồng", "en": "million VND"},
    "web.unit.dong": {"vi": "đồng", "en": "VND"},
    "web.figures.kind.new": {"vi": "Công nhận mới", "en": "Newly recognised"},
    "web.figures.kind.renew": {"vi": "Công nhận lại", "en": "Re-recognised"},
    "web.figures.kind.renew_upgrade": {"vi": "Công nhận lại, nâng mức độ", "en": "Re-recognised or raised"},
    "web.figures.kind.upgrade": {"vi": "Nâng mức độ", "en": "Raised to level 2"},
    "web.figures.kind.total": {"vi": "Tổng số", "en": "Total"},
    "web.figures.total_row": {"vi": "Tổng cộng", "en": "Total"},
    "web.figures.batches": {"vi": "Số trường theo đợt, quý", "en": "Schools per batch or quarter"},
    "web.figures.batch": {"vi": "Đợt/Quý", "en": "Batch/quarter"},

    # ------------------------------------------------------------ downloads
    "web.downloads.title": {"vi": "Tải về", "en": "Downloads"},
    "web.downloads.recalc": {"vi": "Tải sổ đã tính lại", "en": "Recalculated workbook"},
    "web.downloads.recalc_explain": {
        "vi": "Mọi ô tổng được tính lại bằng công thức; ô có vấn đề được tô màu, có ghi chú, và trang 'Kiểm tra' "
              "liệt kê tất cả. Mở bằng Excel, sửa, rồi thả lại vào đây.",
        "en": "Every total recalculated as a formula; problem cells coloured with a note, and a 'Kiểm tra' sheet "
              "listing them all.",
    },
    "web.downloads.appendices": {"vi": "Tải phụ lục (.xlsx)", "en": "Appendices (.xlsx)"},
    "web.downloads.appendices_explain": {
        "vi": "Các phụ lục đúng thể thức Nghị định 30/2020/NĐ-CP để đính kèm kế hoạch trình ký.",
        "en": "The appendices in the Decree 30/2020 format, to attach to the plan for signature.",
    },
    "web.downloads.force": {
        "vi": "Xuất dù sổ còn lỗi (bản nháp)",
        "en": "Export although errors remain (draft)",
    },
    "web.downloads.force_hint": {
        "vi": "Trên trang này: đánh dấu ô 'Xuất dù sổ còn lỗi' dưới nút tải rồi bấm lại.",
        "en": "On this page: tick 'Export although errors remain' under the button and click again.",
    },
    "web.downloads.pdf": {"vi": "Tải phụ lục (PDF)", "en": "Appendices (PDF)"},
    "web.downloads.pdf_explain": {
        "vi": "Bản PDF để in, do LibreOffice trên máy này tạo (có thể mất vài chục giây).",
        "en": "A PDF for printing, made by LibreOffice on this computer (may take a few tens of seconds).",
    },
    "web.downloads.no_soffice": {
        "vi": "Máy này chưa cài LibreOffice nên chưa xuất được PDF. Cài LibreOffice (miễn phí) rồi mở lại trang; "
              "hoặc tải phụ lục .xlsx và lưu thành PDF bằng Excel.",
        "en": "LibreOffice is not installed on this computer, so no PDF can be made. Install it and reload, or save "
              "the .xlsx appendices as PDF from Excel.",
    },
    "web.downloads.as_of": {"vi": "Tiến độ đến ngày (ngày/tháng/năm)", "en": "Progress as of (day/month/year)"},
    "web.date.placeholder": {"vi": "ngày/tháng/năm", "en": "dd/mm/yyyy"},
    "web.date.format": {"vi": "Ghi ngày trước, rồi tháng, rồi năm, ví dụ 30/06/2024.",
                        "en": "Day first, then month, then year, e.g. 30/06/2024."},
    "web.downloads.status": {"vi": "Tải báo cáo tiến độ", "en": "Progress report"},
    "web.downloads.status_explain": {
        "vi": "Nhiệm vụ đã xong, đang làm, quá hạn (số ngày trễ), sắp đến hạn, theo đơn vị chủ trì.",
        "en": "Tasks done, in progress, overdue (days late), due soon, per lead unit.",
    },
    "web.downloads.consolidated": {"vi": "Tải bảng tổng hợp (.xlsx)", "en": "Consolidated workbook (.xlsx)"},
    "web.downloads.consolidated_explain": {
        "vi": "Một dòng mỗi huyện, danh sách trường và tiến độ gộp, và trang các vấn đề cần xem.",
        "en": "One row per district, the combined school list and timeline, and a sheet of problems to look at.",
    },
    "web.downloads.not_kept": {
        "vi": "Các tệp quá lớn để giữ lại cho việc tải về; hãy chọn ít tệp hơn mỗi lần.",
        "en": "The files are too large to keep for downloads; choose fewer at a time.",
    },
    "web.file.recalc": {"vi": "{stem} - đã tính lại", "en": "{stem} - recalculated"},
    "web.file.appendices": {"vi": "{stem} - phụ lục", "en": "{stem} - appendices"},
    "web.file.status": {"vi": "{stem} - tiến độ đến {date}", "en": "{stem} - progress as of {date}"},
    "web.downloads.imported": {"vi": "Tải sổ Excel chuẩn (.xlsx)", "en": "Standard workbook (.xlsx)"},
    "web.file.imported": {"vi": "{stem} - sổ Excel chuẩn", "en": "{stem} - standard workbook"},
    "web.file.consolidated": {"vi": "Tổng hợp kế hoạch {count} đơn vị", "en": "Consolidation of {count} plans"},

    # ------------------------------------------------------------ the province
    "web.province.title": {"vi": "Tổng hợp {count} sổ kế hoạch", "en": "Consolidation of {count} workbooks"},
    "web.province.summary": {"vi": "Đã đọc được {read}/{total} sổ", "en": "{read} of {total} workbooks read"},
    "web.province.districts": {
        "vi": "Các đơn vị (bấm vào một dòng để xem các vấn đề của sổ đó)",
        "en": "Districts (click a row to see that workbook's findings)",
    },
    "web.province.col.stt": {"vi": "STT", "en": "No."},
    "web.province.col.unit": {"vi": "Đơn vị", "en": "Unit"},
    "web.province.col.file": {"vi": "Tệp", "en": "File"},
    "web.province.col.year": {"vi": "Năm", "en": "Year"},
    "web.province.col.schools": {"vi": "Số trường", "en": "Schools"},
    "web.province.col.check": {"vi": "Kết quả kiểm tra", "en": "Check"},
    "web.province.no_unit": {"vi": "(chưa ghi đơn vị)", "en": "(no unit)"},
    "web.province.open": {"vi": "xem ▸", "en": "open ▸"},
    "web.province.unreadable": {"vi": "Sổ không đọc được", "en": "Workbooks that could not be read"},
    "web.province.error_findings": {
        "vi": "{file} ({unit}): kế hoạch còn {count} lỗi; vẫn được tổng hợp nhưng số liệu có thể chưa đúng. Bấm vào "
              "dòng {number} ở bảng trên để xem.",
        "en": "{file} ({unit}): the plan has {count} error(s); consolidated anyway, but its figures may be wrong. "
              "Click row {number} above to see them.",
    },
    "web.province.problems": {"vi": "Cần xem giữa các đơn vị", "en": "Across districts"},

    # ------------------------------------------------------------ refusals
    "web.error.title": {"vi": "Không xử lý được", "en": "Could not be processed"},
    "web.error.no_file": {"vi": "Chưa chọn tệp nào. Hãy chọn hoặc kéo thả một sổ Excel.",
                          "en": "No file chosen. Choose or drop a workbook."},
    "web.error.file_too_large": {
        "vi": "Tệp '{name}' lớn hơn {limit} MB, quá giới hạn của trang. Sổ kế hoạch thường chỉ vài trăm KB; hãy "
              "kiểm tra lại tệp (có thể có ảnh rất lớn), hoặc dùng lệnh: chuanqg-xl check \"{name}\"",
        "en": "File '{name}' is larger than {limit} MB, the page's limit. Check the file, or use the command line.",
    },
    "web.error.too_many_files": {
        "vi": "Mỗi lần chỉ chọn được tối đa {count} tệp.",
        "en": "At most {count} files at a time.",
    },
    "web.error.request_too_large": {
        "vi": "Các tệp gửi lên quá lớn: tối đa {limit} MB mỗi tệp và {total} MB mỗi lần. Hãy chọn ít tệp hơn.",
        "en": "Too much at once: at most {limit} MB a file and {total} MB in all. Choose fewer files.",
    },
    "web.error.wrong_host": {
        "vi": "Từ chối yêu cầu gửi tới địa chỉ '{host}': trang kiểm tra chỉ trả lời tại {address}. Hãy mở đúng "
              "địa chỉ đó.",
        "en": "Refused a request for '{host}': the page only answers at {address}. Open that address.",
    },
    "web.error.cross_site": {
        "vi": "Từ chối yêu cầu đến từ một trang web khác. Hãy dùng chính trang kiểm tra tại địa chỉ đã in trong "
              "cửa sổ dòng lệnh.",
        "en": "Refused a request that came from another web site. Use the checking page itself.",
    },
    "web.error.stale_page": {
        "vi": "Trang này đã cũ (trang kiểm tra vừa được khởi động lại). Hãy tải lại trang (F5) rồi chọn tệp lần nữa.",
        "en": "This page is out of date (the server was restarted). Reload the page (F5) and choose the file again.",
    },
    "web.error.expired": {
        "vi": "Kết quả này không còn được giữ (quá {minutes} phút không dùng, hoặc trang đã khởi động lại). Hãy "
              "chọn lại tệp.",
        "en": "This result is no longer kept (unused for {minutes} minutes, or the server restarted). Choose the "
              "file again.",
    },
    "web.error.not_found": {"vi": "Không có trang này. Hãy quay về trang chính.",
                            "en": "No such page. Go back to the main page."},
    "web.error.bad_request": {"vi": "Yêu cầu không hợp lệ. Hãy tải lại trang rồi thử lại.",
                              "en": "Invalid request. Reload the page and try again."},
    "web.error.busy": {
        "vi": "Đang có {count} lần tổng hợp chưa xong. Hãy chờ một lần xong rồi chọn lại các tệp.",
        "en": "{count} consolidations are still under way. Wait for one to finish, then choose the files again.",
    },
    "web.error.job_gone": {
        "vi": "Không còn theo dõi được lần tổng hợp này (trang kiểm tra đã khởi động lại, hoặc đã quá lâu). Hãy "
              "chọn lại các tệp.",
        "en": "This consolidation can no longer be followed (the server restarted, or it was too long ago). Choose "
              "the files again.",
    },
    "web.error.no_such_download": {"vi": "Kết quả này không có tệp đó để tải.",
                                   "en": "This result has no such download."},
    "web.error.unexpected": {
        "vi": "Lỗi không mong đợi ({detail}). Tệp gốc không bị thay đổi. Hãy thử lại; nếu vẫn lỗi, chạy lệnh "
              "chuanqg-xl check -v với tệp này và gửi kết quả cho nhóm phát triển.",
        "en": "Unexpected error ({detail}). The original is untouched. Try again; if it persists, run "
              "chuanqg-xl -v check on the file and send the output to the developers.",
    },

    # ------------------------------------------------------------ the page's script
    "web.js.sending": {"vi": "Đang gửi tệp…", "en": "Sending…"},
    "web.js.checking": {"vi": "Đang kiểm tra sổ…", "en": "Checking…"},
    "web.js.checking_many": {"vi": "Đang đọc và tổng hợp {{count}} sổ… việc này có thể mất một lúc.",
                             "en": "Reading and consolidating {{count}} workbooks… this may take a while."},
    "web.job.queued": {"vi": "Đang chờ lượt: một việc kiểm tra khác đang chạy…",
                       "en": "Waiting for its turn: another check is running…"},
    "web.job.read": {"vi": "Đang đọc các sổ: xong {done}/{total}…", "en": "Reading the workbooks: {done} of {total} "
                                                                           "done…"},
    "web.job.write": {"vi": "Đã đọc xong, đang ghi bảng tổng hợp ({percent} %)…",
                      "en": "All read; writing the consolidated workbook ({percent} %)…"},
    "web.job.finish": {"vi": "Đang chuẩn bị kết quả…", "en": "Preparing the result…"},
    "web.js.making": {"vi": "Đang tạo tệp…", "en": "Making the file…"},
    "web.js.too_large": {
        "vi": "Tệp '{{name}}' lớn hơn {limit} MB, quá giới hạn của trang.",
        "en": "File '{{name}}' is larger than {limit} MB, the page's limit.",
    },
    "web.js.too_many": {"vi": "Mỗi lần chỉ chọn được tối đa {count} tệp.", "en": "At most {count} files at a time."},
    "web.js.failed": {
        "vi": "Không nhận được kết quả từ trang kiểm tra. Cửa sổ dòng lệnh chạy trang còn mở không? Hãy tải lại "
              "trang rồi thử lại.",
        "en": "No answer from the checking page. Is its command window still open? Reload and try again.",
    },
    "web.js.no_file": {"vi": "Chưa chọn tệp nào.", "en": "No file chosen."},
    "web.js.date_read": {"vi": "Tức là: ngày {{day}} tháng {{month}} năm {{year}}",
                         "en": "That is: {{day}} {{month_name}} {{year}}"},
    "web.js.date_unread": {"vi": "Chưa đọc được ngày này: hãy ghi ngày/tháng/năm, ví dụ 30/06/2024.",
                           "en": "Not a date yet: write day/month/year, e.g. 30/06/2024."},
    "web.js.months": {"vi": "1,2,3,4,5,6,7,8,9,10,11,12",
                      "en": "January,February,March,April,May,June,July,August,September,October,November,"
                            "December"},
}


# The workbook's Tổng hợp labels in English, for the English page. The Vietnamese page shows the workbook's own
# words; the "vi" of each entry is layout.FIGURES' label itself, so the two cannot drift apart.
_FIGURES_EN = {
    "planned_total": "Schools in the year's plan",
    "year_end": "Schools meeting the standard at year end",
    "rate": "Share meeting the standard at year end",
    "level2_year_end": "Level 2 schools at year end",
    "funded_new": "Funded schools, newly recognised (PL2)",
    "funded_renew": "Funded schools, re-recognised (PL3)",
    "budget_new": "Budget, newly recognised (PL2)",
    "budget_renew": "Budget, re-recognised and raised (PL3)",
    "budget_total": "Total budget",
    "source_province": "of which: provincial budget",
    "source_district": "of which: district budget",
    "source_commune": "of which: commune budget",
    "source_social": "of which: donations (xã hội hóa)",
    "source_other": "of which: other sources",
}


def _figure_words() -> dict[str, dict[str, str]]:
    from ..layout import FIGURES

    labels = {figure.key: figure.label for figure in FIGURES}
    return {f"web.figure.{key}": {"vi": labels[key], "en": english} for key, english in _FIGURES_EN.items()}


MESSAGES.update(_figure_words())
