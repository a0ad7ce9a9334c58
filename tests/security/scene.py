"""The world the authorization matrix runs in, built once per test module.

One commune (with its desk officer, specialist and leader) under a province, a neighbouring
commune with its own desk officer, two citizens, a system administrator and a postal operator
of the province, and the owner's dossiers in the statuses the pages act on. The owner's
personal data is distinctive so the privacy tests can look for it in public pages.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import Client

from motcua.accounts.access import is_staff_member
from motcua.accounts.models import User
from motcua.catalog.models import Procedure
from motcua.dossiers.access import dossier_get_for
from motcua.dossiers.files import dossier_file_attach
from motcua.dossiers.models import Dossier, DossierFile
from motcua.dossiers.statuses import Channel, Status
from motcua.payments import protocol
from motcua.payments import services as payment_services
from tests.accounts.otp import verify_session
from tests.factories.accounts import CitizenFactory, StaffFactory
from tests.factories.agencies import UnitFactory
from tests.factories.dossiers import dossier_in, procedure_create, world_create

ACTORS = ("anonymous", "owner", "other_citizen", "desk", "other_desk", "specialist", "leader",
          "sysadmin", "postal")

# The owner's personal data: none of it may appear on a public page or in public JSON.
# CCCD province code 099 and this phone range do not exist (never a real person).
SECRET_NAME = "Hoàng Thị Bảo Mật Riêng"
SECRET_PHONE = "0977461395"
SECRET_CCCD = "099188776655"
SECRET_ADDRESS = "Số 99 hẻm Kín Đáo, ấp Riêng Tư"
SECRET_EMAIL = "baomat.riengtu@motcua.example"
SECRETS = (SECRET_NAME, SECRET_PHONE, SECRET_CCCD, SECRET_ADDRESS, SECRET_EMAIL)

PDF = b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n%%EOF\n"

# Statuses the matrix's dossiers are in: each page is tried on a dossier it acts on.
STATUSES = ("draft", "submitted", "received", "processing", "awaiting_approval",
            "result_ready", "returned")


@dataclass
class Scene:
    users: dict[str, User | None]
    dossiers: dict[str, Dossier]
    procedure: Procedure
    draft_file_id: int
    submitted_file_id: int
    payment_reference: str
    component_id: int
    extra: dict = field(default_factory=dict)
    sessions: dict[str, str] = field(default_factory=dict)  # actor -> session key
    visible: dict[tuple[str, str], bool] = field(default_factory=dict)  # (actor, dossier key)

    def dossier(self, key: str) -> Dossier:
        return Dossier.objects.get(pk=self.dossiers[key].pk)


def _attach(dossier: Dossier, actor: User, purpose=DossierFile.Purpose.SUBMISSION) -> DossierFile:
    upload = SimpleUploadedFile("to-khai.pdf", PDF, content_type="application/pdf")
    return dossier_file_attach(dossier=dossier, actor=actor, upload=upload, purpose=purpose)


def _paid_payment(dossier: Dossier, payer: User) -> str:
    """A payment of the dossier's fee, confirmed by a (locally signed) gateway notification."""
    payment_services.payment_start(dossier=dossier, payer=payer,
                                   return_url="http://testserver/thanh-toan/ket-qua/")
    payment = dossier.payments.order_by("-pk").first()
    params = {
        "vnp_Amount": protocol.wire_amount(payment.amount), "vnp_BankCode": "NCB",
        "vnp_ResponseCode": "00", "vnp_TransactionStatus": "00",
        "vnp_TmnCode": settings.MOTCUA_PAYMENT_TMN_CODE, "vnp_TransactionNo": "14000001",
        "vnp_TxnRef": payment.reference,
        "vnp_PayDate": protocol.wire_date(payment.created_at),
    }
    params["vnp_SecureHash"] = protocol.sign(params, settings.MOTCUA_PAYMENT_SECRET)
    result = payment_services.payment_confirm(params)
    assert result.payment is not None and result.code == "00", result
    return payment.reference


def scene_build() -> Scene:
    province = UnitFactory(province=True, name="Tỉnh Ma Trận")
    commune = UnitFactory(with_desk=True, parent=province, name="UBND xã Ma Trận")
    neighbour = UnitFactory(with_desk=True, parent=province, name="UBND xã Láng Giềng")
    owner = CitizenFactory(full_name=SECRET_NAME, phone=SECRET_PHONE, cccd=SECRET_CCCD,
                           address=SECRET_ADDRESS, email=SECRET_EMAIL)
    world = world_create(unit=commune, citizen=owner)
    users = {
        "anonymous": None, "owner": owner, "other_citizen": CitizenFactory(),
        "desk": world.desk_officer, "other_desk": StaffFactory(desk_officer=True, unit=neighbour),
        "specialist": world.specialist, "leader": world.leader,
        "sysadmin": StaffFactory(system_admin=True, unit=province),
        "postal": StaffFactory(postal_operator=True, unit=province),
    }
    procedure = procedure_create("five_day")
    dossiers = {}
    for status in STATUSES:
        channel = Channel.ONLINE if status in ("draft", "submitted", "received") else None
        dossiers[status] = dossier_in(Status(status), procedure=procedure, world=world,
                                      owner=owner, channel=channel)
    draft_file = _attach(dossiers["draft"], owner)
    # A file handed in with the online submission: attached to a draft, then submitted.
    from motcua.dossiers.services import intake

    with_file = dossier_in(Status.DRAFT, procedure=procedure, world=world, owner=owner)
    submitted_file = _attach(with_file, owner)
    intake.dossier_submit(dossier=Dossier.objects.get(pk=with_file.pk), actor=owner)
    dossiers["submitted_with_file"] = with_file
    # The specialist's working paper: staff only, never the applicant's (dossiers/access.py).
    working = _attach(dossiers["processing"], world.specialist, DossierFile.Purpose.ATTACHMENT)
    reference = _paid_payment(dossiers["submitted"], owner)
    dossiers = {key: Dossier.objects.get(pk=d.pk) for key, d in dossiers.items()}
    component = procedure.current_version.components.first()
    return Scene(users=users, dossiers=dossiers, procedure=procedure,
                 draft_file_id=draft_file.pk, submitted_file_id=submitted_file.pk,
                 payment_reference=reference, component_id=component.pk,
                 extra={"commune": commune, "neighbour": neighbour, "province": province,
                        "working_file_id": working.pk},
                 sessions=_sessions(users), visible=_visibility(users, dossiers))


def _sessions(users) -> dict[str, str]:
    """A signed-in session per actor, made once (signing in again per test costs time). Staff
    sessions have passed the second step (an authenticator code), as in production; the
    matrix runs with MOTCUA_STAFF_OTP_REQUIRED on (conftest.py)."""
    keys = {}
    for actor, user in users.items():
        if user is not None:
            client = Client()
            client.force_login(user)
            keys[actor] = client.cookies[settings.SESSION_COOKIE_NAME].value
            if is_staff_member(user):
                verify_session(keys[actor], user)
    return keys


def _visibility(users, dossiers) -> dict[tuple[str, str], bool]:
    """Whether each actor may see each dossier at all (the one access function decides)."""
    seen = {}
    for actor, user in users.items():
        for key, dossier in dossiers.items():
            try:
                dossier_get_for(user, dossier.pk)
            except Http404:
                seen[actor, key] = False
            else:
                seen[actor, key] = True
    return seen
