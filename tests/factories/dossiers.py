"""Dossiers in named states, built through the services like real ones (never raw inserts).

    dossier_in(Status.SUBMITTED)                      # online, in a new commune
    dossier_in("received", channel=Channel.DIRECT)    # at the counter
    dossier_in("processing", world=world, procedure=five_day)   # people and unit you hold
    DossierFactory()                                  # received at the counter
    DossierFactory(submitted=True)                    # a trait per status
    DossierFactory(received=True, channel=Channel.POSTAL)

A `DossierWorld` is a commune with its desk officer, specialist and leader, and a citizen who
owns the online dossiers; `world_create()` makes one, `dossier_in` makes one when none is given.
Statuses up to "received" use the intake services; later ones call the processing services
(`motcua.dossiers.services.processing`), imported only when asked for. Only `create` is
supported (a dossier cannot exist without its history).

Which path leads to each status (channel online unless said):
draft; submitted; completion_requested (Mẫu 02); refused (Mẫu 03 online; at the counter for
channel 1); received (accepted online, or received at the counter / by post); processing
(forwarded, assigned to the specialist); supplement_requested; obligation_requested;
awaiting_approval (proposed); result_ready (approved); returned; withdrawal_requested;
stopped (a cancelled draft online; stopped by the leader after receipt otherwise).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

import factory

from motcua.accounts.models import User
from motcua.agencies.models import Unit
from motcua.catalog.content import Step
from motcua.catalog.models import Procedure
from motcua.core.clock import VIETNAM, now
from motcua.dossiers.inputs import ApplicantData, PostalReceipt, ReceivedComponent, ResultData
from motcua.dossiers.models import Dossier
from motcua.dossiers.services import intake
from motcua.dossiers.statuses import Channel, Status
from tests.factories.accounts import CitizenFactory, StaffFactory
from tests.factories.agencies import UnitFactory
from tests.factories.catalog import ProcedureFactory, content_for

# A liên thông process (DOMAIN.md §2.8): the commune's steps, then another agency's.
LIEN_THONG_PROCESS = (
    Step("Tiếp nhận hồ sơ", "desk_officer", "desk", 10),
    Step("Thẩm định, đề xuất", "specialist", "specialist", 30),
    Step("Đăng ký thường trú", "specialist", "other_agency", 30, agency="Công an cấp xã"),
    Step("Phê duyệt kết quả", "leader", "leader", 20),
    Step("Trả kết quả", "desk_officer", "desk", 10),
)


def vn(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A wall-clock instant in Vietnam (how the rules and the forms state them)."""
    return datetime(year, month, day, hour, minute, tzinfo=VIETNAM)


@dataclass
class DossierWorld:
    """A commune and the people who act on its dossiers."""

    unit: Unit
    desk_officer: User
    specialist: User
    leader: User
    citizen: User

    def applicant(self) -> ApplicantData:
        c = self.citizen
        return ApplicantData(name=c.full_name, id_number=c.cccd or "", address=c.address,
                             phone=c.phone, email=c.email)


def world_create(*, unit: Unit | None = None, citizen: User | None = None) -> DossierWorld:
    unit = unit or UnitFactory(with_desk=True)
    return DossierWorld(
        unit=unit,
        desk_officer=StaffFactory(desk_officer=True, unit=unit),
        specialist=StaffFactory(specialist=True, unit=unit),
        leader=StaffFactory(leader=True, unit=unit),
        citizen=citizen or CitizenFactory(),
    )


def procedure_create(kind: str = "five_day") -> Procedure:
    """`five_day` (5 working days, a 10.000 đ levy), `same_day`, or `lien_thong`; every channel."""
    if kind == "same_day":
        return ProcedureFactory(same_day=True, online_partial=True)
    if kind == "lien_thong":
        return ProcedureFactory(content=content_for(
            name="Liên thông đăng ký khai sinh, thường trú (thử nghiệm)", channels=(1, 2, 3),
            online_level="partial", process=LIEN_THONG_PROCESS,
        ))
    return ProcedureFactory(online_partial=True, with_fee=True)


def components_for(procedure: Procedure) -> list[ReceivedComponent]:
    """Every component the procedure asks for, one original each."""
    return [ReceivedComponent(name=c.name, originals=1, component_id=c.pk)
            for c in procedure.current_version.components.all()]


