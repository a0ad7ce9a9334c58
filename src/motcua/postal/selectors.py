from motcua.catalog.choices import Channel
from motcua.catalog.models import Procedure
from motcua.catalog.selectors import procedure_list
from motcua.postal.models import PostalOrder


def postal_orders_for(*, dossier) -> list[PostalOrder]:
    """The dossier's postal orders (pick-up, delivery) with their tracking codes."""
    return list(PostalOrder.objects.filter(dossier=dossier).order_by("created_at"))


def postal_procedures() -> list[Procedure]:
    """Published procedures whose dossiers may be sent by post (one query)."""
    return list(procedure_list(channel=Channel.POSTAL))


def postal_pickups_for(*, owner) -> list[PostalOrder]:
    """The person's own pick-up orders, newest first (one query)."""
    return list(_pickups(owner))


def postal_pickup_get_for(*, owner, order_number: str) -> PostalOrder | None:
    """One of the person's own pick-ups; None for another person's or an unknown number."""
    return _pickups(owner).filter(order_number=order_number).first()


def _pickups(owner):
    return (PostalOrder.objects.filter(owner=owner, kind=PostalOrder.Kind.PICKUP)
            .select_related("unit", "procedure_version", "dossier")
            .order_by("-created_at", "-pk"))
