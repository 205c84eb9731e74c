"""atomic_write in process: what survives a replace, and what a failure leaves behind (nothing).

Read-only folders and real full disks need another user or a mount: those run
as processes in test_safety.py; here the failures are injected.
"""
from __future__ import annotations

import errno
import os
import shutil
import stat
import time
from pathlib import Path

import pytest

from chuanqg_xl import files
from chuanqg_xl.errors import PlanError

OLD, NEW = b"old content, complete", b"new content, complete and longer"


def writer(data: bytes = NEW):
    def write(tmp: Path) -> None:
        tmp.write_bytes(data)

    return write


def leftovers(folder: Path, *keep: str) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name not in keep)


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "ke-hoach.xlsx"
    path.write_bytes(OLD)
    return path


def test_replace_keeps_mode_and_makes_a_backup(target: Path) -> None:
    os.chmod(target, 0o640)
    made = files.atomic_write(target, writer(), backup=True)
    assert made == target.with_name("ke-hoach.bak.xlsx")
    assert target.read_bytes() == NEW and made.read_bytes() == OLD
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert leftovers(target.parent, target.name, made.name) == []


def test_a_new_file_follows_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        files.atomic_write(tmp_path / "moi.xlsx", writer())
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "moi.xlsx").stat().st_mode) == 0o640


def test_a_symlink_stays_a_link_and_its_target_changes(target: Path) -> None:
    link = target.with_name("lien-ket.xlsx")
    link.symlink_to(target.name)
    files.atomic_write(link, writer())
    assert link.is_symlink() and target.read_bytes() == NEW


def test_other_hard_links_keep_the_old_content(target: Path) -> None:
    """Documented limit: an atomic replace gives the name a new file; other names keep the old one."""
    other = target.with_name("ban-khac.xlsx")
    os.link(target, other)
    files.atomic_write(target, writer())
    assert target.read_bytes() == NEW and other.read_bytes() == OLD


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away needs root")
def test_the_owner_is_kept_when_an_administrator_writes(target: Path) -> None:
    os.chown(target, 65534, 65534)
    files.atomic_write(target, writer())
    assert (target.stat().st_uid, target.stat().st_gid) == (65534, 65534)


def test_a_read_only_file_is_refused_even_for_root(target: Path) -> None:
    os.chmod(target, 0o444)
    with pytest.raises(PlanError) as caught:
        files.atomic_write(target, writer(), backup=True)
    assert caught.value.key == "error.read_only_file" and "chỉ đọc" in str(caught.value)
    assert target.read_bytes() == OLD and leftovers(target.parent, target.name) == []


