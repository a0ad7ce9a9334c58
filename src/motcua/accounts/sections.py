"""The staff sections a person may open (the header's links, where they land after sign-in),
by the permissions they hold somewhere (motcua.accounts.access); each page still checks its own
units."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from motcua.accounts.access import Permission, permissions_anywhere

P = Permission


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    url_name: str
    permissions: frozenset[Permission]
    # Where its holders land after signing in (reports are a place to visit, not to work in).
    lands: bool = True

    @property
    def url(self) -> str:
        return reverse(self.url_name)


SECTIONS = (
    Section("desk", _("Bộ phận Một cửa"), "desk:queue",
            frozenset({P.DOSSIER_RECEIVE, P.DOSSIER_ACCEPT_ONLINE, P.DOSSIER_RETURN_RESULT})),
    Section("processing", _("Xử lý hồ sơ"), "processing:inbox",
            frozenset({P.DOSSIER_PROCESS, P.DOSSIER_ASSIGN, P.DOSSIER_APPROVE})),
    Section("leader", _("Theo dõi hạn xử lý"), "processing:leader",
            frozenset({P.DOSSIER_ASSIGN, P.DOSSIER_APPROVE})),
    Section("reports", _("Báo cáo"), "reports:bieu06", frozenset({P.REPORTS_VIEW}),
            lands=False),
)


def sections_for(user) -> list[Section]:
    held = permissions_anywhere(user)
    return [section for section in SECTIONS if section.permissions & held]


def staff_sections(request) -> dict:
    """Context processor: `staff_sections`, read only when a template uses it (one query)."""
    return {"staff_sections": SimpleLazyObject(lambda: sections_for(request.user))}
