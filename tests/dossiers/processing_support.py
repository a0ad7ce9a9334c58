"""Helpers of the processing tests: procedures with particular internal processes, a
cooperating agency, and a snapshot of everything a dossier owns (to prove "nothing written")."""

from dataclasses import dataclass

from motcua.accounts.models import User
from motcua.agencies.models import Unit
from motcua.catalog.content import Step
from motcua.catalog.models import Procedure
from motcua.dossiers.models import (
    DailySequence,
    Dossier,
    DossierEvent,
    DossierPause,
    DossierResult,
    DossierStep,
)
from tests.factories.accounts import StaffFactory
from tests.factories.agencies import UnitFactory
from tests.factories.catalog import ProcedureFactory, content_for
from tests.factories.dossiers import LIEN_THONG_PROCESS

# Two specialist steps in a row (appraisal by one department, then another): hand-over.
TWO_SPECIALISTS = (
    Step("Tiếp nhận hồ sơ", "desk_officer", "desk", 10),
    Step("Thẩm định hồ sơ", "specialist", "specialist", 30),
    Step("Kiểm tra, hoàn thiện dự thảo", "specialist", "specialist", 30),
    Step("Phê duyệt kết quả", "leader", "leader", 20),
    Step("Trả kết quả", "desk_officer", "desk", 10),
)
# The commune leader signs a proposal, then a department decides (NCC-*, LT-02 in the catalog).
LEADER_THEN_AGENCY = (
    Step("Tiếp nhận hồ sơ", "desk_officer", "desk", 10),
    Step("Xem xét, tổng hợp hồ sơ", "specialist", "specialist", 30),
    Step("Lãnh đạo UBND xã ký văn bản đề nghị", "leader", "leader", 10),
    Step("Thẩm định, quyết định", "specialist", "other_agency", 40, agency="Sở Nội vụ"),
    Step("Trả kết quả", "desk_officer", "desk", 10),
)
# Two cooperating agencies one after the other (LT-01: police, then social insurance).
TWO_AGENCIES = (
    Step("Tiếp nhận hồ sơ", "desk_officer", "desk", 10),
    Step("Đăng ký khai sinh", "specialist", "specialist", 20),
    Step("Đăng ký thường trú", "specialist", "other_agency", 25, agency="Công an cấp xã"),
    Step("Cấp thẻ bảo hiểm y tế", "specialist", "other_agency", 25, agency="Bảo hiểm xã hội"),
    Step("Phê duyệt kết quả", "leader", "leader", 10),
    Step("Trả kết quả", "desk_officer", "desk", 10),
)
PROCESSES = {
    "two_specialists": TWO_SPECIALISTS,
    "lien_thong": LIEN_THONG_PROCESS,
    "leader_then_agency": LEADER_THEN_AGENCY,
    "two_agencies": TWO_AGENCIES,
}


def procedure_with(kind: str) -> Procedure:
    """A 5-working-day procedure (every channel) with one of the processes above."""
    return ProcedureFactory(content=content_for(
        name=f"Thủ tục thử nghiệm ({kind})", channels=(1, 2, 3), online_level="partial",
        process=PROCESSES[kind],
    ))


@dataclass
class Agency:
    unit: Unit
    officer: User  # a specialist there: DOSSIER_PROCESS in the agency
    leader: User


def agency_create(name: str = "Công an xã Thử Nghiệm") -> Agency:
    unit = UnitFactory(name=name)
    return Agency(unit=unit, officer=StaffFactory(specialist=True, unit=unit),
                  leader=StaffFactory(leader=True, unit=unit))


def everything(dossier: Dossier) -> dict:
    """Every row the dossier owns, and the code counters: equal before and after a refused
    action proves it wrote nothing."""
    pk = dossier.pk
    return {
        "dossier": Dossier.objects.filter(pk=pk).values().get(),
        "events": list(DossierEvent.objects.filter(dossier_id=pk).values()),
        "steps": list(DossierStep.objects.filter(dossier_id=pk).values()),
        "pauses": list(DossierPause.objects.filter(dossier_id=pk).values()),
        "results": list(DossierResult.objects.filter(dossier_id=pk).values()),
        "sequences": list(DailySequence.objects.values()),
    }


def fresh(dossier: Dossier) -> Dossier:
    return Dossier.objects.get(pk=dossier.pk)


def hours(us: int | None) -> float | None:
    return None if us is None else us / 3_600_000_000
