"""LibreOffice as a converter: PDF for `export --pdf`, .docx from a Word 97-2003 .doc plan.

The only program the tool ever starts. It runs headless with a private,
temporary profile (a user's open LibreOffice would otherwise swallow the
request) set to the Vietnamese locale, with an argument list (no shell) and
a time limit that stops the whole process group.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from .errors import PlanError
from .normalize import clean_text

CONVERT_TIMEOUT_SECONDS = 180

# LibreOffice formats numbers by its locale setting: Vietnamese, so a PDF shows 44.497 and 61,40 %.
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">\
<value>vi-VN</value></prop></item>
</oor:items>
"""


def find_soffice() -> str | None:
    """The LibreOffice command, or None."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    candidates = []
    if sys.platform == "win32":
        for base in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")):
            if base:
                candidates.append(Path(base) / "LibreOffice" / "program" / "soffice.exe")
    elif sys.platform == "darwin":
        candidates.append(Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"))
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    return None


def convert(source: Path, fmt: str, out_dir: Path, soffice: str, *, failed_key: str, timeout_key: str,
            timeout: float = CONVERT_TIMEOUT_SECONDS) -> Path:
    """`source` converted to `fmt` ("pdf", "docx") in `out_dir`; returns the file LibreOffice wrote.

    Failures raise PlanError(failed_key, path=…, detail=…) or PlanError(timeout_key, path=…, seconds=…).
    """
    with tempfile.TemporaryDirectory(prefix="chuanqg-office-") as work:
        profile = Path(work) / "profile"
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS, encoding="utf-8")
        command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                   "--convert-to", fmt, "--outdir", str(out_dir), str(source)]
        options: dict[str, object] = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
        if os.name == "posix":
            options["start_new_session"] = True   # so a timeout can stop soffice.bin too, not only the wrapper
        try:
            process = subprocess.Popen(command, **options)
        except OSError as exc:
            raise PlanError(failed_key, path=source, detail=exc.strerror or exc) from None
        try:
            _, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            if os.name == "posix":
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except OSError:
                    pass
            process.kill()
            process.communicate()
            raise PlanError(timeout_key, path=source, seconds=int(timeout)) from None
    produced = out_dir / f"{source.stem}.{fmt}"
    if process.returncode != 0 or not produced.is_file():
        detail = clean_text(stderr.decode("utf-8", "replace"))[:300] or f"exit {process.returncode}"
        raise PlanError(failed_key, path=source, detail=detail)
    return produced
