"""The likely cause first: findings grouped so that consequences follow the finding that explains them.

One slip can make many findings: an amount typed in đồng makes the line total,
the appendix total, the plan's total and the stated figure disagree. A finding
on a computed cell (or on a stated figure compared with a computed one) is a
consequence of another finding when that finding sits in a cell its formula
reads, directly or through other computed cells. Causes come first (the gravest
group first — an error and its consequences before a note —, then findings on
cells people type before findings on computed cells, then in sheet order), each
followed by its consequences, which carry `caused_by`.
"""
from __future__ import annotations

from collections import deque

from .derive import Facts
from .formulas import references
from .records import replace
from .report import Finding, gravest

# Findings that compare a typed figure with the computed cells of the same row: their cause is in those cells.
PAIRED = frozenset({"stated-figure-mismatch", "batch-count-mismatch", "task-school-count-mismatch",
                    "year-end-exceeds-total"})
# Findings a computed cell carries because of what it reads.
DERIVED = frozenset({"total-mismatch", "count-differs-from-list", "stale-count-formula", "formula-error-value",
                     "sum-range-incomplete", "target-not-met", "target-exceeded", "schools-without-target"})
# Specific links: a finding of the first kind is caused by a finding of the second kind anywhere in the plan.
LINKS = {"deadline-before-plan-date": "plan-date-outside-year"}
MAX_VISITED = 4_000   # cells read per finding: far more than a district plan has; a bound on national files


def _key(finding: Finding) -> tuple[str | None, str | None]:
    return finding.sheet, finding.cell


def order_by_cause(findings: list[Finding], facts: Facts) -> list[Finding]:
    """`findings` (sorted by place) regrouped: each cause, then its consequences with `caused_by` set."""
    from .cells import parse_a1

    if len(findings) < 2:
        return findings
    derived = {}
    by_row: dict[tuple[str, int], list[tuple[str, int, int]]] = {}
    if any(finding.name in DERIVED or finding.name in PAIRED for finding in findings):
        # Only the sheets that hold such findings, or that their formulas may read, are worth indexing:
        # every sheet, in practice, but only when a link is possible at all.
        for item in facts.derived:
            key = (item.sheet, item.row, item.col)
            derived[key] = item
            by_row.setdefault(key[:2], []).append(key)
    at_cell: dict[tuple[str, int, int], list[int]] = {}
    positions: list[tuple[str, int, int] | None] = []
    for index, finding in enumerate(findings):
        position = None
        if finding.sheet and finding.cell:
            try:
                row, col = parse_a1(finding.cell.split(":")[0])
                position = (finding.sheet, row, col)
            except ValueError:
                position = None
        positions.append(position)
        if position is not None:
            at_cell.setdefault(position, []).append(index)

    def cause_of(index: int) -> int | None:
        finding, position = findings[index], positions[index]
        linked = LINKS.get(finding.name)
        if linked:
            return next((i for i, other in enumerate(findings) if other.name == linked), None)
        if position is None:
            return None
        if finding.name in DERIVED and position in derived:
            starts = [position]
        elif finding.name in PAIRED:
            starts = [cell for cell in by_row.get(position[:2], ()) if cell != position]
        else:
            return None
        seen = set(starts)
        queue = deque((cell, 0) for cell in starts)
        while queue and len(seen) < MAX_VISITED:
            cell, depth = queue.popleft()
            if depth > 0 or cell != position:
                for other in at_cell.get(cell, ()):
                    if other != index:
                        return other
            item = derived.get(cell)
            if item is None or not item.formula:
                continue
            for ref in sorted(references(item.formula, item.sheet)):
                if ref not in seen:
                    seen.add(ref)
                    queue.append((ref, depth + 1))
        return None

    parent = {index: cause_of(index) for index in range(len(findings))}
    # Two findings can each be reached from the other (two paired figures of one row, each found through the
    # other's row): the first of such a loop is its cause, so every finding still has one root.
    for start in range(len(findings)):
        walked: dict[int, int] = {}
        at: int | None = start
        while at is not None and at not in walked:
            walked[at] = len(walked)
            at = parent[at]
        if at is not None:
            loop = [index for index, step in walked.items() if step >= walked[at]]
            parent[min(loop)] = None

    def root(index: int) -> int:
        seen = {index}
        while parent.get(index) is not None and parent[index] not in seen:
            index = parent[index]
            seen.add(index)
        return index

    roots = [index for index in range(len(findings)) if root(index) == index]
    groups: dict[int, list[int]] = {index: [] for index in roots}
    for index in range(len(findings)):
        top = root(index)
        if top != index:
            groups[top].append(index)

    def rank(index: int) -> tuple:
        # The gravest group first (an error and what it causes before a note a reader may skip), then a cause at
        # a typed cell before one at a computed cell, then the place.
        worst = gravest(findings[member] for member in (index, *groups[index]))
        position = positions[index]
        on_computed = position in derived or findings[index].name in PAIRED
        return (worst, 1 if on_computed else 0, index)

    ordered: list[Finding] = []
    for top in sorted(roots, key=rank):
        cause = findings[top]
        ordered.append(cause)
        for index in groups[top]:
            ordered.append(replace(findings[index], caused_by=(cause.code, cause.sheet, cause.cell)))
    return ordered
