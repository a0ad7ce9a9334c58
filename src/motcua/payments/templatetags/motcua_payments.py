"""`{% fee_status dossier as fees %}`: what the fee partial shows, in one query at most."""

from datetime import datetime

from django import template

from motcua.core.clock import local
from motcua.payments import selectors, words

register = template.Library()


@register.simple_tag(takes_context=True)
def fee_status(context, dossier):
    request = context.get("request")
    user = getattr(request, "user", None)
    return selectors.fee_status_for(dossier=dossier, user=user)


@register.filter
def vnd_words(amount) -> str:
    """8000 → "Tám nghìn đồng" (the receipt's amount in words)."""
    return words.vnd_words(amount) if amount not in (None, "") else ""


@register.filter
def receipt_instant(value) -> str:
    """An instant as "dd/mm/yyyy HH:MM" in Vietnam's time (the receipt's payment time)."""
    return local(value).strftime("%d/%m/%Y %H:%M") if isinstance(value, datetime) else ""
