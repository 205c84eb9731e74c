"""Writing files so that a crash, a full disk or a held file never loses anything.

The new content goes to a hidden temporary file in the target's own folder,
is flushed to disk, and only then replaces the target in one atomic rename;
the folder is flushed too. The previous version is kept as a backup first
(itself written the same way). So at every moment the target is either its
old complete content or the new complete content.

What an atomic rename cannot keep: other hard links to the file (they keep
the old content), extended attributes and ACLs. The mode, the owner (where
permitted) and a symbolic link are kept. A process killed mid-write leaves
its hidden temporary file behind; the next write to the same file removes it.
"""
from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterable

from . import guard
from .errors import PlanError
from .messages import text
from .source import PATH_ERRORS, Source, os_error_text, refuse_special

try:  # POSIX: a writer holds a lock on its temporary file, so a stale one is told apart from one in use
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

REPLACE_RETRIES = 5          # Windows: Excel, antivirus or a sync client may hold the file briefly
REPLACE_DELAY_SECONDS = 0.4
# A temporary file nobody holds a lock on is stale after this long (the delay covers the instant between
# its creation and its locking). Without locks (Windows) only an hour-old one is surely abandoned.
STALE_TEMP_SECONDS = 2.0 if fcntl is not None else 3600.0
TEMP_MARK = ".tmp"
NAME_MAX_BYTES = 255         # the longest file name most file systems take (ext4, NTFS, APFS, FAT's long names)
TEMP_EXTRA = len(".") + len(".") + 8 + len(TEMP_MARK)   # what mkstemp's name adds around the stem and suffix


def fit_stem(stem: str, extra: int) -> str:
    """`stem`, shortened at a character boundary so that its UTF-8 bytes plus `extra` fit one file name.

    A plan named at the file system's limit still gets a backup and a temporary file next to it.
    """
    room = NAME_MAX_BYTES - extra
    if len(stem.encode("utf-8")) <= room:
        return stem
    return stem.encode("utf-8")[:max(room, 1)].decode("utf-8", "ignore") or "_"


def backup_path(target: Path) -> Path:
    """plan.xlsx → plan.bak.xlsx (still opens in Excel by double-click); a name at the length limit is shortened."""
    suffix = f".bak{target.suffix}"
    return target.with_name(fit_stem(target.stem, len(suffix.encode("utf-8"))) + suffix)


def _temp_stem(path: Path, stem: str) -> str:
    return fit_stem(stem, TEMP_EXTRA + len(path.suffix.encode("utf-8")))


def refuse_if_open(target: Path) -> None:
    lock = guard.excel_lock_file(target)
    if lock:
        lock_path, owner = lock
        raise PlanError("error.locked_by_excel", path=target, lock=lock_path.name,
                        owner=text("owner", name=owner) if owner else "")


def is_read_only(path: Path) -> bool:
    """The user cannot write it, or nobody may (no write bit at all: 'chmod 444', Windows' read-only flag).

    The second test matters for an administrator, whom the system lets write anything:
    a file marked read-only is still not ours to replace.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not os.access(path, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def _read_only_drive(folder: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:
        return False
    try:
        return bool(statvfs(folder).f_flag & getattr(os, "ST_RDONLY", 1))
    except OSError:
        return False


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _translate(exc: OSError, target: Path) -> PlanError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return PlanError("error.disk_full", path=target)
    if exc.errno == errno.EROFS:
        return PlanError("safety.read_only_drive", path=target)
    if exc.errno in (errno.EACCES, errno.EPERM):
        if target.exists() and is_read_only(target):
            return PlanError("error.read_only_file", path=target)
        return PlanError("error.read_only_dir", path=target.parent)
    if exc.errno in (errno.EBUSY, errno.ETXTBSY):
        return PlanError("error.file_busy", path=target)
    if exc.errno in PATH_ERRORS:
        return PlanError(PATH_ERRORS[exc.errno], path=target)
    return PlanError("error.write_failed", path=target, detail=os_error_text(exc))


def resolve_target(target: str | os.PathLike[str]) -> Path:
    """The real file behind a path (a symlink is followed, so the link survives)."""
    path = Path(target)
    try:
        return path.resolve(strict=False) if path.is_symlink() else path.absolute()
    except (OSError, RuntimeError):  # a link loop: RuntimeError before Python 3.13, OSError after
        return path.absolute()


def fully_resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def same_file(first: str | os.PathLike[str], second: str | os.PathLike[str]) -> bool:
    """Whether two paths name one file (links, '..' and letter case on Windows included)."""
    a, b = Path(first), Path(second)
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return fully_resolved(a) == fully_resolved(b)


OWN_OUTPUT_PROPERTY = "chuanqg-xl-output"   # custom document property naming the command that wrote a workbook


def mark_own_output(workbook: object, kind: str) -> None:
    """Label an xlsxwriter workbook as `kind`'s output, so a later run may replace it without a backup."""
    workbook.set_custom_property(OWN_OUTPUT_PROPERTY, kind)  # type: ignore[attr-defined]


