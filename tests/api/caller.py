"""Call the API as one person: staff and integrations by token, citizens by their session."""

from django.test import Client

from motcua.api.tokens import api_token_create

DOSSIERS = "/api/v1/dossiers"


class Caller:
    def __init__(self, user=None, *, session: bool = False, raw_token: str | None = None):
        self.user = user
        self.client = Client()
        self.headers: dict[str, str] = {}
        if session:
            self.client.force_login(user)
        elif raw_token or user is not None:
            raw = raw_token or api_token_create(user=user, name="tests")[1]
            self.headers = {"Authorization": f"Bearer {raw}"}

    def get(self, path: str, **params):
        return self.client.get(path, params, headers=self.headers)

    def post(self, path: str, body=None, *, headers: dict | None = None):
        return self.client.post(path, body or {}, content_type="application/json",
                                headers={**self.headers, **(headers or {})})

    def patch(self, path: str, body):
        return self.client.patch(path, body, content_type="application/json",
                                 headers=self.headers)

    def upload(self, path: str, data: dict):
        return self.client.post(path, data, headers=self.headers)

    def act(self, dossier_id: int, action: str, expect: int = 200, **body) -> dict:
        """POST an action; assert the status; return the JSON answer."""
        response = self.post(f"{DOSSIERS}/{dossier_id}/{action}", body)
        assert response.status_code == expect, response.content.decode()
        return response.json()

    def dossier(self, dossier_id: int) -> dict:
        response = self.get(f"{DOSSIERS}/{dossier_id}")
        assert response.status_code == 200, response.content.decode()
        return response.json()
