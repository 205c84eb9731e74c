"""The benchmark scripts keep working: a tiny workbook, one run of each tool, the table written.

The real benchmark (bench/run.py with its default sizes) takes minutes and never runs here.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from chuanqg_xl.checks import check_plan
from chuanqg_xl.reader import read_plan

BENCH = Path(__file__).resolve().parent.parent / "bench"
SIZE = 20


def _run(script: str, *args: str, hash_seed: str = "0") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    return subprocess.run([sys.executable, str(BENCH / script), *args], capture_output=True, text=True,
                          timeout=120, cwd=BENCH.parent, env=env)


def test_generator_writes_a_readable_deterministic_plan(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for folder, hash_seed in ((first, "1"), (second, "2")):
        done = _run("generate.py", "--sizes", str(SIZE), "--out", str(folder), hash_seed=hash_seed)
        assert done.returncode == 0, done.stderr
    name = f"plan-{SIZE}-s2024.xlsx"
    plan = read_plan(first / name)
    assert len(plan.schools) == SIZE
    lines = sum(len(lines) for lines in plan.budget_lines.values())
    assert SIZE <= lines <= 5 * SIZE
    assert plan.budget_lines["budget_new"] and plan.budget_lines["budget_renew"]
    assert len(plan.tasks) >= 10
    # Only the slips the generator plants on purpose: names without diacritics, one stated total off.
    found = {code for code, _, _ in check_plan(first / name).flat()}
    assert found == {"X009", "X011"}, found
    # Same size and seed, same bytes, whatever the interpreter's string hashing.
    assert (first / name).read_bytes() == (second / name).read_bytes()


def test_run_writes_the_table_with_every_tool(tmp_path: Path) -> None:
    results = tmp_path / "results.md"
    done = _run("run.py", "--sizes", str(SIZE), "--runs", "1", "--warmup", "0", "--no-libreoffice",
                "--workbooks", str(tmp_path / "out"), "--results", str(results))
    assert done.returncode == 0, done.stderr
    table = results.read_text(encoding="utf-8")
    for tool in ("check", "recalc", "calamine", "openpyxl"):
        assert f"| {SIZE} | " in table
        row = next(line for line in table.splitlines() if line.startswith(f"| {SIZE} |") and f"| {tool} |" in line)
        median = row.split("|")[4].strip()
        assert float(median) > 0, row
    assert "| libreoffice | skipped |" in table
    assert "`chuanqg-xl --help`" in table
    assert "## Targets (issue 7)" in table and "## Machine" in table
    assert "check / calamine" in table


def test_national_generator_plants_the_identities_a_country_has() -> None:
    sys.path.insert(0, str(BENCH))
    try:
        from generate import national_districts
    finally:
        sys.path.remove(str(BENCH))
    districts = national_districts(700)
    assert len(districts) == 700 and 60 <= min(d["schools"] for d in districts)
    places = [(d["province"], d["unit"]) for d in districts]
    assert len(set(places)) == 699                         # the last file is the first district sent again
    assert districts[-1]["copy_of"] == districts[0]["file"]
    units = {d["unit"].split(" ", 2)[2] for d in districts if d["province"] in ("Cao Bằng", "Nam Định")}
    assert {"Thạnh Sơn", "Thanh Sơn"} <= units
    assert sum(1 for d in districts if d["unit"] == "UBND huyện Châu Thành") == 9
    stamps = [(d["province"], d["number"], d["date"]) for d in districts[:-1]]
    assert len(set(stamps)) == len(stamps)                 # no two districts share a plan number and date


def test_run_measures_the_national_run(tmp_path: Path) -> None:
    results = tmp_path / "results.md"
    done = _run("run.py", "--national", "12", "--national-runs", "1", "--only-national", "--warmup", "0",
                "--runs", "1", "--workbooks", str(tmp_path / "out"), "--results", str(results))
    assert done.returncode == 0, done.stderr
    table = results.read_text(encoding="utf-8")
    assert "## National run (issue 16)" in table and "consolidate / calamine floor" in table
    assert "read_plan / calamine" in table and "### Import time of `check`" in table
    assert "Failures" not in table, table
