"""Every sentence a user reads, in one folder, Vietnamese first.

Each module here holds the texts of one area in a `MESSAGES` dict
(key → {"vi": …, "en": …}); the rule catalogue's words are in `rules.py`.
A reviewer or translator reads this folder and nothing else.
`text(key, lang, **params)` fills the placeholders. Text from a workbook
reaches a sentence only through those placeholders, and there its control
characters are made visible (`visible`): a school named "…\x1b[2J" would
otherwise clear the officer's terminal, or recolour and hide lines of a report.
"""
from __future__ import annotations

import importlib
import os
import re
import threading

LANGS = ("vi", "en")

# The modules next to this one, by name (a directory listing: pkgutil.iter_modules would load `inspect`, a
# fifth of a `check`'s start-up).
_NAMES = sorted(entry[:-3] for entry in os.listdir(os.path.dirname(__file__))
                if entry.endswith(".py") and entry != "__init__.py")
# What a `check` of a workbook says comes from these; the others (the Word plan reader's, the web page's, the
# consolidation's, export's: half the texts) load when a key is first missed, so that every start-up does not
# unmarshal them.
_FIRST = ("cli", "core", "rules", "safety")
_pending = [name for name in _NAMES if name not in _FIRST]


class _Table(dict):
    """A dict of texts, complete for whoever asks: a key, a membership test or a walk that misses the modules
    not loaded yet loads them first."""

    def __missing__(self, key: str) -> object:
        _load_rest()
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        raise KeyError(key)

    def get(self, key: str, default: object = None) -> object:
        if not dict.__contains__(self, key):
            _load_rest()
        return dict.get(self, key, default)

    def __contains__(self, key: object) -> bool:
        if dict.__contains__(self, key):
            return True
        _load_rest()
        return dict.__contains__(self, key)

    def __iter__(self):  # type: ignore[no-untyped-def]
        _load_rest()
        return dict.__iter__(self)

    def __len__(self) -> int:
        _load_rest()
        return dict.__len__(self)

    def keys(self):  # type: ignore[no-untyped-def]
        _load_rest()
        return dict.keys(self)

    def values(self):  # type: ignore[no-untyped-def]
        _load_rest()
        return dict.values(self)

    def items(self):  # type: ignore[no-untyped-def]
        _load_rest()
        return dict.items(self)


MESSAGES: dict[str, dict[str, str]] = _Table()
RULE_TEXTS: dict[str, dict[str, dict[str, str]]] = _Table()
_loading = threading.RLock()   # the page serves requests in threads: one loads, the others wait for all of it


def _load(name: str) -> None:
    loaded = importlib.import_module(f"{__name__}.{name}")
    for key, value in getattr(loaded, "MESSAGES", {}).items():
        if dict.__contains__(MESSAGES, key):
            raise RuntimeError(f"message {key!r} is defined twice")
        dict.__setitem__(MESSAGES, key, value)
    dict.update(RULE_TEXTS, getattr(loaded, "RULE_TEXTS", {}))


def _load_rest() -> None:
    """Load the modules not loaded yet (at once: a module leaves the list only once its texts are in)."""
    if not _pending:
        return
    with _loading:
        while _pending:
            _load(_pending[0])
            del _pending[0]


for _name in _NAMES:
    if _name in _FIRST:
        _load(_name)


# C0 controls but tab and line feed, DEL and the C1 controls (U+0080-U+009F: U+009B starts a terminal sequence)
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(value: str) -> str:
    """`value` with its control characters written out ('\\x1b'), so that printing it cannot steer a terminal."""
    return CONTROL.sub(lambda match: f"\\x{ord(match.group(0)):02x}", value) if CONTROL.search(value) else value


def text(key: str, lang: str = "vi", **params: object) -> str:
    """The sentence for `key` in `lang` (Vietnamese when missing), filled in (text made `visible`)."""
    entry = MESSAGES.get(key)
    if entry is None:
        raise KeyError(f"no message {key!r}")
    template = entry.get(lang) or entry["vi"]
    if not params:
        return template
    for name, value in params.items():
        if value.__class__ is str and not value.isprintable() and CONTROL.search(value):
            params[name] = visible(value)
    return template.format(**params)


class Phrase(str):
    """Part of a sentence, said in Vietnamese until asked in another language: a parameter of another message
    (`PlanError("error.not_spreadsheet", what=phrase("what.csv"))`) that `PlanError.message(lang)` says in
    `lang`. It is a str, so code that takes it as the Vietnamese text keeps working."""

    key: str
    params: dict[str, object]

    def __new__(cls, key: str, **params: object) -> Phrase:
        made = super().__new__(cls, text(key, "vi", **params))
        made.key, made.params = key, params
        return made

    def say(self, lang: str) -> str:
        return text(self.key, lang, **self.params)

    def __getnewargs_ex__(self) -> tuple[tuple[str], dict[str, object]]:
        return (self.key,), self.params


def phrase(key: str, **params: object) -> Phrase:
    """`text(key, "vi", …)` that can still be said in another language (see `Phrase`)."""
    return Phrase(key, **params)
