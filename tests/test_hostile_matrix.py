"""Every command on every file of the hostile corpus, as a real process with a memory ceiling and a time limit.

For each of the corpus's files (broken, hostile, disguised, lying about its
sizes, damaged inside) the eight ways a district officer runs the tool —
check, check --format json, recalc -o, recalc in place, export --force,
status, import and consolidate — each run as its own process under
RLIMIT_AS, in parallel on every core. A run fails the suite on a signal, a
hang, a traceback, an "unexpected error", a leaked Python warning, a changed
input, a left-over temporary file, or an exit code outside 0/1/2; a refusal
must name the file and the problem, with the same sentence in every command;
a readable file must be read; every workbook recalc writes must open in
openpyxl (and in LibreOffice, where it is installed). The counts are printed
(`pytest -s`).
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import zipfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

import hostile
from chuanqg_xl import files
from test_safety import MAX_RSS_MB, run_cli

TIME_LIMIT = 60
COMMANDS: dict[str, Callable[[Path, Path], list[str]]] = {
    "check": lambda path, out: ["check", str(path)],
    "check_json": lambda path, out: ["check", str(path), "--format", "json"],
    "recalc_o": lambda path, out: ["recalc", str(path), "-o", str(out / "tinh-lai.xlsx")],
    "recalc": lambda path, out: ["recalc", str(path)],
    "export": lambda path, out: ["export", str(path), "-o", str(out / "phu-luc.xlsx"), "--force"],
    "status": lambda path, out: ["status", str(path)],
    "import": lambda path, out: ["import", str(path), "-o", str(out / "nhap.xlsx")],
    "consolidate": lambda path, out: ["consolidate", str(path), "-o", str(out / "tong-hop.xlsx")],
}
# The commands whose refusal is the plain sentence of the guard or the reader (consolidate quotes it in its report).
PLAIN_REFUSERS = ("check", "check_json", "recalc_o", "recalc", "export", "status")
WORD_FILES = {"docx_renamed"}   # check reads a Word plan (and says it is none); the workbook commands refuse it
FORBIDDEN = ("Traceback", "Lỗi không mong đợi", "Warning", "panicked at")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")


@dataclass
class Outcome:
    item: hostile.Item
    command: str
    path: Path
    code: int
    out: str
    err: str
    seconds: float
    problems: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)   # workbooks recalc wrote (to open afterwards)

    @property
    def shown(self) -> str:
        return f"{self.item.name} / {self.command}: exit {self.code} after {self.seconds:.1f} s\n{self.out}{self.err}"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _leftovers(folder: Path) -> list[str]:
    return [path.name for path in folder.rglob("*") if files.TEMP_MARK + "." in path.name or path.name.startswith("tmp")]


def _run(job: tuple[hostile.Item, str, Path, Path]) -> Outcome:
    item, command, corpus_home, work = job
    home, out = work / "in", work / "out"
    shutil.copytree(corpus_home / item.name, home)
    out.mkdir()
    path = home / item.filename
    before, listing = _sha(path), set(os.listdir(home))
    run = run_cli(COMMANDS[command](path, out), cwd=work, timeout=TIME_LIMIT)
    outcome = Outcome(item, command, path, run.code, run.out, run.err, run.seconds)
    problems = outcome.problems
    if run.code < 0:
        problems.append(f"killed by signal {-run.code}" + (" (the time limit)" if run.seconds >= TIME_LIMIT else ""))
    elif run.code not in (0, 1, 2):
        problems.append(f"exit code {run.code}")
    problems += [f"'{word}' in the output" for word in FORBIDDEN if word in run.out + run.err]
    if CONTROL.search(run.out + run.err):
        problems.append(f"a control character reached the terminal: {CONTROL.search(run.out + run.err).group(0)!r}")
    if run.max_rss_mb > MAX_RSS_MB:
        problems.append(f"used {run.max_rss_mb:.0f} MB")
    if run.code == 2 and str(path) not in run.err + run.out and path.name not in run.err + run.out:
        problems.append("the refusal does not name the file")
    produced = set(os.listdir(home)) - listing
    backup = files.backup_path(path)
    if command == "recalc" and run.code in (0, 1) and backup.exists():
        if produced != {backup.name} or _sha(backup) != before:
            problems.append(f"in place: the backup is not the original ({sorted(produced)})")
        outcome.written.append(path)
    elif command == "recalc" and run.code in (0, 1) and _sha(path) == before and len(produced) == 1:
        outcome.written.append(home / produced.pop())   # an .xls or .ods: recalculated into a new .xlsx next to it
    elif command == "recalc" and run.code in (0, 1) and _sha(path) == before and "không ghi lại" in run.out:
        pass                                             # already recalculated: nothing to write
    elif _sha(path) != before or produced:
        problems.append(f"the input changed or files appeared next to it: {sorted(produced)}")
    if command == "recalc_o" and run.code in (0, 1):
        outcome.written.append(out / "tinh-lai.xlsx")
    if command == "export" and run.code in (0, 1):
        with zipfile.ZipFile(out / "phu-luc.xlsx") as archive:
            if archive.testzip() is not None:
                problems.append("the exported workbook is damaged")
    if run.code == 2 and command in ("recalc_o", "export", "import", "consolidate") and any(out.iterdir()):
        problems.append(f"refused, yet wrote {sorted(os.listdir(out))}")
    leftovers = _leftovers(work)
    if leftovers:
        problems.append(f"left-over temporary files {leftovers}")
    for written in work.rglob("*"):
        if written.is_file() and written.name != "secret.txt" and hostile.SECRET_MARK.encode() in written.read_bytes():
            problems.append(f"{written.name} holds the content of a file an XML entity pointed to")
    return outcome


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> list[Outcome]:
    corpus_home = tmp_path_factory.mktemp("corpus")
    hostile.build_corpus(corpus_home)
    work = tmp_path_factory.mktemp("runs")
    jobs = []
    for index, (item, command) in enumerate((item, command) for item in hostile.CORPUS for command in COMMANDS):
        jobs.append((item, command, corpus_home, work / f"{index:04d}"))
        (work / f"{index:04d}").mkdir()
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        outcomes = list(pool.map(_run, jobs))
    counts = Counter((outcome.command, outcome.code) for outcome in outcomes)
    print(f"\n{len(hostile.CORPUS)} files × {len(COMMANDS)} commands = {len(outcomes)} runs; exit codes per command:")
    for command in COMMANDS:
        print(f"  {command:12} " + ", ".join(f"exit {code}: {counts[(command, code)]}" for code in (0, 1, 2)
                                              if counts[(command, code)]))
    print(f"  slowest run {max(outcome.seconds for outcome in outcomes):.1f} s")
    return outcomes


@pytest.mark.slow
def test_no_run_is_killed_hangs_crashes_or_leaves_anything_behind(matrix: list[Outcome]) -> None:
    failed = [f"{outcome.shown}\n  → " + "; ".join(outcome.problems) for outcome in matrix if outcome.problems]
    assert not failed, f"{len(failed)} of {len(matrix)} runs failed:\n\n" + "\n\n".join(failed[:20])


@pytest.mark.slow
def test_refused_files_are_refused_by_every_command_with_one_sentence(matrix: list[Outcome]) -> None:
    by_item: dict[str, dict[str, Outcome]] = {}
    for outcome in matrix:
        by_item.setdefault(outcome.item.name, {})[outcome.command] = outcome
    failed = []
    for item in hostile.CORPUS:
        if item.readable:
            continue
        runs = by_item[item.name]
        for command in PLAIN_REFUSERS:
            run = runs[command]
            if item.name in WORD_FILES and "check" in command:
                continue
            if run.code != 2 or not any(word in run.err for word in item.words):
                failed.append(f"{run.shown}\n  → expected exit 2 and one of {item.words}")
        refusers = [command for command in PLAIN_REFUSERS if item.name not in WORD_FILES or "check" not in command]
        sentences = {runs[command].err.strip().replace(str(runs[command].path.parent), "…") for command in refusers}
        if len(sentences) != 1:
            failed.append(f"{item.name}: the commands refuse with different sentences:\n  " + "\n  ".join(sentences))
        run = runs["consolidate"]
        if run.code != 2 or not any(word in run.out + run.err for word in item.words):
            failed.append(f"{run.shown}\n  → consolidate must name the file and the reason")
    assert not failed, "\n\n".join(failed)


@pytest.mark.slow
def test_readable_files_are_read_and_checked(matrix: list[Outcome]) -> None:
    failed = [outcome.shown for outcome in matrix if outcome.item.readable
              and outcome.command in ("check", "check_json", "recalc_o", "recalc", "export")
              and outcome.code not in (0, 1)]
    assert not failed, "\n\n".join(failed)


def _recalc_outputs(matrix: list[Outcome]) -> list[Path]:
    return [path for outcome in matrix for path in outcome.written]


@pytest.mark.slow
def test_every_workbook_recalc_writes_opens_in_openpyxl(matrix: list[Outcome]) -> None:
    import warnings

    import openpyxl

    outputs = _recalc_outputs(matrix)
    assert len(outputs) >= 2 * sum(item.readable for item in hostile.CORPUS) - 2
    failed = []
    for path in outputs:
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None, path
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")   # openpyxl's notes on extensions it drops are no failure
                openpyxl.load_workbook(path).close()
        except Exception as exc:  # noqa: BLE001 - any failure to open is the finding
            failed.append(f"{path.parent.parent.name}/{path.name}: {type(exc).__name__}: {exc}")
    assert not failed, "\n".join(failed)


@pytest.mark.slow
@pytest.mark.libreoffice
def test_every_workbook_recalc_writes_opens_in_libreoffice(matrix: list[Outcome], libreoffice) -> None:
    outputs = _recalc_outputs(matrix)
    converted = libreoffice.many(outputs, "ods")   # one LibreOffice start; a file it cannot open is not written
    assert len(converted) == len(outputs) and all(path.stat().st_size > 0 for path in converted)
