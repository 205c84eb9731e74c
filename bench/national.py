"""The national run (issue 16): 700 district plans consolidated, and one district read and checked.

Everything is measured in one interleaved run (A, B, A, B, …), so that load from other work on the machine
falls on both sides of each ratio; the fastest and the median runs are reported.

* ``consolidate``: ``chuanqg-xl consolidate FOLDER -o OUT --format json``, a whole process with its worker
  processes, against the calamine floor: one Python process reading every sheet of every file into lists
  with python-calamine. Also ``consolidate -j 1`` (one process), for what the cores bring.
* ``read_plan``: a district workbook read by ``chuanqg_xl.reader.read_plan`` and by python-calamine alone, in
  one process, warm (imports done, other files read first); each file is read once by each, so no cache of
  a file's own content helps either side.
* ``check``: ``chuanqg-xl check FILE --format json`` on a district workbook, a whole process, next to a bare
  ``python -c pass``; and the import time of that command by module (``python -X importtime``, the fastest
  of several runs per module).

    python bench/run.py --national            # the sizes and the national run
    python bench/run.py --national --sizes 50 --tools check,calamine --no-libreoffice   # quicker
"""
from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

MIB = 2**20
FLOOR_SCRIPT = """
import sys
from pathlib import Path
from python_calamine import CalamineWorkbook
rows = 0
for path in sorted(Path(sys.argv[1]).glob("*.xlsx")):
    book = CalamineWorkbook.from_path(str(path))
    rows += sum(len(book.get_sheet_by_name(name).to_python()) for name in book.sheet_names)
print(rows)
"""
READ_SCRIPT = """
import gc, json, statistics, sys, time
from pathlib import Path
from python_calamine import CalamineWorkbook
from chuanqg_xl.reader import read_plan

def calamine(path):
    book = CalamineWorkbook.from_path(str(path))
    return [book.get_sheet_by_name(name).to_python() for name in book.sheet_names]

files = sorted(Path(sys.argv[1]).glob("*.xlsx"))[:int(sys.argv[2]) + 5]
gc.disable()   # as the command line runs
for path in files[:5]:   # warm: imports, caches of labels and names
    read_plan(path), calamine(path)
ours, floor = [], []
for path in files[5:]:
    start = time.perf_counter(); calamine(path); floor.append(time.perf_counter() - start)
    start = time.perf_counter(); read_plan(path); ours.append(time.perf_counter() - start)
print(json.dumps({"read_plan": ours, "calamine": floor}))
"""


