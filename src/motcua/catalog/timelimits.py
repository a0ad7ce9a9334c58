"""Time limits (thời hạn giải quyết): the duration spec for the working-time calendar and the
plain-Vietnamese wording for people. Pure functions over content values, no database.

Spec strings are what `motcua.workcal` parses: `5d` (working days), `0.5d`, `4h` (working
hours), `10cd` (calendar days), `sameday` (the 15:00 cut-off rule, DOMAIN.md §2.3).
"""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from motcua.catalog.choices import StageMode, TimeLimitKind
from motcua.catalog.content import Stage, TimeLimit, plain_number

SAME_DAY_SPEC = "sameday"
_UNIT_SUFFIX = {
    TimeLimitKind.WORKING_DAYS: "d",
    TimeLimitKind.WORKING_HOURS: "h",
    TimeLimitKind.CALENDAR_DAYS: "cd",
}
HOURS_PER_WORKING_DAY = 8  # DESIGN.md: a working day is 8 working hours


class UnknownCaseError(ValueError):
    pass


def kind_spec(
    kind: str, value: Decimal | None, extension: Decimal | None = None, *, verification=False
) -> str | None:
    """The spec of one limit; None when the law fixes no duration ("not fixed")."""
    extra = extension if verification and extension else Decimal(0)
    if kind == TimeLimitKind.SAME_DAY:
        # With verification the law gives "không quá N ngày làm việc" instead of the same day.
        return f"{_number(extra)}d" if extra else SAME_DAY_SPEC
    if value is None or kind not in _UNIT_SUFFIX:
        return None
    if kind == TimeLimitKind.WORKING_HOURS:
        extra *= HOURS_PER_WORKING_DAY
    return f"{_number(value + extra)}{_UNIT_SUFFIX[kind]}"


def duration_spec(
    time_limit: TimeLimit, *, case: str | None = None, verification: bool = False
) -> str | None:
    """The spec for a dossier: of one case when given, else of the whole procedure.

    A staged procedure has a whole-procedure spec only when the law states a total (LT-01:
    3 working days) or its stages run in sequence in working days (their sum); alternative
    cases need the case, so None is returned and the desk must choose one.
    """
    if case is not None:
        stage = _stage(time_limit, case)
        return kind_spec(
            stage.kind, stage.value, stage.verification_extension_working_days,
            verification=verification,
        )
    if time_limit.kind != TimeLimitKind.STAGED:
        return kind_spec(
            time_limit.kind, time_limit.value, time_limit.verification_extension_working_days,
            verification=verification,
        )
    if time_limit.value is not None:
        return kind_spec(
            TimeLimitKind.WORKING_DAYS, time_limit.value,
            time_limit.verification_extension_working_days, verification=verification,
        )
    return _sequence_total(time_limit, verification=verification)


def _sequence_total(time_limit: TimeLimit, *, verification: bool) -> str | None:
    stages = time_limit.stages
    summable = all(s.kind == TimeLimitKind.WORKING_DAYS and s.value is not None for s in stages)
    if time_limit.stage_mode != StageMode.SEQUENCE or not stages or not summable:
        return None
    total = sum(
        s.value + ((s.verification_extension_working_days or 0) if verification else 0)
        for s in stages
    )
    return f"{_number(total)}d"


def describe_limit(kind: str, value: Decimal | None, extension: Decimal | None = None) -> str:
    """"5 ngày làm việc", "Trong ngày; nhận sau 15 giờ …", with the verification extension."""
    text = _base_text(kind, value)
    if extension:
        text += _("; cần xác minh: thêm tối đa %(n)s ngày làm việc") % {"n": _vi_number(extension)}
    return text


def describe(time_limit: TimeLimit) -> str:
    """The whole limit in one sentence or a few (staged limits list their stages)."""
    if time_limit.kind != TimeLimitKind.STAGED:
        return describe_limit(
            time_limit.kind, time_limit.value, time_limit.verification_extension_working_days
        )
    parts = []
    if time_limit.value is not None:
        total = describe_limit(
            TimeLimitKind.WORKING_DAYS, time_limit.value,
            time_limit.verification_extension_working_days,
        )
        parts.append(_("Tổng cộng: %(total)s") % {"total": total})
    if time_limit.stage_mode == StageMode.CASES:
        parts.append(_("Tùy trường hợp"))
    else:
        parts.append(_("Theo giai đoạn"))
    parts += [describe_stage(stage) for stage in time_limit.stages]
    return ". ".join(parts) + "."


def describe_stage(stage: Stage) -> str:
    limit = describe_limit(stage.kind, stage.value, stage.verification_extension_working_days)
    return f"{stage.case[:1].upper()}{stage.case[1:]}: {limit}"


def _base_text(kind: str, value: Decimal | None) -> str:
    if kind == TimeLimitKind.SAME_DAY:
        return _("Trong ngày; nhận sau 15 giờ trả trong ngày làm việc tiếp theo")
    if value is None:
        return _("Chưa xác định thời hạn")
    params = {"n": _vi_number(value)}
    # ngettext needs a whole count; fractions read as plural in English ("0.5 working days").
    count = int(value) if value == value.to_integral_value() else 2
    if kind == TimeLimitKind.WORKING_HOURS:
        return ngettext("%(n)s giờ làm việc", "%(n)s giờ làm việc", count) % params
    if kind == TimeLimitKind.CALENDAR_DAYS:
        return ngettext("%(n)s ngày (theo lịch)", "%(n)s ngày (theo lịch)", count) % params
    return ngettext("%(n)s ngày làm việc", "%(n)s ngày làm việc", count) % params


def _stage(time_limit: TimeLimit, case: str) -> Stage:
    for stage in time_limit.stages:
        if stage.case == case:
            return stage
    raise UnknownCaseError(case)


def _number(value: Decimal) -> str:
    return str(plain_number(Decimal(value)))


def _vi_number(value: Decimal) -> str:
    # Vietnamese writes 0,5; the project keeps Vietnamese number formats in English too.
    return _number(value).replace(".", ",")
