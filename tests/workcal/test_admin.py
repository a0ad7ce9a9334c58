"""Administrators edit the year's days and the sessions in the admin, in Vietnamese."""

from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from motcua.workcal.engine import due_at
from motcua.workcal.models import CalendarDay, WorkingSession
from motcua.workcal.selectors import calendar_for_unit

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
