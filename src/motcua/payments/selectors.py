"""Reads for the payments pages (STYLE.md: reads through selectors)."""

from dataclasses import dataclass, field

from django.http import Http404
from django.shortcuts import get_object_or_404

from motcua.core.clock import now
from motcua.dossiers.access import dossier_get_for
from motcua.dossiers.models import Dossier
from motcua.dossiers.statuses import Channel
from motcua.payments.models import Payment, PaymentStatus


@dataclass(frozen=True)
class FeeStatus:
    due: int
    paid: int
    online: bool
    can_pay: bool = False
    pending: bool = False
    receipts: list[Payment] = field(default_factory=list)

    @property
    def charged(self) -> bool:
        return self.due > 0

    @property
    def outstanding(self) -> int:
        return max(self.due - self.paid, 0)


def fee_outstanding(dossier: Dossier) -> int:
    return max(dossier.fee_due - dossier.fee_paid, 0)


def fee_payable_online(dossier: Dossier) -> bool:
    """Fees are collected online for a dossier submitted online with something left to pay
    (Decree 45/2020/NĐ-CP art. 11: online payment of fees for online public services).
    A draft has no code and no computed fee yet, so it has nothing to pay."""
    return (dossier.channel == Channel.ONLINE and dossier.code is not None
            and fee_outstanding(dossier) > 0)


def fee_status_for(*, dossier: Dossier, user) -> FeeStatus:
    """What `payments/partials/fee_status.html` shows to `user` about `dossier`'s fees."""
    if dossier.fee_due <= 0:
        return FeeStatus(due=0, paid=dossier.fee_paid, online=dossier.channel == Channel.ONLINE)
    payments = list(Payment.objects.filter(
        dossier=dossier, status__in=[PaymentStatus.PAID, PaymentStatus.PENDING]))
    is_owner = bool(user is not None and user.is_authenticated
                    and dossier.owner_id == user.pk)
    return FeeStatus(
        due=dossier.fee_due, paid=dossier.fee_paid, online=dossier.channel == Channel.ONLINE,
        can_pay=is_owner and fee_payable_online(dossier),
        # An abandoned attempt stops counting as "awaiting" once the gateway would refuse it.
        pending=any(p.status == PaymentStatus.PENDING and p.expires_at > now()
                    for p in payments),
        receipts=[p for p in payments if p.status == PaymentStatus.PAID],
    )


def payment_get_for_receipt(*, user, reference: str) -> Payment:
    """The paid payment `reference` if `user` may see its dossier (owner or staff who may
    view it); Http404 otherwise, whether it exists or not."""
    payment = get_object_or_404(Payment.objects.select_related("payer"), reference=reference,
                                status=PaymentStatus.PAID)
    try:
        dossier = dossier_get_for(
            user, payment.dossier_id,
            queryset=Dossier.objects.select_related("procedure_version"))
    except Http404:
        raise Http404("not found") from None
    payment.dossier = dossier
    return payment


def payments_of(dossier: Dossier) -> list[Payment]:
    return list(Payment.objects.filter(dossier=dossier).order_by("-created_at", "-id"))