def is_own_output(path: Path, kind: str) -> bool:
    """Whether `path` is a workbook an earlier `kind` run wrote (its custom property says so).

    Only the small custom-properties part is read, through the guard's bounded reader;
    anything unreadable is not ours.
    """
    import zipfile

    if not path.is_file():   # a FIFO would block the open below; a device never ends
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("docProps/custom.xml")
            if info.file_size > 65536:
                return False
            data = guard.read_part(archive, info)
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError, EOFError):
        return False
    marker = re.search(rb'name="' + re.escape(OWN_OUTPUT_PROPERTY.encode()) + rb'"[^>]*>\s*<vt:lpwstr>([^<]*)<', data)
    return marker is not None and marker.group(1).decode("utf-8", "replace") == kind


def usable_output(target: str | os.PathLike[str]) -> Path:
    """The real path an output will be written to, refused early when it cannot be a file there:
    a folder, a device, a FIFO (or a link to one), or a folder that does not exist."""
    path = resolve_target(target)
    refuse_special(path, role="output")
    folder = path.parent
    if not folder.is_dir():
        raise PlanError("error.folder_missing", path=path, folder=folder)
    return path


def refuse_unopenable_name(target: str | os.PathLike[str], suffix: str = ".xlsx") -> None:
    """Refuse to write a workbook under a name Excel would not open it by ('tien-do.csv', 'ra.xlsx' for a
    macro workbook): Excel judges a file by its extension and refuses one whose content is another format."""
    usable_output(target)   # a folder, a device or a missing folder: that sentence first
    path = Path(target)
    if path.suffix.lower() != suffix:
        stem = path.stem if path.stem.strip(". ") and path.stem.lower() != suffix else "ke-hoach"
        raise PlanError("error.output_suffix", path=path, suffix=suffix, suggested=stem + suffix)


def refuse_output_among_inputs(inputs: Iterable[str | os.PathLike[str]], output: str | os.PathLike[str],
                               kind: str) -> None:
    """Refuse an output that is one of the inputs, before anything is read or written.

    The same file however it is spelt (a symlink, a hard link, '..', letter case
    on Windows), or a spreadsheet inside an input folder (a folder's listing
    would read it as an input) unless it is `kind`'s own earlier output.
    """
    target = Path(output)
    usable_output(target)
    for raw in inputs:
        source = Path(raw)
        if source.is_dir():
            if target.exists() and same_file(target.absolute().parent, source) and not is_own_output(target, kind):
                raise PlanError("error.output_in_input_folder", path=target, folder=source)
        elif same_file(source, target):
            raise PlanError("error.output_is_input", path=target, source=source)


def needs_backup(target: str | os.PathLike[str], kind: str) -> bool:
    """Replacing an existing file that is not `kind`'s own earlier output keeps a backup of it."""
    path = Path(target)
    return path.exists() and not is_own_output(path, kind)


def _replace(source: Path, target: Path) -> None:
    for attempt in range(REPLACE_RETRIES):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if os.name != "nt" or attempt == REPLACE_RETRIES - 1:
                raise
            time.sleep(REPLACE_DELAY_SECONDS)


def _temp_pattern(path: Path) -> re.Pattern[str]:
    """Names `tempfile.mkstemp` gives our temporary files for `path` (and for its backup)."""
    stems = {_temp_stem(path, path.stem), _temp_stem(path, backup_path(path).stem)}
    alternatives = "|".join(re.escape(stem) for stem in sorted(stems))
    return re.compile(rf"\.(?:{alternatives})\.[a-z0-9_]{{8}}{re.escape(TEMP_MARK + path.suffix)}")


