"""Rating a settled dossier (Decree 61/2018 Art. 35; DOMAIN.md §6.1): nine criteria of 0–2
points, a satisfaction level and a comment; only the owner, only once settled, once."""

import pytest

from motcua.dossiers import errors
from motcua.dossiers.statuses import Status
from motcua.ratings.models import Rating
from motcua.ratings.services import AlreadyRated, rating_submit
from tests.factories.accounts import CitizenFactory, StaffFactory
from tests.factories.dossiers import vn
from tests.portal.markup import find_all, parse
from tests.portal.my_dossiers_support import mine

SCORES = {"c1": 2, "c2": 2, "c3": 1, "c4": 2, "c5": 2, "c6": 1, "c7": 2, "c8": 2, "c9": 0}


def _answers(**overrides) -> dict[str, str]:
    data = {name: str(points) for name, points in SCORES.items()}
    data |= {"satisfaction": "satisfied", "comment": "Cán bộ hướng dẫn tận tình"}
    return {**data, **overrides}


def test_the_owner_rates_a_returned_dossier(world, procedure, travel):
    dossier = mine(Status.RETURNED, world, procedure)
    travel(vn(2026, 3, 12, 9))

    rating = rating_submit(dossier=dossier, actor=world.citizen, scores=SCORES,
                           satisfaction="very_satisfied", comment="  Tốt  ")

    assert (rating.total, rating.satisfaction, rating.comment) == (14, "very_satisfied", "Tốt")
    assert rating.unit == world.unit
    assert rating.submitted_at == vn(2026, 3, 12, 9)
    assert [getattr(rating, name) for name in SCORES] == list(SCORES.values())


def test_a_result_ready_dossier_may_be_rated_too(world, procedure):
    dossier = mine(Status.RESULT_READY, world, procedure)

    assert rating_submit(dossier=dossier, actor=world.citizen, scores=SCORES,
                         satisfaction="satisfied").total == 14


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.PROCESSING,
                                    Status.SUPPLEMENT_REQUESTED, Status.REFUSED])
def test_only_a_settled_dossier_may_be_rated(world, procedure, status):
    dossier = mine(status, world, procedure)

    with pytest.raises(errors.ActionNotAllowed, match="đã có kết quả"):
        rating_submit(dossier=dossier, actor=world.citizen, scores=SCORES,
                      satisfaction="satisfied")
    assert not Rating.objects.exists()


@pytest.mark.parametrize("who", ["another citizen", "the desk officer", "nobody"])
def test_only_the_owner_may_rate(world, procedure, who):
    dossier = mine(Status.RETURNED, world, procedure)
    actor = {"another citizen": CitizenFactory, "the desk officer": lambda: world.desk_officer,
             "nobody": lambda: None}[who]()

    with pytest.raises(errors.ActionForbidden):
        rating_submit(dossier=dossier, actor=actor, scores=SCORES, satisfaction="satisfied")
    assert not Rating.objects.exists()


def test_a_dossier_is_rated_once(world, procedure):
    dossier = mine(Status.RETURNED, world, procedure)
    rating_submit(dossier=dossier, actor=world.citizen, scores=SCORES, satisfaction="satisfied")

    with pytest.raises(AlreadyRated):
        rating_submit(dossier=dossier, actor=world.citizen, scores={**SCORES, "c9": 2},
                      satisfaction="very_satisfied")
    assert Rating.objects.get().total == 14


@pytest.mark.parametrize(("scores", "field"), [
    ({**SCORES, "c3": 3}, "c3"),
    ({**SCORES, "c1": -1}, "c1"),
    ({**SCORES, "c5": "2"}, "c5"),
    ({**SCORES, "c7": True}, "c7"),
    ({k: v for k, v in SCORES.items() if k != "c9"}, "c9"),
])
def test_each_criterion_is_0_1_or_2(world, procedure, scores, field):
    dossier = mine(Status.RETURNED, world, procedure)

    with pytest.raises(errors.InvalidInput) as refused:
        rating_submit(dossier=dossier, actor=world.citizen, scores=scores,
                      satisfaction="satisfied")
    assert refused.value.field == field


def test_satisfaction_and_comment_are_checked(world, procedure):
    dossier = mine(Status.RETURNED, world, procedure)

    with pytest.raises(errors.InvalidInput) as level:
        rating_submit(dossier=dossier, actor=world.citizen, scores=SCORES, satisfaction="meh")
    with pytest.raises(errors.InvalidInput) as comment:
        rating_submit(dossier=dossier, actor=world.citizen, scores=SCORES,
                      satisfaction="satisfied", comment="x" * 2001)
    assert (level.value.field, comment.value.field) == ("satisfaction", "comment")


