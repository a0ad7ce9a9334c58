"""The English catalogs of the dossier engine and of the API: complete and compiled (every
message has an English translation, none fuzzy, and the shipped .mo matches the .po)."""

from pathlib import Path

import pytest
from django.utils import translation

import motcua
from motcua.dossiers.errors import StaleDossier
from motcua.dossiers.statuses import Status
from tests.translations import catalog_problems

SRC = Path(motcua.__file__).resolve().parent
APP_CATALOGS = sorted(SRC.glob("*/locale/en/LC_MESSAGES/django.po"))


def test_the_dossier_and_api_catalogs_exist():
    assert {po.parents[3].name for po in APP_CATALOGS} >= {"dossiers", "api"}


@pytest.mark.parametrize("po", APP_CATALOGS, ids=lambda po: po.parents[3].name)
def test_every_app_catalog_is_complete_and_compiled(po):
    assert catalog_problems(po) == []


def test_dossier_messages_read_in_english():
    with translation.override("en"):
        assert str(Status.AWAITING_APPROVAL.label) == "Awaiting the leader's approval"
        assert StaleDossier(status=Status.RECEIVED.label).text.startswith(
            "Someone else acted on the dossier")


def test_the_check_finds_untranslated_fuzzy_and_stale_entries(tmp_path):
    po = tmp_path / "django.po"
    po.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Bản nháp"\nmsgstr ""\n\n'
                  '#, fuzzy, python-brace-format\nmsgid "Đã tiếp nhận {x}"\nmsgstr "Received"\n',
                  "utf-8")
    assert catalog_problems(po) == ["untranslated: Bản nháp", "fuzzy: Đã tiếp nhận {x}",
                                    f"{po.with_suffix('.mo')} missing"]
