"""The payment gateway client: a small interface over the VNPay-style protocol.

`gateway()` builds the client from the `MOTCUA_PAYMENT_*` settings (docs/operations.md). It
speaks HTTP to whatever URL is configured: the real gateway in production, the fake gateway
(`motcua fake_gateway`) in the demo and in tests. Every server-to-server answer is checked
against its SecureHash before anything reads it.
"""

import json
import secrets
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from motcua.payments import protocol

UNAVAILABLE = _("Cổng thanh toán hiện không phản hồi. Giao dịch vẫn đang chờ xác nhận; hệ thống "
                "sẽ tự kiểm tra lại, bạn không cần thanh toán lại.")
BAD_ANSWER = _("Cổng thanh toán trả lời không hợp lệ (sai chữ ký). Giao dịch vẫn đang chờ xác "
               "nhận.")


class GatewayError(Exception):
    """The gateway could not be reached or gave an answer that cannot be trusted."""

    def __init__(self, message, detail: str = ""):
        super().__init__(str(message))
        self.message = message
        self.detail = detail


@dataclass(frozen=True)
class GatewayConfig:
    payment_url: str
    api_url: str
    tmn_code: str
    secret: str
    timeout: float

    @classmethod
    def from_settings(cls) -> "GatewayConfig":
        return cls(
            payment_url=settings.MOTCUA_PAYMENT_URL, api_url=settings.MOTCUA_PAYMENT_API_URL,
            tmn_code=settings.MOTCUA_PAYMENT_TMN_CODE, secret=settings.MOTCUA_PAYMENT_SECRET,
            timeout=settings.MOTCUA_PAYMENT_TIMEOUT,
        )


class VnpayGateway:
    def __init__(self, config: GatewayConfig):
        self.config = config

    def verify(self, params) -> bool:
        return protocol.verify(params, self.config.secret)

    def payment_url(self, *, reference: str, amount: int, order_info: str, return_url: str,
                    ip_address: str, created_at: datetime, expires_at: datetime) -> str:
        params = {
            "vnp_Version": protocol.VERSION, "vnp_Command": "pay",
            "vnp_TmnCode": self.config.tmn_code, "vnp_Amount": protocol.wire_amount(amount),
            "vnp_CurrCode": "VND", "vnp_TxnRef": reference, "vnp_OrderInfo": order_info,
            "vnp_OrderType": "billpayment", "vnp_Locale": "vn", "vnp_ReturnUrl": return_url,
            "vnp_IpAddr": ip_address, "vnp_CreateDate": protocol.wire_date(created_at),
            "vnp_ExpireDate": protocol.wire_date(expires_at),
        }
        return f"{self.config.payment_url}?{protocol.signed_query(params, self.config.secret)}"

    def query(self, *, reference: str, order_info: str, transaction_date: datetime,
              ip_address: str, now: datetime) -> dict:
        """querydr: the gateway's record of the transaction `reference`."""
        body = self._body("querydr", now=now, ip_address=ip_address, vnp_TxnRef=reference,
                          vnp_OrderInfo=order_info,
                          vnp_TransactionDate=protocol.wire_date(transaction_date))
        body["vnp_SecureHash"] = protocol.sign_fields(body, protocol.QUERYDR_REQUEST_FIELDS,
                                                      self.config.secret)
        return self._post(body, protocol.QUERYDR_RESPONSE_FIELDS)

    def refund(self, *, reference: str, amount: int, full: bool, transaction_no: str,
               transaction_date: datetime, created_by: str, order_info: str, ip_address: str,
               now: datetime) -> dict:
        body = self._body(
            "refund", now=now, ip_address=ip_address, vnp_TxnRef=reference,
            vnp_TransactionType="02" if full else "03",
            vnp_Amount=protocol.wire_amount(amount), vnp_TransactionNo=transaction_no,
            vnp_TransactionDate=protocol.wire_date(transaction_date), vnp_CreateBy=created_by,
            vnp_OrderInfo=order_info,
        )
        body["vnp_SecureHash"] = protocol.sign_fields(body, protocol.REFUND_REQUEST_FIELDS,
                                                      self.config.secret)
        return self._post(body, protocol.REFUND_RESPONSE_FIELDS)

    def _body(self, command: str, *, now: datetime, ip_address: str, **fields) -> dict:
        return {
            "vnp_RequestId": secrets.token_hex(16), "vnp_Version": protocol.VERSION,
            "vnp_Command": command, "vnp_TmnCode": self.config.tmn_code,
            "vnp_CreateDate": protocol.wire_date(now), "vnp_IpAddr": ip_address, **fields,
        }

    def _post(self, body: dict, response_fields: tuple[str, ...]) -> dict:
        request = urllib.request.Request(
            self.config.api_url, data=json.dumps(body).encode(), method="POST",
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.config.timeout) as response:
                answer = json.loads(response.read())
        except (OSError, ValueError) as error:  # URLError, HTTPError, timeouts, bad JSON
            raise GatewayError(UNAVAILABLE, detail=repr(error)) from error
        if not isinstance(answer, dict) or not protocol.verify_fields(
                answer, response_fields, self.config.secret):
            raise GatewayError(BAD_ANSWER, detail=json.dumps(answer)[:500])
        return answer


def gateway() -> VnpayGateway:
    return VnpayGateway(GatewayConfig.from_settings())
