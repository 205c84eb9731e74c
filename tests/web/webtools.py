"""Helpers for the page's tests: an app whose private folders the test can watch, posting files as the page's
script does, reading what a person sees. (Not a conftest.py: tests import the top-level conftest by name.)
"""
from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Iterable

import pytest

from chuanqg_xl.web import create_app

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
BASE = "http://127.0.0.1:8765"


@pytest.fixture
def temp_root(tmp_path: Path) -> Path:
    """Where the app makes its private folders: must be empty again after every request."""
    root = tmp_path / "web-temp"
    root.mkdir()
    return root


@pytest.fixture
def app(temp_root: Path):
    return create_app("127.0.0.1", 8765, temp_root=temp_root)


@pytest.fixture
def client(app):
    return app.test_client()


def page_token(client) -> str:
    page = client.get("/", base_url=BASE)
    return re.search(r'csrf=([^"&]+)', page.get_data(as_text=True)).group(1)


def post_files(client, files: Iterable[Path | tuple[bytes, str]], *, xhr: bool = True, lang: str = "vi",
               token: str | None = None, headers: dict[str, str] | None = None, base_url: str = BASE):
    """POST /check the way the page does: multipart 'files', the page's token, the script's header."""
    token = page_token(client) if token is None else token
    data = {"files": [(io.BytesIO(item.read_bytes()), item.name) if isinstance(item, Path)
                      else (io.BytesIO(item[0]), item[1]) for item in files]}
    sent = {"X-Requested-With": "fetch"} if xhr else {}
    sent.update(headers or {})
    return client.post(f"/check?lang={lang}&csrf={token}", base_url=base_url, data=data, headers=sent,
                       content_type="multipart/form-data")


def visible_text(html: str) -> str:
    """The words a person sees: tags removed, entities decoded, spaces collapsed."""
    import html as html_module

    return re.sub(r"\s+", " ", html_module.unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def result_token(answer) -> str:
    return re.search(r"/r/([^?]+)", answer.get_json()["url"]).group(1)


def follow(client, answer, *, lang: str = "vi", pause: float = 0.05, limit: float = 300.0):
    """A consolidation's job followed as the page follows it: (its last answer, every progress answer seen)."""
    import time

    assert answer.status_code == 202, answer.get_data(as_text=True)[:300]
    poll = answer.get_json()["poll"]
    seen = []
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        answer = client.get(poll, base_url=BASE, headers={"X-Requested-With": "fetch"})
        data = answer.get_json()
        if answer.status_code != 200 or "phase" not in data:
            return answer, seen
        seen.append(data)
        time.sleep(pause)
    raise AssertionError(f"the job did not end in {limit} s: {seen[-1:]}")