def stale_temp_files(path: Path) -> list[Path]:
    """Hidden temporary files left next to `path` by a writer that was killed."""
    pattern = _temp_pattern(path)
    now = time.time()
    found = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return []
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        try:
            if not entry.is_file(follow_symlinks=False) or now - entry.stat().st_mtime < STALE_TEMP_SECONDS:
                continue
        except OSError:
            continue
        if fcntl is not None:
            try:
                fd = os.open(entry.path, os.O_RDONLY)
            except OSError:
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # a running writer holds it
            finally:
                os.close(fd)
        found.append(Path(entry.path))
    return found


def _remove_stale_temps(path: Path) -> None:
    for stale in stale_temp_files(path):
        try:
            stale.unlink()
        except OSError:
            pass


def _new_temp(path: Path, stem: str) -> tuple[int | None, Path]:
    """A hidden temporary file next to `path`, locked (POSIX) for as long as the returned descriptor is open.

    Windows cannot rename a file that is open, so there the descriptor is closed at once (and None returned).
    """
    fd, name = tempfile.mkstemp(prefix=f".{_temp_stem(path, stem)}.", suffix=TEMP_MARK + path.suffix, dir=path.parent)
    if fcntl is None:
        os.close(fd)
        return None, Path(name)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        pass
    return fd, Path(name)


def _keep_owner(tmp: Path, info: os.stat_result) -> None:
    """Give the new file the old one's owner and group, where the system allows it."""
    if not hasattr(os, "chown"):
        return
    try:
        current = tmp.stat()
        if (current.st_uid, current.st_gid) != (info.st_uid, info.st_gid):
            os.chown(tmp, info.st_uid, info.st_gid)
    except OSError:
        pass  # an ordinary user cannot give a file away; the file is still written


class Unchanged(Exception):
    """Raised by a write function whose new content equals the file it would replace: nothing is replaced,
    no backup is made (the temporary file is removed and the exception goes on to the caller)."""


def same_content(written: Path, source: Source) -> bool:
    """Whether a written file holds exactly the bytes of an opened source."""
    if written.stat().st_size != source.size:
        return False
    with open(written, "rb") as handle:
        offset = 0
        while True:
            chunk = handle.read(1 << 20)
            if not chunk:
                return True
            if chunk != source.read(offset, len(chunk)):
                return False
            offset += len(chunk)


def atomic_write(target: str | os.PathLike[str], write: Callable[[Path], None], *, backup: bool = False,
                 overwrite: bool = True, replaces: Source | None = None) -> Path | None:
    """Write a file through `write(temp_path)`, then move it into place.

    Returns the backup path when one was made. The target is, at every
    moment, either its old complete content or the new complete content.
    `replaces`: the opened source an in-place rewrite was computed from; if
    another program changed the file since, nothing is written (its change
    is not lost to a result computed from the old content).
    """
    path = usable_output(target)
    folder = path.parent
    if path.exists() and not overwrite:
        raise PlanError("error.output_exists", path=path)
    if path.exists():
        refuse_if_open(path)
    if _read_only_drive(folder):
        raise PlanError("safety.read_only_drive", path=path)
    if path.exists() and is_read_only(path):
        raise PlanError("error.read_only_file", path=path)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise PlanError("error.read_only_dir", path=folder)
    info = path.stat() if path.exists() else None
    _remove_stale_temps(path)
    fd: int | None = None
    tmp: Path | None = None
    try:
        fd, tmp = _new_temp(path, path.stem)
        write(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        if info is not None:
            os.chmod(tmp, stat.S_IMODE(info.st_mode))
            _keep_owner(tmp, info)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        made_backup = None
        _refuse_if_changed(replaces, path)
        if backup and path.exists():
            made_backup = _write_backup(path)
        _refuse_if_changed(replaces, path)
        _replace(tmp, path)
        tmp = None
        _fsync_dir(folder)
        return made_backup
    except PlanError:
        raise
    except OSError as exc:
        raise _translate(exc, path) from None
    finally:
        if fd is not None:
            os.close(fd)
        if tmp is not None:
            try:
                tmp.unlink()
            except OSError:
                pass


def _refuse_if_changed(source: Source | None, path: Path) -> None:
    if source is not None and not source.still_current():
        raise PlanError("safety.changed_meanwhile", path=path)


def _write_backup(path: Path) -> Path:
    backup = backup_path(path)
    fd, tmp = _new_temp(path, backup.stem)
    done = False
    try:
        shutil.copy2(path, tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        _replace(tmp, backup)
        done = True
    finally:
        if fd is not None:
            os.close(fd)
        if not done:
            try:
                tmp.unlink()
            except OSError:
                pass
    return backup
