"""An invalid submit of every form answers with an error summary at the top that links to the
fields in error, and those fields say so to screen readers (aria-invalid)."""

import pytest

from tests.quality import checks
from tests.quality.pages import PAGES
from tests.quality.reader import parse
from tests.quality.support import blank_form, body, cases

FORMS = [page for page in PAGES if page.invalid]


@pytest.mark.parametrize("page", cases("errors", FORMS))
def test_a_blank_submit_shows_an_error_summary_linked_to_the_fields(site, page):
    client, path, data = blank_form(site, page)

    response = client.post(path, data)

    assert response.status_code in {200, 400, 422}, (path, response.status_code)
    elements = parse(body(response).decode())
    assert checks.error_summary(elements) == []
    assert checks.every_check(elements) == []
