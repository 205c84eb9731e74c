"""Hostile and broken files through the real command line, and writes that cannot lose anything.

Every command runs as its own process with a memory ceiling (RLIMIT_AS) and a
time limit, so a parser that aborts or balloons shows up as a failed test, not
as a dead test run. Every command on every corpus file is in
test_hostile_matrix.py (which uses `run_cli` from here); this module has the
province folder of the whole corpus, SIGKILL at random moments of a recalc,
two recalcs at once, special files, names at the length limit, read-only files
and folders, a full disk, Excel's and LibreOffice's lock files, formula
injection in CSV, and no shell anywhere.
"""
from __future__ import annotations

import ast
import ctypes
import hashlib
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

import hostile
from chuanqg_xl import files
from chuanqg_xl.reader import read_plan

PACKAGE = Path(__file__).resolve().parent.parent / "chuanqg_xl"
_SCRIPT = Path(sys.executable).with_name("chuanqg-xl")
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "chuanqg_xl"]
MEMORY_LIMIT = 768 * 2**20      # address space: a zip bomb or a huge grid needs gigabytes
MAX_RSS_MB = 600                # what a run on these small files may really use
TIME_LIMIT = 60                 # seconds; a normal run here takes well under one
CAP_DAC_OVERRIDE, PR_CAPBSET_DROP = 1, 24


# ---------------------------------------------------------------- running the command line


@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float
    max_rss_mb: float

    @property
    def text(self) -> str:
        return self.out + self.err


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (TIME_LIMIT, TIME_LIMIT))


def _without_root_privilege() -> None:
    """Run as root but without the power to ignore file permissions (CAP_DAC_OVERRIDE), so that read-only
    files and folders behave as for an office user. Reading is still allowed (the interpreter lives in /root)."""
    _limits()
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, 0, 0, 0) != 0:
            os._exit(97)


