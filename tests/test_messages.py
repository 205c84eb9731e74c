"""The message tables: the texts a check needs load with the package, the others on first need, and every
way of asking (a key, a membership test, get, a walk) sees all of them."""
from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
import chuanqg_xl.messages as M
asked = sys.argv[1]
assert "chuanqg_xl.messages.web" not in sys.modules and "chuanqg_xl.messages.document" not in sys.modules
assert M._pending, "the Word reader's and the web page's texts load only when needed"
if asked == "text":
    assert "Click row 3" in M.text("web.province.error_findings", "en", file="a", unit="b", count=1, number=3)
elif asked == "in":
    assert "web.province.error_findings" in M.MESSAGES
elif asked == "get":
    assert M.MESSAGES.get("web.province.error_findings") is not None
elif asked == "getitem":
    assert M.MESSAGES["web.province.error_findings"]["vi"]
elif asked == "walk":
    assert any(key.startswith("web.") for key in M.MESSAGES)
elif asked == "rule":
    assert M.RULE_TEXTS[sys.argv[2]]
elif asked == "threads":
    import threading
    start, seen = threading.Barrier(8), []
    def ask():
        start.wait()
        seen.append("web.province.error_findings" in M.MESSAGES and M.MESSAGES.get("web.opt.port") is not None)
    workers = [threading.Thread(target=ask) for _ in range(8)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert seen == [True] * 8, seen
elif asked == "missing":
    assert "no.such.key" not in M.MESSAGES and M.MESSAGES.get("no.such.key") is None
    try:
        M.text("no.such.key")
    except KeyError:
        pass
    else:
        raise AssertionError("a missing key must raise")
assert not M._pending and "chuanqg_xl.messages.web" in sys.modules
print("ok")
"""


def _run(*args: str) -> str:
    done = subprocess.run([sys.executable, "-c", SCRIPT, *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_every_way_of_asking_finds_a_text_not_loaded_yet():
    for asked in ("text", "in", "get", "getitem", "walk", "threads", "missing"):
        assert _run(asked) == "ok", asked


def test_the_word_readers_rule_texts_are_found_too():
    from chuanqg_xl.messages import document

    rule_name = next(iter(document.RULE_TEXTS))
    assert _run("rule", rule_name) == "ok"


def test_all_modules_together_define_each_key_once():
    from chuanqg_xl import messages

    keys = [key for name in messages._NAMES
            for key in getattr(__import__(f"chuanqg_xl.messages.{name}", fromlist=["MESSAGES"]), "MESSAGES", {})]
    assert len(keys) == len(set(keys)) == len(messages.MESSAGES)
