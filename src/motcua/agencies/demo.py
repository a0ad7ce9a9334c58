"""Sample units for the demo (`manage.py demo_load`). SAMPLE DATA, NOT OFFICIAL.

Two structures side by side (DOMAIN.md §0.1):

* today's two-tier one: the new Đồng Tháp province (from 1/7/2025, Tiền Giang merged in), its
  provincial public administration service centre, two provincial departments (Sở) and a few
  communes and wards, and two agencies that take part in liên thông procedures (a commune
  police station and the provincial social insurance);
* the seed article's one, valid until 30/6/2025: Tiền Giang province, Gò Công Tây district and
  several of its communes, each linked to the new units that took over its work.

The real electronic identifiers of these units are not known to us (DOMAIN.md §8), so every
code here is invented and plainly fake: the last group `Z98` (Tiền Giang) / `Z99` (Đồng Tháp)
uses a letter no real agency code uses. Which old communes merged into which new ones is
illustrative too, not the National Assembly's resolution. Names carry "(mẫu)" and every unit is
`is_sample=True`.

The loader is idempotent: it matches units by code and departments by (unit, code), creates
what is missing, updates what differs and leaves the rest alone, so a re-run costs a handful of
queries.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from motcua.agencies.levels import COMMUNE, DISTRICT, DISTRICT_LEVEL_LAST_DAY, PROVINCE
from motcua.agencies.levels import TWO_TIER_FROM as NEW
from motcua.agencies.models import Department, Unit
from motcua.agencies.services import (
    department_create,
    department_update,
    level_ensure_standard,
    unit_create,
    unit_retire,
    unit_update,
)

OLD_END = DISTRICT_LEVEL_LAST_DAY
DESK, LEAD, SPEC = (Department.Kind.ONE_STOP_DESK, Department.Kind.LEADERSHIP,
                    Department.Kind.SPECIALIST)
COMMITTEE, AGENCY, CENTRE = Unit.Kind.COMMITTEE, Unit.Kind.AGENCY, Unit.Kind.SERVICE_CENTRE

# (code, name, kind) of each department, by kind of unit.
PROVINCE_DEPTS = (("mot-cua", "Bộ phận Một cửa", DESK), ("lanh-dao", "Lãnh đạo UBND tỉnh", LEAD),
                  ("van-phong", "Văn phòng UBND tỉnh", SPEC))
CENTRE_DEPTS = (("mot-cua", "Quầy tiếp nhận và trả kết quả", DESK),
                ("lanh-dao", "Ban Giám đốc Trung tâm", LEAD),
                ("kiem-soat-tthc", "Phòng Kiểm soát thủ tục hành chính", SPEC))
JUSTICE_DEPTS = (("mot-cua", "Bộ phận Một cửa", DESK), ("lanh-dao", "Ban Giám đốc Sở", LEAD),
                 ("hanh-chinh-tu-phap", "Phòng Hành chính tư pháp", SPEC),
                 ("bo-tro-tu-phap", "Phòng Bổ trợ tư pháp", SPEC))
AGRI_ENV_DEPTS = (("mot-cua", "Bộ phận Một cửa", DESK), ("lanh-dao", "Ban Giám đốc Sở", LEAD),
                  ("quan-ly-dat-dai", "Phòng Quản lý đất đai", SPEC),
                  ("moi-truong", "Phòng Môi trường", SPEC))
# Communes and wards since 1/7/2025 run their own service centre (Decree 118/2025).
NEW_COMMUNE_DEPTS = (("mot-cua", "Trung tâm Phục vụ hành chính công xã", DESK),
                     ("lanh-dao", "Lãnh đạo UBND xã", LEAD),
                     ("van-phong", "Văn phòng HĐND và UBND", SPEC),
                     ("kinh-te", "Phòng Kinh tế", SPEC),
                     ("van-hoa-xa-hoi", "Phòng Văn hóa - Xã hội", SPEC))
NEW_WARD_DEPTS = (("mot-cua", "Trung tâm Phục vụ hành chính công phường", DESK),
                  ("lanh-dao", "Lãnh đạo UBND phường", LEAD),
                  ("van-phong", "Văn phòng HĐND và UBND", SPEC),
                  ("kinh-te", "Phòng Kinh tế, Hạ tầng và Đô thị", SPEC),
                  ("van-hoa-xa-hoi", "Phòng Văn hóa - Xã hội", SPEC))
# Cooperating agencies of liên thông procedures (LT-01, LT-02): they act on their own step only.
POLICE_DEPTS = (("mot-cua", "Bộ phận tiếp nhận hồ sơ", DESK),
                ("lanh-dao", "Lãnh đạo Công an xã", LEAD),
                ("cu-tru", "Tổ Đăng ký, quản lý cư trú", SPEC))
SOCIAL_INSURANCE_DEPTS = (("mot-cua", "Bộ phận Một cửa", DESK),
                          ("lanh-dao", "Ban Giám đốc", LEAD),
                          ("thu-so-the", "Phòng Quản lý thu, sổ, thẻ", SPEC))
DISTRICT_DEPTS = (("mot-cua", "Bộ phận Tiếp nhận và Trả kết quả", DESK),
                  ("lanh-dao", "Lãnh đạo UBND huyện", LEAD),
                  ("tu-phap", "Phòng Tư pháp", SPEC),
                  ("tai-nguyen-moi-truong", "Phòng Tài nguyên và Môi trường", SPEC),
                  ("lao-dong-tbxh", "Phòng Lao động - Thương binh và Xã hội", SPEC))
OLD_COMMUNE_DEPTS = (("mot-cua", "Bộ phận Tiếp nhận và Trả kết quả", DESK),
                     ("lanh-dao", "Lãnh đạo UBND xã", LEAD),
                     ("tu-phap-ho-tich", "Công chức Tư pháp - Hộ tịch", SPEC),
                     ("dia-chinh-xay-dung", "Công chức Địa chính - Xây dựng", SPEC))


@dataclass(frozen=True)
class UnitSpec:
    code: str
    name: str
    level: str
    parent: str | None
    departments: tuple
    kind: str = COMMITTEE
    short_name: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    successors: tuple[str, ...] = ()
    address: str = ""


DT, TG, GCT = "000.00.00.Z99", "000.00.00.Z98", "000.00.27.Z98"
DT_CENTRE, DT_JUSTICE = "000.00.01.Z99", "000.00.02.Z99"
VINH_BINH, DONG_SON, LONG_BINH = "000.00.31.Z99", "000.00.32.Z99", "000.00.33.Z99"
SOCIAL_INSURANCE, VINH_BINH_POLICE = "000.00.04.Z99", "000.00.36.Z99"


def _new(code, name, parent, depts, kind=COMMITTEE, level=COMMUNE, short="", address=""):
    return UnitSpec(code, name, level, parent, depts, kind, short, NEW, None, (), address)


def _old(code, name, parent, depts, successors, kind=COMMITTEE, level=COMMUNE, short=""):
    return UnitSpec(code, name, level, parent, depts, kind, short, None, OLD_END, successors)


# Parents before children.
UNITS: tuple[UnitSpec, ...] = (
    _new(DT, "UBND tỉnh Đồng Tháp (mẫu)", None, PROVINCE_DEPTS, level=PROVINCE,
         short="Đồng Tháp", address="Phường Mỹ Tho, tỉnh Đồng Tháp (địa chỉ mẫu)"),
    _new(DT_CENTRE, "Trung tâm Phục vụ hành chính công tỉnh Đồng Tháp (mẫu)", DT, CENTRE_DEPTS,
         CENTRE, PROVINCE, "TTPVHCC Đồng Tháp"),
    _new(DT_JUSTICE, "Sở Tư pháp tỉnh Đồng Tháp (mẫu)", DT, JUSTICE_DEPTS, AGENCY, PROVINCE),
    _new("000.00.03.Z99", "Sở Nông nghiệp và Môi trường tỉnh Đồng Tháp (mẫu)", DT,
         AGRI_ENV_DEPTS, AGENCY, PROVINCE),
    _new(VINH_BINH, "UBND xã Vĩnh Bình (mẫu)", DT, NEW_COMMUNE_DEPTS, short="Vĩnh Bình"),
    _new(DONG_SON, "UBND xã Đồng Sơn (mẫu)", DT, NEW_COMMUNE_DEPTS, short="Đồng Sơn"),
    _new(LONG_BINH, "UBND xã Long Bình (mẫu)", DT, NEW_COMMUNE_DEPTS, short="Long Bình"),
    _new("000.00.34.Z99", "UBND phường Mỹ Tho (mẫu)", DT, NEW_WARD_DEPTS, short="Mỹ Tho"),
    _new("000.00.35.Z99", "UBND phường Cao Lãnh (mẫu)", DT, NEW_WARD_DEPTS, short="Cao Lãnh"),
    _new(SOCIAL_INSURANCE, "Bảo hiểm xã hội tỉnh Đồng Tháp (mẫu)", DT, SOCIAL_INSURANCE_DEPTS,
         AGENCY, PROVINCE, "BHXH Đồng Tháp"),
    _new(VINH_BINH_POLICE, "Công an xã Vĩnh Bình (mẫu)", DT, POLICE_DEPTS, AGENCY,
         short="Công an Vĩnh Bình"),
    _old(TG, "UBND tỉnh Tiền Giang (mẫu)", None, PROVINCE_DEPTS, (DT,), level=PROVINCE,
         short="Tiền Giang"),
    _old("000.00.01.Z98", "Trung tâm Phục vụ hành chính công tỉnh Tiền Giang (mẫu)", TG,
         CENTRE_DEPTS, (DT_CENTRE,), CENTRE, PROVINCE),
    _old("000.00.02.Z98", "Sở Tư pháp tỉnh Tiền Giang (mẫu)", TG, JUSTICE_DEPTS, (DT_JUSTICE,),
         AGENCY, PROVINCE),
    _old(GCT, "UBND huyện Gò Công Tây (mẫu)", TG, DISTRICT_DEPTS,
         (VINH_BINH, DONG_SON, LONG_BINH), level=DISTRICT, short="Gò Công Tây"),
    _old("000.01.27.Z98", "UBND thị trấn Vĩnh Bình (mẫu)", GCT, OLD_COMMUNE_DEPTS, (VINH_BINH,)),
    _old("000.02.27.Z98", "UBND xã Thạnh Trị (mẫu)", GCT, OLD_COMMUNE_DEPTS, (VINH_BINH,)),
    _old("000.03.27.Z98", "UBND xã Đồng Sơn (mẫu)", GCT, OLD_COMMUNE_DEPTS, (DONG_SON,)),
    _old("000.04.27.Z98", "UBND xã Bình Phú (mẫu)", GCT, OLD_COMMUNE_DEPTS, (DONG_SON,)),
    _old("000.05.27.Z98", "UBND xã Long Bình (mẫu)", GCT, OLD_COMMUNE_DEPTS, (LONG_BINH,)),
    _old("000.06.27.Z98", "UBND xã Vĩnh Hựu (mẫu)", GCT, OLD_COMMUNE_DEPTS, (LONG_BINH,)),
)


@dataclass
class LoadCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass
class UnitLoadReport:
    units: LoadCounts = field(default_factory=LoadCounts)
    departments: LoadCounts = field(default_factory=LoadCounts)


def _unit_changes(unit: Unit, wanted: dict) -> dict:
    changes = {}
    for name, value in wanted.items():
        if name in ("level", "parent"):
            current, target = getattr(unit, f"{name}_id"), value.pk if value else None
        else:
            current, target = getattr(unit, name), value
        if current != target:
            changes[name] = value
    return changes


def _load_units(levels: dict, report: UnitLoadReport) -> dict[str, Unit]:
    units = Unit.objects.in_bulk([spec.code for spec in UNITS], field_name="code")
    for spec in UNITS:
        wanted = {
            "name": spec.name, "short_name": spec.short_name, "kind": spec.kind,
            "level": levels[spec.level], "parent": units[spec.parent] if spec.parent else None,
            "valid_from": spec.valid_from, "valid_to": spec.valid_to, "address": spec.address,
            "is_sample": True,
        }
        unit = units.get(spec.code)
        if unit is None:
            units[spec.code] = unit_create(code=spec.code, **wanted)
            report.units.add("created")
        elif changes := _unit_changes(unit, wanted):
            unit_update(unit=unit, **changes)
            report.units.add("updated")
        else:
            report.units.add("unchanged")
    return units


def _link_successors(units: dict[str, Unit]) -> None:
    through = Unit.successors.through
    existing = set(through.objects.filter(from_unit__in=units.values()).values_list(
        "from_unit_id", "to_unit_id"))
    # Deepest first: a unit is retired only after its children (see `unit_retire`).
    for spec in sorted(UNITS, key=lambda s: -units[s.code].depth):
        if not spec.successors:
            continue
        unit, successors = units[spec.code], [units[code] for code in spec.successors]
        if all((unit.pk, s.pk) in existing for s in successors):
            continue
        unit_retire(unit=unit, last_day=spec.valid_to, successors=successors)


def _load_departments(units: dict[str, Unit], report: UnitLoadReport) -> None:
    existing = {(d.unit_id, d.code): d
                for d in Department.objects.filter(unit__in=units.values())}
    for spec in UNITS:
        unit = units[spec.code]
        for code, name, kind in spec.departments:
            department = existing.get((unit.pk, code))
            if department is None:
                department_create(unit=unit, code=code, name=name, kind=kind)
                report.departments.add("created")
            elif (department.name, department.kind) != (name, kind):
                department_update(department=department, name=name, kind=kind)
                report.departments.add("updated")
            else:
                report.departments.add("unchanged")


@transaction.atomic
def demo_units_load() -> UnitLoadReport:
    """Create or update the sample units, their departments and successor links."""
    report = UnitLoadReport()
    levels = {level.code: level for level in level_ensure_standard()}
    units = _load_units(levels, report)
    _link_successors(units)
    _load_departments(units, report)
    return report
