"""The benchmark: our check and recalc against the tools a user would otherwise use.

One run measures, for every workbook size, the median wall time and the peak
memory (max RSS of the child process tree, from os.wait4) of whole processes:

* ``check``      ``chuanqg-xl check FILE --format json``
* ``recalc``     ``chuanqg-xl recalc FILE -o OUT --no-backup``
* ``calamine``   python-calamine reads every sheet to Python lists — the floor for reading xlsx in Python
* ``openpyxl``   openpyxl's own ``load_workbook`` + ``save`` of the same file
* ``libreoffice`` ``soffice --headless --convert-to xlsx`` with "recalculate on load: always" — a real
  spreadsheet engine's recalculation round trip (only where soffice exists)

plus ``chuanqg-xl --help`` once. It prints a table of medians and ratios
(ours / each anchor), evaluates the targets of issue 7 and writes everything,
with a description of the machine, to bench/results.md.

    python bench/run.py                              # all sizes (takes several minutes)
    python bench/run.py --sizes 50,1000 --runs 3     # a quick run
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# Constants only: the workbooks are written by generate.py in a child process (see `ensure_workbook`).
from generate import DEFAULT_SEED, OUT_DIR, SIZES, parse_sizes, workbook_path  # noqa: E402

BENCH_DIR = Path(__file__).resolve().parent
RESULTS = BENCH_DIR / "results.md"
TOOLS = ("check", "recalc", "calamine", "openpyxl", "libreoffice")
OURS = ("check", "recalc")
ANCHORS = ("calamine", "openpyxl", "libreoffice")
DISTRICT_SIZE = 50
BIG_SIZE = 50_000
BIG_FROM = 10_000   # sizes from here on get fewer runs
LINEAR_MIN = 1_000
MIB = 2**20

CALAMINE_SCRIPT = """
import sys
from python_calamine import CalamineWorkbook
book = CalamineWorkbook.from_path(sys.argv[1])
rows = sum(len(book.get_sheet_by_name(name).to_python()) for name in book.sheet_names)
print(rows)
"""
OPENPYXL_SCRIPT = """
import sys
import openpyxl
openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])
"""
# "Recalculation on file load" for Excel 2007+ files: 0 = always. Without it LibreOffice keeps the cached
# values and the round trip would measure load + save only.
LIBREOFFICE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
<value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse">\
<value>0</value></prop></item>
</oor:items>
"""


@dataclass
class Sample:
    seconds: float
    peak_bytes: int
    returncode: int
    timed_out: bool = False
    cpu_seconds: float = 0.0   # user + system time of the process and the children it waited for


@dataclass
class Measurement:
    tool: str
    size: int | None
    samples: list[Sample] = field(default_factory=list)
    error: str | None = None      # the command failed (not a timeout)
    skipped: str | None = None    # why it was not measured

    @property
    def timed_out(self) -> bool:
        return any(sample.timed_out for sample in self.samples)

    @property
    def ok(self) -> bool:
        return bool(self.samples) and not self.timed_out and self.error is None and self.skipped is None

    @property
    def median(self) -> float | None:
        return statistics.median(sample.seconds for sample in self.samples) if self.ok else None

    @property
    def low(self) -> float | None:
        return min(sample.seconds for sample in self.samples) if self.ok else None

    @property
    def high(self) -> float | None:
        return max(sample.seconds for sample in self.samples) if self.ok else None

    @property
    def peak_mib(self) -> float | None:
        return max(sample.peak_bytes for sample in self.samples) / MIB if self.ok else None


# ---------------------------------------------------------------- running one child process

