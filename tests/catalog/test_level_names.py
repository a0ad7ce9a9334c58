"""Administrative levels are data with an English name: the English interface shows it."""

import pytest

from tests.factories.catalog import ProcedureFactory

pytestmark = pytest.mark.django_db


def test_the_english_interface_names_the_level_in_english(client):
    procedure = ProcedureFactory(code="HT-01")
    level = procedure.current_version.level
    level.name, level.name_en = "Cấp xã", "Commune level"
    level.save()

    vietnamese = client.get("/thu-tuc/HT-01/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = client.get("/thu-tuc/HT-01/").content.decode()
    listing = client.get("/thu-tuc/").content.decode()

    assert "Cấp xã" in vietnamese
    assert "Commune level" in english and "Cấp xã" not in english
    assert '>Commune level</option>' in listing
