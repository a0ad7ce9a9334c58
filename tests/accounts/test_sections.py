"""The header offers each officer the staff sections their roles open, and nothing to others."""

import pytest

from motcua.accounts.sections import sections_for
from tests.factories.accounts import CitizenFactory, StaffFactory
from tests.factories.agencies import UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def commune():
    return UnitFactory(with_desk=True)


@pytest.mark.parametrize(("role", "links"), [
    ("desk_officer", ["Bộ phận Một cửa", "Báo cáo"]),
    ("specialist", ["Xử lý hồ sơ"]),
    ("leader", ["Xử lý hồ sơ", "Theo dõi hạn xử lý", "Báo cáo"]),
    ("unit_admin", ["Báo cáo"]),
])
def test_the_header_links_the_sections_of_the_persons_roles(client, commune, role, links):
    client.force_login(StaffFactory(unit=commune, **{role: True}))

    html = client.get("/thu-tuc/").content.decode()

    for title in ["Bộ phận Một cửa", "Xử lý hồ sơ", "Theo dõi hạn xử lý", "Báo cáo"]:
        assert (f">{title}</a>" in html) == (title in links), title


def test_a_citizen_gets_no_staff_section(client):
    citizen = CitizenFactory()
    client.force_login(citizen)

    assert sections_for(citizen) == []
    assert ">Bộ phận Một cửa</a>" not in client.get("/").content.decode()


def test_an_ended_role_opens_nothing(commune):
    assert sections_for(StaffFactory(unit=commune, desk_officer=True, expired=True)) == []


def test_sections_cost_one_query(commune, django_assert_num_queries):
    officer = StaffFactory(unit=commune, leader=True)

    with django_assert_num_queries(1):
        assert [s.key for s in sections_for(officer)] == ["processing", "leader", "reports"]
