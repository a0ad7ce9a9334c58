"""The control sheet (Phiếu kiểm soát quá trình giải quyết hồ sơ) rebuilt from the history:
who handed what to whom, when, allotted against used, early / on time / late."""

import pytest

from motcua.dossiers.control_sheet import control_sheet
from motcua.dossiers.inputs import ResultData
from motcua.dossiers.services import processing as P
from motcua.dossiers.statuses import Action, Status
from motcua.workcal.engine import Outcome
from tests.dossiers.processing_support import agency_create, fresh, hours
from tests.factories.dossiers import dossier_in, vn

RESULT = [ResultData(name="Giấy khai sinh", number="12/GKS")]


@pytest.fixture
def settled(world, lien_thong_procedure, travel):
    """A liên thông dossier taken from receipt to return over a week."""
    police = agency_create("Công an xã Thử Nghiệm")
    dossier = dossier_in(Status.RECEIVED, world=world, procedure=lien_thong_procedure,
                         owner=world.citizen)
    for at, act in [
        (vn(2026, 3, 9, 9), lambda: P.dossier_forward(dossier=dossier, actor=world.desk_officer)),
        (vn(2026, 3, 9, 10), lambda: P.dossier_assign(dossier=dossier, actor=world.leader,
                                                      handler=world.specialist)),
        (vn(2026, 3, 10, 9), lambda: P.dossier_send_to_agency(
            dossier=dossier, actor=world.specialist, agency=police.unit)),
        (vn(2026, 3, 12, 16), lambda: P.dossier_agency_return(dossier=dossier,
                                                              actor=police.officer)),
        (vn(2026, 3, 13, 8), lambda: P.dossier_propose_result(dossier=dossier,
                                                              actor=world.specialist)),
        (vn(2026, 3, 13, 9), lambda: P.dossier_send_back(dossier=dossier, actor=world.leader,
                                                         reason="Sai họ tên")),
        (vn(2026, 3, 13, 10), lambda: P.dossier_propose_result(dossier=dossier,
                                                               actor=world.specialist)),
        (vn(2026, 3, 13, 14), lambda: P.dossier_approve(dossier=dossier, actor=world.leader,
                                                        results=RESULT)),
        (vn(2026, 3, 16, 9), lambda: P.dossier_return_result(
            dossier=dossier, actor=world.desk_officer, collected_by="Nguyễn Thị Mẹ")),
    ]:
        travel(at)
        act()
    return fresh(dossier), police


def test_the_sheet_lists_every_hand_over(settled, world):
    dossier, police = settled
    sheet = control_sheet(dossier)

    assert (sheet.code, sheet.competent_unit) == (dossier.code, world.unit.name)
    assert sheet.cooperating_units == [police.unit.name]
    commune, agency = world.unit.name, police.unit.name
    desk, spec, lead = (str(world.desk_officer), str(world.specialist), str(world.leader))
    assert [(r.action, r.giver, r.giver_unit, r.receiver, r.receiver_unit)
            for r in sheet.rows] == [
        (Action.RECEIVE, dossier.applicant_name, "", desk, commune),
        (Action.FORWARD, desk, commune, "", commune),
        (Action.ASSIGN, lead, commune, spec, commune),
        (Action.SEND_TO_AGENCY, spec, commune, "", agency),
        (Action.AGENCY_RETURN, str(police.officer), agency, spec, commune),
        (Action.PROPOSE_RESULT, spec, commune, "", commune),
        (Action.SEND_BACK, lead, commune, spec, commune),
        (Action.PROPOSE_RESULT, spec, commune, "", commune),
        (Action.APPROVE, lead, commune, "", commune),
        (Action.RETURN_RESULT, desk, commune, "Nguyễn Thị Mẹ", ""),
    ]
    assert [r.at for r in sheet.rows][1:4] == [vn(2026, 3, 9, 9), vn(2026, 3, 9, 10),
                                               vn(2026, 3, 10, 9)]


def test_each_row_says_how_the_step_went(settled):
    """Shares of 40 h: desk 4 h, appraisal 12 h, agency 12 h, leader 8 h, return 4 h."""
    dossier, _police = settled
    rows = {(r.action, r.at): r for r in control_sheet(dossier).rows}
    forward = rows[(Action.FORWARD, vn(2026, 3, 9, 9))]
    assert (forward.step, hours(forward.allotted_us), hours(forward.used_us), forward.outcome) \
        == ("Tiếp nhận hồ sơ", 4, 1, Outcome.ON_TIME)
    sent = rows[(Action.SEND_TO_AGENCY, vn(2026, 3, 10, 9))]
    # Appraisal from Mon 09:00, 12 h → due Tue 14:30; sent Tue 09:00 (8 h used).
    assert (sent.step, hours(sent.used_us), sent.due_at, sent.outcome) == (
        "Thẩm định, đề xuất", 8, vn(2026, 3, 10, 14, 30), Outcome.ON_TIME)
    back = rows[(Action.AGENCY_RETURN, vn(2026, 3, 12, 16))]
    # The agency's 12 h from Tue 09:00 → due Wed 14:30; returned Thu 16:00 after 21.5 h: late.
    assert (back.step, hours(back.used_us), back.due_at, back.outcome) == (
        "Đăng ký thường trú", 21.5, vn(2026, 3, 11, 14, 30), Outcome.LATE)
    sent_back = rows[(Action.SEND_BACK, vn(2026, 3, 13, 9))]
    # The leader step (8 h) from Fri 08:00 is due Mon 08:00; sent back on Friday: early.
    assert (sent_back.step, sent_back.outcome) == ("Phê duyệt kết quả", Outcome.EARLY)
    approved = rows[(Action.APPROVE, vn(2026, 3, 13, 14))]
    assert approved.step == ""  # the leader step was used up before the send-back
    returned = rows[(Action.RETURN_RESULT, vn(2026, 3, 16, 9))]
    # Return step (4 h) from Fri 14:00: Fri 3 h, Mon 07:30 + 1 h; returned Mon 09:00: late.
    assert (returned.step, returned.due_at, returned.outcome) == (
        "Trả kết quả", vn(2026, 3, 16, 8, 30), Outcome.LATE)


def test_the_sheet_costs_the_same_whatever_the_history(settled, django_assert_num_queries):
    dossier, _police = settled
    with django_assert_num_queries(2):
        control_sheet(dossier)
