"""The leaders' overview (/xu-ly/lanh-dao/): overdue and at-risk dossiers of the leader's units,
grouped by step and by person, counted; nobody else's; a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.dossiers.services import processing
from motcua.dossiers.statuses import Status
from tests.dossiers.processing_support import procedure_with
from tests.factories.accounts import StaffFactory
from tests.factories.dossiers import dossier_in, vn, world_create
from tests.portal.markup import find_all, parse, text_of

pytestmark = pytest.mark.django_db


def table(html: str, table_id: str) -> dict[str, tuple[int, int]]:
    """{group name: (overdue, at risk)} read from one of the grouping tables."""
    elements = parse(html)
    rows = [e for e in find_all(elements, "tr") if e.parents[-2:] == ("table", "tbody")]
    tables = [e for e in find_all(elements, "table") if e.attrs.get("id") == table_id]
    assert tables, table_id
    found = {}
    start = elements.index(tables[0])
    end = next((i for i, e in enumerate(elements) if i > start and e.tag == "table"),
               len(elements))
    for row in rows:
        if start < elements.index(row) < end:
            cells = [text_of(e) for e in elements[elements.index(row) + 1:]
                     if e.tag in ("th", "td")][:3]
            found[cells[0]] = (int(cells[1]), int(cells[2]))
    return found


@pytest.fixture
def late_world(world, travel):
    """Two overdue dossiers (one with the specialist, one waiting to be assigned), one at risk
    and one fine, at Monday 09/03/2026 09:00."""
    travel(vn(2026, 3, 2, 8))
    overdue_assigned = dossier_in(Status.PROCESSING, world=world)
    received = dossier_in(Status.RECEIVED, world=world)
    overdue_unassigned = processing.dossier_forward(dossier=received, actor=world.desk_officer)
    travel(vn(2026, 3, 5, 8))
    at_risk = dossier_in(Status.PROCESSING, world=world)
    travel(vn(2026, 3, 9, 8, 30))
    fine = dossier_in(Status.PROCESSING, world=world)
    travel(vn(2026, 3, 9, 9))
    return {"overdue_assigned": overdue_assigned, "overdue_unassigned": overdue_unassigned,
            "at_risk": at_risk, "fine": fine}


def test_groups_by_step_and_person_with_counts(as_user, world, late_world):
    html = as_user(world.leader).get("/xu-ly/lanh-dao/").content.decode()

    assert table(html, "theo-buoc") == {"Thẩm định hồ sơ": (2, 1)}
    assert table(html, "theo-nguoi") == {str(world.specialist): (1, 1), "Chưa phân công": (1, 0)}
    assert late_world["fine"].code not in html
    for name in ("overdue_assigned", "overdue_unassigned", "at_risk"):
        assert late_world[name].code in html


def test_another_units_dossiers_are_not_counted(as_user, world, late_world, travel):
    elsewhere = world_create()
    travel(vn(2026, 3, 2, 8))
    theirs = dossier_in(Status.PROCESSING, world=elsewhere)
    travel(vn(2026, 3, 9, 9))

    html = as_user(world.leader).get("/xu-ly/lanh-dao/").content.decode()

    assert theirs.code not in html


def test_specialists_are_refused(as_user, world):
    assert as_user(world.specialist).get("/xu-ly/lanh-dao/").status_code == 403


def test_the_query_count_does_not_grow(as_user, world, travel):
    procedure = procedure_with("two_specialists")
    travel(vn(2026, 3, 2, 8))
    dossier_in(Status.PROCESSING, world=world, procedure=procedure)
    travel(vn(2026, 3, 9, 9))

    def queries() -> int:
        client = as_user(world.leader)
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/xu-ly/lanh-dao/").status_code == 200
        return len(captured)

    few = queries()
    travel(vn(2026, 3, 2, 9))
    for _ in range(3):
        colleague = StaffFactory(specialist=True, unit=world.unit)
        dossier = dossier_in(Status.PROCESSING, world=world)
        processing.dossier_assign(dossier=dossier, actor=world.leader, handler=colleague)
    travel(vn(2026, 3, 9, 9))

    assert queries() == few
