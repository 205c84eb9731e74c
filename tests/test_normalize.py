from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from chuanqg_xl.normalize import (
    Period, Vocabulary, canonical_tones, clean_text, fold, format_amount, format_number, has_hygiene_problem, parse_count, parse_date,
    parse_number, parse_percent, parse_period, split_school_name,
)


def test_clean_text_composes_nfd_and_collapses_spaces() -> None:
    decomposed = unicodedata.normalize("NFD", "  Ngô  Thị\u00a0Nhậm ")
    assert clean_text(decomposed) == "Ngô Thị Nhậm"
    assert clean_text(None) == ""
    assert clean_text(2023.0) == "2023"


def test_fold_ignores_case_diacritics_and_punctuation() -> None:
    assert fold("Công nhận LẠI") == fold("cong nhan lai") == "cong nhan lai"
    assert fold("T’H&THCS") == fold("th & thcs") == "th&thcs"
    assert fold("Đợt 1") == "dot 1"


@pytest.mark.parametrize("text, value", [
    ("44.497", 44497.0), ("61,40", 61.4), ("02", 2.0), ("1.234,5", 1234.5), ("31.5", 31.5),
    ("1,234,567", 1234567.0), ("-3", -3.0), (" 1 500 ", 1500.0),
])
def test_parse_number_reads_vietnamese_text_numbers(text: str, value: float) -> None:
    parsed = parse_number(text)
    assert parsed.value == value
    assert parsed.was_text


@pytest.mark.parametrize("value", ["abc", "1.2.3", "12,5,1", True, float("inf"), float("nan")])
def test_parse_number_rejects_what_is_not_a_number(value: object) -> None:
    assert parse_number(value).value is None
    assert not parse_number(value).ok


def test_parse_number_keeps_real_numbers_and_empties() -> None:
    assert parse_number(31162).value == 31162.0 and not parse_number(31162).was_text
    assert parse_number("").value is None and parse_number("").ok


def test_parse_count_accepts_leading_zeros_and_unit_words() -> None:
    assert parse_count("06 trường").value == 6
    assert parse_count("02").value == 2
    assert parse_count(2.5).value is None


@pytest.mark.parametrize("value, rate", [("61,40 %", 0.614), (61.4, 0.614), (0.614, 0.614), ("100%", 1.0)])
def test_parse_percent_gives_a_fraction(value: object, rate: float) -> None:
    assert parse_percent(value).value == pytest.approx(rate)


@pytest.mark.parametrize("value, day", [
    ("31/01/2024", dt.date(2024, 1, 31)), ("trước 20/01/2024", dt.date(2024, 1, 20)), (45322.0, dt.date(2024, 1, 31)),
    (dt.datetime(2024, 1, 31, 10, 0), dt.date(2024, 1, 31)), ("ngày 04 tháng 01 năm 2024", dt.date(2024, 1, 4)),
    ("2024-12-20", dt.date(2024, 12, 20)),
])
def test_parse_date_reads_the_ways_dates_are_typed(value: object, day: dt.date) -> None:
    assert parse_date(value).value == day


def test_parse_date_rejects_impossible_dates() -> None:
    assert parse_date("31/02/2024").value is None and not parse_date("31/02/2024").ok
    assert parse_date("cuối quý").value is None


@pytest.mark.parametrize("text, period", [
    ("Quý III/2023", Period("quarter", 3, 2023)), ("Quý 4 năm 2023", Period("quarter", 4, 2023)),
    ("Đợt 1 (tháng 3/2024)", Period("batch", 1, 2024, 3)), ("Đợt 2", Period("batch", 2)),
    ("Tháng 5,6/2023", Period("month", 5, 2023)), ("Q3/2023", Period("quarter", 3, 2023)),
])
def test_parse_period(text: str, period: Period) -> None:
    assert parse_period(text) == period


def test_parse_period_returns_none_for_free_text() -> None:
    assert parse_period("cuối năm") is None
    assert Period("quarter", 4, 2023).same_as(Period("quarter", 4, None))
    assert not Period("quarter", 4, 2023).same_as(Period("batch", 4, 2023))


def test_school_prefix_is_part_of_identity() -> None:
    primary, preschool = split_school_name("TH Ngô Thị Nhậm"), split_school_name("MN Ngô Thị Nhậm")
    assert primary.folded_key != preschool.folded_key
    assert (primary.prefix, primary.level) == ("TH", "Tiểu học")
    assert (preschool.prefix, preschool.level) == ("MN", "Mầm non")


def test_diacritic_slips_fold_alike_but_differ_exactly() -> None:
    listed, written = split_school_name("TH Ngô Thị Nhậm"), split_school_name("TH Ngô Thị Nhâm")
    assert listed.folded_key == written.folded_key
    assert listed.exact_key != written.exact_key
    assert split_school_name("MN Nậm Loong").folded_key == split_school_name("MN Nậm Loỏng").folded_key


@pytest.mark.parametrize("long, short", [
    ("Trường Mầm non xã Thụy Hùng", "MN Thụy Hùng"),
    ("Trường Tiểu học và Trung học cơ sở xã Bảo Lâm", "TH&THCS Bảo Lâm"),
    ("T’H&THCS Sùng Phài", "TH-THCS Sùng Phài"),
    ("TH Số 01 Hương Toàn", "TH số 1 Hương Toàn"),
])
def test_long_and_short_forms_of_a_name_are_the_same_school(long: str, short: str) -> None:
    assert split_school_name(long).exact_key == split_school_name(short).exact_key


