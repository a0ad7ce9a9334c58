"""Fixtures and helpers of the "My dossiers" tests (the commune, its people and the travel
clock come from tests/dossier_world.py): a citizen logged in, dossiers owned by that citizen in
named states, small PDF/PNG uploads."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.dossiers.files import dossier_file_attach
from motcua.dossiers.inputs import ResultData
from motcua.dossiers.models import Dossier
from motcua.dossiers.services import processing
from motcua.dossiers.statuses import Channel, Status
from tests.factories.dossiers import DossierWorld, dossier_in, procedure_create

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def pdf(name: str = "giay-to.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def procedure(db):
    return procedure_create("five_day")


@pytest.fixture
def citizen_client(client, world):
    client.force_login(world.citizen)
    return client


def mine(status, world, procedure, **kwargs) -> Dossier:
    """An online dossier of the world's citizen in `status`."""
    return dossier_in(status, channel=Channel.ONLINE, world=world, procedure=procedure, **kwargs)


def with_result_file(world: DossierWorld, procedure) -> Dossier:
    """An online dossier approved with a result document that has an electronic file."""
    dossier = mine(Status.AWAITING_APPROVAL, world, procedure)
    row = dossier_file_attach(dossier=dossier, actor=world.leader, upload=pdf("ket-qua.pdf"),
                              purpose="result")
    processing.dossier_approve(dossier=dossier, actor=world.leader, results=[ResultData(
        name="Giấy chứng nhận", number="12/GCN", signer=str(world.leader), file_id=row.pk)])
    return Dossier.objects.get(pk=dossier.pk)
