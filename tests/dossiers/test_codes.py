"""Dossier codes `{unit identifier}-{YYMMDD}-{NNNN}` (DOMAIN.md §8): per receiving unit and per
local (Asia/Ho_Chi_Minh) day, from 0001, never duplicated."""

import pytest
from django.db import transaction

from motcua.dossiers.codes import dossier_code_next
from motcua.dossiers.services import intake
from motcua.dossiers.statuses import Status
from tests.factories.agencies import UnitFactory
from tests.factories.dossiers import components_for, dossier_in, vn, world_create

pytestmark = pytest.mark.django_db


def receive(world, procedure):
    return intake.dossier_receive(
        actor=world.desk_officer, procedure_version=procedure.current_version,
        receiving_unit=world.unit, applicant=world.applicant(),
        components=components_for(procedure))


def test_codes_count_from_0001_within_a_unit_and_a_day(world, five_day_procedure, travel):
    travel(vn(2026, 3, 9, 8))
    codes = [receive(world, five_day_procedure).code for _ in range(3)]
    assert codes == [f"{world.unit.code}-260309-{n:04d}" for n in (1, 2, 3)]


def test_the_day_is_vietnams_not_utcs(world, five_day_procedure, travel):
    # 23:59 on 09/03 and 00:01 on 10/03 in Vietnam — both on 09/03 in UTC (16:59 and 17:01)
    travel(vn(2026, 3, 9, 23, 59))
    late = receive(world, five_day_procedure)
    travel(vn(2026, 3, 10, 0, 1))
    early = receive(world, five_day_procedure)
    assert late.code == f"{world.unit.code}-260309-0001"
    assert early.code == f"{world.unit.code}-260310-0001"
    assert late.received_at.date() == early.received_at.date()  # same UTC date


def test_each_unit_has_its_own_sequence(world, five_day_procedure, travel):
    neighbour = world_create(unit=UnitFactory(with_desk=True))
    travel(vn(2026, 3, 9, 8))
    first_here = receive(world, five_day_procedure)
    first_there = receive(neighbour, five_day_procedure)
    second_here = receive(world, five_day_procedure)
    assert first_here.code.endswith("-260309-0001")
    assert first_there.code == f"{neighbour.unit.code}-260309-0001"
    assert second_here.code.endswith("-260309-0002")


def test_online_and_desk_dossiers_share_the_units_sequence(world, five_day_procedure, travel):
    travel(vn(2026, 3, 9, 8))
    draft = dossier_in(Status.DRAFT, world=world, procedure=five_day_procedure)
    desk = receive(world, five_day_procedure)
    online = intake.dossier_submit(dossier=draft, actor=world.citizen)
    # The draft took no number; submission took the next one after the desk's receipt
    assert desk.code.endswith("-0001") and online.code.endswith("-0002")


def test_the_submission_day_names_an_online_dossier(world, five_day_procedure, travel):
    travel(vn(2026, 3, 7, 21))  # submitted on Saturday night
    submitted = dossier_in(Status.SUBMITTED, world=world, procedure=five_day_procedure)
    travel(vn(2026, 3, 9, 10))
    received = intake.dossier_accept(dossier=submitted, actor=world.desk_officer)
    assert received.code == submitted.code == f"{world.unit.code}-260307-0001"


def test_a_rolled_back_receipt_gives_its_number_back(world, five_day_procedure, travel):
    travel(vn(2026, 3, 9, 8))
    with pytest.raises(RuntimeError), transaction.atomic():
        dossier_code_next(unit=world.unit, at=vn(2026, 3, 9, 8))
        raise RuntimeError("the receipt failed after taking a number")
    assert receive(world, five_day_procedure).code.endswith("-0001")


def test_numbers_past_9999_keep_counting(world):
    from motcua.dossiers.models import DailySequence

    DailySequence.objects.create(unit=world.unit, day=vn(2026, 3, 9).date(), last=9999)
    assert dossier_code_next(unit=world.unit, at=vn(2026, 3, 9, 9)) == (
        f"{world.unit.code}-260309-10000")
