"""The home page: Vietnamese first, the search box, and the sections fed by the catalog."""

from tests.portal.markup import find_all, parse, text_of


def test_home_renders_in_vietnamese(client):
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "<title>Trang chủ – Motcua</title>" in html
    assert "Cổng dịch vụ công" in html
    assert "Cách nộp hồ sơ" in html
    assert response.headers["Content-Language"] == "vi"


def test_home_stays_vietnamese_when_the_browser_prefers_english(client):
    # Vietnamese first: only the visitor's explicit choice switches the interface.
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert '<html lang="vi">' in response.content.decode()
    assert "Cookie" in response.headers["Vary"]


def test_search_box_sends_q_to_the_catalog(client):
    elements = parse(client.get("/").content.decode())

    (form,) = find_all(elements, "form", role="search")
    assert form.attrs["action"] == "/thu-tuc/"
    assert form.attrs["method"] == "get"
    (field,) = find_all(elements, "input", name="q")
    assert field.attrs["type"] == "search"
    (label,) = find_all(elements, "label", **{"for": field.attrs["id"]})
    assert text_of(label) == "Tìm thủ tục hành chính"


def test_sections_fed_by_the_catalog_hide_when_it_has_nothing(client):
    html = client.get("/").content.decode()

    assert "Lĩnh vực" not in html
    assert "Thủ tục thường dùng" not in html
    assert "Cách nộp hồ sơ" in html  # the explainer does not depend on data


def test_fields_and_popular_procedures_are_listed_as_links(client, catalog_sections):
    elements = parse(client.get("/").content.decode())

    headings = [text_of(h) for h in find_all(elements, "h2")]
    assert headings[:2] == ["Lĩnh vực", "Thủ tục thường dùng"]
    links = {text_of(a): a.attrs["href"] for a in find_all(elements, "a")}
    assert links["Hộ tịch"] == "/thu-tuc/?field=ho-tich"
    assert links["Đăng ký khai sinh"] == "/thu-tuc/HT-01/"
    assert "Đăng ký kết hôn" not in links  # one procedure per field


def test_popular_procedures_lead_to_their_pages(client, catalog_sections):
    home = parse(client.get("/").content.decode())
    links = {text_of(a): a.attrs["href"] for a in find_all(home, "a")}

    for procedure in catalog_sections:
        page = parse(client.get(links[procedure.name]).content.decode())
        assert text_of(find_all(page, "h1")[0]) == procedure.name


def test_field_links_filter_the_catalog(client, catalog_sections):
    html = client.get("/thu-tuc/?field=ho-tich").content.decode()

    assert "Đăng ký khai sinh" in html
    assert "Đăng ký kết hôn" in html
    assert "Chứng thực bản sao" not in html


def test_catalog_data_keeps_lang_vi_in_the_english_interface(in_english, catalog_sections):
    elements = parse(in_english.get("/").content.decode())

    assert find_all(elements, "html")[0].attrs["lang"] == "en"
    assert len(find_all(elements, "ul", lang="vi")) == 2


def test_navigation_marks_the_current_page(client):
    elements = parse(client.get("/").content.decode())

    marked = [text_of(a) for a in find_all(elements, "a", aria_current="page")]
    assert marked == ["Trang chủ"]


def test_staff_see_the_administration_link_instead_of_log_in(client, django_user_model):
    staff = django_user_model.objects.create_user("canbo", password="x", is_staff=True)
    client.force_login(staff)

    links = {text_of(a) for a in find_all(parse(client.get("/").content.decode()), "a")}

    assert "Trang quản trị" in links
    assert "Đăng nhập" not in links


def test_footer_says_the_data_is_a_demonstration(client):
    elements = parse(client.get("/").content.decode())

    (footer,) = find_all(elements, "footer")
    assert "Dữ liệu trình diễn" in text_of(footer)


def test_the_favicon_is_found_where_browsers_look_for_it(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"] == "/static/motcua/favicon.svg"
    assert client.get(response["Location"]).status_code == 200
