"""Errors of the working-time engine.

Each error carries a stable `code` (what the API returns and tests assert), the input `field`
it is about and the `params` needed to word a message. The engine does not import Django, so it
cannot translate: the English text here is for developers and logs, and the Django layer
(`motcua.workcal.messages`) turns `code` + `params` into the Vietnamese message users read.
"""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any


class CalendarError(ValueError):
    """Base class: an input the working-time rules cannot accept."""

    code = "calendar_error"
    template = "invalid calendar input"

    def __init__(self, *, field: str | None = None, **params: Any) -> None:
        self.field = field
        self.params: Mapping[str, Any] = MappingProxyType(dict(params))
        super().__init__(self.template.format(**params))


class DurationInvalid(CalendarError):
    code = "duration_invalid"
    template = (
        "unknown duration {text!r}: use e.g. 1d, 0.5d (working days), 4h (working hours), "
        "10cd (calendar days) or sameday"
    )


class DurationNotPositive(CalendarError):
    code = "duration_not_positive"
    template = "the duration {text!r} must be greater than zero"


class DurationTooLong(CalendarError):
    code = "duration_too_long"
    template = "the duration {text!r} is longer than the allowed {limit}"


class CalendarDaysFraction(CalendarError):
    code = "duration_calendar_fraction"
    template = "calendar days must be a whole number, not {text!r}"


class InstantInvalid(CalendarError):
    code = "instant_invalid"
    template = "cannot read {text!r} as a date and time: use 2026-02-13T10:00 or 13/02/2026 10:00"


class InstantNaive(CalendarError):
    code = "instant_naive"
    template = "the instant {text!r} has no time zone"


class InstantOutOfRange(CalendarError):
    code = "instant_out_of_range"
    template = "{text} is outside the supported years {first}–{last}"


class PauseEndsBeforeStart(CalendarError):
    code = "pause_end_before_start"
    template = "the pause from {start} ends before it starts ({end})"


class PauseBeforeReceipt(CalendarError):
    code = "pause_before_received"
    template = "the pause from {start} starts before the receipt {received}"


class PauseOverlap(CalendarError):
    code = "pause_overlap"
    template = "the pause from {start} starts before the previous pause ends ({previous_end})"


class SessionInvalid(CalendarError):
    code = "session_invalid"
    template = "a working session must start before it ends: {start}–{end}"


class SessionOverlap(CalendarError):
    code = "session_overlap"
    template = "working sessions overlap on weekday {weekday}: {first} and {second}"


class ScheduleEmpty(CalendarError):
    code = "schedule_empty"
    template = "the working week has no session at all"
