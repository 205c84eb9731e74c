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
    # ------------------------------------------------------------ declared sizes and counts that lie
    "safety.size_lie": {
        "vi": "Tệp '{path}' bị hỏng hoặc bị sửa: phần '{part}' giải nén ra lớn hơn kích thước khai báo ({size} byte). "
              "Tệp đã bị từ chối để bảo vệ máy tính; hãy xin lại bản gốc từ người gửi.",
        "en": "File '{path}' is damaged or tampered with: part '{part}' inflates to more than its declared size "
              "({size} bytes). It was refused; ask the sender for the original.",
    },
    "safety.count_lie": {
        "vi": "Tệp '{path}' bị hỏng hoặc bị sửa: phần '{part}' khai báo {declared} chuỗi chữ nhưng chỉ chứa {held}. "
              "Đọc tệp này có thể làm tràn bộ nhớ, nên tệp đã bị từ chối. Hãy mở bằng Excel, lưu lại rồi chạy lại.",
        "en": "File '{path}' is damaged or tampered with: part '{part}' declares {declared} strings but holds only "
              "{held}. Reading it could exhaust memory, so it was refused. Open it in Excel, save it and run again.",
    },
    "safety.declared_grid_too_big": {
        "vi": "Tệp '{path}' bị hỏng hoặc bị sửa: trang '{sheet}' khai báo vùng dữ liệu tới ô {cell}, tức hơn {limit} "
              "ô. Đọc tệp này có thể làm tràn bộ nhớ, nên tệp đã bị từ chối. Hãy mở bằng Excel, lưu lại dạng .xlsx "
              "rồi chạy lại.",
        "en": "File '{path}' is damaged or tampered with: sheet '{sheet}' declares data up to cell {cell}, more "
              "than {limit} cells. Reading it could exhaust memory, so it was refused. Open it in Excel, save it as "
              ".xlsx and run again.",
    },
    "safety.word_span": {
        "vi": "Tệp '{path}' bị hỏng hoặc bị sửa: một ô bảng trong phần '{part}' trải trên {span} cột (Word cho tối đa "
              "{limit}). Tệp đã bị từ chối; hãy mở bằng Word, lưu lại rồi chạy lại.",
        "en": "File '{path}' is damaged or tampered with: a table cell in part '{part}' spans {span} columns (Word "
              "allows {limit}). It was refused; open it in Word, save it and run again.",
    },
    "safety.duplicate_part": {
        "vi": "Tệp '{path}' bị hỏng hoặc bị sửa: phần '{part}' có hai bản trong tệp (trùng với '{other}'), nên mỗi "
              "chương trình có thể đọc một bản khác nhau. Tệp đã bị từ chối; hãy mở bằng Excel, lưu lại rồi chạy lại.",
        "en": "File '{path}' is damaged or tampered with: part '{part}' appears twice (also as '{other}'), so two "
              "programs may read different copies. It was refused; open it in Excel, save it and run again.",
    },
    "safety.ole_damaged": {
        "vi": "Tệp '{path}' bị hỏng hoặc bị sửa: cấu trúc tệp Excel 97-2003 (.xls) không hợp lệ ({detail}). Đọc tệp "
              "này có thể làm treo hoặc tràn bộ nhớ, nên tệp đã bị từ chối. Hãy mở bằng Excel, lưu lại dạng .xlsx "
              "rồi chạy lại.",
        "en": "File '{path}' is damaged or tampered with: its Excel 97-2003 (.xls) structure is invalid ({detail}). "
              "Reading it could hang or exhaust memory, so it was refused. Open it in Excel, save it as .xlsx and "
              "run again.",
    },
    "safety.ole.fat_count": {"vi": "bảng vị trí khai báo nhiều vùng hơn số vùng có trong tệp",
                             "en": "the allocation table declares more sectors than the file has"},
    "safety.ole.mini_fat_count": {"vi": "bảng vị trí phụ khai báo nhiều vùng hơn số vùng có trong tệp",
                                  "en": "the mini allocation table declares more sectors than the file has"},
    "safety.ole.loop": {"vi": "một chuỗi vùng dữ liệu quay vòng về chính nó",
                        "en": "a chain of sectors loops back on itself"},
    "safety.ole.sst_count": {"vi": "bảng chuỗi chữ khai báo nhiều chuỗi hơn số tệp có thể chứa",
                             "en": "the string table declares more strings than the file can hold"},
    "safety.ole.merge_count": {"vi": "bản ghi gộp ô khai báo nhiều vùng hơn nội dung của nó",
                               "en": "a merged-cells record declares more ranges than it holds"},
    "safety.detail.part_damaged": {"vi": "dữ liệu nén của một phần trong tệp bị hỏng",
                                   "en": "the compressed data of a part is damaged"},
    "safety.detail.reader_gave_up": {"vi": "bộ đọc gặp dữ liệu không hợp lệ và phải dừng",
                                     "en": "the reader met invalid data and stopped"},
    "safety.detail.compression": {"vi": "tệp dùng kiểu nén mà Excel không dùng",
                                  "en": "the file uses a compression method Excel does not use"},
    # ------------------------------------------------------------ special files, links, names
    "special.directory": {"vi": "một thư mục", "en": "a folder"},
    "special.fifo": {"vi": "một đường ống dữ liệu (FIFO), đọc nó sẽ chờ mãi", "en": "a pipe (FIFO), which would "
                     "block forever"},
    "special.char_device": {"vi": "một thiết bị (như /dev/zero), không có điểm kết thúc",
                            "en": "a device (like /dev/zero), which never ends"},
    "special.block_device": {"vi": "một ổ đĩa (thiết bị khối)", "en": "a disk (block device)"},
    "special.socket": {"vi": "một cổng kết nối (socket)", "en": "a socket"},
    "special.other": {"vi": "một loại tệp đặc biệt", "en": "a special file"},
    "safety.input_special": {
        "vi": "'{path}' không phải là một tệp thông thường mà là {what}. chuanqg-xl chỉ đọc tệp sổ Excel; hãy chỉ "
              "đường dẫn tới đúng tệp kế hoạch.",
        "en": "'{path}' is not a regular file but {what}. chuanqg-xl only reads workbook files; give the path of "
              "the plan itself.",
    },
    "safety.input_link_to_special": {
        "vi": "'{path}' là liên kết tới '{target}', mà đó không phải là một tệp thông thường: đó là {what}. "
              "chuanqg-xl chỉ đọc tệp sổ Excel; hãy chỉ đường dẫn tới đúng tệp kế hoạch.",
        "en": "'{path}' is a link to '{target}', which is not a regular file but {what}. chuanqg-xl only reads "
              "workbook files; give the path of the plan itself.",
    },
    "safety.output_special": {
        "vi": "Không ghi được '{path}': đó không phải là một tệp thông thường mà là {what}. Hãy chọn một tên tệp "
              "khác cho kết quả (ví dụ ket-qua.xlsx).",
        "en": "Cannot write '{path}': it is not a regular file but {what}. Choose another file name for the "
              "result (e.g. result.xlsx).",
    },
    "safety.output_link_to_special": {
        "vi": "Không ghi được '{path}': đó là liên kết tới '{target}', mà đó là {what}. Hãy chọn một tên tệp khác "
              "cho kết quả.",
        "en": "Cannot write '{path}': it is a link to '{target}', which is {what}. Choose another file name.",
    },
    "safety.dangling_link": {
        "vi": "'{path}' là liên kết tới '{target}', nhưng tệp đó không còn tồn tại. Hãy chỉ đường dẫn tới tệp thật.",
        "en": "'{path}' is a link to '{target}', which does not exist. Give the path of the real file.",
    },
    "safety.link_loop": {
        "vi": "'{path}' là liên kết (shortcut) trỏ vòng về chính nó, không dẫn tới tệp nào. Hãy xóa liên kết đó và "
              "chỉ đường dẫn tới tệp thật.",
        "en": "'{path}' is a link that loops back on itself and leads to no file. Remove it and give the real path.",
    },
    "safety.name_too_long": {
        "vi": "Tên hoặc đường dẫn '{path}' quá dài so với giới hạn của ổ đĩa. Hãy đổi tên tệp ngắn hơn (hoặc chuyển "
              "nó vào thư mục nông hơn) rồi chạy lại.",
        "en": "The name or path '{path}' is longer than the drive allows. Rename the file (or move it to a "
              "shallower folder) and run again.",
    },
    "safety.busy_elsewhere": {
        "vi": "Tệp '{path}' đang được một lệnh chuanqg-xl khác xử lý (ví dụ vừa bấm chạy hai lần). Hãy chờ lệnh đó "
              "xong rồi chạy lại; tệp chưa bị thay đổi.",
        "en": "'{path}' is being processed by another chuanqg-xl command (run twice?). Wait for it to finish and "
              "run again; nothing was changed.",
    },
    "safety.changed_meanwhile": {
        "vi": "Tệp '{path}' đã bị chương trình khác thay đổi trong lúc chuanqg-xl đang xử lý, nên kết quả không được "
              "ghi (để không đè mất thay đổi đó). Hãy chạy lại.",
        "en": "'{path}' was changed by another program while chuanqg-xl was working, so the result was not written "
              "(that change is kept). Run again.",
    },
    # ------------------------------------------------------------ operating-system errors in the user's words
    "oserror.EACCES": {"vi": "không có quyền truy cập", "en": "permission denied"},
    "oserror.EPERM": {"vi": "hệ thống không cho phép thao tác này", "en": "operation not permitted"},
    "oserror.EIO": {"vi": "lỗi đọc/ghi ổ đĩa (ổ hỏng, hoặc USB/ổ mạng bị ngắt)",
                    "en": "disk input/output error (a failing disk, or a USB stick or network drive disconnected)"},
    "oserror.ENXIO": {"vi": "thiết bị hoặc cổng kết nối không sẵn sàng", "en": "no such device or address"},
    "oserror.ENODEV": {"vi": "thiết bị không hỗ trợ thao tác này", "en": "the device does not support this"},
    "oserror.ENOTDIR": {"vi": "một phần của đường dẫn không phải là thư mục",
                        "en": "part of the path is not a folder"},
    "oserror.ELOOP": {"vi": "liên kết trỏ vòng về chính nó", "en": "a link loops back on itself"},
    "oserror.ENAMETOOLONG": {"vi": "tên tệp hoặc đường dẫn quá dài", "en": "the file name or path is too long"},
    "oserror.EISDIR": {"vi": "đó là một thư mục", "en": "it is a folder"},
    "oserror.ENOENT": {"vi": "không tìm thấy tệp hoặc thư mục", "en": "no such file or folder"},
    "oserror.ENOSPC": {"vi": "ổ đĩa đã đầy", "en": "the disk is full"},
    "oserror.EROFS": {"vi": "ổ đĩa chỉ cho đọc", "en": "the drive is read-only"},
    "oserror.EMFILE": {"vi": "mở quá nhiều tệp cùng lúc", "en": "too many open files"},
    "oserror.ETIMEDOUT": {"vi": "ổ mạng không phản hồi", "en": "the network drive did not respond"},
    "oserror.EBUSY": {"vi": "tệp đang bị chương trình khác giữ", "en": "the file is held by another program"},
    "oserror.EFBIG": {"vi": "tệp quá lớn cho ổ đĩa này (ổ FAT32 chỉ nhận tệp dưới 4 GB)",
                      "en": "the file is too large for this drive (FAT32 takes files under 4 GB)"},
    "oserror.EINVAL": {"vi": "tên hoặc thao tác không hợp lệ với ổ đĩa này (ví dụ tên có ký tự : * ? \" < > |)",
                       "en": "a name or operation this drive does not accept (e.g. a name with : * ? \" < > |)"},
    "oserror.EAGAIN": {"vi": "tài nguyên tạm thời không sẵn sàng, hãy thử lại", "en": "temporarily unavailable, "
                       "try again"},
    "oserror.ENOMEM": {"vi": "máy không đủ bộ nhớ", "en": "out of memory"},
    "oserror.ETXTBSY": {"vi": "tệp đang được một chương trình khác dùng", "en": "the file is in use by a program"},
    "oserror.ESTALE": {"vi": "ổ mạng đã mất kết nối tới tệp", "en": "the network drive lost the file"},
    "oserror.EXDEV": {"vi": "không thể chuyển tệp giữa hai ổ đĩa", "en": "cannot move a file across drives"},
    # ------------------------------------------------------------ packages no spreadsheet program opens as they are
    "safety.xml_broken": {
        "vi": "Tệp '{path}' bị hỏng: {where} không đúng cấu trúc XML ở dòng {line}, cột {column} ({reason}). Excel "
              "chỉ mở được tệp này sau khi 'sửa chữa' (có thể mất dữ liệu), nên chuanqg-xl không đọc và không ghi lại "
              "nó. Hãy mở tệp bằng Excel, đồng ý sửa chữa, xem lại số liệu, lưu lại rồi chạy lại.",
        "en": "File '{path}' is damaged: {where} is not well-formed XML at line {line}, column {column} ({reason}). "
              "Excel opens it only after 'repair' (which may lose data), so chuanqg-xl neither reads nor rewrites it. "
              "Open it in Excel, accept the repair, review the figures, save and run again.",
    },
    "safety.where_sheet": {"vi": "phần '{part}' (trang '{sheet}')", "en": "part '{part}' (sheet '{sheet}')"},
    "safety.where_part": {"vi": "phần '{part}'", "en": "part '{part}'"},
    "safety.xml.tag_mismatch": {"vi": "thẻ mở và thẻ đóng không khớp, có thể một dòng hay một ô không được đóng",
                                "en": "an element is closed by another's tag, perhaps an unclosed row or cell"},
    "safety.xml.invalid_token": {"vi": "có ký tự hoặc thẻ không hợp lệ, ví dụ ký tự điều khiển hay byte NUL",
                                 "en": "an invalid character or tag, such as a control character or a NUL byte"},
    "safety.xml.cut_short": {"vi": "phần bị cắt cụt giữa chừng", "en": "the part is cut short"},
    "safety.xml.junk_after": {"vi": "có dữ liệu thừa sau nội dung chính", "en": "data after the root element"},
    "safety.xml.duplicate_attribute": {"vi": "một thẻ có thuộc tính lặp lại", "en": "an attribute is repeated"},
    "safety.xml.unbound_prefix": {"vi": "dùng tiền tố không gian tên chưa khai báo",
                                  "en": "a namespace prefix that is not declared"},
    "safety.xml.undefined_entity": {"vi": "dùng thực thể chưa khai báo", "en": "an undeclared entity"},
    "safety.xml.bad_char_ref": {"vi": "tham chiếu tới một ký tự không hợp lệ", "en": "a reference to an invalid "
                                "character"},
    "safety.xml.encoding": {"vi": "mã hóa ký tự không hợp lệ", "en": "an invalid character encoding"},
    "safety.xml.other": {"vi": "cấu trúc không hợp lệ", "en": "invalid structure"},
    "safety.wrong_namespace": {
        "vi": "Tệp '{path}' bị hỏng hoặc bị sửa: phần '{part}' không thuộc định dạng bảng tính của Excel (không gian "
              "tên '{namespace}'), nên Excel không đọc được nó. Hãy xin lại bản gốc từ người gửi.",
        "en": "File '{path}' is damaged or tampered with: part '{part}' is not in Excel's spreadsheet format "
              "(namespace '{namespace}'), so Excel cannot read it. Ask the sender for the original.",
    },
    "safety.cell_beyond_limit": {
        "vi": "Tệp '{path}' bị hỏng: trang '{sheet}' có ô {cell}, nằm ngoài ô cuối cùng Excel cho phép (XFD1048576). "
              "Excel chỉ mở tệp này sau khi 'sửa chữa'; hãy mở bằng Excel, đồng ý sửa chữa, lưu lại rồi chạy lại.",
        "en": "File '{path}' is damaged: sheet '{sheet}' has cell {cell}, beyond Excel's last cell (XFD1048576). "
              "Excel opens it only after 'repair'; open it in Excel, accept the repair, save and run again.",
    },
    "safety.content_types_missing": {
        "vi": "Tệp '{path}' bị hỏng: thiếu phần '[Content_Types].xml' (danh mục các phần của tệp), nên Excel không mở "
              "được tệp. Hãy xin lại bản gốc, hoặc mở bằng LibreOffice Calc và lưu lại dạng .xlsx rồi chạy lại.",
        "en": "File '{path}' is damaged: the part '[Content_Types].xml' (the package's table of contents) is "
              "missing, so Excel cannot open it. Ask for the original, or open it in LibreOffice Calc and save it "
              "as .xlsx.",
    },
    "safety.sheet_link_broken": {
        "vi": "Tệp '{path}' bị hỏng: trang '{sheet}' không dẫn tới một trang tính (liên kết của nó không có hoặc sai "
              "loại). Hãy mở bằng Excel, đồng ý sửa chữa, lưu lại rồi chạy lại.",
        "en": "File '{path}' is damaged: sheet '{sheet}' does not lead to a worksheet (its link is missing or of "
              "the wrong type). Open it in Excel, accept the repair, save and run again.",
    },
    "safety.sheet_part_missing": {
        "vi": "Tệp '{path}' bị hỏng: thiếu phần '{part}' chứa trang '{sheet}'. Hãy mở bằng Excel, đồng ý sửa chữa "
              "(trang đó có thể bị mất), lưu lại rồi chạy lại, hoặc xin lại bản gốc.",
        "en": "File '{path}' is damaged: the part '{part}' holding sheet '{sheet}' is missing. Open it in Excel, "
              "accept the repair (the sheet may be lost), save and run again, or ask for the original.",
    },
    "safety.string_ref_beyond": {
        "vi": "Tệp '{path}' bị hỏng: ô {cell} của trang '{sheet}' tham chiếu tới chuỗi chữ số {index}, nhưng tệp chỉ có "
              "{count} chuỗi. Excel chỉ mở tệp này sau khi 'sửa chữa' (nội dung ô đó đã mất); hãy mở bằng Excel, đồng "
              "ý sửa chữa, gõ lại ô {cell}, lưu lại rồi chạy lại.",
        "en": "File '{path}' is damaged: cell {cell} of sheet '{sheet}' refers to string number {index}, but the "
              "file has only {count} strings. Excel opens it only after 'repair' (that cell's content is lost); open "
              "it in Excel, accept the repair, retype cell {cell}, save and run again.",
    },
    "safety.styles_missing": {
        "vi": "Tệp '{path}' bị hỏng: các ô dùng định dạng nhưng tệp thiếu phần định dạng (styles.xml) hoặc không "
              "liên kết đúng tới nó. Excel chỉ mở tệp này sau khi 'sửa chữa'; hãy mở bằng Excel, đồng ý sửa chữa, "
              "lưu lại rồi chạy lại.",
        "en": "File '{path}' is damaged: cells use styles but the styles part (styles.xml) is missing or not linked "
              "as such. Excel opens it only after 'repair'; open it in Excel, accept the repair, save and run again.",
    },
}
