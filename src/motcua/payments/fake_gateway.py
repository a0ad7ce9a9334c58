"""A fake payment gateway speaking the VNPay-style protocol of `protocol.py` over real HTTP.

External gateways cannot be reached from the demo or from tests, so this stdlib WSGI app plays
the gateway's part: the payment page the browser is sent to (a real HTML form with "Thanh toán"
and "Hủy"), the signed redirect back to the merchant's return URL, the server-to-server
notification (IPN) to the merchant, and the `querydr` / `refund` API. It keeps its orders in
memory. Fault switches make it misbehave the way real gateways do:

- `lose_ipn`: never send the notification (reconciliation must find the payment);
- `duplicate_ipn`: send it twice;
- `late_ipn`: send it `ipn_delay` seconds after the browser was redirected;
- `failed_after_paid`: after the success, send a signed failure for the same order;
- `error_500`: the API answers HTTP 500;
- `timeout`: the API answers only after `hang_seconds`.

Run it as its own process with `motcua fake_gateway --port 8301`; tests start it in a thread
on an ephemeral loopback port with `running(FakeGateway(...))`. Switch faults over HTTP with
`POST /_fake/faults` (form field `faults`, comma-separated) — the demo does so from a shell.
"""

import html
import itertools
import json
import threading
import time
import urllib.request
from contextlib import contextmanager
from datetime import datetime
from socketserver import ThreadingMixIn
from urllib.parse import parse_qsl, urlencode
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from motcua.core.clock import VIETNAM
from motcua.payments import protocol

FAULTS = frozenset({"lose_ipn", "duplicate_ipn", "late_ipn", "failed_after_paid", "error_500",
                    "timeout"})
PAY_PATH = "/paymentv2/vpcpay.html"
SUBMIT_PATH = "/paymentv2/pay"
API_PATH = "/merchant_webapi/api/transaction"
FAULTS_PATH = "/_fake/faults"
BANK = "NCB"


def _now() -> datetime:
    return datetime.now(tz=VIETNAM)


def _money(wire: str) -> str:
    return f"{int(wire) // 100:,}".replace(",", ".") + " đ"


