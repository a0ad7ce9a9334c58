"""Dossiers (hồ sơ) and their append-only history.

Nothing outside `motcua.dossiers.services` writes these models (STYLE.md habit 1): every change
goes through `services.transition.dossier_transition`, which locks the row, checks the table in
`statuses.py`, appends a `DossierEvent` and recomputes the deadlines in one transaction.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Unit
from motcua.catalog.choices import StepActor
from motcua.catalog.models import Component, ProcedureVersion
from motcua.dossiers.statuses import NATIONAL_CODE, Action, Channel, Status

USER = settings.AUTH_USER_MODEL


class ApplicantKind(models.TextChoices):
    PERSON = "person", _("Cá nhân")
    ORGANISATION = "organisation", _("Tổ chức, doanh nghiệp")


class Delivery(models.TextChoices):
    """How the result goes back (DOMAIN.md §1.2 "Returning results")."""

    DESK = "desk", _("Nhận tại Bộ phận Một cửa")
    POST = "post", _("Nhận qua bưu chính công ích")
    ELECTRONIC = "electronic", _("Nhận bản điện tử")


class Dossier(models.Model):
    code = models.CharField(_("mã hồ sơ"), max_length=64, unique=True, null=True, blank=True)
    procedure_version = models.ForeignKey(
        ProcedureVersion, on_delete=models.PROTECT, related_name="dossiers",
        verbose_name=_("thủ tục (phiên bản)"),
    )
    case = models.CharField(_("trường hợp"), max_length=255, blank=True)
    receiving_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="received_dossiers",
        db_index=False,
        verbose_name=_("đơn vị tiếp nhận"),
    )
    competent_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="competent_dossiers",
        verbose_name=_("đơn vị giải quyết"),
    )
    channel = models.PositiveSmallIntegerField(_("kênh nộp"), choices=Channel)
    status = models.CharField(_("trạng thái"), max_length=30, choices=Status, default=Status.DRAFT)
    national_status = models.PositiveSmallIntegerField(_("mã trạng thái quốc gia"), null=True)
    # Optimistic concurrency: every transition increments it; a stale page sends an old value.
    version = models.PositiveIntegerField(_("phiên bản dữ liệu"), default=0)
    idempotency_key = models.CharField(max_length=100, null=True, blank=True, unique=True)

    # Applicant (chủ hồ sơ) and the authorised submitter (người được ủy quyền), if any.
    owner = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="dossiers",
        db_index=False,
        verbose_name=_("tài khoản công dân"),
    )
    applicant_kind = models.CharField(
        _("loại chủ hồ sơ"), max_length=20, choices=ApplicantKind, default=ApplicantKind.PERSON
    )
    applicant_name = models.CharField(_("tên chủ hồ sơ"), max_length=255)
    applicant_id_number = models.CharField(
        _("số CCCD / mã số thuế"), max_length=20, blank=True,
    )
    applicant_address = models.CharField(_("địa chỉ"), max_length=500, blank=True)
    applicant_phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    applicant_email = models.EmailField(_("thư điện tử"), blank=True)
    submitter_name = models.CharField(_("người nộp thay"), max_length=255, blank=True)
    submitter_id_number = models.CharField(_("số CCCD người nộp thay"), max_length=20, blank=True)
    submitter_phone = models.CharField(_("điện thoại người nộp thay"), max_length=20, blank=True)
    authorisation_note = models.CharField(_("giấy ủy quyền"), max_length=500, blank=True)
    summary = models.CharField(_("trích yếu"), max_length=500, blank=True)
    form_data = models.JSONField(_("dữ liệu tờ khai"), default=dict, blank=True)

    fee_due = models.PositiveBigIntegerField(_("phí, lệ phí phải nộp (đồng)"), default=0)
    fee_paid = models.PositiveBigIntegerField(_("phí, lệ phí đã nộp (đồng)"), default=0)
    delivery = models.CharField(
        _("hình thức nhận kết quả"), max_length=20, choices=Delivery, default=Delivery.DESK
    )
    delivery_address = models.CharField(_("địa chỉ nhận kết quả"), max_length=500, blank=True)
    postal_waybill = models.CharField(_("số vận đơn bưu chính"), max_length=40, blank=True)
    postal_handover_at = models.DateTimeField(_("thời điểm bưu chính bàn giao"), null=True,
                                              blank=True)

    # Every instant, in UTC (shown in Asia/Ho_Chi_Minh).
    created_at = models.DateTimeField(_("tạo lúc"))
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    acceptance_due_at = models.DateTimeField(_("hạn tiếp nhận"), null=True, blank=True)
    received_at = models.DateTimeField(_("tiếp nhận lúc"), null=True, blank=True)
    # The legal due instant (statistics) and the appointment shown to the citizen: they differ
    # only after an apology with a new appointment (Mẫu 04), DESIGN.md "Working time".
    due_at = models.DateTimeField(_("hạn giải quyết theo quy định"), null=True, blank=True)
    appointment_at = models.DateTimeField(_("ngày hẹn trả kết quả"), null=True, blank=True)
    paused_at = models.DateTimeField(_("tạm dừng từ"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc xử lý lúc"), null=True, blank=True)
    returned_at = models.DateTimeField(_("trả kết quả lúc"), null=True, blank=True)
    supplement_requests = models.PositiveSmallIntegerField(_("số lần yêu cầu bổ sung"), default=0)
    reschedules = models.PositiveSmallIntegerField(_("số lần hẹn lại"), default=0)

    current_step = models.ForeignKey(
        "DossierStep", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("bước hiện tại"),
    )
    current_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="current_dossiers",
        db_index=False,
        verbose_name=_("đơn vị đang giữ hồ sơ"),
    )
    handler = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="handled_dossiers",
        db_index=False,
        verbose_name=_("người đang xử lý"),
    )

    class Meta:
        verbose_name = _("hồ sơ")
        verbose_name_plural = _("hồ sơ")
        # The foreign keys that lead these indexes have no index of their own (db_index=False):
        # a lone FK index made planners read a handler's or owner's finished dossiers too.
        indexes = [
            models.Index(fields=["current_unit", "status", "due_at"], name="dossier_unit_inbox"),
            models.Index(fields=["handler", "status", "due_at"], name="dossier_handler_inbox"),
            models.Index(fields=["receiving_unit", "status", "acceptance_due_at"],
                         name="dossier_desk_queue"),
            models.Index(fields=["owner", "-created_at"], name="dossier_owner"),
            models.Index(fields=["competent_unit", "received_at"], name="dossier_unit_period"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(channel__in=[1, 2, 3]), name="dossier_channel"),
            models.CheckConstraint(condition=Q(fee_paid__gte=0) & Q(fee_due__gte=0),
                                   name="dossier_fees_non_negative"),
            # Only a draft may lack a code (online dossiers get theirs on submission), and a
            # draft its owner cancelled before submitting keeps none (it never had a number).
            models.CheckConstraint(
                condition=Q(status="draft") | Q(code__isnull=False)
                | Q(status="stopped", submitted_at__isnull=True, received_at__isnull=True),
                name="dossier_code_after_draft",
            ),
            models.CheckConstraint(
                condition=~Q(delivery="post") | ~Q(delivery_address=""),
                name="dossier_post_delivery_has_address",
            ),
        ]

    def __str__(self) -> str:
        return self.code or f"#{self.pk} ({self.get_status_display()})"

    @property
    def national_code(self) -> int | None:
        return NATIONAL_CODE[Status(self.status)]


class DossierStep(models.Model):
    """One step of the dossier's internal process, with its own share of the time limit and
    its own due instant (DOMAIN.md §2.8: liên thông splits the lead agency's time)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    name = models.CharField(_("tên bước"), max_length=255)
    role = models.CharField(_("vai trò thực hiện"), max_length=30)
    actor = models.CharField(_("bộ phận thực hiện"), max_length=20, choices=StepActor)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("đơn vị thực hiện"))
    share = models.PositiveSmallIntegerField(_("tỷ lệ thời gian (%)"))
    allotted_us = models.BigIntegerField(_("thời gian được giao (micro giây làm việc)"), null=True)
    started_at = models.DateTimeField(_("bắt đầu"), null=True, blank=True)
    due_at = models.DateTimeField(_("hạn của bước"), null=True, blank=True)
    finished_at = models.DateTimeField(_("hoàn thành"), null=True, blank=True)
    used_us = models.BigIntegerField(_("thời gian đã dùng (micro giây làm việc)"), null=True)
    handler = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("người xử lý"))

    class Meta:
        ordering = ["dossier", "position"]
        verbose_name = _("bước xử lý của hồ sơ")
        verbose_name_plural = _("các bước xử lý của hồ sơ")
        constraints = [
            models.UniqueConstraint(fields=["dossier", "position"], name="dossier_step_position"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.name}"


class DossierPause(models.Model):
    """A stopped clock: supplement requested (5) or financial obligation (6)."""

    class Kind(models.TextChoices):
        SUPPLEMENT = "supplement", _("Yêu cầu bổ sung")
        OBLIGATION = "obligation", _("Nghĩa vụ tài chính")

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="pauses")
    kind = models.CharField(_("loại"), max_length=20, choices=Kind)
    reason = models.TextField(_("lý do"))
    started_at = models.DateTimeField(_("tạm dừng lúc"))
    ended_at = models.DateTimeField(_("tiếp tục lúc"), null=True, blank=True)
    due_before = models.DateTimeField(_("hạn trước khi tạm dừng"), null=True, blank=True)
    due_after = models.DateTimeField(_("hạn sau khi tiếp tục"), null=True, blank=True)

    class Meta:
        ordering = ["dossier", "started_at"]
        verbose_name = _("lần tạm dừng")
        verbose_name_plural = _("các lần tạm dừng")
        constraints = [
            # At most one open pause per dossier (an invariant in the database first).
            models.UniqueConstraint(fields=["dossier"], condition=Q(ended_at__isnull=True),
                                    name="one_open_pause_per_dossier"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.started_at:%Y-%m-%d}"


class DossierComponent(models.Model):
    """A component of the dossier: what the procedure asks for and what was received."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="components")
    component = models.ForeignKey(Component, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="+")
    name = models.TextField(_("tên giấy tờ"))
    originals = models.PositiveSmallIntegerField(_("số bản chính đã nhận"), default=0)
    copies = models.PositiveSmallIntegerField(_("số bản sao đã nhận"), default=0)

    class Meta:
        ordering = ["dossier", "id"]
        verbose_name = _("thành phần hồ sơ")
        verbose_name_plural = _("thành phần hồ sơ")

    def __str__(self) -> str:
        return self.name


class DossierFile(models.Model):
    """An uploaded file (stored through the storage API, outside the web root)."""

    class Purpose(models.TextChoices):
        SUBMISSION = "submission", _("Hồ sơ nộp")
        SUPPLEMENT = "supplement", _("Hồ sơ bổ sung")
        RESULT = "result", _("Kết quả")
        ATTACHMENT = "attachment", _("Tài liệu kèm theo")

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="files")
    component = models.ForeignKey(DossierComponent, on_delete=models.SET_NULL, null=True,
                                  blank=True, related_name="files")
    purpose = models.CharField(_("mục đích"), max_length=20, choices=Purpose)
    file = models.FileField(_("tệp"), upload_to="dossiers/%Y/%m/")
    name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(_("loại tệp"), max_length=100)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")
    uploaded_at = models.DateTimeField(_("tải lên lúc"))

    class Meta:
        ordering = ["dossier", "uploaded_at"]
        verbose_name = _("tệp hồ sơ")
        verbose_name_plural = _("tệp hồ sơ")

    def __str__(self) -> str:
        return self.name


class DossierResult(models.Model):
    """A result document (number, signer, date, file). A refusal letter counts as settled."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="results")
    name = models.CharField(_("tên kết quả"), max_length=500)
    number = models.CharField(_("số, ký hiệu"), max_length=100, blank=True)
    signer = models.CharField(_("người ký"), max_length=255, blank=True)
    signed_on = models.DateField(_("ngày ký"), null=True, blank=True)
    is_refusal = models.BooleanField(_("văn bản từ chối giải quyết"), default=False)
    file = models.ForeignKey(DossierFile, on_delete=models.PROTECT, null=True, blank=True,
                             related_name="+")

    class Meta:
        ordering = ["dossier", "id"]
        verbose_name = _("kết quả giải quyết")
        verbose_name_plural = _("kết quả giải quyết")

    def __str__(self) -> str:
        return f"{self.number} {self.name}".strip()


class DailySequence(models.Model):
    """The per-unit, per-day counter behind dossier codes (DOMAIN.md §8: NNNN from 0001)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "day"], name="daily_sequence_unit_day"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.day}: {self.last}"


class DossierEvent(models.Model):
    """The append-only history: the audit trail and the data behind Mẫu 05, the register and
    the national progress updates (CapNhatTienDoHoSoMC)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField(_("thời điểm"))
    actor = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True,
                              related_name="+", verbose_name=_("người thực hiện"))
    actor_role = models.CharField(_("vai trò"), max_length=30, blank=True)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, null=True, blank=True,
                             related_name="+", verbose_name=_("đơn vị"))
    action = models.CharField(_("thao tác"), max_length=30, choices=Action)
    from_status = models.CharField(_("từ trạng thái"), max_length=30, blank=True)
    to_status = models.CharField(_("sang trạng thái"), max_length=30)
    note = models.TextField(_("ghi chú"), blank=True)
    data = models.JSONField(_("dữ liệu"), default=dict, blank=True)
    step = models.ForeignKey(DossierStep, on_delete=models.PROTECT, null=True, blank=True,
                             related_name="events")
    allotted_us = models.BigIntegerField(_("thời gian được giao"), null=True, blank=True)
    used_us = models.BigIntegerField(_("thời gian đã dùng"), null=True, blank=True)

    class Meta:
        ordering = ["dossier", "at", "id"]
        verbose_name = _("sự kiện hồ sơ")
        verbose_name_plural = _("lịch sử hồ sơ")
        indexes = [models.Index(fields=["dossier", "at"], name="dossier_event_time")]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.at:%Y-%m-%d %H:%M})"

    def save(self, *args, **kwargs):
        # Append-only: an event, once written, is never changed.
        if self.pk is not None:
            raise TypeError("DossierEvent is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("DossierEvent is append-only")
