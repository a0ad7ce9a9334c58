"""A stand-in for the postal service's order API, for the demo and the tests: the same
protocol over HTTP on loopback (protocol.py). It accepts orders (checking the required
fields), assigns waybill codes to pick-ups, answers "101" to an order it already has, and
sends signed status callbacks to Motcua when asked (`push`), also twice or out of order.

Fault switches (motcua.core.fakes): `fail_next` answers HTTP 500 that many times; `delay`
sleeps before answering."""

import itertools
import json
import urllib.error
import urllib.request
from datetime import datetime

from motcua.core.fakes import LoopbackJSONServer
from motcua.postal.protocol import ALREADY_EXISTS, CREATED, signature

REQUIRED = ("CustomerCode", "OrderNumber", "OrderType", "SenderName", "SenderAddress",
            "ReceiverName", "ReceiverAddress")


class FakeVNPost(LoopbackJSONServer):
    failure = {"Status": "500", "Message": "internal error"}

    def __init__(self, *, callback_url: str = "", secret: str = "", token: str = "",
                 host: str = "127.0.0.1", port: int = 0):
        super().__init__(host=host, port=port)
        self.callback_url, self.secret, self.token = callback_url, secret, token
        self.orders: dict[str, dict] = {}
        self._codes = (f"EB{n:08d}VN" for n in itertools.count(10_000_001))

    @property
    def url(self) -> str:
        return self.base_url

    def respond(self, path: str, order: dict, authorization: str) -> tuple[int, dict]:
        if path.rstrip("/") != "/orders":
            return 404, {"Status": "404", "Message": "not found"}
        if self.token and authorization != f"Bearer {self.token}":
            return 401, {"Status": "401", "Message": "invalid token"}
        missing = [name for name in REQUIRED if not order.get(name)]
        if missing:
            return 200, {"Status": "400", "Message": "missing " + ", ".join(missing)}
        known = self.orders.get(order["OrderNumber"])
        if known is not None:
            return 200, {"Status": ALREADY_EXISTS, "Message": "already exists",
                         "ItemCode": known["ItemCode"]}
        order = dict(order, ItemCode=order.get("ItemCode") or next(self._codes))
        self.orders[order["OrderNumber"]] = order
        return 200, {"Status": CREATED, "Message": "created", "ItemCode": order["ItemCode"]}

    def push(self, order_number: str, status: str, *, at: datetime, note: str = "") -> int:
        """Send a status callback for one order to Motcua; returns the HTTP status."""
        order = self.orders[order_number]
        body = json.dumps({"OrderNumber": order_number, "ItemCode": order["ItemCode"],
                           "Status": status, "StatusTime": at.strftime("%Y%m%d%H%M%S"),
                           "Note": note}).encode()
        request = urllib.request.Request(self.callback_url, data=body, method="POST", headers={
            "Content-Type": "application/json",
            "X-VNPost-Signature": signature(self.secret, body)})
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
