"""Writes of the payments app: start a payment, confirm it from the gateway's notification,
reconcile the ones whose notification never came, refund.

Why `Dossier.fee_paid` is written here with a queryset update and not through
`motcua.dossiers.services`: paying a fee is not a status transition (no row of the transition
table, no `DossierEvent`, no deadline change — DOMAIN.md §2.9); the only dossier field it
touches is the running total of fees received. The update is `F("fee_paid") + amount` on the
dossier row locked with `select_for_update`, in the same transaction that marks the payment
paid, so the two can never disagree and a replayed notification cannot count twice (it finds
the payment already paid under the same lock).

Lock order, everywhere: the dossier, then the payment (no deadlock between two notifications).
"""

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Sum
from django.db.models.functions import Greatest
from django.utils.translation import gettext_lazy as _

from motcua.accounts.access import Permission, require_permission
from motcua.core import clock
from motcua.dossiers.models import Dossier
from motcua.payments import protocol
from motcua.payments.gateway import GatewayError, gateway
from motcua.payments.models import Payment, PaymentStatus, Refund, RefundStatus
from motcua.payments.selectors import fee_outstanding, fee_payable_online

log = logging.getLogger(__name__)

NOTHING_TO_PAY = _("Hồ sơ này không còn phí, lệ phí phải nộp trực tuyến.")
NOT_PAID = _("Chỉ hoàn tiền cho giao dịch đã thanh toán.")
REFUND_TOO_MUCH = _("Số tiền hoàn phải lớn hơn 0 và không vượt quá số tiền còn có thể hoàn.")
SERVER_IP = "127.0.0.1"  # vnp_IpAddr of server-to-server calls (the gateway only logs it)


