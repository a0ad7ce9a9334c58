"""The public catalog pages /thu-tuc/ and /thu-tuc/<code>/."""

import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from motcua.catalog.models import Component
from motcua.catalog.services import version_draft_create, version_draft_publish
from tests.factories.catalog import ProcedureFactory


def text_of(response) -> str:
    """The page as a reader sees it: tags dropped, spaces collapsed."""
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_catalog_lists_procedures_with_the_count(catalog, client):
    response = client.get("/thu-tuc/")
    assert response.status_code == 200
    page = text_of(response)
    assert "Thủ tục hành chính" in page and "Có 55 thủ tục phù hợp." in page
    assert "Đăng ký khai sinh" in page and "Trang 1/3" in page
    assert 'href="?page=2"' in response.content.decode()


def test_search_without_accents_finds_the_procedure(catalog, client):
    page = text_of(client.get("/thu-tuc/", {"q": "dang ky ket hon"}))
    assert "Có 4 thủ tục phù hợp." in page
    assert "Đăng ký kết hôn" in page and "Đăng ký khai sinh" not in page


def test_filters_and_pagination_links_keep_the_search(catalog, client):
    response = client.get("/thu-tuc/", {"field": "ho-tich", "q": "dang ky"})
    assert "Có 15 thủ tục phù hợp." in text_of(response)
    response = client.get("/thu-tuc/", {"level": "xa", "page": 2})
    html = response.content.decode()
    assert "Trang 2/3" in text_of(response)
    assert 'href="?level=xa&amp;page=1"' in html and 'href="?level=xa&amp;page=3"' in html
    assert "Có 2 thủ tục phù hợp." in text_of(client.get("/thu-tuc/", {"online_level": "full"}))
    assert "Có 15 thủ tục phù hợp." in text_of(client.get("/thu-tuc/", {"channel": "2",
                                                                        "field": "ho-tich"}))


def test_unknown_filter_values_are_ignored(catalog, client):
    response = client.get("/thu-tuc/", {"field": "khong-co", "page": "x"})
    assert response.status_code == 200 and "Có 55 thủ tục phù hợp." in text_of(response)


def test_no_results_says_so(catalog, client):
    page = text_of(client.get("/thu-tuc/", {"q": "zzz"}))
    assert "Có 0 thủ tục phù hợp." in page and "Không tìm thấy thủ tục nào" in page


def test_the_form_is_labelled(catalog, client):
    html = client.get("/thu-tuc/").content.decode()
    for name in ("q", "field", "level", "channel", "online_level"):
        assert f'<label for="id_{name}">' in html, name
    assert 'role="search"' in html


def test_a_page_number_past_any_catalog_is_an_empty_page_not_an_error(catalog, client):
    response = client.get("/thu-tuc/", {"page": 10**24})

    assert response.status_code == 200


def test_the_procedure_page_has_everything_a_citizen_needs(catalog, client):
    response = client.get("/thu-tuc/CT-03/")
    assert response.status_code == 200
    page = text_of(response)
    for expected in [
        "Chứng thực chữ ký trong các giấy tờ, văn bản", "Chứng thực", "Cấp xã",
        "Trong ngày; nhận sau 15 giờ trả trong ngày làm việc tiếp theo",
        "Phí chứng thực chữ ký", "10.000 đ / mỗi trường hợp",
        "Giấy tờ tùy thân còn giá trị của người yêu cầu", "Giấy tờ, văn bản đã chứng thực chữ ký",
        "Trực tiếp", "Cung cấp thông tin trực tuyến", "NĐ 23/2015/NĐ-CP",
        "Tiếp nhận, kiểm tra hồ sơ", "Phiên bản 1 của danh mục",
    ]:
        assert expected in page, expected
    html = response.content.decode()
    assert '<th scope="col">Bản chính</th>' in html and "<h2" in html


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("CT-01", "2.000 đ/trang; từ trang thứ ba 1.000 đ/trang; tối đa 200.000 đ/bản"),
        ("HT-01", "Giảm 30% khi nộp trực tuyến đến 31/12/2023"),
        ("HT-01", "Mức ví dụ của một tỉnh"),
        ("HT-03", "Không thu phí, lệ phí."),
        ("HT-09", "Thay đổi, cải chính, xác định lại dân tộc: 3 ngày làm việc"),
        ("DD-07", "30 ngày (theo lịch)"),
        ("LT-01", "Cơ quan phối hợp (liên thông): Công an cấp xã"),
        ("HKD-01", "Cấp thực hiện trước 01/7/2025 Cấp huyện"),
        ("BTXH-04", "Chưa xác định thời hạn"),
    ],
)
def test_procedure_pages_show_each_kind_of_fact(catalog, client, code, expected):
    assert expected in text_of(client.get(f"/thu-tuc/{code}/"))


def test_an_unknown_procedure_is_a_404(catalog, client):
    assert client.get("/thu-tuc/XX-99/").status_code == 404


def test_the_page_is_translated_to_english(catalog, client):
    client.cookies["django_language"] = "en"
    page = text_of(client.get("/thu-tuc/CT-03/"))
    assert "Time limit" in page and "Dossier components" in page
    assert "Same day; received after 15:00, returned on the next working day" in page


def test_a_form_template_is_downloaded_through_the_app(db, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    procedure = ProcedureFactory(code="HT-95")
    draft = version_draft_create(version=procedure.current_version)
    name = default_storage.save("catalog/forms/to-khai.docx", ContentFile(b"mau to khai"))
    Component.objects.filter(version=draft).update(template=name)
    version_draft_publish(version=draft)
    component = Component.objects.get(version__number=2, version__procedure=procedure)

    page = client.get("/thu-tuc/HT-95/").content.decode()
    url = f"/thu-tuc/HT-95/mau/{component.pk}/"
    assert f'href="{url}"' in page
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"mau to khai"
    assert "attachment" in response["Content-Disposition"]
    assert client.get(f"/thu-tuc/HT-01/mau/{component.pk}/").status_code == 404


def test_pages_use_a_fixed_number_of_queries(catalog, client, django_assert_num_queries):
    with django_assert_num_queries(5):  # field and level choices, count, page, stages
        client.get("/thu-tuc/", {"q": "dang ky"})
    with django_assert_num_queries(6):  # the procedure and five kinds of child rows
        client.get("/thu-tuc/LT-01/")


@pytest.mark.parametrize("url", ["/thu-tuc/", "/thu-tuc/HT-01/"])
def test_pages_sit_in_the_shells_one_container(catalog, client, url):
    # base.html provides the container; a page's own would indent and narrow it twice.
    html = client.get(url).content.decode()
    main = html[html.index("<main"):html.index("</main>")]
    assert main.count('class="container') == 1


def test_an_online_discount_whose_period_is_over_is_marked_as_such(catalog, client, frozen_now):
    # HT-01's data keeps the historical "−30 % online until 31/12/2023"; on 26/11/2026 a
    # citizen must not read it as a reduction still on offer.
    page = text_of(client.get("/thu-tuc/HT-01/"))
    assert "Giảm 30% khi nộp trực tuyến" in page
    assert "đến 31/12/2023 (đã hết thời hạn áp dụng)" in page