@dataclass
class NationalResult:
    districts: int
    schools: int
    folder_mb: float
    times: dict[str, list[float]] = field(default_factory=dict)      # seconds of each run, per row
    cpu: dict[str, list[float]] = field(default_factory=dict)        # CPU seconds (process tree) of each run
    peaks: dict[str, float] = field(default_factory=dict)            # MiB, highest over the runs
    output_mb: float = 0.0
    report_lines: int = 0
    read: dict[str, list[float]] = field(default_factory=dict)       # per-file seconds in one process
    imports: list[tuple[str, float, float]] = field(default_factory=list)   # module, self ms, cumulative ms
    import_groups: dict[str, float] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def _folder(count: int, workbooks: Path, seed: int, timeout: float) -> Path:
    from generate import national_folder

    folder = national_folder(workbooks, count, seed)
    if not (folder / ".complete").exists():
        subprocess.run([sys.executable, str(Path(__file__).with_name("generate.py")), "--national", str(count),
                        "--out", str(workbooks), "--seed", str(seed)], check=True, timeout=timeout * 4,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    return folder


def run_national(count: int, workbooks: Path, seed: int, runs: int, cli: str, python: str, work: Path,
                 env: dict[str, str], run_once: Callable, timeout: float, log: Callable[[str], None]) -> NationalResult:
    folder = _folder(count, workbooks, seed, timeout)
    files = sorted(folder.glob("*.xlsx"))
    district = files[0]
    with zipfile.ZipFile(district):   # a sanity check that the folder is readable
        pass
    out = work / "national"
    out.mkdir(exist_ok=True)
    result = NationalResult(len(files), 0, sum(path.stat().st_size for path in files) / MIB)
    rows = {
        "consolidate": ([cli, "consolidate", str(folder), "-o", str(out / "tinh.xlsx"), "--format", "json"], (0, 1)),
        "consolidate -j 1": ([cli, "consolidate", str(folder), "-o", str(out / "tinh-1.xlsx"), "-j", "1",
                              "--format", "json"], (0, 1)),
        "calamine floor": ([python, "-c", FLOOR_SCRIPT, str(folder)], (0,)),
        "check (district)": ([cli, "check", str(district), "--format", "json"], (0, 1)),
        "python -c pass": ([python, "-c", "pass"], (0,)),
    }
    repeat = {"check (district)": 5, "python -c pass": 5}   # short processes: more samples per round
    for name, (command, codes) in rows.items():   # warm-up: bytecode cache, file cache
        try:
            run_once(command, timeout, codes, env)
        except RuntimeError as exc:
            result.errors.append(f"{name}: {exc}")
    for round_number in range(runs):
        for name, (command, codes) in rows.items():
            for _ in range(repeat.get(name, 1)):
                try:
                    sample = run_once(command, timeout, codes, env)
                except RuntimeError as exc:
                    result.errors.append(f"{name}: {exc}")
                    continue
                result.times.setdefault(name, []).append(sample.seconds)
                result.cpu.setdefault(name, []).append(sample.cpu_seconds)
                result.peaks[name] = max(result.peaks.get(name, 0.0), sample.peak_bytes / MIB)
        log(f"  national round {round_number + 1}/{runs}: consolidate "
            f"{result.times.get('consolidate', [0])[-1]:.2f} s, floor {result.times.get('calamine floor', [0])[-1]:.2f} s")
    report = subprocess.run([cli, "consolidate", str(folder), "-o", str(out / "tinh-text.xlsx")], capture_output=True,
                            text=True, encoding="utf-8", env=env, timeout=timeout, stdin=subprocess.DEVNULL)
    result.report_lines = len(report.stdout.splitlines())
    result.output_mb = (out / "tinh.xlsx").stat().st_size / MIB if (out / "tinh.xlsx").exists() else 0.0
    data = json.loads(subprocess.run(rows["consolidate"][0], capture_output=True, text=True, encoding="utf-8",
                                     env=env, timeout=timeout, stdin=subprocess.DEVNULL).stdout)
    result.schools = data["totals"]["schools"]
    read = subprocess.run([python, "-c", READ_SCRIPT, str(folder), str(min(200, len(files) - 5))],
                          capture_output=True, text=True, env=env, timeout=timeout, stdin=subprocess.DEVNULL)
    if read.returncode == 0:
        result.read = json.loads(read.stdout)
    else:
        result.errors.append("read_plan: " + read.stderr.strip().splitlines()[-1:][0] if read.stderr else "failed")
    result.imports, result.import_groups = import_times(python, district, env, max(runs * 2, 6))
    return result


_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def import_times(python: str, district: Path, env: dict[str, str], runs: int):
    """Fastest self and cumulative import time of each module of `check`, and totals by origin."""
    best: dict[str, tuple[int, int]] = {}
    for _ in range(runs):
        err = subprocess.run([python, "-X", "importtime", "-m", "chuanqg_xl", "check", str(district), "--format",
                              "json"], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL).stderr
        for line in err.splitlines():
            found = _IMPORT_LINE.match(line)
            if found:
                own, total, name = int(found.group(1)), int(found.group(2)), found.group(4)
                if name not in best or total < best[name][1]:
                    best[name] = (own, total)
    groups: dict[str, float] = {}
    for name, (own, _) in best.items():
        root = name.split(".")[0]
        group = ("chuanqg_xl (ours)" if root == "chuanqg_xl" else "python_calamine" if root == "python_calamine"
                 else "click" if root == "click" else
                 "site (venv, editable install finder)" if root in ("site", "sitecustomize", "_distutils_hack")
                 or root.startswith("__editable__") else "standard library")
        groups[group] = groups.get(group, 0.0) + own / 1000
    top = sorted(((name, own / 1000, total / 1000) for name, (own, total) in best.items()
                  if name.startswith("chuanqg_xl")), key=lambda item: -item[1])
    return top, groups


def _ms(values: list[float]) -> str:
    return f"{min(values) * 1000:.1f} / {statistics.median(values) * 1000:.1f}" if values else "—"


def _s(values: list[float]) -> str:
    return f"{min(values):.2f} / {statistics.median(values):.2f}" if values else "—"


def render_national(result: NationalResult) -> list[str]:
    times = result.times
    lines = ["## National run (issue 16)", "",
             f"{result.districts} district workbooks ({result.schools:,} schools, {result.folder_mb:.1f} MB), "
             "generated by `generate.py --national` (60–70 schools each, school names recurring across districts, "
             "same-name districts in several provinces, one district sent twice). All rows below were measured in "
             f"one interleaved run, {len(times.get('consolidate', []))} rounds; min / median.", "",
             "| row | command | s (min / median) | CPU s (min) | peak MiB |", "|---|---|---:|---:|---:|"]
    for name, what in (("consolidate", "`chuanqg-xl consolidate DIR -o OUT --format json` (workers on every core)"),
                       ("consolidate -j 1", "the same in one process"),
                       ("calamine floor", "python-calamine reads every sheet of every file, one process")):
        peak = result.peaks.get(name)
        cpu = result.cpu.get(name)
        lines.append(f"| {name} | {what} | {_s(times.get(name, []))} | {min(cpu):.2f} | " if cpu else
                     f"| {name} | {what} | {_s(times.get(name, []))} | — | ")
        lines[-1] += f"{peak:.0f} |" if peak else "— |"
    ratios = []
    if times.get("consolidate") and times.get("calamine floor"):
        ours, floor = times["consolidate"], times["calamine floor"]
        ratios.append(f"consolidate / calamine floor: **{min(ours) / min(floor):.2f}×** (fastest runs), "
                      f"{statistics.median(ours) / statistics.median(floor):.2f}× (medians); target ≤ 5×")
    cpu = result.cpu
    if cpu.get("consolidate") and cpu.get("calamine floor"):
        ratios.append(f"CPU time, consolidate (all its processes) / calamine floor: "
                      f"{min(cpu['consolidate']) / min(cpu['calamine floor']):.2f}× (least CPU of the runs)")
    if times.get("consolidate") and times.get("consolidate -j 1"):
        ratios.append(f"one process / workers: {min(times['consolidate -j 1']) / min(times['consolidate']):.2f}× "
                      "(fastest runs)")
    lines += [""] + [f"- {ratio}" for ratio in ratios]
    lines.append(f"- peak memory of consolidate (largest process of the tree): "
                 f"{result.peaks.get('consolidate', 0):.0f} MiB; target < 300 MiB")
    lines.append(f"- output workbook: {result.output_mb:.1f} MB; printed report: {result.report_lines} lines")
    read = result.read
    if read.get("read_plan") and read.get("calamine"):
        ours, floor = read["read_plan"], read["calamine"]
        lines += ["", "### One district", "",
                  "| row | ms (min / median) |", "|---|---:|",
                  f"| `read_plan` of a district workbook, in process, warm ({len(ours)} files) | {_ms(ours)} |",
                  f"| python-calamine reads the same files, same process | {_ms(floor)} |",
                  f"| `chuanqg-xl check FILE --format json`, whole process | {_ms(times.get('check (district)', []))} |",
                  f"| `python -c pass`, whole process | {_ms(times.get('python -c pass', []))} |", "",
                  f"- read_plan / calamine: **{sum(ours) / sum(floor):.2f}×** (all files), "
                  f"{statistics.median(ours) / statistics.median(floor):.2f}× (medians); target ≤ 3×",
                  f"- check, whole process: **{min(times.get('check (district)', [0])) * 1000:.0f} ms** fastest, "
                  f"{statistics.median(times.get('check (district)', [0])) * 1000:.0f} ms median; target < 70 ms"]
    if result.import_groups:
        lines += ["", "### Import time of `check` (python -X importtime, fastest of several runs per module)", "",
                  "| origin | ms (self) |", "|---|---:|"]
        lines += [f"| {group} | {ms:.1f} |" for group, ms in sorted(result.import_groups.items(), key=lambda i: -i[1])]
        lines += ["", "Our modules, by their own import time:", "", "| module | self ms | with imports ms |",
                  "|---|---:|---:|"]
        lines += [f"| {name} | {own:.2f} | {total:.2f} |" for name, own, total in result.imports[:12]]
    if result.errors:
        lines += ["", "Failures: " + "; ".join(result.errors)]
    return lines + [""]
