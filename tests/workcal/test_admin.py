"""Administrators edit the year's days and the sessions in the admin, in Vietnamese."""

from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from motcua.accounts.models import User
from motcua.workcal.engine import due_at
from motcua.workcal.models import CalendarDay, WorkingSession
from motcua.workcal.selectors import calendar_for_unit
from tests.factories.accounts import StaffFactory
from tests.factories.agencies import UnitFactory
from tests.factories.workcal import CalendarDayFactory

from .conftest import at, dur

pytestmark = pytest.mark.django_db


def test_changelist_lists_the_loaded_days_in_vietnamese(admin_client):
    call_command("load_holidays")
    response = admin_client.get(reverse("admin:workcal_calendarday_changelist"),
                                {"date__year": "2026"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Tết Nguyên đán Bính Ngọ" in page and "Ngày nghỉ, ngày làm bù" in page


def test_adding_a_day_in_the_admin_changes_due_dates(admin_client):
    response = admin_client.post(reverse("admin:workcal_calendarday_add"), {
        "date": "08/03/2027", "kind": "holiday", "name": "Nghỉ đột xuất", "legal_ref": "",
        "verified": "on", "unit": "",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    assert CalendarDay.objects.get(date=date(2027, 3, 8)).source == "admin"
    assert CalendarDay.objects.filter(date=date(2027, 1, 1)).exists()  # the year was copied
    assert due_at(calendar_for_unit(), received=at("2027-03-05 16:00"), duration=dur("4h")) == (
        at("2027-03-09 10:30")
    )


def test_mark_verified_action(admin_client):
    call_command("load_holidays")
    unverified = CalendarDay.objects.filter(verified=False)
    response = admin_client.post(reverse("admin:workcal_calendarday_changelist"), {
        "action": "mark_verified", "_selected_action": [day.pk for day in unverified],
    })
    assert response.status_code == 302
    assert not CalendarDay.objects.filter(verified=False).exists()


def test_overlapping_session_is_refused_with_a_vietnamese_message(admin_client):
    url = reverse("admin:workcal_workingsession_add")
    admin_client.post(url, {"weekday": "5", "start": "07:30", "end": "11:30", "unit": ""})
    response = admin_client.post(url, {"weekday": "5", "start": "11:00", "end": "12:00",
                                       "unit": ""})
    assert response.status_code == 200
    assert "trùng nhau" in response.content.decode()
    assert WorkingSession.objects.count() == 1


# Who may manage the calendar (docs/access.md: calendar.manage, in a unit and the units below).
# National rows and default sessions serve every unit: a province's administrators change them.

CALENDAR_CHANGELISTS = ["admin:workcal_calendarday_changelist",
                        "admin:workcal_workingsession_changelist"]


def _day_form(unit, **overrides) -> dict:
    return {"date": "09/03/2027", "kind": "holiday", "name": "Nghỉ riêng của đơn vị",
            "legal_ref": "", "verified": "on", "unit": unit.pk if unit else ""} | overrides


@pytest.fixture
def province():
    return UnitFactory(province=True)


@pytest.fixture
def commune(province):
    return UnitFactory(parent=province)


@pytest.mark.usefixtures("frozen_now")
def test_a_system_administrator_manages_the_calendar(client, province, commune):
    client.force_login(StaffFactory(system_admin=True, unit=province))

    assert "Ngày nghỉ, ngày làm bù" in client.get(reverse("admin:index")).content.decode()
    for name in CALENDAR_CHANGELISTS:
        assert client.get(reverse(name)).status_code == 200, name
    # a national day and a commune's own day
    for unit in (None, commune):
        response = client.post(reverse("admin:workcal_calendarday_add"), _day_form(unit))
        assert response.status_code == 302, response.content.decode()[:2000]
    assert CalendarDay.objects.filter(date=date(2027, 3, 9), unit=commune).exists()
    assert CalendarDay.objects.filter(date=date(2027, 3, 9), unit=None).exists()


@pytest.mark.usefixtures("frozen_now")
def test_a_commune_administrator_manages_its_own_days_only(client, province, commune):
    national = CalendarDayFactory(date=date(2027, 3, 8), unverified=True)
    neighbour = UnitFactory(parent=province)
    theirs = CalendarDayFactory(date=date(2027, 3, 10), unit=neighbour, unverified=True)
    client.force_login(StaffFactory(unit_admin=True, unit=commune))

    # They add a day for their commune, but neither a national day nor a neighbour's
    add = reverse("admin:workcal_calendarday_add")
    assert client.post(add, _day_form(commune)).status_code == 302
    assert client.post(add, _day_form(None, date="11/03/2027")).status_code == 200
    assert client.post(add, _day_form(neighbour, date="12/03/2027")).status_code == 200
    added = CalendarDay.objects.filter(date__range=(date(2027, 3, 9), date(2027, 3, 12)))
    assert set(added.values_list("date", "unit")) == {
        (date(2027, 3, 9), commune.pk), (date(2027, 3, 10), neighbour.pk)}

    # They read the national days, not the neighbour's, and change neither
    listing = client.get(reverse("admin:workcal_calendarday_changelist"), {"date__year": "2027"})
    assert national in listing.context["cl"].result_list
    assert theirs not in listing.context["cl"].result_list
    change = reverse("admin:workcal_calendarday_change", args=[national.pk])
    assert 'name="_save"' not in client.get(change).content.decode()
    assert client.post(change, _day_form(None, date="08/03/2027")).status_code == 403
    client.post(reverse("admin:workcal_calendarday_changelist"), {
        "action": "mark_verified", "_selected_action": [national.pk, theirs.pk]})
    assert not CalendarDay.objects.get(pk=national.pk).verified
    assert not CalendarDay.objects.get(pk=theirs.pk).verified


@pytest.mark.usefixtures("frozen_now")
def test_a_desk_officer_cannot_open_the_calendar_admin(client, commune):
    officer = StaffFactory(desk_officer=True, unit=commune)
    client.force_login(officer)

    for name in CALENDAR_CHANGELISTS:
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/admin/login/" in response.url, name

    User.objects.filter(pk=officer.pk).update(is_staff=True)
    for name in CALENDAR_CHANGELISTS:
        assert client.get(reverse(name)).status_code == 403, name
