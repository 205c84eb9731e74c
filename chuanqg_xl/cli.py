"""The command line: a thin click layer over the library.

Each command parses its options, calls one library function and prints the
result. Library errors become a Vietnamese sentence and exit code 2; no
traceback unless -v (`command.run_library`). Heavy modules are imported inside
commands so that `chuanqg-xl --help` starts quickly; the program's entry point
(`command.main`) runs a plain `check FILE` without this module.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from .command import State, check_action, run_library, utf8_streams
from .messages import text

FORMATS = click.Choice(["text", "json"])
LANG = click.Choice(["vi", "en"])
CLICK_MODULES = ("core", "exceptions", "types", "parser", "decorators", "formatting", "termui")


_CLICK_LANGUAGE = ["vi"]   # the language of click's own sentences for the command line being run


def click_text(message: str) -> str:
    """One of click's sentences (by its English id) in the language of the command line being run."""
    from .messages import MESSAGES

    entry = MESSAGES.get("click:" + message)
    return entry[_CLICK_LANGUAGE[0]] if entry is not None else message


def _click_in_vietnamese() -> None:
    """click's own sentences (a missing file name, an unknown option, help headings) come from
    `messages/clicktext.py`: click asks gettext for each, so each of its modules is given ours instead.
    With `--lang en` on the command line they stay click's English (`_Program.main`)."""
    import importlib

    def ngettext(singular: str, plural: str, count: int) -> str:
        return click_text(singular if count == 1 else plural)

    for name in CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = click_text  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]


_click_in_vietnamese()


def _h(key: str) -> str:
    return text(key, "vi")


def _parse_date(value: str | None, lang: str = "vi") -> dt.date | None:
    """--as-of as the page's date field reads it: day/month/year (30/06/2023) or 2023-06-30."""
    if value is None:
        return None
    from .dates import parse_day
    from .errors import PlanError

    try:
        return parse_day(value)
    except PlanError as exc:
        raise click.BadParameter(exc.message(lang)) from None


def language_of(args: list[str]) -> str:
    """The --lang a command line asks for ('vi' unless it says 'en'), read before click parses it, so that a
    mistake click reports (an unknown option, a bad --format) is framed in that language too. `--help` stays
    Vietnamese throughout: the options' own help is written in Vietnamese."""
    if "-h" in args or "--help" in args:
        return "vi"
    for arg, following in zip(args, [*args[1:], None]):
        value = following if arg == "--lang" else arg.removeprefix("--lang=") if arg.startswith("--lang=") else None
        if value in ("vi", "en"):
            return value
    return "vi"


class _Program(click.Group):
    def main(self, args=None, *rest, **options):   # type: ignore[override]
        import sys

        _CLICK_LANGUAGE[0] = language_of(list(sys.argv[1:] if args is None else args))
        # the placeholders of the usage lines ("Cách dùng: chuanqg-xl check [TÙY CHỌN] FILE")
        self.subcommand_metavar = click_text("COMMAND [ARGS]...")
        for command in (self, *self.commands.values()):
            command.options_metavar = click_text("[OPTIONS]")
        return super().main(args, *rest, **options)


@click.group(cls=_Program, help=_h("help.main"), context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="chuanqg-xl", message="%(prog)s %(version)s")
@click.option("-v", "--verbose", is_flag=True, help=_h("opt.verbose"))
def main(verbose: bool) -> None:
    State.verbose = verbose
    utf8_streams()


@main.command(help=_h("help.new"))
@click.option("--unit", required=True, help=_h("opt.unit"))
@click.option("--year", required=True, type=click.IntRange(2000, 2100), help=_h("opt.year"))
@click.option("--province", help=_h("opt.province"))
@click.option("--number", help=_h("opt.number"))
@click.option("-o", "--output", type=click.Path(path_type=Path), help=_h("opt.output"))
@click.option("--force", is_flag=True, help=_h("opt.force"))
def new(unit: str, year: int, province: str | None, number: str | None, output: Path | None, force: bool) -> None:
    target = output or Path(f"ke-hoach-truong-chuan-{year}.xlsx")

    def action() -> int:
        from .files import backup_path
        from .template import new_workbook

        replaced = target.exists()
        new_workbook(target, unit=unit, year=year, province=province, number=number, overwrite=force)
        click.echo(text("cli.new_done", path=target))
        if replaced:
            click.echo(text("cli.backup", path=backup_path(target)))
        return 0

    run_library(action, target)


@main.command(help=_h("help.check"))
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=FORMATS, default="text", show_default=True, help=_h("opt.format"))
@click.option("--as-of", "as_of", metavar="DD/MM/YYYY", help=_h("opt.as_of"))
@click.option("--lang", type=LANG, default="vi", show_default=True, help=_h("opt.lang"))
@click.option("--plan", "plan_document", type=click.Path(path_type=Path), metavar="KE-HOACH.docx",
              help=_h("doc.opt.plan"))
