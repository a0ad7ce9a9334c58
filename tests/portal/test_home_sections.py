"""home_sections(): what the home page takes from the catalog, in a fixed number of queries,
kept a minute in the shared cache."""

import pytest

from motcua.catalog.selectors import procedure_list_popular
from motcua.portal.home import (
    POPULAR_LIMIT,
    HomeSections,
    Link,
    home_sections,
)
from tests.factories.catalog import FieldFactory, ProcedureFactory


def test_an_empty_catalog_gives_empty_sections():
    assert home_sections() == HomeSections(fields=(), popular=())


def test_fields_link_to_the_filtered_catalog_and_procedures_to_their_page(catalog_sections):
    sections = home_sections()

    assert sections.fields == (
        Link("Hộ tịch", "/thu-tuc/?field=ho-tich"),
        Link("Chứng thực", "/thu-tuc/?field=chung-thuc"),
    )
    assert sections.popular == (
        Link("Đăng ký khai sinh", "/thu-tuc/HT-01/"),
        Link("Chứng thực bản sao từ bản chính", "/thu-tuc/CT-01/"),
    )


def test_popular_is_the_first_procedure_of_each_field_in_catalog_order():
    # Given fields out of alphabetical order and procedures created out of code order
    FieldFactory(code="dat-dai", position=1)
    FieldFactory(code="ho-tich", position=2)
    for code, field in [("HT-02", "ho-tich"), ("DD-03", "dat-dai"), ("HT-01", "ho-tich"),
                        ("DD-01", "dat-dai")]:
        ProcedureFactory(code=code, field_code=field)

    # Then each field contributes its lowest code, fields by position
    assert [p.code for p in procedure_list_popular(limit=10)] == ["DD-01", "HT-01"]
    assert [p.code for p in procedure_list_popular(limit=1)] == ["DD-01"]


def test_a_field_without_published_procedures_contributes_nothing():
    FieldFactory(code="cu-tru", position=0)
    ProcedureFactory(code="HT-01", field_code="ho-tich")

    assert [p.code for p in procedure_list_popular(limit=POPULAR_LIMIT)] == ["HT-01"]


def test_home_sections_take_two_queries_whatever_the_catalog_size(
    django_assert_num_queries, catalog_sections
):
    for n in range(10):
        ProcedureFactory(code=f"TN-{n:02d}", field_code=f"linh-vuc-{n}")

    with django_assert_num_queries(2):  # the fields, then the popular procedures with names
        sections = home_sections()

    assert len(sections.popular) == POPULAR_LIMIT


def test_a_failing_catalog_is_not_hidden(monkeypatch):
    def broken():
        raise RuntimeError("database is down")

    monkeypatch.setattr("motcua.portal.home.field_list", broken)

    with pytest.raises(RuntimeError):
        home_sections()


def test_the_home_page_keeps_its_data_a_minute_for_every_process(
    client, catalog_sections, frozen_now, django_assert_num_queries, settings
):
    """The most visited page reads the catalog and sums the year's rollups once a minute, not
    on every visit; a newly published procedure appears within that minute."""
    settings.MOTCUA_HOME_CACHE_SECONDS = 60
    assert "Đăng ký đất đai lần đầu" not in client.get("/").content.decode()
    FieldFactory(code="dat-dai", position=0)
    ProcedureFactory(code="DD-01", name="Đăng ký đất đai lần đầu", field_code="dat-dai")

    with django_assert_num_queries(1):  # the shared cache's read, nothing else
        assert "Đăng ký đất đai lần đầu" not in client.get("/").content.decode()
    frozen_now.shift(61)

    assert "Đăng ký đất đai lần đầu" in client.get("/").content.decode()


def test_with_no_minute_the_home_page_reads_its_data_and_leaves_the_cache_alone(
    client, catalog_sections, django_assert_num_queries, settings
):
    settings.MOTCUA_HOME_CACHE_SECONDS = 0

    # the fields, the popular procedures, the year's rollups: no cache table read or write
    with django_assert_num_queries(3):
        client.get("/")
