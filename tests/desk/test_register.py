"""The register (Mẫu 06): rows with the official columns, filters, pages, a constant number
of queries, and the Excel export read back with openpyxl."""

from datetime import datetime
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from motcua.desk.access import desk_units
from motcua.desk.excel import HEADER_ROW
from motcua.desk.register import HEADINGS, RegisterFilter, register_page
from motcua.dossiers.statuses import Channel, Status
from tests.factories.dossiers import dossier_in, vn

REGISTER = reverse("desk:register")
XLSX = reverse("desk:register-xlsx")


@pytest.fixture
def dossiers(world, travel):
    travel(vn(2026, 3, 2, 9))
    early = dossier_in(Status.RETURNED, world=world)
    travel(vn(2026, 3, 9, 9))
    postal = dossier_in(Status.RECEIVED, world=world, channel=Channel.POSTAL)
    refused = dossier_in(Status.REFUSED, world=world, channel=Channel.DIRECT)
    waiting = dossier_in(Status.SUBMITTED, world=world)  # not received: not in the register
    travel(vn(2026, 3, 9, 10))
    return early, postal, refused, waiting


def test_the_register_lists_received_and_refused_dossiers(desk, dossiers):
    early, postal, refused, waiting = dossiers
    html = desk.get(REGISTER).content.decode()
    assert early.code in html and postal.code in html and refused.code in html
    assert waiting.code not in html
    assert "Chuyển hồ sơ đến cơ quan giải quyết" in html
    assert "02/03/2026" in html  # the early dossier's receipt, dd/mm/yyyy
    assert "Lý do từ chối: Không thuộc thẩm quyền giải quyết" in html


def test_filters_by_period_status_and_channel(desk, dossiers):
    early, postal, refused, _waiting = dossiers
    html = desk.get(REGISTER, {"tu": "05/03/2026", "den": "09/03/2026"}).content.decode()
    assert early.code not in html and postal.code in html
    html = desk.get(REGISTER, {"kenh": "3"}).content.decode()
    assert postal.code in html and refused.code not in html
    html = desk.get(REGISTER, {"trang_thai": "returned"}).content.decode()
    assert early.code in html and postal.code not in html


def test_filter_messages(desk, db):
    response = desk.get(REGISTER, {"tu": "2026-03-01", "den": "01/02/2026"})
    assert response.status_code == 422
    html = response.content.decode()
    assert "Nhập ngày theo dạng dd/mm/yyyy" in html
    response = desk.get(REGISTER, {"tu": "01/03/2026", "den": "01/02/2026"})
    assert "Ngày cuối kỳ không được trước ngày đầu kỳ." in response.content.decode()


def test_another_communes_register_does_not_show_these_dossiers(other_desk, dossiers):
    html = other_desk.get(REGISTER).content.decode()
    assert all(d.code not in html for d in dossiers)


def _queries(user) -> int:
    with CaptureQueriesContext(connection) as captured:
        page = register_page(units=desk_units(user), filters=RegisterFilter())
        [(row.forwarded_at, row.collected_by, row.dossier.procedure_version.name,
          row.dossier.competent_unit.name) for row in page.rows]
    return len(captured)


def test_the_register_costs_the_same_queries_for_one_or_many_dossiers(world, desk_officer):
    dossier_in(Status.RETURNED, world=world)
    one = _queries(desk_officer)
    for status in (Status.RETURNED, Status.PROCESSING, Status.REFUSED, Status.RESULT_READY):
        dossier_in(status, world=world)
    assert _queries(desk_officer) == one


def test_the_excel_export_has_the_official_headings_and_dates(desk, dossiers):
    early, postal, refused, _waiting = dossiers
    response = desk.get(XLSX, {"tu": "01/03/2026"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(response.content)).active
    assert sheet["A2"].value == "SỔ THEO DÕI HỒ SƠ"
    assert sheet["A3"].value == "Từ ngày 01/03/2026 đến ngày …"
    headings = [c.value for c in sheet[HEADER_ROW]]
    assert headings == [str(h) for h in HEADINGS]
    rows = list(sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=False))
    assert [r[1].value for r in rows] == [early.code, postal.code, refused.code]
    first = rows[0]
    assert first[0].value == 1 and first[3].value == 1
    assert first[7].value == datetime(2026, 3, 2) and first[7].number_format == "dd/mm/yyyy"
    assert first[11].value is not None  # returned
    assert "Không thuộc thẩm quyền" in rows[2][13].value


def test_the_excel_headings_stay_vietnamese_in_the_english_interface(desk, dossiers):
    desk.cookies["django_language"] = "en"
    response = desk.get(XLSX)
    sheet = load_workbook(BytesIO(response.content)).active
    assert sheet.cell(row=HEADER_ROW, column=2).value == "Mã hồ sơ"


def test_the_register_prints_as_pdf_through_the_documents_app(desk, dossiers):
    pytest.importorskip("motcua.documents.register")
    from pypdf import PdfReader

    early, postal, _refused, _waiting = dossiers
    html = desk.get(REGISTER).content.decode()
    assert 'href="/mot-cua/so-theo-doi.pdf"' in html
    response = desk.get(reverse("desk:register-pdf"), {"tu": "01/03/2026", "den": "09/03/2026"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(" ".join(p.extract_text().split())
                    for p in PdfReader(BytesIO(response.content)).pages)
    assert "Từ ngày 01/03/2026 đến ngày 09/03/2026" in text
    assert early.code in text and postal.code in text
    assert postal.applicant_name in text
