"""Deadlines at intake, with a frozen clock (DESIGN.md "Working time"; docs/deadlines.md).

The desk's acceptance deadline runs from the online submission; the processing clock from the
acceptance or the receipt at the desk — never from the submission."""

import pytest

from motcua.dossiers.services import intake
from motcua.dossiers.statuses import Channel, Status
from tests.factories.dossiers import components_for, dossier_in, vn

pytestmark = pytest.mark.django_db


def submit(world, procedure):
    return intake.dossier_submit_new(
        owner=world.citizen, procedure_version=procedure.current_version,
        receiving_unit=world.unit, applicant=world.applicant())


def receive(world, procedure):
    return intake.dossier_receive(
        actor=world.desk_officer, procedure_version=procedure.current_version,
        receiving_unit=world.unit, applicant=world.applicant(),
        components=components_for(procedure))


@pytest.mark.parametrize(
    ("submitted", "acceptance_due", "why"),
    [
        (vn(2026, 3, 6, 16), vn(2026, 3, 9, 16), "Friday 16:00: 1 h on Friday, 7 h on Monday"),
        (vn(2026, 3, 9, 10), vn(2026, 3, 10, 10), "a weekday morning: the next morning"),
        (vn(2026, 3, 7, 22), vn(2026, 3, 9, 17), "Saturday night: all of Monday"),
        (vn(2026, 3, 9, 12), vn(2026, 3, 10, 11, 30), "in the lunch break: from 13:00"),
        (vn(2026, 2, 13, 16), vn(2026, 2, 23, 16), "the last afternoon before Tết 2026"),
    ],
)
def test_the_desks_acceptance_deadline_is_8_working_hours(world, five_day_procedure, travel,
                                                          submitted, acceptance_due, why):
    travel(submitted)
    dossier = submit(world, five_day_procedure)
    assert dossier.submitted_at == submitted
    assert dossier.acceptance_due_at == acceptance_due, why


def test_the_acceptance_deadline_is_a_setting(world, five_day_procedure, travel, settings):
    settings.MOTCUA_ACCEPTANCE_WORKING_HOURS = 4
    travel(vn(2026, 3, 6, 16))
    assert submit(world, five_day_procedure).acceptance_due_at == vn(2026, 3, 9, 10, 30)


def test_the_processing_clock_starts_at_acceptance_not_submission(world, five_day_procedure,
                                                                  travel):
    # Given a dossier submitted online on Friday 16:00
    travel(vn(2026, 3, 6, 16))
    submitted = submit(world, five_day_procedure)
    # When the desk accepts it on Monday 10:00
    travel(vn(2026, 3, 9, 10))
    received = intake.dossier_accept(dossier=submitted, actor=world.desk_officer)
    # Then 5 working days run from Monday 10:00
    assert received.received_at == vn(2026, 3, 9, 10)
    assert received.due_at == received.appointment_at == vn(2026, 3, 16, 10)


@pytest.mark.parametrize(
    ("received", "due", "why"),
    [
        (vn(2026, 3, 9, 10), vn(2026, 3, 16, 10), "5 working days later, same hour"),
        (vn(2026, 3, 6, 16), vn(2026, 3, 13, 16), "Friday afternoon: the weekends skipped"),
        (vn(2026, 3, 9, 18), vn(2026, 3, 16, 17),
         "after closing: from Tuesday 07:30, ends on a session end and stays"),
        (vn(2026, 2, 13, 10), vn(2026, 2, 27, 10), "across Tết 2026 (14–22/02 off)"),
        (vn(2026, 4, 24, 10), vn(2026, 5, 6, 10),
         "Giỗ Tổ on Sunday 26/04 → Monday 27/04 off; 30/04 and 01/05 off"),
    ],
)
def test_a_5_working_day_procedure_received_at_the_desk(world, five_day_procedure, travel,
                                                        received, due, why):
    travel(received)
    dossier = receive(world, five_day_procedure)
    assert dossier.received_at == received
    assert dossier.due_at == dossier.appointment_at == due, why


@pytest.mark.parametrize(
    ("received", "due", "why"),
    [
        (vn(2026, 3, 9, 15, 0), vn(2026, 3, 9, 17), "at 15:00 exactly: today"),
        (vn(2026, 3, 9, 15, 1), vn(2026, 3, 10, 17), "after 15:00: end of the next working day"),
        (vn(2026, 3, 6, 15, 1), vn(2026, 3, 9, 17), "Friday after 15:00: Monday"),
        (vn(2026, 2, 13, 15, 30), vn(2026, 2, 23, 17), "after 15:00 on the eve of Tết 2026"),
    ],
)
def test_a_same_day_procedure_and_the_15_00_cut_off(world, same_day_procedure, travel, received,
                                                    due, why):
    travel(received)
    assert receive(world, same_day_procedure).due_at == due, why


def test_a_same_day_online_dossier_counts_from_its_acceptance(world, same_day_procedure, travel):
    travel(vn(2026, 3, 9, 9))
    submitted = submit(world, same_day_procedure)
    travel(vn(2026, 3, 9, 15, 1))
    assert intake.dossier_accept(dossier=submitted,
                                 actor=world.desk_officer).due_at == vn(2026, 3, 10, 17)


def test_asking_to_complete_stops_nothing_and_resubmission_restarts_the_desks_deadline(
        world, five_day_procedure, travel):
    travel(vn(2026, 3, 6, 16))
    submitted = submit(world, five_day_procedure)
    travel(vn(2026, 3, 9, 9))
    asked = intake.dossier_request_completion(dossier=submitted, actor=world.desk_officer,
                                              reason="Thiếu", items=["Tờ khai"])
    assert asked.acceptance_due_at == vn(2026, 3, 9, 16)
    assert asked.received_at is None and asked.due_at is None

    travel(vn(2026, 3, 13, 16))  # the citizen completes it on Friday afternoon
    again = intake.dossier_resubmit(dossier=asked, actor=world.citizen)
    assert again.acceptance_due_at == vn(2026, 3, 16, 16)

    travel(vn(2026, 3, 16, 10))
    received = intake.dossier_accept(dossier=again, actor=world.desk_officer)
    assert received.due_at == vn(2026, 3, 23, 10)  # the full 5 days from this acceptance


def test_each_step_gets_its_share_from_the_receipt(world, five_day_procedure, travel):
    travel(vn(2026, 3, 9, 10))
    dossier = receive(world, five_day_procedure)
    first = dossier.steps.get(position=1)
    # The desk's receipt step has 10 % of 40 working hours: 4 h, over the lunch break
    assert first.started_at == vn(2026, 3, 9, 10)
    assert first.due_at == vn(2026, 3, 9, 15, 30)
    assert dossier.current_step == first


def test_a_dossier_received_online_on_the_weekend_is_handled_from_monday(world, travel):
    travel(vn(2026, 3, 7, 10))  # Saturday
    submitted = dossier_in(Status.SUBMITTED, world=world, channel=Channel.ONLINE)
    assert submitted.acceptance_due_at == vn(2026, 3, 9, 17)
