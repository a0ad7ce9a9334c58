"""Instants on the Vietnamese wall clock, without Django.

Every rule of DESIGN.md "Working time" is stated in local time (07:30, 15:00, "the receipt
date"), so the engine works on (local day ordinal, microsecond of the day) pairs. Vietnam has
kept UTC+07:00 without daylight saving since 13 June 1975, so inside the supported years a
local wall-clock time is the UTC instant shifted by seven hours: one aware subtraction gives
both numbers, which is what keeps the hot path cheap.
"""

import re
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from motcua.workcal.engine.errors import InstantInvalid, InstantNaive, InstantOutOfRange

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

# The supported span: holidays.VN knows the lunar calendar up to 2099, and nothing before
# 2000 matters to a system that started receiving dossiers in the 2020s.
MIN_YEAR = 2000
MAX_YEAR = 2099

US_PER_SECOND = 1_000_000
US_PER_MINUTE = 60 * US_PER_SECOND
US_PER_HOUR = 60 * US_PER_MINUTE

# Local midnight of 1 January 2000, written in the zones instants usually come in. Subtracting
# two datetimes that share a tzinfo object is ten times faster than across zones (no utcoffset
# calls), and for these zones the difference is the local one: Vietnam's own wall clock, or UTC
# with the fixed seven hours already taken off the epoch.
_UTC7 = timezone(timedelta(hours=7))
_LOCAL_EPOCH = datetime(2000, 1, 1, tzinfo=_UTC7)
_LOCAL_EPOCH_NAMED = datetime(2000, 1, 1, tzinfo=VIETNAM)
_EPOCHS = {
    VIETNAM: _LOCAL_EPOCH_NAMED,
    _UTC7: _LOCAL_EPOCH,
    UTC: datetime(1999, 12, 31, 17, 0, tzinfo=UTC),
}
_EPOCH_ORDINAL = date(2000, 1, 1).toordinal()

# 13/02/2026, 13/02/2026 10:00, 13/02/2026 10:00:30: the way Vietnamese forms write instants.
_VIETNAMESE_FORMAT = re.compile(
    r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T]+(\d{1,2})[:hg](\d{2})(?::(\d{2}))?)?$"
)


def local_parts(instant: datetime) -> tuple[int, int]:
    """(local date ordinal, microsecond of the local day) of an aware instant."""
    epoch = _EPOCHS.get(instant.tzinfo)
    if epoch is None:
        if instant.tzinfo is None:
            raise InstantNaive(text=instant.isoformat())
        epoch = _LOCAL_EPOCH
    delta = instant - epoch
    return delta.days + _EPOCH_ORDINAL, delta.seconds * US_PER_SECOND + delta.microseconds


def from_local(ordinal: int, us_of_day: int) -> datetime:
    """The aware instant at a local date ordinal and microsecond of day.

    Results carry the named zone (not a bare +07:00) so callers keep zoneinfo's rules.
    """
    return _LOCAL_EPOCH_NAMED + timedelta(ordinal - _EPOCH_ORDINAL, 0, us_of_day)


def local_date(instant: datetime) -> date:
    return date.fromordinal(local_parts(instant)[0])


def year_in_range(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def parse_instant(text: str, *, field: str | None = None) -> datetime:
    """Read an instant typed by a person or a client (CLI, API).

    ISO 8601 (`2026-02-13T10:00`, with or without an offset) or the Vietnamese
    `13/02/2026 10:00`. An instant without an offset means Vietnamese wall-clock time
    (DESIGN.md: instants are shown and entered in Asia/Ho_Chi_Minh).
    """
    cleaned = (text or "").strip()
    try:
        instant = _parse_vietnamese(cleaned) or datetime.fromisoformat(cleaned)
    except ValueError:
        raise InstantInvalid(field=field, text=text) from None
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=VIETNAM)
    if not year_in_range(local_date(instant).year):
        raise InstantOutOfRange(field=field, text=text, first=MIN_YEAR, last=MAX_YEAR)
    return instant


def _parse_vietnamese(text: str) -> datetime | None:
    match = _VIETNAMESE_FORMAT.match(text)
    if match is None:
        return None
    day, month, year, hour, minute, second = (int(part or 0) for part in match.groups())
    return datetime(year, month, day, hour, minute, second)  # noqa: DTZ001 - localised by the caller
