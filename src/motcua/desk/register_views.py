"""The register (Mẫu 06) on screen, as Excel, and as PDF when the documents app renders it."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from motcua.agencies.models import Unit
from motcua.audit.models import Kind
from motcua.audit.services import reads_record
from motcua.catalog.models import Procedure
from motcua.core.clock import local, now
from motcua.desk.access import desk_required, desk_units
from motcua.desk.excel import register_workbook
from motcua.desk.forms import RegisterFilterForm
from motcua.desk.register import RegisterFilter, register_all, register_page

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filters(request: HttpRequest) -> tuple[RegisterFilterForm, RegisterFilter | None]:
    procedures = (Procedure.objects.filter(current_version__isnull=False)
                  .select_related("current_version").only("code", "current_version__name")
                  .order_by("code"))
    form = RegisterFilterForm(request.GET or None, procedures=procedures)
    if not form.is_bound:
        return form, RegisterFilter()
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    return form, RegisterFilter(start=data["tu"], end=data["den"], procedure=data["thu_tuc"],
                                status=data["trang_thai"], channel=data["kenh"])


def _query_string(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("trang", None)
    return params.urlencode()


@desk_required
def register(request: HttpRequest) -> HttpResponse:
    form, filters = _filters(request)
    context = {"form": form, "desk_nav": "register", "query": _query_string(request),
               "pdf_available": _pdf_available()}
    if filters is None:
        return render(request, "desk/register.html", context, status=422)
    context["register"] = register_page(units=desk_units(request.user), filters=filters,
                                        number=request.GET.get("trang") or 1)
    return render(request, "desk/register.html", context)


def _period(filters: RegisterFilter) -> str:
    start = filters.start.strftime("%d/%m/%Y") if filters.start else "…"
    end = filters.end.strftime("%d/%m/%Y") if filters.end else "…"
    return f"Từ ngày {start} đến ngày {end}" if (filters.start or filters.end) else ""


@desk_required
def register_xlsx(request: HttpRequest) -> HttpResponse:
    form, filters = _filters(request)
    if filters is None:
        return render_page(request, form)
    units = desk_units(request.user)
    # The register is an official Vietnamese document: its headings stay Vietnamese whatever
    # language the officer reads the site in.
    with translation.override("vi"):
        names = ", ".join(units.order_by("name").values_list("name", flat=True))
        rows = register_all(units=units, filters=filters)
        content = register_workbook(rows, unit_names=names, period=_period(filters))
    reads_record(request, kind=Kind.REGISTER_EXPORT, dossiers=[row.dossier for row in rows])
    response = HttpResponse(content, content_type=XLSX)
    stamp = local(now()).strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="so-theo-doi-ho-so-{stamp}.xlsx"'
    response["Cache-Control"] = "private, no-store"
    return response


def _pdf_available() -> bool:
    try:
        from motcua.documents.register import register_pdf  # noqa: F401 - presence check
    except ImportError:
        return False
    return True


def _pdf_row(row) -> dict:
    """A register row in the documents app's shape (motcua.documents.register.RegisterRow)."""
    d = row.dossier
    return {
        "code": d.code, "procedure_name": d.procedure_version.name,
        "applicant_name": d.applicant_name, "received_at": d.received_at,
        "appointment_at": d.appointment_at, "applicant_address": d.applicant_address,
        "applicant_phone": d.applicant_phone, "competent_unit": d.competent_unit.name,
        "forwarded_at": row.forwarded_at, "result_received_at": row.result_at,
        "returned_at": d.returned_at, "signed_by": row.collected_by,
        "note": "; ".join(row.notes),
    }


@desk_required
def register_pdf(request: HttpRequest) -> HttpResponse:
    """Mẫu 06 as PDF, printed by the documents app, for the officer's (first) desk unit."""
    from motcua.documents.register import register_pdf as render

    form, filters = _filters(request)
    if filters is None:
        return render_page(request, form)
    unit = desk_units(request.user).order_by("name").first()
    today = local(now()).date()
    with translation.override("vi"):
        rows = register_all(units=Unit.objects.filter(pk=unit.pk), filters=filters)
        content = render(unit=unit, rows=[_pdf_row(row) for row in rows],
                         date_from=filters.start or _first_day(rows) or today,
                         date_to=filters.end or today)
    reads_record(request, kind=Kind.REGISTER_EXPORT, dossiers=[row.dossier for row in rows])
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="so-theo-doi-ho-so-{today:%Y%m%d}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


def _first_day(rows):
    days = [local(r.dossier.received_at).date() for r in rows if r.dossier.received_at]
    return min(days) if days else None


def render_page(request: HttpRequest, form) -> HttpResponse:
    return render(request, "desk/register.html", {"form": form, "desk_nav": "register"},
                  status=422)
