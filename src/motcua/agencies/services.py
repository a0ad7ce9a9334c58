"""Writes on levels, units and departments. Nothing else saves these models.

Each service validates, writes in one transaction and returns the saved object. Error messages
are module constants so tests and callers can match them.
"""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext_lazy as _

from motcua.agencies.identifiers import normalise_unit_identifier
from motcua.agencies.levels import STANDARD_LEVELS
from motcua.agencies.models import PATH_SEPARATOR, AdministrativeLevel, Department, Unit
from motcua.agencies.selectors import reachable, unit_successor_graph

DESK_CODE = "mot-cua"

PARENT_BELOW_CHILD = _("Đơn vị cấp trên không được thuộc cấp thấp hơn đơn vị này.")
PARENT_CYCLE = _("Không thể đặt đơn vị cấp trên là chính nó hoặc một đơn vị cấp dưới của nó.")
OUTLIVES_LEVEL = _("Thời gian hiệu lực của đơn vị phải nằm trong thời gian hiệu lực của cấp.")
OUTLIVES_PARENT = _(
    "Thời gian hiệu lực của đơn vị phải nằm trong thời gian hiệu lực của đơn vị cấp trên."
)
CHILDREN_STILL_VALID = _(
    "Còn đơn vị cấp dưới có hiệu lực sau ngày này; hãy cho chúng hết hiệu lực trước."
)
RETIRE_NEEDS_SUCCESSOR = _("Cần chỉ ra ít nhất một đơn vị kế thừa.")
RETIRE_BEFORE_START = _("Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực.")
SUCCESSOR_IS_SELF = _("Một đơn vị không thể kế thừa chính nó.")
SUCCESSOR_NOT_VALID = _("Đơn vị kế thừa phải có hiệu lực từ ngày sau ngày hết hiệu lực.")
SUCCESSOR_CYCLE = _("Quan hệ kế thừa này tạo thành vòng lặp.")

UNIT_UPDATABLE_FIELDS = frozenset(
    {"code", "name", "short_name", "kind", "level", "parent", "valid_from", "valid_to",
     "address", "phone", "email", "is_sample"}
)
DEPARTMENT_UPDATABLE_FIELDS = frozenset({"code", "name", "kind"})


@transaction.atomic
def level_ensure_standard() -> list[AdministrativeLevel]:
    """Create or update the standard levels (tinh, huyen, xa); idempotent."""
    levels = []
    for spec in STANDARD_LEVELS:
        level, _created = AdministrativeLevel.objects.update_or_create(
            code=spec.code, defaults=spec.defaults()
        )
        levels.append(level)
    return levels


def _path_for(parent: Unit | None, code: str) -> str:
    return (parent.path if parent else PATH_SEPARATOR) + code + PATH_SEPARATOR


def _within(inner_from: date | None, inner_to: date | None,
            outer_from: date | None, outer_to: date | None) -> bool:
    """Whether the period [inner_from, inner_to] lies inside [outer_from, outer_to]
    (None = unbounded)."""
    starts_ok = outer_from is None or (inner_from is not None and inner_from >= outer_from)
    ends_ok = outer_to is None or (inner_to is not None and inner_to <= outer_to)
    return starts_ok and ends_ok


def _validate_unit(unit: Unit) -> None:
    unit.full_clean()
    errors: dict[str, list] = {}
    level = unit.level
    if not _within(unit.valid_from, unit.valid_to, level.valid_from, level.valid_to):
        # A district created today would outlive the abolished district level (DOMAIN.md §0.1).
        errors.setdefault("valid_to", []).append(OUTLIVES_LEVEL)
    parent = unit.parent
    if parent is not None:
        if parent.level.rank > level.rank:
            errors.setdefault("parent", []).append(PARENT_BELOW_CHILD)
        if not _within(unit.valid_from, unit.valid_to, parent.valid_from, parent.valid_to):
            errors.setdefault("valid_to", []).append(OUTLIVES_PARENT)
    if errors:
        raise ValidationError(errors)


def unit_validate(*, unit: Unit) -> None:
    """Check a new or edited unit before it is saved, and set its path from its parent and
    code. For an existing unit `unit.path` must still be the stored path (the admin form calls
    this before saving, the services after locking the row)."""
    unit.code = normalise_unit_identifier(unit.code)
    parent = unit.parent
    if unit.pk and unit.path and parent is not None and parent.path.startswith(unit.path):
        raise ValidationError({"parent": [PARENT_CYCLE]})
    unit.path = _path_for(unit.parent, unit.code)
    _validate_unit(unit)
    if unit.pk:
        _check_children_end_by(unit, unit.valid_to)


