"""How a message leaves: e-mail through Django's mail (real SMTP by settings), SMS and Zalo
through one small interface whose backend is chosen by settings — `console` (print), `file`
(append to a file, for the demo and tests) or the dotted path of a provider's client."""

import json
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string

from motcua.core.clock import now


class TextBackend(Protocol):
    def send(self, *, channel: str, to: str, text: str, key: str) -> None:
        """Send `text` to the phone number `to`; `key` lets a provider drop duplicates."""


class ConsoleBackend:
    def send(self, *, channel: str, to: str, text: str, key: str) -> None:
        print(f"[{channel}] to {to} ({key}): {text}")


class FileBackend:
    """One JSON line per message in MOTCUA_SMS_FILE."""

    def send(self, *, channel: str, to: str, text: str, key: str) -> None:
        path = Path(settings.MOTCUA_SMS_FILE)
        path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps({"at": now().isoformat(), "channel": channel, "to": to,
                           "text": text, "key": key}, ensure_ascii=False)
        with path.open("a", encoding="utf-8") as out:
            out.write(line + "\n")


_BACKENDS = {"console": ConsoleBackend, "file": FileBackend}


def text_backend() -> TextBackend:
    name = settings.MOTCUA_SMS_BACKEND
    return (_BACKENDS.get(name) or import_string(name))()


def send(*, channel: str, to: str, subject: str, body: str, text: str, key: str) -> None:
    if channel == "email":
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
    else:
        text_backend().send(channel=channel, to=to, text=text, key=key)
