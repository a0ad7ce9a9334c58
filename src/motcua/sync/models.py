from django.db import models
from django.utils.translation import gettext_lazy as _


class SyncState(models.Model):
    """What the national portal last accepted for a dossier: later deliveries of older states
    (a retried or out-of-order message) are skipped, and updates say `isUpdating`."""

    dossier = models.OneToOneField("dossiers.Dossier", on_delete=models.CASCADE,
                                   related_name="sync_state", verbose_name=_("hồ sơ"))
    version_sent = models.PositiveIntegerField(_("phiên bản đã đồng bộ"))
    first_sent_at = models.DateTimeField(_("đồng bộ lần đầu"))
    last_sent_at = models.DateTimeField(_("đồng bộ gần nhất"))

    class Meta:
        verbose_name = _("trạng thái đồng bộ")
        verbose_name_plural = _("trạng thái đồng bộ")

    def __str__(self) -> str:
        return f"{self.dossier_id} v{self.version_sent}"
