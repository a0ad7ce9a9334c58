"""Fixtures of the printed-form tests: a commune inside a province (the letterhead prints the
parent's name), its people, and dossiers whose histories give each form."""

import io
from datetime import timedelta

import pytest
from pypdf import PdfReader

from motcua.core.clock import now
from motcua.dossiers.services import processing
from tests.factories.agencies import UnitFactory
from tests.factories.dossiers import dossier_in, vn, world_create


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MOTCUA_PUBLIC_BASE_URL = "https://dichvucong.example.gov.vn"


@pytest.fixture
def world(db):
    province = UnitFactory(province=True, name="UBND tỉnh Thử Nghiệm")
    commune = UnitFactory(with_desk=True, parent=province, name="UBND xã Vĩnh Bình",
                          short_name="Vĩnh Bình", phone="0290 3888 999")
    return world_create(unit=commune)


def pdf_text(content: bytes) -> str:
    """The PDF's text, whitespace collapsed (line breaks fall anywhere in a table cell)."""
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def pdf_pages(content: bytes) -> list:
    return list(PdfReader(io.BytesIO(content)).pages)


def rescheduled(world, *, reason="Chờ kết quả xác minh của Công an xã"):
    """A dossier in processing whose leader apologised and set a new appointment (Mẫu 04)."""
    dossier = dossier_in("processing", world=world)
    new = dossier.appointment_at + timedelta(days=3)
    return processing.dossier_reschedule(dossier=dossier, actor=world.leader, reason=reason,
                                         new_appointment_at=new)


def settled_late(world, traveller):
    """Received at the counter, forwarded, assigned, proposed ten days later (late), approved
    and returned: every hand-over of Mẫu 05, one of them late."""
    dossier = dossier_in("processing", world=world)
    traveller.shift(timedelta(days=10))
    dossier = processing.dossier_propose_result(dossier=dossier, actor=world.specialist)
    traveller.shift(timedelta(hours=1))
    from motcua.dossiers.inputs import ResultData
    dossier = processing.dossier_approve(
        dossier=dossier, actor=world.leader,
        results=[ResultData(name="Giấy xác nhận", number="12/GXN", signer=str(world.leader))])
    traveller.shift(timedelta(hours=2))
    return processing.dossier_return_result(dossier=dossier, actor=world.desk_officer,
                                            collected_by=dossier.applicant_name)


__all__ = ["now", "pdf_pages", "pdf_text", "rescheduled", "settled_late", "vn"]
