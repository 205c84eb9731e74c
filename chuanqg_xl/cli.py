"""The command line: a thin click layer over the library.

Each command parses its options, calls one library function and prints the
result. Library errors become a Vietnamese sentence and exit code 2; no
traceback unless -v. Heavy modules are imported inside commands so that
`chuanqg-xl --help` starts quickly.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Callable

import click

from .messages import text

FORMATS = click.Choice(["text", "json"])
LANG = click.Choice(["vi", "en"])


def _h(key: str) -> str:
    return text(key, "vi")


class _State:
    verbose = False


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(text("error.bad_date", value=value)) from None


def run_library(action: Callable[[], int], path: object) -> None:
    """Run a command body; turn library errors into exit code 2 with a sentence, never a traceback."""
    from .errors import PlanError

    try:
        code = action()
    except PlanError as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)
    except click.exceptions.Exit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug or an input we did not foresee: still no traceback for the user
        if _State.verbose:
            raise
        click.echo(text("cli.unexpected", path=path, detail=f"{type(exc).__name__}: {exc}"), err=True)
        sys.exit(2)
    sys.exit(code)


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure and (stream.encoding or "").lower().replace("-", "") != "utf8":
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):
                pass


@click.group(help=_h("help.main"), context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="chuanqg-xl", message="%(prog)s %(version)s")
@click.option("-v", "--verbose", is_flag=True, help=_h("opt.verbose"))
def main(verbose: bool) -> None:
    _State.verbose = verbose
    _utf8_streams()


@main.command(help=_h("help.new"))
@click.option("--unit", required=True, help=_h("opt.unit"))
@click.option("--year", required=True, type=click.IntRange(2000, 2100), help=_h("opt.year"))
@click.option("--province", help=_h("opt.province"))
@click.option("--number", help=_h("opt.number"))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help=_h("opt.output"))
@click.option("--force", is_flag=True, help=_h("opt.force"))
def new(unit: str, year: int, province: str | None, number: str | None, output: Path | None, force: bool) -> None:
    target = output or Path(f"ke-hoach-truong-chuan-{year}.xlsx")

    def action() -> int:
        from .template import new_workbook

        new_workbook(target, unit=unit, year=year, province=province, number=number, overwrite=force)
        click.echo(text("cli.new_done", path=target))
        return 0

    run_library(action, target)


@main.command(help=_h("help.check"))
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=FORMATS, default="text", show_default=True, help=_h("opt.format"))
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help=_h("opt.as_of"))
@click.option("--lang", type=LANG, default="vi", show_default=True, help=_h("opt.lang"))
def check(file: Path, output_format: str, as_of: str | None, lang: str) -> None:
    when = _parse_date(as_of)

    def action() -> int:
        from .checks import check_plan

        report = check_plan(file, lang=lang, as_of=when)
        if output_format == "json":
            click.echo(report.to_json())
        else:
            click.echo(report.to_text(str(file)))
        return report.exit_code

    run_library(action, file)


@main.command(help=_h("help.recalc"))
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help=_h("opt.output"))
@click.option("--format", "output_format", type=FORMATS, default="text", show_default=True, help=_h("opt.format"))
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help=_h("opt.as_of"))
@click.option("--lang", type=LANG, default="vi", show_default=True, help=_h("opt.lang"))
@click.option("--no-backup", is_flag=True, help=_h("opt.no_backup"))
def recalc(file: Path, output: Path | None, output_format: str, as_of: str | None, lang: str,
           no_backup: bool) -> None:
    when = _parse_date(as_of)

    def action() -> int:
        from .recalc import recalc_plan

        result = recalc_plan(file, output, backup=not no_backup, lang=lang, as_of=when)
        report = result.report
        if output_format == "json":
            data = report.to_dict()
            data["output"] = str(result.output)
            data["backup"] = str(result.backup) if result.backup else None
            data["fixed"] = [finding.to_dict() for finding in result.fixed]
            click.echo(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False))
            return report.exit_code
        click.echo(text("cli.wrote", lang, path=result.output))
        if result.backup:
            click.echo(text("cli.backup", lang, path=result.backup))
        click.echo(text("cli.recalc_written", lang, written=result.written, changed=len(result.changes)))
        fixed = result.fixed
        if fixed:
            click.echo(text("cli.recalc_fixed", lang, count=len(fixed)))
            for finding in fixed:
                click.echo(f"  {finding.location()} {finding.code} {finding.message}")
        if report.findings:
            click.echo(text("cli.recalc_remaining", lang))
        click.echo(report.to_text(str(result.output)))
        return report.exit_code

    run_library(action, file)


@main.command(help=_h("help.rules"))
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help=_h("opt.format"))
@click.option("--lang", type=LANG, default="vi", show_default=True, help=_h("opt.lang"))
def rules(output_format: str, lang: str) -> None:
    from .rules import RULES, catalogue_markdown

    if output_format == "markdown":
        click.echo(catalogue_markdown(lang), nl=False)
    elif output_format == "json":
        data = [{"code": rule.code, "name": rule.name, "severity": rule.severity, "title": rule.text("title", lang),
                 "what": rule.text("what", lang), "why": rule.text("why", lang), "fix": rule.text("fix", lang),
                 "fixed_by_recalc": rule.recalc_fixes} for rule in RULES]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(text("cli.rules_header", lang))
        for rule in RULES:
            severity = text("severity." + rule.severity, lang)
            click.echo(f"{rule.code}  {severity:<9}  {rule.name} — {rule.text('title', lang)}")


if __name__ == "__main__":  # pragma: no cover
    main()
