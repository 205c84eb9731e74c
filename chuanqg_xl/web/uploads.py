"""Uploads on disk and results in memory: private folders, generated names, limits, a bounded store.

* Every request that carries files gets a private folder (`mkdtemp`, mode 0700)
  that is removed when the request ends, also on error. Uploaded bytes are
  streamed into it under generated names (`tep-01.xlsx`); the name the browser
  sends is used only for display and for the names of downloads, after
  `display_name` has cleaned it. Nothing from the request becomes a path.
* A file over `MAX_FILE_BYTES` stops the upload while it streams (the rest is
  never written).
* What a later download needs (the uploaded bytes, a consolidated workbook
  already made) is kept in memory in `ResultStore`: a few entries, a byte
  budget, an idle expiry. Downloads are made again from those bytes in a
  private folder of their own, so nothing piles up on disk, and memory stays
  bounded by the budget however many files go through.
"""
from __future__ import annotations

import os
import re
import secrets
import shutil
import tempfile
import threading
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable
from urllib.parse import quote

from werkzeug.exceptions import RequestEntityTooLarge

MAX_FILE_BYTES = 50 * 1024 * 1024      # per file, stated on the page
MAX_FILES = 60                         # a province has 8-30 districts
MAX_REQUEST_BYTES = 256 * 1024 * 1024  # one request; also what the store keeps at most
STORE_ENTRIES = 12
STORE_IDLE_SECONDS = 30 * 60
FOLDER_PREFIX = "chuanqg-web-"
NAME_LIMIT = 80

# The endings the file chooser offers. What a file is, is judged by its content (actions.kind_of), not by this.
SUFFIX_KINDS = {".xlsx": "workbook", ".xlsm": "workbook", ".xls": "workbook", ".ods": "workbook",
                ".docx": "document", ".doc": "document"}
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_SPACES = re.compile(r"\s+")


# ---------------------------------------------------------------- names

def display_name(raw: str | None, fallback: str = "ke-hoach.xlsx") -> str:
    """The browser's file name made safe to show and to offer as a download name.

    Only the last component survives (browsers on Windows used to send
    C:\\…\\name); control characters and characters Windows forbids are
    dropped, the text is NFC, at most `NAME_LIMIT` characters, never empty,
    never a hidden or reserved name.
    """
    name = unicodedata.normalize("NFC", raw or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = _SPACES.sub(" ", _UNSAFE.sub("", name)).strip(" .")
    if not name or name.split(".")[0].upper() in {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)),
                                                   *(f"LPT{i}" for i in range(10))}:
        return fallback
    if len(name) > NAME_LIMIT:
        stem, dot, suffix = name.rpartition(".")
        if dot and 0 < len(suffix) <= 5:
            name = stem[:NAME_LIMIT - len(suffix) - 1].rstrip(" .") + "." + suffix
        else:
            name = name[:NAME_LIMIT].rstrip(" .")
    return name


def suffix_of(name: str) -> str:
    """The file's ending when it is one the page takes ('.xlsx'), else ''."""
    suffix = Path(name).suffix.lower()
    return suffix if suffix in SUFFIX_KINDS else ""


def stem_of(name: str) -> str:
    return name[: -len(suffix_of(name))] if suffix_of(name) else name


def ascii_name(name: str) -> str:
    """An ASCII stand-in for old browsers: diacritics removed (đ → d), anything else dropped."""
    name = name.replace("đ", "d").replace("Đ", "D")
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    plain = re.sub(r'[^A-Za-z0-9 ._()+,-]+', "", plain).strip(" .")
    return plain or "tep"


def content_disposition(name: str) -> str:
    """`attachment` with the Vietnamese name (RFC 6266 / 5987) and an ASCII fallback."""
    return f"attachment; filename=\"{ascii_name(name)}\"; filename*=UTF-8''{quote(name, safe='')}"


# ---------------------------------------------------------------- private folders

def new_folder(root: str | os.PathLike[str] | None = None) -> Path:
    """A private folder (mode 0700) for one request."""
    return Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX, dir=root))


def remove_folder(folder: Path | None) -> None:
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class Upload:
    """One uploaded file: where it is (a generated name) and what the user calls it."""

    name: str          # display name, cleaned
    path: Path         # in the request's private folder
    size: int = 0
    named: bool = True  # False: an empty file field (the browser sends one when nothing was chosen)
    kind: str | None = None   # "workbook" or "document" once judged by content (actions.kind_of)

    @property
    def suffix(self) -> str:
        return suffix_of(self.name)

    def read(self) -> bytes:
        return self.path.read_bytes()


