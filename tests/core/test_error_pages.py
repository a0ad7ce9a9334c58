"""What people and API clients get when something goes wrong on the server: Vietnamese pages
with their English translation, a 503 with Retry-After while the database is away, and the
health check a load balancer polls."""

import pytest
from django.db import OperationalError
from django.template.loader import render_to_string
from django.test import Client

from motcua.core import views as core_views


@pytest.fixture
def database_away(monkeypatch):
    class DeadConnection:
        def cursor(self):
            raise OperationalError("connection to server at 127.0.0.1 failed")

    # The health check's connection only: the test's own must survive for its teardown.
    monkeypatch.setattr(core_views, "connection", DeadConnection())


@pytest.fixture
def client():
    """As a browser sees it: the uncaught error answered by the site, not raised in the test."""
    return Client(raise_request_exception=False)


def test_the_health_check_answers_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


def test_the_database_away_gives_503_with_retry_after_and_a_vietnamese_page(client, db,
                                                                            database_away):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "Hệ thống tạm gián đoạn" in page
    assert "Service temporarily unavailable" in page
    # Nothing of the failure leaks to the visitor.
    assert "127.0.0.1" not in page and "OperationalError" not in page


def test_the_api_answers_503_with_its_error_shape(client, db, monkeypatch):
    from motcua.catalog import selectors

    def broken(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(selectors, "procedure_page", broken)
    response = client.get("/api/v1/procedures")

    assert response.status_code == 503, response.content
    assert response.json() == {"code": "service_unavailable", "field": None,
                               "message": "Hệ thống tạm gián đoạn, vui lòng thử lại sau ít phút."}


def test_a_database_error_in_a_middleware_is_503_too(client, db, monkeypatch):
    from django.contrib.sessions.backends import db as session_db

    def broken(self, *args, **kwargs):
        raise OperationalError("terminating connection due to administrator command")

    monkeypatch.setattr(session_db.SessionStore, "load", broken)
    client.cookies["sessionid"] = "x" * 32

    response = client.get("/")  # the header reads the signed-in user: session, then database

    assert response.status_code == 503
    assert "Hệ thống tạm gián đoạn" in response.content.decode()


def test_any_other_error_is_a_500_page_in_vietnamese_then_english(client, db, monkeypatch):
    from motcua.catalog import selectors

    def broken(*args, **kwargs):
        raise RuntimeError("secret detail")

    monkeypatch.setattr(selectors, "procedure_page", broken)
    response = client.get("/api/v1/procedures")

    assert response.status_code == 500
    assert "secret detail" not in response.content.decode()
    page = render_to_string("500.html")
    assert page.index("Hệ thống gặp lỗi") < page.index("Server error")
    assert 'lang="vi"' in page and 'lang="en"' in page


def test_an_unknown_address_gets_the_sites_404_page(client, db):
    response = client.get("/khong-co-trang-nay/")

    assert response.status_code == 404
    page = response.content.decode()
    assert "Không tìm thấy trang" in page
    assert 'href="/tra-cuu/"' in page


def test_an_api_address_that_matches_no_route_answers_in_json(client, db):
    response = client.get("/api/v1/dossiers/abc")

    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "message": "Không tìm thấy.", "field": None}
