"""Switching the interface between Vietnamese and English with Django's set_language view."""

import gettext
import re
from pathlib import Path

from django.conf import settings

from tests.factories.workcal import CalendarDayFactory
from tests.portal.markup import find_all, parse, text_of
from tests.translations import catalog_problems


def test_home_renders_in_english_after_choosing_english(in_english):
    response = in_english.get("/")

    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "<title>Home – Motcua</title>" in html
    assert "How to submit a dossier" in html
    assert "Skip to main content" in html
    assert "Cách nộp hồ sơ" not in html
    assert response.headers["Content-Language"] == "en"


def test_switching_back_to_vietnamese(in_english):
    response = in_english.post("/i18n/setlang/", {"language": "vi", "next": "/"}, follow=True)

    assert response.redirect_chain == [("/", 302)]
    assert '<html lang="vi">' in response.content.decode()


def test_switcher_posts_with_a_csrf_token_and_returns_to_the_same_page(client):
    client = type(client)(enforce_csrf_checks=True)
    elements = parse(client.get("/").content.decode())
    (form,) = [f for f in find_all(elements, "form") if f.attrs.get("class") == "lang-switch"]
    assert form.attrs["method"] == "post"
    (token,) = find_all(elements, "input", name="csrfmiddlewaretoken")
    (next_url,) = find_all(elements, "input", name="next")

    response = client.post(
        form.attrs["action"],
        {"language": "en", "next": next_url.attrs["value"],
         "csrfmiddlewaretoken": token.attrs["value"]},
    )

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_each_language_is_offered_in_its_own_name(in_english):
    elements = parse(in_english.get("/").content.decode())

    buttons = {b.attrs["value"]: b for b in find_all(elements, "button", name="language")}
    assert text_of(buttons["vi"]) == "Tiếng Việt"
    assert buttons["vi"].attrs["lang"] == "vi"
    assert text_of(buttons["en"]) == "English"
    assert buttons["en"].attrs["aria-pressed"] == "true"
    assert buttons["vi"].attrs["aria-pressed"] == "false"


def test_the_english_catalog_is_complete_and_compiled():
    # No untranslated or fuzzy entry, and the .mo (shipped: fresh machines may lack msgfmt)
    # matches the .po. The apps' own catalogs: tests/dossiers/test_i18n.py.
    po = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES" / "django.po"
    assert catalog_problems(po) == []


def test_an_unknown_language_cookie_falls_back_to_vietnamese(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"

    assert '<html lang="vi">' in client.get("/").content.decode()


def test_the_admin_reads_in_vietnamese_where_django_has_no_translation(admin_client):
    # Django's Vietnamese catalog lacks strings added since Django 4; locale/vi supplies them.
    CalendarDayFactory()
    html = admin_client.get("/admin/workcal/calendarday/").content.decode()

    assert "Thực hiện</button>" in html and "- Chọn một mục -" in html
    assert "Hiện số lượng" in html and "Lọc theo ngày" in html
    for english in (">Run<", "Select an option", "Show counts", "Filter by"):
        assert english not in html


def test_the_vietnamese_supplement_is_compiled():
    po = Path(settings.LOCALE_PATHS[0]) / "vi" / "LC_MESSAGES" / "django.po"
    found = re.findall(r'^msgid "(.+)"\n(?:msgid_plural .*\n)?msgstr(?:\[0\])? "(.+)"$',
                       po.read_text("utf-8"), re.M)
    pairs = {_unescape(msgid): _unescape(msgstr) for msgid, msgstr in found}
    assert "Run" in pairs

    with po.with_suffix(".mo").open("rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)
    assert {msgid: catalog.gettext(msgid) for msgid in pairs} == pairs


def _unescape(po_string: str) -> str:
    return po_string.replace('\\"', '"')
