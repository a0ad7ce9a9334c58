"""The one view of printed forms: a dossier's form as an inline PDF, for the owner and for staff
who may see the dossier (motcua.dossiers.access); 404 for anyone else and for a form the
dossier's history does not have."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from motcua.audit.models import Kind
from motcua.audit.services import read_record
from motcua.documents.forms import form_context
from motcua.documents.pdf import render_pdf
from motcua.dossiers.access import NOT_FOUND, dossier_get_for


@require_GET
@login_required
def dossier_form(request, code: str, slug: str):
    dossier = dossier_get_for(request.user, code)
    found = form_context(dossier, slug)
    if found is None:
        raise Http404(NOT_FOUND)
    spec, context = found
    # A form carries the applicant's name, ID number and address (Mẫu 01–05).
    read_record(request, kind=Kind.PRINTED_FORM, dossier=dossier)
    pdf = render_pdf(template_name=spec.template, context=context)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{dossier.code}-{spec.slug}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    # The form is personal data: no shared cache keeps a copy.
    response["Cache-Control"] = "private, no-store"
    return response
