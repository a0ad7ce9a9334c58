"""Send the messages the outbox asks for (handlers named in motcua.outbox.handlers).

Each message is logged per channel and recipient under a key derived from the outbox key, so
a retried outbox message sends only what did not go out the first time. A message whose send
was interrupted (state "sending" after a crash) is sent again: delivery is at least once,
which is what a retry after an unknown outcome can promise (the SMS provider gets the key to
drop duplicates)."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from motcua.core.clock import now
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.notify import channels
from motcua.notify.messages import dossier_message, staff_alert_message
from motcua.notify.models import DEFAULT_CHANNELS, Channel, Notification, Preference

State = Notification.State


@dataclass(frozen=True)
class Outgoing:
    channel: str
    recipient: str
    subject: str
    body: str
    text: str


class DeliveryFailed(Exception):
    """Some channel failed: the outbox retries the message later."""


def _channels_for(user) -> set[str]:
    if user is None:
        return set(DEFAULT_CHANNELS)
    preference = Preference.objects.filter(user=user).first()
    return preference.channels() if preference else set(DEFAULT_CHANNELS)


def _outgoing(*, email: str, phone: str, chosen: set[str], subject: str, body: str,
              text: str) -> list[Outgoing]:
    found = []
    if email and Channel.EMAIL in chosen:
        found.append(Outgoing(Channel.EMAIL, email, subject, body, text))
    for channel in (Channel.SMS, Channel.ZALO):
        if phone and channel in chosen:
            found.append(Outgoing(channel, phone, subject, body, text))
    return found


def _deliver(outgoing: list[Outgoing], *, key: str, user=None, dossier=None) -> int:
    """Send each message not sent yet under `key`; raises DeliveryFailed if any failed."""
    failures, sent = [], 0
    for item in outgoing:
        log, _created = Notification.objects.get_or_create(
            key=f"{key}:{item.channel}:{item.recipient}",
            defaults={"channel": item.channel, "recipient": item.recipient, "user": user,
                      "dossier": dossier, "subject": item.subject, "body": item.body,
                      "state": State.SENDING, "created_at": now()},
        )
        if log.state == State.SENT:
            continue
        try:
            channels.send(channel=item.channel, to=item.recipient, subject=item.subject,
                          body=item.body, text=item.text, key=log.key)
        except Exception as error:
            Notification.objects.filter(pk=log.pk).update(
                state=State.FAILED, error=f"{type(error).__name__}: {error}"[:2000],
                attempts=log.attempts + 1)
            failures.append(f"{item.channel} {item.recipient}: {error}")
            continue
        Notification.objects.filter(pk=log.pk).update(
            state=State.SENT, sent_at=now(), error="", attempts=log.attempts + 1)
        sent += 1
    if failures:
        raise DeliveryFailed("; ".join(failures))
    return sent


def notify_dossier_event(payload: dict, *, key: str) -> None:
    """Tell the applicant (e-mail, SMS, Zalo as they chose) what just happened."""
    dossier = Dossier.objects.select_related("procedure_version", "owner").get(
        pk=payload["dossier_id"])
    event = DossierEvent.objects.filter(pk=payload.get("event_id")).first()
    with translation.override("vi"):
        subject, body, text = dossier_message(dossier=dossier, event=event)
    outgoing = _outgoing(email=dossier.applicant_email, phone=dossier.applicant_phone,
                         chosen=_channels_for(dossier.owner), subject=subject, body=body,
                         text=text)
    _deliver(outgoing, key=key, user=dossier.owner, dossier=dossier)


def notify_staff_alert(payload: dict, *, key: str) -> None:
    """Warn one officer about a deadline (e-mail and the channels they chose)."""
    from motcua.accounts.models import User

    user = User.objects.get(pk=payload["user_id"])
    dossier = Dossier.objects.select_related("procedure_version").get(pk=payload["dossier_id"])
    due = dossier.acceptance_due_at if payload["kind"] == "acceptance" else dossier.due_at
    with translation.override("vi"):
        subject, body, text = staff_alert_message(dossier=dossier, kind=payload["kind"],
                                                  due=due)
    outgoing = _outgoing(email=user.email, phone=user.phone or "",
                         chosen=_channels_for(user), subject=subject, body=body, text=text)
    _deliver(outgoing, key=key, user=user, dossier=dossier)


NO_CHANNEL = _("Hãy giữ ít nhất một kênh nhận thông báo: bạn cần được báo khi hồ sơ có kết quả "
               "hoặc cần bổ sung.")


class NoChannelChosen(ValueError):
    """Every channel off: the person would miss requests to supplement their dossier."""


@transaction.atomic
def preference_set(*, user, email: bool, sms: bool, zalo: bool) -> Preference:
    """Save the channels a person wants to hear on. At least one stays on: requests to
    supplement, apologies with a new date (Mẫu 04) and early results reach online applicants
    by e-mail, SMS or Zalo (DOMAIN.md §2), so someone who hears nothing misses deadlines."""
    if not (email or sms or zalo):
        raise NoChannelChosen(str(NO_CHANNEL))
    preference, _created = Preference.objects.select_for_update().update_or_create(
        user=user, defaults={"email": email, "sms": sms, "zalo": zalo})
    return preference
