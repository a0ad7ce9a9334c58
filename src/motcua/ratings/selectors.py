"""Reads of ratings."""

from motcua.dossiers.models import Dossier
from motcua.ratings.models import Rating


def rating_for(*, dossier: Dossier) -> Rating | None:
    """The dossier's rating, if it has one (one query)."""
    return Rating.objects.filter(dossier=dossier).first()
