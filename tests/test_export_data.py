"""export_data: CSV and JSON for data systems (formula injection neutralised, strict JSON)."""
from __future__ import annotations

import json
from pathlib import Path

from chuanqg_xl.export_data import neutralise, write_json
from chuanqg_xl.export_tables import export_tables
from chuanqg_xl.reader import read_plan


def test_neutralise() -> None:
    for start in ("=", "+", "-", "@", "\t", "\r", "\n", "\0"):
        assert neutralise(start + "1") == "'" + start + "1"
    assert neutralise("Trường A") == "Trường A"
    assert neutralise(-5) == -5


def test_json_writes_null_for_non_finite_numbers(make_plan, tmp_path: Path) -> None:
    """Strict JSON has no NaN or Infinity: a total beyond the float range is written as null."""
    plan = read_plan(make_plan())
    tables = export_tables(plan)
    row = tables["pl2"].rows[0]
    number_keys = [key for key, value in row.items() if isinstance(value, (int, float)) and key != "stt"]
    row[number_keys[0]], row[number_keys[-1]] = float("nan"), float("inf")
    target = write_json(tmp_path / "pl.json", plan, tables, ["pl2"])

    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} in the JSON")

    data = json.loads(target.read_text(encoding="utf-8"), parse_constant=refuse)
    written = data["tables"]["pl2"]["rows"][0]
    assert written[number_keys[0]] is None and written[number_keys[-1]] is None
