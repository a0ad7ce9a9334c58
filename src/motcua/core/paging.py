"""Page numbers of a list whose total is already counted (the work lists count their dossiers
in the same aggregate as their overdue ones, so Django's Paginator would count them again).

Same attribute names as `django.core.paginator.Page`, so `partials/pager.html` serves both.
`PageLinks` is what a pager reads from a page's number, its list's count and the page size
(the catalog's `Page` has it too); `Pages` adds the work lists' rule for a number out of range.
"""

from dataclasses import dataclass

MAX_PAGE = 10_000  # far beyond any list a person pages through, and within SQL's OFFSET


def page_number(raw) -> int:
    """The page asked for in a query string (`?trang=3`): anything but a whole number ≥ 1 is
    page 1, rather than an error page for a hand-edited address."""
    try:
        number = int(str(raw).strip())
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE)


class PageLinks:
    """The previous / next links of page `number` of `count` items, `size` a page."""

    number: int
    count: int
    size: int

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.size))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def has_other_pages(self) -> bool:
        return self.num_pages > 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


@dataclass(frozen=True)
class Pages(PageLinks):
    """Page `requested` of `count` items, `size` a page. A number past the last page is the last
    page (as `Paginator.get_page`): a list emptied while its reader paged shows its end."""

    requested: int
    count: int
    size: int

    @property
    def number(self) -> int:
        return min(max(self.requested, 1), self.num_pages)

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size
