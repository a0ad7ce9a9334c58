"""Signing a person in for a browser journey without going through the sign-in page (which
has its own journey): a real session made by Django's test client, handed to the browser as
its cookie."""

from django.conf import settings
from django.test import Client


def sign_in(context, live_server, person) -> None:
    client = Client()
    client.force_login(person)
    context.clear_cookies()
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                          "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])
