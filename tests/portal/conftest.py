import pytest

from motcua.catalog.models import Procedure
from tests.factories.catalog import FieldFactory, ProcedureFactory


@pytest.fixture(autouse=True)
def _database(db):
    """The home page reads the catalog (fields, popular procedures) on every request."""


@pytest.fixture
def catalog_sections() -> list[Procedure]:
    """A small catalog: two fields, each with procedures; returns the first of each field."""
    FieldFactory(code="ho-tich", position=1)
    FieldFactory(code="chung-thuc", position=2)
    first = [
        ProcedureFactory(code="HT-01", name="Đăng ký khai sinh", field_code="ho-tich"),
        ProcedureFactory(code="CT-01", name="Chứng thực bản sao từ bản chính",
                         field_code="chung-thuc"),
    ]
    ProcedureFactory(code="HT-03", name="Đăng ký kết hôn", field_code="ho-tich")
    return first


@pytest.fixture
def in_english(client):
    """The visitor chose English with the language switcher."""
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


# The "My dossiers" pages' fixtures (the citizen logged in, their procedure).
from tests.portal.my_dossiers_support import citizen_client, procedure  # noqa: E402, F401
