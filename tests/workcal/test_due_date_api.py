"""`GET /api/v1/calendar/due-date`: 200 with the inputs echoed, 422 with a stable code."""

import pytest
from django.conf import settings

from motcua.workcal.messages import MESSAGES
from tests.factories.agencies import UnitFactory
from tests.factories.workcal import saturday_morning_desk

pytestmark = pytest.mark.django_db
URL = "/api/v1/calendar/due-date"


def test_due_date(client):
    response = client.get(URL, {"received": "2026-02-13T10:00", "duration": "1d"})
    assert response.status_code == 200
    assert response.json() == {
        "received": "2026-02-13T10:00:00+07:00",
        "duration": "1d",
        "pauses": [],
        "unit": None,
        "due": "2026-02-23T10:00:00+07:00",
    }


def test_pauses_are_repeated_parameters(client):
    response = client.get(URL, {
        "received": "2026-02-13T10:00", "duration": "1d",
        "pause": ["2026-02-23T08:00,2026-02-24T08:00", "2026-02-25T08:00,2026-02-25T09:00"],
    })
    body = response.json()
    assert response.status_code == 200 and body["due"] == "2026-02-24T10:00:00+07:00"
    assert body["pauses"][0] == {"start": "2026-02-23T08:00:00+07:00",
                                 "end": "2026-02-24T08:00:00+07:00"}


def test_a_units_calendar(client):
    unit = UnitFactory()
    saturday_morning_desk(unit)
    response = client.get(URL, {"received": "2026-03-13T16:00", "duration": "4h",
                                "unit": unit.code})
    assert response.json()["due"] == "2026-03-14T10:30:00+07:00"
    assert response.json()["unit"] == unit.code


@pytest.mark.parametrize(
    ("params", "code", "field"),
    [
        ({"received": "2026-02-13T10:00", "duration": "1x"}, "duration_invalid", "duration"),
        ({"received": "hôm qua", "duration": "1d"}, "instant_invalid", "received"),
        ({"duration": "1d"}, "received_missing", "received"),
        ({"received": "2026-02-13T10:00"}, "duration_missing", "duration"),
        ({"received": "2026-02-13T10:00", "duration": "1d", "pause": "2026-02-23T08:00"},
         "pause_invalid", "pause"),
        ({"received": "2026-02-13T10:00", "duration": "1d",
          "pause": "2026-02-23T08:00,2026-02-22T08:00"}, "pause_end_before_start", "pause"),
        ({"received": "2026-02-13T10:00", "duration": "1d", "unit": "x"}, "unit_not_found", "unit"),
        ({"received": "1990-01-01T10:00", "duration": "1d"}, "instant_out_of_range", "received"),
    ],
)
def test_bad_input_is_422_with_code_and_vietnamese_message(client, params, code, field):
    response = client.get(URL, params)
    body = response.json()
    assert response.status_code == 422
    assert (body["code"], body["field"]) == (code, field)
    assert body["message"]


def test_message_is_the_vietnamese_msgid_by_default(client):
    body = client.get(URL, {"duration": "1d"}).json()
    assert body["message"] == str(MESSAGES["received_missing"]) == "Chưa nhập thời điểm tiếp nhận."


def test_message_in_english_when_the_visitor_chose_english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the project's language switch
    body = client.get(URL, {"received": "2026-02-13T10:00", "duration": "1x"}).json()
    assert body["message"].startswith("The time limit “1x” is not valid")
    assert body["code"] == "duration_invalid"


def test_documented_in_the_openapi_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/calendar/due-date"]["get"]
    assert {"200", "422"} <= set(operation["responses"])
    assert {p["name"] for p in operation["parameters"]} == {"received", "duration", "pause", "unit"}
    due_schema = schema["components"]["schemas"]["DueDateOut"]["properties"]
    assert {"received", "duration", "pauses", "unit", "due"} <= set(due_schema)
    assert set(schema["components"]["schemas"]["CalendarErrorOut"]["properties"]) == {
        "code", "message", "field"
    }