class FileTooLarge(RequestEntityTooLarge):
    """One file is over the per-file limit (the message names it)."""

    def __init__(self, file_name: str) -> None:
        super().__init__()
        self.file_name = file_name


class TooManyFiles(RequestEntityTooLarge):
    pass


class _LimitedFile:
    """The container werkzeug streams one file into: a file in the private folder that refuses to grow too big."""

    def __init__(self, upload: Upload, limit: int) -> None:
        self.upload = upload
        self.limit = limit
        self.handle: BinaryIO = open(upload.path, "w+b")

    def write(self, data: bytes) -> int:
        self.upload.size += len(data)
        if self.upload.size > self.limit:
            raise FileTooLarge(self.upload.name)
        return self.handle.write(data)

    def __getattr__(self, name: str) -> object:   # read, seek, close, flush… of the real file
        return getattr(self.handle, name)


class UploadSink:
    """Makes the containers for one request's files, and remembers them."""

    def __init__(self, folder_factory: Callable[[], Path], limit: int = MAX_FILE_BYTES,
                 max_files: int = MAX_FILES) -> None:
        self.folder_factory = folder_factory
        self.limit = limit
        self.max_files = max_files
        self.uploads: list[Upload] = []
        self._files: list[_LimitedFile] = []

    def stream(self, filename: str | None) -> _LimitedFile:
        if len(self.uploads) >= self.max_files:
            raise TooManyFiles()
        name = display_name(filename)
        number = len(self.uploads) + 1
        # A generated name; the ending only from the fixed list, so the library sees a familiar file.
        path = self.folder_factory() / f"tep-{number:02d}{suffix_of(name) or '.bin'}"
        upload = Upload(name, path, named=bool(filename))
        self.uploads.append(upload)
        container = _LimitedFile(upload, self.limit)
        self._files.append(container)
        return container

    def close(self) -> None:
        for container in self._files:
            try:
                container.handle.close()
            except OSError:
                pass


# ---------------------------------------------------------------- results kept for downloads

@dataclass
class Kept:
    """What one result page needs for its downloads."""

    kind: str                                  # "plan" or "province"
    files: list[tuple[str, bytes]]             # (display name, bytes) of the uploads
    outputs: dict[str, bytes] = field(default_factory=dict)   # made already (the consolidated workbook)
    last_used: float = 0.0

    @property
    def size(self) -> int:
        return sum(len(data) for _, data in self.files) + sum(len(data) for data in self.outputs.values())


class ResultStore:
    """At most `entries` results and `budget` bytes in memory; an entry unused for `idle` seconds is dropped.

    The oldest (least recently used) entries go first. A result larger than
    the whole budget is not kept (its page says its downloads are gone).
    """

    def __init__(self, entries: int = STORE_ENTRIES, budget: int = MAX_REQUEST_BYTES,
                 idle: float = STORE_IDLE_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.entries = entries
        self.budget = budget
        self.idle = idle
        self.clock = clock
        self._items: dict[str, Kept] = {}
        self._lock = threading.Lock()

    def _expire(self, now: float) -> None:
        for token in [token for token, kept in self._items.items() if now - kept.last_used > self.idle]:
            del self._items[token]

    def put(self, kept: Kept) -> str | None:
        if kept.size > self.budget:
            return None
        token = secrets.token_urlsafe(24)
        with self._lock:
            now = self.clock()
            self._expire(now)
            kept.last_used = now
            self._items[token] = kept      # dicts keep order: the first item is the least recently used
            while len(self._items) > self.entries or self.used() > self.budget:
                del self._items[next(iter(self._items))]
        return token

    def get(self, token: str) -> Kept | None:
        with self._lock:
            now = self.clock()
            self._expire(now)
            kept = self._items.pop(token, None)
            if kept is not None:
                kept.last_used = now
                self._items[token] = kept
            return kept

    def add_output(self, token: str, key: str, data: bytes) -> None:
        with self._lock:
            kept = self._items.get(token)
            if kept is not None and self.used() + len(data) <= self.budget:
                kept.outputs[key] = data

    def used(self) -> int:
        return sum(kept.size for kept in self._items.values())

    def __len__(self) -> int:
        return len(self._items)
