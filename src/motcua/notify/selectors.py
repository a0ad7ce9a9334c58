"""Reads behind the citizen's notification page: the channels chosen, the messages sent."""

from motcua.notify.models import DEFAULT_CHANNELS, Notification, Preference

LOG_SIZE = 50


def channels_chosen(*, user) -> set[str]:
    """The person's channels; without a saved choice, the defaults the senders use."""
    preference = Preference.objects.filter(user=user).first()
    return preference.channels() if preference else set(DEFAULT_CHANNELS)


def notifications_for(*, user, limit: int = LOG_SIZE) -> list[Notification]:
    """The messages sent to this person, newest first (one query)."""
    return list(Notification.objects.filter(user=user).order_by("-created_at", "-pk")[:limit])
