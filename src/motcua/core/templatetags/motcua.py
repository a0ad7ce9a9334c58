"""Template filters for Vietnamese figures: money as 1.234.567 đ, dates as dd/mm/yyyy."""

from datetime import date, datetime

from django import template

from motcua.core.clock import local

register = template.Library()


def group_thousands(amount: int) -> str:
    return f"{int(amount):,}".replace(",", ".")


@register.filter
def vnd(amount) -> str:
    """1234567 → "1.234.567 đ"; None → "" (a fee not set is not a free fee)."""
    if amount is None or amount == "":
        return ""
    return f"{group_thousands(amount)} đ"


@register.filter
def vndate(value) -> str:
    """A date or an instant as dd/mm/yyyy (an instant in Vietnam's time)."""
    if isinstance(value, datetime):
        return local(value).strftime("%d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return ""


@register.filter
def vndatetime(value) -> str:
    """An instant as "HH:MM dd/mm/yyyy" in Vietnam's time, as the official forms print it."""
    if isinstance(value, datetime):
        return local(value).strftime("%H:%M %d/%m/%Y")
    return ""
