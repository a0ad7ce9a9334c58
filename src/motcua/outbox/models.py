"""The transactional outbox: work for other systems (a message to the applicant, a progress
update to the national portal, a postal order) is written in the same transaction as the
dossier change that causes it, then done by a background worker with retries.

If the change rolls back, the message never existed; if a worker dies mid-job, the message's
lease runs out and another worker takes it again; `key` makes enqueuing the same work twice a
no-op. Handlers are therefore run at least once and must be idempotent (see `handlers.py`).
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Đang chờ")
        DONE = "done", _("Đã xong")
        FAILED = "failed", _("Thất bại")

    topic = models.CharField(_("loại việc"), max_length=60)
    # The same work is queued once: e.g. "notify:<event id>", "sync:<dossier>:<version>".
    key = models.CharField(_("khóa"), max_length=160, unique=True)
    payload = models.JSONField(_("dữ liệu"), default=dict)
    dossier = models.ForeignKey("dossiers.Dossier", on_delete=models.PROTECT, null=True,
                                blank=True, related_name="+", verbose_name=_("hồ sơ"))
    state = models.CharField(_("trạng thái"), max_length=10, choices=State,
                             default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(_("số lần thử"), default=0)
    next_attempt_at = models.DateTimeField(_("thử lại lúc"))
    # Set while a worker runs the message; a worker killed mid-job lets go when it passes.
    locked_until = models.DateTimeField(_("đang chạy đến"), null=True, blank=True)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)
    created_at = models.DateTimeField(_("tạo lúc"))
    done_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("việc chờ gửi")
        verbose_name_plural = _("việc chờ gửi")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["next_attempt_at"], condition=Q(state="pending"),
                         name="outbox_pending_due"),
        ]

    def __str__(self) -> str:
        return f"{self.topic} {self.key}"


class PeriodicJob(models.Model):
    """When each periodic job last ran: several scheduler processes share it, so a job runs
    once per period across the cluster (the row is locked while it is claimed)."""

    name = models.CharField(_("tên"), max_length=60, primary_key=True)
    last_started_at = models.DateTimeField(_("bắt đầu lần cuối"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("xong lần cuối"), null=True, blank=True)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)

    class Meta:
        verbose_name = _("việc định kỳ")
        verbose_name_plural = _("việc định kỳ")

    def __str__(self) -> str:
        return self.name
