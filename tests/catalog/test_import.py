"""Importing and exporting the catalog file."""

import re
from decimal import Decimal

import pytest
import yaml
from django.core.management import CommandError, call_command

from motcua.agencies.levels import STANDARD_LEVELS
from motcua.agencies.models import AdministrativeLevel
from motcua.catalog.importer import (
    DEFAULT_CATALOG_FILE,
    catalog_export,
    catalog_import,
    catalog_import_text,
)
from motcua.catalog.models import Field, Procedure, ProcedureVersion
from motcua.catalog.selectors import catalog_current, procedure_get, version_content
from motcua.catalog.validation import CatalogInvalid


def test_the_shipped_file_gives_55_procedures_in_10_fields(shipped_catalog):
    assert len(shipped_catalog.created) == 55
    assert Procedure.objects.filter(current_version__number=1).count() == 55
    assert Field.objects.count() == 10
    assert set(AdministrativeLevel.objects.values_list("code", flat=True)) >= {"tinh", "huyen",
                                                                               "xa"}


def test_missing_levels_are_created_from_the_agencies_definitions(db):
    # Given an installation whose level rows are gone (a flushed test database, say)
    AdministrativeLevel.objects.all().delete()

    # When the shipped catalog is imported
    catalog_import(path=DEFAULT_CATALOG_FILE)

    # Then the levels it names exist, with the values motcua.agencies defines
    created = {lv.code: lv for lv in AdministrativeLevel.objects.all()}
    assert created.keys() == {"tinh", "huyen", "xa"}
    for spec in STANDARD_LEVELS:
        assert {name: getattr(created[spec.code], name) for name in spec.defaults()} == (
            spec.defaults()), spec.code


@pytest.mark.parametrize(
    ("code", "kind", "value", "spec"),
    [
        ("HT-01", "same_day", None, "sameday"),
        ("HT-07", "working_days", Decimal(3), "3d"),
        ("DD-07", "calendar_days", Decimal(30), "30cd"),
        ("HT-19", "calendar_days", Decimal(15), "15cd"),
        ("BTXH-01", "staged", None, "17d"),
        ("HT-09", "staged", None, None),
        ("BTXH-04", "working_days", None, None),
    ],
)
def test_spot_checked_time_limits(shipped_catalog, code, kind, value, spec):
    version = procedure_get(code=code).current_version
    assert (version.time_limit_kind, version.time_limit_value) == (kind, value)
    assert version.duration_spec() == spec


def test_spot_checked_content(shipped_catalog):
    ht03 = procedure_get(code="HT-03").current_version
    assert ht03.duration_spec(verification=True) == "5d"
    assert ht03.level.code == "xa" and ht03.channels == [1, 2, 3]
    assert [stage.case for stage in procedure_get(code="HT-09").current_version.stages.all()] == [
        "bổ sung thông tin hộ tịch", "thay đổi, cải chính, xác định lại dân tộc"]
    ct01_fee = procedure_get(code="CT-01").current_version.fees.get()
    assert (ct01_fee.formula, ct01_fee.unit, ct01_fee.amount) == ("certified_copy_pages",
                                                                  "per_copy", None)
    hkd01 = procedure_get(code="HKD-01").current_version
    assert hkd01.level_before_2025_07.code == "huyen" and hkd01.level.code == "xa"
    assert hkd01.fees.get().is_example
    lt01 = procedure_get(code="LT-01").current_version
    assert lt01.online_level == "full"
    assert [s.actor for s in lt01.steps.all()].count("other_agency") == 2
    assert Procedure.objects.get(code="HT-16").national_code == "2.000635"


def test_every_shipped_process_sums_to_100(shipped_catalog):
    for entry in catalog_current().procedures:
        assert sum(step.share for step in entry.content.process) == 100, entry.code


