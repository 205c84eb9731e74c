"""The plan as a Word document: read it, recognise its statements, check them, and hold them against a workbook.

Stages, following the data: `source` (.docx/.doc → paragraphs and tables in
document order, each with its place) → `statements` and `tables` (the stock
sentences and tables of a plan → facts) → `checks` (facts → findings with a
Word place) / `compare` (facts against a workbook's model) / `convert` (facts
→ the standard workbook for `import`).
"""
from __future__ import annotations

from .source import Paragraph, Table, Where, WordDocument, read_document, word_kind

__all__ = ["Paragraph", "Table", "Where", "WordDocument", "read_document", "word_kind"]
