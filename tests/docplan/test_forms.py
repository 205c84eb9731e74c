"""docs/plan-statements.md is generated from the recogniser: the committed page is what the code reads today."""
from __future__ import annotations

from pathlib import Path

from chuanqg_xl.docplan.forms import FORMS, _document, forms_markdown, understood
from chuanqg_xl.docplan.reader import build_docplan

PAGE = Path(__file__).resolve().parents[2] / "docs" / "plan-statements.md"


def test_the_committed_page_is_generated() -> None:
    assert PAGE.read_text(encoding="utf-8") == forms_markdown("vi")
    assert "# The statements and tables read in a Word plan" in forms_markdown("en")


def test_every_form_is_understood_as_documented() -> None:
    for form in FORMS:
        own_header = form.key in ("header", "draft")
        lines = understood(build_docplan(_document(form.examples, not own_header)), header_facts=own_header)
        assert lines, form.key
    not_read = next(form for form in FORMS if not form.understood)
    lines = understood(build_docplan(_document(not_read.examples, True)), header_facts=False)
    assert lines == ["02 trường (công nhận mới)"]   # the count, but neither "năm trường" nor the unprefixed names
