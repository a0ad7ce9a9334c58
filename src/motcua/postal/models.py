"""Orders to the public postal service (VNPost, Decision 45/2016/QĐ-TTg; DOMAIN.md §7):
picking a dossier up from the citizen, delivering a result to them; and the pool of waybill
codes (mã vận đơn) VNPost allocates to each unit in advance."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Unit


class Waybill(models.Model):
    code = models.CharField(_("mã vận đơn"), max_length=40, unique=True)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("đơn vị"))
    used_at = models.DateTimeField(_("đã dùng lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("mã vận đơn")
        verbose_name_plural = _("kho mã vận đơn")
        indexes = [models.Index(fields=["unit"], condition=Q(used_at__isnull=True),
                                name="waybill_unused_per_unit")]

    def __str__(self) -> str:
        return self.code


class PostalOrder(models.Model):
    class Kind(models.TextChoices):
        PICKUP = "pickup", _("Thu gom hồ sơ")
        DELIVERY = "delivery", _("Chuyển phát kết quả")

    class State(models.TextChoices):
        # Pick-up (OpenCPS collectvnpost codes 1–4) and delivery, in one list.
        NEW = "new", _("Chưa gửi bưu điện")
        REGISTERED = "registered", _("Đã đăng ký với bưu điện")
        COLLECTING = "collecting", _("Bưu điện đang thu gom")
        DELIVERED_TO_AGENCY = "delivered_to_agency", _("Đã giao hồ sơ cho cơ quan")
        IN_TRANSIT = "in_transit", _("Đang chuyển phát kết quả")
        DELIVERED = "delivered", _("Đã phát kết quả cho người nhận")
        CANCELLED = "cancelled", _("Đã hủy")

    kind = models.CharField(_("loại"), max_length=10, choices=Kind)
    # A pick-up precedes the dossier: the desk links it when the post hands the dossier over.
    dossier = models.ForeignKey("dossiers.Dossier", on_delete=models.PROTECT, null=True,
                                blank=True, related_name="postal_orders",
                                verbose_name=_("hồ sơ"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("đơn vị"))
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                              blank=True, related_name="+", verbose_name=_("người đăng ký"))
    order_number = models.CharField(_("số đơn hàng"), max_length=64, unique=True)
    item_code = models.CharField(_("mã vận đơn"), max_length=40, blank=True)
    cod_amount = models.PositiveBigIntegerField(_("tiền thu hộ (đồng)"), default=0)
    sender = models.JSONField(_("người gửi"), default=dict)
    receiver = models.JSONField(_("người nhận"), default=dict)
    state = models.CharField(_("trạng thái"), max_length=20, choices=State, default=State.NEW)
    state_at = models.DateTimeField(_("cập nhật trạng thái lúc"), null=True, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"))
    # A citizen's pick-up: which procedure the dossier is for, so the postman can check it
    # against the published list of components (Decision 45/2016), and a note for the postman.
    procedure_version = models.ForeignKey("catalog.ProcedureVersion", on_delete=models.PROTECT,
                                          null=True, blank=True, related_name="+",
                                          verbose_name=_("thủ tục"))
    note = models.CharField(_("ghi chú cho bưu điện"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("đơn bưu chính")
        verbose_name_plural = _("đơn bưu chính")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "kind"], condition=Q(dossier__isnull=False),
                                    name="postal_order_once_per_dossier_and_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.order_number}"


class PostalStatusUpdate(models.Model):
    """Every status VNPost reported, as received (duplicates are dropped by the unique key)."""

    order = models.ForeignKey(PostalOrder, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(_("trạng thái"), max_length=20)
    status_at = models.DateTimeField(_("thời điểm"))
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    received_at = models.DateTimeField(_("nhận lúc"))

    class Meta:
        verbose_name = _("cập nhật trạng thái bưu chính")
        verbose_name_plural = _("cập nhật trạng thái bưu chính")
        ordering = ["status_at"]
        constraints = [
            models.UniqueConstraint(fields=["order", "status", "status_at"],
                                    name="postal_update_once"),
        ]

    def __str__(self) -> str:
        return f"{self.order_id}: {self.status}"
