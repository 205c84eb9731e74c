"""The command line's help texts and report lines."""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "help.main": {
        "vi": "chuanqg-xl — kiểm tra, tính lại và xuất phụ lục cho sổ Excel kế hoạch xây dựng trường đạt chuẩn "
              "quốc gia.\n\nVí dụ:\n\n\b\n    chuanqg-xl new --unit \"UBND quận Hai Bà Trưng\" --year 2023 -o plan.xlsx\n"
              "    chuanqg-xl check plan.xlsx\n    chuanqg-xl recalc plan.xlsx",
        "en": "chuanqg-xl — check, recalculate and export national-standard school plan workbooks.",
    },
    "help.new": {
        "vi": "Tạo sổ kế hoạch chuẩn mới (trống) với thông tin kế hoạch đã điền.\n\nVí dụ:\n\n\b\n"
              "    chuanqg-xl new --unit \"UBND quận Hai Bà Trưng\" --year 2023 -o plan.xlsx",
        "en": "Create a new standard workbook with the plan's metadata.",
    },
    "help.check": {
        "vi": "Đọc và kiểm tra sổ kế hoạch, hoặc chính văn bản kế hoạch Word (.docx/.doc); không thay đổi gì "
              "trong tệp. Mã thoát: 0 không có lỗi, 1 có lỗi, 2 tệp không dùng được.\n\nVí dụ:\n\n\b\n"
              "    chuanqg-xl check plan.xlsx\n"
              "    chuanqg-xl check plan.xlsx --format json --as-of 2023-06-30\n"
              "    chuanqg-xl check ke-hoach.docx\n"
              "    chuanqg-xl check plan.xlsx --plan ke-hoach.docx",
        "en": "Read and check a workbook, or the Word plan itself (.docx/.doc); changes nothing. Exit 0 no errors, "
              "1 errors, 2 unusable input.",
    },
    "help.recalc": {
        "vi": "Tính lại mọi ô tổng (ghi công thức kèm kết quả), đánh dấu các ô có vấn đề và lập trang 'Kiểm tra'. "
              "Ghi đè tệp (giữ bản sao lưu .bak.xlsx) trừ khi dùng -o.\n\nVí dụ:\n\n\b\n"
              "    chuanqg-xl recalc plan.xlsx\n    chuanqg-xl recalc plan.xlsx -o plan-da-tinh.xlsx",
        "en": "Recalculate every derived cell, mark findings and write a 'Kiểm tra' sheet.",
    },
    "help.rules": {
        "vi": "Liệt kê các quy tắc kiểm tra (mã, tên, mức độ).\n\nVí dụ:\n\n\b\n    chuanqg-xl rules\n"
              "    chuanqg-xl rules --format markdown > docs/rules.md",
        "en": "List the rule catalogue.",
    },
    "opt.format": {"vi": "Định dạng kết quả.", "en": "Output format."},
    "opt.as_of": {"vi": "Ngày kiểm tra tiến độ (ngày/tháng/năm, như 30/06/2023, hoặc 2023-06-30): báo nhiệm vụ "
                        "quá hạn.",
                  "en": "Progress date (day/month/year, as 30/06/2023, or 2023-06-30): report overdue tasks."},
    "opt.lang": {"vi": "Ngôn ngữ thông báo (vi: tiếng Việt, en: tiếng Anh).", "en": "Message language."},
    "opt.output": {"vi": "Tệp kết quả.", "en": "Output file."},
    "opt.no_backup": {"vi": "Không giữ bản sao lưu tệp cũ.", "en": "Do not keep a backup of the old file."},
    "opt.force": {"vi": "Ghi đè tệp đã có.", "en": "Overwrite an existing file."},
    "opt.verbose": {"vi": "In chi tiết lỗi kỹ thuật (traceback) khi có sự cố.", "en": "Show tracebacks."},
    "opt.unit": {"vi": "Đơn vị ban hành, ví dụ \"UBND quận Hai Bà Trưng\".", "en": "Issuing unit."},
    "opt.year": {"vi": "Năm kế hoạch.", "en": "Plan year."},
    "opt.province": {"vi": "Tỉnh/Thành phố.", "en": "Province."},
    "opt.number": {"vi": "Số kế hoạch, ví dụ 38/KH-UBND.", "en": "Plan number."},
    "cli.unexpected": {
        "vi": "Lỗi không mong đợi khi xử lý '{path}': {detail}. Tệp gốc không bị thay đổi. Chạy lại với -v để xem "
              "chi tiết và gửi cho nhóm phát triển.",
        "en": "Unexpected error while processing '{path}': {detail}. The original is untouched. Rerun with -v.",
    },
    "cli.new_done": {"vi": "Đã tạo sổ kế hoạch chuẩn: {path}", "en": "Created the standard workbook: {path}"},
    "cli.recalc_written": {
        "vi": "Đã tính lại {written} ô tự tính; {changed} ô thay đổi giá trị hoặc công thức.",
        "en": "Recalculated {written} derived cell(s); {changed} changed value or formula.",
    },
    "cli.recalc_fixed": {
        "vi": "Trước khi tính lại có {count} vấn đề ở các ô tổng (nay đã sửa):",
        "en": "Before recalculation {count} problem(s) in derived cells (now fixed):",
    },
    "cli.recalc_remaining": {"vi": "Các vấn đề còn lại cần người sửa:", "en": "Problems left for a person to fix:"},
    "cli.recalc_to_new": {
        "vi": "Tệp gốc '{source}' là định dạng chỉ đọc; kết quả được ghi ra tệp .xlsx mới.",
        "en": "'{source}' is a read-only format; the result was written to a new .xlsx file.",
    },
    "cli.rules_header": {"vi": "Mã    Mức        Tên quy tắc — Mô tả", "en": "Code  Severity   Rule — Title"},
}
