"""The one exception type for 'this input cannot be used'."""
from __future__ import annotations

from collections.abc import Mapping

from .messages import Phrase, text


class PlanError(Exception):
    """A file the tool cannot use, or an action it must refuse.

    The message is Vietnamese by default and names the file and, where known,
    the sheet and cell. The CLI turns it into exit code 2.
    """

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(text(key, "vi", **params))

    def message(self, lang: str = "vi", names: Mapping[str, str] | None = None) -> str:
        """The sentence in `lang` (its phrases too); `names` shows a file under another name (a path → what the
        user calls it)."""
        params = {key: value.say(lang) if isinstance(value, Phrase) else value for key, value in self.params.items()}
        if not names:
            return text(self.key, lang, **params)
        return text(self.key, lang, **{key: names.get(str(value), value) for key, value in params.items()})
