"""HTTP client of the postal order API (protocol.py); any failure raises for the outbox to
retry."""

import json
import urllib.error
import urllib.request

from django.conf import settings

from motcua.postal.protocol import ALREADY_EXISTS, CREATED


class PostalRejected(Exception):
    pass


def order_create(fields: dict) -> dict:
    body = json.dumps(fields, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(
        f"{settings.MOTCUA_VNPOST_URL.rstrip('/')}/orders", data=body, method="POST",
        headers={"Content-Type": "application/json; charset=utf-8",
                 "Authorization": f"Bearer {settings.MOTCUA_VNPOST_TOKEN}"})
    try:
        with urllib.request.urlopen(request, timeout=settings.MOTCUA_VNPOST_TIMEOUT) as response:
            answer = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        raise PostalRejected(f"HTTP {error.code} from the postal service") from error
    if answer.get("Status") not in (CREATED, ALREADY_EXISTS):
        raise PostalRejected(f"Status {answer.get('Status')!r}: {answer.get('Message')}")
    return answer
