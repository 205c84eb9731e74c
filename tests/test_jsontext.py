"""jsontext.dumps writes exactly what json.dumps(ensure_ascii=False, indent=2, allow_nan=False) writes."""
from __future__ import annotations

import json
import math
import random

import pytest

from chuanqg_xl.jsontext import dumps


def standard(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)


TEXTS = ["", "TH Ngô Quyền", 'ngoặc "kép" \\ gạch', "dòng\nmới\ttab \x01 \u2028", "😀 emoji", " khoảng "]
SCALARS = [None, True, False, 0, -7, 10**30, 0.1, -2.5e-300, 1e22, 241536140.0, *TEXTS]


def random_value(rng: random.Random, depth: int = 0) -> object:
    pick = rng.random()
    if depth > 4 or pick < 0.5:
        return rng.choice(SCALARS)
    if pick < 0.75:
        return [random_value(rng, depth + 1) for _ in range(rng.randrange(0, 5))]
    return {rng.choice(TEXTS) + str(index): random_value(rng, depth + 1) for index in range(rng.randrange(0, 5))}


@pytest.mark.parametrize("value", [
    {}, [], {"a": {}}, {"a": []}, [[], {}], "x", 1, None,
    {"districts": [{"file": "/tmp/a.xlsx", "by_kind": {"Công nhận mới": 3, "unknown": 0}, "rate": 0.614,
                    "flags": [], "date": None, "errors": 2}], "exit_code": 1},
])
def test_same_text_as_json_dumps(value: object) -> None:
    assert dumps(value) == standard(value)


def test_same_text_on_random_nested_values() -> None:
    rng = random.Random(16)
    for _ in range(300):
        value = random_value(rng)
        assert dumps(value) == standard(value)


@pytest.mark.parametrize("value", [
    {1: "a", None: "b", True: "c", 2.5: "d"},   # keys json.dumps turns into text
    ("a", 1), [("a", [1, 2])], {"a": 1.0 * True},
])
def test_unusual_values_are_left_to_json_dumps(value: object) -> None:
    assert dumps(value) == standard(value)


@pytest.mark.parametrize("value", [{"rate": math.nan}, [math.inf], {"x": {1, 2}}])
def test_refuses_what_json_dumps_refuses(value: object) -> None:
    with pytest.raises((ValueError, TypeError)) as ours:
        dumps(value)
    with pytest.raises((ValueError, TypeError)) as theirs:
        standard(value)
    assert type(ours.value) is type(theirs.value) and str(ours.value) == str(theirs.value)


def test_cycle_refused_as_json_dumps_does() -> None:
    loop: list[object] = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular reference"):
        dumps(loop)


def test_raw_text_is_written_as_it_is_and_only_by_dumps() -> None:
    from chuanqg_xl.jsontext import Raw, encode_string

    assert encode_string('Ngô "Quyền"') == '"Ngô \\"Quyền\\""'
    assert dumps({"a": [Raw('{"x": 1}'), 2]}) == '{\n  "a": [\n    {"x": 1},\n    2\n  ]\n}'
    with pytest.raises(TypeError):
        dumps({"a": Raw("1"), "b": ("tuple",)})   # the standard encoder, called for the tuple, refuses Raw
