"""Sign-in with a phone number, an e-mail address or a user name, and a password.

Citizens know their phone number and e-mail, not the user name the portal generated for them;
officers know their user name. The admin's login page uses this backend too.
"""

from django.contrib.auth.backends import ModelBackend

from motcua.accounts.models import User
from motcua.accounts.selectors import user_find_for_login


class IdentifierBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        user = user_find_for_login(identifier=username)
        if user is None:
            # Hash anyway, so an unknown identifier takes as long as a wrong password
            # (Django's ModelBackend does the same, for the same reason).
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
