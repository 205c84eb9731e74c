"""click's own sentences (usage errors, help headings) in Vietnamese.

click builds them from English message ids through gettext; `cli.py` hands
click these translations instead, so a mistyped option, a missing file name
or `--help` reads in the officer's language like every other message. Keys
are "click:" + click's English id; the placeholders are click's own.
"""
from __future__ import annotations

_VI: dict[str, str] = {
    # usage and help
    "Usage:": "Cách dùng:",
    "[OPTIONS]": "[TÙY CHỌN]",
    "COMMAND [ARGS]...": "LỆNH [ĐỐI SỐ]...",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Đối số",
    "Show this message and exit.": "Hiện trợ giúp này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "Try '{command} {option}' for help.": "Xem trợ giúp: '{command} {option}'.",
    "Error: {message}": "Lỗi: {message}",
    "Aborted!": "Đã dừng.",
    "default: {default}": "mặc định: {default}",
    "env var: {var}": "biến môi trường: {var}",
    "deprecated": "không dùng nữa",
    "(dynamic)": "(tự động)",
    "required": "bắt buộc",
    # mistakes on the command line
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing command.": "Thiếu tên lệnh (ví dụ: check, recalc, export).",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such option: {name}": "Không có tùy chọn {name}.",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Có phải ý bạn là một trong: {possibilities}?)",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị đi kèm.",
    "Option {name!r} requires {nargs} arguments.": "Tùy chọn {name!r} cần {nargs} giá trị đi kèm.",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Got unexpected extra argument ({args})": "Thừa đối số ({args}).",
    "Got unexpected extra arguments ({args})": "Thừa các đối số ({args}).",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "{value!r} is not {choice}.": "{value!r} không phải là {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} không phải là một trong {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là một số hợp lệ.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng cho phép {range}.",
    "{value!r} is not a valid boolean.": "{value!r} không phải là có/không hợp lệ.",
    "{name} {filename!r} does not exist.": "Không tìm thấy {filename!r}.",
    "{name} {filename!r} is a file.": "{filename!r} là một tệp, không phải thư mục.",
    "{name} {filename!r} is a directory.": "{filename!r} là một thư mục, không phải tệp.",
    "{name} {filename!r} is not readable.": "Không đọc được {filename!r}.",
    "{name} {filename!r} is not writable.": "Không ghi được {filename!r}.",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "Takes {nargs} values but 1 was given.": "Cần {nargs} giá trị nhưng chỉ có 1.",
    "Takes {nargs} values but {len} were given.": "Cần {nargs} giá trị nhưng có {len}.",
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
    "unknown error": "lỗi không rõ",
}

MESSAGES: dict[str, dict[str, str]] = {f"click:{english}": {"vi": vietnamese, "en": english}
                                       for english, vietnamese in _VI.items()}