class FakeGateway:
    def __init__(self, *, tmn_code: str, secret: str, ipn_url: str, ipn_delay: float = 0.5,
                 hang_seconds: float = 5.0):
        self.tmn_code, self.secret, self.ipn_url = tmn_code, secret, ipn_url
        self.ipn_delay, self.hang_seconds = ipn_delay, hang_seconds
        self.orders: dict[str, dict] = {}
        self.faults: set[str] = set()
        self.ipn_log: list[dict] = []  # every notification sent: params and the answer
        self.api_log: list[dict] = []  # every API request received
        self._lock = threading.Lock()
        self._numbers = itertools.count(14_000_001)
        self._threads: list[threading.Thread] = []

    # --- WSGI ---------------------------------------------------------------------------
    def __call__(self, environ, start_response):
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")
        routes = {("GET", PAY_PATH): self._pay_page, ("POST", SUBMIT_PATH): self._pay_submit,
                  ("POST", API_PATH): self._api, ("POST", FAULTS_PATH): self._set_faults,
                  ("GET", FAULTS_PATH): self._get_faults}
        handler = routes.get((method, path))
        if handler is None:
            return _reply(start_response, "404 Not Found", "text/plain", "not found")
        return handler(environ, start_response)

    def _pay_page(self, environ, start_response):
        params = dict(parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True))
        if not protocol.verify(params, self.secret) or params.get("vnp_TmnCode") != self.tmn_code:
            return _reply(start_response, "400 Bad Request", "text/html",
                          _page("Lỗi", "<p>Sai chữ ký (mã lỗi 97). Giao dịch không hợp lệ.</p>"))
        ref = params["vnp_TxnRef"]
        with self._lock:
            order = self.orders.setdefault(ref, {
                "ref": ref, "amount": params["vnp_Amount"], "info": params["vnp_OrderInfo"],
                "return_url": params["vnp_ReturnUrl"], "created": params["vnp_CreateDate"],
                "expires": params.get("vnp_ExpireDate", ""), "status": "01",
                "response_code": "", "number": "", "pay_date": "", "refunded": 0,
            })
        return _reply(start_response, "200 OK", "text/html", _payment_form(order))

    def _pay_submit(self, environ, start_response):
        form = dict(parse_qsl(_body(environ).decode()))
        order = self.orders.get(form.get("vnp_TxnRef", ""))
        if order is None or order["status"] != "01":
            return _reply(start_response, "400 Bad Request", "text/html",
                          _page("Lỗi", "<p>Giao dịch không tồn tại hoặc đã được xử lý.</p>"))
        result = self._decide(order, form.get("action"))
        query = protocol.signed_query(result, self.secret)
        self._notify(result)
        start_response("302 Found", [("Location", f"{order['return_url']}?{query}")])
        return [b""]

    def _decide(self, order: dict, action: str | None) -> dict:
        expired = order["expires"] and protocol.wire_date(_now()) > order["expires"]
        code = "11" if expired else ("00" if action == "pay" else "24")
        with self._lock:
            order.update(status="00" if code == "00" else "02", response_code=code,
                         number=str(next(self._numbers)) if code == "00" else "0",
                         pay_date=protocol.wire_date(_now()))
        return self._result(order, code, "00" if code == "00" else "02")

    def _result(self, order: dict, code: str, status: str) -> dict:
        return {
            "vnp_Amount": order["amount"], "vnp_BankCode": BANK if code == "00" else "VNPAY",
            "vnp_BankTranNo": f"VNP{order['number']}" if code == "00" else "",
            "vnp_CardType": "ATM", "vnp_OrderInfo": order["info"],
            "vnp_PayDate": order["pay_date"], "vnp_ResponseCode": code,
            "vnp_TmnCode": self.tmn_code, "vnp_TransactionNo": order["number"],
            "vnp_TransactionStatus": status, "vnp_TxnRef": order["ref"],
        }

    # --- IPN ----------------------------------------------------------------------------
    def _notify(self, result: dict) -> None:
        if "lose_ipn" in self.faults:
            return
        sends = [result] * (2 if "duplicate_ipn" in self.faults else 1)
        if "failed_after_paid" in self.faults and result["vnp_ResponseCode"] == "00":
            sends.append({**result, "vnp_ResponseCode": "99", "vnp_TransactionStatus": "02"})
        if "late_ipn" in self.faults:
            thread = threading.Thread(target=self._send_all, args=(sends, self.ipn_delay),
                                      daemon=True)
            self._threads.append(thread)
            thread.start()
        else:
            self._send_all(sends, 0)

    def _send_all(self, sends: list[dict], delay: float) -> None:
        time.sleep(delay)
        for params in sends:
            self.send_ipn(params)

    def send_ipn(self, params: dict) -> dict:
        """GET the merchant's IPN URL with `params` signed; logs and returns its answer."""
        url = f"{self.ipn_url}?{protocol.signed_query(params, self.secret)}"
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                answer = json.loads(response.read())
        except (OSError, ValueError) as error:
            answer = {"error": repr(error)}
        with self._lock:
            self.ipn_log.append({"params": params, "answer": answer})
        return answer

    def wait_for_notifications(self, timeout: float = 10) -> None:
        for thread in list(self._threads):
            thread.join(timeout)

    def signed_result(self, reference: str, *, code: str = "00", **changes) -> dict:
        """The signed notification the gateway would send for an order it has seen (tests
        replay it, tamper with it or send it out of order)."""
        order = self.orders[reference]
        params = {**self._result(order, code, "00" if code == "00" else "02"), **changes}
        return {**params, "vnp_SecureHash": protocol.sign(params, self.secret)}

    # --- server-to-server API -------------------------------------------------------------
    def _api(self, environ, start_response):
        body = _body(environ)
        if "timeout" in self.faults:
            time.sleep(self.hang_seconds)
        if "error_500" in self.faults:
            return _reply(start_response, "500 Internal Server Error", "text/plain", "error")
        try:
            request = json.loads(body)
        except ValueError:
            request = {}
        with self._lock:
            self.api_log.append(request)
        command = request.get("vnp_Command")
        fields = {"querydr": protocol.QUERYDR_REQUEST_FIELDS,
                  "refund": protocol.REFUND_REQUEST_FIELDS}.get(command)
        if fields is None or not protocol.verify_fields(request, fields, self.secret):
            answer = self._answer(request, "97", "Invalid Checksum", {}, command)
        elif command == "querydr":
            answer = self._query(request)
        else:
            answer = self._refund(request)
        return _reply(start_response, "200 OK", "application/json", json.dumps(answer))

    def _query(self, request: dict) -> dict:
        order = self.orders.get(request.get("vnp_TxnRef", ""))
        if order is None:
            return self._answer(request, "91", "Transaction not found", {}, "querydr")
        return self._answer(request, "00", "QueryDR Success", order, "querydr")

    def _refund(self, request: dict) -> dict:
        order = self.orders.get(request.get("vnp_TxnRef", ""))
        if order is None:
            return self._answer(request, "91", "Transaction not found", {}, "refund")
        amount = int(request.get("vnp_Amount", "0") or 0)
        if order["status"] != "00" or amount <= 0 or order["refunded"] + amount > int(
                order["amount"]):
            return self._answer(request, "94", "Refund amount invalid", order, "refund")
        with self._lock:
            order["refunded"] += amount
        return self._answer(request, "00", "Refund success", order, "refund",
                            transaction_no=str(next(self._numbers)), amount=str(amount))

    def _answer(self, request: dict, code: str, message: str, order: dict, command,
                transaction_no: str = "", amount: str = "") -> dict:
        answer = {
            "vnp_ResponseId": request.get("vnp_RequestId", ""), "vnp_Command": command or "",
            "vnp_ResponseCode": code, "vnp_Message": message, "vnp_TmnCode": self.tmn_code,
            "vnp_TxnRef": request.get("vnp_TxnRef", ""),
            "vnp_Amount": amount or order.get("amount", ""),
            "vnp_BankCode": BANK if order.get("status") == "00" else "",
            "vnp_PayDate": order.get("pay_date", ""),
            "vnp_TransactionNo": transaction_no or order.get("number", ""),
            "vnp_TransactionType": request.get("vnp_TransactionType", "01"),
            "vnp_TransactionStatus": order.get("status", ""),
            "vnp_OrderInfo": order.get("info", ""), "vnp_PromotionCode": "",
            "vnp_PromotionAmount": "",
        }
        fields = (protocol.REFUND_RESPONSE_FIELDS if command == "refund"
                  else protocol.QUERYDR_RESPONSE_FIELDS)
        answer["vnp_SecureHash"] = protocol.sign_fields(answer, fields, self.secret)
        return answer

    # --- fault switches -------------------------------------------------------------------
    def _set_faults(self, environ, start_response):
        names = dict(parse_qsl(_body(environ).decode())).get("faults", "")
        wanted = {name.strip() for name in names.split(",") if name.strip()}
        if not wanted <= FAULTS:
            return _reply(start_response, "400 Bad Request", "text/plain",
                          f"unknown faults: {sorted(wanted - FAULTS)}")
        self.faults = wanted
        return self._get_faults(environ, start_response)

    def _get_faults(self, environ, start_response):
        return _reply(start_response, "200 OK", "application/json",
                      json.dumps({"faults": sorted(self.faults)}))


