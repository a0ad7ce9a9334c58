"""The access log of personal data (nhật ký truy cập dữ liệu cá nhân).

The Law on Personal Data Protection 91/2025/QH15 (in force since 1/1/2026, detailed by Decree
356/2025/NĐ-CP; it replaced Decree 13/2023/NĐ-CP): the controller records the processing of
personal data (Decree 13 Art. 38 §2 said "ghi lại và lưu trữ nhật ký hệ thống quá trình xử lý
dữ liệu cá nhân"), and the data subject has the right to know how their data is processed
(Decree 13 Art. 9 §1, "quyền được biết"; a right the law keeps). One row says who (an
officer) read whose data (an applicant, through a dossier), when, from where, what and on
which address. See docs/audit.md.

Append-only: the admin shows rows read-only, and on PostgreSQL a trigger (migration 0002)
refuses DELETE and any UPDATE other than the database clearing a foreign key when a user or unit
is deleted: the snapshot columns (names, unit name, role) keep the row readable then.
The applicant's CCCD is never stored in clear: a look-up that found nobody keeps a keyed hash.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Unit
from motcua.dossiers.models import Dossier


class Kind(models.TextChoices):
    """What was read. Stable values: filters, exports and the citizen's page rely on them."""

    DOSSIER_PAGE = "dossier.page", _("Trang hồ sơ")
    DOSSIER_FILE = "dossier.file", _("Tệp của hồ sơ")
    API_DOSSIER = "api.dossier", _("Chi tiết hồ sơ qua API")
    APPLICANT_SEARCH = "desk.applicant_search", _("Tìm công dân theo số CCCD")
    REGISTER_EXPORT = "register.export", _("Xuất sổ theo dõi hồ sơ")
    PRINTED_FORM = "document.form", _("Biểu mẫu in của hồ sơ")


class PersonalDataRead(models.Model):
    at = models.DateTimeField(_("thời điểm"), db_index=True)
    kind = models.CharField(_("nội dung truy cập"), max_length=40, choices=Kind)
    path = models.CharField(_("địa chỉ trang"), max_length=300)
    ip = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)

    # Who read. The FK is cleared if the account is ever deleted; the snapshot stays.
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("người truy cập"),
    )
    reader_username = models.CharField(_("tên đăng nhập"), max_length=150)
    reader_name = models.CharField(_("họ và tên người truy cập"), max_length=150, blank=True)
    unit = models.ForeignKey(
        Unit, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("đơn vị"),
    )
    unit_name = models.CharField(_("tên đơn vị"), max_length=255, blank=True)
    role = models.CharField(_("vai trò"), max_length=30, blank=True)

    # Whose data. The dossier is kept (PROTECT): a dossier that was read is evidence.
    dossier = models.ForeignKey(
        Dossier, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        db_index=False, verbose_name=_("hồ sơ"),
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", db_index=False, verbose_name=_("tài khoản chủ hồ sơ"),
    )
    # HMAC-SHA256 (keyed with SECRET_KEY) of a CCCD searched for that matched no account.
    cccd_hash = models.CharField(_("mã băm số CCCD"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("lượt truy cập dữ liệu cá nhân")
        verbose_name_plural = _("nhật ký truy cập dữ liệu cá nhân")
        ordering = ["-at", "-pk"]
        indexes = [
            # The citizen's page: their rows, newest first; the admin's "by dossier".
            models.Index(fields=["applicant", "-at"], name="audit_read_applicant"),
            models.Index(fields=["dossier", "-at"], name="audit_read_dossier"),
            models.Index(fields=["reader", "-at"], name="audit_read_reader"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=Kind.values),
                                   name="audit_read_known_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.reader_username} {self.kind}"
