"""Links to the printed forms (Mẫu 01–05, the stop notice) the documents app renders as PDF;
the desk calls the receipt "In giấy tiếp nhận (Mẫu 01)"."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from motcua.documents.forms import form_links
from motcua.dossiers.models import Dossier

RECEIPT_SLUG = "mau-01"
RECEIPT_TITLE = _("In giấy tiếp nhận (Mẫu 01)")


def receipt_url(code: str) -> str:
    return reverse("documents:dossier-form", args=[code, RECEIPT_SLUG])


def printed_forms(dossier: Dossier) -> list[tuple[str, str]]:
    """[(title, url)] of the forms this dossier's history has (one query)."""
    return [(str(RECEIPT_TITLE) if link.slug == RECEIPT_SLUG else link.title, link.url)
            for link in form_links(dossier)]
