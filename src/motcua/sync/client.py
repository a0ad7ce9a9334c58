"""The HTTP client of the national portal's dossier sync: POST JSON with the unit's identifier
(`madonvi`) and a bearer token; `error_code` "00" means accepted. Anything else raises, and
the outbox retries later."""

import json
import urllib.error
import urllib.request

from django.conf import settings


class SyncRejected(Exception):
    """The portal answered but did not accept the record (error_code other than "00")."""


def post(*, service: str, unit_code: str, data: list[dict], updating: bool) -> dict:
    body = json.dumps({"service": service, "madonvi": unit_code, "isUpdating": updating,
                       "data": data}, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(
        settings.MOTCUA_SYNC_URL, data=body, method="POST",
        headers={"Content-Type": "application/json; charset=utf-8",
                 "Authorization": f"Bearer {settings.MOTCUA_SYNC_TOKEN}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.MOTCUA_SYNC_TIMEOUT) as response:
            answer = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        raise SyncRejected(f"HTTP {error.code} from the national portal") from error
    if answer.get("error_code") != "00":
        raise SyncRejected(f"error_code {answer.get('error_code')!r}: {answer.get('message')}")
    return answer
