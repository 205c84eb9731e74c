"""`records.record` behaves as `dataclasses.dataclass` does for what the package uses of it."""
from __future__ import annotations

import dataclasses
import pickle

import pytest

from chuanqg_xl.model import CellRef
from chuanqg_xl.records import FrozenRecordError, field, fields, record, replace


@record(frozen=True, slots=True)
class Point:
    x: int
    y: int = 0


@record(slots=True, eq=False)
class Base:
    name: str
    tags: list[str] = field(default_factory=list)


@record(slots=True, eq=False)
class Child(Base):
    size: int = 1
    secret: str = field(default="", repr=False)


@record
class Plain:
    items: list[int] = field(default_factory=list)
    label: str = "x"


@dataclasses.dataclass
class PlainDataclass:
    items: list[int] = dataclasses.field(default_factory=list)
    label: str = "x"


def test_constructor_defaults_and_repr_as_a_dataclass() -> None:
    assert repr(Point(1)) == "Point(x=1, y=0)"
    assert repr(Plain()) == repr(PlainDataclass()).replace("PlainDataclass", "Plain")
    assert Point(1, 2) == Point(x=1, y=2) and Point(1, 2) != Point(2, 1)
    with pytest.raises(TypeError):
        Point()   # x has no default


def test_default_factory_gives_each_record_its_own_list() -> None:
    first, second = Plain(), Plain()
    first.items.append(1)
    assert second.items == [] and first.items == [1]


def test_frozen_records_refuse_changes_and_hash_by_value() -> None:
    point = Point(1, 2)
    with pytest.raises(AttributeError):
        point.x = 3   # type: ignore[misc]
    with pytest.raises(FrozenRecordError):
        del point.y   # type: ignore[misc]
    assert hash(point) == hash(Point(1, 2)) and len({point, Point(1, 2), Point(2, 1)}) == 2
    assert not hasattr(point, "__dict__")   # slots


def test_changeable_records_compared_by_value_are_not_hashable() -> None:
    with pytest.raises(TypeError):
        hash(Plain())
    assert Plain([1]) == Plain([1])


def test_inheritance_keeps_the_parents_fields_first_and_eq_false_is_identity() -> None:
    child = Child("a", ["t"], 3, "hidden")
    assert fields(child) == ("name", "tags", "size", "secret")
    assert "hidden" not in repr(child) and repr(child) == "Child(name='a', tags=['t'], size=3)"
    assert child != Child("a", ["t"], 3, "hidden") and child == child
    assert isinstance(child, Base)


def test_non_default_after_default_is_refused() -> None:
    with pytest.raises(TypeError):
        @record
        class Wrong:
            a: int = 1
            b: int


def test_replace_and_pickle() -> None:
    assert replace(Point(1, 2), y=5) == Point(1, 5)
    with pytest.raises(TypeError):
        replace(Point(1, 2), z=5)
    child = Child("a", ["t"], 3)
    copy = pickle.loads(pickle.dumps(child))
    assert (copy.name, copy.tags, copy.size) == ("a", ["t"], 3)
    ref = CellRef("PL1", 3, 4)
    assert pickle.loads(pickle.dumps(ref)) == ref and ref.a1 == "D3"
