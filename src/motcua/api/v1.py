"""REST API v1 (django-ninja): each app adds a router; the schema is at /api/v1/openapi.json.

One error shape for every router (motcua.api.errors); authentication per router (the catalog
and the calendar are public, dossiers need a token or a session: motcua.api.auth).
"""

from ninja import NinjaAPI

from motcua.api import errors
from motcua.api.parser import NulRefusingParser

api = NinjaAPI(
    title="Motcua API",
    version="1",
    description="API của hệ thống một cửa Motcua / Motcua one-stop-shop API",
    openapi_url="/openapi.json",
    docs_url="/docs",
    urls_namespace="api-v1",
    parser=NulRefusingParser(),
)
errors.install(api)

from motcua.catalog.api import router as catalog_router  # noqa: E402 - routers attach to `api`
from motcua.dossiers.api import lookup_router  # noqa: E402
from motcua.dossiers.api import router as dossier_router  # noqa: E402
from motcua.workcal.api import router as calendar_router  # noqa: E402

api.add_router("/procedures", catalog_router)
api.add_router("/calendar", calendar_router)
api.add_router("/dossiers", dossier_router)
api.add_router("/lookup", lookup_router)
