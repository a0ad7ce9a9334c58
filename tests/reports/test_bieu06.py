"""Biểu 06: its check rules hold on any data, and the database agrees with the classification
of each dossier; the Excel file has the official 13 columns; the command writes the same file."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from motcua.dossiers.models import Dossier
from motcua.dossiers.statuses import Channel, Status
from motcua.reports.bieu06 import bieu06_report
from motcua.reports.excel import HEADING_ROW, bieu06_workbook
from motcua.reports.periods import Bucket, Period, dossier_period
from tests.factories.dossiers import vn
from tests.factories.reports import dossier_open, dossier_settled

pytestmark = pytest.mark.django_db
BASE = vn(2026, 9, 1, 8)
STATUSES = [Status.PROCESSING, Status.SUPPLEMENT_REQUESTED, Status.RESULT_READY,
            Status.RETURNED, Status.STOPPED]

hours = st.integers(min_value=0, max_value=120 * 24)
raw_dossier = st.fixed_dictionaries({
    "received": hours, "due_after": st.one_of(st.none(), st.integers(1, 30 * 24)),
    "finished_after": st.one_of(st.none(), st.integers(0, 40 * 24)),
    "paused_after": st.one_of(st.none(), st.integers(0, 20 * 24)),
    "channel": st.sampled_from([1, 2, 3]), "supplements": st.integers(0, 3),
    "stopped": st.booleans(),
})


def _rows(raw: list[dict], world, version) -> list[Dossier]:
    made = []
    for i, r in enumerate(raw):
        received = BASE + timedelta(hours=r["received"])
        finished = None if r["finished_after"] is None else received + timedelta(
            hours=r["finished_after"])
        status = Status.PROCESSING if finished is None else (
            Status.STOPPED if r["stopped"] else Status.RETURNED)
        paused = None
        if finished is None and r["paused_after"] is not None:
            paused, status = received + timedelta(hours=r["paused_after"]), STATUSES[1]
        made.append(Dossier(
            code=f"RANDOM-{i}", procedure_version=version, receiving_unit=world.unit,
            competent_unit=world.unit, current_unit=world.unit, channel=r["channel"],
            status=status, created_at=received, received_at=received, finished_at=finished,
            paused_at=paused, supplement_requests=r["supplements"],
            due_at=None if r["due_after"] is None else received + timedelta(hours=r["due_after"]),
            applicant_name="Người thử",
        ))
    return made


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.lists(raw_dossier, max_size=25),
       first=st.integers(0, 90), length=st.integers(0, 60))
def test_check_rules_hold_on_any_data(world, five_day, frozen_now, raw, first, length):
    Dossier.objects.filter(code__startswith="RANDOM-").delete()
    dossiers = Dossier.objects.bulk_create(_rows(raw, world, five_day.current_version))
    day = date(2026, 9, 1) + timedelta(days=first)
    period = Period(day, day + timedelta(days=length))

    total = bieu06_report(unit=world.unit, period=period).total
    c = total.columns()  # columns 3..13
    assert c[0] == c[1] + c[2] + c[3]  # 3 = 4 + 5 + 6
    assert c[0] == c[4] + c[8]  # 3 = 7 + 11
    assert c[4] == c[5] + c[6] + c[7]  # 7 = 8 + 9 + 10
    assert c[8] == c[9] + c[10]  # 11 = 12 + 13

    places = [p for d in dossiers if (p := dossier_period(d, period=period))]
    assert total.received == len(places)
    assert total.late == sum(p.result == Bucket.SETTLED_LATE for p in places)
    assert total.early == sum(p.result == Bucket.SETTLED_EARLY for p in places)
    assert total.overdue == sum(p.result == Bucket.OPEN_OVERDUE for p in places)
    assert total.online == sum(p.intake == Bucket.RECEIVED_ONLINE for p in places)


@pytest.fixture
def report(world, province, five_day, frozen_now, november):
    dossier_settled(world=world, procedure=five_day, received=vn(2026, 11, 2, 9),
                    finished=vn(2026, 11, 4, 9), channel=Channel.ONLINE)
    dossier_settled(world=world, procedure=five_day, received=vn(2026, 11, 2, 9),
                    finished=vn(2026, 11, 12, 9))
    dossier_open(world=world, procedure=five_day, received=vn(2026, 11, 24, 9))
    return bieu06_report(unit=province, period=november)


def test_rows_are_grouped_by_level_and_field(report):
    assert [g.level.name for g in report.groups] == ["Cấp xã"]
    (row,) = report.groups[0].rows
    assert row.field.name == "Hộ tịch" or row.field.code == "ho-tich"
    assert row.counts.columns() == [3, 1, 2, 0, 2, 1, 0, 1, 1, 1, 0]
    assert report.total.columns() == row.counts.columns()


def test_the_excel_file_has_the_official_layout(report):
    sheet = load_workbook(BytesIO(bieu06_workbook(report))).active
    assert sheet["A1"].value == "Biểu số 06/VPCP/KSTT"
    assert "TRỰC TIẾP GIẢI QUYẾT" in sheet["A3"].value
    assert sheet["A4"].value == "Kỳ báo cáo: từ ngày 01/11/2026 đến ngày 30/11/2026"
    numbers = [sheet.cell(row=HEADING_ROW + 3, column=c).value for c in range(1, 14)]
    assert numbers == [f"({n})" for n in range(1, 14)]
    assert sheet.max_column == 13
    headings = {sheet.cell(row=r, column=c).value for r in range(HEADING_ROW, HEADING_ROW + 3)
                for c in range(1, 14)}
    assert {"Số hồ sơ nhận giải quyết", "Trực tuyến", "Từ kỳ trước", "Trước hạn",
            "Đúng hạn", "Quá hạn", "Trong hạn"} <= headings
    total = [sheet.cell(row=HEADING_ROW + 4, column=c).value for c in range(2, 14)]
    assert total == ["Tổng cộng", 3, 1, 2, 0, 2, 1, 0, 1, 1, 1, 0]
    level = [sheet.cell(row=HEADING_ROW + 5, column=c).value for c in range(1, 3)]
    assert level == ["I", "Cấp xã"]


def test_the_command_writes_the_same_excel(report, province, tmp_path):
    path = tmp_path / "bieu06.xlsx"
    call_command("report", "bieu06", "--unit", province.code, "--from", "01/11/2026",
                 "--to", "2026-11-30", "--xlsx", str(path))
    written = load_workbook(path).active
    expected = load_workbook(BytesIO(bieu06_workbook(report))).active
    assert [[c.value for c in row] for row in written.iter_rows()] == [
        [c.value for c in row] for row in expected.iter_rows()]
