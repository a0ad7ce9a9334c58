"""GET /api/v1/procedures and /api/v1/procedures/{code}."""

import pytest

from tests.factories.agencies import UnitFactory
from tests.factories.catalog import ProcedureFactory

LIST = "/api/v1/procedures"


def test_list_is_paginated_with_the_total(catalog, client):
    body = client.get(LIST, {"page_size": 20, "page": 3}).json()
    assert (body["count"], body["page"], body["page_size"], body["pages"]) == (55, 3, 20, 3)
    assert len(body["items"]) == 15
    first = client.get(LIST).json()["items"][0]
    assert first == {
        "code": "HT-01", "national_code": "1.001193", "name": "Đăng ký khai sinh",
        "field": {"code": "ho-tich", "name": "Hộ tịch"},
        "level": {"code": "xa", "name": "Cấp xã"}, "competent_unit": None,
        "online_level": "partial", "channels": [1, 2, 3],
        "time_limit": {
            "kind": "same_day", "value": None, "verification_extension_working_days": None,
            "duration_spec": "sameday",
            "description": "Trong ngày; nhận sau 15 giờ trả trong ngày làm việc tiếp theo",
        },
        "version": 1,
    }


@pytest.mark.parametrize(
    ("params", "count", "first"),
    [
        ({"field": "chung-thuc"}, 11, "CT-01"),
        ({"level": "tinh"}, 7, "NCC-04"),
        ({"q": "dang ky khai sinh"}, 6, "HT-01"),
        ({"q": "CHỨNG THỰC", "field": "chung-thuc"}, 11, "CT-01"),
        ({"channel": 2, "field": "xay-dung"}, 2, "XD-01"),
        ({"q": "không có thủ tục này"}, 0, None),
        ({"field": "khong-co"}, 0, None),
    ],
)
def test_list_filters(catalog, client, params, count, first):
    body = client.get(LIST, params).json()
    assert body["count"] == count
    assert (body["items"][0]["code"] if body["items"] else None) == first


def test_the_unit_filter_lists_what_that_unit_settles(catalog, client):
    department = UnitFactory(province=True, code="000.00.10.H99", name="Sở Tư pháp thử")
    ProcedureFactory(code="XA-99", level="xa", competent_unit=department.code)
    commune = UnitFactory(code="000.00.11.H99")

    for_department = [i["code"] for i in client.get(LIST, {"unit": department.code,
                                                           "page_size": 100}).json()["items"]]
    for_commune = client.get(LIST, {"unit": commune.code}).json()

    assert "XA-99" in for_department and "TP-01" in for_department
    assert "HT-01" not in for_department
    assert for_commune["count"] == 48 + 1 - 1  # the xa procedures, not XA-99
    assert client.get(LIST, {"unit": "khong-co"}).json()["count"] == 0


def test_bad_parameters_are_a_422(catalog, client):
    assert client.get(LIST, {"page": 0}).status_code == 422
    assert client.get(LIST, {"page_size": 101}).status_code == 422


def test_detail_has_the_whole_current_version(catalog, client):
    body = client.get(f"{LIST}/HT-09").json()
    assert body["version"] == 1 and body["verification"] == "seen"
    assert body["time_limit"]["stage_mode"] == "cases"
    assert [(s["case"], s["duration_spec"]) for s in body["time_limit"]["stages"]] == [
        ("bổ sung thông tin hộ tịch", "sameday"),
        ("thay đổi, cải chính, xác định lại dân tộc", "3d"),
    ]
    fee = client.get(f"{LIST}/HT-01").json()["fees"][0]
    assert fee["amount"] == 8000 and fee["example"] and fee["free_if_on_time"]
    assert fee["online_discount"] == {"percent": 30, "valid_from": None,
                                      "valid_until": "2023-12-31"}
    ct01 = client.get(f"{LIST}/CT-01").json()
    assert ct01["fees"][0]["formula"] == "certified_copy_pages"
    assert ct01["components"][1] == {"name": "Bản sao cần chứng thực (hoặc cơ quan chụp từ bản "
                                             "chính)", "originals": 0, "copies": 1,
                                     "required": True, "template_url": None}
    assert [s["share"] for s in ct01["process"]] == [25, 40, 25, 10]
    assert client.get(f"{LIST}/DD-07").json()["time_limit"]["duration_spec"] == "30cd"


def test_unknown_procedure_is_a_json_404(catalog, client):
    response = client.get(f"{LIST}/XX-99")
    assert response.status_code == 404
    assert response.json() == {"code": "procedure_not_found",
                               "message": "Không tìm thấy thủ tục hành chính có mã XX-99."}


def test_query_counts_do_not_grow_with_the_data(catalog, client, django_assert_num_queries):
    with django_assert_num_queries(3):  # count, page, stages
        assert len(client.get(LIST, {"page_size": 100}).json()["items"]) == 55
    commune = UnitFactory()
    with django_assert_num_queries(3):
        body = client.get(LIST, {"q": "khai sinh", "unit": commune.code, "channel": 2}).json()
        assert body["count"] == 5
    with django_assert_num_queries(6):  # procedure + 5 kinds of child rows
        client.get(f"{LIST}/LT-01")


def test_openapi_documents_the_catalog(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/procedures", "/api/v1/procedures/{code}"} <= set(schema["paths"])
    components = schema["components"]["schemas"]
    assert {"ProcedurePageOut", "ProcedureDetailOut", "ErrorOut", "FeeOut"} <= set(components)
    detail = schema["paths"]["/api/v1/procedures/{code}"]["get"]["responses"]
    assert {"200", "404"} <= set(detail)
