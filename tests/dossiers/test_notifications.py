"""The applicant hears by e-mail, after commit, about what concerns them — and only then."""

import pytest
from django.core import mail

from motcua.dossiers import errors
from motcua.dossiers.services.intake import dossier_accept
from motcua.dossiers.services.processing import dossier_assign, dossier_forward
from motcua.dossiers.statuses import Status
from tests.factories.dossiers import dossier_in


@pytest.fixture
def submitted(world, five_day_procedure, travel):
    dossier = dossier_in(Status.SUBMITTED, world=world, procedure=five_day_procedure)
    mail.outbox.clear()
    return dossier


def test_acceptance_is_mailed_with_the_code_and_the_appointment(
    submitted, desk_officer, django_capture_on_commit_callbacks
):
    # Given an online dossier whose applicant gave an e-mail address
    assert submitted.applicant_email
    # When the desk accepts it
    with django_capture_on_commit_callbacks(execute=True):
        dossier = dossier_accept(dossier=submitted, actor=desk_officer)
    # Then the applicant gets one Vietnamese message naming the code and the appointment
    (message,) = mail.outbox
    assert message.to == [submitted.applicant_email]
    assert dossier.code in message.subject
    assert "Đã tiếp nhận" in message.subject
    assert "Ngày hẹn trả kết quả: 08:00 16/03/2026" in message.body


def test_internal_hand_overs_are_not_mailed(
    submitted, desk_officer, leader, specialist, django_capture_on_commit_callbacks
):
    dossier = dossier_accept(dossier=submitted, actor=desk_officer)
    dossier = dossier_forward(dossier=dossier, actor=desk_officer)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        dossier_assign(dossier=dossier, actor=leader, handler=specialist)
    assert mail.outbox == []


def test_a_refused_action_mails_nobody(submitted, specialist, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(errors.DossierError):
        dossier_accept(dossier=submitted, actor=specialist)
    assert mail.outbox == []


def test_no_address_no_message(submitted, desk_officer, django_capture_on_commit_callbacks):
    type(submitted).objects.filter(pk=submitted.pk).update(applicant_email="")
    with django_capture_on_commit_callbacks(execute=True):
        dossier_accept(dossier=submitted, actor=desk_officer)
    assert mail.outbox == []
