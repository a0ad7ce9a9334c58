"""Page numbers of the work lists: what a hand-edited `?trang=` gives, and where a page starts."""

import pytest

from motcua.core.paging import MAX_PAGE, Pages, page_number


@pytest.mark.parametrize(("raw", "number"), [
    ("3", 3), (" 2 ", 2), ("0", 1), ("-4", 1), ("abc", 1), ("", 1), (None, 1), ("2.5", 1),
    ("10" * 30, MAX_PAGE),
])
def test_page_number_from_the_address(raw, number):
    assert page_number(raw) == number


def test_pages_of_a_list():
    pages = Pages(requested=2, count=101, size=50)

    assert (pages.number, pages.num_pages, pages.offset) == (2, 3, 50)
    assert pages.has_previous and pages.has_next and pages.has_other_pages
    assert (pages.previous_page_number(), pages.next_page_number()) == (1, 3)


def test_a_page_past_the_end_is_the_last_and_an_empty_list_has_one_page():
    assert Pages(requested=9, count=101, size=50).number == 3
    empty = Pages(requested=4, count=0, size=50)
    assert (empty.number, empty.num_pages, empty.offset) == (1, 1, 0)
    assert not (empty.has_previous or empty.has_next or empty.has_other_pages)
