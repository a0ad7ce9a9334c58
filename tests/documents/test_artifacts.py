"""Every form rendered once more for the eye: PDFs (and PNGs at 80 dpi when poppler's pdftoppm
is installed) under tests/artifacts/documents/, every page A4 portrait (the register
landscape), no page left blank."""

import shutil
import subprocess
from pathlib import Path

import pytest

from motcua.documents.forms import form_context
from motcua.documents.pdf import render_pdf
from tests.documents.conftest import pdf_pages, pdf_text, rescheduled, settled_late
from tests.factories.dossiers import dossier_in

pytestmark = pytest.mark.django_db

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "documents"


def save(name: str, content: bytes) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for stale in ARTIFACTS.glob(f"{name}-*.png"):
        stale.unlink()
    pdf = ARTIFACTS / f"{name}.pdf"
    pdf.write_bytes(content)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(ARTIFACTS / name)],
                       check=True, timeout=60)


def test_every_form_renders_on_a4_pages(world, frozen_now):
    dossiers = {
        "mau-01": dossier_in("received", world=world),
        "mau-02": dossier_in("completion_requested", world=world),
        "mau-03": dossier_in("refused", world=world),
        "mau-04": rescheduled(world),
        "thong-bao-dung": dossier_in("stopped", world=world),
    }
    dossiers["mau-05"] = settled_late(world, frozen_now)
    for slug, dossier in dossiers.items():
        spec, context = form_context(dossier, slug)
        content = render_pdf(template_name=spec.template, context=context)
        save(slug, content)
        for page in pdf_pages(content):
            assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) in {
                (595, 842), (595, 841), (596, 842)}, slug
            assert len((page.extract_text() or "").strip()) > 100, slug
        assert dossier.code in pdf_text(content)


def test_register_renders_landscape(world, frozen_now):
    from datetime import date

    from motcua.documents.register import register_pdf
    from tests.factories.dossiers import vn

    rows = [{"code": f"000.00.01.H99-2611{20 + n % 9:02d}-{n:04d}",
             "procedure_name": "Đăng ký khai sinh cho trẻ em sinh ra tại Việt Nam",
             "applicant_name": f"Nguyễn Thị Hoa {n}", "applicant_address": "Ấp Phú Hữu",
             "applicant_phone": "0912 345 678", "competent_unit": "UBND xã Vĩnh Bình",
             "received_at": vn(2026, 11, 20, 8), "appointment_at": vn(2026, 11, 25, 8),
             "forwarded_at": vn(2026, 11, 20, 9), "result_received_at": vn(2026, 11, 24, 15),
             "returned_at": vn(2026, 11, 25, 8), "signed_by": f"Nguyễn Thị Hoa {n}",
             "note": "Trước hạn"} for n in range(1, 13)]
    content = register_pdf(unit=world.unit, rows=rows, date_from=date(2026, 11, 1),
                           date_to=date(2026, 11, 30))
    save("mau-06", content)
    for page in pdf_pages(content):
        assert round(float(page.mediabox.width)) in (841, 842)