def check(file: Path, output_format: str, as_of: str | None, lang: str, plan_document: Path | None) -> None:
    run_library(check_action(file, output_format, lang, _parse_date(as_of, lang), plan_document), file, lang)


@main.command(help=_h("help.recalc"))
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help=_h("opt.output"))
@click.option("--format", "output_format", type=FORMATS, default="text", show_default=True, help=_h("opt.format"))
@click.option("--as-of", "as_of", metavar="DD/MM/YYYY", help=_h("opt.as_of"))
@click.option("--lang", type=LANG, default="vi", show_default=True, help=_h("opt.lang"))
@click.option("--no-backup", is_flag=True, help=_h("opt.no_backup"))
def recalc(file: Path, output: Path | None, output_format: str, as_of: str | None, lang: str,
           no_backup: bool) -> None:
    when = _parse_date(as_of, lang)

    def action() -> int:
        from .recalc import recalc_plan

        result = recalc_plan(file, output, backup=not no_backup, lang=lang, as_of=when)
        report = result.report
        if output_format == "json":
            data = report.to_dict()
            data["output"] = str(result.output)
            data["backup"] = str(result.backup) if result.backup else None
            data["unchanged"] = result.unchanged
            data["fixed"] = [finding.to_dict() for finding in result.fixed]
            click.echo(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False))
            return report.exit_code
        click.echo(text("cli.recalc_unchanged" if result.unchanged else "cli.wrote", lang, path=result.output))
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

    run_library(action, file, lang)


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


@main.command(help=_h("export.help"))
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help=_h("export.opt.output"))
@click.option("--only", metavar="pl1,pl2,pl3,tien-do,tong-hop", help=_h("export.opt.only"))
@click.option("--force", is_flag=True, help=_h("export.opt.force"))
@click.option("--pdf", is_flag=True, help=_h("export.opt.pdf"))
@click.option("--csv", "csv_dir", type=click.Path(path_type=Path), help=_h("export.opt.csv"))
@click.option("--json", "json_path", type=click.Path(path_type=Path), help=_h("export.opt.json"))
@click.option("--lang", type=LANG, default="vi", show_default=True, help=_h("opt.lang"))
def export(file: Path, output: Path, only: str | None, force: bool, pdf: bool, csv_dir: Path | None,
           json_path: Path | None, lang: str) -> None:
    def action() -> int:
        from .export import export_plan

        result = export_plan(file, output, only=only, force=force, lang=lang, pdf=pdf, csv_dir=csv_dir,
                             json_path=json_path)
        errors = result.errors
        if errors:
            click.echo(text("export.forced", lang, count=len(errors)), err=True)
            for finding in errors:
                click.echo(f"  {finding.location()} {finding.code} {finding.message}", err=True)
        # paths as typed, as every other command prints them (the result holds them resolved)
        click.echo(text("export.done", lang, count=len(result.sheets), path=output, sheets=", ".join(result.sheets)))
        if result.skipped:
            click.echo(text("export.skipped", lang, names=", ".join(result.skipped)))
        if result.pdf:
            click.echo(text("export.pdf_done", lang, path=output.with_suffix(".pdf")))
        if result.csv_files and csv_dir is not None:
            click.echo(text("export.csv_done", lang, count=len(result.csv_files), path=csv_dir))
        if result.json_path and json_path is not None:
            click.echo(text("export.json_done", lang, path=json_path))
        if result.backup:
            click.echo(text("cli.backup", lang, path=result.backup))
        others = len(result.findings) - len(errors)
        if others:
            click.echo(text("export.other_findings", lang, count=others, path=file), err=True)
        return 1 if errors else 0

    run_library(action, file, lang)


@main.command("consolidate", help=_h("province.help.consolidate"))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("tong-hop-tinh.xlsx"),
              show_default=True, help=_h("province.opt.consolidate_output"))
@click.option("--format", "output_format", type=FORMATS, default="text", show_default=True, help=_h("opt.format"))
@click.option("-j", "--jobs", type=click.IntRange(1, 64), help=_h("province.opt.jobs"))
@click.option("--lang", type=LANG, default="vi", show_default=True, help=_h("opt.lang"))
def consolidate_cmd(paths: tuple[Path, ...], output: Path, output_format: str, jobs: int | None, lang: str) -> None:
    def action() -> int:
        from .consolidate import PROGRESS_MIN_FILES, collect_inputs, consolidate

        files = collect_inputs(paths, exclude=output)
        progress = _Progress(lang) if len(files) >= PROGRESS_MIN_FILES else None
        try:
            result = consolidate(files, output, lang, progress=progress, jobs=jobs)
        finally:
            if progress is not None:
                progress.close()
        if output_format == "json":
            click.echo(result.to_json())
        else:
            click.echo(result.to_text())
        if result.backup:
            click.echo(text("cli.backup", lang, path=result.backup), err=output_format == "json")
        return result.exit_code

    run_library(action, output, lang)


