"""The inbox (/xu-ly/): most urgent first, a bucket per dossier by the working time left on the
unit's calendar (overdue, due today, at most one working day, fine), labelled in words and
counted; filters by procedure and status; a constant number of queries."""

import re
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.dossiers.services import processing
from motcua.dossiers.statuses import Status
from motcua.processing.urgency import Bucket, urgency_of
from motcua.workcal.selectors import calendar_for_unit
from tests.factories.dossiers import dossier_in, procedure_create, vn
from tests.portal.markup import find_all, parse, text_of

pytestmark = pytest.mark.django_db

NOW = vn(2026, 3, 9, 9)  # Monday 09:00


@pytest.fixture
def four(world, travel, five_day_procedure):
    """Four dossiers given to the specialist at different times. The specialist's step has 60 %
    of 5 working days (24 working hours) from the hand-over to the unit."""
    made = {}
    for name, start in (("overdue", vn(2026, 3, 2, 8)),     # step due Thu 05/03 08:00
                        ("today", vn(2026, 3, 4, 16)),      # due Mon 09/03 16:00
                        ("at_risk", vn(2026, 3, 5, 8)),     # due Tue 10/03 08:00: 7 h left
                        ("fine", vn(2026, 3, 9, 8, 30))):   # due Thu 12/03 08:30
        travel(start)
        made[name] = dossier_in(Status.PROCESSING, world=world, procedure=five_day_procedure)
    travel(NOW)
    return made


def codes_in_order(html: str) -> list[str]:
    rows = find_all(parse(html), "a")
    return [text_of(a) for a in rows if a.attrs.get("href", "").startswith("/xu-ly/ho-so/")]


def counts(html: str) -> dict[str, int]:
    found = {}
    for item in find_all(parse(html), "li"):
        if item.attrs.get("class", "").startswith("bucket "):
            number, label = re.match(r"(\d+) (.+)", text_of(item)).groups()
            found[label] = int(number)
    return found


def test_most_urgent_first_with_words_and_counts(as_user, world, four):
    html = as_user(world.specialist).get("/xu-ly/").content.decode()

    assert codes_in_order(html) == [four[n].code for n in ("overdue", "today", "at_risk", "fine")]
    assert counts(html) == {"Quá hạn": 1, "Đến hạn hôm nay": 1,
                            "Còn không quá 1 ngày làm việc": 1, "Còn hạn": 1}
    assert "còn 7 giờ làm việc" in html  # Monday 09:00 → Tuesday 08:00 in working time
    assert "quá hạn 2 ngày 1 giờ làm việc" in html  # Thursday 08:00 → Monday 09:00


def test_the_unit_scope_lists_the_units_dossiers_for_the_leader(as_user, world, four):
    mine = as_user(world.leader).get("/xu-ly/").content.decode()
    unit = as_user(world.leader).get("/xu-ly/?pham-vi=unit").content.decode()

    assert codes_in_order(mine) == []
    assert len(codes_in_order(unit)) == 4


def test_filters_by_status_and_procedure(as_user, world, four, specialist):
    processing.dossier_request_obligation(dossier=four["fine"], actor=specialist, reason="Phí",
                                          amount=10_000)
    other = procedure_create("same_day")
    other_dossier = dossier_in(Status.PROCESSING, world=world, procedure=other)
    client = as_user(specialist)

    paused = client.get("/xu-ly/?trang-thai=obligation_requested").content.decode()
    by_procedure = client.get(f"/xu-ly/?thu-tuc={other.code}").content.decode()

    assert codes_in_order(paused) == [four["fine"].code]
    assert codes_in_order(by_procedure) == [other_dossier.code]


def test_a_weekend_is_not_working_time():
    calendar = calendar_for_unit()
    friday = vn(2026, 3, 6, 16)
    dossier = SimpleNamespace(current_step_id=None, due_at=vn(2026, 3, 9, 8), paused_at=None)

    urgency = urgency_of(dossier, at=friday, calendar=calendar)

    assert urgency.bucket == Bucket.AT_RISK
    assert urgency.remaining_us == int(1.5 * 3_600_000_000)  # 16:00–17:00, then 07:30–08:00


def test_a_paused_dossier_keeps_the_time_it_had():
    calendar = calendar_for_unit()
    dossier = SimpleNamespace(current_step_id=None, due_at=vn(2026, 3, 10, 17),
                              paused_at=vn(2026, 3, 5, 9))

    urgency = urgency_of(dossier, at=vn(2026, 3, 20, 9), calendar=calendar)

    assert urgency.bucket == Bucket.FINE and urgency.paused
    assert urgency.remaining_text == "còn 3 ngày 6 giờ làm việc"  # Thu 09:00 → Tue 17:00


def test_people_without_a_processing_role_are_refused(as_user, world):
    response = as_user(world.citizen).get("/xu-ly/")

    assert response.status_code == 403
    assert "dành cho cán bộ xử lý hồ sơ" in response.content.decode()


def test_the_query_count_does_not_grow_with_the_list(as_user, world, five_day_procedure):
    def queries() -> int:
        client = as_user(world.specialist)
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/xu-ly/").status_code == 200
        return len(captured)

    dossier_in(Status.PROCESSING, world=world, procedure=five_day_procedure)
    few = queries()
    for _ in range(4):
        dossier_in(Status.PROCESSING, world=world, procedure=five_day_procedure)

    assert queries() == few
    assert few <= 12


def test_the_inbox_reads_in_english_after_choosing_it(as_user, world, four):
    client = as_user(world.specialist)
    client.post("/i18n/setlang/", {"language": "en", "next": "/xu-ly/"})

    html = client.get("/xu-ly/").content.decode()

    assert "Dossiers to process" in html
    assert "7 hours of working time left" in html
    assert "At most 1 working day left" in html
