"""REST API v1 (django-ninja): each app adds a router; the schema is at /api/v1/openapi.json."""

from ninja import NinjaAPI

api = NinjaAPI(
    title="Motcua API",
    version="1",
    description="API của hệ thống một cửa Motcua / Motcua one-stop-shop API",
    openapi_url="/openapi.json",
    docs_url="/docs",
    urls_namespace="api-v1",
)

from motcua.catalog.api import router as catalog_router  # noqa: E402 - routers attach to `api`
from motcua.workcal.api import router as calendar_router  # noqa: E402

api.add_router("/procedures", catalog_router)
api.add_router("/calendar", calendar_router)
