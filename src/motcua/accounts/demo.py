"""Sample people for the demo (`manage.py demo_load`). SAMPLE DATA, NOT REAL PEOPLE.

Staff for every role in several sample units (see `motcua.agencies.demo`), a few citizens and
one technical superuser. Every account has the password `DEMO_PASSWORD`.

Citizens' identifiers are invented so they can never be a real person's: CCCD numbers start
with province code 099, which does not exist; phone numbers start with 010, a prefix not
allocated since 2018; e-mail addresses use the reserved `.example` domain.

The loader is idempotent (people by username, roles by (person, unit, role, start date)) and
hashes the password at most twice per run: hashing is deliberately slow, and forty accounts
each hashed would make a re-run take half a minute.
"""

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.db import transaction

from motcua.accounts.models import StaffRole, User
from motcua.accounts.roles import Role
from motcua.accounts.services import citizen_create, staff_create, staff_role_save, user_update
from motcua.agencies.demo import (
    DONG_SON,
    DT,
    DT_CENTRE,
    DT_JUSTICE,
    GCT,
    SOCIAL_INSURANCE,
    VINH_BINH,
    VINH_BINH_POLICE,
    LoadCounts,
)
from motcua.agencies.levels import DISTRICT_LEVEL_LAST_DAY, TWO_TIER_FROM
from motcua.agencies.models import Department, Unit

DEMO_PASSWORD = "motcua-demo"
SUPERUSER = "admin"
MY_THO, OLD_VINH_BINH, OLD_BINH_PHU = "000.00.34.Z99", "000.01.27.Z98", "000.04.27.Z98"
AGRI_ENV = "000.00.03.Z99"
OLD_FROM = date(2020, 1, 1)
NOT_SAMPLE = "demo_load: account {} exists and is not sample data; refusing to overwrite it"

R = Role


@dataclass(frozen=True)
class RoleSpec:
    unit: str
    role: Role
    department: str | None = None
    valid_from: date | None = TWO_TIER_FROM
    valid_to: date | None = None


@dataclass(frozen=True)
class PersonSpec:
    username: str
    full_name: str
    roles: tuple[RoleSpec, ...] = ()
    cccd: str | None = None
    phone: str | None = None
    address: str = ""


def _old(unit: str, role: Role, department: str | None = None) -> RoleSpec:
    """A role held under the three-tier structure, ended with it on 30/6/2025."""
    return RoleSpec(unit, role, department, OLD_FROM, DISTRICT_LEVEL_LAST_DAY)


