"""Accent- and case-insensitive search, identical on SQLite and PostgreSQL."""

import pytest

from motcua.catalog.selectors import procedure_list, procedure_list_popular


def codes(**filters) -> list[str]:
    return list(procedure_list(**filters).values_list("code", flat=True))


@pytest.mark.parametrize(
    ("query", "expected", "reason"),
    [
        ("dang ky khai sinh", {"HT-01", "HT-02", "HT-08", "HT-11", "HT-18", "LT-01"},
         "no accents finds 'Đăng ký khai sinh' and every name holding all four words"),
        ("ĐĂNG KÝ KHAI SINH", {"HT-01", "HT-02", "HT-08", "HT-11", "HT-18", "LT-01"},
         "upper case with accents: the same"),
        ("khai sinh luu dong", {"HT-02"}, "every word must match (AND)"),
        ("ht-01", {"HT-01"}, "our code"),
        ("2.000635", {"HT-16"}, "the national code"),
        ("giấy phép xây dựng", {"XD-01", "XD-02"}, "accented words"),
        ("marriage", {"HT-03", "HT-04", "HT-12", "HT-19"}, "the English name"),
        ("khai sinh xây dựng", set(), "words from two procedures: nothing"),
        ("thủ tục không tồn tại zzz", set(), "no results"),
    ],
)
def test_search(catalog, query, expected, reason):
    assert set(codes(q=query)) == expected, reason


def test_chung_thuc_in_capitals_finds_the_certifications(catalog):
    found = codes(q="CHỨNG THỰC")
    assert {f"CT-{n:02d}" for n in range(1, 12)} <= set(found)
    assert all(code.startswith("CT-") for code in found)


def test_search_combines_with_filters(catalog):
    assert codes(q="khai sinh", field="ho-tich-lien-thong") == ["LT-01"]
    assert codes(q="giay chung nhan", level="tinh") == ["DD-01", "DD-03", "DD-04"]
    assert codes(q="xay dung", channel=2) == ["XD-01", "XD-02"]
    assert codes(online_level="full") == ["LT-01", "LT-02"]


def test_results_come_in_catalog_order(catalog):
    found = codes()
    assert len(found) == 55
    assert found[:2] == ["HT-01", "HT-02"] and found[-1] == "CTR-01"


def test_popular_procedures_of_the_shipped_catalog(catalog, django_assert_num_queries):
    # One procedure per field, the field's first by code, fields in the file's order.
    with django_assert_num_queries(1):
        popular = list(procedure_list_popular(limit=4))

    assert [p.code for p in popular] == ["HT-01", "LT-01", "CT-01", "BTXH-01"]
    assert popular[0].name == "Đăng ký khai sinh"
    assert popular[0].get_absolute_url() == "/thu-tuc/HT-01/"
