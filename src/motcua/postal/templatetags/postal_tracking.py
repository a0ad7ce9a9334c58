"""`{% postal_orders_of dossier as orders %}`: the tracking partial reads a dossier's postal
orders itself, so the citizen's and the desk's dossier pages include it without their views
knowing about the post (one query)."""

from django import template

from motcua.postal.selectors import postal_orders_for

register = template.Library()


@register.simple_tag
def postal_orders_of(dossier) -> list:
    return postal_orders_for(dossier=dossier)
