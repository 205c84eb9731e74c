"""Writing files so that a crash, a full disk or a held file never loses anything.

The new content goes to a temporary file in the target's own folder, is
flushed to disk, and only then replaces the target in one atomic rename.
The previous version is kept as a backup first (itself written atomically).
"""
from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
import time
from pathlib import Path
from typing import Callable

from . import guard
from .errors import PlanError
from .messages import text

REPLACE_RETRIES = 5          # Windows: Excel, antivirus or a sync client may hold the file briefly
REPLACE_DELAY_SECONDS = 0.4


def backup_path(target: Path) -> Path:
    """plan.xlsx → plan.bak.xlsx (still opens in Excel by double-click)."""
    return target.with_name(f"{target.stem}.bak{target.suffix}")


def refuse_if_open(target: Path) -> None:
    lock = guard.excel_lock_file(target)
    if lock:
        lock_path, owner = lock
        raise PlanError("error.locked_by_excel", path=target, lock=lock_path.name,
                        owner=text("owner", name=owner) if owner else "")


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
    if exc.errno == errno.ENOSPC:
        return PlanError("error.disk_full", path=target)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        if target.exists() and not os.access(target, os.W_OK):
            return PlanError("error.read_only_file", path=target)
        return PlanError("error.read_only_dir", path=target.parent)
    if exc.errno in (errno.EBUSY, errno.ETXTBSY):
        return PlanError("error.file_busy", path=target)
    return PlanError("error.write_failed", path=target, detail=exc.strerror or exc)


def resolve_target(target: str | os.PathLike[str]) -> Path:
    """The real file behind a path (a symlink is followed, so the link survives)."""
    path = Path(target)
    try:
        return path.resolve(strict=False) if path.is_symlink() else path.absolute()
    except OSError:
        return path.absolute()


def _replace(source: Path, target: Path) -> None:
    for attempt in range(REPLACE_RETRIES):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if os.name != "nt" or attempt == REPLACE_RETRIES - 1:
                raise
            time.sleep(REPLACE_DELAY_SECONDS)


def atomic_write(target: str | os.PathLike[str], write: Callable[[Path], None], *, backup: bool = False,
                 overwrite: bool = True) -> Path | None:
    """Write a file through `write(temp_path)`, then move it into place.

    Returns the backup path when one was made. The target is, at every
    moment, either its old complete content or the new complete content.
    """
    path = resolve_target(target)
    folder = path.parent
    if not folder.exists():
        raise PlanError("error.write_failed", path=path, detail=text("error.not_found", path=folder))
    if path.exists() and not overwrite:
        raise PlanError("error.output_exists", path=path)
    if path.exists():
        refuse_if_open(path)
        if not os.access(path, os.W_OK):
            raise PlanError("error.read_only_file", path=path)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise PlanError("error.read_only_dir", path=folder)
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else None
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp" + path.suffix, dir=folder)
        os.close(fd)
        tmp = Path(tmp_name)
        write(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        made_backup = None
        if backup and path.exists():
            made_backup = _write_backup(path)
        _replace(tmp, path)
        tmp_name = None
        _fsync_dir(folder)
        return made_backup
    except PlanError:
        raise
    except OSError as exc:
        raise _translate(exc, path) from None
    finally:
        if tmp_name and os.path.exists(tmp_name):
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def _write_backup(path: Path) -> Path:
    backup = backup_path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{backup.stem}.", suffix=".tmp" + path.suffix, dir=path.parent)
    os.close(fd)
    try:
        shutil.copy2(path, tmp_name)
        with open(tmp_name, "rb+") as handle:
            os.fsync(handle.fileno())
        _replace(Path(tmp_name), backup)
        tmp_name = None
    finally:
        if tmp_name and os.path.exists(tmp_name):
            os.unlink(tmp_name)
    return backup
