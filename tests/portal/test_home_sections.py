"""home_sections(): the portal's only contact with the catalog, tolerant of its absence only."""

import sys
import types

import pytest

from motcua.portal.home import POPULAR_LIMIT, HomeSections, Link, home_sections


@pytest.fixture
def fake_selectors(monkeypatch):
    module = types.ModuleType("motcua.catalog.selectors")
    monkeypatch.setitem(sys.modules, "motcua.catalog.selectors", module)
    return module


class _Procedure:
    def __init__(self, code, name):
        self.code, self.name = code, name

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"/thu-tuc/{self.code}/"


def test_no_catalog_selectors_means_empty_sections(monkeypatch):
    # A None entry in sys.modules makes the import raise ImportError, as a missing module does.
    monkeypatch.setitem(sys.modules, "motcua.catalog.selectors", None)

    assert home_sections() == HomeSections(fields=(), popular=())


def test_selectors_without_the_expected_functions_count_as_absent(fake_selectors):
    assert home_sections() == HomeSections()


def test_fields_link_to_the_filtered_catalog_and_procedures_to_their_page(fake_selectors):
    asked = {}
    fake_selectors.field_list = lambda: [types.SimpleNamespace(code="ho tich", name="Hộ tịch")]

    def procedure_list_popular(*, limit):
        asked["limit"] = limit
        return [_Procedure("1.001193", "Đăng ký khai sinh")]

    fake_selectors.procedure_list_popular = procedure_list_popular

    sections = home_sections()

    assert sections.fields == (Link("Hộ tịch", "/thu-tuc/?field=ho+tich"),)
    assert sections.popular == (Link("Đăng ký khai sinh", "/thu-tuc/1.001193/"),)
    assert asked == {"limit": POPULAR_LIMIT}


def test_a_failing_catalog_is_not_hidden(fake_selectors):
    def broken():
        raise RuntimeError("database is down")

    fake_selectors.field_list = broken
    fake_selectors.procedure_list_popular = lambda *, limit: []

    with pytest.raises(RuntimeError):
        home_sections()
