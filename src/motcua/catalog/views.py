"""Public pages of the catalog: parse, call a selector, render."""

from pathlib import PurePosixPath

from django.http import FileResponse, Http404
from django.shortcuts import render

from motcua.catalog import selectors
from motcua.catalog.forms import ProcedureFilterForm


def procedure_list(request):
    form = ProcedureFilterForm(request.GET)
    page = selectors.procedure_page(**form.filters())
    context = {"form": form, "page": page, "query": form.query_without_page()}
    return render(request, "catalog/procedure_list.html", context)


def procedure_detail(request, code: str):
    procedure = selectors.procedure_get(code=code)
    if procedure is None:
        raise Http404(code)
    context = {"procedure": procedure, "version": procedure.current_version}
    return render(request, "catalog/procedure_detail.html", context)


def component_template(request, code: str, component_id: int):
    """Serve a form template through the app: media files are not public in production."""
    component = selectors.component_template_get(code=code, component_id=component_id)
    if component is None:
        raise Http404(code)
    filename = PurePosixPath(component.template.name).name
    return FileResponse(component.template.open("rb"), as_attachment=True, filename=filename)
