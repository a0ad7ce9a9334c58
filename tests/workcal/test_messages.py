"""Every refusal has a Vietnamese message and an English translation; report labels too."""

import pytest
from django.utils import translation

from motcua.workcal.engine import CalendarError, Outcome, Standing, parse_duration
from motcua.workcal.engine import errors as engine_errors
from motcua.workcal.messages import MESSAGES, OUTCOME_LABELS, STANDING_LABELS, error_message

ENGINE_CODES = {
    cls.code for cls in vars(engine_errors).values()
    if isinstance(cls, type) and issubclass(cls, CalendarError)
}


def test_every_engine_error_code_has_a_message():
    assert not ENGINE_CODES - set(MESSAGES)


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_is_translated_to_english(code):
    vietnamese = str(MESSAGES[code])
    with translation.override("en"):
        assert str(MESSAGES[code]) != vietnamese


def test_error_message_fills_in_the_input():
    with pytest.raises(CalendarError) as raised:
        parse_duration("1 tuần")
    with translation.override("vi"):
        assert error_message(raised.value).startswith("Thời hạn “1 tuần” không hợp lệ")


def test_report_labels():
    with translation.override("vi"):
        assert [str(OUTCOME_LABELS[o]) for o in Outcome] == ["Trước hạn", "Đúng hạn", "Quá hạn"]
        assert [str(STANDING_LABELS[s]) for s in Standing] == ["Trong hạn", "Quá hạn"]
    with translation.override("en"):
        assert str(OUTCOME_LABELS[Outcome.LATE]) == "Late"
        assert str(STANDING_LABELS[Standing.OVERDUE]) == "Overdue"
