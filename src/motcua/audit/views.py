"""/nhat-ky-truy-cap/: "Ai đã xem dữ liệu cá nhân của tôi" — for the signed-in person, which
officer of which unit read which of their dossiers, and when (the right to know: Law
91/2025/QH15; Decree 13/2023/NĐ-CP Art. 9 §1 before it).

Officers are named: they act in office, for a public authority, and their name already appears
on the papers the citizen receives (the receipt, Mẫu 01). The IP address and the page address
stay in the admin: they are for investigations, not for the data subject.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET

from motcua.accounts.roles import Role
from motcua.audit.selectors import reads_page
from motcua.core.clock import local

_ROLES = dict(Role.choices)


def _row(read) -> dict:
    return {"at": read.at, "when": local(read.at).strftime("%d/%m/%Y %H:%M"),
            "officer": read.reader_name or read.reader_username, "unit": read.unit_name,
            "role": _ROLES.get(read.role, ""), "what": read.get_kind_display(),
            "code": read.dossier.code if read.dossier_id else ""}


@require_GET
@login_required
def my_reads(request: HttpRequest) -> HttpResponse:
    page = reads_page(citizen=request.user, number=request.GET.get("trang") or 1)
    response = render(request, "audit/my_reads.html",
                      {"page": page, "rows": [_row(r) for r in page]})
    add_never_cache_headers(response)  # a list of one person's data: no shared cache
    return response
