"""Versions: a dossier's version never changes; new content makes a new version."""

from dataclasses import replace
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from motcua.catalog.content import TimeLimit
from motcua.catalog.models import Fee, ProcedureVersion
from motcua.catalog.selectors import procedure_get, version_content
from motcua.catalog.services import (
    NothingToPublish,
    VersionImmutable,
    procedure_version_publish,
    version_draft_create,
    version_draft_delete,
    version_draft_publish,
    version_draft_save,
)
from motcua.catalog.validation import CatalogInvalid
from tests.factories.catalog import ProcedureFactory, content_for

pytestmark = pytest.mark.django_db


def test_a_new_procedure_starts_at_version_1():
    procedure = ProcedureFactory(same_day=True)
    assert procedure.current_version.number == 1
    assert procedure.current_version.duration_spec() == "sameday"


def test_publishing_changed_content_creates_the_next_version_and_keeps_the_old():
    procedure = ProcedureFactory(code="HT-90", name="Đăng ký thử")
    first = procedure.current_version
    first_content = version_content(version=first)

    second, created = procedure_version_publish(
        procedure=procedure,
        content=content_for(name="Đăng ký thử", time_limit=TimeLimit("working_days", Decimal(3))),
    )

    assert created and second.number == 2
    assert procedure_get(code="HT-90").current_version == second
    assert version_content(version=ProcedureVersion.objects.get(pk=first.pk)) == first_content
    assert ProcedureVersion.objects.get(pk=first.pk).duration_spec() == "5d"


def test_publishing_the_same_content_again_creates_nothing():
    procedure = ProcedureFactory(name="Thủ tục thử nghiệm")
    version, created = procedure_version_publish(procedure=procedure, content=content_for())
    assert not created and version.number == 1
    assert procedure.versions.count() == 1


def test_a_published_version_cannot_be_saved_or_deleted_through_services():
    version = ProcedureFactory().current_version
    version.name = "Sửa trộm"
    with pytest.raises(VersionImmutable, match="đã công bố"):
        version_draft_save(version=version)
    with pytest.raises(VersionImmutable):
        version_draft_delete(version=version)
    version.refresh_from_db()
    assert version.name != "Sửa trộm"


def test_a_stale_instance_of_a_since_published_draft_is_refused():
    procedure = ProcedureFactory()
    draft = version_draft_create(version=procedure.current_version)
    stale = ProcedureVersion.objects.get(pk=draft.pk)
    draft.name = "Tên mới"
    version_draft_save(version=draft)
    version_draft_publish(version=draft)
    with pytest.raises(VersionImmutable):
        version_draft_save(version=stale)


def test_edit_through_a_draft_then_publish():
    procedure = ProcedureFactory(code="CT-90", with_fee=True)
    draft = version_draft_create(version=procedure.current_version)
    assert draft.number is None and draft.fees.count() == 1
    assert version_draft_create(version=procedure.current_version) == draft  # one draft at most

    Fee.objects.filter(version=draft).update(amount=12_000)
    published = version_draft_publish(version=draft)

    assert published.number == 2
    assert procedure_get(code="CT-90").current_version.fees.get().amount == 12_000
    assert ProcedureVersion.objects.get(procedure=procedure, number=1).fees.get().amount == 10_000


def test_a_draft_equal_to_the_current_version_is_not_published():
    draft = version_draft_create(version=ProcedureFactory().current_version)
    with pytest.raises(NothingToPublish):
        version_draft_publish(version=draft)
    draft.refresh_from_db()
    assert draft.number is None


def test_a_draft_is_checked_with_the_catalog_file_rules():
    procedure = ProcedureFactory(code="HT-91")
    draft = version_draft_create(version=procedure.current_version)
    draft.steps.filter(position=0).update(share=50)
    with pytest.raises(CatalogInvalid) as refused:
        version_draft_publish(version=draft)
    assert refused.value.problems == [
        "HT-91: process: tổng tỷ lệ thời gian các bước phải bằng 100 (hiện là 140)"]


def test_the_database_allows_one_draft_per_procedure():
    procedure = ProcedureFactory()
    draft = version_draft_create(version=procedure.current_version)
    draft.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        draft.save()


def test_factory_traits():
    assert ProcedureFactory(online_full=True).current_version.channels == [2]
    assert ProcedureFactory(calendar_days=True).current_version.duration_spec() == "30cd"
    assert ProcedureFactory(staged=True).current_version.duration_spec() == "10d"
    assert ProcedureFactory(not_fixed=True).current_version.duration_spec() is None
    content = version_content(version=ProcedureFactory(with_fee=True).current_version)
    assert content.fees[0].amount == 10_000
    assert replace(content, fees=()) != content
