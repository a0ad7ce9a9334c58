"""What the processing actions do to the clock (DESIGN.md "Working time", docs/deadlines.md).

Standard process, 5 working days: received Monday 09/03/2026 08:00 → legal due Monday
16/03/2026 08:00; the appraisal step (24 h) starts at the forward.
"""

from datetime import timedelta

import pytest

from motcua.dossiers.classification import (
    dossier_outcome,
    dossier_standing,
    step_outcome,
    step_standing,
)
from motcua.dossiers.control_sheet import control_sheet
from motcua.dossiers.inputs import ResultData
from motcua.dossiers.models import DossierPause
from motcua.dossiers.services import processing as P
from motcua.dossiers.statuses import Action, Status
from motcua.workcal.engine import Outcome, Standing
from tests.dossiers.processing_support import fresh
from tests.factories.dossiers import dossier_in, vn

H = 3_600_000_000
RESULT = [ResultData(name="Giấy chứng nhận", number="01/GCN")]


@pytest.fixture
def forwarded(world, five_day_procedure, travel):
    """Received Mon 09/03 08:00, forwarded at 09:00 and assigned to the specialist."""
    dossier = dossier_in(Status.RECEIVED, world=world, procedure=five_day_procedure,
                         owner=world.citizen)
    travel(vn(2026, 3, 9, 9))
    P.dossier_forward(dossier=dossier, actor=world.desk_officer)
    return fresh(P.dossier_assign(dossier=dossier, actor=world.leader, handler=world.specialist))


def _supplement(dossier, world, *, asked, answered, travel):
    travel(asked)
    P.dossier_request_supplement(dossier=dossier, actor=world.specialist, reason="Ảnh mờ",
                                 items=["Bản sao CCCD rõ nét"])
    travel(answered)
    return fresh(P.dossier_supplement(dossier=dossier, actor=world.citizen))


def test_a_pause_carries_the_working_time_left(forwarded, world, travel):
    assert forwarded.current_step.due_at == vn(2026, 3, 12, 9)

    dossier = _supplement(forwarded, world, asked=vn(2026, 3, 11, 10),
                          answered=vn(2026, 3, 16, 14), travel=travel)

    # Left at the pause: Wed 5.5 h + Thu 8 h + Fri 8 h + Mon 0.5 h = 22 h, counted from the
    # resume Mon 16/03 14:00: Mon 3 h, Tue 8 h, Wed 8 h, Thu 07:30 + 3 h.
    assert dossier.due_at == vn(2026, 3, 19, 10, 30)
    assert dossier.appointment_at == dossier.due_at
    assert dossier.paused_at is None and dossier.status == Status.PROCESSING
    # The step had 7 h left (Wed 5.5 h, Thu 1.5 h): Mon 3 h, Tue 07:30 + 4 h = 11:30 (a
    # session's end stays there).
    assert dossier.current_step.due_at == vn(2026, 3, 17, 11, 30)
    pause = DossierPause.objects.get(dossier=dossier)
    assert (pause.started_at, pause.ended_at) == (vn(2026, 3, 11, 10), vn(2026, 3, 16, 14))
    assert (pause.due_before, pause.due_after) == (vn(2026, 3, 16, 8), vn(2026, 3, 19, 10, 30))
    event = dossier.events.last()
    assert event.action == Action.SUPPLEMENT
    assert event.data["due_before"] == vn(2026, 3, 16, 8).isoformat()
    assert event.data["due_after"] == vn(2026, 3, 19, 10, 30).isoformat()


def test_the_step_time_used_leaves_out_the_pause(forwarded, world, travel):
    dossier = _supplement(forwarded, world, asked=vn(2026, 3, 11, 10),
                          answered=vn(2026, 3, 16, 14), travel=travel)
    travel(vn(2026, 3, 17, 10))

    dossier = fresh(P.dossier_propose_result(dossier=dossier, actor=world.specialist))

    appraisal = dossier.steps.get(position=2)
    # Mon 6.5 h + Tue 8 h + Wed 2.5 h before the pause, Mon 3 h + Tue 2.5 h after: 22.5 h.
    assert appraisal.used_us == 22.5 * H
    # Used < allotted (24 h), but finished on its due day (Tue 17/03, due 11:30): on time —
    # early means an earlier day (classification.py).
    assert step_outcome(appraisal) == Outcome.ON_TIME


