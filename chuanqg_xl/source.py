"""An input workbook, opened once for everything that reads it.

Every read of a command — the guard's checks, the sheet parts, calamine, the
package recalc rewrites — goes through one open handle of the file as it was
when the command started. Another program that replaces the file meanwhile
(a second recalc, Excel saving, a sync client) gives it a new file under the
same name; the handle keeps reading the old one, so a command never mixes
the parts of two files, and what the guard checked is what the readers read.

Only regular files are opened: a FIFO would block the command forever, a
device (/dev/zero, /dev/urandom) never ends, a socket or a folder is no
workbook. Symbolic links are followed to a regular file only.

An in-place write (`lock=True`) holds an exclusive lock on the file for the
whole command (POSIX). A second command that wants to write the same file
waits for it a little; if the first one replaced the file meanwhile, the
second reads the new file (recalculating a file recalc just wrote changes
nothing, so it writes nothing and the backup stays the original).
"""
from __future__ import annotations

import errno
import io
import os
import stat
import time
import zipfile
from pathlib import Path

from .errors import PlanError
from .messages import phrase, text
from .records import field, record

TYPE_CHECKING = False   # typing.TYPE_CHECKING, without loading typing (2 ms of every start-up)
if TYPE_CHECKING:
    from typing import BinaryIO

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: a file open here cannot be replaced by another program
    fcntl = None  # type: ignore[assignment]

LOCK_WAIT_SECONDS = 10.0
LOCK_POLL_SECONDS = 0.05

_SPECIAL = ((stat.S_ISDIR, "directory"), (stat.S_ISFIFO, "fifo"), (stat.S_ISCHR, "char_device"),
            (stat.S_ISBLK, "block_device"), (stat.S_ISSOCK, "socket"))


def special_kind(mode: int) -> str | None:
    """What a non-regular file is ('fifo', 'char_device', …), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _SPECIAL if test(mode)), "other")


def os_error_text(exc: OSError) -> str:
    """An OS error in the user's words (Vietnamese), falling back to the system's text."""
    from .messages import MESSAGES

    key = f"oserror.{errno.errorcode.get(exc.errno or 0, '')}"
    return phrase(key) if key in MESSAGES else (exc.strerror or str(exc))


def refuse_special(path: Path, *, role: str = "input") -> None:
    """Refuse a path that is not a regular file (or a link to one), saying what it is instead.

    A missing file passes (the caller decides what that means); `role` is 'input' or 'output'.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise PlanError("safety.dangling_link", path=path, target=_link_target(path)) from None
        return
    except OSError as exc:
        raise _open_error(exc, path) from None
    kind = special_kind(info.st_mode)
    if kind is None:
        return
    if kind == "directory" and role == "input":
        raise PlanError("error.is_directory", path=path)
    what = phrase(f"special.{kind}")
    if os.path.islink(path):
        raise PlanError(f"safety.{role}_link_to_special", path=path, target=_link_target(path), what=what)
    raise PlanError(f"safety.{role}_special", path=path, what=what)


def _link_target(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"


PATH_ERRORS = {errno.ELOOP: "safety.link_loop", errno.ENAMETOOLONG: "safety.name_too_long"}   # reading or writing


def _open_error(exc: OSError, path: Path) -> PlanError:
    if exc.errno == errno.ENOENT:
        return PlanError("error.not_found", path=path)
    if exc.errno in PATH_ERRORS:
        return PlanError(PATH_ERRORS[exc.errno], path=path)
    if exc.errno == errno.EISDIR:
        return PlanError("error.is_directory", path=path)
    return PlanError("error.read_failed", path=path, detail=os_error_text(exc))


@record(eq=False)
class Source:
    """A workbook file opened once. Use as a context manager, or `close()` it."""

    path: Path
    handle: BinaryIO
    identity: tuple[int, int, int, int]   # device, inode, size, modification time (ns) when opened
    kind: str | None = None               # what the guard found it to be (set by guard.inspect)
    locked: bool = False
    # A small file is read into memory once (by the guard); every reader then parses these very bytes,
    # and the XML parts the guard inflated are kept for the reader (part name → bytes).
    content: bytes | None = field(default=None, repr=False)
    parts: dict[str, bytes] = field(default_factory=dict, repr=False)
    _archive: zipfile.ZipFile | None = field(default=None, repr=False)

    @property
    def size(self) -> int:
        return self.identity[2]

    def keep(self) -> bytes:
        """Read the whole file into memory (once), for every later read."""
        if self.content is None:
            self.content = self.read()
        return self.content

    def archive(self) -> zipfile.ZipFile:
        """The file as a zip archive, over the bytes kept in memory or the one handle (raises BadZipFile)."""
        if self._archive is None:
            self._archive = zipfile.ZipFile(io.BytesIO(self.content) if self.content is not None else self.handle)
        return self._archive

    def read(self, offset: int = 0, size: int | None = None) -> bytes:
        """Bytes of the file as opened; the whole file by default."""
        end = self.size if size is None else offset + size
        if self.content is not None:
            return self.content[offset:end]
        self.handle.seek(offset)
        return self.handle.read(end - offset)

    def reader_path(self) -> str:
        """A path that opens this very file (not whatever the name points to now), for readers that
        open files themselves; on systems without one the name (Windows does not replace an open file)."""
        fd = self.handle.fileno()
        for candidate in (f"/proc/self/fd/{fd}", f"/dev/fd/{fd}"):
            if os.path.exists(candidate):
                return candidate
        return str(self.path)

    def still_current(self) -> bool:
        """Whether the name still names the file opened, unchanged."""
        try:
            return _identity(os.stat(self.path)) == self.identity
        except OSError:
            return False

    def close(self) -> None:
        if self._archive is not None:
            self._archive.close()
            self._archive = None
        self.handle.close()

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _identity(info: os.stat_result) -> tuple[int, int, int, int]:
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


def _open_regular(path: Path) -> tuple[BinaryIO, os.stat_result]:
    refuse_special(path)
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)   # O_NONBLOCK: a FIFO swapped in after the check does not block the open
    except OSError as exc:
        raise _open_error(exc, path) from None
    try:
        info = os.fstat(fd)
        kind = special_kind(info.st_mode)
        if kind is not None:
            raise PlanError("safety.input_special", path=path, what=phrase(f"special.{kind}"))
        return os.fdopen(fd, "rb"), info
    except BaseException:
        os.close(fd)
        raise


def open_source(path: str | os.PathLike[str], *, lock: bool = False,
                wait: float = LOCK_WAIT_SECONDS) -> Source:
    """Open an input file once (regular files only); `lock`: hold it exclusively for an in-place write."""
    path = Path(path)
    deadline = time.monotonic() + wait
    while True:
        handle, info = _open_regular(path)
        source = Source(path, handle, _identity(info))
        if not lock or fcntl is None:
            return source
        try:
            if _lock(source, deadline):
                return source
        except BaseException:
            source.close()
            raise
        source.close()   # replaced while we waited: take the file that is there now


def _lock(source: Source, deadline: float) -> bool:
    """Take the exclusive lock, waiting until `deadline`; False when the file was replaced meanwhile."""
    fd = source.handle.fileno()
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise PlanError("safety.busy_elsewhere", path=source.path) from None
            time.sleep(LOCK_POLL_SECONDS)
        except OSError:
            return True   # a file system without locks (some network shares): go on without
    source.locked = True
    return source.still_current()
