"""chuanqg-xl: the Excel workbooks of Vietnam's yearly plans for national-standard schools.

The public functions are imported on first use, so `import chuanqg_xl` (and
the command line's start-up) stays light.
"""
from __future__ import annotations

TYPE_CHECKING = False   # typing.TYPE_CHECKING, without loading typing (2 ms of every start-up)

__version__ = "0.1.0"

_EXPORTS = {
    "read_plan": "reader",
    "check_plan": "checks",
    "run_checks": "checks",
    "recalc_plan": "recalc",
    "new_workbook": "template",
    "write_workbook": "template",
    "PlanData": "template",
    "PlanError": "errors",
    "Report": "report",
    "Finding": "report",
    "RULES": "rules",
    "export_plan": "export",
    "plan_frames": "export_tables",
    "consolidate_plans": "consolidate:consolidate",  # the module of the same name would shadow it
    "import_legacy": "importer",
    "progress_status": "status",
    "write_status": "status",
    "create_app": "web",
}

__all__ = list(_EXPORTS)

if TYPE_CHECKING:  # pragma: no cover
    from .checks import check_plan, run_checks
    from .consolidate import consolidate as consolidate_plans
    from .errors import PlanError
    from .export import export_plan
    from .export_tables import plan_frames
    from .importer import import_legacy
    from .reader import read_plan
    from .recalc import recalc_plan
    from .report import Finding, Report
    from .rules import RULES
    from .status import progress_status, write_status
    from .template import PlanData, new_workbook, write_workbook
    from .web import create_app


def __getattr__(name: str) -> object:
    where = _EXPORTS.get(name)
    if where is None:
        raise AttributeError(f"module 'chuanqg_xl' has no attribute {name!r}")
    import importlib

    module, _, attribute = where.partition(":")
    return getattr(importlib.import_module(f".{module}", __name__), attribute or name)
