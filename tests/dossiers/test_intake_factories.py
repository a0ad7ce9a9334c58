"""The dossier factories reach every named state through the services, on every channel that
has the state, with a history that starts where a real dossier's does."""

import pytest

from motcua.dossiers.models import DossierEvent
from motcua.dossiers.statuses import Action, Channel, Status
from tests.factories.dossiers import DossierFactory, dossier_in

pytestmark = pytest.mark.django_db

INTAKE_STATES = [
    (Status.DRAFT, Channel.ONLINE), (Status.SUBMITTED, Channel.ONLINE),
    (Status.COMPLETION_REQUESTED, Channel.ONLINE), (Status.REFUSED, Channel.ONLINE),
    (Status.REFUSED, Channel.DIRECT), (Status.RECEIVED, Channel.ONLINE),
    (Status.RECEIVED, Channel.DIRECT), (Status.RECEIVED, Channel.POSTAL),
    (Status.STOPPED, Channel.ONLINE),
]
LATER_STATES = [
    Status.PROCESSING, Status.SUPPLEMENT_REQUESTED, Status.OBLIGATION_REQUESTED,
    Status.AWAITING_APPROVAL, Status.RESULT_READY, Status.RETURNED,
    Status.WITHDRAWAL_REQUESTED, Status.STOPPED,
]


@pytest.mark.parametrize(("status", "channel"), INTAKE_STATES)
def test_intake_states(world, status, channel):
    dossier = dossier_in(status, world=world, channel=channel)
    assert (dossier.status, dossier.channel) == (status, channel)
    first = dossier.events.order_by("id").first()
    expected_first = {Channel.ONLINE: Action.CREATE_DRAFT, Channel.DIRECT: Action.RECEIVE,
                      Channel.POSTAL: Action.RECEIVE_POSTAL}[channel]
    if status == Status.REFUSED and channel == Channel.DIRECT:
        expected_first = Action.REFUSE
    assert first.action == expected_first
    assert dossier.events.order_by("-id").first().to_status == status


# An online "stopped" dossier is a cancelled draft (above); every other later state on both.
@pytest.mark.parametrize(
    ("status", "channel"),
    [(status, channel) for status in LATER_STATES for channel in (Channel.DIRECT, Channel.ONLINE)
     if not (status == Status.STOPPED and channel == Channel.ONLINE)],
)
def test_states_after_receipt(world, status, channel):
    dossier = dossier_in(status, world=world, channel=channel)
    assert dossier.status == status
    assert DossierEvent.objects.filter(dossier=dossier, to_status=Status.RECEIVED).exists()


def test_the_factory_traits(world):
    assert DossierFactory(world=world).status == Status.RECEIVED
    assert DossierFactory(submitted=True, world=world).status == Status.SUBMITTED
    postal = DossierFactory(received=True, channel=Channel.POSTAL, world=world)
    assert postal.channel == Channel.POSTAL and postal.postal_waybill
    assert DossierFactory(processing=True, world=world).handler == world.specialist


def test_a_world_is_made_when_none_is_given():
    dossier = dossier_in(Status.SUBMITTED)
    assert dossier.owner is not None and dossier.receiving_unit.departments.exists()


def test_counter_only_and_online_only_states_are_told_apart(world):
    with pytest.raises(ValueError, match="only online"):
        dossier_in(Status.SUBMITTED, world=world, channel=Channel.DIRECT)


def test_the_factory_only_creates():
    with pytest.raises(TypeError):
        DossierFactory.build()
