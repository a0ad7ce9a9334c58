"""Every page's markup meets the WCAG 2.1 AA basics that HTML alone shows: lang, one <main>,
one <h1> and headings in order, labelled controls, named links, buttons and images, no inline
style or script without the nonce, named data tables with scoped headers."""

import pytest

from tests.quality import checks
from tests.quality.support import cases, elements


@pytest.mark.parametrize("page", cases("markup"))
def test_page_markup_meets_the_basics(site, page):
    assert checks.every_check(elements(site, page)) == []
