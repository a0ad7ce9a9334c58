"""The public look-up, GET /api/v1/lookup?code=&digits=: no authentication, no personal data,
no way to tell an unknown code from wrong digits, and a rate limit per client address."""

import json
import uuid
from datetime import UTC, datetime

import pytest
from django.core.cache import cache, caches

from motcua.api.throttling import _count
from motcua.core.clock import VIETNAM
from motcua.dossiers.lookup import dossier_lookup
from motcua.dossiers.models import Dossier, DossierStep
from motcua.dossiers.statuses import Status
from tests.api.caller import Caller
from tests.factories.dossiers import dossier_in

LOOKUP = "/api/v1/lookup"


@pytest.fixture(autouse=True)
def _fresh_rate_limit(db):
    """The limit's counters live in the cache; a process-local cache outlives a test."""
    cache.clear()


@pytest.fixture
def dossier(world, five_day_procedure, travel):
    # The world's citizen: CCCD 099090xxxxxx, phone 0100xxxxxx (tests/factories/accounts.py).
    return dossier_in(Status.PROCESSING, world=world, procedure=five_day_procedure)


def _ask(code: str, digits: str, ip: str = "203.0.113.7"):
    return Caller().client.get(LOOKUP, {"code": code, "digits": digits}, REMOTE_ADDR=ip)


def test_the_last_four_digits_of_the_phone_or_the_id_number_open_the_dossier(dossier):
    for digits in (dossier.applicant_phone[-4:], dossier.applicant_id_number[-4:]):
        response = _ask(dossier.code, digits)
        assert response.status_code == 200, response.content
        found = response.json()
        assert found["code"] == dossier.code
        assert (found["status"], found["national_status"]) == ("processing", 4)
        assert found["status_label"] == "Đang xử lý"
        assert found["procedure"] == dossier.procedure_version.name
        assert [step["name"] for step in found["steps"]][:2] == [
            "Tiếp nhận hồ sơ", "Thẩm định hồ sơ"]
        assert found["received_at"].endswith("+07:00") and found["due_at"]


def test_the_answer_carries_no_personal_data(dossier, world):
    body = _ask(dossier.code, dossier.applicant_phone[-4:]).content.decode()
    person = world.citizen
    for secret in (person.full_name, person.cccd, person.phone, person.address, person.email,
                   dossier.applicant_name, "applicant", "phone", "address", "id_number"):
        assert secret not in body, secret
    assert set(json.loads(body)) == {
        "code", "procedure", "receiving_unit", "channel", "status", "status_label",
        "national_status", "submitted_at", "received_at", "due_at", "appointment_at",
        "finished_at", "returned_at", "steps"}


def test_wrong_digits_and_an_unknown_code_give_the_same_answer(dossier):
    wrong = _ask(dossier.code, "0000" if dossier.applicant_phone[-4:] != "0000" else "1111")
    unknown = _ask("000.00.99.H99-260309-9999", dossier.applicant_phone[-4:])
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.content == unknown.content
    assert wrong.json()["code"] == "not_found"
    assert set(wrong.headers) == set(unknown.headers)


def test_a_draft_cannot_be_looked_up(world, five_day_procedure, travel):
    draft = dossier_in(Status.DRAFT, world=world, procedure=five_day_procedure)
    assert dossier_lookup(code=str(draft.code), digits=draft.applicant_phone[-4:]) is None


@pytest.mark.parametrize("digits", ["123", "12345", "abcd", ""])
def test_digits_must_be_exactly_four(dossier, digits):
    response = _ask(dossier.code, digits)
    assert response.status_code == 422
    assert response.json()["field"] == "digits"


def test_the_look_up_is_rate_limited_per_client_address(dossier, settings):
    settings.MOTCUA_LOOKUP_RATE = "3/min"
    answers = [_ask(dossier.code, "0000").status_code for _ in range(4)]
    assert answers == [404, 404, 404, 429]
    limited = _ask(dossier.code, dossier.applicant_phone[-4:])
    assert limited.status_code == 429  # even with the right digits: guessing is what it stops
    assert limited.json()["code"] == "rate_limited"
    assert int(limited["Retry-After"]) > 0
    # another address is not affected
    assert _ask(dossier.code, dossier.applicant_phone[-4:], ip="198.51.100.9").status_code == 200


