from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from motcua.api.v1 import api

urlpatterns = [
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("motcua.catalog.urls")),
    path("", include("motcua.portal.urls")),
]

if settings.DEBUG:  # pragma: no cover - static files in production come from whitenoise
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
