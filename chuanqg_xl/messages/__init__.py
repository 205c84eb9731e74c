"""Every sentence a user reads, in one folder, Vietnamese first.

Each module here holds the texts of one area in a `MESSAGES` dict
(key → {"vi": …, "en": …}); the rule catalogue's words are in `rules.py`.
A reviewer or translator reads this folder and nothing else.
`text(key, lang, **params)` fills the placeholders.
"""
from __future__ import annotations

import importlib
import os

LANGS = ("vi", "en")
MESSAGES: dict[str, dict[str, str]] = {}
RULE_TEXTS: dict[str, dict[str, dict[str, str]]] = {}

# The modules next to this one, by name (a directory listing: pkgutil.iter_modules would load `inspect`, a
# fifth of a `check`'s start-up).
_NAMES = sorted(entry[:-3] for entry in os.listdir(os.path.dirname(__file__))
                if entry.endswith(".py") and entry != "__init__.py")
for _name in _NAMES:
    _loaded = importlib.import_module(f"{__name__}.{_name}")
    for _key, _value in getattr(_loaded, "MESSAGES", {}).items():
        if _key in MESSAGES:
            raise RuntimeError(f"message {_key!r} is defined twice")
        MESSAGES[_key] = _value
    RULE_TEXTS.update(getattr(_loaded, "RULE_TEXTS", {}))


def text(key: str, lang: str = "vi", **params: object) -> str:
    """The sentence for `key` in `lang` (Vietnamese when missing), filled in."""
    entry = MESSAGES.get(key)
    if entry is None:
        raise KeyError(f"no message {key!r}")
    template = entry.get(lang) or entry["vi"]
    return template.format(**params) if params else template
