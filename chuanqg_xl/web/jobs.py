"""Long work the page follows: a consolidation runs in a thread of its own and the page polls how far it is.

A job owns the private folder its uploads were streamed into (the request
hands it over) and removes it when it ends, whatever happens. The board
holds at most `MAX_RUNNING` unfinished jobs (more are refused with a
sentence) and `MAX_KEPT` in all; a finished job keeps its result until the
page fetches it once (or `KEEP_SECONDS` pass), then only the token of its
downloads. So memory stays bounded, and no folder outlives its job. Folders
of jobs still running when the server stops are removed by `close()`.
"""
from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .uploads import remove_folder

MAX_RUNNING = 4          # unfinished consolidations at once (they run one or two at a time: see app.WORKERS)
MAX_KEPT = 16            # jobs remembered at all
KEEP_SECONDS = 10 * 60   # a finished job nobody asks about is forgotten after this
READ_SHARE = 0.85        # of the bar: reading the files; writing the workbook takes the rest


@dataclass
class Job:
    """One consolidation the page follows: its phase ('queued', 'read', 'write', 'finish', 'done', 'failed')
    and how far it is."""

    ident: str
    folder: Path | None
    total: int
    lang: str
    phase: str = "queued"
    done: int = 0
    of: int = 0                                  # the phase's own total (files read, rows written)
    result: object | None = None                 # what the page shows, until it has been fetched
    error: str | None = None                     # the sentence when it failed
    token: str | None = None                     # where its downloads are kept
    ended: float | None = None
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def progress(self, phase: str, done: int, total: int) -> None:
        """The library's progress callback: ('read', files read, files), ('write', rows written, rows)."""
        with self.lock:
            self.phase, self.done, self.of = phase, done, total

    def fraction(self) -> float | None:
        """How much of the bar is done; None while it waits for its turn (nothing to measure yet)."""
        with self.lock:
            if self.phase == "queued":
                return None
            if self.phase == "read":
                return READ_SHARE * self.done / max(self.of, 1)
            if self.phase == "write":
                return READ_SHARE + (1 - READ_SHARE) * self.done / max(self.of, 1)
            return 1.0

    @property
    def finished(self) -> bool:
        return self.phase in ("done", "failed")


class JobBoard:
    """The jobs of one app: started, followed, fetched once, forgotten."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def running(self) -> int:
        with self._lock:
            return sum(1 for job in self._jobs.values() if not job.finished)

    def start(self, folder: Path, total: int, lang: str, work: Callable[[Job], tuple[object, str | None]],
              failure: Callable[[BaseException], str]) -> Job | None:
        """Run `work(job)` → (result, token) in a thread; None when too many jobs are unfinished (the caller
        then still owns `folder`). `failure(exc)` turns an exception into the sentence the page shows."""
        with self._lock:
            self._forget(self.clock())
            if sum(1 for job in self._jobs.values() if not job.finished) >= MAX_RUNNING:
                return None
            job = Job(secrets.token_urlsafe(24), folder, total, lang)
            self._jobs[job.ident] = job
            while len(self._jobs) > MAX_KEPT:
                oldest = next((key for key, kept in self._jobs.items() if kept.finished), None)
                if oldest is None:
                    break
                del self._jobs[oldest]

        def run() -> None:
            outcome: tuple[object, str | None] | None = None
            error = None
            try:
                outcome = work(job)
            except BaseException as exc:   # the page must hear of it, whatever it is
                try:
                    error = failure(exc)
                except BaseException:
                    error = repr(exc)
            finally:
                self._release(job)         # the folder is gone before the page hears the job has ended
            with job.lock:
                if outcome is not None:
                    (job.result, job.token), job.phase = outcome, "done"
                else:
                    job.error, job.phase = error, "failed"

        threading.Thread(target=run, name=f"chuanqg-job-{job.ident[:6]}", daemon=True).start()
        return job

    def _release(self, job: Job) -> None:
        with job.lock:
            folder, job.folder = job.folder, None
            job.ended = self.clock()
        remove_folder(folder)

    def get(self, ident: str) -> Job | None:
        with self._lock:
            self._forget(self.clock())
            return self._jobs.get(ident)

    def take(self, job: Job) -> tuple[object | None, str | None]:
        """The result (once: later calls get None and the token only) and the token of its downloads."""
        with job.lock:
            result, job.result = job.result, None
            return result, job.token

    def _forget(self, now: float) -> None:
        for ident in [ident for ident, job in self._jobs.items()
                      if job.ended is not None and now - job.ended > KEEP_SECONDS]:
            del self._jobs[ident]

    def close(self) -> None:
        """The server stops: remove the folders of jobs still running (their threads die with the process)."""
        with self._lock:
            jobs = list(self._jobs.values())
        for job in jobs:
            with job.lock:
                folder, job.folder = job.folder, None
            remove_folder(folder)

    def __len__(self) -> int:
        with self._lock:
            return len(self._jobs)