def test_a_forged_forwarded_for_header_does_not_reset_the_limit(dossier, settings):
    settings.MOTCUA_LOOKUP_RATE = "2/min"
    answers = [
        Caller().client.get(LOOKUP, {"code": dossier.code, "digits": "0000"},
                            REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
        .status_code
        for n in range(3)
    ]
    assert answers == [404, 404, 429]


def test_the_look_up_reads_the_dossier_and_its_steps_in_one_query(dossier,
                                                                  django_assert_num_queries):
    with django_assert_num_queries(1):
        assert dossier_lookup(code=dossier.code, digits="0000") is None
    with django_assert_num_queries(1):
        found = dossier_lookup(code=dossier.code, digits=dossier.applicant_phone[-4:])
    assert len(found.steps) == dossier.steps.count() > 1


def test_the_look_up_reads_instants_and_steps_as_the_dossier_has_them(dossier):
    """Aware instants to the microsecond (SQLite keeps them as text), steps in their order."""
    step = dossier.steps.order_by("position").first()
    moved = datetime(2026, 3, 9, 1, 2, 3, 456789, tzinfo=UTC)
    DossierStep.objects.filter(pk=step.pk).update(started_at=moved)
    Dossier.objects.filter(pk=dossier.pk).update(received_at=moved)
    dossier.refresh_from_db()

    found = dossier_lookup(code=f"  {dossier.code} ", digits=f" {dossier.applicant_phone[-4:]}")

    assert found.received_at == moved and found.received_at.utcoffset() is not None
    assert (found.submitted_at, found.due_at, found.finished_at) == (
        dossier.submitted_at, dossier.due_at, dossier.finished_at)
    steps = list(dossier.steps.order_by("position"))
    assert [(s.name, s.started_at, s.due_at, s.finished_at) for s in found.steps] == [
        (s.name, s.started_at, s.due_at, s.finished_at) for s in steps]
    assert found.steps[0].started_at == moved
    assert all(s.due_at is None or s.due_at.utcoffset() is not None for s in found.steps)


def test_a_dossier_not_yet_received_has_no_steps_to_show(world, five_day_procedure, travel):
    submitted = dossier_in(Status.SUBMITTED, world=world, procedure=five_day_procedure)
    found = dossier_lookup(code=submitted.code, digits=submitted.applicant_id_number[-4:])
    assert (found.status, found.steps, found.received_at) == ("submitted", [], None)
    assert found.submitted_at == submitted.submitted_at


def test_the_limit_is_told_in_retry_after_and_lifts_when_the_minute_ends(dossier, settings,
                                                                         travel):
    settings.MOTCUA_LOOKUP_RATE = "2/min"
    travel(datetime(2026, 3, 9, 10, 0, 20, tzinfo=VIETNAM))
    assert [_ask(dossier.code, "0000").status_code for _ in range(3)] == [404, 404, 429]
    limited = _ask(dossier.code, "0000")
    assert limited["Retry-After"] == "40"
    assert limited.json() == {"code": "rate_limited", "message": limited.json()["message"],
                              "field": None}

    travel(datetime(2026, 3, 9, 10, 0, 59, 500_000, tzinfo=VIETNAM))
    assert _ask(dossier.code, "0000")["Retry-After"] == "1"
    travel(datetime(2026, 3, 9, 10, 1, tzinfo=VIETNAM))
    assert _ask(dossier.code, dossier.applicant_phone[-4:]).status_code == 200


def _counted(cache_a, cache_b) -> list[int]:
    """Counts of one client address through two connections to one cache, as two web
    processes have them."""
    key = f"motcua_throttle_lookup_test-{uuid.uuid4().hex}"
    return [_count(cache, key, 60) for cache in (cache_a, cache_b, cache_a, cache_b)]


@pytest.mark.parametrize("backend", ["db.DatabaseCache", "locmem.LocMemCache"])
def test_two_connections_count_against_one_limit(db, settings, backend):
    settings.CACHES = {"default": {"BACKEND": f"django.core.cache.backends.{backend}",
                                   "LOCATION": "motcua_cache"}}
    assert _counted(caches.create_connection("default"),
                    caches.create_connection("default")) == [1, 2, 3, 4]


def _redis_answers() -> bool:
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _redis_answers(), reason="needs a Redis server on 127.0.0.1:6379")
def test_the_limit_holds_with_the_cache_on_redis(dossier, settings):
    """MOTCUA_CACHE_BACKEND=redis (docs/operations.md): the counters live in Redis, which
    every web process shares, like the database table."""
    import redis

    server = redis.Redis.from_url("redis://127.0.0.1:6379/15")
    prefix = f"motcua-test-{uuid.uuid4().hex}"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:6379/15",
                                   "KEY_PREFIX": prefix}}
    settings.MOTCUA_LOOKUP_RATE = "2/min"
    try:
        answers = [_ask(dossier.code, "0000").status_code for _ in range(3)]
        assert answers == [404, 404, 429]
        (key,) = server.keys(f"{prefix}:*")  # the counter is in Redis
        assert int(server.get(key)) == 3 and 0 < server.ttl(key) <= 60
        # Two web processes (two clients, two connection pools) count against one limit.
        assert _counted(caches.create_connection("default"),
                        caches.create_connection("default")) == [1, 2, 3, 4]
    finally:
        for key in server.scan_iter(f"{prefix}:*"):
            server.delete(key)
