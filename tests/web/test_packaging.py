"""`pip install .` (not editable) ships the page: templates, styles and script are package data.

A wheel is built from a copy of the sources, installed into a folder of its
own, and the page is served from that installed copy in a fresh process.
"""
from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from webtools import ROOT, SAMPLES

ASSETS = ("chuanqg_xl/web/templates/page.html", "chuanqg_xl/web/templates/_results.html",
          "chuanqg_xl/web/templates/_findings.html", "chuanqg_xl/web/static/app.css",
          "chuanqg_xl/web/static/app.js", "chuanqg_xl/web/static/favicon.svg", "chuanqg_xl/web/static/drop.svg")

SERVE_FROM_INSTALLED = r"""
import re, sys
import chuanqg_xl
assert chuanqg_xl.__file__.startswith(sys.argv[1]), chuanqg_xl.__file__
from chuanqg_xl import create_app
client = create_app().test_client()
base = "http://127.0.0.1:8765"
page = client.get("/", base_url=base)
assert page.status_code == 200, page.status_code
for asset in ("app.css", "app.js", "favicon.svg", "drop.svg"):
    assert client.get("/static/" + asset, base_url=base).status_code == 200, asset
token = re.search(r'csrf=([^"&]+)', page.get_data(as_text=True)).group(1)
with open(sys.argv[2], "rb") as handle:
    answer = client.post("/check?csrf=" + token, base_url=base, data={"files": (handle, "hbt.xlsx")},
                         headers={"X-Requested-With": "fetch"})
assert answer.status_code == 200, answer.get_data(as_text=True)[:300]
assert "1 lỗi, 2 cảnh báo, 4 ghi chú" in answer.get_json()["html"]
print("served from the installed copy")
"""


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("wheel") is None, reason="the 'wheel' package is not installed "
                                                                      "(pip install -e '.[test]')")
def test_installed_package_serves_the_page(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(ROOT / "chuanqg_xl", source / "chuanqg_xl",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("setup.cfg", "pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(wheels), str(source)], check=True, capture_output=True, timeout=300)
    wheel = next(wheels.glob("chuanqg_xl-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert set(ASSETS) <= names, set(ASSETS) - names

    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target", str(site),
                    str(wheel)], check=True, capture_output=True, timeout=300)
    sample = SAMPLES / "hai-ba-trung-2023.xlsx"
    run = subprocess.run([sys.executable, "-c", SERVE_FROM_INSTALLED, str(site), str(sample)], cwd=tmp_path, env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "served from the installed copy" in run.stdout
