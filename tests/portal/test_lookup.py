"""The public look-up page /tra-cuu/: code + last 4 digits of the applicant's phone or ID
number; procedure, status, dates and steps, never personal data; one answer for an unknown code
and wrong digits; the API's rate limit per client address."""

import re

import pytest
from django.core.cache import cache

from motcua.core.templatetags.motcua import vndatetime
from motcua.dossiers.statuses import Status
from tests.factories.dossiers import dossier_in
from tests.portal.markup import find_all, parse, text_of

LOOKUP = "/tra-cuu/"
NOT_FOUND = "Không tìm thấy hồ sơ phù hợp"


@pytest.fixture(autouse=True)
def _fresh_rate_limit(db):
    """The limit's counters live in the cache; a process-local cache outlives a test."""
    cache.clear()


@pytest.fixture
def dossier():
    return dossier_in(Status.RECEIVED)


def _ask(client, code: str, digits: str, ip: str = "203.0.113.7"):
    return client.get(LOOKUP, {"ma": code, "so": digits}, REMOTE_ADDR=ip)


def _personal_data(dossier) -> list[str]:
    data = [dossier.applicant_name, dossier.applicant_phone, dossier.applicant_address,
            dossier.applicant_id_number, dossier.applicant_email]
    assert all(data)  # each is there to leak
    return data


def test_the_empty_form_labels_its_fields(client):
    response = client.get(LOOKUP)

    assert response.status_code == 200
    elements = parse(response.content.decode())
    (h1,) = find_all(elements, "h1")
    assert text_of(h1) == "Tra cứu hồ sơ"
    labels = {e.attrs["for"]: text_of(e) for e in find_all(elements, "label") if "for" in e.attrs}
    assert labels["id_ma"] == "Mã hồ sơ"
    assert labels["id_so"] == "4 số cuối điện thoại hoặc CCCD"
    (digits,) = find_all(elements, "input", name="so")
    assert digits.attrs["inputmode"] == "numeric"
    assert digits.attrs["aria-describedby"] == "so-hint"
    (form,) = find_all(elements, "form", **{"class": "lookup-form"})
    assert form.attrs["method"] == "get"


def test_the_phone_digits_show_status_dates_and_steps(client, dossier):
    response = _ask(client, dossier.code, dossier.applicant_phone[-4:])

    assert response.status_code == 200
    html = response.content.decode()
    assert dossier.procedure_version.name in html
    assert "Đã tiếp nhận" in html  # the status, in Vietnamese
    assert vndatetime(dossier.received_at) in html
    assert vndatetime(dossier.appointment_at) in html
    assert re.search(r"\d\d:\d\d \d\d/\d\d/\d{4}", vndatetime(dossier.appointment_at))
    steps = list(dossier.steps.order_by("position"))
    assert steps
    rows = [text_of(e) for e in find_all(parse(html), "th", scope="row")]
    assert rows == [s.name for s in steps]
    assert NOT_FOUND not in html
    assert "no-store" in response["Cache-Control"]


def test_the_id_number_digits_open_it_too(client, dossier):
    response = _ask(client, dossier.code, dossier.applicant_id_number[-4:])

    assert "Đã tiếp nhận" in response.content.decode()


@pytest.mark.parametrize("status", [Status.RECEIVED, Status.RETURNED])
def test_no_personal_data_is_shown(client, status):
    dossier = dossier_in(status)
    html = _ask(client, dossier.code, dossier.applicant_phone[-4:]).content.decode()

    assert dossier.code in html and "Tra cứu hồ sơ khác" in html  # found
    for value in _personal_data(dossier):
        assert value not in html, value


def test_a_returned_dossier_shows_when_it_was_finished_and_returned(client):
    dossier = dossier_in(Status.RETURNED)
    html = _ask(client, dossier.code, dossier.applicant_phone[-4:]).content.decode()

    assert "Đã trả kết quả" in html
    assert "Ngày có kết quả" in html and vndatetime(dossier.finished_at) in html
    assert "Ngày trả kết quả" in html and vndatetime(dossier.returned_at) in html


def _anonymised(response, *typed: str) -> str:
    """The page with what was typed and the per-response CSRF token blanked out."""
    html = response.content.decode()
    for value in typed:
        html = html.replace(value, "…")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_an_unknown_code_and_wrong_digits_give_the_same_page(client, dossier):
    wrong = "0000" if dossier.applicant_phone[-4:] != "0000" else "1111"
    assert wrong not in (dossier.applicant_phone[-4:], dossier.applicant_id_number[-4:])
    unknown_code = dossier.code[:-4] + "9999"

    wrong_digits = _ask(client, dossier.code, wrong)
    unknown = _ask(client, unknown_code, wrong)

    assert wrong_digits.status_code == unknown.status_code == 200
    assert NOT_FOUND in wrong_digits.content.decode()
    assert _anonymised(wrong_digits, dossier.code) == _anonymised(unknown, unknown_code)
    for value in _personal_data(dossier):
        assert value not in wrong_digits.content.decode()


def test_a_draft_is_not_found(client):
    draft = dossier_in(Status.DRAFT)

    html = _ask(client, draft.code or "X", draft.applicant_phone[-4:]).content.decode()

    assert NOT_FOUND in html
    assert draft.applicant_name not in html


def test_the_not_found_message_keeps_what_was_typed(client, dossier):
    elements = parse(_ask(client, "000.00.00.H99-000000-0001", "0000").content.decode())

    (code,) = find_all(elements, "input", name="ma")
    (digits,) = find_all(elements, "input", name="so")
    assert code.attrs["value"] == "000.00.00.H99-000000-0001"
    assert digits.attrs["value"] == "0000"


