"""Public pages and public API answers carry no personal data (Decree 13/2023, Law 91/2025).

The scene's owner has a distinctive name, phone, CCCD, address and e-mail and owns dossiers in
every status; none of these may appear on a page or in a JSON answer anyone can fetch —
including the public look-up of the owner's own dossier, which must show its progress only.
"""

from datetime import datetime

import pytest
import time_machine
from django.conf import settings

from motcua.core.clock import VIETNAM
from motcua.payments import protocol
from tests.security.scene import SECRETS

MONTH = "11/2026"


def public_requests(scene) -> list[tuple[str, dict]]:
    owner = scene.users["owner"]
    code = scene.dossier("processing").code
    unit = scene.extra["commune"].code
    month = {"unit": unit, "month": MONTH}
    return [
        ("/", {}),
        ("/thu-tuc/", {}),
        (f"/thu-tuc/{scene.procedure.code}/", {}),
        ("/tra-cuu/", {}),
        ("/tra-cuu/", {"ma": code}),
        ("/tra-cuu/", {"ma": code, "so": owner.phone[-4:]}),
        ("/tra-cuu/", {"ma": code, "so": owner.cccd[-4:]}),
        ("/thong-ke/", {}),
        ("/thong-ke/", month),
        ("/thong-ke/ho-so-tre-han/", month),
        ("/thong-ke/chi-so-766/", month),
        ("/thong-ke/du-lieu.json", month),
        ("/thong-ke/du-lieu.csv", month),
        ("/api/v1/lookup", {"code": code, "digits": owner.phone[-4:]}),
        ("/api/v1/lookup", {"code": code, "digits": owner.cccd[-4:]}),
        ("/api/v1/procedures", {}),
        (f"/api/v1/procedures/{scene.procedure.code}", {}),
        ("/api/v1/openapi.json", {}),
    ]


def _leaks(text: str) -> list[str]:
    return [secret for secret in SECRETS if secret in text]


@pytest.fixture
def anonymous(client, db):
    return client


def test_public_pages_show_no_personal_data(scene, anonymous):
    checked = 0
    for path, query in public_requests(scene):
        response = anonymous.get(path, query)
        assert response.status_code == 200, (path, query, response.status_code)
        assert _leaks(response.content.decode()) == [], (path, query)
        checked += 1
    assert checked == len(public_requests(scene))


def test_the_lookup_finds_the_dossier_without_showing_who_it_belongs_to(scene, anonymous):
    owner, code = scene.users["owner"], scene.dossier("processing").code
    page = anonymous.get("/tra-cuu/", {"ma": code, "so": owner.phone[-4:]}).content.decode()
    answer = anonymous.get("/api/v1/lookup", {"code": code, "digits": owner.phone[-4:]})

    assert code in page  # it is the found dossier's page, not an empty form ...
    assert answer.json()["code"] == code
    assert _leaks(page) == [] and _leaks(answer.content.decode()) == []  # ... and anonymous


def test_the_late_list_names_dossiers_not_people(scene, anonymous):
    code = scene.dossier("processing").code
    with time_machine.travel(datetime(2027, 2, 15, 9, tzinfo=VIETNAM), tick=False):
        page = anonymous.get("/thong-ke/ho-so-tre-han/",
                             {"unit": scene.extra["commune"].code, "month": "01/2027"})
    assert page.status_code == 200
    assert code in page.content.decode()  # overdue since December: it is listed ...
    assert _leaks(page.content.decode()) == []  # ... by code, without the applicant


def test_the_payment_return_page_shows_no_personal_data(scene, anonymous):
    """The gateway's signed return link can be replayed by anyone who sees it (browser history,
    a shared screen): the page it opens must not say who paid."""
    params = {
        "vnp_Amount": protocol.wire_amount(10_000), "vnp_BankCode": "NCB",
        "vnp_ResponseCode": "00", "vnp_TransactionStatus": "00",
        "vnp_TmnCode": settings.MOTCUA_PAYMENT_TMN_CODE, "vnp_TransactionNo": "14000001",
        "vnp_TxnRef": scene.payment_reference, "vnp_PayDate": "20261126090000",
    }
    params["vnp_SecureHash"] = protocol.sign(params, settings.MOTCUA_PAYMENT_SECRET)

    page = anonymous.get("/thanh-toan/ket-qua/", params)

    assert page.status_code == 200
    assert scene.payment_reference in page.content.decode()
    assert _leaks(page.content.decode()) == []
