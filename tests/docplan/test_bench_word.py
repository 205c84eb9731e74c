"""bench/word.py keeps working: a small generated plan, one run of each command, the table written."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from chuanqg_xl.docplan.checks import check_document

BENCH = Path(__file__).resolve().parents[2] / "bench"


def test_word_benchmark_smoke(tmp_path: Path) -> None:
    results = tmp_path / "results-word.md"
    done = subprocess.run([sys.executable, str(BENCH / "word.py"), "--pages", "4", "--runs", "1", "--out",
                           str(tmp_path), "--results", str(results)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    table = results.read_text(encoding="utf-8")
    assert "| `check` |" in table and "| `check --plan` |" in table and "| `import` |" in table
    # the generated plan is consistent: the benchmark times a clean check, not an error path
    report = check_document(tmp_path / "plan-word-4p.docx")
    assert report.findings == [] and len(report.verified) > 20
