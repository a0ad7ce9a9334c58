"""Every error of the API as `{"code", "message", "field"}` (docs/api.md "Errors").

The dossier engine's errors carry their own stable code and HTTP status (motcua.dossiers.errors);
validation errors of the request name the field; authentication, not-found, CSRF and rate-limit
failures get fixed codes. Messages are Vietnamese, from gettext.
"""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from motcua.api.parser import NulCharacter
from motcua.dossiers.errors import DossierError

UNAUTHENTICATED = _("Cần đăng nhập hoặc gửi mã truy cập API hợp lệ (Authorization: Bearer …).")
NOT_FOUND = _("Không tìm thấy.")
FORBIDDEN = _("Bạn không có quyền thực hiện thao tác này.")
CSRF_FAILED = _("Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF). Vui lòng tải lại trang.")
RATE_LIMITED = _("Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau ít phút.")
INVALID = _("Dữ liệu không hợp lệ.")
MALFORMED_BODY = _("Nội dung yêu cầu không phải là JSON hợp lệ.")
MISSING = _("Trường “{field}” là bắt buộc.")
INVALID_FIELD = _("Giá trị của trường “{field}” không hợp lệ.")

# The services name their arguments; the API names its inputs (a procedure's catalog code
# stands for the version the service receives).
FIELD_ALIASES = {"procedure_version": "procedure"}
# Where ninja puts a parameter: the first item of an error's location, never a field name.
_SOURCES = {"body", "query", "path", "header", "cookie", "form", "file"}


def error_body(code: str, message: str, field: str | None = None) -> dict:
    return {"code": code, "message": str(message), "field": field}


def field_of(loc: list) -> str | None:
    """`["body", "payload", "results", 0, "name"]` → `results.0.name`."""
    parts = list(loc)
    if parts and parts[0] in _SOURCES:
        parts = parts[1:]
        # Body and form schemas are wrapped in the endpoint's parameter name.
        if len(parts) > 1 and loc[0] in {"body", "form"}:
            parts = parts[1:]
    return ".".join(str(p) for p in parts) or None


def _validation_message(error: dict, field: str | None) -> str:
    if field is None:
        return str(INVALID)
    template = MISSING if error.get("type") == "missing" else INVALID_FIELD
    return str(template).format(field=field)


def install(api: NinjaAPI) -> None:
    """Register the handlers on `api` (one shape for every router)."""

    def respond(request, status: int, body: dict, headers: dict | None = None):
        response = api.create_response(request, body, status=status)
        for name, value in (headers or {}).items():
            response[name] = value
        return response

    @api.exception_handler(DossierError)
    def dossier_error(request, exc: DossierError):
        field = FIELD_ALIASES.get(exc.field, exc.field)
        return respond(request, exc.status, error_body(exc.code, exc.text, field))

    @api.exception_handler(ValidationError)
    def validation_error(request, exc: ValidationError):
        error = exc.errors[0] if exc.errors else {}
        field = field_of(error.get("loc", []))
        return respond(request, 422, error_body("invalid_input",
                                                _validation_message(error, field), field))

    @api.exception_handler(DjangoValidationError)
    def django_validation_error(request, exc: DjangoValidationError):
        field, messages = next(iter(getattr(exc, "message_dict", {}).items()), (None, exc.messages))
        field = None if field == "__all__" else field
        return respond(request, 422, error_body("invalid_input", messages[0], field))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        return respond(request, 401, error_body("unauthenticated", UNAUTHENTICATED),
                       {"WWW-Authenticate": "Bearer"})

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return respond(request, 404, error_body("not_found", NOT_FOUND))

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return respond(request, 403, error_body("forbidden", str(exc) or FORBIDDEN))

    @api.exception_handler(Throttled)
    def throttled(request, exc: Throttled):
        headers = {"Retry-After": str(int(exc.wait))} if exc.wait else {}
        return respond(request, 429, error_body("rate_limited", RATE_LIMITED), headers)

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        if isinstance(exc.__cause__, NulCharacter):  # the body parser's refusal (api.parser)
            field = field_of(exc.__cause__.loc)
            return respond(request, 422, error_body("invalid_input",
                                                    str(INVALID_FIELD).format(field=field),
                                                    field))
        if exc.status_code == 400 and exc.message.startswith("Cannot parse request body"):
            return respond(request, 400, error_body("malformed_body", MALFORMED_BODY))
        if exc.status_code == 403 and "CSRF" in exc.message:
            return respond(request, 403, error_body("csrf_failed", CSRF_FAILED))
        return respond(request, exc.status_code, error_body("http_error", exc.message))
