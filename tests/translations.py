"""Checks shared by the tests of the English catalogs (`locale/en/LC_MESSAGES/django.po`).

A catalog is complete when every entry has a translation and none is marked fuzzy (gettext
ignores fuzzy entries), and compiled when the `.mo` beside it, which ships in the repository
because fresh machines may lack msgfmt, gives the same translations as the `.po`.
"""

import ast
import gettext
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Entry:
    msgid: str = ""
    context: str | None = None
    plural: str | None = None
    msgstrs: list[str] = field(default_factory=list)
    fuzzy: bool = False


def _string(line: str) -> str:
    # A PO string is a C-style double-quoted literal; Python's reads the same escapes.
    return ast.literal_eval(line)


def po_entries(po: Path) -> list[Entry]:
    """The entries of a .po file, header (empty msgid) excluded."""
    entries, entry, target = [], Entry(), None
    for raw in [*po.read_text("utf-8").splitlines(), ""]:
        line = raw.strip()
        if not line:
            if target is not None:
                entries.append(entry)
            entry, target = Entry(), None
        elif line.startswith("#,"):
            entry.fuzzy |= "fuzzy" in (flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith("msgctxt "):
            entry.context, target = _string(line[len("msgctxt "):]), "context"
        elif line.startswith("msgid_plural "):
            entry.plural, target = _string(line[len("msgid_plural "):]), "plural"
        elif line.startswith("msgid "):
            entry.msgid, target = _string(line[len("msgid "):]), "msgid"
        elif line.startswith("msgstr"):
            entry.msgstrs.append(_string(line.split(" ", 1)[1]))
            target = "msgstr"
        elif line.startswith('"'):  # a continuation of the string above
            if target == "msgid":
                entry.msgid += _string(line)
            elif target == "plural":
                entry.plural += _string(line)
            elif target == "context":
                entry.context += _string(line)
            else:
                entry.msgstrs[-1] += _string(line)
    return [e for e in entries if e.msgid]


def catalog_problems(po: Path) -> list[str]:
    """What is wrong with a catalog: untranslated or fuzzy entries, or a stale .mo."""
    entries = po_entries(po)
    if not entries:
        return [f"{po}: no entries"]
    problems = [f"untranslated: {e.msgid}" for e in entries if not all(e.msgstrs)]
    problems += [f"fuzzy: {e.msgid}" for e in entries if e.fuzzy]
    mo = po.with_suffix(".mo")
    if not mo.exists():
        return [*problems, f"{mo} missing"]
    with mo.open("rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)
    for e in entries:
        if e.plural is None:
            found = (catalog.gettext(e.msgid) if e.context is None
                     else catalog.pgettext(e.context, e.msgid))
            if found != e.msgstrs[0]:
                problems.append(f"stale .mo: {e.msgid!r} → {found!r}")
            continue
        found = [catalog.ngettext(e.msgid, e.plural, n) if e.context is None
                 else catalog.npgettext(e.context, e.msgid, e.plural, n) for n in (1, 2)]
        if found != e.msgstrs[:2]:
            problems.append(f"stale .mo: {e.msgid!r} (plural)")
    return problems
