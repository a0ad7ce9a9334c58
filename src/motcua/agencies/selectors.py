"""Reads over the unit tree and the successor graph.

Every selector here runs a constant number of queries, whatever the depth of the tree or the
length of a successor chain: subtrees use the materialised path (`Unit.path`), successor chains
load the successor edges once. The edge table only grows when units are reorganised (a few
hundred rows for a province after the 2025 reform), so loading it whole is cheaper than walking
it one query per step.
"""

from collections import deque
from collections.abc import Iterable
from datetime import date

from django.db.models import QuerySet

from motcua.agencies.identifiers import normalise_unit_identifier
from motcua.agencies.models import Department, Unit

SuccessorGraph = dict[int, list[int]]


def unit_get_by_code(*, code: str) -> Unit:
    """The unit with this electronic identifier (raises Unit.DoesNotExist)."""
    return Unit.objects.select_related("level").get(code=normalise_unit_identifier(code))


def units_valid_on(*, day: date) -> QuerySet[Unit]:
    """Units that exist on `day` (validity bounds are inclusive)."""
    return Unit.objects.valid_on(day)


def unit_descendants(*, unit: Unit, include_self: bool = False) -> QuerySet[Unit]:
    """The whole subtree under `unit`, in one query (a prefix match on the path)."""
    subtree = Unit.objects.filter(path__startswith=unit.path)
    return subtree if include_self else subtree.exclude(pk=unit.pk)


def unit_ancestors(*, unit: Unit) -> list[Unit]:
    """The units above `unit`, root first (one query: the path already names them)."""
    codes = unit.ancestor_codes
    by_code = Unit.objects.in_bulk(codes, field_name="code")
    return [by_code[code] for code in codes]


def unit_desk(*, unit: Unit) -> Department | None:
    """The unit's one-stop desk (Bộ phận Một cửa), if it has one."""
    return unit.departments.filter(kind=Department.Kind.ONE_STOP_DESK).first()


def unit_successor_graph(*, reverse: bool = False) -> SuccessorGraph:
    """Unit id → ids of its direct successors (or predecessors with `reverse`), one query."""
    edges = Unit.successors.through.objects.values_list("from_unit_id", "to_unit_id")
    graph: SuccessorGraph = {}
    for source, target in edges:
        if reverse:
            source, target = target, source
        graph.setdefault(source, []).append(target)
    return graph


def reachable(graph: SuccessorGraph, start: Iterable[int]) -> list[int]:
    """Ids reachable from `start` (not included), breadth first, each once."""
    seen = set(start)
    order: list[int] = []
    queue = deque(seen)
    while queue:
        for nxt in graph.get(queue.popleft(), ()):
            if nxt not in seen:
                seen.add(nxt)
                order.append(nxt)
                queue.append(nxt)
    return order


def _units_in_order(ids: list[int]) -> list[Unit]:
    by_id = Unit.objects.select_related("level").in_bulk(ids)
    return [by_id[pk] for pk in ids]


def unit_successors(*, unit: Unit) -> list[Unit]:
    """Every unit that took over `unit`'s work, directly or through later reorganisations,
    nearest first (two queries)."""
    return _units_in_order(reachable(unit_successor_graph(), [unit.pk]))


def unit_predecessors(*, unit: Unit) -> list[Unit]:
    """Every unit whose work `unit` carries on, directly or transitively, nearest first."""
    return _units_in_order(reachable(unit_successor_graph(reverse=True), [unit.pk]))


def unit_current_successors(*, unit: Unit, day: date) -> list[Unit]:
    """The units that carry on `unit`'s work on `day`: `[unit]` itself while it is valid,
    otherwise the first valid units along its successor chains ("which commune took over this
    district's work?"). Empty when the chain ends in units that are all gone."""
    if unit.is_valid_on(day):
        return [unit]
    graph = unit_successor_graph()
    candidates = {u.pk: u for u in _units_in_order(reachable(graph, [unit.pk]))}
    found: list[Unit] = []
    seen = {unit.pk}
    queue = deque([unit.pk])
    while queue:
        for nxt in graph.get(queue.popleft(), ()):
            if nxt in seen:
                continue
            seen.add(nxt)
            if candidates[nxt].is_valid_on(day):
                found.append(candidates[nxt])
            else:
                queue.append(nxt)
    return found
