"""A typed day (the page's date field, --as-of): day first, or year-month-day; a wrong one said plainly."""
from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from chuanqg_xl.cli import main
from chuanqg_xl.dates import parse_day
from chuanqg_xl.errors import PlanError


@pytest.mark.parametrize("typed, day", [("30/6/2024", (2024, 6, 30)), (" 30-06-2024 ", (2024, 6, 30)),
                                        ("30.06.2024", (2024, 6, 30)), ("2024-06-30", (2024, 6, 30)),
                                        ("29/02/2024", (2024, 2, 29)), ("", (2023, 5, 4)), (None, (2023, 5, 4))])
def test_dates_are_read_day_first(typed: str | None, day: tuple[int, int, int]) -> None:
    assert parse_day(typed, today=dt.date(2023, 5, 4)) == dt.date(*day)


@pytest.mark.parametrize("typed, sentence", [
    ("30/6", "Không đọc được ngày '30/6'. Hãy ghi ngày/tháng/năm, ví dụ 04/05/2023."),
    ("06/30/2024", "Ngày '06/30/2024': không có tháng 30. Hãy ghi ngày trước, rồi tháng, rồi năm, ví dụ 04/05/2023."),
    ("31/02/2024", "Ngày '31/02/2024' không có thật: tháng 2/2024 chỉ có 29 ngày."),
    ("00/01/2024", "Ngày '00/01/2024' không có thật: tháng 1/2024 chỉ có 31 ngày."),
    ("01/01/1900", "Ngày '01/01/1900': năm 1900 nằm ngoài khoảng 2000–2100."),
    ("ngày mai", "Không đọc được ngày 'ngày mai'. Hãy ghi ngày/tháng/năm, ví dụ 04/05/2023."),
])
def test_a_bad_date_says_what_is_wrong(typed: str, sentence: str) -> None:
    with pytest.raises(PlanError) as caught:
        parse_day(typed, today=dt.date(2023, 5, 4))
    assert caught.value.message("vi") == sentence


def test_as_of_on_the_command_line_is_read_as_the_page_reads_it(make_plan) -> None:
    """A Vietnamese officer types 15/10/2023: the same report as 2023-10-15, for status and check."""
    path = make_plan()
    runner = CliRunner()
    for command in (["status", str(path)], ["check", str(path)]):
        iso = runner.invoke(main, [*command, "--as-of", "2023-10-15", "--format", "json"])
        typed = runner.invoke(main, [*command, "--as-of", "15/10/2023", "--format", "json"])
        assert typed.exit_code == iso.exit_code != 2, typed.output
        assert typed.output == iso.output


@pytest.mark.parametrize("typed, said", [
    ("31/02/2023", "tháng 2/2023 chỉ có 28 ngày"), ("10/15/2023", "không có tháng 15"),
    ("ngày mai", "Hãy ghi ngày/tháng/năm")])
def test_a_bad_as_of_exits_2_with_the_page_s_sentence(make_plan, typed: str, said: str) -> None:
    for command in ("status", "check", "recalc"):
        result = CliRunner().invoke(main, [command, str(make_plan()), "--as-of", typed])
        assert result.exit_code == 2 and said in result.output, (command, result.output)
        assert "Traceback" not in result.output
