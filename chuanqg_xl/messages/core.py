"""Messages for unusable input, writing files, and the CLI's own lines."""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ unusable input
    "error.not_found": {
        "vi": "Không tìm thấy tệp '{path}'.",
        "en": "File '{path}' not found.",
    },
    "error.is_directory": {
        "vi": "'{path}' là một thư mục, không phải tệp Excel.",
        "en": "'{path}' is a folder, not an Excel file.",
    },
    "error.empty_file": {
        "vi": "Tệp '{path}' rỗng (0 byte) — không phải sổ Excel. Hãy kiểm tra lại tệp được gửi.",
        "en": "File '{path}' is empty (0 bytes), not an Excel workbook.",
    },
    "error.not_spreadsheet": {
        "vi": "Tệp '{path}' không phải sổ Excel ({what}). Hãy mở tệp gốc bằng Excel và lưu lại dạng .xlsx.",
        "en": "File '{path}' is not an Excel workbook ({what}). Open the original in Excel and save it as .xlsx.",
    },
    "what.csv": {"vi": "đây là tệp văn bản/CSV", "en": "it is a text/CSV file"},
    "what.docx": {"vi": "đây là tệp Word .docx", "en": "it is a Word .docx file"},
    "what.pptx": {"vi": "đây là tệp PowerPoint", "en": "it is a PowerPoint file"},
    "what.zip": {"vi": "đây là tệp nén .zip không chứa sổ Excel", "en": "it is a .zip archive without a workbook"},
    "what.pdf": {"vi": "đây là tệp PDF", "en": "it is a PDF file"},
    "what.html": {"vi": "đây là trang web HTML", "en": "it is an HTML page"},
    "what.zip_after_junk": {"vi": "đây là tệp nén có dữ liệu lạ chèn phía trước, có thể là tệp tự giải nén hoặc tải "
                                  "về bị lỗi", "en": "it is an archive preceded by foreign data (a self-extractor or a "
                                  "damaged download)"},
    "what.unknown": {"vi": "nội dung không nhận dạng được", "en": "unrecognised content"},
    "what.truncated": {
        "vi": "tệp bị cắt cụt hoặc hỏng, có thể do tải về/sao chép chưa xong",
        "en": "the file is truncated or damaged, perhaps an incomplete download or copy",
    },
    "what.xls_renamed": {
        "vi": "đây là tệp Excel 97-2003 (.xls) bị đổi đuôi thành .xlsx",
        "en": "it is an Excel 97-2003 (.xls) file renamed to .xlsx",
    },
    "error.encrypted": {
        "vi": "Tệp '{path}' được đặt mật khẩu mở tệp. Hãy mở bằng Excel, bỏ mật khẩu "
              "(Tệp → Thông tin → Bảo vệ sổ làm việc) rồi chạy lại.",
        "en": "File '{path}' is password-protected. Remove the password in Excel and run again.",
    },
    "error.corrupt": {
        "vi": "Tệp '{path}' bị hỏng, không đọc được ({detail}). Hãy mở bằng Excel, chọn 'Sửa chữa' nếu được hỏi, "
              "rồi lưu lại.",
        "en": "File '{path}' is damaged and cannot be read ({detail}). Open it in Excel, repair it and save.",
    },
    "error.unsafe_xml": {
        "vi": "Tệp '{path}' chứa đoạn XML nguy hiểm ({part}: khai báo DOCTYPE/thực thể). Sổ Excel thật không bao giờ "
              "có nội dung này; tệp đã bị từ chối để bảo vệ máy tính.",
        "en": "File '{path}' contains dangerous XML ({part}: DOCTYPE/entity declaration). Real workbooks never do; "
              "the file was refused.",
    },
    "error.archive_too_big": {
        "vi": "Tệp '{path}' bị từ chối: {detail}. Một kế hoạch thật không bao giờ lớn như vậy "
              "(có thể là tệp 'bom nén').",
        "en": "File '{path}' was refused: {detail}. A real plan is never this large (possibly a zip bomb).",
    },
    "detail.too_many_parts": {"vi": "có {count} thành phần (tối đa {limit})", "en": "{count} parts (limit {limit})"},
    "detail.part_too_big": {
        "vi": "phần '{part}' giải nén ra {size} MB (tối đa {limit} MB)",
        "en": "part '{part}' inflates to {size} MB (limit {limit} MB)",
    },
    "detail.total_too_big": {
        "vi": "toàn bộ tệp giải nén ra {size} MB (tối đa {limit} MB)",
        "en": "the whole file inflates to {size} MB (limit {limit} MB)",
    },
    "detail.ratio_too_high": {
        "vi": "phần '{part}' nén với tỉ lệ {ratio}:1 (tối đa {limit}:1)",
        "en": "part '{part}' has a compression ratio of {ratio}:1 (limit {limit}:1)",
    },
    "detail.grid_too_big": {
        "vi": "trang '{sheet}' khai báo vùng dữ liệu tới ô {cell} (quá {limit} ô)",
        "en": "sheet '{sheet}' claims cells up to {cell} (more than {limit} cells)",
    },
    "error.too_large": {
        "vi": "Tệp '{path}' quá lớn ({size} MB, tối đa {limit} MB).",
        "en": "File '{path}' is too large ({size} MB, limit {limit} MB).",
    },
    "error.missing_sheet": {
        "vi": "Tệp '{path}' thiếu trang tính '{sheet}'. Các trang hiện có: {found}. Hãy dùng sổ chuẩn "
              "(lệnh: chuanqg-xl new) hoặc đổi tên trang cho đúng.",
        "en": "File '{path}' has no sheet '{sheet}'. Sheets found: {found}. Use the standard workbook "
              "(chuanqg-xl new) or rename the sheet.",
    },
    "error.missing_header": {
        "vi": "Tệp '{path}', trang '{sheet}': không tìm thấy dòng tiêu đề có cột {headers}. "
              "Hãy giữ nguyên tiêu đề cột như sổ chuẩn.",
        "en": "File '{path}', sheet '{sheet}': no header row with column(s) {headers}.",
    },
    "error.read_failed": {
        "vi": "Không đọc được tệp '{path}': {detail}.",
        "en": "Could not read '{path}': {detail}.",
    },
    "error.unsupported_format": {
        "vi": "Tệp '{path}' có định dạng '{ext}' chưa được hỗ trợ. Hãy dùng .xlsx (hoặc .xlsm, .xls, .ods).",
        "en": "File '{path}' has unsupported format '{ext}'. Use .xlsx (or .xlsm, .xls, .ods).",
    },
    # ------------------------------------------------------------ writing
    "error.output_is_input": {
        "vi": "Tệp kết quả '{path}' chính là tệp đầu vào '{source}' (cùng một tệp, dù viết đường dẫn khác hay qua "
              "liên kết). Không ghi gì, để kế hoạch gốc không bị thay: hãy chọn tên khác cho -o.",
        "en": "The output '{path}' is the input '{source}' (the same file, under another spelling or through a link). "
              "Nothing was written, so the original plan is not replaced: choose another name for -o.",
    },
    "error.output_in_input_folder": {
        "vi": "Tệp kết quả '{path}' đã có trong thư mục đầu vào '{folder}', nên nó cũng là một kế hoạch được đọc. "
              "Không ghi gì, để tệp đó không bị thay: hãy đặt tệp kết quả ở thư mục khác hoặc đổi tên.",
        "en": "The output '{path}' already exists in the input folder '{folder}', so it is also read as a plan. "
              "Nothing was written, so that file is not replaced: put the output in another folder or rename it.",
    },
    "error.folder_missing": {
        "vi": "Không ghi được '{path}': thư mục '{folder}' không tồn tại. Hãy tạo thư mục đó hoặc chọn nơi khác.",
        "en": "Cannot write '{path}': folder '{folder}' does not exist. Create it or choose another place.",
    },
    "error.output_exists": {
        "vi": "Tệp '{path}' đã có. Thêm --force nếu muốn ghi đè.",
        "en": "'{path}' already exists. Add --force to overwrite it.",
    },
    "error.locked_by_excel": {
        "vi": "Tệp '{path}' đang được mở{owner} (thấy tệp khóa '{lock}'). Hãy đóng tệp trong Excel/LibreOffice "
              "rồi chạy lại; tệp chưa bị thay đổi.",
        "en": "'{path}' is open{owner} (lock file '{lock}'). Close it in Excel/LibreOffice and run again; "
              "nothing was changed.",
    },
    "owner": {"vi": " bởi {name}", "en": " by {name}"},
    "error.write_failed": {
        "vi": "Không ghi được tệp '{path}': {detail}. Tệp gốc vẫn nguyên vẹn.",
        "en": "Could not write '{path}': {detail}. The original is untouched.",
    },
    "error.read_only_file": {
        "vi": "Tệp '{path}' đang ở chế độ chỉ đọc, không thể ghi đè. Hãy bỏ thuộc tính chỉ đọc hoặc dùng -o để "
              "ghi ra tệp khác. Tệp gốc vẫn nguyên vẹn.",
        "en": "'{path}' is read-only. Clear the read-only flag or use -o to write elsewhere. Nothing was changed.",
    },
    "error.read_only_dir": {
        "vi": "Không có quyền ghi vào thư mục '{path}'. Hãy dùng -o để ghi ra thư mục khác. "
              "Tệp gốc vẫn nguyên vẹn.",
        "en": "No permission to write in folder '{path}'. Use -o to write elsewhere. Nothing was changed.",
    },
    "error.disk_full": {
        "vi": "Ổ đĩa đã đầy khi ghi '{path}'. Hãy giải phóng dung lượng rồi chạy lại. Tệp gốc vẫn nguyên vẹn.",
        "en": "The disk is full while writing '{path}'. Free some space and run again. Nothing was changed.",
    },
    "error.file_busy": {
        "vi": "Tệp '{path}' đang bị chương trình khác giữ (Excel, phần mềm diệt virus hoặc đồng bộ). "
              "Hãy đóng chương trình đó rồi chạy lại. Tệp gốc vẫn nguyên vẹn.",
        "en": "'{path}' is held by another program (Excel, antivirus or sync). Close it and run again.",
    },
    "error.cannot_keep_part": {
        "vi": "Không thể ghi đè '{path}' mà vẫn giữ nguyên {part}. Dùng -o để ghi kết quả ra tệp khác.",
        "en": "Cannot rewrite '{path}' in place and keep {part}. Use -o to write the result to another file.",
    },
    "error.no_cell_refs": {
        "vi": "Trang '{sheet}' của tệp '{path}' được tạo bởi phần mềm không ghi địa chỉ ô; hãy mở và lưu lại "
              "bằng Excel hoặc LibreOffice rồi chạy lại.",
        "en": "Sheet '{sheet}' of '{path}' was written without cell addresses; open and save it in Excel or "
              "LibreOffice, then run again.",
    },
    "error.output_suffix": {
        "vi": "Tệp kết quả '{path}' phải có đuôi {suffix} thì Excel mới mở được; hãy đặt tên như '{suggested}'. "
              "Chưa ghi gì.",
        "en": "The output '{path}' must end in {suffix} for Excel to open it; name it like '{suggested}'. "
              "Nothing was written.",
    },
    "error.same_input_output": {
        "vi": "Tệp kết quả trùng với tệp đầu vào '{path}'. Hãy chọn tên khác cho -o.",
        "en": "The output is the input file '{path}'. Choose another name for -o.",
    },
    "date.unreadable": {
        "vi": "Không đọc được ngày '{value}'. Hãy ghi ngày/tháng/năm, ví dụ {example}.",
        "en": "Cannot read the date '{value}'. Write day/month/year, e.g. {example}.",
    },
    "date.no_such_month": {
        "vi": "Ngày '{value}': không có tháng {month}. Hãy ghi ngày trước, rồi tháng, rồi năm, ví dụ {example}.",
        "en": "Date '{value}': there is no month {month}. Write the day first, then the month, then the year, "
              "e.g. {example}.",
    },
    "date.no_such_day": {
        "vi": "Ngày '{value}' không có thật: tháng {month}/{year} chỉ có {days} ngày.",
        "en": "Date '{value}' does not exist: {month}/{year} has {days} days.",
    },
    "date.year_out_of_range": {
        "vi": "Ngày '{value}': năm {year} nằm ngoài khoảng {first}–{last}.",
        "en": "Date '{value}': the year {year} is outside {first}–{last}.",
    },
    # ------------------------------------------------------------ CLI output
    "cli.wrote": {"vi": "Đã ghi {path}", "en": "Wrote {path}"},
    "damage.as_text": {"vi": "chữ '{value}'", "en": "the text '{value}'"},
    "cli.recalc_unchanged": {
        "vi": "{path} đã đúng như kết quả tính lại: không ghi lại, bản sao lưu cũ giữ nguyên.",
        "en": "{path} already holds this result: not rewritten, the earlier backup is kept.",
    },
    "cli.backup": {"vi": "Bản sao lưu của tệp cũ: {path}", "en": "Backup of the previous file: {path}"},
    "cli.summary": {
        "vi": "{file}: {errors} lỗi, {warnings} cảnh báo, {infos} ghi chú.",
        "en": "{file}: {errors} error(s), {warnings} warning(s), {infos} note(s).",
    },
    "cli.no_findings": {"vi": "{file}: không phát hiện vấn đề nào.", "en": "{file}: no problems found."},
    "severity.error": {"vi": "lỗi", "en": "error"},
    "severity.warning": {"vi": "cảnh báo", "en": "warning"},
    "severity.info": {"vi": "ghi chú", "en": "note"},
}

