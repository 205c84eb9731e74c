"""School names: two tone-mark placements are one spelling, for the Word plan and the workbook alike."""
from __future__ import annotations

import pytest

from chuanqg_xl.normalize import canonical_tones, split_school_name


@pytest.mark.parametrize("first, second", [("MN Thuỵ Hùng", "Trường Mầm non xã Thụy Hùng"), ("TH Hoà Bình", "TH Hòa Bình"),
                                           ("THCS Khoẻ", "THCS Khỏe")])
def test_tone_placements_are_the_same_name(first: str, second: str) -> None:
    assert split_school_name(first).exact_key == split_school_name(second).exact_key


@pytest.mark.parametrize("first, second", [("TH Ngô Thị Nhâm", "TH Ngô Thị Nhậm"), ("MN Nậm Loong", "MN Nậm Loỏng"),
                                           ("MN Thanh Sơn", "MN Thạnh Sơn")])
def test_real_variants_still_differ(first: str, second: str) -> None:
    one, other = split_school_name(first), split_school_name(second)
    assert one.exact_key != other.exact_key and one.folded_key == other.folded_key


def test_canonical_tones() -> None:
    assert canonical_tones("thuỵ") == canonical_tones("thụy") != canonical_tones("thuy")