def _check_children_end_by(unit: Unit, last_day: date | None) -> None:
    if last_day is None:
        return
    living = unit.children.filter(Q(valid_to__isnull=True) | Q(valid_to__gt=last_day))
    if living.exists():
        raise ValidationError({"valid_to": [CHILDREN_STILL_VALID]})


@transaction.atomic
def unit_create(
    *,
    code: str,
    name: str,
    level: AdministrativeLevel,
    parent: Unit | None = None,
    kind: str = Unit.Kind.COMMITTEE,
    short_name: str = "",
    valid_from: date | None = None,
    valid_to: date | None = None,
    address: str = "",
    phone: str = "",
    email: str = "",
    is_sample: bool = False,
    desk_name: str | None = None,
) -> Unit:
    """Create a unit under `parent`; with `desk_name`, also its one-stop desk."""
    unit = Unit(
        code=code, name=name, level=level, parent=parent, kind=kind, short_name=short_name,
        valid_from=valid_from, valid_to=valid_to, address=address, phone=phone, email=email,
        is_sample=is_sample,
    )
    unit_validate(unit=unit)
    unit.save()
    if desk_name:
        department_create(unit=unit, code=DESK_CODE, name=desk_name,
                          kind=Department.Kind.ONE_STOP_DESK)
    return unit


@transaction.atomic
def unit_update(*, unit: Unit, **changes: Any) -> Unit:
    """Change a unit's fields; a new code or parent rewrites the paths of its whole subtree."""
    unknown = set(changes) - UNIT_UPDATABLE_FIELDS
    if unknown:
        raise TypeError(f"unit_update() cannot change {sorted(unknown)}")
    # The stored path, not the in-memory one: an admin form may already have mutated `unit`.
    old_path = Unit.objects.select_for_update().values_list("path", flat=True).get(pk=unit.pk)
    for field, value in changes.items():
        setattr(unit, field, value)
    unit.path = old_path
    unit_validate(unit=unit)
    unit.save()
    if unit.path != old_path:
        # One UPDATE for the whole subtree: swap the old prefix for the new one.
        Unit.objects.filter(path__startswith=old_path).exclude(pk=unit.pk).update(
            path=Concat(Value(unit.path), Substr("path", len(old_path) + 1))
        )
    return unit


def _check_successors(unit: Unit, last_day: date, successors: list[Unit]) -> None:
    if not successors:
        raise ValidationError({"successors": [RETIRE_NEEDS_SUCCESSOR]})
    first_day_after = last_day + timedelta(days=1)
    for successor in successors:
        if successor.pk == unit.pk:
            raise ValidationError({"successors": [SUCCESSOR_IS_SELF]})
        if not successor.is_valid_on(first_day_after):
            raise ValidationError({"successors": [SUCCESSOR_NOT_VALID]})
    if unit.pk in reachable(unit_successor_graph(), [s.pk for s in successors]):
        raise ValidationError({"successors": [SUCCESSOR_CYCLE]})


@transaction.atomic
def unit_retire(*, unit: Unit, last_day: date, successors: Iterable[Unit]) -> Unit:
    """End a unit on `last_day` and name the units that take over its work.

    Used for the 2025 reorganisation: a district or commune ends on 30/6/2025 and its
    successors, valid from 1/7/2025, inherit its unfinished dossiers. Children must be retired
    first (deepest first), so no unit is left under a parent that no longer exists. Calling it
    again with the same arguments changes nothing.
    """
    unit = (Unit.objects.select_for_update(of=("self",)).select_related("level", "parent")
            .get(pk=unit.pk))
    successors = list(successors)
    if unit.valid_from is not None and last_day < unit.valid_from:
        raise ValidationError({"valid_to": [RETIRE_BEFORE_START]})
    _check_successors(unit, last_day, successors)
    _check_children_end_by(unit, last_day)
    unit.valid_to = last_day
    _validate_unit(unit)
    unit.save(update_fields=["valid_to"])
    unit.successors.add(*successors)
    return unit


@transaction.atomic
def department_create(
    *, unit: Unit, code: str, name: str, kind: str = Department.Kind.SPECIALIST
) -> Department:
    """Add a department (phòng ban) to a unit. A second one-stop desk is refused by the
    database constraint `one_desk_per_unit` and, earlier, by validation."""
    department = Department(unit=unit, code=code, name=name, kind=kind)
    department.full_clean()
    department.save()
    return department


@transaction.atomic
def department_update(*, department: Department, **changes: Any) -> Department:
    unknown = set(changes) - DEPARTMENT_UPDATABLE_FIELDS
    if unknown:
        raise TypeError(f"department_update() cannot change {sorted(unknown)}")
    for field, value in changes.items():
        setattr(department, field, value)
    department.full_clean()
    department.save()
    return department
