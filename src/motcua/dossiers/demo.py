"""Sample dossiers for the demo (`motcua demo_load`). SAMPLE DATA, NOT REAL PEOPLE OR CASES.

Forty-two dossiers in the sample commune of Vĩnh Bình, the commune of Đồng Sơn and the ward of
Mỹ Tho, in every status and through every channel, on five shipped procedures: birth
registration (HT-01, same day), the certificate of marital status (HT-10, 3 working days),
re-registration of a birth (HT-11, 5 working days), the liên thông group birth – permanent
residence – health insurance card (LT-01: the commune police and the provincial social
insurance do their steps) and a change of land use (DD-06, 20 working days, with a financial
obligation). Some were settled early, on time or late; one was rescheduled with an apology
(Mẫu 04); one had two supplement requests (late under Decision 766 whatever its dates); some
are overdue in progress.

Every dossier is made through the services, by the demo's staff and citizens
(motcua.accounts.demo), each action at a past instant (`at`) counted in working days back from
today: codes, deadlines, steps and the history are the engine's own, and the pages always have
recent work to show. Applicants at the counter are invented like the demo citizens: CCCD with
province code 099, which does not exist; phones starting with 010, a prefix not allocated since
2018; addresses marked "(địa chỉ mẫu)".

Idempotent: each dossier carries the idempotency key `demo-NN`; a run creates only the keys
that are missing, so a re-run costs one query.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import F

from motcua.accounts.demo import MY_THO
from motcua.accounts.models import User
from motcua.agencies.demo import DONG_SON, SOCIAL_INSURANCE, VINH_BINH, VINH_BINH_POLICE, LoadCounts
from motcua.agencies.models import Unit
from motcua.catalog.models import ProcedureVersion
from motcua.core.clock import VIETNAM, local, now
from motcua.dossiers.inputs import ApplicantData, PostalReceipt, ReceivedComponent, ResultData
from motcua.dossiers.models import Delivery, Dossier
from motcua.dossiers.services import intake, processing
from motcua.dossiers.statuses import Channel, Status
from motcua.workcal.engine import WorkingCalendar
from motcua.workcal.selectors import calendar_for_unit

KEY_PREFIX = "demo-"
PROCEDURES = ("HT-01", "HT-10", "HT-11", "LT-01", "DD-06")
# Where the sample dossiers are received, and the prefix of that unit's demo staff
# (`<prefix>.motcua` desk officer, `.chuyenvien` specialist, `.lanhdao` leader).
COMMUNES = {"vinhbinh": VINH_BINH, "dongson": DONG_SON, "mytho": MY_THO}
# The cooperating agencies of LT-01 and the officer who does each one's step.
AGENCIES = {"police": (VINH_BINH_POLICE, "congan.vinhbinh"),
            "insurance": (SOCIAL_INSURANCE, "bhxh.chuyenvien")}
CITIZENS = ("congdan.an", "congdan.binh", "congdan.cuong", "congdan.dung")

_VB = "ấp Thạnh Hòa, xã Vĩnh Bình, tỉnh Đồng Tháp (địa chỉ mẫu)"
_DS = "ấp Đồng Hòa, xã Đồng Sơn, tỉnh Đồng Tháp (địa chỉ mẫu)"
_MT = "phường Mỹ Tho, tỉnh Đồng Tháp (địa chỉ mẫu)"

# People who came to the counter or wrote by post without an account (invented, see above).
APPLICANTS = {
    "hai": ApplicantData("Trần Văn Hải", "099078000011", address=f"Số 5, {_VB}",
                         phone="0100000011"),
    "lan": ApplicantData("Nguyễn Thị Lan", "099192000012", address=f"Số 18, {_DS}",
                         phone="0100000012"),
    "phuc": ApplicantData("Lê Hoàng Phúc", "099088000013", address=f"Số 7 đường Mẫu, {_MT}",
                          phone="0100000013"),
    "thu": ApplicantData("Phạm Thị Thu", "099195000014", address=f"Số 22, {_VB}",
                         phone="0100000014"),
    "tuan": ApplicantData("Võ Minh Tuấn", "099090000015", address=f"Số 3, {_DS}",
                          phone="0100000015"),
    "hoa": ApplicantData("Đặng Thị Hoa", "099186000016", address=f"Số 41 đường Mẫu, {_MT}",
                         phone="0100000016"),
    "long": ApplicantData("Huỳnh Văn Long", "099075000017", address=f"Số 9, {_VB}",
                          phone="0100000017"),
    "mai": ApplicantData("Bùi Thị Mai", "099199000018", address=f"Số 14, {_DS}",
                         phone="0100000018"),
    "khang": ApplicantData("Trương Quốc Khang", "099093000019",
                           address=f"Số 2 đường Mẫu, {_MT}", phone="0100000019"),
    "ngoc": ApplicantData("Lý Thị Ngọc", "099197000020", address=f"Số 30, {_VB}",
                          phone="0100000020"),
    "son": ApplicantData("Ngô Thanh Sơn", "099082000021", address=f"Số 11, {_DS}",
                         phone="0100000021"),
    "yen": ApplicantData("Tạ Thị Yến", "099191000022", address=f"Số 6 đường Mẫu, {_MT}",
                         phone="0100000022"),
    # A father files for his child; his sister hands the papers in with his written mandate.
    "vu": ApplicantData("Phan Văn Vũ", "099087000023", address=f"Số 27, {_VB}",
                        phone="0100000023", submitter_name="Phan Thị Vân",
                        submitter_id_number="099189000024", submitter_phone="0100000024",
                        authorisation_note="Văn bản ủy quyền ngày 02/01/2026 (mẫu)"),
}


@dataclass(frozen=True)
class Act:
    """One action: `day` working days before today (negative: after), at `clock` in Vietnam."""

    day: int
    clock: str
    action: str
    extra: dict = field(default_factory=dict)


def act(day: int, clock: str, action: str, **extra) -> Act:
    return Act(day, clock, action, extra)


@dataclass(frozen=True)
class Sample:
    key: str
    commune: str
    procedure: str
    channel: Channel
    applicant: str  # a citizen's username (online, or a counter dossier they follow), or APPLICANTS
    acts: tuple[Act, ...]
    delivery: Delivery = Delivery.DESK


ONLINE, DIRECT, POSTAL = Channel.ONLINE, Channel.DIRECT, Channel.POSTAL
POST, ELECTRONIC = Delivery.POST, Delivery.ELECTRONIC


def _online(day: int, clock: str, *, submit: str | None = None) -> tuple[Act, ...]:
    """A draft started at `clock` and submitted at `submit` (the same day)."""
    return (act(day, clock, "draft"), act(day, submit, "submit")) if submit else (
        act(day, clock, "draft"),)


def _worked(day: int, forward: str, assign: str) -> tuple[Act, ...]:
    return act(day, forward, "forward"), act(day, assign, "assign")


SAMPLES: tuple[Sample, ...] = (
    # --- Not received yet: drafts, submissions waiting at the desk, Mẫu 02, Mẫu 03 ---------
    Sample("demo-01", "vinhbinh", "HT-01", ONLINE, "congdan.an", _online(2, "20:15")),
    Sample("demo-02", "mytho", "HT-11", ONLINE, "congdan.cuong", _online(1, "21:40")),
    Sample("demo-03", "vinhbinh", "HT-11", ONLINE, "congdan.dung",
           _online(1, "13:50", submit="14:05")),
    # Submitted four working days ago and still not answered: the desk is late.
    Sample("demo-04", "dongson", "HT-10", ONLINE, "congdan.binh",
           _online(4, "09:10", submit="09:20")),
    Sample("demo-05", "vinhbinh", "LT-01", ONLINE, "congdan.an",
           _online(1, "10:00", submit="10:12"), ELECTRONIC),
    Sample("demo-06", "mytho", "HT-01", ONLINE, "congdan.cuong",
           (*_online(3, "08:40", submit="08:45"), act(3, "10:15", "request_completion"))),
    # Asked to complete, completed and submitted again: waiting for the desk.
    Sample("demo-07", "dongson", "HT-11", ONLINE, "congdan.binh",
           (*_online(5, "19:30", submit="19:45"), act(4, "08:30", "request_completion"),
            act(2, "20:00", "resubmit"))),
    Sample("demo-08", "vinhbinh", "HT-10", ONLINE, "congdan.dung",
           (*_online(6, "15:00", submit="15:10"), act(5, "09:00", "refuse"))),
    Sample("demo-09", "mytho", "HT-11", DIRECT, "phuc", (act(2, "10:30", "refuse"),)),
    # --- Received, in progress -----------------------------------------------------------
    Sample("demo-10", "vinhbinh", "HT-11", ONLINE, "congdan.an",
           (*_online(2, "16:20", submit="16:30"), act(1, "08:10", "accept"))),
    Sample("demo-11", "dongson", "DD-06", DIRECT, "tuan", (act(1, "09:35", "receive"),)),
    Sample("demo-12", "mytho", "HT-10", POSTAL, "hoa", (act(1, "14:20", "receive"),), POST),
    Sample("demo-13", "vinhbinh", "HT-11", DIRECT, "hai",
           (act(2, "08:05", "receive"), *_worked(2, "09:30", "10:00"))),
    # Received eleven working days ago on a five-day procedure: overdue in progress.
    Sample("demo-14", "dongson", "HT-11", ONLINE, "congdan.binh",
           (*_online(12, "07:50", submit="08:00"), act(11, "08:30", "accept"),
            *_worked(11, "10:00", "14:00"))),
    Sample("demo-15", "mytho", "DD-06", POSTAL, "khang",
           (act(4, "08:45", "receive"), act(4, "10:30", "forward"), act(3, "08:15", "assign")),
           POST),
    # Liên thông: the leader signed the birth certificate and sent it to the commune police.
    Sample("demo-16", "vinhbinh", "LT-01", ONLINE, "congdan.an",
           (*_online(3, "07:40", submit="07:45"), act(3, "08:00", "accept"),
            *_worked(3, "08:20", "08:40"), act(3, "10:30", "propose"),
            act(3, "14:00", "send_to_agency", agency="police")), ELECTRONIC),
    Sample("demo-17", "dongson", "HT-10", DIRECT, "lan",
           (act(2, "08:30", "receive"), *_worked(2, "09:00", "09:30"),
            act(1, "10:00", "propose"))),
    # Sent back once by the leader, proposed again.
    Sample("demo-18", "vinhbinh", "HT-11", ONLINE, "congdan.dung",
           (*_online(5, "09:00", submit="09:05"), act(5, "10:00", "accept"),
            *_worked(5, "10:30", "11:00"), act(3, "09:00", "propose"),
            act(2, "14:00", "send_back"), act(1, "09:30", "propose"))),
    Sample("demo-19", "mytho", "HT-11", DIRECT, "yen",
           (act(4, "08:00", "receive"), *_worked(4, "09:00", "10:00"),
            act(2, "15:00", "request_supplement"))),
    Sample("demo-21", "dongson", "DD-06", DIRECT, "son",
           (act(8, "08:00", "receive"), *_worked(8, "09:00", "10:00"),
            act(3, "15:00", "request_obligation", amount=45_600_000))),
    Sample("demo-22", "mytho", "HT-11", ONLINE, "congdan.cuong",
           (*_online(3, "20:00", submit="20:10"), act(2, "08:00", "accept"),
            *_worked(2, "08:30", "09:00"), act(1, "10:00", "request_supplement"))),
    Sample("demo-23", "vinhbinh", "HT-11", ONLINE, "congdan.an",
           (*_online(4, "19:00", submit="19:10"), act(3, "08:30", "accept"),
            *_worked(3, "09:00", "09:30"), act(1, "16:00", "request_withdrawal"))),
    # The applicant came to the counter to withdraw; the desk records it for him.
    Sample("demo-24", "mytho", "HT-10", DIRECT, "phuc",
           (act(2, "08:15", "receive"), act(2, "09:00", "forward"),
            act(1, "09:00", "request_withdrawal"))),
    # Overdue, with an apology and a new appointment after today (Mẫu 04).
    Sample("demo-38", "dongson", "HT-11", DIRECT, "mai",
           (act(8, "09:00", "receive"), *_worked(8, "10:00", "10:30"),
            act(4, "10:00", "reschedule", new_day=-2, new_clock="16:00"))),
    Sample("demo-42", "vinhbinh", "HT-11", POSTAL, "ngoc",
           (act(1, "09:00", "receive"), *_worked(1, "10:00", "11:00")), POST),
    # --- Stopped ---------------------------------------------------------------------------
    Sample("demo-25", "dongson", "HT-11", ONLINE, "congdan.binh",
           (*_online(7, "20:00", submit="20:05"), act(6, "08:00", "accept"),
            *_worked(6, "08:30", "09:00"), act(5, "10:00", "request_withdrawal"),
            act(4, "09:00", "accept_withdrawal"))),
    Sample("demo-26", "vinhbinh", "DD-06", DIRECT, "long",
           (act(10, "08:00", "receive"), *_worked(10, "09:00", "10:00"),
            act(6, "15:00", "stop"))),
    # Cancelled by the citizen before the desk answered.
    Sample("demo-27", "mytho", "HT-01", ONLINE, "congdan.cuong",
           (*_online(2, "07:00", submit="07:05"), act(2, "07:20", "cancel"))),
    # --- Results ---------------------------------------------------------------------------
    Sample("demo-28", "vinhbinh", "HT-01", DIRECT, "vu",
           (act(1, "08:00", "receive"), *_worked(1, "08:30", "08:45"),
            act(1, "10:00", "propose"), act(1, "14:30", "approve"))),
    Sample("demo-29", "dongson", "HT-10", POSTAL, "tuan",
           (act(4, "08:30", "receive"), *_worked(4, "09:00", "09:30"),
            act(2, "10:00", "propose"), act(1, "08:00", "approve")), POST),
    # Two supplement requests: settled within the legal time, late under Decision 766.
    Sample("demo-20", "dongson", "HT-11", DIRECT, "lan",
           (act(15, "08:00", "receive"), *_worked(15, "09:00", "09:30"),
            act(14, "10:00", "request_supplement"), act(12, "08:30", "supplement"),
            act(11, "09:00", "request_supplement",
                reason="Bản cam đoan chưa có chữ ký của người làm chứng"),
            act(9, "14:00", "supplement"), act(8, "09:00", "propose"),
            act(8, "14:00", "approve"), act(7, "09:00", "return_result"))),
    # The whole liên thông route: commune, police, social insurance, back to the commune.
    Sample("demo-30", "vinhbinh", "LT-01", ONLINE, "congdan.dung",
           (*_online(9, "07:30", submit="07:35"), act(9, "08:00", "accept"),
            *_worked(9, "08:15", "08:30"), act(9, "10:00", "propose"),
            act(9, "14:00", "send_to_agency", agency="police"),
            act(8, "09:30", "agency_return"),
            act(8, "10:00", "send_to_agency", agency="insurance"),
            act(7, "15:00", "agency_return"), act(7, "15:30", "propose"),
            act(7, "16:00", "approve"), act(6, "08:00", "return_result")), ELECTRONIC),
    Sample("demo-31", "vinhbinh", "HT-01", DIRECT, "thu",
           (act(6, "08:10", "receive"), *_worked(6, "08:30", "09:00"),
            act(6, "10:15", "propose"), act(6, "14:00", "approve"),
            act(6, "16:00", "return_result"))),
    Sample("demo-32", "dongson", "HT-11", ONLINE, "congdan.binh",
           (*_online(10, "21:00", submit="21:10"), act(9, "08:00", "accept"),
            *_worked(9, "08:30", "09:00"), act(8, "10:00", "propose"),
            act(8, "15:00", "approve"), act(7, "09:00", "return_result"))),
    # Settled after its due instant, sent back by post.
    Sample("demo-33", "mytho", "HT-10", POSTAL, "hoa",
           (act(14, "09:00", "receive"), *_worked(14, "09:30", "10:00"),
            act(10, "10:00", "propose"), act(9, "15:00", "approve"),
            act(8, "10:00", "return_result")), POST),
    # Late against the legal due instant, kept the new appointment of the apology (Mẫu 04).
    Sample("demo-34", "vinhbinh", "HT-11", DIRECT, "long",
           (act(16, "08:00", "receive"), *_worked(16, "09:00", "10:00"),
            act(12, "15:00", "reschedule", new_day=8, new_clock="16:00"),
            act(10, "09:00", "propose"), act(9, "10:00", "approve"),
            act(8, "15:00", "return_result"))),
    # The land-use fee paid, then settled early.
    Sample("demo-35", "mytho", "DD-06", DIRECT, "khang",
           (act(30, "08:00", "receive"), *_worked(30, "09:00", "10:00"),
            act(25, "10:00", "request_obligation", amount=38_500_000),
            act(21, "09:00", "fulfil_obligation"), act(15, "10:00", "propose"),
            act(14, "10:00", "approve"), act(13, "09:00", "return_result"))),
    # The result is a refusal letter, which counts as settled.
    Sample("demo-36", "dongson", "HT-10", DIRECT, "son",
           (act(7, "08:00", "receive"), *_worked(7, "08:30", "09:00"),
            act(6, "10:00", "propose"), act(5, "09:00", "approve", refusal=True),
            act(5, "14:00", "return_result"))),
    # Settled on its due day, before the due instant: on time; the result sent electronically.
    Sample("demo-37", "vinhbinh", "HT-10", ONLINE, "congdan.an",
           (*_online(6, "19:50", submit="20:00"), act(5, "09:00", "accept"),
            *_worked(5, "09:30", "10:00"), act(3, "14:00", "propose"),
            act(2, "08:30", "approve"), act(2, "10:00", "return_result")), ELECTRONIC),
    Sample("demo-39", "vinhbinh", "HT-01", POSTAL, "ngoc",
           (act(5, "09:00", "receive"), *_worked(5, "09:15", "09:30"),
            act(5, "10:30", "propose"), act(5, "14:00", "approve"),
            act(5, "15:30", "return_result")), POST),
    Sample("demo-40", "mytho", "HT-01", ONLINE, "congdan.cuong",
           (*_online(3, "07:00", submit="07:10"), act(3, "08:00", "accept"),
            *_worked(3, "08:10", "08:20"), act(3, "09:00", "propose"),
            act(3, "10:00", "approve"), act(3, "10:30", "return_result")), ELECTRONIC),
    # Same day procedure settled the next morning: late.
    Sample("demo-41", "dongson", "HT-01", DIRECT, "mai",
           (act(9, "14:00", "receive"), *_worked(9, "14:15", "14:30"),
            act(9, "16:30", "propose"), act(8, "09:00", "approve"),
            act(8, "10:00", "return_result"))),
)

REASONS = {
    "request_completion": "Hồ sơ chưa đủ thành phần theo quy định",
    "refuse": "Người yêu cầu không cư trú trên địa bàn, việc đăng ký không thuộc thẩm quyền "
              "của đơn vị",
    "request_supplement": "Thông tin trong tờ khai chưa khớp với giấy tờ kèm theo",
    "request_obligation": "Nộp tiền sử dụng đất theo thông báo của cơ quan thuế",
    "request_withdrawal": "Gia đình không còn nhu cầu giải quyết",
    "stop": "Thửa đất đang có tranh chấp, chưa đủ điều kiện chuyển mục đích sử dụng",
    "send_back": "Đề nghị bổ sung ý kiến xác minh của công chức tư pháp - hộ tịch",
    "reschedule": "Cần thêm thời gian xác minh thông tin tại nơi cư trú trước đây",
}
ITEMS = {
    "request_completion": ["Ảnh chụp rõ nét, đầy đủ các trang của giấy tờ đính kèm"],
    "request_supplement": ["Bản sao giấy tờ có thông tin khai sinh (học bạ, hồ sơ cá nhân…)"],
}


def working_day(calendar: WorkingCalendar, today: date, n: int) -> date:
    """The n-th working day before `today` (n > 0) or after it (n < 0)."""
    step = timedelta(days=-1 if n > 0 else 1)
    day, left = today, abs(n)
    while left:
        day += step
        if calendar.is_working_day(day):
            left -= 1
    return day


@dataclass
class _Context:
    users: dict[str, User]
    units: dict[str, Unit]
    versions: dict[str, ProcedureVersion]
    calendar: WorkingCalendar
    today: date

    def instant(self, day: int, clock: str) -> datetime:
        hour, minute = (int(part) for part in clock.split(":"))
        return datetime.combine(working_day(self.calendar, self.today, day),
                                time(hour, minute), tzinfo=VIETNAM)

    def staff(self, commune: str, role: str) -> User:
        return self.users[f"{commune}.{role}"]


def demo_dossiers_load() -> LoadCounts:
    """Create the sample dossiers that do not exist yet (by idempotency key). Needs the sample
    units and people and the shipped catalog; raises LookupError naming what is missing."""
    counts = LoadCounts()
    existing = set(Dossier.objects.filter(idempotency_key__startswith=KEY_PREFIX)
                   .values_list("idempotency_key", flat=True))
    missing = [sample for sample in SAMPLES if sample.key not in existing]
    counts.unchanged = len(SAMPLES) - len(missing)
    if not missing:
        return counts
    context = _context()
    with transaction.atomic():
        for sample in missing:
            _create(sample, context)
            counts.add("created")
    return counts


def _context() -> _Context:
    usernames = [f"{prefix}.{role}" for prefix in COMMUNES
                 for role in ("motcua", "chuyenvien", "lanhdao")]
    usernames += [officer for _code, officer in AGENCIES.values()] + list(CITIZENS)
    users = User.objects.in_bulk(usernames, field_name="username")
    codes = [*COMMUNES.values(), *(code for code, _officer in AGENCIES.values())]
    units = Unit.objects.in_bulk(codes, field_name="code")
    versions = {
        v.procedure.code: v
        for v in ProcedureVersion.objects.select_related("procedure", "competent_unit")
        .filter(procedure__code__in=PROCEDURES, procedure__current_version=F("pk"))
    }
    absent = sorted({*usernames} - users.keys()) + sorted({*codes} - units.keys()) + sorted(
        {*PROCEDURES} - versions.keys())
    if absent:
        raise LookupError(", ".join(absent))
    # Days are counted on one commune's calendar: the sample communes share the national one.
    return _Context(users=users, units=units, versions=versions,
                    calendar=calendar_for_unit(unit=units[VINH_BINH]),
                    today=local(now()).date())


def _create(sample: Sample, context: _Context) -> Dossier:
    first, *rest = sample.acts
    dossier = _start(sample, first, context)
    for step in rest:
        dossier = ACTIONS[step.action](_Turn(sample, dossier, step, context))
    return dossier


def _applicant(sample: Sample, context: _Context) -> tuple[ApplicantData, User | None]:
    citizen = context.users.get(sample.applicant)
    if citizen is None:
        return APPLICANTS[sample.applicant], None
    return ApplicantData(name=citizen.full_name, id_number=citizen.cccd or "",
                         address=citizen.address, phone=citizen.phone,
                         email=citizen.email), citizen


def _start(sample: Sample, first: Act, context: _Context) -> Dossier:
    at = context.instant(first.day, first.clock)
    applicant, citizen = _applicant(sample, context)
    version = context.versions[sample.procedure]
    unit = context.units[COMMUNES[sample.commune]]
    address = applicant.address if sample.delivery == Delivery.POST else ""
    common = {"procedure_version": version, "receiving_unit": unit, "applicant": applicant,
              "idempotency_key": sample.key, "at": at}
    if first.action == "draft":
        return intake.dossier_draft_create(owner=citizen, delivery=sample.delivery,
                                           delivery_address=address, **common)
    desk = context.staff(sample.commune, "motcua")
    if first.action == "refuse":
        return intake.dossier_refuse_at_counter(actor=desk, reason=REASONS["refuse"], **common)
    postal = None
    if sample.channel == Channel.POSTAL:
        number = int(sample.key.removeprefix(KEY_PREFIX))
        postal = PostalReceipt(waybill=f"EB{number:09d}VN",
                               handed_over_at=at - timedelta(minutes=40))
    components = [ReceivedComponent(name=c.name, originals=1, component_id=c.pk)
                  for c in version.components.all() if c.required]
    return intake.dossier_receive(actor=desk, components=components, postal=postal,
                                  delivery=sample.delivery, delivery_address=address,
                                  owner=citizen, **common)


# --- What each action does, and who does it ------------------------------------------------


@dataclass(frozen=True)
class _Turn:
    """One action about to happen: the dossier, when, and the people of its commune."""

    sample: Sample
    dossier: Dossier
    step: Act
    context: _Context

    @property
    def at(self) -> datetime:
        return self.context.instant(self.step.day, self.step.clock)

    @property
    def desk(self) -> User:
        return self.context.staff(self.sample.commune, "motcua")

    @property
    def specialist(self) -> User:
        return self.context.staff(self.sample.commune, "chuyenvien")

    @property
    def leader(self) -> User:
        return self.context.staff(self.sample.commune, "lanhdao")

    @property
    def applicant(self) -> User:
        """The applicant acts online when they own the dossier; the desk records it for them
        otherwise (a supplement, a payment or a withdrawal brought to the counter)."""
        if self.dossier.owner_id is not None:
            return self.context.users[self.sample.applicant]
        return self.desk

    @property
    def reason(self) -> str:
        return self.step.extra.get("reason", REASONS[self.step.action])

    @property
    def items(self) -> list[str]:
        return ITEMS[self.step.action]

    @property
    def number(self) -> int:
        return int(self.sample.key.removeprefix(KEY_PREFIX))


def _results(turn: _Turn) -> list[ResultData]:
    version = turn.context.versions[turn.sample.procedure]
    signed = local(turn.at).date()
    number = f"{turn.number:03d}/{signed:%Y}/{turn.sample.procedure}"
    signer = turn.leader.full_name
    if turn.step.extra.get("refusal"):
        return [ResultData(name=f"Văn bản từ chối giải quyết: {version.name}",
                           number=f"{number}-TC", signer=signer, signed_on=signed,
                           is_refusal=True)]
    return [ResultData(name=doc.name, number=f"{index}.{number}", signer=signer,
                       signed_on=signed)
            for index, doc in enumerate(version.results.all(), 1)]


def _return_result(turn: _Turn) -> Dossier:
    by_post = turn.dossier.delivery == Delivery.POST
    return processing.dossier_return_result(
        dossier=turn.dossier, actor=turn.desk, at=turn.at,
        collected_by=turn.dossier.applicant_name,
        waybill=f"EB{turn.number + 500:09d}VN" if by_post else "")


def _send_to_agency(turn: _Turn) -> Dossier:
    # A leader sends it on after signing (a leader step before the agency's), else the handler.
    code, _officer = AGENCIES[turn.step.extra["agency"]]
    sender = turn.leader if turn.dossier.status == Status.AWAITING_APPROVAL else turn.specialist
    return processing.dossier_send_to_agency(dossier=turn.dossier, actor=sender, at=turn.at,
                                             agency=turn.context.units[code])


def _agency_return(turn: _Turn) -> Dossier:
    officer = next(turn.context.users[username] for code, username in AGENCIES.values()
                   if turn.context.units[code].pk == turn.dossier.current_unit_id)
    return processing.dossier_agency_return(dossier=turn.dossier, actor=officer, at=turn.at,
                                            note="Đã thực hiện xong phần việc liên thông")


def _reschedule(turn: _Turn) -> Dossier:
    new = turn.context.instant(turn.step.extra["new_day"], turn.step.extra["new_clock"])
    return processing.dossier_reschedule(dossier=turn.dossier, actor=turn.leader, at=turn.at,
                                         reason=turn.reason, new_appointment_at=new)


ACTIONS: dict[str, Callable[[_Turn], Dossier]] = {
    "submit": lambda t: intake.dossier_submit(dossier=t.dossier, actor=t.applicant, at=t.at),
    "resubmit": lambda t: intake.dossier_resubmit(dossier=t.dossier, actor=t.applicant,
                                                  at=t.at),
    "cancel": lambda t: intake.dossier_cancel(dossier=t.dossier, actor=t.applicant, at=t.at),
    "accept": lambda t: intake.dossier_accept(dossier=t.dossier, actor=t.desk, at=t.at),
    "request_completion": lambda t: intake.dossier_request_completion(
        dossier=t.dossier, actor=t.desk, at=t.at, reason=t.reason, items=t.items),
    "refuse": lambda t: intake.dossier_refuse(dossier=t.dossier, actor=t.desk, at=t.at,
                                              reason=t.reason),
    "forward": lambda t: processing.dossier_forward(dossier=t.dossier, actor=t.desk, at=t.at),
    "assign": lambda t: processing.dossier_assign(dossier=t.dossier, actor=t.leader, at=t.at,
                                                  handler=t.specialist),
    "propose": lambda t: processing.dossier_propose_result(dossier=t.dossier,
                                                           actor=t.specialist, at=t.at),
    "send_back": lambda t: processing.dossier_send_back(dossier=t.dossier, actor=t.leader,
                                                        at=t.at, reason=t.reason),
    "approve": lambda t: processing.dossier_approve(dossier=t.dossier, actor=t.leader,
                                                    at=t.at, results=_results(t)),
    "return_result": _return_result,
    "send_to_agency": _send_to_agency,
    "agency_return": _agency_return,
    "request_supplement": lambda t: processing.dossier_request_supplement(
        dossier=t.dossier, actor=t.specialist, at=t.at, reason=t.reason, items=t.items),
    "supplement": lambda t: processing.dossier_supplement(
        dossier=t.dossier, actor=t.applicant, at=t.at,
        note="Đã nộp bổ sung giấy tờ theo yêu cầu"),
    "request_obligation": lambda t: processing.dossier_request_obligation(
        dossier=t.dossier, actor=t.specialist, at=t.at, reason=t.reason,
        amount=t.step.extra["amount"]),
    "fulfil_obligation": lambda t: processing.dossier_fulfil_obligation(
        dossier=t.dossier, actor=t.applicant, at=t.at,
        note="Đã nộp tiền sử dụng đất, có chứng từ kèm theo"),
    "request_withdrawal": lambda t: processing.dossier_request_withdrawal(
        dossier=t.dossier, actor=t.applicant, at=t.at, reason=t.reason),
    "accept_withdrawal": lambda t: processing.dossier_accept_withdrawal(
        dossier=t.dossier, actor=t.leader, at=t.at),
    "stop": lambda t: processing.dossier_stop(dossier=t.dossier, actor=t.leader, at=t.at,
                                              reason=t.reason),
    "reschedule": _reschedule,
}