class _Progress:
    """Progress of a long command on stderr, phase by phase: a bar on a terminal; on a pipe or in CI,
    a plain line now and then (every tenth of the way, or every few seconds) and one at the end."""

    LINE_EVERY_SECONDS = 5.0

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.tty = sys.stderr.isatty()
        self.phase: str | None = None
        self.bar = None
        self.shown = 0          # the bar's position, or the last tenth printed
        self.last_line = 0.0

    def __call__(self, phase: str, done: int, total: int) -> None:
        import time

        if phase != self.phase:
            self.close()
            self.phase = phase
            self.shown = 0
            label = text(f"province.progress.{phase}", self.lang)
            if self.tty:
                self.bar = click.progressbar(length=total, label=label, file=sys.stderr)
                self.bar.__enter__()
            else:
                self.last_line = time.monotonic()
                click.echo(f"{label}: 0/{total}", err=True)
        if self.bar is not None:
            self.bar.update(done - self.shown)
            self.shown = done
            return
        tenth = done * 10 // max(total, 1)
        now = time.monotonic()
        if tenth > self.shown or now - self.last_line >= self.LINE_EVERY_SECONDS or done == total:
            if done == total and tenth == self.shown == 10:
                return   # the end was printed already
            self.shown, self.last_line = tenth, now
            label = text(f"province.progress.{phase}", self.lang)
            click.echo(f"{label}: {done}/{total} ({done * 100 // max(total, 1)} %)", err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
        self.phase = None


@main.command("import", help=_h("province.help.import"))
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help=_h("province.opt.import_output"))
@click.option("--unit", help=_h("opt.unit"))
@click.option("--year", type=click.IntRange(2000, 2100), help=_h("opt.year"))
@click.option("--province", help=_h("opt.province"))
@click.option("--number", help=_h("opt.number"))
@click.option("--force", is_flag=True, help=_h("opt.force"))
@click.option("--format", "output_format", type=FORMATS, default="text", show_default=True, help=_h("opt.format"))
@click.option("--lang", type=LANG, default="vi", show_default=True, help=_h("opt.lang"))
def import_cmd(file: Path, output: Path, unit: str | None, year: int | None, province: str | None,
               number: str | None, force: bool, output_format: str, lang: str) -> None:
    def action() -> int:
        from .guard import word_kind
        from .files import backup_path
        from .importer import import_legacy

        replaced = output.exists()
        run_import = import_legacy
        if word_kind(file):   # the Word plan itself
            from .docplan.convert import import_document as run_import
        result = run_import(file, output, unit=unit, year=year, province=province, number=number,
                            overwrite=force, lang=lang)
        if output_format == "json":
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        else:
            click.echo(result.to_text())
        if replaced:
            click.echo(text("cli.backup", lang, path=backup_path(output)), err=output_format == "json")
        return result.exit_code

    run_library(action, file, lang)


@main.command("status", help=_h("province.help.status"))
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--as-of", "as_of", metavar="DD/MM/YYYY", help=_h("province.opt.as_of"))
@click.option("--within", "horizon", type=click.IntRange(1, 366), default=30, show_default=True,
              help=_h("province.opt.horizon"))
@click.option("-o", "--output", type=click.Path(path_type=Path), help=_h("province.opt.status_output"))
@click.option("--format", "output_format", type=FORMATS, default="text", show_default=True, help=_h("opt.format"))
@click.option("--lang", type=LANG, default="vi", show_default=True, help=_h("opt.lang"))
def status_cmd(file: Path, as_of: str | None, horizon: int, output: Path | None, output_format: str,
               lang: str) -> None:
    when = _parse_date(as_of, lang)

    def action() -> int:
        from .files import backup_path, needs_backup
        from .status import OUTPUT_KIND, progress_status, write_status

        report = progress_status(file, when, horizon_days=horizon, lang=lang)
        backup = None
        if output is not None:
            backup = backup_path(output) if needs_backup(output, OUTPUT_KIND) else None
            write_status(report, output)
        if output_format == "json":
            click.echo(report.to_json())
        else:
            click.echo(report.to_text())
        if output is not None:
            # stderr keeps the JSON on stdout parseable
            click.echo(text("province.status.wrote", lang, path=output), err=output_format == "json")
        if backup is not None:
            click.echo(text("cli.backup", lang, path=backup), err=output_format == "json")
        return report.exit_code

    run_library(action, file, lang)


@main.command("serve", help=_h("web.help.serve"))
@click.option("--host", default="127.0.0.1", show_default=True, help=_h("web.opt.host"))
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help=_h("web.opt.port"))
@click.option("--no-browser", is_flag=True, help=_h("web.opt.no_browser"))
@click.option("--lang", type=LANG, default="vi", show_default=True, help=_h("opt.lang"))
def serve_cmd(host: str, port: int, no_browser: bool, lang: str) -> None:
    def action() -> int:
        from .web import serve

        serve(host, port, open_browser=not no_browser, lang=lang, echo=click.echo, verbose=State.verbose)
        return 0

    run_library(action, f"{host}:{port}", lang)



if __name__ == "__main__":  # pragma: no cover
    main()
