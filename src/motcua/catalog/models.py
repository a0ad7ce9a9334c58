"""Procedure catalog: fields, procedures and their immutable versions.

A Procedure is only an identity (our stable code, the national code). Everything the law says
about it lives on a ProcedureVersion and its child rows. A published version is never changed:
a dossier received under version 3 keeps version 3's time limit, fees and components when the
catalog moves on (issue #2 §3). Drafts (published_at is null) are the only editable versions;
services.py publishes them. See docs/catalog.md.
"""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from motcua.accounts.roles import Role
from motcua.catalog import timelimits
from motcua.catalog.choices import (
    Channel,
    FeeFormula,
    FeeKind,
    FeeSetBy,
    FeeUnit,
    OnlineLevel,
    StageMode,
    StepActor,
    TimeLimitKind,
    Verification,
)
from motcua.catalog.content import Stage, TimeLimit
from motcua.core.clock import local, now

PROCEDURE_CODE_PATTERN = r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$"  # HT-01, BTXH-05: safe in URLs


class Field(models.Model):
    """A field of administration (lĩnh vực): Hộ tịch, Chứng thực, Đất đai…"""

    code = models.SlugField(_("mã lĩnh vực"), max_length=40, unique=True)
    name = models.CharField(_("tên lĩnh vực"), max_length=255)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")

    def __str__(self) -> str:
        return self.name


