"""Work on many files with every core: a few worker processes, one file at a time each.

Every file is still read through the whole guarded path inside its worker. A
worker that dies (the system stopped it for lack of memory, a library aborted
the process) takes nothing else down: the file it held comes back as `Died`,
the files queued behind it go to a new worker, and the run goes on. Workers
start with `spawn` on every platform, so they behave the same on Windows, and
each has a memory limit where the system offers one, so a file that slips past
the guard's limits stops its own worker instead of starving the machine.

Results come back as (index, result) in the order they finish; the caller
puts them back in input order, so the outcome does not depend on timing.
"""
from __future__ import annotations

import os
import signal
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Sequence

AHEAD = 2                         # files queued per worker, so that none waits while the parent works
WORKER_MEMORY_LIMIT = 4 * 2**30   # bytes of heap a worker may take; a district file needs a few dozen MiB
COLLECT_EVERY = 100               # files between two garbage collections in a worker


@dataclass(frozen=True, slots=True)
class Died:
    """The worker handling an item stopped without an answer."""

    exitcode: int | None   # negative: the signal that stopped it

    def describe(self) -> str:
        if self.exitcode is not None and self.exitcode < 0:
            try:
                return signal.Signals(-self.exitcode).name
            except ValueError:
                return f"signal {-self.exitcode}"
        return f"exit {self.exitcode}"


@dataclass(frozen=True, slots=True)
class Raised:
    """The function raised instead of returning (it should catch what it expects itself)."""

    detail: str


def available_cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def run_each(func: Callable[..., Any], items: Sequence[Any], jobs: int, args: tuple = (), *,
             memory_limit: int | None = None) -> Iterator[tuple[int, Any]]:
    """Yield (index, func(items[index], *args)) for every item, in completion order.

    With jobs > 1 the calls run in that many worker processes (`func` and the
    items must pickle), each limited to `memory_limit` bytes of heap (default
    WORKER_MEMORY_LIMIT, 0 for none); a result is then also `Died` (the worker
    stopped) or `Raised`. With jobs == 1 everything runs here, in order.
    """
    if jobs <= 1 or len(items) <= 1:
        for index, item in enumerate(items):
            yield index, func(item, *args)
        return
    limit = WORKER_MEMORY_LIMIT if memory_limit is None else memory_limit
    yield from _Pool(func, items, min(jobs, len(items)), args, limit).run()


@dataclass(eq=False)
class _Worker:
    process: Any
    conn: Any
    queue: deque = field(default_factory=deque)   # indexes sent and not answered, oldest first
    ready: bool = False                           # it said so: its start-up went well


START_FAILURES = 2   # workers dying before they are ready: the rest runs in this process


class _Pool:
    def __init__(self, func: Callable[..., Any], items: Sequence[Any], jobs: int, args: tuple,
                 memory_limit: int | None) -> None:
        import multiprocessing

        self.context = multiprocessing.get_context("spawn")
        self.func, self.items, self.jobs, self.args, self.memory_limit = func, items, jobs, args, memory_limit
        self.pending: deque[int] = deque(range(len(items)))
        self.workers: list[_Worker] = []
        self.start_failures = 0

    def run(self) -> Iterator[tuple[int, Any]]:
        from multiprocessing.connection import wait

        try:
            for _ in range(self.jobs):
                self._feed(self._start())
            while any(worker.queue for worker in self.workers):
                if self.start_failures >= START_FAILURES:
                    break
                busy = [worker for worker in self.workers if worker.queue]
                ready = set(wait([worker.conn for worker in busy] + [worker.process.sentinel for worker in busy]))
                for worker in busy:
                    if worker.conn not in ready and worker.process.sentinel not in ready:
                        continue
                    alive = True
                    try:
                        while worker.queue and worker.conn.poll():
                            message = worker.conn.recv()
                            if message == "ready":
                                worker.ready = True
                                continue
                            index, (status, value) = message
                            worker.queue.remove(index)
                            yield index, value if status == "ok" else Raised(value)
                    except (EOFError, OSError):
                        alive = False
                    if alive and worker.process.sentinel in ready:
                        alive = False   # exited: whatever it sent has been read above
                    if alive:
                        self._feed(worker)
                    else:
                        yield from self._bury(worker)
            if self.start_failures >= START_FAILURES:
                # Workers cannot start here (a script without `if __name__ == "__main__":` under spawn, a
                # sandbox without processes): this process does the work, as with jobs=1.
                for worker in self.workers:
                    self.pending.extendleft(reversed(worker.queue))
                    worker.queue.clear()
                while self.pending:
                    index = self.pending.popleft()
                    yield index, self.func(self.items[index], *self.args)
        finally:
            self._stop()

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(child, self.func, self.args, self.memory_limit),
                                       daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self.workers.append(worker)
        return worker

    def _feed(self, worker: _Worker) -> None:
        while len(worker.queue) < AHEAD and self.pending:
            index = self.pending.popleft()
            try:
                worker.conn.send((index, self.items[index]))
            except (OSError, ValueError):
                self.pending.appendleft(index)   # the worker is gone; its sentinel says so next
                return
            worker.queue.append(index)

    def _bury(self, worker: _Worker) -> Iterator[tuple[int, Any]]:
        """A dead worker: the item it was on is its culprit, the ones queued behind go to a new worker.
        One that died before it was ready blames no item."""
        worker.process.join(5)
        worker.conn.close()
        self.workers.remove(worker)
        if not worker.ready:
            self.start_failures += 1
        elif worker.queue:
            yield worker.queue.popleft(), Died(worker.process.exitcode)
        self.pending.extendleft(reversed(worker.queue))
        worker.queue.clear()
        if self.pending and self.start_failures < START_FAILURES:
            self._feed(self._start())

    def _stop(self) -> None:
        for worker in self.workers:
            try:
                worker.conn.send(None)
            except (OSError, ValueError):
                pass
        for worker in self.workers:
            worker.process.join(2)
            if worker.process.is_alive():
                worker.process.terminate()
                worker.process.join(2)
            worker.conn.close()
        self.workers.clear()


def _serve(conn: Any, func: Callable[..., Any], args: tuple, memory_limit: int | None) -> None:
    """A worker's life: take (index, item), answer (index, ("ok", result) or ("raised", detail))."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's to handle; it stops the workers
    _limit_memory(memory_limit)
    try:
        conn.send("ready")
    except (OSError, ValueError):
        return
    import gc

    gc.disable()   # as in the command line: a workbook makes many objects and no cycles (see cli.run_library)
    done = 0
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, item = task
        try:
            answer: tuple[str, Any] = ("ok", func(item, *args))
        except Exception as exc:   # noqa: BLE001 - reported to the parent, which reports it for this item
            answer = ("raised", f"{type(exc).__name__}: {exc}")
        try:
            conn.send((index, answer))
        except (OSError, ValueError):
            return
        except Exception as exc:   # an answer that does not pickle
            conn.send((index, ("raised", f"{type(exc).__name__}: {exc}")))
        done += 1
        if done % COLLECT_EVERY == 0:
            gc.collect()   # whatever cycles a file's objects did make


def _limit_memory(limit: int | None) -> None:
    if not limit:
        return
    try:
        import resource
    except ImportError:   # Windows: no limit; the guard's limits still apply
        return
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
        if hard == resource.RLIM_INFINITY or limit < hard:
            resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
    except (ValueError, OSError):
        pass
