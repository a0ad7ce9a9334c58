"""Mẫu 06 (Sổ theo dõi hồ sơ): register_pdf prints one line per row, landscape, with dates
dd/mm/yyyy; rows may be dicts or objects."""

from datetime import date
from types import SimpleNamespace

import pytest

from motcua.documents.register import RegisterRow, register_pdf, register_row
from tests.documents.conftest import pdf_pages, pdf_text
from tests.factories.dossiers import vn

pytestmark = pytest.mark.django_db


def test_register_prints_every_row(world, frozen_now):
    rows = [
        {"code": "000.00.01.H99-261120-0001", "procedure_name": "Đăng ký khai sinh",
         "applicant_name": "Nguyễn Thị Hoa", "received_at": vn(2026, 11, 20, 8, 15),
         "appointment_at": vn(2026, 11, 20, 16), "applicant_address": "Ấp 1",
         "applicant_phone": "0912345678", "competent_unit": "UBND xã Vĩnh Bình",
         "returned_at": vn(2026, 11, 20, 16, 30), "signed_by": "Nguyễn Thị Hoa"},
        SimpleNamespace(code="000.00.01.H99-261123-0002", procedure_name="Chứng thực bản sao",
                        applicant_name="Trần Văn Bình", received_at=vn(2026, 11, 23, 9),
                        appointment_at=vn(2026, 11, 30, 9), note="Quá hạn", extra="ignored"),
    ]
    content = register_pdf(unit=world.unit, rows=rows, date_from=date(2026, 11, 1),
                           date_to=date(2026, 11, 30))
    text = pdf_text(content)
    assert "SỔ THEO DÕI HỒ SƠ" in text
    assert "Từ ngày 01/11/2026 đến ngày 30/11/2026" in text
    for code in ("000.00.01.H99-261120-0001", "000.00.01.H99-261123-0002"):
        assert code in "".join(text.split())
    assert "Nguyễn Thị Hoa" in text and "Trần Văn Bình" in text
    assert "20/11/2026" in text and "30/11/2026" in text and "Quá hạn" in text
    page = pdf_pages(content)[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape


def test_empty_register_says_so(world):
    content = register_pdf(unit=world.unit, rows=[], date_from=date(2026, 11, 1),
                           date_to=date(2026, 11, 30))
    assert "Không có hồ sơ nào" in pdf_text(content)


def test_many_rows_flow_onto_more_pages(world):
    rows = [{"code": f"000.00.01.H99-261120-{n:04d}", "procedure_name": "Đăng ký khai sinh",
             "applicant_name": f"Người {n}", "received_at": vn(2026, 11, 20, 8)}
            for n in range(1, 61)]
    content = register_pdf(unit=world.unit, rows=rows, date_from=date(2026, 11, 1),
                           date_to=date(2026, 11, 30))
    assert len(pdf_pages(content)) > 1
    assert "Người 60" in pdf_text(content)


def test_register_row_needs_the_required_fields():
    with pytest.raises(TypeError):
        register_row({"code": "X"})
    row = register_row({"code": "X", "procedure_name": "P", "applicant_name": "A",
                        "received_at": None})
    assert row == RegisterRow(code="X", procedure_name="P", applicant_name="A", received_at=None)