@pytest.mark.parametrize(("code", "digits", "errors"), [
    ("", "", {"ma": "Vui lòng nhập mã hồ sơ.",
              "so": "Vui lòng nhập 4 số cuối điện thoại hoặc số CCCD."}),
    ("HS-1", "12a4", {"so": "Nhập đúng 4 chữ số, ví dụ: 0123."}),
    ("HS-1", "123", {"so": "Nhập đúng 4 chữ số, ví dụ: 0123."}),
    ("HS-1", "12345", {"so": "Nhập đúng 4 chữ số, ví dụ: 0123."}),
    ("x" * 65, "1234", {"ma": "Mã hồ sơ không quá 64 ký tự."}),
])
def test_bad_input_is_shown_again_with_a_message_per_field(client, code, digits, errors):
    response = _ask(client, code, digits)

    assert response.status_code == 200
    html = response.content.decode()
    elements = parse(html)
    assert "<title>Lỗi: Tra cứu hồ sơ – Motcua</title>" in html
    (summary,) = find_all(elements, "div", **{"class": "error-summary"})
    assert summary.attrs["role"] == "alert"
    links = {e.attrs["href"]: text_of(e) for e in find_all(elements, "a")
             if e.attrs.get("href", "").startswith("#id_")}
    assert links == {f"#id_{name}": message for name, message in errors.items()}
    for name, message in errors.items():
        (error,) = find_all(elements, "p", id=f"{name}-error")
        assert text_of(error) == message
        (field,) = find_all(elements, "input", name=name)
        assert field.attrs["aria-invalid"] == "true"
        assert field.attrs["aria-describedby"] == f"{name}-hint {name}-error"
    (typed_code,) = find_all(elements, "input", name="ma")
    (typed_digits,) = find_all(elements, "input", name="so")
    assert typed_code.attrs.get("value", "") == code
    assert typed_digits.attrs.get("value", "") == digits
    assert NOT_FOUND not in html


def test_the_receipt_qr_link_fills_in_the_code_and_asks_for_the_digits(client, dossier):
    response = client.get(LOOKUP, {"ma": dossier.code})

    assert response.status_code == 200
    elements = parse(response.content.decode())
    (code,) = find_all(elements, "input", name="ma")
    assert code.attrs["type"] == "hidden" and code.attrs["value"] == dossier.code
    assert find_all(elements, "input", name="so", type="text")
    assert not find_all(elements, "div", **{"class": "error-summary"})
    assert NOT_FOUND not in response.content.decode()
    # Only the code is known: no dossier data yet.
    assert dossier.procedure_version.name not in response.content.decode()


def test_the_look_up_is_rate_limited_per_client_address(client, dossier, settings):
    settings.MOTCUA_LOOKUP_RATE = "3/min"
    right = dossier.applicant_phone[-4:]

    answers = [_ask(client, dossier.code, "0000" if right != "0000" else "1111").status_code
               for _ in range(3)]
    limited = _ask(client, dossier.code, right)  # even the right digits: guessing is stopped

    assert answers == [200, 200, 200]
    assert limited.status_code == 429
    html = limited.content.decode()
    assert '<html lang="vi">' in html and "Quá nhiều lượt tra cứu" in html
    assert int(limited["Retry-After"]) > 0
    assert dossier.procedure_version.name not in html
    # Showing the form, or a QR link, is not an attempt; another address is not affected.
    assert client.get(LOOKUP, {"ma": dossier.code}).status_code == 200
    assert _ask(client, dossier.code, right, ip="198.51.100.9").status_code == 200


def test_the_page_and_the_api_share_one_budget(client, dossier, settings):
    settings.MOTCUA_LOOKUP_RATE = "2/min"
    api = client.get("/api/v1/lookup", {"code": dossier.code, "digits": "0000"},
                     REMOTE_ADDR="203.0.113.7")
    assert api.status_code in (200, 404)

    assert _ask(client, dossier.code, "0000").status_code == 200
    assert _ask(client, dossier.code, "0000").status_code == 429


def test_invalid_input_does_not_count_against_the_limit(client, settings):
    settings.MOTCUA_LOOKUP_RATE = "1/min"

    assert [_ask(client, "", "12").status_code for _ in range(3)] == [200, 200, 200]


def test_the_nav_links_to_the_look_up_and_marks_it_current(client):
    elements = parse(client.get(LOOKUP).content.decode())

    (link,) = [a for a in find_all(elements, "a", href=LOOKUP) if "nav" in a.parents]
    assert text_of(link) == "Tra cứu hồ sơ"
    assert link.attrs["aria-current"] == "page"
    home = parse(client.get("/").content.decode())
    (link,) = [a for a in find_all(home, "a", href=LOOKUP) if "nav" in a.parents]
    assert "aria-current" not in link.attrs


def test_the_look_up_reads_in_english(in_english, dossier):
    form = in_english.get(LOOKUP).content.decode()
    assert '<html lang="en">' in form
    assert "<title>Track a dossier – Motcua</title>" in form
    assert "Dossier code" in form and "Last 4 digits of the phone or CCCD number" in form
    assert "Mã hồ sơ" not in form

    found = _ask(in_english, dossier.code, dossier.applicant_phone[-4:]).content.decode()
    assert "Appointment to collect the result" in found and "Processing steps" in found
    assert "Ngày hẹn trả kết quả" not in found

    missing = _ask(in_english, dossier.code[:-4] + "9999", "0000").content.decode()
    assert "No dossier matches the code and the 4 digits entered." in missing

    invalid = _ask(in_english, "", "12").content.decode()
    assert "Please enter the dossier code." in invalid
    assert "Enter exactly 4 digits, for example: 0123." in invalid
