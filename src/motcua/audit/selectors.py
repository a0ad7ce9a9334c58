"""What the data subject sees of the access log (the right to know how one's personal data is
processed: Law 91/2025/QH15; Decree 13/2023/NĐ-CP Art. 9 §1 before it)."""

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from motcua.audit.models import PersonalDataRead

PER_PAGE = 50


def reads_of(*, citizen) -> QuerySet[PersonalDataRead]:
    """Reads of `citizen`'s data by others, newest first (the rows naming them as applicant:
    their dossiers read by an officer, their account found by a CCCD search)."""
    return (PersonalDataRead.objects.filter(applicant=citizen)
            .select_related("dossier").only("at", "kind", "reader_name", "reader_username",
                                            "unit_name", "role", "dossier__code"))


def reads_page(*, citizen, number) -> Page:
    return Paginator(reads_of(citizen=citizen), PER_PAGE).get_page(number)
