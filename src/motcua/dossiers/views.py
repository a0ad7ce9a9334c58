"""The one view that serves a dossier's uploaded files, to the owner and to staff who may see
the dossier (motcua.dossiers.access). Media files are never public URLs: they hold personal data.
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.utils.csp import CSP
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_GET

from motcua.audit.models import Kind
from motcua.audit.services import read_record
from motcua.dossiers.access import NOT_FOUND, dossier_get_for, file_visible_to
from motcua.dossiers.models import DossierFile

# Shown in the browser (the processing page's inline viewer); anything else is downloaded.
_INLINE_TYPES = {"application/pdf", "image/jpeg", "image/png"}


# The processing page shows a PDF in a frame of its own: this view alone may be framed, and only
# by the site's own pages.
_FRAMED_BY_SELF = {**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]} if settings.SECURE_CSP \
    else {}


@require_GET
@login_required
@xframe_options_sameorigin
@csp_override(_FRAMED_BY_SELF)
def dossier_file(request, code: str, file_id: int):
    dossier = dossier_get_for(request.user, code)
    stored = DossierFile.objects.filter(dossier=dossier, pk=file_id).first()
    if stored is None or not file_visible_to(request.user, dossier, stored):
        raise Http404(NOT_FOUND)
    read_record(request, kind=Kind.DOSSIER_FILE, dossier=dossier)
    inline = stored.content_type in _INLINE_TYPES and request.GET.get("download") is None
    response = FileResponse(stored.file.open("rb"), as_attachment=not inline,
                            filename=stored.name, content_type=stored.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    # The file is personal data: no shared cache keeps a copy.
    response["Cache-Control"] = "private, no-store"
    return response
