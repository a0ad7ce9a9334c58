"""What the scale-out tests do as a person with a browser or an API client, over real HTTP
to the web processes (requests, not Django's test client)."""

import uuid

import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from tests.factories.accounts import PASSWORD

WEB_A, WEB_B = 8420, 8421
DOSSIERS = "/api/v1/dossiers"
PDF = b"%PDF-1.4\n% shared media across web processes\n" + uuid.uuid4().bytes
APPLICANT = {"name": "Trần Văn Phúc", "id_number": "099090777888", "phone": "0912345678",
             "email": "phuc@motcua.example", "address": "Thôn 1, xã Thử Nghiệm"}
TIMEOUT = 15


def with_real_password(user):
    """The processes run Django's default password hashers (the suite's fast MD5 is the test
    process's alone)."""
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, "scaleoutsalt")
    user.save(update_fields=["password"])
    return user


def signed_in(base_url: str, user) -> requests.Session:
    """Sign in through the login form of one web process; returns the browser's cookies."""
    browser = requests.Session()
    login = f"{base_url}/tai-khoan/dang-nhap/"
    browser.get(login, timeout=TIMEOUT).raise_for_status()
    answer = browser.post(login, data={
        "identifier": user.username, "password": PASSWORD,
        "csrfmiddlewaretoken": browser.cookies["csrftoken"],
    }, allow_redirects=False, timeout=TIMEOUT)
    assert answer.status_code == 302, answer.text[:2000]
    return browser


def csrf(browser: requests.Session) -> dict:
    return {"X-CSRFToken": browser.cookies["csrftoken"]}


def uploaded_on_a_downloaded_on_b(browser, web_a: str, web_b: str, body: dict):
    """The citizen drafts a dossier and attaches a PDF through A, submits through B and
    downloads the file through B; returns (dossier id, code, file id)."""
    draft = browser.post(f"{web_a}{DOSSIERS}", json=body, headers=csrf(browser),
                         timeout=TIMEOUT)
    assert draft.status_code == 201, draft.text
    dossier_id = draft.json()["id"]
    uploaded = browser.post(f"{web_a}{DOSSIERS}/{dossier_id}/files", headers=csrf(browser),
                            files={"file": ("giay-to.pdf", PDF, "application/pdf")},
                            data={"purpose": "submission"}, timeout=TIMEOUT)
    assert uploaded.status_code == 201, uploaded.text
    file_id = uploaded.json()["id"]
    submitted = browser.post(f"{web_b}{DOSSIERS}/{dossier_id}/submit", json={},
                             headers=csrf(browser), timeout=TIMEOUT)
    assert submitted.status_code == 200, submitted.text
    code = submitted.json()["code"]
    download = browser.get(f"{web_b}/tep/{code}/{file_id}/?download", timeout=TIMEOUT)
    assert download.status_code == 200, download.text[:500]
    assert download.content == PDF
    anonymous = requests.get(f"{web_b}/tep/{code}/{file_id}/", timeout=TIMEOUT,
                             allow_redirects=False)
    assert anonymous.status_code in (302, 404)  # not to someone else
    return dossier_id, code, file_id