def test_a_dossier_overdue_when_paused_stays_overdue(forwarded, world, travel):
    dossier = _supplement(forwarded, world, asked=vn(2026, 3, 17, 9),
                          answered=vn(2026, 3, 19, 9), travel=travel)

    assert dossier.due_at == vn(2026, 3, 16, 8)
    assert dossier_standing(dossier, cutoff=vn(2026, 3, 19, 9)).legal == Standing.OVERDUE


def test_while_paused_a_dossier_stands_as_it_did_at_the_pause(forwarded, world, travel):
    travel(vn(2026, 3, 12, 9))
    P.dossier_request_supplement(dossier=forwarded, actor=world.specialist, reason="Thiếu",
                                 items=["Tờ khai"])
    dossier = fresh(forwarded)

    # Weeks later the clock is still stopped: within deadline, not overdue.
    standing = dossier_standing(dossier, cutoff=vn(2026, 4, 30, 9))
    assert standing.legal == Standing.WITHIN and standing.decision_766 == Standing.WITHIN
    assert step_standing(dossier.current_step, cutoff=vn(2026, 3, 12, 9)) == Standing.WITHIN


def test_two_pauses_and_decision_766(forwarded, world, travel):
    dossier = _supplement(forwarded, world, asked=vn(2026, 3, 10, 9),
                          answered=vn(2026, 3, 11, 9), travel=travel)
    # Left at the first pause (Tue 09:00 → Mon 08:00): 31 h, counted from Wed 09:00: Wed 6.5,
    # Thu 8, Fri 8, Mon 8, Tue 07:30 + 0.5 → one working day later than before.
    assert dossier.due_at == vn(2026, 3, 17, 8)
    dossier = _supplement(dossier, world, asked=vn(2026, 3, 12, 13),
                          answered=vn(2026, 3, 13, 13), travel=travel)
    # The second pause also lasts one working day (Thu 13:00 → Fri 13:00).
    assert dossier.due_at == vn(2026, 3, 18, 8)
    assert dossier.supplement_requests == 2
    second = dossier.events.filter(action=Action.REQUEST_SUPPLEMENT).last()
    assert second.data["request_number"] == 2 and second.data["late_by_decision_766"] is True
    first = dossier.events.filter(action=Action.REQUEST_SUPPLEMENT).first()
    assert first.data["late_by_decision_766"] is False

    travel(vn(2026, 3, 16, 9))
    P.dossier_propose_result(dossier=dossier, actor=world.specialist)
    dossier = fresh(P.dossier_approve(dossier=dossier, actor=world.leader, results=RESULT))

    settled = dossier_outcome(dossier)
    assert settled.legal == Outcome.EARLY  # days before its due date
    assert settled.decision_766 == Outcome.LATE  # two supplement requests
    assert dossier.events.last().data["outcome_766"] == Outcome.LATE


def test_an_apology_moves_the_appointment_not_the_legal_due(forwarded, world, travel):
    travel(vn(2026, 3, 13, 9))

    dossier = fresh(P.dossier_reschedule(
        dossier=forwarded, actor=world.leader, reason="Chờ kết quả xác minh của Công an xã",
        new_appointment_at=vn(2026, 3, 20, 17)))

    assert dossier.appointment_at == vn(2026, 3, 20, 17)
    assert dossier.due_at == vn(2026, 3, 16, 8)
    assert dossier.reschedules == 1
    event = dossier.events.last()
    assert event.data == {
        "reason": "Chờ kết quả xác minh của Công an xã",
        "old_appointment_at": vn(2026, 3, 16, 8).isoformat(),
        "new_appointment_at": vn(2026, 3, 20, 17).isoformat(),
        "due_at": vn(2026, 3, 16, 8).isoformat(), "number": 1,
    }

    travel(vn(2026, 3, 19, 9))  # before the new appointment, after the legal due
    P.dossier_propose_result(dossier=dossier, actor=world.specialist)
    dossier = fresh(P.dossier_approve(dossier=dossier, actor=world.leader, results=RESULT))
    assert dossier_outcome(dossier).legal == Outcome.LATE  # still late for statistics