def run_once(command: list[str], timeout: float, ok_codes: tuple[int, ...] = (0,),
             env: dict[str, str] | None = None) -> Sample:
    """Wall time and peak RSS of one whole process (with the children it waited for)."""
    timed_out = threading.Event()
    start = time.perf_counter()
    # A session of its own, so a timeout stops soffice.bin too and not only the wrapper script.
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, start_new_session=True, env=env)

    def stop() -> None:
        timed_out.set()
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    timer = threading.Timer(timeout, stop)
    timer.start()
    try:
        # stderr is drained before waiting so a chatty child cannot block on a full pipe.
        stderr = process.stderr.read() if process.stderr else b""
        _, status, usage = os.wait4(process.pid, 0)
    except BaseException:   # Ctrl-C: do not leave a recalc or soffice.bin running in its own session
        stop()
        raise
    finally:
        timer.cancel()
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait for it again
    if process.stderr:
        process.stderr.close()
    # Linux reports ru_maxrss in KiB, macOS in bytes.
    peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    sample = Sample(seconds, peak, process.returncode, timed_out.is_set(), usage.ru_utime + usage.ru_stime)
    if not sample.timed_out and process.returncode not in ok_codes:
        detail = stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        raise RuntimeError(f"exit {process.returncode}: {' | '.join(detail)}")
    return sample


# ---------------------------------------------------------------- the commands

@dataclass
class Setup:
    python: str
    cli: str
    soffice: str | None
    work: Path                 # outputs of recalc / openpyxl / soffice, deleted at the end
    profile: Path | None       # LibreOffice user profile of our own
    env: dict[str, str]        # environment of every measured process


