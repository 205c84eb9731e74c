"""Names from the browser, the per-file limit while streaming, and the bounded store of results."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest

from chuanqg_xl.web.uploads import (FileTooLarge, Kept, ResultStore, TooManyFiles, UploadSink, ascii_name,
                                    content_disposition, display_name, stem_of, suffix_of)


@pytest.mark.parametrize("raw, shown", [
    ("hai-ba-trung-2023.xlsx", "hai-ba-trung-2023.xlsx"),
    ("C:\\Users\\Lan\\Desktop\\kế hoạch.xlsx", "kế hoạch.xlsx"),          # old browsers sent the whole path
    ("../../etc/passwd", "passwd"),
    ("  .hidden.xlsx  ", "hidden.xlsx"),
    ("a<b>c:d\"e|f?g*h.xlsx", "abcdefgh.xlsx"),
    ("tab\tnew\nline\x00.xlsx", "tabnewline.xlsx"),
    ("", "ke-hoach.xlsx"),
    (None, "ke-hoach.xlsx"),
    ("..", "ke-hoach.xlsx"),
    ("CON.xlsx", "ke-hoach.xlsx"),
    ("Ke\u0302\u0301 hoa\u0323ch.xlsx", "Kế hoạch.xlsx"),                # NFD becomes NFC
])
def test_display_name(raw: str | None, shown: str) -> None:
    assert display_name(raw) == shown


def test_long_names_keep_their_ending() -> None:
    name = display_name("k" * 200 + ".xlsx")
    assert len(name) == 80 and name.endswith(".xlsx")


def test_endings() -> None:
    assert suffix_of("A.XLSX") == ".xlsx" and suffix_of("a.doc") == ".doc" and suffix_of("a.exe") == ""
    assert stem_of("kế hoạch.xlsm") == "kế hoạch" and stem_of("a.txt") == "a.txt"


def test_download_names_in_vietnamese_with_an_ascii_fallback() -> None:
    header = content_disposition("Đồng Tháp - đã tính lại.xlsx")
    assert header.startswith('attachment; filename="Dong Thap - da tinh lai.xlsx"; filename*=UTF-8\'\'')
    assert unquote(header.split("''", 1)[1]) == "Đồng Tháp - đã tính lại.xlsx"
    assert ascii_name('"quoted";\r\nname.xlsx') == "quotedname.xlsx"
    assert ascii_name("Ủy ban") == "Uy ban" and ascii_name("漢字") == "tep"


def test_sink_writes_generated_names_and_stops_at_the_limit(tmp_path: Path) -> None:
    sink = UploadSink(lambda: tmp_path, limit=10, max_files=2)
    first = sink.stream("../../evil name.xlsx")
    first.write(b"12345")
    first.write(b"67890")
    second = sink.stream("x.docx")
    with pytest.raises(FileTooLarge) as refused:
        second.write(b"x" * 11)
    assert refused.value.file_name == "x.docx"
    with pytest.raises(TooManyFiles):
        sink.stream("third.xlsx")
    sink.close()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["tep-01.xlsx", "tep-02.docx"]
    assert [upload.name for upload in sink.uploads] == ["evil name.xlsx", "x.docx"]
    assert sink.uploads[0].read() == b"1234567890" and sink.uploads[1].suffix == ".docx"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def kept(size: int) -> Kept:
    return Kept("plan", [("a.xlsx", b"x" * size)])


def test_store_keeps_at_most_n_entries_least_recently_used_out() -> None:
    store = ResultStore(entries=3, budget=10_000, idle=100, clock=Clock())
    tokens = [store.put(kept(10)) for _ in range(3)]
    assert store.get(tokens[0]) is not None          # used again: no longer the oldest
    fourth = store.put(kept(10))
    assert len(store) == 3
    assert store.get(tokens[1]) is None              # the least recently used went
    assert all(store.get(token) is not None for token in (tokens[0], tokens[2], fourth))


def test_store_keeps_within_its_byte_budget() -> None:
    store = ResultStore(entries=100, budget=1000, idle=100, clock=Clock())
    tokens = [store.put(kept(400)) for _ in range(5)]
    assert store.used() <= 1000 and len(store) == 2
    assert store.get(tokens[-1]) is not None and store.get(tokens[0]) is None
    assert store.put(kept(1001)) is None             # larger than everything: not kept at all
    store.add_output(tokens[-1], "consolidated-vi", b"y" * 500)   # would break the budget: not added
    assert store.get(tokens[-1]).outputs == {}


def test_store_forgets_what_is_not_used() -> None:
    clock = Clock()
    store = ResultStore(entries=10, budget=10_000, idle=60, clock=clock)
    token = store.put(kept(10))
    clock.now = 59
    assert store.get(token) is not None              # using it resets its clock
    clock.now = 118
    assert store.get(token) is not None
    clock.now = 179
    assert store.get(token) is None and len(store) == 0
