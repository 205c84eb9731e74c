"""export_tables: the appendices' tables of plain values, and as pandas DataFrames."""
from __future__ import annotations

from chuanqg_xl.export_tables import plan_frames
from chuanqg_xl.reader import read_plan


def test_plan_frames(make_plan) -> None:
    frames = plan_frames(read_plan(make_plan()))
    assert list(frames) == ["pl1", "pl2", "pl3", "tien-do", "tong-hop", "chi-so", "dot-quy"]
    assert list(frames["pl1"]["budget"]) == [1500, 500, 200]
    assert list(frames["pl2"].columns) == ["school", "item", "province", "district", "commune", "social", "other",
                                           "total", "note"]
    assert frames["pl3"]["total"].sum() == 700
    assert "named_count" not in frames["tien-do"].columns
    assert frames["pl1"].attrs["headers"]["kind"] == "Hình thức công nhận"
    totals = frames["tong-hop"].set_index("level").loc["Tổng cộng"]
    assert totals["total_planned"] == 3
