"""An input opened once: regular files only, the file as it was when opened, and a lock for in-place writes."""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from chuanqg_xl import files
from chuanqg_xl.errors import PlanError
from chuanqg_xl.source import open_source


def test_special_files_are_named_and_never_block(tmp_path: Path) -> None:
    fifo = tmp_path / "z.xlsx"
    os.mkfifo(fifo)
    loop_a, loop_b, dangling = tmp_path / "a.xlsx", tmp_path / "b.xlsx", tmp_path / "c.xlsx"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    dangling.symlink_to(tmp_path / "gone.xlsx")
    device = tmp_path / "zero.xlsx"
    device.symlink_to("/dev/zero")
    expected = {fifo: "safety.input_special", tmp_path: "error.is_directory", loop_a: "safety.link_loop",
                dangling: "safety.dangling_link", device: "safety.input_link_to_special",
                tmp_path / "missing.xlsx": "error.not_found", tmp_path / ("x" * 300): "safety.name_too_long"}
    for path, key in expected.items():
        started = time.monotonic()
        with pytest.raises(PlanError) as caught:
            open_source(path).close()
        assert caught.value.key == key, (path, caught.value.key)
        assert time.monotonic() - started < 2


def test_a_source_reads_the_file_it_opened_even_after_a_replace(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.xlsx"
    path.write_bytes(b"first version " * 100)
    with open_source(path) as source:
        assert source.still_current()
        other = tmp_path / "other.xlsx"
        other.write_bytes(b"a second program saved this")
        os.replace(other, path)
        assert source.read() == b"first version " * 100
        assert not source.still_current()


def test_an_in_place_writer_waits_for_the_first_and_takes_the_file_it_wrote(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.xlsx"
    path.write_bytes(b"original")
    first = open_source(path, lock=True)
    with pytest.raises(PlanError) as caught:
        open_source(path, lock=True, wait=0.2)
    assert caught.value.key == "safety.busy_elsewhere"

    def finish() -> None:
        time.sleep(0.3)
        files.atomic_write(path, lambda tmp: tmp.write_bytes(b"recalculated"), replaces=first)
        first.close()

    writer = threading.Thread(target=finish)
    writer.start()
    with open_source(path, lock=True, wait=5) as second:   # waits, then finds the first one's result
        assert second.read() == b"recalculated"
    writer.join()


def test_nothing_is_written_over_a_file_changed_meanwhile(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.xlsx"
    path.write_bytes(b"original")
    with open_source(path, lock=True) as source:
        os.utime(path, ns=(1, 1))   # another program touched it (Excel saving in place would too)
        with pytest.raises(PlanError) as caught:
            files.atomic_write(path, lambda tmp: tmp.write_bytes(b"new"), backup=True, replaces=source)
    assert caught.value.key == "safety.changed_meanwhile"
    assert path.read_bytes() == b"original" and sorted(os.listdir(tmp_path)) == ["ke-hoach.xlsx"]


def test_a_result_equal_to_the_file_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.xlsx"
    path.write_bytes(b"same bytes")
    mtime = path.stat().st_mtime_ns
    with open_source(path, lock=True) as source:
        def write(tmp: Path) -> None:
            tmp.write_bytes(b"same bytes")
            if files.same_content(tmp, source):
                raise files.Unchanged()

        with pytest.raises(files.Unchanged):
            files.atomic_write(path, write, backup=True, replaces=source)
    assert path.stat().st_mtime_ns == mtime and sorted(os.listdir(tmp_path)) == ["ke-hoach.xlsx"]
