"""In-person and postal receipt through the desk's form (Mẫu 01): the procedure found with
accents folded, the applicant pre-filled from a citizen account, components, fees, delivery;
one dossier per form even when submitted twice; a message per field."""

import pytest
from django.urls import reverse

from motcua.dossiers.models import Dossier
from motcua.dossiers.statuses import Channel, Status
from tests.factories.catalog import ProcedureFactory

RECEIVE = reverse("desk:receive")
POSTAL = reverse("desk:receive-postal")


def _form(procedure, world, **changes) -> dict:
    component = procedure.current_version.components.first()
    data = {
        "idempotency_key": "key-" + procedure.code, "procedure": procedure.code,
        "unit": world.unit.pk, "kind": "person", "name": "Lê Thị Hoa",
        "id_number": "099123456789", "phone": "0101234567", "email": "",
        "address": "Ấp 2, xã Thử Nghiệm", "fee_paid": "10.000", "delivery": "desk",
        f"c{component.pk}": "on", f"c{component.pk}_originals": "1",
        f"c{component.pk}_copies": "2",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_procedures_are_found_without_accents(desk, db):
    ProcedureFactory(name="Đăng ký khai sinh", channels=(1, 3))
    ProcedureFactory(name="Đăng ký kết hôn", channels=(1,))
    html = desk.get(RECEIVE, {"q": "dang ky KHAI sinh"}).content.decode()
    assert "Đăng ký khai sinh" in html and "Đăng ký kết hôn" not in html


def test_a_procedure_not_offered_by_post_is_not_listed_for_postal_receipt(desk, db):
    ProcedureFactory(name="Đăng ký kết hôn", channels=(1,))
    html = desk.get(POSTAL, {"q": "ket hon"}).content.decode()
    assert "Không tìm thấy thủ tục nào" in html


def test_the_form_is_prefilled_from_the_citizen_account(desk, world, five_day_procedure):
    html = desk.get(RECEIVE, {"thu_tuc": five_day_procedure.code,
                              "cccd": world.citizen.cccd}).content.decode()
    assert f'value="{world.citizen.full_name}"' in html
    assert f'value="{world.citizen.phone}"' in html
    assert "Đã điền sẵn thông tin từ tài khoản công dân" in html


def test_receiving_creates_the_dossier_and_shows_code_and_receipt(desk, world,
                                                                  five_day_procedure):
    response = desk.post(RECEIVE, _form(five_day_procedure, world))
    dossier = Dossier.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("desk:dossier", args=[dossier.code])
    assert (dossier.status, dossier.channel) == (Status.RECEIVED, Channel.DIRECT)
    assert (dossier.applicant_name, dossier.fee_paid) == ("Lê Thị Hoa", 10_000)
    assert [(c.originals, c.copies) for c in dossier.components.all()] == [(1, 2)]
    assert dossier.owner is None
    page = desk.get(response["Location"]).content.decode()
    assert dossier.code in page
    assert f'href="/van-ban/{dossier.code}/mau-01.pdf"' in page
    assert "In giấy tiếp nhận (Mẫu 01)" in page


def test_the_dossier_is_linked_to_the_citizen_account_when_asked(desk, world,
                                                                five_day_procedure):
    desk.post(RECEIVE, _form(five_day_procedure, world, id_number=world.citizen.cccd,
                             link_account="on"))
    assert Dossier.objects.get().owner == world.citizen


def test_submitting_the_same_form_twice_creates_one_dossier(desk, world, five_day_procedure):
    first = desk.post(RECEIVE, _form(five_day_procedure, world))
    second = desk.post(RECEIVE, _form(five_day_procedure, world))
    assert Dossier.objects.count() == 1
    assert first["Location"] == second["Location"]


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"name": ""}, "name", "Vui lòng nhập thông tin này."),
    ({"id_number": "12345"}, "id_number", "Số CCCD gồm đúng 12 chữ số."),
    ({"phone": "abc"}, "phone", "Số điện thoại không hợp lệ."),
    ({"email": "khong-phai-email"}, "email", "Địa chỉ thư điện tử không hợp lệ."),
    ({"fee_paid": "mười nghìn"}, "fee_paid", "Nhập số nguyên không âm."),
    ({"delivery": "post", "delivery_address": ""}, "delivery_address",
     "Vui lòng nhập địa chỉ nhận kết quả qua bưu chính."),
])
def test_each_field_has_its_message(desk, world, five_day_procedure, changes, field, message):
    response = desk.post(RECEIVE, _form(five_day_procedure, world, **changes))
    assert response.status_code == 422
    html = response.content.decode()
    assert f'<p class="field-error" id="id_{field}-error">{message}</p>' in html
    assert f'href="#id_{field}"' in html  # the summary at the top links to the field
    assert Dossier.objects.count() == 0
    assert 'value="Ấp 2, xã Thử Nghiệm"' in html  # what was typed stays


def test_at_least_one_component_with_a_count(desk, world, five_day_procedure):
    component = five_day_procedure.current_version.components.first()
    html = desk.post(RECEIVE, _form(five_day_procedure, world, **{
        f"c{component.pk}": None})).content.decode()
    assert "Đánh dấu ít nhất một thành phần hồ sơ đã nhận." in html
    html = desk.post(RECEIVE, _form(five_day_procedure, world, **{
        f"c{component.pk}_originals": "0", f"c{component.pk}_copies": "0"})).content.decode()
    assert "Ghi số bản chính hoặc bản sao đã nhận (ít nhất một bản)." in html
    assert Dossier.objects.count() == 0


def test_postal_receipt_records_the_waybill_and_hand_over(desk, world, five_day_procedure):
    response = desk.post(POSTAL, _form(five_day_procedure, world, waybill="EB123456789VN",
                                       handed_over_at="08:30 09/03/2026"))
    assert response.status_code == 302
    dossier = Dossier.objects.get()
    assert (dossier.channel, dossier.postal_waybill) == (Channel.POSTAL, "EB123456789VN")
    assert dossier.postal_handover_at.isoformat() == "2026-03-09T01:30:00+00:00"


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"waybill": ""}, "waybill", "Vui lòng nhập thông tin này."),
    ({"waybill": "EB1", "handed_over_at": "hôm qua"}, "handed_over_at",
     "Nhập thời điểm theo dạng HH:MM dd/mm/yyyy"),
    ({"waybill": "EB1", "handed_over_at": "11:00 09/03/2026"}, "handed_over_at",
     "Thời điểm bưu chính bàn giao không thể sau thời điểm tiếp nhận."),
])
def test_postal_fields_have_their_messages(desk, world, five_day_procedure, changes, field,
                                           message):
    response = desk.post(POSTAL, _form(five_day_procedure, world, **changes))
    assert response.status_code == 422
    assert message in response.content.decode()
    assert f'id="id_{field}-error"' in response.content.decode()
    assert Dossier.objects.count() == 0
