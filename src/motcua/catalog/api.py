"""REST endpoints of the catalog, mounted at /api/v1/procedures (motcua.api.v1)."""

from ninja import Query, Router, Status

from motcua.api.schemas import ErrorOut as ApiErrorOut
from motcua.catalog import selectors
from motcua.catalog.schemas import (
    ErrorOut,
    ProcedureDetailOut,
    ProcedureFilters,
    ProcedurePageOut,
    detail_out,
    page_out,
)

router = Router(tags=["procedures"])

PROCEDURE_NOT_FOUND = "Không tìm thấy thủ tục hành chính có mã {code}."


@router.get("", response={200: ProcedurePageOut, 422: ApiErrorOut},
            summary="Danh mục thủ tục hành chính")
def procedure_list(request, filters: Query[ProcedureFilters]):
    """Thủ tục đang áp dụng, phân trang; `q` tìm không phân biệt dấu và hoa thường."""
    page = selectors.procedure_page(**filters.model_dump())
    return page_out(page)


@router.get("/{code}", response={200: ProcedureDetailOut, 404: ErrorOut},
            summary="Chi tiết một thủ tục (phiên bản hiện hành)")
def procedure_detail(request, code: str):
    # A code with NUL cannot exist, and PostgreSQL refuses to compare with it.
    procedure = None if "\x00" in code else selectors.procedure_get(code=code)
    if procedure is None:
        message = PROCEDURE_NOT_FOUND.format(code=code)
        return Status(404, {"code": "procedure_not_found", "message": message})
    return Status(200, detail_out(procedure))