def child_env(work: Path) -> dict[str, str]:
    """This environment, with Python's bytecode cached in a folder of the run.

    An installed package runs from .pyc files that pip compiled at install time. With
    PYTHONDONTWRITEBYTECODE set (some containers and CI images set it) every run would compile our
    modules from source again, ~45 ms that no user pays. The cache lives in the run's temporary
    folder, so nothing is written next to the sources; the unmeasured warm-up run fills it.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return env


def own_peak_bytes() -> int:
    """This process's peak RSS: the floor of every child's reading.

    A child starts as a copy of this process (vfork or fork), and Linux carries that memory into the
    child's max RSS across exec, so a child can never read below it. Keeping this process small
    (no library imports, workbooks written in a child) keeps the floor under any real reading.
    """
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak * (1 if sys.platform == "darwin" else 1024)


def ensure_workbook(size: int, folder: Path, seed: int, timeout: float) -> Path:
    path = workbook_path(folder, size, seed)
    if not path.exists():
        subprocess.run([sys.executable, str(BENCH_DIR / "generate.py"), "--sizes", str(size), "--out", str(folder),
                        "--seed", str(seed)], check=True, timeout=timeout, stdout=subprocess.DEVNULL,
                       stdin=subprocess.DEVNULL)
    return path


def find_cli() -> str:
    beside = Path(sys.executable).parent / "chuanqg-xl"
    found = str(beside) if beside.exists() else shutil.which("chuanqg-xl")
    if not found:
        sys.exit("chuanqg-xl is not installed in this environment (pip install -e .)")
    return found


def libreoffice_profile(work: Path) -> Path:
    """A fresh profile: our own settings, and no hand-over to a LibreOffice someone else has open."""
    profile = work / "lo-profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(LIBREOFFICE_SETTINGS, encoding="utf-8")
    return profile


def command_for(tool: str, path: Path, setup: Setup) -> tuple[list[str], tuple[int, ...]]:
    """The command line of one tool on one workbook, and the exit codes that mean it worked."""
    out = setup.work / tool
    out.mkdir(exist_ok=True)
    if tool == "check":
        return [setup.cli, "check", str(path), "--format", "json"], (0, 1)   # 1: the file has error findings
    if tool == "recalc":
        return [setup.cli, "recalc", str(path), "-o", str(out / path.name), "--no-backup"], (0, 1)
    if tool == "calamine":
        return [setup.python, "-c", CALAMINE_SCRIPT, str(path)], (0,)
    if tool == "openpyxl":
        return [setup.python, "-c", OPENPYXL_SCRIPT, str(path), str(out / path.name)], (0,)
    if tool == "libreoffice":
        assert setup.soffice and setup.profile
        return [setup.soffice, f"-env:UserInstallation={setup.profile.as_uri()}", "--headless", "--norestore",
                "--convert-to", "xlsx", "--outdir", str(out), str(path)], (0,)
    raise ValueError(tool)


def measure(tool: str, size: int | None, command: list[str], ok_codes: tuple[int, ...], runs: int, warmup: int,
            timeout: float, log: bool = True, env: dict[str, str] | None = None) -> Measurement:
    result = Measurement(tool, size)
    try:
        for _ in range(warmup):   # file cache, bytecode cache and (LibreOffice) profile warm; not counted
            if run_once(command, timeout, ok_codes, env).timed_out:
                result.samples.append(Sample(timeout, 0, -9, True))
                break
        else:
            for _ in range(runs):
                sample = run_once(command, timeout, ok_codes, env)
                result.samples.append(sample)
                if sample.timed_out:
                    break   # one timeout says enough; the next run would time out too
    except RuntimeError as exc:
        result.error = str(exc)
    if log:
        where = f"{size:>6} schools" if size else "".ljust(14)
        if result.ok:
            print(f"  {where}  {tool:<12} median {result.median:8.3f} s  peak {result.peak_mib:7.0f} MiB  "
                  f"({len(result.samples)} runs)", flush=True)
        else:
            print(f"  {where}  {tool:<12} {'timeout' if result.timed_out else result.error}", flush=True)
    return result


# ---------------------------------------------------------------- the machine

def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def machine(soffice: str | None) -> dict[str, str]:
    from importlib import metadata   # heavy (email, zipfile): loaded after measuring, off the memory floor

    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or platform.machine())
    mem = next((line.split()[1] for line in _read("/proc/meminfo").splitlines() if line.startswith("MemTotal")),
               None)
    versions = []
    for package in ("chuanqg-xl", "python-calamine", "openpyxl", "xlsxwriter", "click", "pandas"):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} (not installed)")
    office = "not used in this run"
    if soffice:
        try:
            office = subprocess.run([soffice, "--version"], capture_output=True, text=True, timeout=60,
                                    stdin=subprocess.DEVNULL).stdout.strip() or "unknown version"
        except (OSError, subprocess.TimeoutExpired):
            office = "version unknown"
    commit = ""
    try:
        commit = subprocess.run(["git", "-C", str(BENCH_DIR), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        pass
    load = " / ".join(f"{value:.2f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    return {
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "ram": f"{int(mem) / 2**20:.1f} GiB" if mem else "unknown",
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "libraries": ", ".join(versions),
        "libreoffice": office,
        "commit": commit or "unknown",
        "load": load,
    }


# ---------------------------------------------------------------- targets

@dataclass
class Target:
    name: str
    passed: bool | None     # None: not measured in this run
    measured: str


def _m(results: dict[tuple[str, int | None], Measurement], tool: str, size: int | None) -> Measurement | None:
    return results.get((tool, size))


def _ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or denominator is None or denominator <= 0:
        return None
    return numerator / denominator


def evaluate(results: dict[tuple[str, int | None], Measurement], sizes: list[int]) -> list[Target]:
    targets: list[Target] = []

    def add(name: str, passed: bool | None, measured: str) -> None:
        targets.append(Target(name, passed, measured))

    def median(tool: str, size: int | None) -> float | None:
        found = _m(results, tool, size)
        return found.median if found else None

    def why_missing(tool: str, size: int | None) -> str:
        found = _m(results, tool, size)
        if found is None:
            return f"{tool} at {size} schools not measured" if size else f"{tool} not measured"
        if found.timed_out:
            return f"{tool} timed out"
        return found.skipped or found.error or "not measured"

    check_small = median("check", DISTRICT_SIZE)
    add(f"`check`, {DISTRICT_SIZE} schools, whole process ≤ 0.5 s",
        None if check_small is None else check_small <= 0.5,
        f"{check_small:.3f} s" if check_small is not None else why_missing("check", DISTRICT_SIZE))
    office = median("libreoffice", DISTRICT_SIZE)
    speedup = _ratio(office, check_small)
    lo_note = why_missing("libreoffice", DISTRICT_SIZE) if office is None else ""
    add(f"`check`, {DISTRICT_SIZE} schools, ≥ 10× faster than the LibreOffice round trip",
        None if speedup is None else speedup >= 10,
        f"{speedup:.1f}× faster ({office:.2f} s / {check_small:.3f} s)" if speedup else lo_note)
    ratio = _ratio(median("check", BIG_SIZE), median("calamine", BIG_SIZE))
    add(f"`check`, {BIG_SIZE:,} schools, ≤ 3× the bare calamine read",
        None if ratio is None else ratio <= 3,
        f"{ratio:.1f}× calamine" if ratio else why_missing("check", BIG_SIZE))
    ratio = _ratio(median("recalc", BIG_SIZE), median("openpyxl", BIG_SIZE))
    add(f"`recalc`, {BIG_SIZE:,} schools, no slower than openpyxl load + save",
        None if ratio is None else ratio <= 1,
        f"{ratio:.2f}× openpyxl" if ratio else why_missing("recalc", BIG_SIZE))
    help_time = median("help", None)
    add("`chuanqg-xl --help` ≤ 0.3 s", None if help_time is None else help_time <= 0.3,
        f"{help_time:.3f} s" if help_time is not None else why_missing("help", None))
    for tool in OURS:
        found = _m(results, tool, BIG_SIZE)
        peak = found.peak_mib if found else None
        add(f"`{tool}`, {BIG_SIZE:,} schools, peak memory < 1 GiB", None if peak is None else peak < 1024,
            f"{peak:.0f} MiB" if peak is not None else why_missing(tool, BIG_SIZE))
    # Linear cost: time per school at each size against the next smaller one, from 1,000 schools up. The
    # fixed cost of a process (start-up, imports: the time at the smallest size) is taken off first. The
    # fastest run is used, not the median: other people's load on a shared machine only ever adds time,
    # and a ratio of two noisy medians says more about the neighbours than about our code. 1.25 leaves
    # room for what noise remains.
    def fastest(tool: str, size: int | None) -> float | None:
        found = _m(results, tool, size)
        return found.low if found else None

    fixed_from = min(sizes) if min(sizes) < LINEAR_MIN else None
    steps = [size for size in sorted(sizes) if size >= LINEAR_MIN]
    for tool in OURS:
        if len(steps) < 2:
            add(f"`{tool}`: time per school does not grow with size", None, f"needs two sizes ≥ {LINEAR_MIN:,}")
            continue
        fixed = (fastest(tool, fixed_from) or 0.0) if fixed_from else 0.0
        for small_size, large_size in zip(steps, steps[1:]):
            name = f"`{tool}`: time per school does not grow ({small_size:,} → {large_size:,} schools, ≤ 1.25×)"
            small, large = fastest(tool, small_size), fastest(tool, large_size)
            if small is None or large is None:
                add(name, None, "not measured")
                continue
            per_small = max(small - fixed, 1e-9) / small_size
            per_large = max(large - fixed, 1e-9) / large_size
            growth = per_large / per_small
            add(name, growth <= 1.25,
                f"{per_small * 1e6:.0f} → {per_large * 1e6:.0f} µs/school ({growth:.2f}×, fastest runs)")
    return targets


# ---------------------------------------------------------------- the table

def _s(value: float | None) -> str:
    return "—" if value is None else (f"{value:.3f}" if value < 10 else f"{value:.1f}")


def _bytes(count: int) -> str:
    return f"{count / MIB:.1f} MB" if count >= MIB else f"{count / 1024:.0f} KB"


def _cell(found: Measurement | None, floor_mib: float) -> tuple[str, str, str, str]:
    if found is None:
        return "—", "—", "—", "—"
    if found.skipped:
        return "skipped", "—", "—", "—"
    if found.timed_out:
        limit = found.samples[-1].seconds
        return f"timeout (> {_s(limit)} s)", "—", "—", str(len(found.samples))
    if found.error:
        return "failed", "—", "—", "—"
    peak = found.peak_mib or 0.0
    # At the floor the reading says only "no more than this process's own size" (see own_peak_bytes).
    shown = f"≤ {floor_mib:.0f}" if peak <= floor_mib + 0.5 else f"{peak:.0f}"
    return _s(found.median), f"{_s(found.low)}–{_s(found.high)}", shown, str(len(found.samples))


def render(results: dict[tuple[str, int | None], Measurement], sizes: list[int], files: dict[int, Path],
           targets: list[Target], info: dict[str, str], argv: list[str]) -> str:
    floor_mib = float(info["floor_mib"])
    lines = ["# Benchmark results", "",
             f"Written by `python bench/run.py {' '.join(argv)}`".rstrip() + f" on {info['date']}.", "",
             "## Machine", "",
             f"- CPU: {info['cpu']} ({info['cores']} cores), RAM {info['ram']}, {info['os']}",
             f"- {info['python']}; {info['libraries']}",
             f"- LibreOffice: {info['libreoffice']}",
             f"- chuanqg-xl commit {info['commit']}; load average at start {info['load']}",
             "- Python processes run with a bytecode cache of the run (`PYTHONPYCACHEPREFIX`), as an installed "
             "package runs from the .pyc files pip compiled; `PYTHONDONTWRITEBYTECODE` is lifted for them"
             + (" (it was set here)" if info.get("no_bytecode_env") == "1" else ""),
             "", "Times are medians of whole-process wall times (several runs, one unmeasured warm-up run "
             "first); the machine is shared, so single runs are noisy. Peak memory is the highest max RSS "
             "of the process tree over the runs, from `os.wait4`; a child cannot read below the measuring "
             f"process's own peak ({floor_mib:.0f} MiB here), shown as `≤`.", "",
             "## Times and memory", "",
             "| schools | file | tool | median s | min–max s | peak MiB | runs |",
             "|---:|---:|---|---:|---:|---:|---:|"]
    for size in sizes:
        size_text = _bytes(files[size].stat().st_size) if size in files else "—"
        for tool in TOOLS:
            found = _m(results, tool, size)
            if found is None:
                continue
            median, spread, peak, runs = _cell(found, floor_mib)
            lines.append(f"| {size:,} | {size_text} | {tool} | {median} | {spread} | {peak} | {runs} |")
    found = _m(results, "help", None)
    median, spread, peak, runs = _cell(found, floor_mib)
    lines.append(f"| — | — | `chuanqg-xl --help` | {median} | {spread} | {peak} | {runs} |")
    if sizes:
        lines += ["", "## Ratios (ours / anchor; below 1 means we are faster)", "",
                  "| schools | " + " | ".join(f"{ours} / {anchor}" for ours in OURS for anchor in ANCHORS) + " |",
                  "|---:|" + "---:|" * (len(OURS) * len(ANCHORS))]
    for size in sizes:
        cells = []
        for ours in OURS:
            for anchor in ANCHORS:
                mine, theirs = _m(results, ours, size), _m(results, anchor, size)
                ratio = _ratio(mine.median if mine else None, theirs.median if theirs else None)
                if theirs is not None and theirs.timed_out:
                    cells.append("anchor timed out")
                else:
                    cells.append("—" if ratio is None else f"{ratio:.2f}")
        lines.append(f"| {size:,} | " + " | ".join(cells) + " |")
    if targets:
        lines += ["", "## Targets (issue 7)", "", "| target | measured | result |", "|---|---|---|"]
    for target in targets:
        verdict = {True: "pass", False: "**miss**", None: "not measured"}[target.passed]
        lines.append(f"| {target.name} | {target.measured} | {verdict} |")
    failures = [(key, found) for key, found in results.items() if found.error]
    if failures:
        lines += ["", "## Failures", ""]
        lines += [f"- {tool} at {size} schools: {found.error}" for (tool, size), found in failures]
    lines += ["", "## Anchors", "",
              "- **calamine**: python-calamine reads every sheet into Python lists in a fresh interpreter — "
              "the practical floor for reading an xlsx file in Python.",
              "- **openpyxl**: `openpyxl.load_workbook(f).save(g)` — what a Python tool built on openpyxl "
              "pays for a read-modify-write, before any checking.",
              "- **libreoffice**: `soffice --headless --convert-to xlsx` with a fresh profile set to "
              "recalculate every formula on load — a spreadsheet engine opening, recalculating and saving.",
              ""]
    return "\n".join(lines)


# ---------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=parse_sizes, default=list(SIZES), help="comma-separated school counts")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per tool and size (default 5)")
    parser.add_argument("--big-runs", type=int, default=3,
                        help=f"timed runs at sizes ≥ {BIG_FROM:,} (default 3)")
    parser.add_argument("--office-big-runs", type=int, default=1,
                        help=f"LibreOffice runs at sizes ≥ {BIG_FROM:,} (default 1)")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured runs before timing (default 1)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds before a run is stopped")
    parser.add_argument("--no-libreoffice", action="store_true", help="skip the LibreOffice round trip")
    parser.add_argument("--tools", default=",".join(TOOLS), help=f"subset of {','.join(TOOLS)}")
    parser.add_argument("--workbooks", type=Path, default=OUT_DIR, help="folder of generated workbooks")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--results", type=Path, default=RESULTS, help="markdown file for the table")
    parser.add_argument("--json", type=Path, help="also write the raw samples as JSON")
    parser.add_argument("--national", type=int, nargs="?", const=700, metavar="N",
                        help="also the national run: N district plans consolidated (default 700); see national.py")
    parser.add_argument("--national-runs", type=int, default=3, help="rounds of the national run (default 3)")
    parser.add_argument("--only-national", action="store_true", help="skip the workbook sizes")
    args = parser.parse_args(argv)
    if args.only_national and not args.national:
        args.national = 700
    tools = [tool for tool in args.tools.split(",") if tool]
    unknown = set(tools) - set(TOOLS)
    if unknown:
        parser.error(f"unknown tools: {', '.join(sorted(unknown))}")
    sizes = sorted(set(args.sizes))

    soffice = None if args.no_libreoffice or "libreoffice" not in tools else \
        (shutil.which("soffice") or shutil.which("libreoffice"))
    work = Path(tempfile.mkdtemp(prefix="chuanqg-bench-"))
    setup = Setup(sys.executable, find_cli(), soffice, work, libreoffice_profile(work) if soffice else None,
                  child_env(work))
    results: dict[tuple[str, int | None], Measurement] = {}
    files: dict[int, Path] = {}
    floor = own_peak_bytes()
    national_result = None
    if args.only_national:
        sizes = []
    try:
        print("Workbooks:", flush=True)
        for size in sizes:
            start = time.perf_counter()
            files[size] = ensure_workbook(size, args.workbooks, args.seed, args.timeout)
            print(f"  {files[size]}  {files[size].stat().st_size / MIB:.1f} MB  "
                  f"({time.perf_counter() - start:.1f} s)", flush=True)
        floor = own_peak_bytes()
        print(f"Measuring (memory floor {floor / MIB:.0f} MiB):", flush=True)
        results[("help", None)] = measure("help", None, [setup.cli, "--help"], (0,), max(args.runs, 5),
                                          args.warmup, args.timeout, env=setup.env)
        office_warm = False
        for size in sizes:
            big = size >= BIG_FROM
            for tool in tools:
                if tool == "libreoffice" and not soffice:
                    results[(tool, size)] = Measurement(tool, size, skipped="soffice not available or skipped")
                    continue
                runs = args.big_runs if big else args.runs
                warmup = args.warmup
                if tool == "libreoffice":
                    runs = args.office_big_runs if big else runs
                    # One warm-up initialises the profile; later sizes need no other.
                    warmup = 0 if office_warm and big else max(warmup, 1)
                    office_warm = True
                command, ok_codes = command_for(tool, files[size], setup)
                results[(tool, size)] = measure(tool, size, command, ok_codes, runs, warmup, args.timeout,
                                                env=setup.env)
        if args.national:
            import national

            print(f"National run ({args.national} districts):", flush=True)
            national_result = national.run_national(
                args.national, args.workbooks, args.seed, args.national_runs, setup.cli, setup.python, work,
                setup.env, run_once, args.timeout, lambda line: print(line, flush=True))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    info = machine(soffice)
    info["floor_mib"] = f"{floor / MIB:.1f}"
    info["no_bytecode_env"] = "1" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "0"
    targets = evaluate(results, sizes) if sizes else []
    table = render(results, sizes, files, targets, info, argv)
    if national_result is not None:
        import national

        table += "\n" + "\n".join(national.render_national(national_result))
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(table, encoding="utf-8")
    if args.json:
        raw = {f"{tool}@{size}": [sample.__dict__ for sample in found.samples]
               for (tool, size), found in results.items()}
        args.json.write_text(json.dumps({"machine": info, "samples": raw}, indent=1), encoding="utf-8")
    print()
    print(table)
    print(f"Written to {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
