"""Texts of `export`: the command's help and messages, and the words printed on the appendices.

The appendices are Vietnamese administrative documents, so the `export.doc.*`
and `export.sheet.*` texts are always used in Vietnamese; their English
entries only say what each one is.
"""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ command line
    "export.help": {
        "vi": "Xuất các phụ lục để đính kèm kế hoạch đã ký: một sổ Excel sạch (mỗi phụ lục một trang tính, đúng "
              "thể thức Nghị định 30/2020/NĐ-CP, số liệu đã tính lại, không có cột phụ, không có trang 'Kiểm tra'), "
              "kèm PDF, CSV, JSON nếu muốn. Tệp nguồn không bị thay đổi. Không xuất khi sổ còn lỗi, trừ khi dùng "
              "--force. Mã thoát: 0 đã xuất, 1 đã xuất dù còn lỗi (--force), 2 không xuất được.\n\nVí dụ:\n\n\b\n"
              "    chuanqg-xl export plan.xlsx -o phu-luc.xlsx\n"
              "    chuanqg-xl export plan.xlsx -o phu-luc.xlsx --only pl2,pl3 --pdf\n"
              "    chuanqg-xl export plan.xlsx -o phu-luc.xlsx --csv bang-csv --json phu-luc.json",
        "en": "Export the appendices to attach to the signed plan: a clean workbook (one sheet per appendix, "
              "Decree 30/2020 format, recalculated values), optionally PDF, CSV and JSON. The source is not changed. "
              "Refuses while error findings remain unless --force. Exit 0 exported, 1 exported with errors "
              "(--force), 2 not exported.",
    },
    "export.opt.output": {"vi": "Tệp Excel kết quả (.xlsx); ghi đè nếu đã có.",
                          "en": "Output workbook (.xlsx); replaced if it exists."},
    "export.opt.only": {
        "vi": "Chỉ xuất các phụ lục này, cách nhau bằng dấu phẩy: pl1, pl2, pl3, tien-do, tong-hop. Mặc định: mọi "
              "phụ lục có số liệu.",
        "en": "Export only these appendices, comma-separated: pl1, pl2, pl3, tien-do, tong-hop. Default: every "
              "appendix that has data.",
    },
    "export.opt.force": {"vi": "Vẫn xuất dù sổ còn lỗi (các lỗi được in ra để sửa sau).",
                         "en": "Export even though error findings remain (they are printed)."},
    "export.opt.pdf": {"vi": "Tạo thêm tệp PDF cùng tên bằng LibreOffice (cần cài LibreOffice).",
                       "en": "Also render a PDF of the same name with LibreOffice."},
    "export.opt.csv": {"vi": "Ghi thêm mỗi bảng một tệp CSV (UTF-8) vào thư mục này, cho hệ thống dữ liệu.",
                       "en": "Also write one CSV file (UTF-8) per table into this folder."},
    "export.opt.json": {"vi": "Ghi thêm toàn bộ các bảng vào một tệp JSON.",
                        "en": "Also write every table into one JSON file."},
    "export.done": {"vi": "Đã xuất {count} trang tính vào {path}: {sheets}.",
                    "en": "Exported {count} sheet(s) to {path}: {sheets}."},
    "export.skipped": {"vi": "Không xuất {names}: không có số liệu.", "en": "Not exported (no data): {names}."},
    "export.pdf_done": {"vi": "Đã tạo PDF: {path}", "en": "PDF written: {path}"},
    "export.csv_done": {"vi": "Đã ghi {count} tệp CSV vào {path}", "en": "Wrote {count} CSV file(s) to {path}"},
    "export.json_done": {"vi": "Đã ghi JSON: {path}", "en": "JSON written: {path}"},
    "export.forced": {
        "vi": "CẢNH BÁO: đã xuất dù sổ còn {count} lỗi (--force). Các phụ lục có thể sai; hãy sửa những lỗi sau "
              "trước khi nộp:",
        "en": "WARNING: exported although {count} error(s) remain (--force). The appendices may be wrong; fix "
              "these before submitting:",
    },
    "export.other_findings": {
        "vi": "Tệp còn {count} cảnh báo/ghi chú (không chặn việc xuất); xem bằng: chuanqg-xl check \"{path}\"",
        "en": "{count} warning(s)/note(s) remain (not blocking); see: chuanqg-xl check \"{path}\"",
    },
    # ------------------------------------------------------------ refusals (PlanError)
    "export.refused": {
        "vi": "Không xuất phụ lục từ '{path}': sổ còn {count} lỗi phải sửa trước:\n{lines}\nHãy sửa các lỗi này "
              "trong sổ (xem đầy đủ: chuanqg-xl check \"{path}\"), hoặc thêm --force để vẫn xuất (phụ lục có thể sai).",
        "en": "Not exporting '{path}': {count} error(s) must be fixed first:\n{lines}\nFix them in the workbook "
              "(full list: chuanqg-xl check \"{path}\"), or add --force to export anyway (the appendices may be "
              "wrong).",
    },
    "export.more_errors": {"vi": "  … và {count} lỗi khác", "en": "  … and {count} more"},
    "export.unknown_part": {
        "vi": "Không có phụ lục '{name}'. Chọn trong: {choices} (cách nhau bằng dấu phẩy).",
        "en": "There is no appendix '{name}'. Choose from: {choices} (comma-separated).",
    },
    "export.no_part": {"vi": "Chưa chọn phụ lục nào để xuất. Chọn trong: {choices}.",
                       "en": "No appendix chosen. Choose from: {choices}."},
    "export.nothing": {
        "vi": "Tệp '{path}' chưa có số liệu nào để xuất (danh sách trường, kinh phí, tiến độ đều trống).",
        "en": "'{path}' has nothing to export (school list, budgets and timeline are all empty).",
    },
    "export.csv_not_dir": {
        "vi": "'{path}' là một tệp, không phải thư mục: --csv cần một thư mục để ghi các tệp CSV.",
        "en": "'{path}' is a file, not a folder: --csv needs a folder for the CSV files.",
    },
    "export.no_soffice": {
        "vi": "Không tìm thấy LibreOffice (lệnh soffice) nên không tạo được PDF; chưa ghi tệp nào. Cài LibreOffice "
              "(https://www.libreoffice.org) rồi chạy lại, hoặc bỏ --pdf và dùng Excel: Tệp > Lưu thành > PDF.",
        "en": "LibreOffice (soffice) was not found, so no PDF can be made; nothing was written. Install "
              "LibreOffice and rerun, or drop --pdf and save as PDF from Excel.",
    },
    "export.pdf_failed": {
        "vi": "LibreOffice không chuyển được '{path}' sang PDF ({detail}). Tệp Excel đã được ghi; có thể mở bằng Excel "
              "và chọn Tệp > Lưu thành > PDF.",
        "en": "LibreOffice could not convert '{path}' to PDF ({detail}). The workbook was written; save it as PDF "
              "from Excel instead.",
    },
    "export.pdf_timeout": {
        "vi": "LibreOffice chạy quá {seconds} giây mà chưa tạo xong PDF cho '{path}' nên đã bị dừng. Tệp Excel đã được "
              "ghi. Hãy đóng các cửa sổ LibreOffice đang mở rồi chạy lại.",
        "en": "LibreOffice took more than {seconds} s to render '{path}' and was stopped. The workbook was written. "
              "Close open LibreOffice windows and retry.",
    },
    # ------------------------------------------------------------ sheet names
    "export.sheet.pl1": {"vi": "Phụ lục 1", "en": "sheet name: appendix 1"},
    "export.sheet.pl2": {"vi": "Phụ lục 2", "en": "sheet name: appendix 2"},
    "export.sheet.pl3": {"vi": "Phụ lục 3", "en": "sheet name: appendix 3"},
    "export.sheet.tien-do": {"vi": "Tiến độ", "en": "sheet name: timeline"},
    "export.sheet.chart": {"vi": "Biểu đồ tiến độ", "en": "sheet name: timeline chart"},
    "export.sheet.tong-hop": {"vi": "Tổng hợp", "en": "sheet name: summary"},
    # ------------------------------------------------------------ words on the appendices
    "export.doc.ubnd": {"vi": "ỦY BAN NHÂN DÂN", "en": "People's Committee (issuing unit, upper case)"},
    "export.doc.ubnd_short": {"vi": "UBND", "en": "People's Committee, abbreviated"},
    "export.doc.nation": {"vi": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "en": "national title"},
    "export.doc.motto": {"vi": "Độc lập - Tự do - Hạnh phúc", "en": "national motto"},
    "export.doc.appendix": {"vi": "PHỤ LỤC {number}", "en": "APPENDIX {number}"},
    "export.doc.attached": {"vi": "(Kèm theo Kế hoạch số {number} ngày {date} của {issuer})",
                            "en": "(Attached to plan no. {number} of {date} by {issuer})"},
    "export.doc.date": {"vi": "{day} tháng {month} năm {year}", "en": "date: day, month, year"},
    "export.doc.default_number": {"vi": "…/KH-UBND", "en": "plan number when unknown"},
    "export.doc.unit": {"vi": "ĐVT: {unit}", "en": "Unit: {unit}"},
    "export.doc.schools_unit": {"vi": "trường", "en": "schools"},
    "export.doc.percent_unit": {"vi": "%", "en": "%"},
    "export.doc.year_suffix": {"vi": "{title} NĂM {year}", "en": "{title} {year}"},
    "export.doc.title_pl1": {"vi": "DANH SÁCH TRƯỜNG XÂY DỰNG ĐẠT CHUẨN QUỐC GIA",
                             "en": "appendix 1 title"},
    "export.doc.timeline_subtitle": {"vi": "Xây dựng trường đạt chuẩn quốc gia năm {year}",
                                     "en": "timeline subtitle"},
    "export.doc.chart_title": {"vi": "BIỂU ĐỒ TIẾN ĐỘ THỰC HIỆN THEO THÁNG", "en": "chart title"},
    "export.doc.summary_title": {"vi": "TỔNG HỢP CHỈ TIÊU XÂY DỰNG TRƯỜNG ĐẠT CHUẨN QUỐC GIA", "en": "summary title"},
    "export.doc.total": {"vi": "TỔNG CỘNG", "en": "grand total label"},
    "export.doc.school_item": {"vi": "Tên trường, hạng mục đầu tư", "en": "school / investment item header"},
    "export.doc.sources": {"vi": "Chia theo nguồn kinh phí", "en": "by funding source (group header)"},
    "export.doc.total_money": {"vi": "Tổng kinh phí", "en": "total amount header"},
    "export.doc.list_count": {
        "vi": "Danh sách gồm {count} trường: {parts}.",
        "en": "The list has {count} schools: {parts}.",
    },
    "export.doc.list_count_only": {"vi": "Danh sách gồm {count} trường.", "en": "The list has {count} schools."},
    "export.doc.list_part": {"vi": "{count} {kind}", "en": "{count} {kind}"},
    "export.doc.stt": {"vi": "TT", "en": "row number header"},
    "export.doc.year": {"vi": "Năm {year}", "en": "Year {year}"},
    "export.doc.month": {"vi": "T{month}", "en": "M{month}"},
    "export.doc.chart_legend": {
        "vi": "Ô tô màu: các tháng thực hiện nhiệm vụ, theo cột Thời gian và Hạn hoàn thành của bảng Tiến độ; "
              "dòng không tô: kế hoạch không ghi thời gian đọc được.",
        "en": "Filled cells: the months of each task, from its time and deadline; no fill: no readable time.",
    },
    "export.doc.section_targets": {"vi": "1. Số trường theo cấp học và hình thức công nhận",
                                   "en": "1. Schools by level and kind"},
    "export.doc.section_figures": {"vi": "2. Các chỉ số chung", "en": "2. Overall figures"},
    "export.doc.section_batches": {"vi": "3. Số trường theo đợt, quý", "en": "3. Schools by batch or quarter"},
    "export.doc.figure": {"vi": "Chỉ số", "en": "figure header"},
    "export.doc.figure_unit": {"vi": "ĐVT", "en": "unit header"},
    "export.doc.figure_value": {"vi": "Số liệu", "en": "value header"},
}
