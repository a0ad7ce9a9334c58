"""The queue: online dossiers awaiting acceptance with their deadlines, late ones marked in
words and colour; received dossiers not yet forwarded; results ready to return; pages of 50."""

from datetime import timedelta

from django.urls import reverse

from motcua.dossiers.statuses import Status
from tests.factories.dossiers import dossier_in, vn
from tests.portal.markup import find_all, parse, text_of


def _rows(html: str) -> list[str]:
    return [text_of(row) for row in find_all(parse(html), "tr") if row.parents[-1] == "tbody"]


def test_online_dossiers_show_submission_and_acceptance_deadline(desk, world, travel):
    travel(vn(2026, 3, 9, 9))
    dossier = dossier_in(Status.SUBMITTED, world=world)
    travel(vn(2026, 3, 9, 10))
    html = desk.get(reverse("desk:queue")).content.decode()
    (row,) = _rows(html)
    assert dossier.code in row
    assert "09:00 09/03/2026" in row  # submitted
    assert "09:00 10/03/2026" in row  # 8 working hours later
    assert "Quá hạn tiếp nhận" not in row
    assert "1 hồ sơ" in html


def test_a_late_dossier_is_marked_in_words_and_colour(desk, world, travel):
    travel(vn(2026, 3, 9, 9))
    late = dossier_in(Status.SUBMITTED, world=world)
    travel(vn(2026, 3, 10, 14))
    on_time = dossier_in(Status.SUBMITTED, world=world)
    html = desk.get(reverse("desk:queue")).content.decode()
    rows = [r for r in find_all(parse(html), "tr") if r.parents[-1] == "tbody"]
    assert [late.code in text_of(r) for r in rows] == [True, False]
    assert rows[0].attrs.get("class") == "is-late" and "Quá hạn tiếp nhận" in text_of(rows[0])
    assert "class" not in rows[1].attrs and on_time.code in text_of(rows[1])
    assert "1 hồ sơ quá hạn" in html


def test_the_other_tabs_list_received_dossiers_and_results_to_return(desk, world):
    received = dossier_in(Status.RECEIVED, world=world)
    ready = dossier_in(Status.RESULT_READY, world=world)
    submitted = dossier_in(Status.SUBMITTED, world=world)
    first = desk.get(reverse("desk:queue")).content.decode()
    assert submitted.code in first and received.code not in first
    tab = desk.get(reverse("desk:queue") + "?tab=da-tiep-nhan").content.decode()
    assert [received.code in r for r in _rows(tab)] == [True]
    tab = desk.get(reverse("desk:queue") + "?tab=co-ket-qua").content.decode()
    assert [ready.code in r for r in _rows(tab)] == [True]
    (current,) = find_all(parse(tab), "a", aria_current="page", href="?tab=co-ket-qua")
    assert text_of(current) == "Có kết quả, chờ trả (1)"


def test_the_queue_pages_by_50_and_keeps_its_tab(desk, world, travel):
    made = []
    for n in range(51):  # submitted a minute apart: the oldest deadline first
        travel(vn(2026, 3, 9, 8) + timedelta(minutes=n))
        made.append(dossier_in(Status.SUBMITTED, world=world))
    received = dossier_in(Status.RECEIVED, world=world)
    travel(vn(2026, 3, 9, 10))

    first = desk.get(reverse("desk:queue")).content.decode()
    second = desk.get(reverse("desk:queue") + "?tab=cho-tiep-nhan&trang=2").content.decode()

    assert [made[n].code in row for n, row in enumerate(_rows(first))] == [True] * 50
    assert [made[50].code in row for row in _rows(second)] == [True]
    for html in (first, second):
        assert "51 hồ sơ" in html
        tabs = [text_of(a) for a in find_all(parse(html), "a") if a.parents[-1:] == ("li",)
                and a.attrs.get("href", "").startswith("?tab=")]
        # the other tabs keep their counts
        assert tabs == ["Chờ tiếp nhận trực tuyến (51)", "Đã tiếp nhận, chưa chuyển xử lý (1)",
                        "Có kết quả, chờ trả (0)"]
    (next_page,) = find_all(parse(first), "a", rel="next")
    assert next_page.attrs["href"] == "?tab=cho-tiep-nhan&trang=2"
    (previous,) = find_all(parse(second), "a", rel="prev")
    assert previous.attrs["href"] == "?tab=cho-tiep-nhan&trang=1"
    assert received.code not in first + second