class Procedure(models.Model):
    """An administrative procedure (thủ tục hành chính); its content is `current_version`."""

    code = models.CharField(
        _("mã thủ tục"), max_length=20, unique=True,
        validators=[RegexValidator(PROCEDURE_CODE_PATTERN)],
        help_text=_("Mã ổn định trong danh mục, ví dụ HT-01; dùng trong địa chỉ trang và API."),
    )
    national_code = models.CharField(
        _("mã TTHC quốc gia"), max_length=20, blank=True,
        help_text=_("Mã trên Cơ sở dữ liệu quốc gia về TTHC, ví dụ 1.001193."),
    )
    national_code_verified = models.BooleanField(_("mã TTHC đã đối chiếu"), default=False)
    current_version = models.ForeignKey(
        "ProcedureVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("phiên bản hiện hành"),
    )
    # fold(code, national code, names, field) of the current version: one search rule for
    # SQLite and PostgreSQL (motcua.core.text).
    search_text = models.TextField(_("chuỗi tìm kiếm"), blank=True, editable=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")
        constraints = [
            models.UniqueConstraint(
                fields=["national_code"], condition=~Q(national_code=""),
                name="procedure_national_code_unique_when_set",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.name}" if self.name else self.code

    def get_absolute_url(self) -> str:
        return reverse("catalog:procedure-detail", kwargs={"code": self.code})

    @property
    def name(self) -> str:
        """The current version's name; empty before the first publication."""
        return self.current_version.name if self.current_version_id else ""


class ProcedureVersion(models.Model):
    procedure = models.ForeignKey(
        Procedure, on_delete=models.PROTECT, related_name="versions", verbose_name=_("thủ tục")
    )
    number = models.PositiveIntegerField(_("số phiên bản"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("công bố lúc"), null=True, blank=True, editable=False)
    content_hash = models.CharField(_("dấu vân nội dung"), max_length=64, blank=True,
                                    editable=False)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    name = models.CharField(_("tên thủ tục"), max_length=500)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=500, blank=True)
    field = models.ForeignKey(Field, on_delete=models.PROTECT, related_name="versions",
                              verbose_name=_("lĩnh vực"))
    level = models.ForeignKey(
        "agencies.AdministrativeLevel", on_delete=models.PROTECT, related_name="+",
        verbose_name=_("cấp thực hiện"),
    )
    level_note = models.CharField(_("ghi chú cấp thực hiện"), max_length=255, blank=True)
    level_before_2025_07 = models.ForeignKey(
        "agencies.AdministrativeLevel", on_delete=models.PROTECT, related_name="+",
        null=True, blank=True, verbose_name=_("cấp thực hiện trước 01/7/2025"),
        help_text=_("Để trống nếu giống cấp hiện nay."),
    )
    level_before_2025_07_note = models.CharField(
        _("ghi chú cấp trước 01/7/2025"), max_length=255, blank=True
    )
    competent_unit = models.ForeignKey(
        "agencies.Unit", on_delete=models.PROTECT, related_name="+", null=True, blank=True,
        verbose_name=_("cơ quan có thẩm quyền"),
        help_text=_("Để trống: đơn vị thuộc cấp thực hiện nơi tiếp nhận hồ sơ."),
    )
    online_level = models.CharField(_("mức độ dịch vụ công trực tuyến"), max_length=20,
                                     choices=OnlineLevel)
    channel_direct = models.BooleanField(_("nộp trực tiếp"), default=True)
    channel_online = models.BooleanField(_("nộp trực tuyến"), default=False)
    channel_postal = models.BooleanField(_("nộp qua bưu chính"), default=False)

    time_limit_kind = models.CharField(_("loại thời hạn"), max_length=20, choices=TimeLimitKind)
    time_limit_value = models.DecimalField(
        _("thời hạn"), max_digits=7, decimal_places=2, null=True, blank=True,
        help_text=_("Để trống khi pháp luật không quy định cụ thể."),
    )
    time_limit_extension = models.DecimalField(
        _("gia hạn khi cần xác minh (ngày làm việc)"), max_digits=5, decimal_places=2,
        null=True, blank=True,
    )
    time_limit_text = models.TextField(_("thời hạn theo văn bản"), blank=True)
    time_limit_exclusions = models.TextField(
        _("thời gian không tính vào thời hạn"), blank=True, help_text=_("Mỗi dòng một mục.")
    )
    stage_mode = models.CharField(_("cách tính các giai đoạn"), max_length=20, blank=True,
                                  choices=StageMode)
    fee_text = models.TextField(_("phí, lệ phí (diễn giải)"), blank=True)
    legal_basis = models.TextField(_("căn cứ pháp lý"), blank=True,
                                   help_text=_("Mỗi dòng một văn bản."))
    sources = models.TextField(_("nguồn tham khảo"), blank=True, help_text=_("Mỗi dòng một nguồn."))
    notes = models.TextField(_("ghi chú"), blank=True)
    verification = models.CharField(_("mức độ xác minh"), max_length=20, choices=Verification,
                                    default=Verification.UNVERIFIED)

    class Meta:
        ordering = ["procedure__code", "number"]
        verbose_name = _("phiên bản thủ tục")
        verbose_name_plural = _("phiên bản thủ tục")
        constraints = [
            models.UniqueConstraint(fields=["procedure", "number"],
                                    name="procedure_version_number_unique"),
            # At most one open draft per procedure (like Wagtail's one open workflow).
            models.UniqueConstraint(fields=["procedure"], condition=Q(published_at__isnull=True),
                                    name="procedure_one_draft"),
            models.CheckConstraint(
                condition=Q(number__isnull=True, published_at__isnull=True)
                | Q(number__isnull=False, published_at__isnull=False),
                name="procedure_version_published_has_number",
            ),
        ]

    def __str__(self) -> str:
        label = _("bản nháp") if self.number is None else _("phiên bản %(n)s") % {"n": self.number}
        return f"{self.procedure.code} – {label}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def channels(self) -> list[int]:
        flags = (self.channel_direct, self.channel_online, self.channel_postal)
        return [code for code, on in zip(Channel.values, flags, strict=True) if on]

    def channel_labels(self) -> list[str]:
        return [str(Channel(code).label) for code in self.channels]

    @property
    def time_limit(self) -> TimeLimit:
        """The limit as content values (reads the prefetched `stages`)."""
        return TimeLimit(
            kind=self.time_limit_kind,
            value=self.time_limit_value,
            verification_extension_working_days=self.time_limit_extension,
            text=self.time_limit_text,
            exclusions=tuple(split_lines(self.time_limit_exclusions)),
            stage_mode=self.stage_mode,
            stages=tuple(stage.as_content() for stage in self.stages.all()),
        )

    def duration_spec(self, *, case: str | None = None, verification: bool = False) -> str | None:
        """`5d`, `0.5d`, `4h`, `10cd`, `sameday`, or None when not fixed (motcua.workcal)."""
        return timelimits.duration_spec(self.time_limit, case=case, verification=verification)

    def time_limit_description(self) -> str:
        return timelimits.describe(self.time_limit)


def _version_fk(related_name: str) -> models.ForeignKey:
    # CASCADE only ever deletes drafts: published versions are protected by their procedure
    # and never deleted by a service.
    return models.ForeignKey(ProcedureVersion, on_delete=models.CASCADE,
                             related_name=related_name, verbose_name=_("phiên bản"))


class VersionPart(models.Model):
    """A child row of a version, kept in the order of the source document."""

    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "id"]


class TimeLimitStage(VersionPart):
    version = _version_fk("stages")
    case = models.CharField(_("giai đoạn / trường hợp"), max_length=255)
    kind = models.CharField(_("loại thời hạn"), max_length=20, choices=TimeLimitKind)
    value = models.DecimalField(_("thời hạn"), max_digits=7, decimal_places=2, null=True,
                                blank=True)
    extension = models.DecimalField(_("gia hạn khi cần xác minh (ngày làm việc)"),
                                    max_digits=5, decimal_places=2, null=True, blank=True)

    class Meta(VersionPart.Meta):
        verbose_name = _("giai đoạn thời hạn")
        verbose_name_plural = _("giai đoạn thời hạn")

    def __str__(self) -> str:
        return self.case

    def as_content(self) -> Stage:
        return Stage(self.case, self.kind, self.value, self.extension)

    def description(self) -> str:
        return timelimits.describe_limit(self.kind, self.value, self.extension)


class Fee(VersionPart):
    version = _version_fk("fees")
    name = models.CharField(_("tên khoản thu"), max_length=255)
    kind = models.CharField(_("loại"), max_length=10, choices=FeeKind)
    amount = models.PositiveBigIntegerField(_("mức thu (đồng)"), null=True, blank=True)
    formula = models.CharField(_("công thức"), max_length=40, blank=True, choices=FeeFormula)
    unit = models.CharField(_("đơn vị tính"), max_length=20, choices=FeeUnit,
                            default=FeeUnit.PER_CASE)
    set_by = models.CharField(_("cơ quan quy định"), max_length=20, choices=FeeSetBy)
    is_example = models.BooleanField(_("mức thu ví dụ"), default=False,
                                     help_text=_("Mức của một tỉnh, cần thay bằng mức địa phương."))
    is_unverified = models.BooleanField(_("chưa xác minh"), default=False)
    free_if_on_time = models.BooleanField(_("miễn khi đăng ký đúng hạn"), default=False)
    online_discount_percent = models.PositiveSmallIntegerField(
        _("giảm khi nộp trực tuyến (%)"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    online_discount_from = models.DateField(_("giảm từ ngày"), null=True, blank=True)
    online_discount_until = models.DateField(_("giảm đến ngày"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta(VersionPart.Meta):
        verbose_name = _("phí, lệ phí")
        verbose_name_plural = _("phí, lệ phí")
        constraints = [
            models.CheckConstraint(condition=Q(amount__isnull=True) | Q(formula=""),
                                   name="fee_amount_or_formula"),
            models.CheckConstraint(
                condition=Q(online_discount_percent__isnull=True)
                | Q(online_discount_percent__gte=1, online_discount_percent__lte=100),
                name="fee_discount_is_a_percentage",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def online_discount_ended(self) -> bool:
        """The online discount's period is over (e.g. "−30 % until 31/12/2023"): pages must
        not promise a reduction that no longer applies."""
        return self.online_discount_until is not None and (
            self.online_discount_until < local(now()).date()
        )


class Component(VersionPart):
    version = _version_fk("components")
    name = models.TextField(_("tên giấy tờ"))
    originals = models.PositiveSmallIntegerField(_("số bản chính"), default=1)
    copies = models.PositiveSmallIntegerField(_("số bản sao"), default=0)
    required = models.BooleanField(_("bắt buộc"), default=True)
    template = models.FileField(_("mẫu đơn, tờ khai"), upload_to="catalog/forms/%Y/",
                                blank=True, max_length=255)

    class Meta(VersionPart.Meta):
        verbose_name = _("thành phần hồ sơ")
        verbose_name_plural = _("thành phần hồ sơ")

    def __str__(self) -> str:
        return self.name


class ResultDocument(VersionPart):
    version = _version_fk("results")
    name = models.CharField(_("tên kết quả"), max_length=500)

    class Meta(VersionPart.Meta):
        verbose_name = _("kết quả thực hiện")
        verbose_name_plural = _("kết quả thực hiện")

    def __str__(self) -> str:
        return self.name


class ProcessStep(VersionPart):
    """A step of the internal process (quy trình nội bộ) with its share of the time limit."""

    version = _version_fk("steps")
    name = models.CharField(_("tên bước"), max_length=255)
    role = models.CharField(_("vai trò thực hiện"), max_length=30, choices=Role)
    actor = models.CharField(_("bộ phận thực hiện"), max_length=20, choices=StepActor)
    agency = models.CharField(_("cơ quan phối hợp"), max_length=255, blank=True)
    share = models.PositiveSmallIntegerField(
        _("tỷ lệ thời gian (%)"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    class Meta(VersionPart.Meta):
        verbose_name = _("bước xử lý")
        verbose_name_plural = _("quy trình nội bộ")
        constraints = [
            models.CheckConstraint(condition=Q(share__gte=1, share__lte=100),
                                   name="process_step_share_is_a_percentage"),
        ]

    def __str__(self) -> str:
        return self.name


def split_lines(text: str) -> list[str]:
    """Multi-valued text columns (legal basis, sources…) hold one item per line."""
    return [line.strip() for line in text.splitlines() if line.strip()]
