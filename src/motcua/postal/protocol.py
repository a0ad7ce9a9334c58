"""The postal service's order API as the province's integration platform (LGSP) exposes it
(DOMAIN.md §7, fields from the Thanh Hóa and OpenCPS clients), and its status callbacks.

- Create an order: POST `{MOTCUA_VNPOST_URL}/orders` with a bearer token; answer `Status`
  "100" created or "101" already exists (a retried order is not a new one).
- Status callbacks: VNPost POSTs `{OrderNumber, ItemCode, Status, StatusTime, Note}` to
  `/buu-chinh/trang-thai/`, signed with HMAC-SHA256 of the raw body in `X-VNPost-Signature`.
- Status codes: pick-up 1 registered, 2 collecting, 3 delivered to the agency, 4 cancelled
  (OpenCPS's collectvnpost codes, seen); delivery 5 in transit, 6 delivered — our own codes,
  [unverified] against VNPost's, kept in this one table.
"""

import hashlib
import hmac

from motcua.postal.models import PostalOrder

State = PostalOrder.State

STATUS_CODES = {
    "1": State.REGISTERED,
    "2": State.COLLECTING,
    "3": State.DELIVERED_TO_AGENCY,
    "4": State.CANCELLED,
    "5": State.IN_TRANSIT,
    "6": State.DELIVERED,
}
CREATED, ALREADY_EXISTS = "100", "101"

# Orders move forward only: a late callback for an earlier status is logged, not applied.
RANK = {State.NEW: 0, State.REGISTERED: 1, State.COLLECTING: 2, State.DELIVERED_TO_AGENCY: 3,
        State.IN_TRANSIT: 3, State.DELIVERED: 4, State.CANCELLED: 5}


def signature(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def signature_valid(secret: str, body: bytes, given: str) -> bool:
    return hmac.compare_digest(signature(secret, body), given or "")


def order_fields(order: PostalOrder, *, customer_code: str) -> dict:
    sender, receiver = order.sender, order.receiver
    return {
        "CustomerCode": customer_code,
        "OrderNumber": order.order_number,
        "ItemCode": order.item_code,
        "OrderType": 1 if order.kind == PostalOrder.Kind.PICKUP else 2,
        "CODAmount": order.cod_amount,
        "SenderName": sender.get("name", ""),
        "SenderAddress": sender.get("address", ""),
        "SenderTel": sender.get("phone", ""),
        "SenderEmail": sender.get("email", ""),
        "ReceiverName": receiver.get("name", ""),
        "ReceiverAddress": receiver.get("address", ""),
        "ReceiverTel": receiver.get("phone", ""),
        "ReceiverEmail": receiver.get("email", ""),
        "FlagConfig": 2,
    }
