"""A procedure's page offers "Nộp hồ sơ trực tuyến" only where the procedure may be submitted
online, and still shows its time limit in words and its downloadable forms."""

import pytest

from tests.factories.catalog import ProcedureFactory
from tests.portal.markup import find_all, parse, text_of

pytestmark = pytest.mark.django_db

BUTTON = "Nộp hồ sơ trực tuyến"


def _buttons(html: str) -> list[str]:
    return [a.attrs["href"] for a in find_all(parse(html), "a", **{"class": "button"})
            if text_of(a) == BUTTON]


@pytest.mark.parametrize("traits", [{"online_partial": True}, {"online_full": True}])
def test_an_online_procedure_links_to_the_submission_wizard(client, traits):
    ProcedureFactory(code="HT-01", **traits)

    html = client.get("/thu-tuc/HT-01/").content.decode()

    assert _buttons(html) == ["/nop-ho-so/HT-01/"]
    assert "Bạn cần đăng nhập" in html


def test_a_procedure_submitted_in_person_only_has_no_button(client):
    ProcedureFactory(code="CT-01")

    html = client.get("/thu-tuc/CT-01/").content.decode()

    assert _buttons(html) == []
    assert "5 ngày làm việc" in html  # the time limit, in words


def test_a_signed_in_person_is_not_told_to_sign_in(client, django_user_model):
    ProcedureFactory(code="HT-01", online_partial=True)
    client.force_login(django_user_model.objects.create_user("cd-test", password="x"))

    html = client.get("/thu-tuc/HT-01/").content.decode()

    assert _buttons(html) == ["/nop-ho-so/HT-01/"] and "Bạn cần đăng nhập" not in html


def test_the_button_is_translated(client):
    ProcedureFactory(code="HT-01", online_full=True)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    html = client.get("/thu-tuc/HT-01/").content.decode()

    assert "Submit online" in html


def test_a_procedure_taking_dossiers_by_post_offers_a_pickup(client):
    procedure = ProcedureFactory(code="HT-01", channels=(1, 3))

    html = client.get(f"/thu-tuc/{procedure.code}/").content.decode()

    assert 'href="/buu-chinh/thu-gom/?thu_tuc=HT-01"' in html
    assert "Nộp hồ sơ trực tuyến" not in html
