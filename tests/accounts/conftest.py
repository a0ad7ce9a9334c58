import pytest


@pytest.fixture
def second_factor_on(settings):
    """Staff's two-factor sign-in as in production (the suite turns it off by default)."""
    settings.MOTCUA_STAFF_OTP_REQUIRED = True
