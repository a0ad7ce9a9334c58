"""The inbox in pages of 50: the most urgent first across pages, the counts per urgency over
the whole list (not only the page shown), and a pager that keeps the scope and filters."""

from datetime import timedelta

import pytest

from motcua.dossiers.statuses import Status
from tests.factories.dossiers import dossier_in, vn
from tests.portal.markup import find_all, parse, text_of

from .test_inbox import codes_in_order, counts

pytestmark = pytest.mark.django_db

NOW = vn(2026, 3, 9, 9)  # Monday 09:00


@pytest.fixture
def fifty_two(world, travel, five_day_procedure):
    """50 dossiers handed to the specialist on Monday 02/03, five minutes apart (their step was
    due that Thursday: overdue now), and 2 handed over this morning (fine): 52, in order of
    urgency."""
    made = []
    for n in range(52):
        travel(vn(2026, 3, 2, 8) + timedelta(minutes=5 * n) if n < 50
               else vn(2026, 3, 9, 8, 10 * (n - 49)))
        made.append(dossier_in(Status.PROCESSING, world=world, procedure=five_day_procedure))
    travel(NOW)
    return made


def pager(html: str) -> dict[str, str]:
    """The pager's words and its previous / next links."""
    elements = parse(html)
    (nav,) = find_all(elements, "nav", **{"class": "pager"})
    links = {e.attrs["rel"]: e.attrs["href"] for e in elements
             if e.tag == "a" and e.attrs.get("rel") in ("prev", "next")}
    return {"text": text_of(nav), **links}


ALL_COUNTS = {"Quá hạn": 50, "Đến hạn hôm nay": 0, "Còn không quá 1 ngày làm việc": 0,
              "Còn hạn": 2}


def test_pages_of_50_most_urgent_first_with_counts_over_all_52(as_user, world, fifty_two):
    client = as_user(world.specialist)
    first = client.get("/xu-ly/").content.decode()
    second = client.get("/xu-ly/?pham-vi=mine&trang=2").content.decode()

    assert codes_in_order(first) == [d.code for d in fifty_two[:50]]
    assert codes_in_order(second) == [d.code for d in fifty_two[50:]]
    assert counts(first) == counts(second) == ALL_COUNTS
    assert "52 hồ sơ" in first and "52 hồ sơ" in second
    assert pager(first) == {"text": "Trang 1/2 Trang sau", "next": "?pham-vi=mine&trang=2"}
    assert pager(second) == {"text": "Trang trước Trang 2/2", "prev": "?pham-vi=mine&trang=1"}
    # A page past the end (the list shrank while the officer paged) is the last page; a
    # hand-edited number that is not one is the first.
    for asked, shown in (("99", 2), ("abc", 1), ("-3", 1), ("", 1)):
        response = client.get(f"/xu-ly/?trang={asked}")
        assert response.status_code == 200
        assert f"Trang {shown}/2" in pager(response.content.decode())["text"]


def test_the_pager_keeps_the_scope_and_the_filters(as_user, world, fifty_two):
    procedure = fifty_two[0].procedure_version.procedure.code
    html = as_user(world.leader).get(
        f"/xu-ly/?pham-vi=unit&thu-tuc={procedure}&trang-thai=processing").content.decode()

    assert len(codes_in_order(html)) == 50
    assert pager(html)["next"] == (f"?pham-vi=unit&thu-tuc={procedure}"
                                   "&trang-thai=processing&trang=2")


def test_a_list_of_one_page_has_no_pager(as_user, world, five_day_procedure, travel):
    dossier_in(Status.PROCESSING, world=world, procedure=five_day_procedure)

    html = as_user(world.specialist).get("/xu-ly/").content.decode()

    assert find_all(parse(html), "nav", **{"class": "pager"}) == []
    assert "1 hồ sơ" in html
