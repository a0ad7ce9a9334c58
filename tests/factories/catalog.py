"""Factories for the catalog. Procedures are published through the service, like real ones.

    ProcedureFactory()                       # 5 working days, in person, version 1
    ProcedureFactory(same_day=True)          # the 15:00 cut-off rule
    ProcedureFactory(online_full=True)       # toàn trình: online channel only
    ProcedureFactory(staged=True, with_fee=True, field_code="chung-thuc")
"""

from dataclasses import replace
from decimal import Decimal

import factory

from motcua.catalog.content import (
    ComponentItem,
    FeeRule,
    ProcedureContent,
    Stage,
    Step,
    TimeLimit,
)
from motcua.catalog.models import Field, Procedure
from motcua.catalog.services import levels_ensure, procedure_version_publish

STANDARD_PROCESS = (
    Step("Tiếp nhận hồ sơ", "desk_officer", "desk", 10),
    Step("Thẩm định hồ sơ", "specialist", "specialist", 60),
    Step("Phê duyệt kết quả", "leader", "leader", 20),
    Step("Trả kết quả", "desk_officer", "desk", 10),
)
FIELD_NAMES = {"ho-tich": "Hộ tịch", "chung-thuc": "Chứng thực", "dat-dai": "Đất đai"}


class FieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Field
        django_get_or_create = ("code",)

    code = "ho-tich"
    name = factory.LazyAttribute(lambda o: FIELD_NAMES.get(o.code, o.code.title()))


def content_for(**overrides) -> ProcedureContent:
    """Valid content for a procedure, with `overrides` (for versioning tests)."""
    base = ProcedureContent(
        name="Thủ tục thử nghiệm", field="ho-tich", level="xa",
        time_limit=TimeLimit("working_days", Decimal(5)), verification="seen",
        online_level="info", channels=(1,),
        components=(ComponentItem("Tờ khai (theo mẫu)"),), results=("Giấy chứng nhận",),
        process=STANDARD_PROCESS,
    )
    return replace(base, **overrides)


class ProcedureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Procedure

    class Params:
        name = factory.Sequence(lambda n: f"Thủ tục thử nghiệm số {n}")
        field_code = "ho-tich"
        level = "xa"
        competent_unit = ""  # an agencies.Unit code
        time_limit = TimeLimit("working_days", Decimal(5))
        channels = (1,)
        online_level = "info"
        fees = ()
        verification = "seen"
        same_day = factory.Trait(time_limit=TimeLimit("same_day"))
        calendar_days = factory.Trait(time_limit=TimeLimit("calendar_days", Decimal(30)))
        staged = factory.Trait(time_limit=TimeLimit(
            "staged", stage_mode="sequence",
            stages=(Stage("UBND xã", "working_days", Decimal(7)),
                    Stage("Chủ tịch UBND", "working_days", Decimal(3))),
        ))
        not_fixed = factory.Trait(time_limit=TimeLimit("working_days"))
        online_partial = factory.Trait(channels=(1, 2, 3), online_level="partial")
        online_full = factory.Trait(channels=(2,), online_level="full")
        with_fee = factory.Trait(fees=(FeeRule("Lệ phí thử nghiệm", "le_phi", 10_000),))
        unverified = factory.Trait(verification="unverified")

    code = factory.Sequence(lambda n: f"TN-{n:03d}")
    national_code = ""
    content = factory.LazyAttribute(lambda o: content_for(
        name=o.name, field=o.field_code, level=o.level, competent_unit=o.competent_unit,
        time_limit=o.time_limit,
        channels=o.channels, online_level=o.online_level, fees=o.fees,
        verification=o.verification,
    ))

    @classmethod
    def _create(cls, model_class, *args, content: ProcedureContent, **kwargs):
        FieldFactory(code=content.field)
        levels_ensure(codes={content.level})
        procedure, _ = model_class.objects.get_or_create(**kwargs)
        procedure_version_publish(procedure=procedure, content=content)
        return procedure