_ONLINE_ONLY = {Status.DRAFT, Status.SUBMITTED, Status.COMPLETION_REQUESTED}
_AFTER_RECEIPT = {
    Status.PROCESSING: (Status.RECEIVED, "_processing"),
    Status.SUPPLEMENT_REQUESTED: (Status.PROCESSING, "_supplement_requested"),
    Status.OBLIGATION_REQUESTED: (Status.PROCESSING, "_obligation_requested"),
    Status.AWAITING_APPROVAL: (Status.PROCESSING, "_awaiting_approval"),
    Status.RESULT_READY: (Status.AWAITING_APPROVAL, "_result_ready"),
    Status.RETURNED: (Status.RESULT_READY, "_returned"),
    Status.WITHDRAWAL_REQUESTED: (Status.RECEIVED, "_withdrawal_requested"),
    Status.STOPPED: (Status.RECEIVED, "_stopped"),
}


def dossier_in(
    status: Status | str = Status.RECEIVED, *, channel: Channel | int | None = None,
    procedure: Procedure | None = None, world: DossierWorld | None = None,
    owner: User | None = None, at: datetime | None = None,
) -> Dossier:
    """A dossier in `status`, taken there through the services, re-read from the database.

    `channel` defaults to online for the statuses only online dossiers have, to the counter
    (channel 1) otherwise. `owner` (default: the world's citizen for online dossiers, nobody at
    the counter) owns the dossier. `at` is the counter's receipt instant (default: now).
    """
    status = Status(status)
    world = world or world_create()
    procedure = procedure or procedure_create()
    if channel is None:
        channel = Channel.ONLINE if status in _ONLINE_ONLY else Channel.DIRECT
    channel = Channel(channel)
    if status in _ONLINE_ONLY and channel != Channel.ONLINE:
        raise ValueError(f"only online dossiers can be {status}")
    dossier = _walk(status, channel=channel, procedure=procedure, world=world, owner=owner, at=at)
    return Dossier.objects.get(pk=dossier.pk)


def _walk(status, *, channel, procedure, world, owner, at) -> Dossier:
    if status in _AFTER_RECEIPT and not (status == Status.STOPPED and channel == Channel.ONLINE):
        before, step = _AFTER_RECEIPT[status]
        dossier = _walk(before, channel=channel, procedure=procedure, world=world, owner=owner,
                        at=at)
        return globals()[step](Dossier.objects.get(pk=dossier.pk), world)
    if channel == Channel.ONLINE:
        return _online(status, procedure=procedure, world=world, owner=owner or world.citizen)
    return _counter(status, channel=channel, procedure=procedure, world=world, owner=owner, at=at)


def _online(status, *, procedure, world, owner) -> Dossier:
    dossier = intake.dossier_draft_create(
        owner=owner, procedure_version=procedure.current_version, receiving_unit=world.unit,
        applicant=world.applicant(),
    )
    if status == Status.DRAFT:
        return dossier
    if status == Status.STOPPED:
        return intake.dossier_cancel(dossier=dossier, actor=owner)
    dossier = intake.dossier_submit(dossier=dossier, actor=owner)
    desk = world.desk_officer
    if status == Status.COMPLETION_REQUESTED:
        return intake.dossier_request_completion(
            dossier=dossier, actor=desk, reason="Thiếu giấy tờ",
            items=["Bản sao giấy chứng nhận kết hôn"])
    if status == Status.REFUSED:
        return intake.dossier_refuse(dossier=dossier, actor=desk,
                                     reason="Không thuộc thẩm quyền giải quyết")
    if status == Status.RECEIVED:
        return intake.dossier_accept(dossier=dossier, actor=desk)
    if status != Status.SUBMITTED:
        raise ValueError(f"no online path to {status}")
    return dossier


