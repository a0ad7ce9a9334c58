"""The due-date calculator behind `motcua due-date` and `GET /api/v1/calendar/due-date`.

Both take text typed by a person or a client; this module turns it into values, refuses bad
input with one stable code and one Vietnamese message, and computes with the same database
calendar the rest of the system uses.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from motcua.agencies.models import Unit
from motcua.workcal import messages
from motcua.workcal.engine import (
    VIETNAM,
    CalendarError,
    Duration,
    Pause,
    due_with_pauses,
    parse_duration,
    parse_instant,
)
from motcua.workcal.selectors import calendar_for_unit


class DueDateInputError(ValueError):
    """Refused input: `code` is stable, `message` is for people (active language)."""

    def __init__(self, *, code: str, field: str | None, message: str) -> None:
        super().__init__(message)
        self.code, self.field, self.message = code, field, message

    @classmethod
    def from_calendar_error(cls, error: CalendarError, *, field: str | None = None):
        message = messages.error_message(error)
        return cls(code=error.code, field=error.field or field, message=message)

    def as_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "message": self.message, "field": self.field}


@dataclass(frozen=True)
class DueDate:
    received: datetime
    duration: Duration
    pauses: tuple[Pause, ...]
    unit: Unit | None
    due: datetime


def due_date_compute(
    *,
    received: str | None,
    duration: str | None,
    pauses: Sequence[tuple[str, str]] = (),
    unit_code: str | None = None,
) -> DueDate:
    """Parse, validate and compute. Raises `DueDateInputError` for any bad input."""
    received_at = _required(received, "received", messages.RECEIVED_MISSING, parse_instant)
    limit = _required(duration, "duration", messages.DURATION_MISSING, parse_duration)
    stops = _pauses(pauses)
    unit = _unit(unit_code)
    try:
        due = due_with_pauses(
            calendar_for_unit(unit=unit), received=received_at, duration=limit, pauses=stops
        )
    except CalendarError as error:  # pauses out of order, or a due instant past 2099
        raise DueDateInputError.from_calendar_error(error, field="duration") from None
    return DueDate(received_at.astimezone(VIETNAM), limit, stops, unit, due.astimezone(VIETNAM))


def pause_from_text(text: str) -> tuple[str, str]:
    """`FROM,TO` (the API's repeated `pause` parameter) → (FROM, TO)."""
    parts = [part.strip() for part in (text or "").split(",")]
    if len(parts) != 2 or not all(parts):
        raise DueDateInputError(
            code=messages.PAUSE_INVALID,
            field="pause",
            message=messages.message_for(messages.PAUSE_INVALID, text=text),
        )
    return parts[0], parts[1]


def _required(text: str | None, field: str, missing_code: str, parse):
    if text is None or not text.strip():
        raise DueDateInputError(
            code=missing_code, field=field, message=messages.message_for(missing_code)
        )
    try:
        return parse(text, field=field)
    except CalendarError as error:
        raise DueDateInputError.from_calendar_error(error, field=field) from None


def _pauses(pairs: Sequence[tuple[str, str]]) -> tuple[Pause, ...]:
    try:
        return tuple(
            Pause(parse_instant(start, field="pause"), parse_instant(end, field="pause"))
            for start, end in pairs
        )
    except CalendarError as error:
        raise DueDateInputError.from_calendar_error(error, field="pause") from None


def _unit(code: str | None) -> Unit | None:
    if code is None or not code.strip():
        return None
    unit = Unit.objects.filter(code=code.strip()).first()
    if unit is None:
        raise DueDateInputError(
            code=messages.UNIT_NOT_FOUND,
            field="unit",
            message=messages.message_for(messages.UNIT_NOT_FOUND, code=code),
        )
    return unit
