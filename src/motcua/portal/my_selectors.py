"""Reads behind the citizen's "My dossiers" pages, on top of `motcua.dossiers.selectors`."""

from dataclasses import dataclass

from django.db.models import BooleanField, Case, Exists, F, OuterRef, Q, Value, When

from motcua.dossiers.models import Dossier, DossierEvent
from motcua.dossiers.selectors import (
    dossier_detail_queryset,
    dossier_events,
    dossier_list_for_citizen,
)
from motcua.dossiers.statuses import Status
from motcua.portal.citizen_status import NO_FEE as _NO_FEE
from motcua.ratings.models import Rating


@dataclass(frozen=True, slots=True)
class MyDossiers:
    dossiers: list[Dossier]  # submitted or received, newest first
    drafts: list[Dossier]


def my_dossier_list(*, citizen) -> MyDossiers:
    """The citizen's dossiers in one query: each with `owes_fee` and `rated` computed by the
    database, so the list reads no fee column and no rating row per dossier."""
    rows = list(
        dossier_list_for_citizen(citizen=citizen).annotate(
            owes_fee=Case(
                When(Q(fee_due__gt=F("fee_paid")) & ~Q(status__in=list(_NO_FEE)),
                     then=Value(True)),
                default=Value(False), output_field=BooleanField(),
            ),
            rated=Exists(Rating.objects.filter(dossier=OuterRef("pk"))),
        )
    )
    drafts = [d for d in rows if d.status == Status.DRAFT]
    return MyDossiers(dossiers=[d for d in rows if d.status != Status.DRAFT], drafts=drafts)


def my_dossier_detail_queryset():
    """A dossier's page: its detail (steps, components, files, results with their files,
    pauses) in a fixed number of queries."""
    return dossier_detail_queryset().prefetch_related("results__file")


def my_dossier_events(*, dossier: Dossier) -> list[DossierEvent]:
    return list(dossier_events(dossier=dossier))


def dossier_is_rated(*, dossier: Dossier) -> bool:
    return Rating.objects.filter(dossier=dossier).exists()