def _counter(status, *, channel, procedure, world, owner, at) -> Dossier:
    if status == Status.REFUSED:
        return intake.dossier_refuse_at_counter(
            actor=world.desk_officer, procedure_version=procedure.current_version,
            receiving_unit=world.unit, applicant=world.applicant(),
            reason="Không thuộc thẩm quyền giải quyết", at=at)
    if status != Status.RECEIVED:
        raise ValueError(f"no counter path to {status}")
    postal = None
    if channel == Channel.POSTAL:
        handed = (at or now()) - timedelta(minutes=30)
        postal = PostalReceipt(waybill="EB123456789VN", handed_over_at=handed)
    return intake.dossier_receive(
        actor=world.desk_officer, procedure_version=procedure.current_version,
        receiving_unit=world.unit, applicant=world.applicant(),
        components=components_for(procedure), postal=postal, owner=owner, at=at)


# --- after receipt: the processing services (written alongside, imported when used) --------


def _processing_services():
    from motcua.dossiers.services import processing

    return processing


def _processing(dossier: Dossier, world: DossierWorld) -> Dossier:
    p = _processing_services()
    dossier = p.dossier_forward(dossier=dossier, actor=world.desk_officer)
    return p.dossier_assign(dossier=dossier, actor=world.leader, handler=world.specialist)


def _supplement_requested(dossier: Dossier, world: DossierWorld) -> Dossier:
    return _processing_services().dossier_request_supplement(
        dossier=dossier, actor=world.specialist, reason="Giấy tờ chưa rõ",
        items=["Bản sao giấy tờ tùy thân"])


def _obligation_requested(dossier: Dossier, world: DossierWorld) -> Dossier:
    return _processing_services().dossier_request_obligation(
        dossier=dossier, actor=world.specialist, reason="Nộp lệ phí trước bạ", amount=500_000)


def _awaiting_approval(dossier: Dossier, world: DossierWorld) -> Dossier:
    return _processing_services().dossier_propose_result(dossier=dossier, actor=world.specialist)


def _result_ready(dossier: Dossier, world: DossierWorld) -> Dossier:
    return _processing_services().dossier_approve(
        dossier=dossier, actor=world.leader,
        results=[ResultData(name="Giấy chứng nhận", number="01/GCN", signer=str(world.leader))])


def _returned(dossier: Dossier, world: DossierWorld) -> Dossier:
    return _processing_services().dossier_return_result(
        dossier=dossier, actor=world.desk_officer, collected_by=dossier.applicant_name)


def _withdrawal_requested(dossier: Dossier, world: DossierWorld) -> Dossier:
    # The owner asks online; a counter dossier without an account asks at the desk.
    actor = world.citizen if dossier.owner_id == world.citizen.pk else world.desk_officer
    return _processing_services().dossier_request_withdrawal(
        dossier=dossier, actor=actor, reason="Không còn nhu cầu")


def _stopped(dossier: Dossier, world: DossierWorld) -> Dossier:
    return _processing_services().dossier_stop(
        dossier=dossier, actor=world.leader, reason="Hồ sơ không đủ điều kiện giải quyết")


class DossierFactory(factory.django.DjangoModelFactory):
    """`DossierFactory(<status>=True, channel=..., procedure=..., world=...)`; see dossier_in."""

    class Meta:
        model = Dossier

    status = Status.RECEIVED
    channel = None
    procedure = None
    world = None
    owner = None
    at = None

    class Params:
        draft = factory.Trait(status=Status.DRAFT)
        submitted = factory.Trait(status=Status.SUBMITTED)
        completion_requested = factory.Trait(status=Status.COMPLETION_REQUESTED)
        refused = factory.Trait(status=Status.REFUSED)
        received = factory.Trait(status=Status.RECEIVED)
        processing = factory.Trait(status=Status.PROCESSING)
        supplement_requested = factory.Trait(status=Status.SUPPLEMENT_REQUESTED)
        obligation_requested = factory.Trait(status=Status.OBLIGATION_REQUESTED)
        awaiting_approval = factory.Trait(status=Status.AWAITING_APPROVAL)
        result_ready = factory.Trait(status=Status.RESULT_READY)
        returned = factory.Trait(status=Status.RETURNED)
        withdrawal_requested = factory.Trait(status=Status.WITHDRAWAL_REQUESTED)
        stopped = factory.Trait(status=Status.STOPPED)

    @classmethod
    def _create(cls, model_class, *args, status, **kwargs):
        return dossier_in(status, **kwargs)

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise TypeError("DossierFactory only creates: a dossier exists through its services")