def test_reimporting_unchanged_data_is_fast_and_creates_no_version(
    shipped_catalog, django_assert_max_num_queries
):
    versions_before = list(ProcedureVersion.objects.values_list("pk", flat=True))
    with django_assert_max_num_queries(15):
        report = catalog_import(path=DEFAULT_CATALOG_FILE)
    assert len(report.unchanged) == 55 and not report.created and not report.new_versions
    assert list(ProcedureVersion.objects.values_list("pk", flat=True)) == versions_before


def test_the_demo_loader_call_works_twice(db):
    call_command("catalog_import", str(DEFAULT_CATALOG_FILE))
    call_command("catalog_import", str(DEFAULT_CATALOG_FILE))
    assert ProcedureVersion.objects.count() == 55


def test_changed_content_publishes_a_new_version_and_keeps_the_old_one(shipped_catalog,
                                                                        shipped_text):
    old = procedure_get(code="HT-02").current_version
    old_content = catalog_current().procedures[1].content
    changed = shipped_text.replace("      value: 5\n      text: 5 ngày làm việc",
                                   "      value: 4\n      text: 4 ngày làm việc", 1)
    report = catalog_import_text(text=changed)
    assert report.new_versions == ["HT-02"]
    new = procedure_get(code="HT-02").current_version
    assert (new.number, new.time_limit_value, new.duration_spec()) == (2, Decimal(4), "4d")
    old.refresh_from_db()
    assert (old.number, old.time_limit_value) == (1, Decimal(5))
    assert version_content(version=old) == old_content


def _entry(document: dict, code: str) -> dict:
    return next(p for p in document["procedures"] if p["code"] == code)


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _break(text: str, change) -> str:
    document = yaml.load(text, Loader=_LOADER)
    change(document)
    return yaml.dump(document, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: _entry(d, "HT-03")["time_limit"].update(kind="weeks"),
         'HT-03: time_limit.kind: "weeks" không hợp lệ'),
        (lambda d: _entry(d, "HT-03").pop("name"), "HT-03: name: thiếu (bắt buộc)"),
        (lambda d: _entry(d, "CT-01").update(field="khong-co"),
         'CT-01: field: "khong-co" không tồn tại'),
        (lambda d: _entry(d, "CT-01").update(level="huyen-cu"),
         'CT-01: level: "huyen-cu" không tồn tại'),
        (lambda d: _entry(d, "HT-01")["process"][0].update(share=30),
         "HT-01: process: tổng tỷ lệ thời gian các bước phải bằng 100 (hiện là 105)"),
        (lambda d: _entry(d, "HT-01")["process"][0].update(role="clerk"),
         'HT-01: process[0].role: "clerk" không hợp lệ'),
        (lambda d: _entry(d, "CT-03")["fees"][0].update(formula="certified_copy_pages"),
         "CT-03: fees[0].formula: không dùng được với amount"),
        (lambda d: _entry(d, "CT-03")["fees"][0].update(amount="mười nghìn"),
         'CT-03: fees[0].amount: "mười nghìn" không phải là số nguyên không âm'),
        (lambda d: _entry(d, "HT-02").update(online_level="full"),
         'HT-02: online_level: "full" cần kênh trực tuyến (2) trong channels'),
        (lambda d: _entry(d, "HT-02").update(channels=[1, 4]),
         'HT-02: channels[1]: "4" không hợp lệ'),
        (lambda d: _entry(d, "HT-02")["time_limit"].update(value=-1),
         'HT-02: time_limit.value: "-1" không phải là số dương (tối đa 2 chữ số thập phân)'),
        (lambda d: _entry(d, "HT-01")["time_limit"].update(value=1),
         'HT-01: time_limit.value: không dùng được với kind "same_day"'),
        (lambda d: _entry(d, "HT-09")["time_limit"].pop("stages"),
         "HT-09: time_limit.stages: thiếu (bắt buộc)"),
        (lambda d: _entry(d, "HT-02").update(time_limt={}),
         "HT-02: time_limt: khóa không được hỗ trợ"),
        (lambda d: _entry(d, "HT-02").update(code="HT-01"), 'HT-01: code: "HT-01" bị trùng'),
        (lambda d: _entry(d, "HT-02").update(code="ht 2"),
         'procedures[1]: code: "ht 2" không hợp lệ'),
        (lambda d: _entry(d, "HT-02").update(national_code="1.001193"),
         'HT-02: national_code: "1.001193" đã được dùng cho thủ tục HT-01'),
        (lambda d: _entry(d, "HT-01")["fees"][0]["online_discount"].update(
            **{"from": "2024-01-01"}), "HT-01: fees[0].online_discount.from: ngày bắt đầu sau "
                                       "ngày kết thúc"),
        (lambda d: d.update(format="v2"), 'tệp: format: format phải là "motcua-catalog/1"'),
    ],
)
def test_invalid_files_are_refused_naming_procedure_and_key(db, shipped_text, change, message):
    with pytest.raises(CatalogInvalid) as refused:
        catalog_import_text(text=_break(shipped_text, change))
    assert message in refused.value.problems
    assert not Procedure.objects.exists() and not Field.objects.exists()


