"""Regenerate the sample workbooks from the data modules in samples/data.

    python samples/build.py            # rewrites samples/*.xlsx
    python samples/build.py -o /tmp/x  # writes them somewhere else

The output is deterministic (fixed creation time, no volatile parts), so a
committed sample that differs from a fresh build means data and file drifted
apart; tests/test_samples.py checks exactly that.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from chuanqg_xl.template import write_workbook

SAMPLES_DIR = Path(__file__).resolve().parent
DATA_PACKAGE = "chuanqg_xl_samples_data"


def _load_data() -> ModuleType:
    """samples/data under a name of its own: a bare `data` could collide with anything on sys.path."""
    if DATA_PACKAGE not in sys.modules:
        folder = SAMPLES_DIR / "data"
        spec = importlib.util.spec_from_file_location(DATA_PACKAGE, folder / "__init__.py",
                                                      submodule_search_locations=[str(folder)])
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[DATA_PACKAGE] = module
        spec.loader.exec_module(module)
    return sys.modules[DATA_PACKAGE]


PLANS = _load_data().PLANS


def build_all(out_dir: Path = SAMPLES_DIR) -> list[Path]:
    """Write every sample workbook into out_dir; returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return [write_workbook(out_dir / plan.FILE_NAME, plan.build(), derived=True, overwrite=True) for plan in PLANS]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=SAMPLES_DIR, help="folder to write into")
    args = parser.parse_args(argv)
    for path in build_all(args.output):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