# --- The page ------------------------------------------------------------------------------


def test_the_page_asks_nine_questions_and_stores_the_answers(citizen_client, world, procedure):
    dossier = mine(Status.RETURNED, world, procedure)
    detail = citizen_client.get(f"/ho-so/{dossier.code}/").content.decode()
    assert f'href="/ho-so/{dossier.code}/danh-gia/"' in detail

    page = parse(citizen_client.get(f"/ho-so/{dossier.code}/danh-gia/").content.decode())
    legends = [e for e in find_all(page, "legend") if "main" in e.parents]
    assert len(legends) == 10  # nine criteria and the overall satisfaction
    assert len(find_all(page, "input", type="radio")) == 9 * 3 + 3

    response = citizen_client.post(f"/ho-so/{dossier.code}/danh-gia/", _answers(), follow=True)

    assert response.redirect_chain == [(f"/ho-so/{dossier.code}/", 302)]
    assert "Cảm ơn bạn đã đánh giá." in response.content.decode()
    rating = Rating.objects.get(dossier=dossier)
    assert (rating.total, rating.comment) == (14, "Cán bộ hướng dẫn tận tình")
    assert f"/ho-so/{dossier.code}/danh-gia/" not in response.content.decode()


def test_unanswered_questions_are_listed_at_the_top(citizen_client, world, procedure):
    dossier = mine(Status.RETURNED, world, procedure)
    answers = _answers()
    del answers["c4"], answers["satisfaction"]

    response = citizen_client.post(f"/ho-so/{dossier.code}/danh-gia/", answers)

    assert response.status_code == 422
    page = parse(response.content.decode())
    links = [e.attrs["href"] for e in find_all(page, "a") if e.attrs["href"].startswith("#id_")]
    assert "#id_c4_0" in links and "#id_satisfaction_0" in links
    checked = [e.attrs["id"] for e in find_all(page, "input", type="radio") if "checked" in e.attrs]
    assert "id_c1_0" in checked  # what was chosen is kept
    assert not Rating.objects.exists()


def test_a_second_rating_shows_a_message(citizen_client, world, procedure):
    dossier = mine(Status.RETURNED, world, procedure)
    citizen_client.post(f"/ho-so/{dossier.code}/danh-gia/", _answers())

    again = citizen_client.post(f"/ho-so/{dossier.code}/danh-gia/", _answers(c9="2"))

    html = again.content.decode()
    assert "Bạn đã đánh giá hồ sơ này" in html
    assert "14/18 điểm" in html
    assert Rating.objects.get().total == 14


def test_an_unsettled_dossier_shows_why_it_cannot_be_rated(citizen_client, world, procedure):
    dossier = mine(Status.PROCESSING, world, procedure)

    response = citizen_client.post(f"/ho-so/{dossier.code}/danh-gia/", _answers())

    assert "Bạn chỉ có thể đánh giá khi hồ sơ đã có kết quả giải quyết." in (
        response.content.decode())
    assert not Rating.objects.exists()


# --- The admin: read-only, for those who see reports of the unit ---------------------------


def test_the_admin_lists_ratings_read_only(client, world, procedure):
    from motcua.accounts.roles import Role

    dossier = mine(Status.RETURNED, world, procedure)
    rating = rating_submit(dossier=dossier, actor=world.citizen, scores=SCORES,
                           satisfaction="satisfied")
    # A leader sees the reports of the unit (and below): the ratings feed them.
    viewer = StaffFactory(role=Role.LEADER, unit=world.unit, is_staff=True)
    client.force_login(viewer)

    listing = client.get("/admin/ratings/rating/")
    detail = client.get(f"/admin/ratings/rating/{rating.pk}/change/")

    assert listing.status_code == 200 and dossier.code in listing.content.decode()
    assert detail.status_code == 200
    assert 'name="c1"' not in detail.content.decode()  # shown, not editable
    assert client.get("/admin/ratings/rating/add/").status_code == 403
    assert client.post(f"/admin/ratings/rating/{rating.pk}/delete/",
                       {"post": "yes"}).status_code == 403
    assert Rating.objects.filter(pk=rating.pk).exists()


def test_the_admin_hides_other_units_ratings(client, world, procedure):
    from motcua.accounts.roles import Role

    dossier = mine(Status.RETURNED, world, procedure)
    rating_submit(dossier=dossier, actor=world.citizen, scores=SCORES, satisfaction="satisfied")
    outsider = StaffFactory(role=Role.LEADER, is_staff=True)
    client.force_login(outsider)

    response = client.get("/admin/ratings/rating/")

    assert dossier.code not in response.content.decode()
