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


# ---------------------------------------------------------------- an output that is an input


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def _cli(*args: str):
    from click.testing import CliRunner

    from chuanqg_xl.cli import main

    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _plan_folder(make_plan, tmp_path: Path) -> Path:
    folder = tmp_path / "huyen"
    folder.mkdir()
    for name in ("a.xlsx", "b.xlsx"):
        shutil.move(make_plan(name=name), folder / name)
    return folder


@pytest.mark.parametrize("spelling", ["plain", "dotdot", "symlink", "hardlink"])
def test_consolidate_refuses_an_input_as_output_before_reading(make_plan, tmp_path: Path, spelling: str) -> None:
    """The data-loss case: `consolidate DIR -o DIR/a.xlsx` replaced a district's plan (exit 0, no backup)."""
    folder = _plan_folder(make_plan, tmp_path)
    target = {"plain": folder / "a.xlsx", "dotdot": folder / ".." / folder.name / "a.xlsx",
              "symlink": tmp_path / "link.xlsx", "hardlink": tmp_path / "hard.xlsx"}[spelling]
    if spelling == "symlink":
        target.symlink_to(folder / "a.xlsx")
    elif spelling == "hardlink":
        os.link(folder / "a.xlsx", target)
    before = _snapshot(folder)
    outside = sorted(path.name for path in tmp_path.iterdir())
    result = _cli("consolidate", str(folder), "-o", str(target))
    assert result.exit_code == 2
    assert "a.xlsx" in result.output and "Không ghi gì" in result.output
    assert _snapshot(folder) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == outside


def test_consolidate_refuses_a_named_input_as_output(make_plan, tmp_path: Path) -> None:
    from chuanqg_xl.consolidate import consolidate

    first, second = make_plan(name="a.xlsx"), make_plan(name="b.xlsx")
    before = first.read_bytes()
    with pytest.raises(PlanError) as caught:
        consolidate([second, tmp_path / "." / "a.xlsx"], first)
    assert caught.value.key == "error.output_is_input"
    assert first.read_bytes() == before


def test_consolidate_replaces_its_own_earlier_output_in_the_folder(make_plan, tmp_path: Path) -> None:
    from chuanqg_xl.consolidate import consolidate

    folder = _plan_folder(make_plan, tmp_path)
    output = folder / "tong-hop.xlsx"
    first = consolidate([folder], output)
    assert first.backup is None and len(first.districts) == 2
    again = consolidate([folder], output)  # its own output is not read as a third district, and needs no backup
    assert len(again.districts) == 2 and again.backup is None
    assert not files.backup_path(output).exists()


def test_consolidate_keeps_a_backup_of_a_foreign_workbook(make_plan, tmp_path: Path) -> None:
    from chuanqg_xl.consolidate import consolidate

    plans = [make_plan(name="a.xlsx"), make_plan(name="b.xlsx")]
    elsewhere = tmp_path / "ra"
    elsewhere.mkdir()
    foreign = elsewhere / "bao-cao.xlsx"
    shutil.copy(plans[0], foreign)  # somebody's workbook that happens to carry the output's name
    before = foreign.read_bytes()
    result = consolidate(plans, foreign)
    assert result.backup == files.backup_path(foreign)
    assert result.backup.read_bytes() == before and foreign.read_bytes() != before


def test_export_status_import_refuse_their_input_and_back_up_other_plans(make_plan, tmp_path: Path) -> None:
    plan, other = make_plan(name="a.xlsx"), make_plan(name="b.xlsx")
    before = {path: path.read_bytes() for path in (plan, other)}
    link = tmp_path / "link.xlsx"
    link.symlink_to(plan)
    for args in (["export", str(plan), "-o", str(link), "--force"],
                 ["status", str(plan), "--as-of", "2023-10-15", "-o", str(link)],
                 ["import", str(plan), "-o", str(link), "--force"]):
        result = _cli(*args)
        assert result.exit_code == 2, args
        assert "Không ghi gì" in result.output
    result = _cli("export", str(plan), "-o", str(other), "--force")
    assert result.exit_code in (0, 1)
    assert files.backup_path(other).read_bytes() == before[other]
    assert plan.read_bytes() == before[plan]
    # Exporting again over its own export replaces it without another backup.
    files.backup_path(other).unlink()
    assert _cli("export", str(plan), "-o", str(other), "--force").exit_code in (0, 1)
    assert not files.backup_path(other).exists()
    status_out = tmp_path / "c.xlsx"
    shutil.copy(plan, status_out)
    result = _cli("status", str(plan), "--as-of", "2023-10-15", "-o", str(status_out))
    assert result.exit_code in (0, 1)
    assert files.backup_path(status_out).read_bytes() == before[plan]


WRITE_ERRORS = ["ENOSPC", "EDQUOT", "EROFS", "EACCES", "EPERM", "EBUSY", "ETXTBSY", "ENAMETOOLONG", "ELOOP", "EIO",
                "EMFILE", "ENOTDIR", "EXDEV", "ETIMEDOUT", "EFBIG", "EINVAL", "EAGAIN", "ENOMEM", "ESTALE", "ENXIO"]


@pytest.mark.parametrize("name", [name for name in WRITE_ERRORS if hasattr(errno, name)])
def test_every_os_error_a_write_can_meet_is_a_vietnamese_sentence(target: Path, name: str) -> None:
    """Whatever the system answers while the new file is written, the user reads our words (never the system's
    English) naming the file, the original stays, and no temporary file is left."""
    before = target.read_bytes()

    def failing(tmp: Path) -> None:
        tmp.write_bytes(b"partial")
        raise OSError(getattr(errno, name), "SYSTEM ENGLISH TEXT")

    with pytest.raises(PlanError) as caught:
        files.atomic_write(target, failing, backup=True)
    message = caught.value.message("vi")
    assert "SYSTEM ENGLISH TEXT" not in message and str(target.parent) in message, message
    assert target.read_bytes() == before
    assert sorted(path.name for path in target.parent.iterdir()) == [target.name]