# ---------------------------------------------------------------- the 'Kiểm tra' sheet and cell notes
MESSAGES.update({
    "review.title": {"vi": "KẾT QUẢ KIỂM TRA SỔ KẾ HOẠCH (chuanqg-xl)",
                     "en": "WORKBOOK CHECK RESULTS (chuanqg-xl)"},
    "review.summary": {"vi": "{errors} lỗi, {warnings} cảnh báo, {infos} ghi chú. Các ô liên quan được tô màu "
                             "(đỏ: lỗi, vàng: cảnh báo, xanh: ghi chú) và có ghi chú khi trỏ chuột vào.",
                       "en": "{errors} error(s), {warnings} warning(s), {infos} note(s). The cells concerned are "
                             "coloured (red: error, yellow: warning, blue: note) and carry a note."},
    "review.clean": {"vi": "Không phát hiện vấn đề nào. Các ô tổng đã được tính lại bằng công thức.",
                     "en": "No problems found. All totals were recalculated as formulas."},
    "review.how": {"vi": "Bấm vào địa chỉ ở cột 'Ô' để đi tới chỗ cần sửa. Trang này được chuanqg-xl tạo lại mỗi "
                         "lần chạy recalc; không cần sửa tay.",
                   "en": "Click an address in column 'Ô' to go to the cell. chuanqg-xl rewrites this sheet on "
                         "every recalc."},
    "review.none": {"vi": "(không có)", "en": "(none)"},
    "review.consequence": {"vi": "↳ Hệ quả của {code} ở {where}: {message}",
                           "en": "↳ Consequence of {code} at {where}: {message}"},
    "note.head": {"vi": "chuanqg-xl:", "en": "chuanqg-xl:"},
    "note.finding": {"vi": "[{code}] {message} → {hint}", "en": "[{code}] {message} → {hint}"},
    "note.replaced": {"vi": "Giá trị nhập trước đây: {old} — đã thay bằng công thức (xem trang 'Kiểm tra').",
                      "en": "Previously typed value: {old} — replaced by a formula (see 'Kiểm tra')."},
})