def test_a_refused_file_leaves_the_existing_catalog_untouched(shipped_catalog, shipped_text):
    broken = _break(shipped_text, lambda d: (
        _entry(d, "HT-02").update(name="Tên mới"),  # valid on its own…
        _entry(d, "XD-02")["time_limit"].update(kind="weeks"),  # …but the file is not
    ))
    with pytest.raises(CatalogInvalid):
        catalog_import_text(text=broken)
    assert ProcedureVersion.objects.count() == 55
    assert procedure_get(code="HT-02").current_version.name == "Đăng ký khai sinh lưu động"


def test_every_problem_is_reported_at_once(db, shipped_text):
    broken = _break(shipped_text, lambda d: (
        _entry(d, "HT-01")["time_limit"].update(kind="weeks"),
        _entry(d, "CT-01").pop("verification"),
    ))
    with pytest.raises(CatalogInvalid) as refused:
        catalog_import_text(text=broken)
    assert refused.value.problems == ['HT-01: time_limit.kind: "weeks" không hợp lệ',
                                      "CT-01: verification: thiếu (bắt buộc)"]


def test_unreadable_yaml_is_refused(db):
    with pytest.raises(CatalogInvalid, match="không đọc được YAML"):
        catalog_import_text(text="procedures: [\n")


def test_the_command_names_the_problem(db, tmp_path, shipped_text):
    path = tmp_path / "catalog.yaml"
    path.write_text(_break(shipped_text, lambda d: _entry(d, "HT-03")["time_limit"].update(
        kind="weeks")), encoding="utf-8")
    with pytest.raises(CommandError, match=re.escape('HT-03: time_limit.kind: "weeks"')):
        call_command("catalog_import", str(path))
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("catalog_import", str(tmp_path / "none.yaml"))


def test_export_reproduces_the_shipped_file(shipped_catalog, tmp_path, shipped_text):
    path = tmp_path / "export.yaml"
    call_command("catalog_export", str(path))
    assert path.read_text(encoding="utf-8") == shipped_text


def test_export_then_import_round_trips_to_identical_content(shipped_catalog, tmp_path,
                                                             shipped_text):
    catalog_import_text(text=shipped_text.replace("Đăng ký khai sinh lưu động",
                                                  "Đăng ký khai sinh lưu động tại nhà"))
    path = tmp_path / "export.yaml"
    catalog_export(path=path)
    exported = catalog_current()
    Procedure.objects.update(current_version=None)
    ProcedureVersion.objects.all().delete()
    Procedure.objects.all().delete()
    Field.objects.all().delete()
    report = catalog_import(path=path)
    assert len(report.created) == 55
    assert catalog_current() == exported
