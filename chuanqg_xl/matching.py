"""Finding a school of the list (PL1) from a name written elsewhere.

Names are indexed, never compared pairwise, so matching costs grow linearly
with the number of schools. A name matches exactly (case and spacing aside),
or as a variant when only diacritics differ ("Nhâm"/"Nhậm", "Loong"/"Loỏng");
two names whose level prefixes differ ("TH …" vs "MN …") never match.
"""
from __future__ import annotations


from .model import School
from .normalize import SchoolName, split_school_name
from .records import record

TYPE_CHECKING = False   # typing.TYPE_CHECKING, without loading typing (2 ms of every start-up)
if TYPE_CHECKING:
    from typing import Literal

    How = Literal["exact", "variant", "ambiguous", "missing"]


@record(frozen=True, slots=True)
class Match:
    how: How
    school: School | None = None
    candidates: tuple[School, ...] = ()   # for "ambiguous", or schools with another prefix for "missing"


class SchoolIndex:
    """The schools of PL1, indexed by their exact and folded names."""

    def __init__(self, schools: list[School]) -> None:
        self.schools = schools
        self._exact: dict[tuple[str, str], list[School]] = {}
        self._folded: dict[tuple[str, str], list[School]] = {}
        self._rest_exact: dict[str, list[School]] = {}
        self._rest_folded: dict[str, list[School]] = {}
        for school in schools:
            parts = school.name_parts
            if parts is None or not parts.folded:
                continue
            self._exact.setdefault(parts.exact_key, []).append(school)
            self._folded.setdefault(parts.folded_key, []).append(school)
            self._rest_exact.setdefault(parts.exact, []).append(school)
            self._rest_folded.setdefault(parts.folded, []).append(school)

    def resolve(self, name: str | SchoolName) -> Match:
        parts = name if isinstance(name, SchoolName) else split_school_name(name)
        if not parts.folded:
            return Match("missing")
        found = self._exact.get(parts.exact_key)
        if found:
            return Match("exact", found[0])
        found = self._folded.get(parts.folded_key)
        if found:
            distinct = _distinct(found)
            if len(distinct) == 1:
                return Match("variant", distinct[0])
            return Match("ambiguous", None, tuple(distinct))
        if parts.prefix is None:
            # No prefix written: the rest of the name decides, if it points to one school.
            for table, how in ((self._rest_exact, parts.exact), (self._rest_folded, parts.folded)):
                found = table.get(how)
                if found:
                    distinct = _distinct(found)
                    if len(distinct) == 1:
                        return Match("variant", distinct[0])
                    return Match("ambiguous", None, tuple(distinct))
            return Match("missing")
        others = self._rest_folded.get(parts.folded, [])
        if not others and parts.level:
            others = [school for school in self._rest_exact.get(parts.exact, [])]
        others = [school for school in others if school.name_parts and school.name_parts.prefix != parts.prefix]
        # A prefix-less list name ("Nguyễn Du") is matched by a prefixed mention of the same name.
        bare = [school for school in others if school.name_parts.prefix is None]
        if len(bare) == 1:
            return Match("variant", bare[0])
        return Match("missing", None, tuple(_distinct(others)))

    def duplicates(self) -> list[tuple[School, School]]:
        """Pairs (later row, first row) of schools listed twice with the same name."""
        pairs = []
        for schools in self._exact.values():
            first = schools[0]
            pairs.extend((school, first) for school in schools[1:])
        return sorted(pairs, key=lambda pair: pair[0].row)


def _distinct(schools: list[School]) -> list[School]:
    """Schools with different exact names (the same school listed twice counts once)."""
    seen: dict[tuple[str, str], School] = {}
    for school in schools:
        seen.setdefault(school.name_parts.exact_key, school)
    return list(seen.values())
