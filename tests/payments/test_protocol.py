"""The wire protocol: the SecureHash over sorted, URL-encoded parameters, amounts ×100, dates
in GMT+7, and the receipt's amount in words."""

from datetime import UTC, datetime

import pytest

from motcua.payments import protocol
from motcua.payments.words import vnd_words

PARAMS = {
    "vnp_Version": "2.1.0", "vnp_TxnRef": "MC1", "vnp_Command": "pay",
    "vnp_OrderInfo": "Thanh toan phi, le phi ho so A/1", "vnp_Amount": "800000",
    "vnp_BankCode": "",  # empty values are not signed
}
# Computed once with `hmac.new(b"SECRETKEY", CANONICAL, sha512)`, independently of the code.
CANONICAL = ("vnp_Amount=800000&vnp_Command=pay&vnp_OrderInfo=Thanh+toan+phi%2C+le+phi+ho+so"
             "+A%2F1&vnp_TxnRef=MC1&vnp_Version=2.1.0")
VECTOR = ("e048f9a24cdb26d9785f92ccf43e37a9fbb7c64d51c3802d87cd2cab0718fcfde6553762b80a195225f"
          "07665ecd3f25014de9e7812479cfec7fd605a97395052")


def test_the_signature_covers_the_sorted_url_encoded_parameters():
    assert protocol.canonical_query(PARAMS) == CANONICAL
    assert protocol.sign(PARAMS, "SECRETKEY") == VECTOR


def test_a_signed_query_verifies_and_any_change_breaks_it():
    signed = {**PARAMS, "vnp_SecureHash": VECTOR}
    assert protocol.verify(signed, "SECRETKEY")
    assert protocol.verify({**signed, "vnp_SecureHash": VECTOR.upper()}, "SECRETKEY")
    assert not protocol.verify({**signed, "vnp_Amount": "900000"}, "SECRETKEY")
    assert not protocol.verify({**signed, "vnp_Extra": "1"}, "SECRETKEY")
    assert not protocol.verify(signed, "OTHERKEY")
    assert not protocol.verify(PARAMS, "SECRETKEY")  # no hash at all


def test_server_to_server_bodies_are_signed_field_by_field_in_order():
    body = {"a": "1", "b": "2"}
    assert protocol.sign_fields(body, ("a", "b"), "k") != protocol.sign_fields(body, ("b", "a"),
                                                                              "k")
    assert protocol.verify_fields({**body, "vnp_SecureHash": protocol.sign_fields(
        body, ("a", "b"), "k")}, ("a", "b"), "k")


@pytest.mark.parametrize(("wire", "dong"), [("800000", 8000), ("0", 0), ("80050", None),
                                             ("-100", None), ("8e5", None)])
def test_wire_amounts_are_dong_times_100(wire, dong):
    assert protocol.dong_amount(wire) == dong


def test_wire_dates_are_in_vietnam_time():
    instant = datetime(2026, 11, 26, 2, 5, 9, tzinfo=UTC)
    assert protocol.wire_date(instant) == "20261126090509"
    assert protocol.parse_wire_date("20261126090509") == instant
    assert protocol.parse_wire_date("26/11/2026") is None


@pytest.mark.parametrize(("amount", "words"), [
    (8_000, "Tám nghìn đồng"), (10_000, "Mười nghìn đồng"), (15, "Mười lăm đồng"),
    (21, "Hai mươi mốt đồng"), (105, "Một trăm linh năm đồng"),
    (1_005, "Một nghìn không trăm linh năm đồng"),
    (1_234_567, "Một triệu hai trăm ba mươi bốn nghìn năm trăm sáu mươi bảy đồng"),
])
def test_amounts_in_words(amount, words):
    assert vnd_words(amount) == words
