"""The wire protocol of the payment gateway: VNPay-style signed redirects (API 2.1.0).

Pure functions, shared by the real client (`gateway.py`) and the fake gateway
(`fake_gateway.py`), so both sides sign and check exactly the same bytes.

- Payment URL and browser return / IPN parameters (`vnp_*`): the SecureHash is HMAC-SHA512,
  keyed with the merchant secret, over the parameters sorted by name, each written as
  `urlencode(name)=urlencode(value)` (spaces as "+") and joined with "&". Empty values, and the
  hash fields themselves, are left out.
- Server-to-server API (`querydr`, `refund`): JSON bodies whose hash is HMAC-SHA512 over the
  values of a fixed list of fields joined with "|" (the order is part of the protocol).
- Amounts on the wire are in đồng ×100 (as VNPay sends them: 8.000 đ is `800000`); Motcua
  stores whole đồng and converts only here.
- Dates on the wire are `yyyyMMddHHmmss` in Vietnam's time (GMT+7).
"""

import hashlib
import hmac
from collections.abc import Mapping
from datetime import datetime
from urllib.parse import quote_plus

from django.utils.translation import gettext_lazy as _

from motcua.core.clock import VIETNAM

VERSION = "2.1.0"
HASH_FIELDS = ("vnp_SecureHash", "vnp_SecureHashType")
SUCCESS = "00"

# Browser return / IPN response codes (vnp_ResponseCode) and what the citizen reads.
RESPONSE_MESSAGES = {
    "00": _("Giao dịch thành công."),
    "07": _("Trừ tiền thành công nhưng giao dịch bị nghi ngờ; ngân hàng đang kiểm tra."),
    "09": _("Thẻ hoặc tài khoản chưa đăng ký dịch vụ thanh toán trực tuyến."),
    "10": _("Xác thực thông tin thẻ hoặc tài khoản không đúng quá 3 lần."),
    "11": _("Đã hết hạn chờ thanh toán. Vui lòng thực hiện lại giao dịch."),
    "12": _("Thẻ hoặc tài khoản bị khóa."),
    "13": _("Nhập sai mật khẩu xác thực giao dịch (OTP)."),
    "24": _("Bạn đã hủy giao dịch."),
    "51": _("Tài khoản không đủ số dư để thực hiện giao dịch."),
    "65": _("Tài khoản đã vượt quá hạn mức giao dịch trong ngày."),
    "75": _("Ngân hàng thanh toán đang bảo trì."),
    "79": _("Nhập sai mật khẩu thanh toán quá số lần quy định."),
    "99": _("Lỗi không xác định từ cổng thanh toán."),
}
CANCELLED = "24"
EXPIRED = "11"
# querydr: the gateway has no such transaction.
QUERY_NOT_FOUND = "91"

QUERYDR_REQUEST_FIELDS = (
    "vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TxnRef",
    "vnp_TransactionDate", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo",
)
REFUND_REQUEST_FIELDS = (
    "vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TransactionType",
    "vnp_TxnRef", "vnp_Amount", "vnp_TransactionNo", "vnp_TransactionDate", "vnp_CreateBy",
    "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo",
)
QUERYDR_RESPONSE_FIELDS = (
    "vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode",
    "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo",
    "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo", "vnp_PromotionCode",
    "vnp_PromotionAmount",
)
REFUND_RESPONSE_FIELDS = (
    "vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode",
    "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo",
    "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo",
)


def _hmac(secret: str, data: str) -> str:
    return hmac.new(secret.encode(), data.encode(), hashlib.sha512).hexdigest()


def canonical_query(params: Mapping[str, str]) -> str:
    """The signed string: non-empty `vnp_` parameters sorted by name, URL-encoded."""
    items = sorted((k, str(v)) for k, v in params.items()
                   if k.startswith("vnp_") and k not in HASH_FIELDS and str(v) != "")
    return "&".join(f"{quote_plus(k)}={quote_plus(v)}" for k, v in items)


def sign(params: Mapping[str, str], secret: str) -> str:
    return _hmac(secret, canonical_query(params))


def signed_query(params: Mapping[str, str], secret: str) -> str:
    """The query string to send: the canonical parameters plus their SecureHash."""
    query = canonical_query(params)
    return f"{query}&vnp_SecureHash={_hmac(secret, query)}"


def verify(params: Mapping[str, str], secret: str) -> bool:
    given = str(params.get("vnp_SecureHash", "")).lower()
    return bool(given) and hmac.compare_digest(given, sign(params, secret))


def sign_fields(body: Mapping[str, str], fields: tuple[str, ...], secret: str) -> str:
    """Hash of a server-to-server body: its `fields` values joined with "|"."""
    return _hmac(secret, "|".join(str(body.get(name, "")) for name in fields))


def verify_fields(body: Mapping[str, str], fields: tuple[str, ...], secret: str) -> bool:
    given = str(body.get("vnp_SecureHash", "")).lower()
    return bool(given) and hmac.compare_digest(given, sign_fields(body, fields, secret))


def wire_amount(dong: int) -> str:
    return str(int(dong) * 100)


def dong_amount(wire: str) -> int | None:
    """Whole đồng from a wire amount; None if it is not a whole number of đồng."""
    try:
        value = int(str(wire))
    except ValueError:
        return None
    return value // 100 if value >= 0 and value % 100 == 0 else None


def wire_date(instant: datetime) -> str:
    return instant.astimezone(VIETNAM).strftime("%Y%m%d%H%M%S")


def parse_wire_date(text: str) -> datetime | None:
    try:
        return datetime.strptime(text, "%Y%m%d%H%M%S").replace(tzinfo=VIETNAM)
    except (TypeError, ValueError):
        return None


def response_message(code: str) -> str:
    return str(RESPONSE_MESSAGES.get(code, RESPONSE_MESSAGES["99"]))