STAFF: tuple[PersonSpec, ...] = (
    PersonSpec("quantri.hethong", "Võ Minh Khoa", (RoleSpec(DT, R.SYSTEM_ADMIN),)),
    PersonSpec("dt.quantri", "Đặng Thu Hà", (RoleSpec(DT, R.UNIT_ADMIN),)),
    PersonSpec("dt.lanhdao", "Nguyễn Quốc Bảo", (RoleSpec(DT, R.LEADER, "lanh-dao"),)),
    PersonSpec("dt.buudien", "Huỳnh Văn Phúc", (RoleSpec(DT, R.POSTAL_OPERATOR),)),
    PersonSpec("ttpvhcc.motcua", "Lê Thị Thu Trang",
               (RoleSpec(DT_CENTRE, R.DESK_OFFICER, "mot-cua"),)),
    PersonSpec("ttpvhcc.lanhdao", "Trương Văn Hậu", (RoleSpec(DT_CENTRE, R.LEADER, "lanh-dao"),)),
    PersonSpec("stp.chuyenvien", "Phan Thị Ngọc Ánh",
               (RoleSpec(DT_JUSTICE, R.SPECIALIST, "hanh-chinh-tu-phap"),)),
    PersonSpec("stp.lanhdao", "Bùi Thanh Sơn", (RoleSpec(DT_JUSTICE, R.LEADER, "lanh-dao"),)),
    PersonSpec("snnmt.chuyenvien", "Tạ Minh Tâm",
               (RoleSpec(AGRI_ENV, R.SPECIALIST, "quan-ly-dat-dai"),)),
    PersonSpec("vinhbinh.motcua", "Nguyễn Thị Kim Loan", (
        RoleSpec(VINH_BINH, R.DESK_OFFICER, "mot-cua"), _old(GCT, R.DESK_OFFICER, "mot-cua"))),
    PersonSpec("vinhbinh.chuyenvien", "Trần Văn Tài",
               (RoleSpec(VINH_BINH, R.SPECIALIST, "van-hoa-xa-hoi"),)),
    PersonSpec("vinhbinh.lanhdao", "Lê Hoàng Nam", (
        RoleSpec(VINH_BINH, R.LEADER, "lanh-dao"), _old(OLD_VINH_BINH, R.LEADER, "lanh-dao"))),
    PersonSpec("vinhbinh.quantri", "Phạm Văn Lộc", (RoleSpec(VINH_BINH, R.UNIT_ADMIN),)),
    PersonSpec("vinhbinh.buudien", "Đỗ Thị Hạnh", (RoleSpec(VINH_BINH, R.POSTAL_OPERATOR),)),
    PersonSpec("dongson.motcua", "Châu Thị Mỹ", (RoleSpec(DONG_SON, R.DESK_OFFICER, "mot-cua"),)),
    PersonSpec("dongson.chuyenvien", "Lý Văn Hùng",
               (RoleSpec(DONG_SON, R.SPECIALIST, "kinh-te"),)),
    PersonSpec("dongson.lanhdao", "Mai Thanh Tùng", (RoleSpec(DONG_SON, R.LEADER, "lanh-dao"),)),
    PersonSpec("mytho.motcua", "Hồ Ngọc Diễm", (RoleSpec(MY_THO, R.DESK_OFFICER, "mot-cua"),)),
    PersonSpec("mytho.chuyenvien", "Dương Văn Khải",
               (RoleSpec(MY_THO, R.SPECIALIST, "van-hoa-xa-hoi"),)),
    PersonSpec("mytho.lanhdao", "Cao Thị Yến", (RoleSpec(MY_THO, R.LEADER, "lanh-dao"),)),
    # The cooperating agencies' officers, who do their step of a liên thông dossier.
    PersonSpec("congan.vinhbinh", "Huỳnh Minh Trí",
               (RoleSpec(VINH_BINH_POLICE, R.SPECIALIST, "cu-tru"),)),
    PersonSpec("bhxh.chuyenvien", "Ngô Thị Thanh Xuân",
               (RoleSpec(SOCIAL_INSURANCE, R.SPECIALIST, "thu-so-the"),)),
    PersonSpec("gocongtay.lanhdao", "Trịnh Văn Đức", (_old(GCT, R.LEADER, "lanh-dao"),)),
    PersonSpec("binhphu.motcua", "Võ Thị Lan", (_old(OLD_BINH_PHU, R.DESK_OFFICER, "mot-cua"),)),
)

CITIZENS: tuple[PersonSpec, ...] = (
    PersonSpec("congdan.an", "Nguyễn Văn An", cccd="099085000001", phone="0100000001",
               address="Ấp Bình Thạnh, xã Vĩnh Bình, tỉnh Đồng Tháp (địa chỉ mẫu)"),
    PersonSpec("congdan.binh", "Trần Thị Bình", cccd="099190000002", phone="0100000002",
               address="Ấp Đồng Hòa, xã Đồng Sơn, tỉnh Đồng Tháp (địa chỉ mẫu)"),
    PersonSpec("congdan.cuong", "Lê Văn Cường", cccd="099201000003", phone="0100000003",
               address="Số 12 đường Mẫu, phường Mỹ Tho, tỉnh Đồng Tháp (địa chỉ mẫu)"),
    PersonSpec("congdan.dung", "Phạm Thị Dung", cccd="099305000004", phone="0100000004",
               address="Ấp Long Hưng, xã Long Bình, tỉnh Đồng Tháp (địa chỉ mẫu)"),
)


@dataclass
class PeopleLoadReport:
    staff: LoadCounts = field(default_factory=LoadCounts)
    citizens: LoadCounts = field(default_factory=LoadCounts)
    roles: LoadCounts = field(default_factory=LoadCounts)


def _email(username: str) -> str:
    return f"{username}@motcua.example"


def _shared_password_hash(users: dict[str, User]) -> str:
    """Reuse a demo account's hash when it is still the demo password (one slow check),
    else hash once; every demo account then gets that same string."""
    for user in users.values():
        if user.has_usable_password() and check_password(DEMO_PASSWORD, user.password):
            return user.password
        if user.has_usable_password():
            break  # someone changed it: start afresh rather than check every account
    return make_password(DEMO_PASSWORD)


