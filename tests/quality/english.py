"""Vietnamese interface strings (the msgids of every English catalog) still showing on a page
the visitor asked to see in English."""

import re
from functools import cache
from pathlib import Path

import motcua
from tests.translations import po_entries

SRC = Path(motcua.__file__).resolve().parent
_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
_VIETNAMESE = re.compile(r"[à-ỹÀ-Ỹđ]")
_SUBSTRING_MIN = 20  # shorter fragments may well occur inside data (names, addresses)


@cache
def vietnamese_messages() -> tuple[frozenset[str], tuple[str, ...]]:
    """(whole messages, long literal fragments) of the catalogs whose English differs."""
    whole, fragments = set(), set()
    for po in [*SRC.glob("*/locale/en/LC_MESSAGES/django.po"),
               SRC / "locale/en/LC_MESSAGES/django.po"]:
        for entry in po_entries(po):
            for msgid in filter(None, (entry.msgid, entry.plural)):
                if not _VIETNAMESE.search(msgid) or msgid in entry.msgstrs:
                    continue
                parts = [" ".join(p.split()) for p in _PLACEHOLDER.split(msgid)]
                if len(parts) == 1:
                    whole.add(parts[0])
                fragments.update(p for p in parts
                                 if len(p) >= _SUBSTRING_MIN and _VIETNAMESE.search(p))
    return frozenset(whole), tuple(sorted(fragments))


def untranslated(runs: list[str]) -> list[str]:
    whole, fragments = vietnamese_messages()
    found = []
    for run in runs:
        exact = run in whole or run.rstrip(":") in whole
        if exact or any(fragment in run for fragment in fragments):
            found.append(run)
    return sorted(set(found))
