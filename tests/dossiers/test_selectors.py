"""Reads: the officer's inbox (mine, my unit's), the desk's queue of online dossiers, a citizen's
dossiers, the history — what each returns, in which order, with which flags, and in a constant
number of queries (the same for 1 and for 20 dossiers)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.dossiers.selectors import (
    dossier_desk_queue,
    dossier_events,
    dossier_inbox_for_officer,
    dossier_inbox_procedures,
    dossier_list_for_citizen,
    local_day_bounds,
)
from motcua.dossiers.services import processing
from motcua.dossiers.statuses import Channel, Status
from tests.api.caller import DOSSIERS, Caller
from tests.factories.accounts import StaffFactory
from tests.factories.dossiers import dossier_in, vn, world_create


def ids(queue) -> list[int]:
    return [d.pk for d in queue.dossiers]


# --- The officer's inbox ------------------------------------------------------------------


@pytest.fixture
def two_at_work(world, five_day_procedure, same_day_procedure, travel):
    """Received Monday 09/03 08:00 and assigned to the specialist: a 5-day one (due 16/03
    08:00) first, then a same-day one (due Monday 17:00)."""
    travel(vn(2026, 3, 9, 8))
    five = dossier_in(Status.PROCESSING, world=world, procedure=five_day_procedure)
    same = dossier_in(Status.PROCESSING, world=world, procedure=same_day_procedure)
    return five, same


def test_mine_is_ordered_by_the_steps_due_instant(two_at_work, specialist):
    five, same = two_at_work
    inbox = dossier_inbox_for_officer(officer=specialist, at=vn(2026, 3, 9, 10))
    assert ids(inbox) == [same.pk, five.pk]
    assert inbox.dossiers[0].current_step.due_at < inbox.dossiers[1].current_step.due_at


def test_flags_and_counts_on_the_local_day(two_at_work, specialist):
    five, same = two_at_work
    inbox = dossier_inbox_for_officer(officer=specialist, at=vn(2026, 3, 9, 16))
    flags = {d.pk: (d.overdue, d.due_today) for d in inbox.dossiers}
    assert flags == {same.pk: (False, True), five.pk: (False, False)}
    assert (inbox.total, inbox.overdue, inbox.due_today) == (2, 0, 1)

    tomorrow = dossier_inbox_for_officer(officer=specialist, at=vn(2026, 3, 10, 9))
    flags = {d.pk: (d.overdue, d.due_today, d.step_overdue) for d in tomorrow.dossiers}
    assert flags[same.pk] == (True, False, True)
    assert (tomorrow.total, tomorrow.overdue, tomorrow.due_today) == (2, 1, 0)


def test_a_paused_dossier_keeps_the_standing_it_had(two_at_work, specialist, travel):
    _five, same = two_at_work
    travel(vn(2026, 3, 9, 10))
    processing.dossier_request_supplement(dossier=same, actor=specialist, reason="Thiếu",
                                          items=["Tờ khai"])
    # Days later the clock is still stopped: the same-day dossier is neither overdue nor due.
    inbox = dossier_inbox_for_officer(officer=specialist, at=vn(2026, 3, 12, 9))
    paused = next(d for d in inbox.dossiers if d.pk == same.pk)
    assert (paused.overdue, paused.due_today, paused.step_overdue) == (False, False, False)


def test_only_open_dossiers_are_in_the_inbox(world, five_day_procedure, specialist, travel):
    dossier_in(Status.RETURNED, world=world, procedure=five_day_procedure)
    dossier_in(Status.STOPPED, world=world, procedure=five_day_procedure)
    working = dossier_in(Status.AWAITING_APPROVAL, world=world, procedure=five_day_procedure)
    assert ids(dossier_inbox_for_officer(officer=world.leader, scope="unit")) == [working.pk]
    assert ids(dossier_inbox_for_officer(officer=specialist)) == []


def test_the_units_inbox_is_for_who_processes_assigns_or_approves_there(
    two_at_work, world, other_commune, travel,
):
    five, same = two_at_work
    elsewhere = dossier_in(Status.PROCESSING, world=world_create(unit=other_commune))
    for officer in (world.leader, world.specialist):
        assert ids(dossier_inbox_for_officer(officer=officer, scope="unit")) == [same.pk, five.pk]
    assert ids(dossier_inbox_for_officer(officer=world.desk_officer, scope="unit")) == []
    other_leader = StaffFactory(leader=True, unit=other_commune)
    assert ids(dossier_inbox_for_officer(officer=other_leader, scope="unit")) == [elsewhere.pk]


def test_filters_apply_before_the_inbox_is_cut(two_at_work, world, travel):
    five, same = two_at_work  # `same` is the more urgent one
    code = five.procedure_version.procedure.code

    only = dossier_inbox_for_officer(officer=world.leader, scope="unit", limit=1, procedure=code)

    assert ids(only) == [five.pk] and only.total == 1
    assert ids(dossier_inbox_for_officer(officer=world.leader, scope="unit",
                                         status=Status.SUPPLEMENT_REQUESTED)) == []
    offered = dossier_inbox_procedures(officer=world.leader, scope="unit")
    assert {c for c, _name in offered} == {code, same.procedure_version.procedure.code}


def test_local_day_bounds_are_vietnams_day():
    start, end = local_day_bounds(vn(2026, 3, 9, 0, 30))
    assert (start, end) == (vn(2026, 3, 9), vn(2026, 3, 10))


# --- The desk's queue ---------------------------------------------------------------------


def test_the_desk_queue_is_the_units_submitted_dossiers_oldest_deadline_first(
    world, five_day_procedure, other_commune, travel,
):
    travel(vn(2026, 3, 9, 14))
    later = dossier_in(Status.SUBMITTED, world=world, procedure=five_day_procedure)
    travel(vn(2026, 3, 9, 8))
    earlier = dossier_in(Status.SUBMITTED, world=world, procedure=five_day_procedure)
    dossier_in(Status.RECEIVED, world=world, procedure=five_day_procedure)
    dossier_in(Status.SUBMITTED, world=world_create(unit=other_commune))

    queue = dossier_desk_queue(officer=world.desk_officer, at=vn(2026, 3, 10, 9))
    assert ids(queue) == [earlier.pk, later.pk]
    # Earlier: due Tuesday 08:00, late by 09:00. Later: due Tuesday 14:00, due today.
    assert [(d.overdue, d.due_today) for d in queue.dossiers] == [(True, False), (False, True)]
    assert (queue.total, queue.overdue, queue.due_today) == (2, 1, 1)
    assert ids(dossier_desk_queue(officer=world.specialist)) == []


# --- A citizen's dossiers, the history ----------------------------------------------------


def test_a_citizen_sees_their_own_dossiers_newest_first(world, five_day_procedure,
                                                        other_citizen, travel):
    travel(vn(2026, 3, 9, 8))
    first = dossier_in(Status.DRAFT, world=world, procedure=five_day_procedure)
    travel(vn(2026, 3, 9, 9))
    second = dossier_in(Status.SUBMITTED, world=world, procedure=five_day_procedure)
    dossier_in(Status.SUBMITTED, world=world, procedure=five_day_procedure, owner=other_citizen)
    assert [d.pk for d in dossier_list_for_citizen(citizen=world.citizen)] == [second.pk,
                                                                               first.pk]


def test_the_history_is_in_order(world, five_day_procedure, travel):
    dossier = dossier_in(Status.PROCESSING, channel=Channel.ONLINE, world=world,
                         procedure=five_day_procedure)
    assert [e.action for e in dossier_events(dossier=dossier)] == [
        "create_draft", "submit", "accept", "forward", "assign"]


# --- A constant number of queries ---------------------------------------------------------


def _touch(dossiers) -> None:
    """Read what the lists show (API schemas and pages), so lazy loads would be counted."""
    for d in dossiers:
        shown = (d.procedure_version.procedure.code, d.procedure_version.name,
                 d.receiving_unit.code, d.current_unit.code,
                 d.current_step and d.current_step.due_at, d.handler)
        assert shown


def _count(read) -> int:
    with CaptureQueriesContext(connection) as captured:
        read()
    return len(captured)


READS = {
    "inbox mine": (2, lambda w: _touch(dossier_inbox_for_officer(officer=w.specialist).dossiers)),
    # units_where_any: the roles granting any of the permissions, the retired units'
    # successors, then the counts and the page (the units are one subquery of both).
    "inbox unit": (4, lambda w: _touch(
        dossier_inbox_for_officer(officer=w.leader, scope="unit").dossiers)),
    "desk queue": (4, lambda w: _touch(dossier_desk_queue(officer=w.desk_officer).dossiers)),
    "citizen": (1, lambda w: _touch(dossier_list_for_citizen(citizen=w.citizen))),
}
STATUS_FOR = {"inbox mine": Status.PROCESSING, "inbox unit": Status.PROCESSING,
              "desk queue": Status.SUBMITTED, "citizen": Status.SUBMITTED}


@pytest.mark.parametrize("read", list(READS))
def test_each_list_runs_the_same_queries_for_1_and_20_dossiers(read, world, five_day_procedure,
                                                               travel, django_assert_num_queries):
    expected, run = READS[read]
    channel = Channel.ONLINE if read in {"desk queue", "citizen"} else Channel.DIRECT
    make = lambda: dossier_in(STATUS_FOR[read], channel=channel, world=world,  # noqa: E731
                              procedure=five_day_procedure)
    make()
    with django_assert_num_queries(expected):
        run(world)
    for _ in range(19):
        make()
    with django_assert_num_queries(expected):
        run(world)


def test_the_history_is_one_query_for_1_and_20_events(world, five_day_procedure, travel,
                                                      django_assert_num_queries):
    dossier = dossier_in(Status.RECEIVED, world=world, procedure=five_day_procedure)
    for n in range(19):
        # Apologies add events without changing the status.
        processing.dossier_reschedule(dossier=dossier, actor=world.leader, reason=f"Lần {n}",
                                      new_appointment_at=vn(2026, 4, 1 + n, 9))
    with django_assert_num_queries(1):
        events = list(dossier_events(dossier=dossier))
        assert len(events) == 20
        assert all((e.actor and e.actor.full_name, e.unit and e.unit.code) for e in events)


@pytest.mark.parametrize("path", ["/inbox?scope=mine", "/inbox?scope=unit", "/desk-queue",
                                  "/mine"])
def test_the_list_endpoints_do_not_grow_with_the_list(path, world, five_day_procedure, travel):
    callers = {"/inbox?scope=mine": world.specialist, "/inbox?scope=unit": world.leader,
               "/desk-queue": world.desk_officer, "/mine": world.citizen}
    status = Status.PROCESSING if "inbox" in path else Status.SUBMITTED
    channel = Channel.DIRECT if "inbox" in path else Channel.ONLINE
    caller = Caller(callers[path])
    dossier_in(status, channel=channel, world=world, procedure=five_day_procedure)
    caller.client.get(DOSSIERS + path, headers=caller.headers)  # records the token's first use
    one = _count(lambda: caller.client.get(DOSSIERS + path, headers=caller.headers))
    for _ in range(5):
        dossier_in(status, channel=channel, world=world, procedure=five_day_procedure)
    assert _count(lambda: caller.client.get(DOSSIERS + path, headers=caller.headers)) == one