def _upsert_person(spec: PersonSpec, user: User | None, citizen: bool, counts: LoadCounts) -> User:
    wanted = {"full_name": spec.full_name, "email": _email(spec.username), "is_sample": True}
    if citizen:
        wanted |= {"cccd": spec.cccd, "phone": spec.phone, "address": spec.address}
    if user is None:
        counts.add("created")
        create = citizen_create if citizen else staff_create
        return create(username=spec.username, **wanted)
    changes = {k: v for k, v in wanted.items() if getattr(user, k) != v}
    if not changes:
        counts.add("unchanged")
        return user
    counts.add("updated")
    return user_update(user=user, **changes)


def _load_roles(users: dict[str, User], report: PeopleLoadReport) -> None:
    unit_codes = {role.unit for spec in STAFF for role in spec.roles}
    units = Unit.objects.in_bulk(unit_codes, field_name="code")
    departments = {(d.unit_id, d.code): d
                   for d in Department.objects.filter(unit__in=units.values())}
    existing = {(r.user_id, r.unit_id, r.role, r.valid_from): r
                for r in StaffRole.objects.filter(user__in=users.values())}
    for spec in STAFF:
        for wanted in spec.roles:
            user, unit = users[spec.username], units[wanted.unit]
            department = departments[(unit.pk, wanted.department)] if wanted.department else None
            role = existing.get((user.pk, unit.pk, wanted.role, wanted.valid_from))
            if role is None:
                role = StaffRole(user=user, unit=unit, role=wanted.role,
                                 valid_from=wanted.valid_from)
                report.roles.add("created")
            elif (role.department_id, role.valid_to) == (getattr(department, "pk", None),
                                                         wanted.valid_to):
                report.roles.add("unchanged")
                continue
            else:
                report.roles.add("updated")
            role.department, role.valid_to = department, wanted.valid_to
            staff_role_save(staff_role=role)


@transaction.atomic
def demo_people_load() -> PeopleLoadReport:
    """Create or update the sample staff, their roles, the citizens and the superuser."""
    report = PeopleLoadReport()
    usernames = [s.username for s in STAFF + CITIZENS] + [SUPERUSER]
    users = User.objects.in_bulk(usernames, field_name="username")
    # Never reset the password of a real account that happens to share a demo username.
    if real := sorted(name for name, user in users.items() if not user.is_sample):
        raise ValidationError(NOT_SAMPLE.format(", ".join(real)))
    for spec in STAFF:
        users[spec.username] = _upsert_person(spec, users.get(spec.username), False, report.staff)
    for spec in CITIZENS:
        users[spec.username] = _upsert_person(spec, users.get(spec.username), True,
                                              report.citizens)
    admin = users.get(SUPERUSER) or staff_create(
        username=SUPERUSER, full_name="Quản trị kỹ thuật (mẫu)", email=_email(SUPERUSER),
        is_sample=True)
    User.objects.filter(pk=admin.pk).update(is_superuser=True, is_staff=True)
    users[SUPERUSER] = admin
    password = _shared_password_hash(users)
    User.objects.filter(pk__in=[u.pk for u in users.values()]).exclude(password=password).update(
        password=password)
    _load_roles(users, report)
    return report


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    role: str  # a Role value, "citizen" or "superuser"
    role_label: str
    unit: str
    period: str


def _period(role: StaffRole) -> str:
    start = role.valid_from.strftime("%d/%m/%Y") if role.valid_from else "…"
    end = role.valid_to.strftime("%d/%m/%Y") if role.valid_to else "…"
    return f"{start} – {end}"


def demo_accounts() -> list[DemoAccount]:
    """The demo accounts with their roles, superuser first, then staff, then citizens."""
    rows = [DemoAccount(SUPERUSER, "Quản trị kỹ thuật (mẫu)", "superuser",
                        "Siêu quản trị (superuser)", "—", "")]
    roles = (StaffRole.objects.filter(user__is_sample=True).select_related("user", "unit")
             .order_by("user__username", "-valid_from"))
    for role in roles:
        rows.append(DemoAccount(role.user.username, role.user.full_name, role.role,
                                str(role.get_role_display()), role.unit.name, _period(role)))
    for user in User.objects.filter(is_sample=True, cccd__isnull=False).order_by("username"):
        rows.append(DemoAccount(user.username, user.full_name, "citizen", "Công dân", "—", ""))
    return rows
