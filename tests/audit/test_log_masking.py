"""Personal data is masked in logs (motcua.core.logging, Decree 13/2023/NĐ-CP): ID numbers,
phone numbers, e-mail addresses and the query values carrying them; dossier codes, dates and
amounts stay readable, so the logs remain useful."""

import io
import logging

import pytest

from motcua.core.logging import PersonalDataFilter, mask_personal_data


@pytest.mark.parametrize(
    "text, masked",
    [
        ("CCCD 079203001234 không hợp lệ", "CCCD **********34 không hợp lệ"),
        ("CMND 123456789", "CMND *******89"),
        ("gọi 0912345678.", "gọi ********78."),
        ("số cũ 01234567890", "số cũ *********90"),
        ("+84 912 345 678", "*********78"),
        ("tel:84912345678", "tel:*********78"),
        ("0912.345.678", "********78"),
        ("gửi nguyen.van.a@gmail.com", "gửi n***@gmail.com"),
        ("GET /tra-cuu/?ma=H42-261126-0001&so=5678", "GET /tra-cuu/?ma=H42-261126-0001&so=***"),
        ("/mot-cua/tiep-nhan/?procedure=1.001&cccd=079203001234",
         "/mot-cua/tiep-nhan/?procedure=1.001&cccd=***"),
        ("Not Found: /ho-so/0912345678/", "Not Found: /ho-so/********78/"),
    ],
)
def test_personal_data_is_masked(text, masked):
    assert mask_personal_data(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "000.00.06.H56-251201-0001",  # a dossier code (DESIGN.md: unit-YYMMDD-NNNN)
        "H42.01.02-261126-0001 đã tiếp nhận",
        "lệ phí 1.234.567 đ, 150000 đ",
        "2026-11-26 09:00:00,123 hạn 26/11/2026 17:00",
        "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "dossier_id=123456 took 1764215147 ms",
        "POST /api/v1/dossiers/42/accept 200",
    ],
)
def test_codes_dates_and_amounts_stay_readable(text):
    assert mask_personal_data(text) == text


def _record(msg, *args, exc_info=None) -> logging.LogRecord:
    return logging.LogRecord("motcua.test", logging.WARNING, __file__, 1, msg, args, exc_info)


def test_the_filter_masks_the_message_after_its_arguments_are_merged():
    record = _record("applicant %s, phone %s", "079203001234", "0912345678")

    assert PersonalDataFilter().filter(record) is True
    assert record.getMessage() == "applicant **********34, phone ********78"


def test_the_filter_masks_an_exception_carrying_a_cccd():
    try:
        raise ValueError("no account for CCCD 079203001234")
    except ValueError:
        record = _record("lookup failed", exc_info=__import__("sys").exc_info())
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(PersonalDataFilter())

    handler.handle(record)

    output = stream.getvalue()
    assert "ValueError: no account for CCCD **********34" in output
    assert "079203001234" not in output


def _handler(logger: str, name: str) -> logging.StreamHandler:
    """The handler `name` of settings.LOGGING on `logger` (pytest adds its own beside it)."""
    (handler,) = [h for h in logging.getLogger(logger).handlers if h.get_name() == name]
    return handler


def _configured_handlers():
    return [_handler("", "console"), _handler("django.server", "django.server"),
            _handler("granian.access", "access")]


def test_every_configured_handler_masks():
    handlers = _configured_handlers()

    for handler in handlers:
        assert any(isinstance(f, PersonalDataFilter) for f in handler.filters), handler
    assert logging.getLogger("django").handlers == []  # Django's unmasked defaults are gone


@pytest.fixture
def captured():
    """What the root console handler (which django.request reaches) writes."""
    handler = _handler("", "console")
    stream = io.StringIO()
    old = handler.setStream(stream)
    try:
        yield stream
    finally:
        handler.setStream(old)


def test_a_404_on_an_address_holding_a_phone_logs_no_clear_number(client, db, captured):
    response = client.get("/khong-co-trang-nay/0912345678/", {"cccd": "079203001234"})

    assert response.status_code == 404
    output = captured.getvalue()
    assert "Not Found: /khong-co-trang-nay/********78/" in output
    assert "0912345678" not in output and "079203001234" not in output


def test_granian_access_lines_are_masked():
    handler = _handler("granian.access", "access")
    stream = io.StringIO()
    old = handler.setStream(stream)
    try:
        logging.getLogger("granian.access").info(
            '%(addr)s "%(method)s %(path)s" %(status)d',
            {"addr": "127.0.0.1", "method": "GET", "path": "/ho-so/079203001234/", "status": 404})
    finally:
        handler.setStream(old)
    assert stream.getvalue() == '127.0.0.1 "GET /ho-so/**********34/" 404\n'
