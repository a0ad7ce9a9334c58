from django.contrib import admin
from django.urls import include, path

from motcua.api.v1 import api
from motcua.core.views import health

# Uncaught errors: a Vietnamese page, and 503 with Retry-After when the database is away; the
# API answers in JSON.
handler404 = "motcua.core.views.page_not_found"
handler500 = "motcua.core.views.server_error"

urlpatterns = [
    path("api/v1/", api.urls),
    path("healthz", health, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("tai-khoan/thong-bao/", include("motcua.notify.urls")),
    path("tai-khoan/", include("motcua.accounts.urls")),
    path("nop-ho-so/", include("motcua.submission.urls")),
    path("mot-cua/", include("motcua.desk.urls")),
    path("xu-ly/", include("motcua.processing.urls")),
    path("van-ban/", include("motcua.documents.urls")),
    path("thanh-toan/", include("motcua.payments.urls")),
    path("thong-ke/", include("motcua.reports.urls")),
    path("tep/", include("motcua.dossiers.urls")),
    path("buu-chinh/", include("motcua.postal.urls")),
    path("nhat-ky-truy-cap/", include("motcua.audit.urls")),
    path("", include("motcua.catalog.urls")),
    path("", include("motcua.portal.urls")),
]

# Uploaded files (MEDIA_ROOT) are never served as plain URLs, not even with DEBUG: dossier files
# hold personal data and go out only through views that check access (motcua.dossiers.access),
# catalog form templates through the catalog's download view.
