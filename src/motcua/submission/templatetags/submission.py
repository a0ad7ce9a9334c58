"""Template helpers of the submission wizard."""

from django import template

register = template.Library()


@register.filter
def filesize_vi(size) -> str:
    """Bytes as the citizen reads them, Vietnamese decimal comma: 1,5 MB, 320 KB, 900 byte."""
    if size is None:
        return ""
    size = int(size)
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    if size >= 1024:
        return f"{size // 1024} KB"
    return f"{size} byte"


@register.filter
def field_anchor(field) -> str:
    """The id an error-summary link points at: the input, or a group's first option."""
    if field.widget_type == "radioselect":
        return f"{field.auto_id}_0"
    return field.id_for_label
