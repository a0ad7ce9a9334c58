"""Bad input: each step re-displays what was typed, a Vietnamese message per field and an
error summary linking to the fields; nothing is saved."""

from motcua.dossiers.models import Delivery
from tests.portal.markup import find_all, parse
from tests.submission.conftest import applicant_data, fresh, start_draft, url


def _summary_links(html: str) -> list[str]:
    elements = parse(html)
    summary = [e for e in elements if "error-summary" in e.attrs.get("class", "")]
    assert summary, "no error summary"
    return [a.attrs["href"] for a in find_all(elements, "a") if "div" in a.parents
            and a.attrs.get("href", "").startswith("#")]


def test_applicant_step_names_each_wrong_field_and_keeps_what_was_typed(
    signed_in, birth, communes
):
    draft = start_draft(signed_in)
    before = fresh(draft)

    response = signed_in.post(url(draft, "applicant"), applicant_data(
        draft, name="", id_number="12345", phone="12ab", email="hoa@", address="Ấp 9"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Vui lòng nhập họ và tên chủ hồ sơ." in html
    assert "Số CCCD gồm đúng 12 chữ số." in html
    assert "Số điện thoại gồm 10–11 chữ số, bắt đầu bằng 0." in html
    assert "Địa chỉ thư điện tử không hợp lệ" in html
    assert 'value="12345"' in html and 'value="12ab"' in html and 'value="Ấp 9"' in html
    assert {"#id_name", "#id_id_number", "#id_phone", "#id_email"} <= set(_summary_links(html))
    cccd = find_all(parse(html), "input", name="id_number")[0]
    assert cccd.attrs["aria-invalid"] == "true"
    assert "id_number-error" in cccd.attrs["aria-describedby"]
    assert fresh(draft).version == before.version  # nothing saved
    assert fresh(draft).applicant_address == before.applicant_address


def test_content_is_required(signed_in, birth, communes):
    draft = start_draft(signed_in)

    response = signed_in.post(url(draft, "content"), {"version": draft.version, "content": " "})

    assert "Vui lòng nhập nội dung yêu cầu." in response.content.decode()
    assert fresh(draft).form_data == {}


def test_delivery_by_post_requires_an_address(signed_in, birth, communes):
    draft = start_draft(signed_in)

    response = signed_in.post(url(draft, "delivery"), {
        "version": draft.version, "delivery": "post", "delivery_address": ""})

    html = response.content.decode()
    assert "Vui lòng nhập địa chỉ nhận kết quả qua bưu chính." in html
    assert "#id_delivery_address" in _summary_links(html)
    assert fresh(draft).delivery == Delivery.DESK

    response = signed_in.post(url(draft, "delivery"), {
        "version": draft.version, "delivery": "post",
        "delivery_address": "Số 5, ấp 2, xã Vĩnh Bình"})

    assert response.status_code == 302
    saved = fresh(draft)
    assert (saved.delivery, saved.delivery_address) == ("post", "Số 5, ấp 2, xã Vĩnh Bình")


def test_electronic_delivery_keeps_no_postal_address(signed_in, birth, communes):
    draft = start_draft(signed_in)

    signed_in.post(url(draft, "delivery"), {"version": draft.version, "delivery": "electronic",
                                            "delivery_address": "Số 5"})

    assert (fresh(draft).delivery, fresh(draft).delivery_address) == ("electronic", "")


def test_start_needs_a_receiving_unit(signed_in, birth, communes):
    response = signed_in.post(f"/nop-ho-so/{birth.code}/", {"receiving_unit": "",
                                                            "idempotency_key": "k1"})

    assert "Vui lòng chọn đơn vị tiếp nhận hồ sơ." in response.content.decode()
    assert not birth.current_version.dossiers.exists()


def test_a_stale_page_says_so_and_loses_nothing(signed_in, birth, communes):
    # Given the applicant page open in two tabs, and the first one saved
    draft = start_draft(signed_in)
    old_version = draft.version
    signed_in.post(url(draft, "applicant"), applicant_data(draft, address="Địa chỉ tab một"))

    # When the second tab, drawn before, saves something else
    response = signed_in.post(url(draft, "applicant"), applicant_data(
        draft, version=old_version, address="Địa chỉ tab hai"))

    # Then it is told, sees what it typed, and the first tab's save stands
    html = response.content.decode()
    assert response.status_code == 200
    assert "đã được sửa ở một cửa sổ hoặc thiết bị khác" in html
    assert 'value="Địa chỉ tab hai"' in html
    assert fresh(draft).applicant_address == "Địa chỉ tab một"

    # When they save again from that page (it now carries the current version), it is saved
    version = find_all(parse(html), "input", name="version")[0].attrs["value"]
    signed_in.post(url(draft, "applicant"), applicant_data(
        draft, version=version, address="Địa chỉ tab hai"))
    assert fresh(draft).applicant_address == "Địa chỉ tab hai"
