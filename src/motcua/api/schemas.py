"""Schemas shared by every router of the API."""

from datetime import datetime
from typing import Annotated

from ninja import Field, Schema
from pydantic import PlainSerializer

from motcua.core.clock import local

# Instants are stored in UTC and shown in Vietnam's time (DESIGN.md): answers carry +07:00.
LocalDateTime = Annotated[
    datetime, PlainSerializer(lambda value: local(value).isoformat(), return_type=str)
]


class ErrorOut(Schema):
    """The one error shape of the API (docs/api.md "Errors")."""

    code: str = Field(description="Mã lỗi ổn định / stable error code, e.g. dossier_changed")
    message: str = Field(description="Thông báo tiếng Việt / message for people, in Vietnamese")
    field: str | None = Field(None, description="Trường có lỗi / the offending field, if any")


# Responses every authenticated dossier endpoint may give besides its own.
COMMON_ERRORS = {status: ErrorOut for status in (400, 401, 403, 404, 409, 422)}
