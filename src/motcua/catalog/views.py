"""Public pages of the catalog: parse, call a selector, render."""

from pathlib import PurePosixPath
from urllib.parse import quote

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse

from motcua.catalog import selectors
from motcua.catalog.forms import ProcedureFilterForm


def procedure_list(request):
    form = ProcedureFilterForm(request.GET)
    page = selectors.procedure_page(**form.filters())
    context = {"form": form, "page": page, "query": form.query_without_page()}
    return render(request, "catalog/procedure_list.html", context)


def submission_url(code: str) -> str:
    """Where a citizen submits a dossier for the procedure online (the submission wizard)."""
    return reverse("submission:start", args=[code])


def procedure_detail(request, code: str):
    procedure = selectors.procedure_get(code=code)
    if procedure is None:
        raise Http404(code)
    version = procedure.current_version
    context = {
        "procedure": procedure,
        "version": version,
        # Only where the catalog offers the online channel (kênh 2: partial or full online
        # service, Decree 42/2022); elsewhere the page says how to submit instead.
        "submit_online_url": submission_url(procedure.code) if version.channel_online else None,
        # Decision 45/2016/QĐ-TTg: where the procedure takes dossiers by post, the post can
        # collect them from the citizen's home.
        "postal_pickup_url": (f"{reverse('postal:pickup')}?thu_tuc={quote(procedure.code)}"
                              if version.channel_postal else None),
    }
    return render(request, "catalog/procedure_detail.html", context)


def component_template(request, code: str, component_id: int):
    """Serve a form template through the app: media files are not public in production."""
    component = selectors.component_template_get(code=code, component_id=component_id)
    if component is None:
        raise Http404(code)
    filename = PurePosixPath(component.template.name).name
    return FileResponse(component.template.open("rb"), as_attachment=True, filename=filename)
