"""Online payments of fees and charges (phí, lệ phí) for a dossier, and their refunds.

Only `motcua.payments.services` writes these rows (STYLE.md habit 1). A payment attempt is one
gateway order: its `reference` is the order reference sent to the gateway (vnp_TxnRef), unique
per attempt, so a retried payment never collides with an abandoned one.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.dossiers.models import Dossier


class PaymentStatus(models.TextChoices):
    PENDING = "pending", _("Đang chờ thanh toán")
    PAID = "paid", _("Đã thanh toán")
    FAILED = "failed", _("Thanh toán không thành công")
    CANCELLED = "cancelled", _("Đã hủy thanh toán")
    EXPIRED = "expired", _("Hết hạn thanh toán")


class Payment(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="payments",
                                verbose_name=_("hồ sơ"))
    payer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                              related_name="+", verbose_name=_("người nộp tiền"))
    # Whole đồng, as every fee in Motcua; the protocol's ×100 happens only on the wire.
    amount = models.PositiveBigIntegerField(_("số tiền (đồng)"))
    reference = models.CharField(_("mã giao dịch"), max_length=40, unique=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=PaymentStatus,
                              default=PaymentStatus.PENDING)
    gateway_transaction_no = models.CharField(_("mã giao dịch tại cổng thanh toán"),
                                              max_length=40, blank=True)
    bank_code = models.CharField(_("ngân hàng"), max_length=20, blank=True)
    response_code = models.CharField(_("mã phản hồi"), max_length=4, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"))
    expires_at = models.DateTimeField(_("hết hạn lúc"))
    paid_at = models.DateTimeField(_("thanh toán lúc"), null=True, blank=True)
    last_response = models.JSONField(_("phản hồi gần nhất của cổng thanh toán"), default=dict,
                                     blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("giao dịch thanh toán")
        verbose_name_plural = _("giao dịch thanh toán")
        indexes = [models.Index(fields=["status", "created_at"], name="payment_status_age")]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_amount_positive"),
            models.CheckConstraint(condition=~Q(status="paid") | Q(paid_at__isnull=False),
                                   name="payment_paid_has_instant"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def receipt_number(self) -> str:
        """The electronic receipt's number: the order reference, which the gateway also
        prints on the payer's bank statement, so both sides can match them."""
        return self.reference


class RefundStatus(models.TextChoices):
    DONE = "done", _("Đã hoàn tiền")
    FAILED = "failed", _("Hoàn tiền không thành công")


class Refund(models.Model):
    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="refunds",
                                verbose_name=_("giao dịch thanh toán"))
    amount = models.PositiveBigIntegerField(_("số tiền hoàn (đồng)"))
    reason = models.CharField(_("lý do"), max_length=500)
    reference = models.CharField(_("mã yêu cầu hoàn tiền"), max_length=40, unique=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=RefundStatus)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+", verbose_name=_("người đề nghị"))
    requested_at = models.DateTimeField(_("đề nghị lúc"))
    gateway_transaction_no = models.CharField(_("mã giao dịch hoàn tại cổng"), max_length=40,
                                              blank=True)
    response_code = models.CharField(_("mã phản hồi"), max_length=4, blank=True)
    last_response = models.JSONField(_("phản hồi của cổng thanh toán"), default=dict,
                                     blank=True)

    class Meta:
        ordering = ["payment", "requested_at"]
        verbose_name = _("lần hoàn tiền")
        verbose_name_plural = _("các lần hoàn tiền")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="refund_amount_positive"),
        ]

    def __str__(self) -> str:
        return self.reference
