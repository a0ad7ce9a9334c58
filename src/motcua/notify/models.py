"""Every message sent to a citizen or an officer, with its delivery state, and the channels
each person chose."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    EMAIL = "email", _("Thư điện tử")
    SMS = "sms", _("Tin nhắn SMS")
    ZALO = "zalo", _("Zalo")


class Notification(models.Model):
    class State(models.TextChoices):
        SENDING = "sending", _("Đang gửi")
        SENT = "sent", _("Đã gửi")
        FAILED = "failed", _("Gửi lỗi")

    # The outbox message's key and the channel and recipient: a retried message never sends
    # again what it already sent (see services._deliver).
    key = models.CharField(_("khóa"), max_length=220, unique=True)
    channel = models.CharField(_("kênh"), max_length=10, choices=Channel)
    recipient = models.CharField(_("người nhận"), max_length=254)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                             blank=True, related_name="+", verbose_name=_("người dùng"))
    dossier = models.ForeignKey("dossiers.Dossier", on_delete=models.PROTECT, null=True,
                                blank=True, related_name="+", verbose_name=_("hồ sơ"))
    subject = models.CharField(_("tiêu đề"), max_length=255, blank=True)
    body = models.TextField(_("nội dung"))
    state = models.CharField(_("trạng thái"), max_length=10, choices=State)
    error = models.TextField(_("lỗi"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("số lần gửi"), default=0)
    created_at = models.DateTimeField(_("tạo lúc"))
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo đã gửi")
        verbose_name_plural = _("thông báo đã gửi")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} → {self.recipient}"


class Preference(models.Model):
    """The channels a person wants to hear on; without a row, e-mail and SMS."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="notification_preference",
                                verbose_name=_("người dùng"))
    email = models.BooleanField(_("thư điện tử"), default=True)
    sms = models.BooleanField(_("tin nhắn SMS"), default=True)
    zalo = models.BooleanField(_("Zalo"), default=False)

    class Meta:
        verbose_name = _("kênh nhận thông báo")
        verbose_name_plural = _("kênh nhận thông báo")

    def __str__(self) -> str:
        return str(self.user)

    def channels(self) -> set[str]:
        return {c for c in Channel.values if getattr(self, c)}


DEFAULT_CHANNELS = frozenset({Channel.EMAIL, Channel.SMS})