def _body(environ) -> bytes:
    length = int(environ.get("CONTENT_LENGTH") or 0)
    return environ["wsgi.input"].read(length) if length else b""


def _reply(start_response, status: str, content_type: str, text: str):
    data = text.encode()
    start_response(status, [("Content-Type", f"{content_type}; charset=utf-8"),
                            ("Content-Length", str(len(data)))])
    return [data]


def _page(title: str, body: str) -> str:
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="icon" href="data:,">'
        f"<title>{html.escape(title)} – Cổng thanh toán thử nghiệm</title>"
        "<style>body{font-family:sans-serif;max-width:32rem;margin:1rem auto;padding:0 1rem;"
        "color:#1b1b1b}button{font-size:1.1rem;padding:.6rem 1.2rem;margin:.3rem}"
        ".pay{background:#005ea2;color:#fff;border:0}.note{color:#555}</style></head><body>"
        "<p class=\"note\">CỔNG THANH TOÁN THỬ NGHIỆM (giả lập, không trừ tiền thật)</p>"
        f"{body}</body></html>"
    )


def _payment_form(order: dict) -> str:
    e = html.escape
    return _page("Thanh toán", (
        "<h1>Thanh toán trực tuyến</h1><dl>"
        f"<dt>Đơn hàng</dt><dd>{e(order['info'])}</dd>"
        f"<dt>Mã giao dịch</dt><dd>{e(order['ref'])}</dd>"
        f"<dt>Số tiền</dt><dd><strong id=\"amount\">{_money(order['amount'])}</strong></dd>"
        f"</dl><form method=\"post\" action=\"{SUBMIT_PATH}\">"
        f"<input type=\"hidden\" name=\"vnp_TxnRef\" value=\"{e(order['ref'])}\">"
        "<button class=\"pay\" type=\"submit\" name=\"action\" value=\"pay\">Thanh toán</button>"
        "<button type=\"submit\" name=\"action\" value=\"cancel\">Hủy</button></form>"
    ))


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


def make(gateway: FakeGateway, *, host: str = "127.0.0.1", port: int = 0,
         quiet: bool = True) -> WSGIServer:
    handler = _QuietHandler if quiet else WSGIRequestHandler
    return make_server(host, port, gateway, server_class=_Server, handler_class=handler)


@contextmanager
def running(gateway: FakeGateway, *, host: str = "127.0.0.1", port: int = 0):
    """Serve `gateway` in a thread; yields its base URL ("http://127.0.0.1:<port>")."""
    server = make(gateway, host=host, port=port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def set_faults(base_url: str, *faults: str) -> dict:
    """Switch a running fake's faults (from the demo shell or a test)."""
    data = urlencode({"faults": ",".join(faults)}).encode()
    with urllib.request.urlopen(f"{base_url}{FAULTS_PATH}", data=data, timeout=5) as response:
        return json.loads(response.read())
