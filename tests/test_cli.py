"""The command line: exit codes, text and JSON faces of one report, no tracebacks."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from chuanqg_xl import layout as L
from chuanqg_xl.checks import check_plan
from chuanqg_xl.cli import main
from chuanqg_xl.reader import read_plan

TD, PL2 = L.TIMELINE.name, L.BUDGET_NEW.name


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_every_command_has_help_with_an_example() -> None:
    listing = run("--help")
    assert listing.exit_code == 0
    for name, command in main.commands.items():
        assert name in listing.output
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert "Ví dụ" in result.output and f"chuanqg-xl {name}" in result.output, name


def test_check_clean_file_exits_0(make_plan) -> None:
    path = make_plan()
    result = run("check", str(path))
    assert result.exit_code == 0
    assert result.output.strip() == f"{path}: không phát hiện vấn đề nào."


def test_check_text_lines_name_file_sheet_and_cell(make_plan) -> None:
    path = make_plan(lambda d: d.tasks[1].update(school_count=9))
    result = run("check", str(path))
    assert result.exit_code == 1
    first, summary = result.output.strip().splitlines()
    assert first.startswith(f"{path}:{TD}!F5 X008 [lỗi] Nhiệm vụ ghi 9 trường")
    assert summary == f"{path}: 1 lỗi, 0 cảnh báo, 0 ghi chú."


def test_check_json_equals_the_library_report(make_plan) -> None:
    path = make_plan(lambda d: d.tasks[1].update(school_count=9), edits={(PL2, "I6"): 1000, (TD, "F4"): "03"})
    result = run("check", str(path), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data == json.loads(check_plan(path).to_json())
    assert set(data) == {"file", "summary", "findings"}
    assert data["summary"] == {"errors": 2, "warnings": 1, "infos": 0, "total": 3, "valid": False}
    total = next(f for f in data["findings"] if f["code"] == "A001")
    assert (total["sheet"], total["cell"], total["expected"], total["actual"]) == (PL2, "I6", 1500, 1000)


def test_check_in_english_and_as_of(make_plan) -> None:
    path = make_plan()
    result = run("check", str(path), "--lang", "en", "--as-of", "2023-12-20")
    assert result.exit_code == 0  # overdue tasks are warnings
    assert "D004 [warning] 5 day(s) overdue" in result.output


def test_bad_arguments_and_unusable_files_exit_2_without_traceback(tmp_path: Path, make_plan) -> None:
    assert run("check", str(make_plan()), "--as-of", "31/06/2023").exit_code == 2
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    result = CliRunner().invoke(main, ["check", str(empty)])
    assert result.exit_code == 2
    assert "rỗng" in result.output and "Traceback" not in result.output
    assert CliRunner().invoke(main, ["check", str(tmp_path / "none.xlsx")]).exit_code == 2


def test_recalc_reports_what_it_changed(make_plan) -> None:
    path = make_plan(edits={(PL2, "I6"): 1000})
    result = run("recalc", str(path))
    assert result.exit_code == 0
    assert f"Đã ghi {path}" in result.output and ".bak.xlsx" in result.output
    assert "Trước khi tính lại có 1 vấn đề" in result.output and "A001" in result.output
    assert read_plan(path).review_log[0].old == 1000


def test_recalc_json(make_plan, tmp_path: Path) -> None:
    path = make_plan(lambda d: d.tasks[1].update(school_count=9))
    out = tmp_path / "out.xlsx"
    result = run("recalc", str(path), "-o", str(out), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["output"] == str(out) and data["backup"] is None
    assert [f["code"] for f in data["findings"]] == ["X008"]


def test_new_and_rules(tmp_path: Path) -> None:
    out = tmp_path / "plan.xlsx"
    result = run("new", "--unit", "UBND quận Hai Bà Trưng", "--year", "2023", "-o", str(out))
    assert result.exit_code == 0 and read_plan(out).meta.unit == "UBND quận Hai Bà Trưng"
    again = CliRunner().invoke(main, ["new", "--unit", "X", "--year", "2023", "-o", str(out)])
    assert again.exit_code == 2 and "--force" in again.output
    rules = run("rules", "--format", "json")
    codes = [rule["code"] for rule in json.loads(rules.output)]
    assert len(codes) == len(set(codes)) >= 40


def test_docs_page_is_generated_from_the_catalogue() -> None:
    page = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    assert page.read_text(encoding="utf-8") == run("rules", "--format", "markdown").output, \
        "regenerate with: chuanqg-xl rules --format markdown > docs/rules.md"


def test_real_subprocess(make_plan) -> None:
    path = make_plan(lambda d: d.tasks[1].update(school_count=9))
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-m", "chuanqg_xl", "check", str(path), "--format", "json"],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=60)
    assert done.returncode == 1 and done.stderr == ""
    assert json.loads(done.stdout)["findings"][0]["code"] == "X008"


def test_refusals_follow_lang(tmp_path: Path) -> None:
    missing = tmp_path / "khong-co.xlsx"
    english = CliRunner().invoke(main, ["check", str(missing), "--lang", "en"])
    vietnamese = CliRunner().invoke(main, ["check", str(missing)])
    assert english.exit_code == vietnamese.exit_code == 2
    assert str(missing) in english.output and str(missing) in vietnamese.output
    assert english.output != vietnamese.output
    assert f"File '{missing}' not found." in english.output
    assert f"Không tìm thấy tệp '{missing}'." in vietnamese.output



# ---------------------------------------------------------------- `check FILE` without click (command.main)


def program(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed program as a user starts it (python -m chuanqg_xl runs the same entry point)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "chuanqg_xl", *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=60)


def test_plain_check_takes_exactly_its_options() -> None:
    from chuanqg_xl.command import plain_check

    assert plain_check(["check", "a.xlsx"]) == (Path("a.xlsx"), "text", "vi", None)
    assert plain_check(["check", "--format=json", "a.xlsx", "--lang", "en", "--as-of", "2023-06-30"]) == \
        (Path("a.xlsx"), "json", "en", __import__("datetime").date(2023, 6, 30))
    for other in (["check"], ["check", "a.xlsx", "b.xlsx"], ["check", "a.xlsx", "--plan", "p.docx"],
                  ["check", "a.xlsx", "--format", "xml"], ["check", "a.xlsx", "--as-of", "31/06/2023"],
                  ["check", "a.xlsx", "--lang"], ["check", "--help"], ["-v", "check", "a.xlsx"], ["check", "-"],
                  ["recalc", "a.xlsx"], [], ["check", "a.xlsx", "--form", "json"]):
        assert plain_check(other) is None, other   # click decides, with its own help and error messages


def test_plain_check_answers_as_the_click_command_does(make_plan, tmp_path: Path) -> None:
    with_findings = make_plan(lambda d: d.tasks[1].update(school_count=9), edits={(PL2, "I6"): 1000})
    clean = make_plan()
    empty = tmp_path / "rong.xlsx"
    empty.write_bytes(b"")
    for args in ([str(with_findings)], [str(with_findings), "--format", "json", "--lang", "en"],
                 ["--as-of", "2023-12-20", str(clean)], [str(empty)], [str(tmp_path / "khong-co.xlsx"), "--lang=en"]):
        fast = program("check", *args)
        slow = CliRunner().invoke(main, ["check", *args])
        assert (fast.returncode, fast.stdout, fast.stderr) == (slow.exit_code, slow.stdout, slow.stderr), args


def test_plain_check_does_not_load_click(make_plan) -> None:
    script = ("import sys\nfrom chuanqg_xl.command import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n"
              "    pass\nprint('click' in sys.modules, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", script, "check", str(make_plan())], capture_output=True, text=True,
                          encoding="utf-8", timeout=60)
    assert done.stderr.strip() == "False"
    other = subprocess.run([sys.executable, "-c", script, "rules"], capture_output=True, text=True, encoding="utf-8",
                           timeout=60)
    assert other.stderr.strip() == "True" and "V001" in other.stdout   # everything else is the click program


# Every mistake a user can make on the command line is answered in Vietnamese (click's own words included).
CLICK_MISTAKES = [
    (["check"], "Thiếu đối số 'FILE'"),
    (["chek", "x.xlsx"], "Không có lệnh 'chek'. Có phải ý bạn là 'check'?"),
    (["check", "--foo", "x.xlsx"], "Không có tùy chọn '--foo'"),
    (["check", "x.xlsx", "--format", "xml"], "'xml' không phải là một trong 'text', 'json'"),
    (["new", "--unit", "A", "--year", "3000"], "3000 nằm ngoài khoảng cho phép"),
    (["new", "--unit", "A", "--year", "hai"], "'hai' không phải là một số hợp lệ"),
    (["export", "x.xlsx", "-o"], "Tùy chọn '-o' cần một giá trị đi kèm"),
    (["check", "a.xlsx", "b.xlsx"], "Thừa đối số (b.xlsx)"),
    (["export", "x.xlsx"], "Thiếu tùy chọn '-o'"),
    ([], "[TÙY CHỌN] LỆNH [ĐỐI SỐ]..."),
]


def test_click_speaks_vietnamese() -> None:
    for args, expected in CLICK_MISTAKES:
        result = CliRunner().invoke(main, args)
        shown = f"{args}: exit {result.exit_code}\n{result.output}"
        assert expected in result.output, shown
        for english in ("Usage:", "Error:", "Missing", "No such", "Invalid value", "is not", "Try '", "requires"):
            assert english not in result.output, (english, shown)
    help_text = CliRunner().invoke(main, ["export", "--help"]).output
    assert "Tùy chọn:" in help_text and "Hiện trợ giúp này rồi thoát." in help_text and "Options" not in help_text


@pytest.mark.parametrize("args", [["check", "x.xlsx", "--lang", "en", "--format", "xml"],
                                  ["check", "--lang=en", "x.xlsx", "--format", "xml"]])
def test_with_lang_en_click_s_mistakes_are_framed_in_english(args: list[str]) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "Usage: main check [OPTIONS] FILE" in result.output
    assert "Error: Invalid value for '--format': 'xml' is not one of 'text', 'json'." in result.output
    assert "Lỗi" not in result.output and "TÙY CHỌN" not in result.output and "Cách dùng" not in result.output
    again = CliRunner().invoke(main, ["check", "x.xlsx", "--format", "xml"]).output   # the next run: Vietnamese
    assert "Cách dùng: main check [TÙY CHỌN] FILE" in again and "Lỗi: Giá trị không hợp lệ" in again
    help_text = CliRunner().invoke(main, ["check", "--lang", "en", "--help"]).output   # the options' help is Vietnamese
    assert "Tùy chọn:" in help_text and "Options" not in help_text


def test_an_output_that_is_a_folder_gets_our_sentence_not_clicks(make_plan, tmp_path: Path) -> None:
    path = make_plan()
    for args in (["recalc", str(path), "-o", str(tmp_path)], ["status", str(path), "-o", str(tmp_path)],
                 ["import", str(path), "-o", str(tmp_path)], ["consolidate", str(path), "-o", str(tmp_path)]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2 and "là một thư mục" in result.output, (args, result.output)
        assert "Error" not in result.output and "Usage" not in result.output


def test_the_plain_check_reads_as_of_day_first() -> None:
    from chuanqg_xl.command import plain_check

    assert plain_check(["check", "a.xlsx", "--as-of", "30/06/2023"]) == \
        (Path("a.xlsx"), "text", "vi", __import__("datetime").date(2023, 6, 30))


@pytest.mark.parametrize("command", ["new", "recalc", "import-docx", "status", "consolidate", "export"])
def test_a_workbook_is_never_written_under_a_name_excel_will_not_open(command: str, make_plan,
                                                                      tmp_path: Path) -> None:
    """`-o tien-do.csv` wrote a workbook Excel then opened as text (or refused); now: exit 2, nothing written."""
    samples = Path(__file__).resolve().parent.parent / "samples"
    output = tmp_path / "ra.csv"
    args = {"new": ["new", "--unit", "UBND quận Hai Bà Trưng", "--year", "2023"],
            "recalc": ["recalc", str(make_plan())],
            "import-docx": ["import", str(samples / "plans" / "kon-tum-2023.docx")],
            "status": ["status", str(make_plan()), "--as-of", "2023-06-30"],
            "consolidate": ["consolidate", str(make_plan())],
            "export": ["export", str(make_plan())]}[command]
    result = CliRunner().invoke(main, [*args, "-o", str(output)])
    assert result.exit_code == 2, result.output
    assert "phải có đuôi .xlsx thì Excel mới mở được; hãy đặt tên như 'ra.xlsx'" in result.output
    assert not output.exists() and "Traceback" not in result.output
