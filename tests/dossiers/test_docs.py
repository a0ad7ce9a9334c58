"""docs/dossiers.md lists every row of the transition table (statuses.TRANSITIONS) as it is,
so the page cannot drift from the code. To print the table after changing TRANSITIONS:

    .venv/bin/python manage.py shell -c "from tests.dossiers.test_docs import table; table()"
"""

import re
from pathlib import Path
from types import SimpleNamespace

from motcua.dossiers.services.transition import ON_BEHALF, unit_for
from motcua.dossiers.statuses import NATIONAL_CODE, TRANSITIONS, Actor, Rule, Status

# Which of a dossier's units a permission is checked in (`unit_for`), named for the table.
UNITS = SimpleNamespace(receiving_unit="receiving unit", competent_unit="competent unit",
                        current_unit="current unit")
DOC = Path(__file__).resolve().parents[2] / "docs" / "dossiers.md"
HEADER = "| from | action | to | who | checked in |"
RULE = "| --- | --- | --- | --- | --- |"


def _status(status: Status | None) -> str:
    if status is None:
        return "— (creates it)"
    code = NATIONAL_CODE[status]
    return f"`{status.value}` ({code})" if code else f"`{status.value}`"


def _who(action, rule: Rule) -> tuple[str, str]:
    if rule.actor is Actor.APPLICANT:
        who = "the owner" + (", or the desk for them" if action in ON_BEHALF else "")
        return who, "—"
    who = f"`{rule.permission}`" + (", only the handler once assigned" if rule.assigned_only
                                    else "")
    return who, unit_for(UNITS, rule.permission)


def transition_rows() -> list[str]:
    """The Markdown rows of the table, in the order of TRANSITIONS."""
    rows = []
    for (status, action), rule in TRANSITIONS.items():
        to = "unchanged" if rule.to is None else _status(rule.to)
        who, where = _who(action, rule)
        rows.append(f"| {_status(status)} | `{action.value}` | {to} | {who} | {where} |")
    return rows


def _documented_rows() -> list[str]:
    lines = DOC.read_text("utf-8").splitlines()
    start = lines.index(HEADER)
    assert lines[start + 1] == RULE
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


def test_the_page_lists_every_transition_as_the_code_has_it():
    documented = _documented_rows()
    assert len(documented) == len(set(documented))
    assert sorted(documented) == sorted(transition_rows())


def test_the_page_names_every_status_with_its_national_code():
    text = DOC.read_text("utf-8")
    for status in Status:
        code = NATIONAL_CODE[status]
        assert f"| `{status.value}` | {code if code else '—'} |" in text, status


def table() -> None:
    print("\n".join([HEADER, RULE, *transition_rows()]))


def test_every_service_the_docs_name_exists():
    from motcua.dossiers import (
        access,
        classification,
        codes,
        control_sheet,
        demo,
        files,
        lookup,
        notifications,
        selectors,
        steps,
    )
    from motcua.dossiers.services import intake, intake_common, processing, transition

    modules = (intake, processing, transition, intake_common, selectors, access, files,
               classification, codes, steps, control_sheet, notifications, demo, lookup)
    glossary = DOC.with_name("glossary.md").read_text("utf-8")
    dossiers = glossary[glossary.index("## Dossiers"):]
    text = DOC.read_text("utf-8") + dossiers[:dossiers.index("\n## ", 3)]  # that section only
    # Not functions: an API error code, a parameter, an inbox flag.
    other = {"dossier_changed", "dossier_id", "step_overdue"}
    named = set(re.findall(r"\b((?:dossier|step|control)_[a-z0-9_]+)\b", text)) - other
    assert "dossier_send_to_agency" in named
    missing = {name for name in named if not any(hasattr(m, name) for m in modules)}
    assert missing == set()