def test_a_read_only_folder_is_refused(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root os.access says yes to everything; test_safety runs the real case without that privilege."""
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if Path(path) == target.parent
                        else real_access(path, mode, **kw))
    with pytest.raises(PlanError) as caught:
        files.atomic_write(target, writer())
    assert caught.value.key == "error.read_only_dir" and str(target.parent) in str(caught.value)
    assert target.read_bytes() == OLD


@pytest.mark.parametrize(("code", "key"), [(errno.ENOSPC, "error.disk_full"), (errno.EDQUOT, "error.disk_full"),
                                           (errno.EROFS, "safety.read_only_drive"), (errno.EIO, "error.write_failed")])
def test_a_failing_write_leaves_the_old_file_and_no_temp(target: Path, code: int, key: str) -> None:
    def half_then_fail(tmp: Path) -> None:
        tmp.write_bytes(NEW[:5])
        raise OSError(code, os.strerror(code))

    with pytest.raises(PlanError) as caught:
        files.atomic_write(target, half_then_fail, backup=True)
    assert caught.value.key == key and str(target) in str(caught.value)
    assert "nguyên vẹn" in str(caught.value)
    assert target.read_bytes() == OLD and leftovers(target.parent, target.name) == []


def test_a_full_disk_while_copying_the_backup(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copy2", no_space)
    with pytest.raises(PlanError) as caught:
        files.atomic_write(target, writer(), backup=True)
    assert caught.value.key == "error.disk_full"
    assert target.read_bytes() == OLD and leftovers(target.parent, target.name) == []


def test_a_bug_in_the_writer_leaves_nothing_behind(target: Path) -> None:
    def broken(tmp: Path) -> None:
        tmp.write_bytes(b"PK\x03\x04 half a zip")
        raise ValueError("a bug")

    with pytest.raises(ValueError):
        files.atomic_write(target, broken, backup=True)
    assert target.read_bytes() == OLD and leftovers(target.parent, target.name) == []


@pytest.mark.parametrize("lock_name", ["~$ke-hoach.xlsx", ".~lock.ke-hoach.xlsx#"])
def test_an_open_file_is_not_replaced(target: Path, lock_name: str) -> None:
    lock = target.with_name(lock_name)
    if lock_name.startswith("~$"):
        lock.write_bytes(bytes([12]) + b"Nguyen Van A".ljust(53, b" ") + b"\x0c\x00"
                         + "Nguyễn Văn A".encode("utf-16-le"))
    else:
        lock.write_text("Nguyễn Văn A,nva,PGD-01,22.11.2024 08:30,file:///home/nva;", encoding="utf-8")
    with pytest.raises(PlanError) as caught:
        files.atomic_write(target, writer(), backup=True)
    message = str(caught.value)
    assert caught.value.key == "error.locked_by_excel"
    assert "Nguyễn Văn A" in message and lock_name in message and "chưa bị thay đổi" in message
    assert target.read_bytes() == OLD and leftovers(target.parent, target.name, lock_name) == []


def test_no_overwrite_when_asked(target: Path) -> None:
    with pytest.raises(PlanError) as caught:
        files.atomic_write(target, writer(), overwrite=False)
    assert caught.value.key == "error.output_exists" and target.read_bytes() == OLD


def test_stale_temp_files_of_a_killed_writer_are_removed_by_the_next_write(target: Path) -> None:
    folder = target.parent
    stale = folder / ".ke-hoach.ab12cd34.tmp.xlsx"
    stale_backup = folder / ".ke-hoach.bak.zz99yy88.tmp.xlsx"
    young = folder / ".ke-hoach.young123.tmp.xlsx"
    foreign = folder / ".khac.ab12cd34.tmp.xlsx"          # another file's temp: not ours to judge
    for path in (stale, stale_backup, young, foreign):
        path.write_bytes(b"PK half")
    old = time.time() - files.STALE_TEMP_SECONDS - 60
    for path in (stale, stale_backup, foreign):
        os.utime(path, (old, old))
    assert sorted(files.stale_temp_files(target)) == sorted([stale, stale_backup])
    files.atomic_write(target, writer())
    assert leftovers(folder, target.name) == sorted([young.name, foreign.name])


@pytest.mark.skipif(files.fcntl is None, reason="temp-file locks are POSIX only")
def test_a_temp_file_in_use_is_never_taken_for_stale(target: Path) -> None:
    busy = target.parent / ".ke-hoach.busy1234.tmp.xlsx"
    busy.write_bytes(b"PK being written")
    old = time.time() - files.STALE_TEMP_SECONDS - 60
    os.utime(busy, (old, old))
    fd = os.open(busy, os.O_RDWR)
    try:
        files.fcntl.flock(fd, files.fcntl.LOCK_EX)   # as a writer in another process holds it
        assert files.stale_temp_files(target) == []
        files.atomic_write(target, writer())
        assert busy.exists()
    finally:
        os.close(fd)
    assert files.stale_temp_files(target) == [busy]


def test_write_errors_are_translated(target: Path) -> None:
    folder_error = files._translate(OSError(errno.EACCES, "Permission denied"), target)
    assert folder_error.key == "error.read_only_dir"
    os.chmod(target, 0o444)
    assert files._translate(OSError(errno.EACCES, "Permission denied"), target).key == "error.read_only_file"
    assert files._translate(OSError(errno.EBUSY, "busy"), target).key == "error.file_busy"
