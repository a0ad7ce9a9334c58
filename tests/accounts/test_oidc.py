"""Sign-in through an OpenID Connect provider (where VNeID plugs in), against a fake provider
on loopback that serves the token, userinfo and JWKS endpoints and signs real RS256 tokens."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.auth import get_user

from motcua.accounts.models import User
from motcua.accounts.oidc import claims_full_name, user_match_claims
from tests.factories.accounts import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db


LOGIN = "/tai-khoan/dang-nhap/"
START = "/tai-khoan/dinh-danh/dang-nhap/"
CALLBACK = "/tai-khoan/dinh-danh/callback/"
BUTTON = "Đăng nhập bằng tài khoản định danh điện tử (VNeID)"
CLIENT_ID, CLIENT_SECRET = "motcua-test", "bi-mat"
_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


class FakeProvider:
    """What an identity provider answers after the person approved the sign-in there."""

    def __init__(self, base: str):
        self.base = base
        self.nonce = ""
        self.claims: dict = {}
        self.token_requests: list[dict] = []
        self.signing_key = _KEY

    def id_token(self) -> str:
        now = int(time.time())
        payload = {"iss": self.base, "aud": CLIENT_ID, "sub": self.claims.get("sub", "x"),
                   "iat": now, "exp": now + 300, "nonce": self.nonce}
        return jwt.encode(payload, self.signing_key, algorithm="RS256", headers={"kid": "k1"})


def _handler(provider: FakeProvider):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def _json(self, body, status=200):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            length = int(self.headers["Content-Length"])
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            provider.token_requests.append(form)
            if form.get("client_secret") != CLIENT_SECRET or form.get("code") != "ma-1":
                return self._json({"error": "invalid_grant"}, 400)
            return self._json({"access_token": "at-1", "token_type": "Bearer",
                               "id_token": provider.id_token()})

        def do_GET(self):
            if self.path == "/jwks":
                jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(_KEY.public_key()))
                return self._json({"keys": [jwk | {"kid": "k1", "alg": "RS256", "use": "sig"}]})
            if self.path == "/userinfo" and self.headers["Authorization"] == "Bearer at-1":
                return self._json(provider.claims)
            return self._json({"error": "not found"}, 404)

    return Handler


@pytest.fixture
def provider(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), None)
    base = f"http://127.0.0.1:{server.server_port}"
    fake = FakeProvider(base)
    server.RequestHandlerClass = _handler(fake)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.MOTCUA_OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_ID, settings.OIDC_RP_CLIENT_SECRET = CLIENT_ID, CLIENT_SECRET
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{base}/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{base}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{base}/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{base}/jwks"
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS,
                                        "motcua.accounts.oidc.CitizenOIDCBackend"]
    yield fake
    server.shutdown()
    server.server_close()


def _sign_in_at_provider(client, provider, claims, start=START):
    """The browser goes to the provider and comes back with a code."""
    response = client.get(start)
    assert response.status_code == 302
    sent = urlparse(response["Location"])
    assert f"{sent.scheme}://{sent.netloc}{sent.path}" == provider.base + "/authorize"
    query = {k: v[0] for k, v in parse_qs(sent.query).items()}
    assert query["client_id"] == CLIENT_ID and query["code_challenge_method"] == "S256"
    assert query["redirect_uri"] == "http://testserver" + CALLBACK
    provider.nonce, provider.claims = query["nonce"], claims
    return client.get(CALLBACK, {"code": "ma-1", "state": query["state"]})


VNEID_CLAIMS = {"sub": "vneid-1", "cccd": "099190004321", "name": "Trần Văn Nam",
                "email": "nam@motcua.example", "phone_number": "+84912000111"}


def test_without_settings_there_is_no_button_and_no_route(client, settings):
    assert settings.MOTCUA_OIDC_ENABLED is False  # the demo's default: no MOTCUA_OIDC_* set
    assert BUTTON not in client.get(LOGIN).content.decode()
    assert client.get(START).status_code == 404
    assert client.get(CALLBACK, {"code": "x", "state": "y"}).status_code == 404


def test_with_settings_the_sign_in_page_offers_the_button(client, provider):
    html = client.get(LOGIN).content.decode()
    assert BUTTON in html and f'href="{START}"' in html


def test_a_first_sign_in_makes_a_citizen_account_from_the_claims(client, provider):
    response = _sign_in_at_provider(client, provider, VNEID_CLAIMS)

    assert response.status_code == 302 and response["Location"] == "/tai-khoan/"
    user = get_user(client)
    assert user.is_authenticated
    assert (user.cccd, user.full_name, user.email, user.phone) == (
        "099190004321", "Trần Văn Nam", "nam@motcua.example", "0912000111")
    assert not user.has_usable_password() and not user.is_staff
    (token_request,) = provider.token_requests
    assert token_request["code_verifier"]  # PKCE


def test_next_is_kept_through_the_provider(client, provider):
    response = _sign_in_at_provider(client, provider, VNEID_CLAIMS,
                                    start=START + "?next=/nop-ho-so/HT-01/")
    assert response["Location"] == "/nop-ho-so/HT-01/"


def test_the_cccd_claim_finds_the_existing_account_first(client, provider):
    own = CitizenFactory(cccd="099190004321", email="cu@motcua.example", full_name="Trần Nam")
    CitizenFactory(email="nam@motcua.example")

    _sign_in_at_provider(client, provider, VNEID_CLAIMS)

    assert get_user(client) == own
    own.refresh_from_db()
    assert own.full_name == "Trần Nam"  # what the person typed is kept
    assert User.objects.count() == 2


def test_without_a_known_cccd_the_email_finds_a_citizen_and_fills_its_cccd(client, provider):
    own = CitizenFactory(cccd=None, email="nam@motcua.example")

    _sign_in_at_provider(client, provider, VNEID_CLAIMS)

    assert get_user(client) == own
    own.refresh_from_db()
    assert own.cccd == "099190004321"


def test_an_officers_account_is_never_matched_by_email_alone(client, provider):
    officer = StaffFactory(email="nam@motcua.example", desk_officer=True)

    _sign_in_at_provider(client, provider, VNEID_CLAIMS)

    user = get_user(client)
    assert user != officer and user.cccd == "099190004321"
    assert user.email == ""  # the address stays the officer's


def test_an_unverified_email_matches_nobody(client, provider):
    CitizenFactory(cccd=None, email="nam@motcua.example")
    claims = {"sub": "x", "email": "nam@motcua.example", "email_verified": False, "name": "N"}

    assert user_match_claims(claims) is None


def test_a_token_signed_by_another_key_signs_nobody_in(client, provider):
    provider.signing_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    response = _sign_in_at_provider(client, provider, VNEID_CLAIMS)

    assert response["Location"] == LOGIN
    assert not get_user(client).is_authenticated
    assert not User.objects.exists()


def test_a_replayed_answer_signs_nobody_in(client, provider):
    first = _sign_in_at_provider(client, provider, VNEID_CLAIMS)
    assert first.status_code == 302
    client.post("/tai-khoan/dang-xuat/")
    state = parse_qs(urlparse(client.get(START)["Location"]).query)["state"][0]
    provider.nonce = "an-old-nonce"

    response = client.get(CALLBACK, {"code": "ma-1", "state": state})

    assert response["Location"] == LOGIN
    assert not get_user(client).is_authenticated


def test_claims_without_cccd_or_email_are_refused_with_a_message(client, provider):
    response = _sign_in_at_provider(client, provider, {"sub": "x", "name": "Không Rõ"})

    assert response["Location"] == LOGIN
    assert not get_user(client).is_authenticated
    assert "Chưa đăng nhập được bằng tài khoản định danh điện tử" in client.get(
        LOGIN).content.decode()


def test_a_provider_error_returns_to_the_sign_in_page(client, provider):
    client.get(START)
    response = client.get(CALLBACK, {"error": "access_denied"})
    assert response["Location"] == LOGIN


@pytest.mark.parametrize("claims, name", [
    ({"name": "Nguyễn Thị Hoa"}, "Nguyễn Thị Hoa"),
    ({"family_name": "Nguyễn", "middle_name": "Thị", "given_name": "Hoa"}, "Nguyễn Thị Hoa"),
    ({}, ""),
])
def test_the_name_is_read_from_name_or_its_parts(claims, name):
    assert claims_full_name(claims) == name