class PaymentError(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


# The IPN answers of the protocol (what the gateway expects back, in its own words).
CONFIRMED = ("00", "Confirm Success")
ALREADY = ("02", "Order already confirmed")
NOT_FOUND = ("01", "Order not Found")
BAD_AMOUNT = ("04", "Invalid amount")
BAD_CHECKSUM = ("97", "Invalid Checksum")


@dataclass(frozen=True)
class ConfirmResult:
    code: str
    message: str
    payment: Payment | None = None

    def as_ipn(self) -> dict:
        return {"RspCode": self.code, "Message": self.message}


@dataclass(frozen=True)
class Outcome:
    """What the gateway says about one transaction (from a notification or a querydr)."""

    amount: int | None
    response_code: str
    transaction_status: str
    transaction_no: str
    bank_code: str
    paid_at: datetime | None
    raw: dict

    @property
    def succeeded(self) -> bool:
        return self.response_code == protocol.SUCCESS and self.transaction_status == "00"

    @classmethod
    def from_params(cls, params) -> "Outcome":
        return cls(
            amount=protocol.dong_amount(params.get("vnp_Amount", "")),
            response_code=params.get("vnp_ResponseCode", ""),
            transaction_status=params.get("vnp_TransactionStatus", ""),
            transaction_no=params.get("vnp_TransactionNo", ""),
            bank_code=params.get("vnp_BankCode", ""),
            paid_at=protocol.parse_wire_date(params.get("vnp_PayDate", "")),
            raw={k: v for k, v in params.items()},
        )


def _order_info(dossier: Dossier) -> str:
    # Gateways want ASCII without diacritics in the order description.
    return f"Thanh toan phi, le phi ho so {dossier.code}"


def _new_reference(prefix: str, at: datetime) -> str:
    return f"{prefix}{clock.local(at):%y%m%d%H%M%S}{secrets.token_hex(4).upper()}"


def payment_start(*, dossier: Dossier, payer, return_url: str,
                  ip_address: str = SERVER_IP) -> str:
    """A new payment attempt for everything still due on `dossier`; returns the gateway URL
    the browser is redirected to. The caller has checked that `payer` owns the dossier."""
    with transaction.atomic():
        locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
        if locked.owner_id != payer.pk or not fee_payable_online(locked):
            raise PaymentError(NOTHING_TO_PAY)
        now = clock.now()
        payment = Payment.objects.create(
            dossier=locked, payer=payer, amount=fee_outstanding(locked),
            reference=_new_reference("MC", now), created_at=now,
            expires_at=now + timedelta(minutes=settings.MOTCUA_PAYMENT_EXPIRE_MINUTES),
        )
    return gateway().payment_url(
        reference=payment.reference, amount=payment.amount, order_info=_order_info(locked),
        return_url=return_url, ip_address=ip_address, created_at=payment.created_at,
        expires_at=payment.expires_at,
    )


def payment_confirm(params) -> ConfirmResult:
    """Apply a gateway notification (the browser return or the IPN: same parameters).
    The signature is checked before anything else is read."""
    if not gateway().verify(params):
        return ConfirmResult(*BAD_CHECKSUM)
    if params.get("vnp_TmnCode") != settings.MOTCUA_PAYMENT_TMN_CODE:
        return ConfirmResult(*NOT_FOUND)
    payment = Payment.objects.filter(reference=params.get("vnp_TxnRef", "")).first()
    if payment is None:
        return ConfirmResult(*NOT_FOUND)
    return _apply(payment=payment, outcome=Outcome.from_params(params))


@transaction.atomic
def _apply(*, payment: Payment, outcome: Outcome) -> ConfirmResult:
    Dossier.objects.select_for_update().filter(pk=payment.dossier_id).get()
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if outcome.amount != payment.amount:
        log.warning("payment %s: amount %s refused", payment.reference, outcome.amount)
        return ConfirmResult(*BAD_AMOUNT, payment=payment)
    if payment.status == PaymentStatus.PAID:
        # Replayed, duplicated or out-of-order: a paid payment stays paid and counts once.
        return ConfirmResult(*ALREADY, payment=payment)
    if outcome.succeeded:
        # Also over failed/cancelled/expired: the gateway moved the money, it is the authority.
        _mark_paid(payment, outcome)
        return ConfirmResult(*CONFIRMED, payment=payment)
    if payment.status != PaymentStatus.PENDING:
        return ConfirmResult(*ALREADY, payment=payment)
    _mark_unpaid(payment, outcome)
    return ConfirmResult(*CONFIRMED, payment=payment)


def _mark_paid(payment: Payment, outcome: Outcome) -> None:
    payment.status = PaymentStatus.PAID
    payment.paid_at = outcome.paid_at or clock.now()
    _record(payment, outcome)
    Dossier.objects.filter(pk=payment.dossier_id).update(
        fee_paid=F("fee_paid") + payment.amount)


def _mark_unpaid(payment: Payment, outcome: Outcome) -> None:
    payment.status = {protocol.CANCELLED: PaymentStatus.CANCELLED,
                      protocol.EXPIRED: PaymentStatus.EXPIRED}.get(
        outcome.response_code, PaymentStatus.FAILED)
    _record(payment, outcome)


def _record(payment: Payment, outcome: Outcome) -> None:
    payment.response_code = outcome.response_code[:4]
    payment.gateway_transaction_no = outcome.transaction_no[:40]
    payment.bank_code = outcome.bank_code[:20]
    payment.last_response = outcome.raw
    payment.save()


def payment_reconcile(*, payment: Payment) -> Payment:
    """Ask the gateway (querydr) what became of `payment` and apply it. Raises GatewayError
    (the payment stays pending) when the gateway cannot answer."""
    if payment.status == PaymentStatus.PAID:
        return payment
    now = clock.now()
    answer = gateway().query(
        reference=payment.reference, order_info=_order_info(payment.dossier),
        transaction_date=payment.created_at, ip_address=SERVER_IP, now=now)
    if answer.get("vnp_ResponseCode") == protocol.SUCCESS:
        outcome = Outcome.from_params(answer)
        if outcome.succeeded or outcome.transaction_status not in ("01", ""):
            _apply(payment=payment, outcome=_as_notification(outcome))
        elif now > payment.expires_at:
            _expire(payment=payment, answer=answer)
    elif answer.get("vnp_ResponseCode") == protocol.QUERY_NOT_FOUND and now > payment.expires_at:
        _expire(payment=payment, answer=answer)  # the citizen never reached the gateway
    payment.refresh_from_db()
    return payment


def _as_notification(outcome: Outcome) -> Outcome:
    """querydr answers "00" for the query itself and reports the transaction in
    vnp_TransactionStatus; a failed transaction becomes a failure notification ("99")."""
    if outcome.succeeded:
        return outcome
    return Outcome(outcome.amount, "99", outcome.transaction_status, outcome.transaction_no,
                   outcome.bank_code, outcome.paid_at, outcome.raw)


@transaction.atomic
def _expire(*, payment: Payment, answer: dict) -> None:
    Dossier.objects.select_for_update().filter(pk=payment.dossier_id).get()
    locked = Payment.objects.select_for_update().get(pk=payment.pk)
    if locked.status == PaymentStatus.PENDING:
        locked.status = PaymentStatus.EXPIRED
        locked.last_response = answer
        locked.save()


def payments_reconcile_pending(*, older_than: timedelta = timedelta(minutes=15)) -> dict:
    """Reconcile every payment still pending `older_than` after it started (the scheduler
    runs `motcua payments_reconcile`). Returns counts by resulting status, plus "errors"."""
    counts: dict[str, int] = {}
    cutoff = clock.now() - older_than
    pending = Payment.objects.filter(status=PaymentStatus.PENDING, created_at__lte=cutoff)
    for payment in pending.select_related("dossier").order_by("created_at"):
        try:
            status = payment_reconcile(payment=payment).status
        except GatewayError as error:
            log.warning("payment %s: reconciliation failed: %s", payment.reference, error.detail)
            status = "errors"
        counts[status] = counts.get(status, 0) + 1
    return counts


def payment_refund(*, payment: Payment, actor, reason: str, amount: int | None = None) -> Refund:
    """Refund (part of) a paid payment through the gateway and record it. The dossier's
    `fee_paid` goes down by what the gateway refunded. The locks are held during the gateway
    call on purpose: two officers must not both refund the same money."""
    dossier = Dossier.objects.select_related("receiving_unit").get(pk=payment.dossier_id)
    require_permission(actor, Permission.DOSSIER_RECEIVE, dossier.receiving_unit)
    with transaction.atomic():
        Dossier.objects.select_for_update().filter(pk=dossier.pk).get()
        locked = Payment.objects.select_for_update().get(pk=payment.pk)
        if locked.status != PaymentStatus.PAID:
            raise PaymentError(NOT_PAID)
        refunded = locked.refunds.filter(status=RefundStatus.DONE).aggregate(
            total=Sum("amount"))["total"] or 0
        amount = locked.amount - refunded if amount is None else amount
        if not 0 < amount <= locked.amount - refunded:
            raise PaymentError(REFUND_TOO_MUCH)
        now = clock.now()
        answer = gateway().refund(
            reference=locked.reference, amount=amount, full=amount == locked.amount,
            transaction_no=locked.gateway_transaction_no, transaction_date=locked.paid_at,
            created_by=actor.get_username(), order_info=reason[:255], ip_address=SERVER_IP,
            now=now)
        done = answer.get("vnp_ResponseCode") == protocol.SUCCESS
        refund = Refund.objects.create(
            payment=locked, amount=amount, reason=reason, reference=_new_reference("HT", now),
            status=RefundStatus.DONE if done else RefundStatus.FAILED, requested_by=actor,
            requested_at=now, gateway_transaction_no=str(answer.get("vnp_TransactionNo", ""))[:40],
            response_code=str(answer.get("vnp_ResponseCode", ""))[:4], last_response=answer)
        if done:
            Dossier.objects.filter(pk=dossier.pk).update(
                fee_paid=Greatest(F("fee_paid") - amount, 0))
    return refund