def test_a_pause_after_an_apology_moves_both_instants(forwarded, world, travel):
    travel(vn(2026, 3, 10, 9))
    P.dossier_reschedule(dossier=forwarded, actor=world.leader, reason="Chờ xác minh",
                         new_appointment_at=vn(2026, 3, 18, 8))
    dossier = _supplement(forwarded, world, asked=vn(2026, 3, 11, 8),
                          answered=vn(2026, 3, 12, 8), travel=travel)
    # One working day of pause: both move by one working day.
    assert dossier.due_at == vn(2026, 3, 17, 8)
    assert dossier.appointment_at == vn(2026, 3, 19, 8)


def test_each_step_is_early_on_time_or_late(forwarded, world, travel):
    """Appraisal due Thu 12/03 09:00, proposed Tue 10/03: early. Leader step (8 h) from Tue
    10:00, due Wed 11/03 10:00, approved at 10:00 sharp: on time. Return step (4 h) from Wed
    10:00, due Wed 15:30, returned Thu: late."""
    travel(vn(2026, 3, 10, 10))
    P.dossier_propose_result(dossier=forwarded, actor=world.specialist)
    travel(vn(2026, 3, 11, 10))
    P.dossier_approve(dossier=forwarded, actor=world.leader, results=RESULT)
    travel(vn(2026, 3, 12, 8))
    dossier = fresh(P.dossier_return_result(dossier=forwarded, actor=world.desk_officer))

    steps = list(dossier.steps.all())
    assert [s.due_at for s in steps[1:]] == [vn(2026, 3, 12, 9), vn(2026, 3, 11, 10),
                                             vn(2026, 3, 11, 15, 30)]
    assert [step_outcome(s) for s in steps] == [
        Outcome.ON_TIME, Outcome.EARLY, Outcome.ON_TIME, Outcome.LATE]
    assert dossier_outcome(dossier).legal == Outcome.EARLY  # settled (approved) on 11/03

    sheet = control_sheet(dossier)
    assert [(r.action, r.step, r.outcome) for r in sheet.rows] == [
        (Action.RECEIVE, "", None),
        (Action.FORWARD, "Tiếp nhận hồ sơ", Outcome.ON_TIME),
        (Action.ASSIGN, "Thẩm định hồ sơ", None),
        (Action.PROPOSE_RESULT, "Thẩm định hồ sơ", Outcome.EARLY),
        (Action.APPROVE, "Phê duyệt kết quả", Outcome.ON_TIME),
        (Action.RETURN_RESULT, "Trả kết quả", Outcome.LATE),
    ]


def test_open_standing_at_a_cutoff(forwarded):
    assert dossier_standing(forwarded, cutoff=vn(2026, 3, 16, 8)).legal == Standing.WITHIN
    assert dossier_standing(forwarded, cutoff=vn(2026, 3, 16, 8, 1)).legal == Standing.OVERDUE
    assert dossier_outcome(forwarded) is None
    later = forwarded.current_step.due_at + timedelta(minutes=1)
    assert step_standing(forwarded.current_step, cutoff=later) == Standing.OVERDUE


def test_two_supplement_requests_make_an_open_dossier_overdue_for_766(forwarded, world, travel):
    dossier = _supplement(forwarded, world, asked=vn(2026, 3, 10, 9),
                          answered=vn(2026, 3, 10, 14), travel=travel)
    dossier = _supplement(dossier, world, asked=vn(2026, 3, 11, 9),
                          answered=vn(2026, 3, 11, 14), travel=travel)
    standing = dossier_standing(dossier, cutoff=vn(2026, 3, 12, 9))
    assert (standing.legal, standing.decision_766) == (Standing.WITHIN, Standing.OVERDUE)
