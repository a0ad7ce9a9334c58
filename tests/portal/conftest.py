import pytest

from motcua.portal.home import HomeSections, Link


@pytest.fixture
def catalog_sections(monkeypatch):
    """The home page as it looks once the catalog has fields and popular procedures."""
    sections = HomeSections(
        fields=(
            Link("Hộ tịch", "/thu-tuc/?field=ho-tich"),
            Link("Chứng thực", "/thu-tuc/?field=chung-thuc"),
        ),
        popular=(Link("Đăng ký khai sinh", "/thu-tuc/1.001193/"),),
    )
    monkeypatch.setattr("motcua.portal.views.home_sections", lambda: sections)
    return sections


@pytest.fixture
def in_english(client):
    """The visitor chose English with the language switcher."""
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client