def test_mau_giao_and_boarding_prefixes() -> None:
    assert split_school_name("MG Nguyễn Công Trứ").level == "Mầm non"
    assert split_school_name("MG Nguyễn Công Trứ").prefix == "MG"
    boarding = split_school_name("PTDTBT TH Nậm Loỏng")
    assert boarding.boarding and boarding.level == "Tiểu học"


def test_vocabulary_matches_synonyms_and_suggests() -> None:
    vocabulary = Vocabulary("Kind", [("Công nhận mới", ("CN lần đầu",)), ("Công nhận lại", ("CN lại",))])
    assert vocabulary.match("cn LẦN ĐẦU") == "Công nhận mới"
    assert vocabulary.match("Công nhận lai") == "Công nhận lại"  # missing diacritics are tolerated
    assert vocabulary.match("Công nhận lia") is None
    assert vocabulary.suggest("Công nhận lia") == "Công nhận lại"


def test_a_value_whose_diacritics_make_another_word_is_read_and_named_as_a_slip() -> None:
    vocabulary = Vocabulary("Kind", [("Công nhận mới", ("CN lần đầu",)), ("Công nhận lại", ("CN lại",)),
                                     ("Hòa nhập", ())])
    assert vocabulary.match("Công nhân mới") == "Công nhận mới"
    assert vocabulary.misspelt("Công nhân mới") == "Công nhận mới"       # nhân ≠ nhận
    assert vocabulary.misspelt("Cong nhận mới") == "Công nhận mới"       # one word without its marks
    assert vocabulary.misspelt("CN lần dau") == "CN lần đầu"             # the synonym it was meant as
    assert vocabulary.misspelt("Công nhận lài") == "Công nhận lại"


def test_the_same_spelling_written_differently_is_no_slip() -> None:
    vocabulary = Vocabulary("Kind", [("Công nhận mới", ("CN lần đầu",)), ("Hòa nhập", ())])
    for same in ("Công nhận mới", "CÔNG NHẬN MỚI", "công  nhận mới ", unicodedata.normalize("NFD", "Công nhận mới"),
                 "cn lần đầu", "Hoà nhập", "HOÀ NHẬP"):
        assert vocabulary.misspelt(same) is None, same
    assert vocabulary.misspelt("Cong nhan moi") is None                  # no diacritics at all: read as meant
    assert vocabulary.misspelt("Công nhận lia") is None                  # not matched at all: V002's business
    assert vocabulary.misspelt(None) is None and vocabulary.misspelt(2.0) is None


def test_hygiene_problems_are_named() -> None:
    assert has_hygiene_problem(unicodedata.normalize("NFD", "Nhậm")) == "nfd"
    assert has_hygiene_problem("Ngô  Thị") == "spaces"
    assert has_hygiene_problem("Ngô Thị") is None


def test_format_number_uses_vietnamese_separators() -> None:
    assert format_number(44497) == "44.497"
    assert format_number(61.4) == "61,4"


def test_format_number_keeps_absurd_numbers_short() -> None:
    assert format_number(1e308) == "1,000E+308"
    assert format_number(-2.5e20) == "-2,500E+20"
    assert format_number(float("inf")) == "#NUM!"
    assert format_number(999_999_999_999_999) == "999.999.999.999.999"


def test_format_amount_follows_the_language() -> None:
    assert (format_amount(44497, "vi"), format_amount(44497, "en")) == ("44.497", "44,497")
    assert (format_amount(61.4, "vi"), format_amount(61.4, "en")) == ("61,4", "61.4")
    assert format_amount(10 ** 400, "en") == "#NUM!" and format_amount(10 ** 400, "vi") == "#NUM!"
    assert format_amount(2.5e20, "en") == "2.500E+20"


@pytest.mark.parametrize("one, other", [("Thuỵ", "Thụy"), ("hoà", "hòa"), ("khoẻ", "khỏe"), ("Thuỷ", "Thủy"),
                                        ("Hoà Bình", "Hòa Bình"), ("quý", "quý"), ("Thuý", "Thúy")])
def test_both_tone_mark_placements_give_one_key(one: str, other: str) -> None:
    assert canonical_tones(one) == canonical_tones(other)
    assert canonical_tones(unicodedata.normalize("NFD", one)) != one or one == canonical_tones(one)


@pytest.mark.parametrize("one, other", [("Nhâm", "Nhậm"), ("Loong", "Loỏng"), ("Thanh", "Thạnh"), ("hoa", "hòa")])
def test_other_marks_still_tell_names_apart(one: str, other: str) -> None:
    assert canonical_tones(one) != canonical_tones(other)


def test_school_names_compare_with_canonical_tones() -> None:
    assert split_school_name("TH Thuỵ Phương").exact_key == split_school_name("TH Thụy Phương").exact_key
    assert split_school_name("MN Hoà Bình").exact_key == split_school_name("MN Hòa Bình").exact_key
    assert split_school_name("MN Hoà Bình").exact_key != split_school_name("TH Hòa Bình").exact_key


@pytest.mark.parametrize("blank", ["", " ", "%", " % ", "\u00a0"])
def test_number_text_of_nothing_is_none(blank: str) -> None:
    from chuanqg_xl.normalize import parse_number_text

    assert parse_number_text(blank) is None
