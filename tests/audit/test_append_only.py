"""The access log is append-only: the admin offers no add, change or delete, and on PostgreSQL
the database itself refuses UPDATE and DELETE (Decree 13/2023/NĐ-CP Art. 38 §2: the log is
evidence)."""

import pytest
from django.contrib import admin
from django.db import DatabaseError, transaction
from django.test import Client, RequestFactory

from motcua.audit.models import Kind, PersonalDataRead
from motcua.dossiers.statuses import Channel, Status
from tests.audit.conftest import client_for
from tests.factories.accounts import UserFactory
from tests.factories.dossiers import dossier_in


@pytest.fixture
def read(world):
    dossier = dossier_in(Status.RECEIVED, world=world, channel=Channel.ONLINE)
    client_for(world.desk_officer).get(f"/mot-cua/ho-so/{dossier.code}/")
    return PersonalDataRead.objects.get()


@pytest.fixture
def superuser_client(db) -> Client:
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_the_admin_offers_no_add_change_or_delete(read, superuser_client):
    model_admin = admin.site._registry[PersonalDataRead]
    request = RequestFactory().get("/")
    request.user = UserFactory(is_staff=True, is_superuser=True)

    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, read)
    assert not model_admin.has_delete_permission(request, read)
    page = superuser_client.get(f"/admin/audit/personaldataread/{read.pk}/change/")
    assert page.status_code == 200
    assert b'name="_save"' not in page.content


def test_the_admin_list_searches_by_dossier_code_and_filters_by_kind(read, superuser_client):
    url = "/admin/audit/personaldataread/"
    found = superuser_client.get(url, {"q": read.dossier.code}).content.decode()
    missing = superuser_client.get(url, {"q": "KHONG-CO-0000"}).content.decode()
    other_kind = superuser_client.get(url, {"kind__exact": Kind.REGISTER_EXPORT})

    assert read.reader_username in found
    assert read.reader_username not in missing
    assert read.reader_username not in other_kind.content.decode()


@pytest.mark.postgres
def test_the_database_refuses_to_change_a_row(read):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        PersonalDataRead.objects.filter(pk=read.pk).update(reader_username="someone-else")
    assert PersonalDataRead.objects.get().reader_username == read.reader_username


@pytest.mark.postgres
def test_the_database_refuses_to_delete_a_row(read):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        PersonalDataRead.objects.filter(pk=read.pk).delete()
    assert PersonalDataRead.objects.count() == 1


@pytest.mark.postgres
def test_the_database_lets_a_deleted_account_clear_its_key_only(read):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        PersonalDataRead.objects.filter(pk=read.pk).update(reader=None, kind=Kind.DOSSIER_FILE)

    PersonalDataRead.objects.filter(pk=read.pk).update(reader=None)

    assert PersonalDataRead.objects.get().reader is None
