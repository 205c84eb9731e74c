"""The one exception type for 'this input cannot be used'."""
from __future__ import annotations

from .messages import text


class PlanError(Exception):
    """A file the tool cannot use, or an action it must refuse.

    The message is Vietnamese by default and names the file and, where known,
    the sheet and cell. The CLI turns it into exit code 2.
    """

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(text(key, "vi", **params))

    def message(self, lang: str = "vi") -> str:
        return text(self.key, lang, **self.params)
