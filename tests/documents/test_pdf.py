"""The renderer works offline: it serves the app's own stylesheet and data: URIs and refuses
every other address; what an applicant typed is printed as text, never as markup."""

import pytest
from django.utils import translation

from motcua.documents.forms import FORMS
from motcua.documents.header import date_line, place_of
from motcua.documents.pdf import PRINT_CSS, LocalOnlyFetcher, RefusedURL, qr_data_uri
from tests.documents.conftest import pdf_text
from tests.documents.test_forms import render
from tests.factories.agencies import UnitFactory
from tests.factories.dossiers import dossier_in


@pytest.mark.parametrize("url", [
    "http://example.com/logo.png",
    "https://127.0.0.1/static/motcua/site.css",
    "file:///etc/passwd",
    "file:///" + str(PRINT_CSS.parent.parent.parent / "pdf.py").lstrip("/"),
    PRINT_CSS.parent.as_uri() + "/../../../pdf.py",
    "ftp://example.com/x",
])
def test_the_fetcher_refuses_everything_but_own_static_files(url):
    with pytest.raises(RefusedURL):
        LocalOnlyFetcher().fetch(url)


def test_the_fetcher_serves_the_print_stylesheet_and_data_uris():
    response = LocalOnlyFetcher().fetch(PRINT_CSS.as_uri())
    assert b"@page" in response.read()
    response.close()
    qr = LocalOnlyFetcher().fetch(qr_data_uri("https://dichvucong.example.gov.vn/tra-cuu/"))
    assert b"<svg" in qr.read()


@pytest.mark.django_db
def test_markup_typed_by_an_applicant_prints_as_text(world, frozen_now):
    dossier = dossier_in("received", world=world)
    dossier.applicant_address = '<img src="http://example.com/x.png"> Ấp 1'
    text = pdf_text(render(dossier, "mau-01"))
    assert '<img src="http://example.com/x.png"> Ấp 1' in text


def test_date_line_pads_days_and_the_first_two_months():
    from datetime import date

    assert date_line("Vĩnh Bình", date(2026, 11, 26)) == "Vĩnh Bình, ngày 26 tháng 11 năm 2026"
    assert date_line("Vĩnh Bình", date(2026, 2, 5)) == "Vĩnh Bình, ngày 05 tháng 02 năm 2026"
    assert date_line("Vĩnh Bình", date(2026, 3, 9)) == "Vĩnh Bình, ngày 09 tháng 3 năm 2026"


@pytest.mark.django_db
def test_place_comes_from_the_short_name_or_the_name():
    assert place_of(UnitFactory(name="UBND xã Đồng Sơn (mẫu)")) == "Đồng Sơn"
    assert place_of(UnitFactory(name="UBND xã Mới", short_name="Mới Lạ")) == "Mới Lạ"
    commune = UnitFactory(name="Ủy ban nhân dân phường Mỹ Tho")
    assert place_of(commune) == "Mỹ Tho"
    police = UnitFactory(name="Công an phường Mỹ Tho", parent=commune, kind="agency")
    assert place_of(police) == "Mỹ Tho"


def test_form_titles_read_in_english():
    with translation.override("en"):
        assert str(FORMS["mau-01"].title) == "Receipt and appointment slip (Form 01)"
        assert str(FORMS["thong-bao-dung"].title) == "Notice of stopping the dossier"
