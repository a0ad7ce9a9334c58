"""Filters for printed forms: instants as the official forms write them, in Vietnam's time
whatever the display time zone (MOTCUA_TIME_ZONE)."""

from datetime import datetime

from django import template

from motcua.core.clock import local

register = template.Library()


@register.filter
def gio_ngay(value) -> str:
    """An instant as "08 giờ 30 phút, ngày 26/11/2026" (Mẫu 01 items 4 and 5)."""
    if not isinstance(value, datetime):
        return ""
    at = local(value)
    return f"{at:%H} giờ {at:%M} phút, ngày {at:%d/%m/%Y}"
