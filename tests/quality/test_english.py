"""Every page in English (after the visitor chose English with the switcher) shows none of the
interface's Vietnamese messages; data (names, procedures marked lang="vi") stays as it is."""

import pytest

from tests.quality.english import untranslated, vietnamese_messages
from tests.quality.pages import PAGES
from tests.quality.reader import parse, visible_text
from tests.quality.support import blank_form, body, cases, elements


def in_english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


def test_the_catalogs_give_messages_to_look_for():
    whole, fragments = vietnamese_messages()

    assert "Trang chủ" in whole
    assert len(whole) > 500 and fragments


@pytest.mark.parametrize("page", cases("english"))
def test_page_in_english_has_no_vietnamese_interface_text(site, page):
    found = elements(site, page, in_english(site.client_for(page.who)))

    (html,) = [e for e in found if e.tag == "html"]
    assert html.attrs["lang"] == "en"
    assert untranslated(visible_text(found)) == []


def test_the_check_finds_the_vietnamese_interface(site):
    """The same page left in Vietnamese: the check is not blind."""
    found = elements(site, PAGES[0])

    assert {"Trang chủ", "Tra cứu hồ sơ"} <= set(untranslated(visible_text(found)))


@pytest.mark.parametrize("page", cases("english-errors", [p for p in PAGES if p.invalid]))
def test_error_messages_in_english_are_english(site, page):
    client, path, data = blank_form(site, page)
    in_english(client)

    found = parse(body(client.post(path, data)).decode())

    assert untranslated(visible_text(found)) == []
