"""Who is calling: a bearer token (staff, integrations) or the Django session (pages).

Token first, so a call that carries a token never meets the session's CSRF check; a call that
relies on the session cookie must send the CSRF token for unsafe methods (django-ninja checks
it in `SessionAuth`), since a browser sends cookies to any site's form.
"""

from ninja.security import HttpBearer, SessionAuth

from motcua.accounts import two_factor
from motcua.api.tokens import api_token_authenticate


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        user = api_token_authenticate(raw=token)
        if user is not None:
            request.user = user  # services and access checks read request.user
        return user


class ActiveSessionAuth(SessionAuth):
    def authenticate(self, request, key):
        user = request.user
        # A staff session counts only once its second step is done (motcua.accounts.two_factor).
        if not user.is_authenticated or not user.is_active or two_factor.pending(request):
            return None
        return user


API_AUTH = [TokenAuth(), ActiveSessionAuth()]
