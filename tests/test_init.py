"""The package's public names, imported on first use."""
from __future__ import annotations


def test_every_public_name_resolves_to_a_function_or_class() -> None:
    import chuanqg_xl

    for name in chuanqg_xl.__all__:
        value = getattr(chuanqg_xl, name)
        assert callable(value) or name == "RULES", name
    assert chuanqg_xl.consolidate_plans.__module__ == "chuanqg_xl.consolidate"