def run_cli(args: list[str], cwd: Path, preexec: Callable[[], None] = _limits, timeout: float = TIME_LIMIT) -> Run:
    """One process; its own peak memory comes from wait4, which a plain subprocess.run does not give."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONDONTWRITEBYTECODE": "1"}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen([*CLI, *args], stdout=out, stderr=err, cwd=cwd, env=env, preexec_fn=preexec)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        return Run(process.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                   seconds, usage.ru_maxrss / 1024)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def temp_files(folder: Path) -> list[Path]:
    """Anything a writer left behind: our hidden temporaries, or visible tmp*.xlsx files."""
    return [path for path in folder.rglob("*") if ".tmp" in path.name or path.name.startswith("tmp")]


def assert_readable_workbook(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
    assert read_plan(path).schools


@pytest.fixture(scope="module")
def corpus_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("hostile")
    hostile.build_corpus(home)
    return home


# ---------------------------------------------------------------- the corpus × check, recalc, export


def _args(command: str, path: Path, out: Path) -> list[str]:
    if command == "export":
        return ["export", str(path), "-o", str(out / "phu-luc.xlsx"), "--csv", str(out / "csv"),
                "--json", str(out / "phu-luc.json")]
    return [command, str(path)]


def test_recalc_caches_only_finite_numbers(corpus_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "nan.xlsx"
    shutil.copyfile(corpus_home / "nan_inf" / "nan.xlsx", path)
    run = run_cli(["recalc", str(path), "-o", str(tmp_path / "ra.xlsx")], cwd=tmp_path)
    assert run.code in (0, 1), run.text
    with zipfile.ZipFile(tmp_path / "ra.xlsx") as archive:
        written = b"".join(archive.read(name) for name in archive.namelist() if name.startswith("xl/worksheets/"))
    cached = re.findall(rb"</f><v>([^<]*)</v>", written)
    assert cached and all(value.lower().lstrip(b"-") not in (b"inf", b"nan", b"infinity") for value in cached)
    assert b'<v>#NUM!</v>' in written                         # the overflowing total shows as Excel shows it


# ---------------------------------------------------------------- the province: every bad file in one folder


def test_consolidate_reports_each_bad_file_and_merges_the_rest(corpus_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cac-huyen"
    folder.mkdir()
    for item in hostile.CORPUS:
        shutil.copyfile(corpus_home / item.name / item.filename, folder / f"{item.name}-{item.filename}")
    sample = Path(__file__).parent.parent / "samples" / "kon-tum-2023.xlsx"
    shutil.copyfile(sample, folder / "kon-tum-2023.xlsx")
    before = {path.name: sha(path) for path in folder.iterdir()}

    run = run_cli(["consolidate", str(folder), "-o", str(tmp_path / "tinh.xlsx")], cwd=tmp_path, timeout=120)

    shown = f"exit {run.code}\n{run.text}"
    assert "Traceback" not in run.text and "Lỗi không mong đợi" not in run.text, shown
    assert run.code == 1, shown                       # unreadable files are findings, not the end of the run
    readable = [item for item in hostile.CORPUS if item.readable]
    assert f"Tổng hợp {len(readable) + 1}/{len(hostile.CORPUS) + 1} tệp" in run.out, shown  # every good one merged
    refused = [item for item in hostile.CORPUS if not item.readable]
    # The printed report fits on a screen: the first few, a count, and where the rest are.
    assert f"  Không đọc được ({len(refused)}):" in run.out, shown
    assert "Danh sách đầy đủ: trang 'Vấn đề cần xem'" in run.out, shown
    assert {path.name: sha(path) for path in folder.iterdir()} == before
    with zipfile.ZipFile(tmp_path / "tinh.xlsx") as archive:
        assert archive.testzip() is None
    from chuanqg_xl.grid import open_book

    problems = open_book(tmp_path / "tinh.xlsx").grid("Vấn đề cần xem")
    details = "\n".join(str(problems.value(row, 6)) for row in range(1, problems.nrows + 1))
    for item in refused:                              # each refused file is named as not read, with the reason
        assert f"{item.name}-{item.filename}: không đọc được, chưa được tổng hợp — " in details, (item.name, shown)
        assert any(word in details for word in item.words), (item.name, item.words)
    book = open_book(tmp_path / "tinh.xlsx")
    merged = "\n".join(str(value) for row in book.grid(book.sheet_names[0]).rows for value in row)
    book.close()
    assert "kon-tum-2023.xlsx" in merged and "nan_inf-nan.xlsx" in merged   # overflowing totals: merged too


# ---------------------------------------------------------------- SIGKILL while recalc writes


def many_schools(data) -> None:
    model = data.schools[0]
    data.schools = [dict(model, name=f"TH Số {index}") for index in range(1, 1201)]
    data.budget_new = [{"name": f"TH Số {index}", "item": f"Hạng mục {line}", "province": 100 + index,
                        "district": line} for index in range(1, 1201) for line in range(2)]


def _fresh_temp(folder: Path) -> bool:
    """A temp file written in the last second: a write is under way."""
    for entry in os.scandir(folder):
        try:
            if ".tmp" in entry.name and entry.stat().st_mtime > time.time() - 1:
                return True
        except OSError:
            continue  # it was renamed or removed meanwhile
    return False


@pytest.mark.slow
def test_sigkill_at_random_moments_never_loses_the_file(tmp_path: Path) -> None:
    source = hostile.standard_plan(tmp_path / "nguon.xlsx", many_schools)
    old = sha(source)
    # the reference: the same recalc, undisturbed, timed (whole run, and from its temp file to its exit)
    reference = tmp_path / "ref"
    reference.mkdir()
    shutil.copyfile(source, reference / "ke-hoach.xlsx")
    started = time.perf_counter()
    process = subprocess.Popen([*CLI, "recalc", str(reference / "ke-hoach.xlsx")], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, preexec_fn=_limits)
    temp_seen = None
    while process.poll() is None:
        if temp_seen is None and any(".tmp" in name for name in os.listdir(reference)):
            temp_seen = time.perf_counter()
        time.sleep(0.001)
    total = time.perf_counter() - started
    assert process.returncode in (0, 1) and temp_seen is not None
    window = time.perf_counter() - temp_seen
    new = sha(reference / "ke-hoach.xlsx")
    assert new != old
    assert_readable_workbook(source)
    assert_readable_workbook(reference / "ke-hoach.xlsx")

    folder = tmp_path / "crash"
    folder.mkdir()
    target, backup = folder / "ke-hoach.xlsx", folder / "ke-hoach.bak.xlsx"
    rng = random.Random(6)
    outcomes: Counter[str] = Counter()
    killed_while_writing = 0
    deadline = time.monotonic() + 90
    trials = 0
    while trials < 30 and time.monotonic() < deadline:
        trials += 1
        shutil.copyfile(source, target)
        backup.unlink(missing_ok=True)
        process = subprocess.Popen([*CLI, "recalc", str(target)], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, preexec_fn=_limits)
        if trials % 2:  # anywhere in the run, a little past its end included
            time.sleep(rng.uniform(0, total * 1.1))
        else:           # aimed at the write: from the moment its temp file appears
            waited = time.monotonic()
            while process.poll() is None and not any(".tmp" in name for name in os.listdir(folder)
                                                     if name != target.name) and time.monotonic() - waited < 10:
                time.sleep(0.001)
            time.sleep(rng.uniform(0, window))
        writing = process.poll() is None and _fresh_temp(folder)
        process.send_signal(signal.SIGKILL)
        process.wait()
        killed_while_writing += int(writing and process.returncode == -signal.SIGKILL)
        now = sha(target)
        assert now in (old, new), f"trial {trials}: the target is neither the old file nor the new one"
        outcomes["old" if now == old else "new"] += 1
        if backup.exists():
            assert sha(backup) == old, f"trial {trials}: the backup is not the previous version"
        assert [path for path in folder.iterdir() if path.name.startswith("tmp")] == []  # nothing visible
    print(f"{trials} kills: {dict(outcomes)}, {killed_while_writing} while the temp file was being written")
    assert trials >= 10 and killed_while_writing >= 1, (trials, killed_while_writing, outcomes)

    # A kill leaves the hidden temp file of the write it interrupted; the next write removes it.
    time.sleep(files.STALE_TEMP_SECONDS + 0.2)
    shutil.copyfile(source, target)
    run = run_cli(["recalc", str(target)], cwd=folder)
    assert run.code in (0, 1), run.text
    assert sha(target) == new and temp_files(folder) == []


# ---------------------------------------------------------------- read-only, full disk, open in Excel


def _dac_override_can_be_dropped() -> bool:
    if os.geteuid() != 0:
        return True
    probe = subprocess.run([sys.executable, "-c", "pass"], preexec_fn=_without_root_privilege)
    return probe.returncode == 0


def test_read_only_file(make_plan, tmp_path: Path) -> None:
    path = make_plan(name="ke-hoach.xlsx")
    os.chmod(path, 0o444)
    before = sha(path)
    for preexec in (_limits, _without_root_privilege):
        if preexec is _without_root_privilege and not _dac_override_can_be_dropped():
            continue
        run = run_cli(["recalc", str(path)], cwd=tmp_path, preexec=preexec)
        assert run.code == 2 and "chỉ đọc" in run.err and str(path) in run.err, run.text
        assert sha(path) == before and sorted(os.listdir(path.parent)) == ["ke-hoach.xlsx"]
    # the way out the message suggests works
    run = run_cli(["recalc", str(path), "-o", str(tmp_path / "ra.xlsx")], cwd=tmp_path)
    assert run.code in (0, 1) and sha(path) == before


def test_read_only_folder(make_plan, tmp_path: Path) -> None:
    if not _dac_override_can_be_dropped():
        pytest.skip("cannot drop the administrator's right to ignore permissions here")
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    path = make_plan(name="ke-hoach.xlsx")
    path = Path(shutil.move(path, folder / path.name))
    before = sha(path)
    os.chmod(folder, 0o555)
    try:
        run = run_cli(["recalc", str(path)], cwd=tmp_path, preexec=_without_root_privilege)
        assert run.code == 2, run.text
        assert "Không có quyền ghi vào thư mục" in run.err and str(folder) in run.err
        run = run_cli(["export", str(path), "-o", str(folder / "phu-luc.xlsx")], cwd=tmp_path,
                      preexec=_without_root_privilege)
        assert run.code == 2 and "Traceback" not in run.text, run.text
        assert "Không có quyền ghi vào thư mục" in run.err and str(folder) in run.err, run.err
    finally:
        os.chmod(folder, 0o755)
    assert sha(path) == before and os.listdir(folder) == ["ke-hoach.xlsx"]


def _mount_tmpfs(folder: Path, size: str, read_only: bool = False) -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    options = f"size={size},mode=0755" + (",ro" if read_only else "")
    return subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                          capture_output=True).returncode == 0


def _unmount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_full_disk(make_plan, tmp_path: Path) -> None:
    """A 256 KB tmpfs filled up so the plan fits but its rewritten copy does not."""
    disk = tmp_path / "o-day"
    disk.mkdir()
    if not _mount_tmpfs(disk, "256k"):
        pytest.skip("mounting a small tmpfs needs root (the injected ENOSPC case is in test_files.py)")
    try:
        path = Path(shutil.copyfile(make_plan(), disk / "ke-hoach.xlsx"))
        before = sha(path)
        filler = disk / "filler.bin"
        with open(filler, "wb", buffering=0) as handle:
            try:
                while True:
                    handle.write(b"\0" * 4096)
            except OSError:
                pass
        with open(filler, "r+b") as handle:       # leave a little room: the temp file starts, then the disk fills
            handle.truncate(max(filler.stat().st_size - 8192, 0))
        run = run_cli(["recalc", str(path)], cwd=tmp_path)
        assert run.code == 2, run.text
        assert "Ổ đĩa đã đầy" in run.err and str(path) in run.err and "Traceback" not in run.text
        assert sha(path) == before
        assert sorted(os.listdir(disk)) == ["filler.bin", "ke-hoach.xlsx"]   # no temp file, no backup
    finally:
        _unmount(disk)


def test_read_only_drive(make_plan, tmp_path: Path) -> None:
    """A write-protected USB stick: the drive, not the file, refuses."""
    drive = tmp_path / "usb"
    drive.mkdir()
    if not _mount_tmpfs(drive, "1m"):
        pytest.skip("mounting a tmpfs needs root")
    try:
        path = Path(shutil.copyfile(make_plan(), drive / "ke-hoach.xlsx"))
        before = sha(path)
        if subprocess.run(["mount", "-o", "remount,ro", str(drive)], capture_output=True).returncode:
            pytest.skip("cannot remount read-only here")
        run = run_cli(["recalc", str(path)], cwd=tmp_path)
        assert run.code == 2 and "chỉ đọc" in run.err and "USB" in run.err, run.text
        assert sha(path) == before and os.listdir(drive) == ["ke-hoach.xlsx"]
    finally:
        _unmount(drive)


@pytest.mark.parametrize("lock_name", ["~$ke-hoach.xlsx", ".~lock.ke-hoach.xlsx#"])
def test_open_in_excel_or_libreoffice(make_plan, tmp_path: Path, lock_name: str) -> None:
    path = make_plan(name="ke-hoach.xlsx")
    lock = path.with_name(lock_name)
    if lock_name.startswith("~$"):
        lock.write_bytes(bytes([12]) + b"Nguyen Van A".ljust(53, b" ") + b"\x0c\x00"
                         + "Nguyễn Văn A".encode("utf-16-le") + b"\x00" * 40)
    else:
        lock.write_text("Nguyễn Văn A,nva,PGD-01,22.11.2024 08:30,file:///home/nva;", encoding="utf-8")
    before = sha(path)
    run = run_cli(["recalc", str(path)], cwd=tmp_path)
    assert run.code == 2, run.text
    assert "đang được mở bởi Nguyễn Văn A" in run.err and lock_name in run.err and str(path) in run.err
    assert sha(path) == before and not files.backup_path(path).exists()
    # reading is fine while the file is open, and so is writing elsewhere
    assert run_cli(["check", str(path)], cwd=tmp_path).code == 0
    assert run_cli(["recalc", str(path), "-o", str(tmp_path / "ra.xlsx")], cwd=tmp_path).code == 0
    assert sha(path) == before and lock.exists()


# ---------------------------------------------------------------- formula injection, shells


INJECTION_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")


def test_formula_injection_is_neutralised_in_csv_json_and_xlsx(corpus_home: Path, tmp_path: Path) -> None:
    import csv
    import json

    path = tmp_path / "cong-thuc.xlsx"
    shutil.copyfile(corpus_home / "formula_injection" / "cong-thuc.xlsx", path)
    run = run_cli([*_args("export", path, tmp_path), "--force"], cwd=tmp_path)
    assert run.code in (0, 1), run.text
    fields = []
    for table in sorted((tmp_path / "csv").glob("*.csv")):
        with open(table, encoding="utf-8-sig", newline="") as handle:
            fields += [field for row in csv.reader(handle) for field in row]
    text_fields = [field for field in fields if field and not _is_number(field)]
    assert [field for field in text_fields if field.startswith(INJECTION_STARTS)] == []
    joined = "\n".join(fields)
    for name in hostile.HOSTILE_NAMES[:4]:
        assert "'" + name in joined, name
    data = json.loads((tmp_path / "phu-luc.json").read_text(encoding="utf-8"))
    strings: list[str] = []
    _collect_strings(data, strings)
    assert [value for value in strings if value.startswith(INJECTION_STARTS)] == []
    with zipfile.ZipFile(tmp_path / "phu-luc.xlsx") as archive:
        sheets = b"".join(archive.read(name) for name in archive.namelist() if name.startswith("xl/worksheets/"))
    assert b"HYPERLINK" not in sheets and b"cmd" not in sheets  # the names are shared strings, never formulas
    with zipfile.ZipFile(tmp_path / "phu-luc.xlsx") as archive:
        assert b"=HYPERLINK(" in archive.read("xl/sharedStrings.xml")


def _is_number(field: str) -> bool:
    try:
        float(field)
    except ValueError:
        return False
    return True


def _collect_strings(value: object, into: list[str]) -> None:
    if isinstance(value, str):
        into.append(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            _collect_strings(item, into)
    elif isinstance(value, list):
        for item in value:
            _collect_strings(item, into)


def _calls(tree: ast.AST) -> list[tuple[str, ast.Call]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = ast.unparse(func)
            found.append((name, node))
    return found


SPAWNERS = {"subprocess.run", "subprocess.Popen", "subprocess.call", "subprocess.check_call",
            "subprocess.check_output", "Popen", "check_output"}
SHELLS = {"os.system", "os.popen", "os.spawnl", "os.spawnlp", "os.execl", "os.execlp", "commands.getoutput",
          "subprocess.getoutput", "subprocess.getstatusoutput", "pty.spawn"}


def test_no_text_from_a_workbook_can_reach_a_shell() -> None:
    """Every process the package starts gets an argument list, never a command line for a shell."""
    spawned = 0
    for module in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"), filename=str(module))
        for name, call in _calls(tree):
            where = f"{module.relative_to(PACKAGE.parent)}:{call.lineno}"
            assert name not in SHELLS, f"{where}: {name} runs a shell"
            for keyword in call.keywords:
                if keyword.arg == "shell":
                    assert isinstance(keyword.value, ast.Constant) and keyword.value.value is False, where
                if keyword.arg is None and name in SPAWNERS:   # **options: look at what the dict may hold
                    source = module.read_text(encoding="utf-8")
                    assert '"shell"' not in source and "'shell'" not in source, where
            if name in SPAWNERS:
                spawned += 1
                first = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "args"),
                                                             None)
                assert first is not None, where
                assert not isinstance(first, (ast.Constant, ast.JoinedStr, ast.BinOp)), \
                    f"{where}: a command line as one string would go through a shell on Windows"
                if isinstance(first, ast.Name):
                    assignments = [node.value for node in ast.walk(tree) if isinstance(node, ast.Assign)
                                   and any(isinstance(t, ast.Name) and t.id == first.id for t in node.targets)]
                    assert assignments and all(isinstance(value, (ast.List, ast.Tuple)) for value in assignments), \
                        f"{where}: '{first.id}' must be a list of arguments"
    assert spawned >= 1  # export starts LibreOffice: the scan does look at real calls


def test_every_xlsx_writer_keeps_text_as_text() -> None:
    """xlsxwriter turns '=…' strings into formulas and URLs into links unless told not to."""
    workbooks = 0
    for module in sorted(PACKAGE.rglob("*.py")):
        for name, call in _calls(ast.parse(module.read_text(encoding="utf-8"))):
            if name != "xlsxwriter.Workbook":
                continue
            workbooks += 1
            where = f"{module.relative_to(PACKAGE.parent)}:{call.lineno}"
            options = call.args[1] if len(call.args) > 1 else None
            if isinstance(options, ast.Name) and options.id == "XLSX_OPTIONS":
                continue                                      # the shared options, checked below
            assert isinstance(options, ast.Dict), f"{where}: options must be XLSX_OPTIONS or a literal dict"
            if any(key is None and isinstance(value, ast.Name) and value.id == "XLSX_OPTIONS"
                   for key, value in zip(options.keys, options.values)):
                continue                                      # {**XLSX_OPTIONS, "in_memory": True}
            given = {key.value: value.value for key, value in zip(options.keys, options.values)
                     if isinstance(key, ast.Constant) and isinstance(value, ast.Constant)}
            assert given.get("strings_to_formulas") is False and given.get("strings_to_urls") is False, where
    assert workbooks >= 2
    from chuanqg_xl.template import XLSX_OPTIONS

    assert XLSX_OPTIONS["strings_to_formulas"] is False and XLSX_OPTIONS["strings_to_urls"] is False
    assert XLSX_OPTIONS["strings_to_numbers"] is False


# ---------------------------------------------------------------- two recalcs of one file at once


def _review_sheets(path: Path) -> int:
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/workbook.xml").count("Kiểm tra".encode())


def _recalc_twice_at_once(source: Path, folder: Path, trials: int) -> Counter[str]:
    """Start two in-place recalcs of one file together, `trials` times; every outcome must be safe."""
    reference = folder / "ref.xlsx"
    shutil.copyfile(source, reference)
    assert run_cli(["recalc", str(reference)], cwd=folder).code in (0, 1)
    expected, original = sha(reference), sha(source)
    target, backup = folder / "ke-hoach.xlsx", folder / "ke-hoach.bak.xlsx"
    outcomes: Counter[str] = Counter()
    for trial in range(trials):
        shutil.copyfile(source, target)
        backup.unlink(missing_ok=True)
        env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
        streams = [(tempfile.TemporaryFile(), tempfile.TemporaryFile()) for _ in range(2)]
        processes = [subprocess.Popen([*CLI, "recalc", str(target)], stdout=out, stderr=err, cwd=folder, env=env,
                                      preexec_fn=_limits) for out, err in streams]
        results = []
        for process, (out, err) in zip(processes, streams):
            code = process.wait(timeout=TIME_LIMIT)
            out.seek(0)
            err.seek(0)
            results.append((code, out.read().decode(), err.read().decode()))
            out.close()
            err.close()
        for code, out, err in results:
            shown = f"trial {trial}: exit {code}\n{out}{err}"
            assert "Traceback" not in out + err and "Lỗi không mong đợi" not in out + err, shown
            assert code in (0, 1) or (code == 2 and "đang được một lệnh chuanqg-xl khác xử lý" in err), shown
        codes = sorted(code for code, _, _ in results)
        written = sum("Đã ghi" in out for _, out, _ in results)
        unchanged = sum("không ghi lại" in out for _, out, _ in results)
        outcomes[f"{written} ghi, {unchanged} không đổi, {codes.count(2)} từ chối"] += 1
        assert written == 1, (trial, results)                      # exactly one of them writes
        assert sha(target) == expected, f"trial {trial}: the result is not the recalculation of the original"
        assert sha(backup) == original, f"trial {trial}: the backup is not the original"
        assert _review_sheets(target) == 1
        assert temp_files(folder) == []
    return outcomes


def test_two_recalcs_of_one_file_at_once(make_plan, tmp_path: Path) -> None:
    outcomes = _recalc_twice_at_once(make_plan(name="nguon.xlsx"), tmp_path, trials=12)
    print(dict(outcomes))


@pytest.mark.slow
def test_two_recalcs_of_a_large_file_at_once(tmp_path: Path) -> None:
    """A file whose recalc takes seconds: the second process waits for the first (or gives up, with a sentence)."""
    source = hostile.standard_plan(tmp_path / "nguon.xlsx", many_schools)
    outcomes = _recalc_twice_at_once(source, tmp_path, trials=4)
    print(dict(outcomes))


# ---------------------------------------------------------------- special files: refused before opening, named


def _special_files(folder: Path) -> dict[str, tuple[Path, str]]:
    """name → (path, words of the refusal). Built in place: none of them can be copied (or read to the end)."""
    import socket

    made: dict[str, tuple[Path, str]] = {}
    fifo = folder / "fifo.xlsx"
    os.mkfifo(fifo)
    made["fifo"] = (fifo, "FIFO")
    for device in ("/dev/zero", "/dev/urandom", "/dev/null"):
        link = folder / f"{Path(device).name}.xlsx"
        link.symlink_to(device)
        made[f"link_to_{Path(device).name}"] = (link, f"liên kết tới '{device}'")
    fifo_link = folder / "lien-ket-fifo.xlsx"
    fifo_link.symlink_to(fifo)
    made["link_to_fifo"] = (fifo_link, "FIFO")
    sock = folder / "sock.xlsx"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))
    made["socket"] = (sock, "socket")
    directory = folder / "thu-muc.xlsx"
    directory.mkdir()
    made["directory"] = (directory, "thư mục")
    loop_a, loop_b = folder / "vong-a.xlsx", folder / "vong-b.xlsx"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    made["link_loop"] = (loop_a, "trỏ vòng")
    dangling = folder / "mat.xlsx"
    dangling.symlink_to(folder / "khong-co.xlsx")
    made["dangling_link"] = (dangling, "không còn tồn tại")
    return made


INPUT_COMMANDS = {
    "check": lambda path, out: ["check", str(path)],
    "check_json": lambda path, out: ["check", str(path), "--format", "json"],
    "recalc": lambda path, out: ["recalc", str(path)],
    "recalc_o": lambda path, out: ["recalc", str(path), "-o", str(out / "ra.xlsx")],
    "export": lambda path, out: ["export", str(path), "-o", str(out / "phu-luc.xlsx"), "--force"],
    "status": lambda path, out: ["status", str(path)],
    "import": lambda path, out: ["import", str(path), "-o", str(out / "chuan.xlsx")],
    "consolidate": lambda path, out: ["consolidate", str(path), "-o", str(out / "tinh.xlsx")],
}


def test_special_files_are_refused_by_every_command(tmp_path: Path) -> None:
    home, out = tmp_path / "in", tmp_path / "out"
    home.mkdir()
    out.mkdir()
    specials = _special_files(home)
    listing = sorted(os.listdir(home))
    for name, (path, words) in specials.items():
        for command, args in INPUT_COMMANDS.items():
            run = run_cli(args(path, out), cwd=tmp_path, timeout=20)
            shown = f"{name} / {command}: exit {run.code} after {run.seconds:.1f} s\n{run.text}"
            assert run.seconds < 15, shown                                   # a FIFO once blocked forever
            assert "Traceback" not in run.text and "Lỗi không mong đợi" not in run.text, shown
            if command == "consolidate" and name == "directory":             # a folder of inputs, empty
                assert run.code == 2 and "Không có tệp nào" in run.err, shown
            elif command == "consolidate":                                   # a bad input is a finding there
                assert run.code in (1, 2) and words in run.text and path.name in run.text, shown
            else:
                assert run.code == 2 and words in run.err and str(path) in run.err, shown
    assert sorted(os.listdir(home)) == listing and os.listdir(out) == []


def test_special_files_as_outputs_are_refused(make_plan, tmp_path: Path) -> None:
    path = make_plan(name="ke-hoach.xlsx")
    specials = _special_files(tmp_path / "ra")  if (tmp_path / "ra").mkdir() is None else {}
    outputs = {name: specials[name] for name in ("fifo", "link_to_null", "directory", "socket")}
    before = sha(path)
    for name, (target, _) in outputs.items():
        for args in (["recalc", str(path), "-o", str(target)], ["export", str(path), "-o", str(target)],
                     ["status", str(path), "-o", str(target)], ["import", str(path), "-o", str(target)],
                     ["consolidate", str(path), "-o", str(target)]):
            run = run_cli(args, cwd=tmp_path, timeout=20)
            shown = f"{name} / {args[0]}: exit {run.code}\n{run.text}"
            assert run.code == 2 and "Không ghi được" in run.err and "Traceback" not in run.text, shown
            assert "Usage" not in run.text and "Error:" not in run.text, shown   # never click's English
    assert sha(path) == before and temp_files(tmp_path) == []
    assert (tmp_path / "ra" / "thu-muc.xlsx").is_dir() and os.path.islink(tmp_path / "ra" / "null.xlsx")


def test_a_name_at_the_length_limit_is_recalculated_in_place(make_plan, tmp_path: Path) -> None:
    """255 bytes of name: the temporary file and the backup get shortened names next to it."""
    stem = "kế-hoạch-" * 19
    name = stem.encode()[:250].decode("utf-8", "ignore") + ".xlsx"
    assert len(name.encode()) <= 255
    path = Path(shutil.copyfile(make_plan(), tmp_path / name))
    before = sha(path)
    for args in (["recalc", str(path)], ["recalc", str(path)], ["export", str(path), "-o", str(tmp_path / "pl.xlsx")],
                 ["check", str(path)]):
        run = run_cli(args, cwd=tmp_path)
        assert run.code in (0, 1) and "Traceback" not in run.text and "Lỗi không mong đợi" not in run.text, run.text
    backups = [other for other in tmp_path.iterdir() if ".bak" in other.name]
    assert len(backups) == 1 and sha(backups[0]) == before and len(backups[0].name.encode()) <= 255
    assert temp_files(tmp_path) == []
    too_long = tmp_path / ("x" * 300 + ".xlsx")
    run = run_cli(["check", str(too_long)], cwd=tmp_path)
    assert run.code == 2 and "quá dài" in run.err, run.text


# ---------------------------------------------------------------- control characters from a workbook


@pytest.mark.parametrize("name, shown", [("escape_in_name", "\\x1b[2J\\x1b[31m\\x07"), ("bell_in_name", "\\x07\\x08")])
def test_control_characters_are_shown_not_obeyed(corpus_home: Path, tmp_path: Path, name: str, shown: str) -> None:
    item = hostile.BY_NAME[name]
    path = tmp_path / item.filename
    shutil.copyfile(corpus_home / item.name / item.filename, path)
    for args in (["check", str(path)], ["recalc", str(path), "-o", str(tmp_path / "ra.xlsx")],
                 ["export", str(path), "-o", str(tmp_path / "pl.xlsx"), "--force"], ["status", str(path)]):
        run = run_cli(args, cwd=tmp_path)
        assert run.code in (0, 1), run.text
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", run.text), (args, run.text)
        if args[0] in ("check", "recalc"):
            assert "V024" in run.out and f"TH Kim Đồng{shown}" in run.out, (args, run.out)
