"""What every command does around the library, without click; and the command's entry point.

`run_library` runs a command body: library errors become a Vietnamese sentence
on stderr and exit code 2, never a traceback (unless -v). `main` is the
`chuanqg-xl` program: the most common command, `chuanqg-xl check FILE` with its
plain options (the one scripts run over whole folders of district files), runs
from here without loading click, which costs about a fifth of the start-up;
anything else (help, other commands, other options, mistakes) goes to the click
command line in `cli.py`, which uses the same functions, so both give the
same output and exit codes.
"""
from __future__ import annotations

import datetime as dt
import gc
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .messages import text

TYPE_CHECKING = False   # typing.TYPE_CHECKING, without loading typing (2 ms of every start-up)
if TYPE_CHECKING:
    from typing import NoReturn, TextIO


class State:
    verbose = False


def echo(message: str, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    stream.write(message + "\n")
    stream.flush()


def utf8_streams() -> None:
    """Output that cannot be encoded (a Windows console code page) becomes '?', never a crash; control
    characters (from a workbook, a file name) are written out visibly, never sent to the terminal."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure and (stream.encoding or "").lower().replace("-", "") != "utf8":
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):
                pass
    if not isinstance(sys.stdout, VisibleStream):
        sys.stdout = VisibleStream(sys.stdout)
    if not isinstance(sys.stderr, VisibleStream):
        sys.stderr = VisibleStream(sys.stderr)


# What a terminal must still receive: click's progress bar returns to the line start and hides the cursor
# while it draws; nothing else we print contains a control character.
_OUTPUT_CONTROL = re.compile(r"\x1b(?!\[\?25[lh])|[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f]")


class VisibleStream:
    """A text stream whose control characters (but line feed, tab, carriage return and click's cursor codes)
    are written out as '\\x1b'. Everything else is the wrapped stream's."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, value: str) -> int:
        if value.__class__ is str and _OUTPUT_CONTROL.search(value):
            from .messages import visible

            value = _OUTPUT_CONTROL.sub(lambda match: visible(match.group(0)), value)
        return self._stream.write(value)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def run_library(action: Callable[[], int], path: object, lang: str = "vi") -> NoReturn:
    """Run a command body; turn library errors into exit code 2 with a sentence, never a traceback."""
    from .errors import PlanError

    # A workbook becomes millions of small objects without reference cycles (reference counting frees
    # them all), and the cyclic collector would walk that growing heap again and again: a third of the
    # time on 50,000 schools, and the reason time per school grew with size. Re-enabled afterwards for
    # callers that go on in the same process (tests, CliRunner).
    collecting = gc.isenabled()
    gc.disable()
    try:
        code = action()
    except PlanError as exc:
        echo(exc.message(lang), err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:  # `chuanqg-xl check x | head`: the reader left; say nothing more, to nobody
        _silence_stdout()
        sys.exit(1)
    except Exception as exc:  # a bug or an input we did not foresee: still no traceback for the user
        click = sys.modules.get("click")
        if State.verbose or (click is not None and isinstance(exc, click.exceptions.Exit)):
            raise
        echo(text("cli.unexpected", lang, path=path, detail=f"{type(exc).__name__}: {exc}"), err=True)
        sys.exit(2)
    finally:
        if collecting:
            gc.enable()
    sys.exit(code)


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def check_action(file: Path, output_format: str, lang: str, as_of: dt.date | None,
                 plan_document: Path | None = None) -> Callable[[], int]:
    """The body of `chuanqg-xl check`."""
    def action() -> int:
        from .checks import check_plan

        report = check_plan(file, lang=lang, as_of=as_of, plan_document=plan_document)
        echo(report.to_json() if output_format == "json" else report.to_text(str(file)))
        return report.exit_code

    return action


_CHECK_OPTIONS = {"--format": ("text", "json"), "--lang": ("vi", "en"), "--as-of": None}


def plain_check(args: Sequence[str]) -> tuple[Path, str, str, dt.date | None] | None:
    """`check FILE [--format text|json] [--lang vi|en] [--as-of DD/MM/YYYY]`, exactly: (file, format, lang,
    date); None for anything else (other options, a bad value, help), which click then handles."""
    if not args or args[0] != "check":
        return None
    chosen = {"--format": "text", "--lang": "vi", "--as-of": None}
    file = None
    rest = list(args[1:])
    while rest:
        token = rest.pop(0)
        name, equals, value = token.partition("=")
        if name in _CHECK_OPTIONS:
            if not equals:
                if not rest:
                    return None
                value = rest.pop(0)
            choices = _CHECK_OPTIONS[name]
            if choices is not None and value not in choices:
                return None
            chosen[name] = value
        elif token.startswith("-") or file is not None:
            return None
        else:
            file = token
    if file is None:
        return None
    as_of = None
    if chosen["--as-of"] is not None:
        from .dates import parse_day
        from .errors import PlanError

        try:
            as_of = parse_day(chosen["--as-of"]) if chosen["--as-of"].strip() else None
        except PlanError:
            return None   # click says what is wrong with it
        if as_of is None:
            return None
    return Path(file), str(chosen["--format"]), str(chosen["--lang"]), as_of


def main(argv: Sequence[str] | None = None) -> None:
    """The `chuanqg-xl` program."""
    args = list(sys.argv[1:] if argv is None else argv)
    plain = plain_check(args)
    if plain is not None:
        file, output_format, lang, as_of = plain
        utf8_streams()
        run_library(check_action(file, output_format, lang, as_of), file, lang)
    from .cli import main as click_main

    click_main(args=args)
