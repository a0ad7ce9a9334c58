"""The one clock of Motcua. Read the time here, so tests can freeze it in one place."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def now() -> datetime:
    """The current instant, timezone-aware (UTC)."""
    return timezone.now()


def local(instant: datetime) -> datetime:
    """The instant as a wall-clock time in Vietnam (how every page and form shows it)."""
    return instant.astimezone(VIETNAM)
