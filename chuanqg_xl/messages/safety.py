"""Messages for refusing unsafe input and for writing files safely (guard.py, files.py)."""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "safety.grid_too_big": {
        "vi": "Tệp '{path}' bị từ chối: trang '{sheet}' có dữ liệu tới ô {cell}, tức là một vùng hơn {limit} ô. "
              "Một kế hoạch thật không bao giờ lớn như vậy. Nếu đó là một ô gõ nhầm ở cuối trang, hãy xóa ô {cell} "
              "trong Excel, lưu lại rồi chạy lại; nếu không, tệp có thể đã bị làm giả.",
        "en": "File '{path}' was refused: sheet '{sheet}' has data up to cell {cell}, an area of more than {limit} "
              "cells. A real plan is never this large. If it is a stray value, delete cell {cell} in Excel, save "
              "and run again; otherwise the file may have been tampered with.",
    },
    "safety.merges_too_big": {
        "vi": "Tệp '{path}' bị từ chối: các vùng gộp ô (Merge) ở trang '{sheet}' phủ hơn {limit} ô. Một kế hoạch "
              "thật không bao giờ gộp nhiều ô như vậy. Hãy bỏ gộp các vùng lớn (nút Merge & Center trên thẻ Home) "
              "rồi chạy lại.",
        "en": "File '{path}' was refused: merged ranges on sheet '{sheet}' cover more than {limit} cells. A real "
              "plan never merges that many cells. Unmerge the large ranges and run again.",
    },
    "safety.xml_prolog_too_long": {
        "vi": "Tệp '{path}' bị từ chối: phần '{part}' có hơn {limit} KB chú thích trước nội dung. Sổ Excel thật "
              "không bao giờ như vậy; tệp có thể đã bị làm giả.",
        "en": "File '{path}' was refused: part '{part}' has more than {limit} KB of comments before its content. "
              "Real workbooks never do; the file may have been tampered with.",
    },
    "safety.zip_encrypted": {
        "vi": "Tệp '{path}' được nén kèm mật khẩu (phần '{part}'), không đọc được. Hãy giải nén/bỏ mật khẩu rồi "
              "mở bằng Excel và lưu lại dạng .xlsx.",
        "en": "File '{path}' is a password-protected archive (part '{part}'). Remove the password, open it in "
              "Excel and save it as .xlsx.",
    },
    "safety.read_only_drive": {
        "vi": "Không ghi được '{path}': ổ đĩa chứa tệp đang ở chế độ chỉ đọc (ví dụ USB bị gạt khóa ghi, ổ mạng "
              "chỉ cho đọc). Hãy dùng -o để ghi ra ổ khác. Tệp gốc vẫn nguyên vẹn.",
        "en": "Cannot write '{path}': its drive is read-only (a write-protected USB stick, a read-only network "
              "share). Use -o to write elsewhere. Nothing was changed.",
    },
    "safety.detail.size_lie": {
        "vi": "phần '{part}' khai báo {size} byte nhưng giải nén ra nhiều hơn thế",
        "en": "part '{part}' declares {size} bytes but inflates to more",
    },
}
