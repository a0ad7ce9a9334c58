"""Staff reports: Biểu 06 on screen and as Excel for those holding `reports.view`, and the
postal, fees and satisfaction reports; nobody else sees them."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from motcua.dossiers.models import Dossier
from motcua.dossiers.statuses import Channel
from motcua.ratings.models import Rating, Satisfaction
from motcua.reports.rollups import rollup_refresh
from tests.factories.accounts import CitizenFactory, StaffFactory
from tests.factories.dossiers import vn
from tests.factories.reports import dossier_settled

pytestmark = pytest.mark.django_db
PERIOD = {"first": "01/11/2026", "last": "30/11/2026"}


@pytest.fixture
def settled(world, five_day, frozen_now):
    online = dossier_settled(world=world, procedure=five_day, received=vn(2026, 11, 2, 9),
                             finished=vn(2026, 11, 4, 9), channel=Channel.ONLINE)
    postal = dossier_settled(world=world, procedure=five_day, received=vn(2026, 11, 2, 9),
                             finished=vn(2026, 11, 12, 9), channel=Channel.POSTAL)
    Rating.objects.create(dossier=online, unit=world.unit, submitted_at=vn(2026, 11, 5, 9),
                          total=18, satisfaction=Satisfaction.VERY_SATISFIED,
                          **{f"c{i}": 2 for i in range(1, 10)})
    rollup_refresh(unit_ids=None, months=[vn(2026, 11, 1).date()])
    return online, postal


@pytest.fixture
def leader_client(client, world):
    client.force_login(world.leader)
    return client


def test_biểu_06_on_screen(leader_client, world, settled):
    response = leader_client.get("/thong-ke/bieu-06/", {"unit": world.unit.code, **PERIOD})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Tổng cộng" in body and "Cấp xã" in body
    for dossier in settled:
        assert dossier.applicant_name not in body


def test_biểu_06_excel_download(leader_client, world, settled):
    response = leader_client.get("/thong-ke/bieu-06/",
                                 {"unit": world.unit.code, "format": "xlsx", **PERIOD})
    sheet = load_workbook(BytesIO(response.content)).active
    assert sheet["A1"].value == "Biểu số 06/VPCP/KSTT"
    assert sheet.max_column == 13


def test_a_reversed_period_is_explained(leader_client, world, settled):
    response = leader_client.get("/thong-ke/bieu-06/", {
        "unit": world.unit.code, "first": "30/11/2026", "last": "01/11/2026"})
    assert "Ngày kết thúc phải sau ngày bắt đầu." in response.content.decode()


def test_citizens_and_strangers_get_no_report(client, world, settled):
    assert client.get("/thong-ke/bieu-06/").status_code == 302  # to the login page
    client.force_login(CitizenFactory())
    assert client.get("/thong-ke/bieu-06/").status_code == 403
    assert client.get("/thong-ke/bao-cao/").status_code == 403


def test_a_leader_sees_only_units_where_they_hold_reports_view(client, world, settled):
    other = StaffFactory(leader=True)
    client.force_login(other)
    response = client.get("/thong-ke/bieu-06/", {"unit": world.unit.code, **PERIOD})
    assert "Chọn một đơn vị trong danh sách." in response.content.decode()


def test_postal_fees_and_satisfaction(leader_client, world, settled):
    body = leader_client.get("/thong-ke/bao-cao/", {"unit": world.unit.code, **PERIOD}
                             ).content.decode()
    fee_bearing = Dossier.objects.filter(fee_due__gt=0).count()
    fees = body[body.index('id="fees"'):body.index('id="satisfaction"')]
    assert f"<td>{fee_bearing}</td>" in fees
    postal = body[body.index('id="postal"'):body.index('id="fees"')]
    assert "<td>1</td>" in postal  # one dossier received by post
    satisfaction = body[body.index('id="satisfaction"'):]
    assert "100.0 %" in satisfaction or "100,0 %" in satisfaction
    assert "18.0" in satisfaction or "18,0" in satisfaction


def test_biểu_06_for_one_field_and_level(leader_client, world, five_day, settled):
    version = five_day.current_version
    query = {"unit": world.unit.code, "field": version.field_id, "level": version.level_id,
             **PERIOD}
    body = leader_client.get("/thong-ke/bieu-06/", query).content.decode()
    assert version.field.name in body
    other = {**query, "field": version.field_id + 999}
    response = leader_client.get("/thong-ke/bieu-06/", other)
    assert 'aria-invalid="true"' in response.content.decode()
