"""The public look-up by dossier code and 4 digits (DOMAIN.md §1.2 "Publicity"): the busiest
read of the site (issue #8, docs/performance.md), so it reads in one round trip.

One SQL statement reads the dossier's 15 columns and, in a correlated subquery, its steps as
one JSON array: the ORM's two queries (the dossier, then its steps) cost more to compile than
to run, which was most of the request's CPU. The statement is built once per database vendor
from the models' table and column names, so a renamed column follows; JSON aggregation is the
one thing PostgreSQL (`json_agg`) and SQLite (`json_group_array`, which has no ORDER BY before
3.44) spell differently, so each step carries its position and Python orders them.
"""

import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connection

from motcua.agencies.models import Unit
from motcua.catalog.models import ProcedureVersion
from motcua.dossiers.models import Dossier, DossierStep
from motcua.dossiers.statuses import Status

LOOKUP_DIGITS = 4


@dataclass(frozen=True, slots=True)
class LookupStep:
    name: str
    started_at: datetime | None
    due_at: datetime | None
    finished_at: datetime | None


@dataclass(frozen=True, slots=True)
class LookupResult:
    """What anyone holding the code and 4 digits may read: no personal data (Law 91/2025)."""

    code: str
    procedure: str
    receiving_unit: str
    channel: int
    status: str
    status_label: str
    national_status: int | None
    submitted_at: datetime | None
    received_at: datetime | None
    due_at: datetime | None
    appointment_at: datetime | None
    finished_at: datetime | None
    returned_at: datetime | None
    steps: list[LookupStep]


def _digits_match(phone: str, id_number: str, digits: str) -> bool:
    # Compare both numbers in constant time, whichever matches, so timing tells nothing.
    phone = "".join(c for c in phone if c.isdigit())[-LOOKUP_DIGITS:]
    id_number = id_number[-LOOKUP_DIGITS:]
    by_phone = len(phone) == LOOKUP_DIGITS and hmac.compare_digest(phone, digits)
    by_id = len(id_number) == LOOKUP_DIGITS and hmac.compare_digest(id_number, digits)
    return by_phone | by_id


# The dossier's columns the answer needs, in the order of LookupResult's fields after code…
# status; the two secrets the digits are checked against come last and never leave this module.
_DOSSIER_COLUMNS = ("code", "channel", "status", "national_status", "submitted_at",
                    "received_at", "due_at", "appointment_at", "finished_at", "returned_at",
                    "applicant_phone", "applicant_id_number")
_STEP_COLUMNS = ("position", "name", "started_at", "due_at", "finished_at")
_STEPS_JSON = {
    # Ordered in SQL too, so Python's sort finds them in order.
    "postgresql": "json_agg(json_build_array({columns}) ORDER BY {position})",
    "sqlite": "json_group_array(json_array({columns}))",
}
_statements: dict[str, str] = {}


def _statement() -> str:
    vendor = connection.vendor
    if vendor not in _statements:
        _statements[vendor] = _build_statement(vendor)
    return _statements[vendor]


def _build_statement(vendor: str) -> str:
    q = connection.ops.quote_name
    d, s = Dossier._meta, DossierStep._meta

    def column(meta, name: str) -> str:
        return q(meta.get_field(name).column)

    steps_json = _STEPS_JSON.get(vendor)
    if steps_json is None:
        raise NotImplementedError(f"the look-up's statement has no JSON aggregate for {vendor}")
    steps_json = steps_json.format(
        columns=", ".join(f"s.{column(s, name)}" for name in _STEP_COLUMNS),
        position=f"s.{column(s, 'position')}")
    # Both foreign keys are NOT NULL: inner joins, as the ORM's .values() made them.
    return (
        f"SELECT {', '.join(f'd.{column(d, name)}' for name in _DOSSIER_COLUMNS)}, "
        f"v.{column(ProcedureVersion._meta, 'name')}, u.{column(Unit._meta, 'name')}, "
        f"(SELECT {steps_json} FROM {q(s.db_table)} s "
        f"WHERE s.{column(s, 'dossier')} = d.{column(d, 'id')}) "
        f"FROM {q(d.db_table)} d "
        f"INNER JOIN {q(ProcedureVersion._meta.db_table)} v "
        f"ON v.{column(ProcedureVersion._meta, 'id')} = d.{column(d, 'procedure_version')} "
        f"INNER JOIN {q(Unit._meta.db_table)} u "
        f"ON u.{column(Unit._meta, 'id')} = d.{column(d, 'receiving_unit')} "
        # The code is unique: no ORDER BY needed for the one row.
        f"WHERE d.{column(d, 'code')} = %s AND NOT (d.{column(d, 'status')} = %s)"
    )


def _instant(value) -> datetime | None:
    """An aware datetime, as the ORM gives with USE_TZ: PostgreSQL's driver gives aware
    datetimes, JSON gives ISO text with an offset (PostgreSQL) or without (SQLite, in UTC)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def dossier_lookup(*, code: str, digits: str) -> LookupResult | None:
    """The public look-up by dossier code and the last 4 digits of the applicant's phone or
    ID number (DOMAIN.md §1.2 "Publicity"). None for an unknown code, a draft, or wrong digits
    alike: the answer never reveals whether a code exists. One query, found or not."""
    digits = digits.strip()
    if len(digits) != LOOKUP_DIGITS or not digits.isdigit():
        return None
    with connection.cursor() as cursor:
        cursor.execute(_statement(), [code.strip(), Status.DRAFT.value])
        row = cursor.fetchone()
    if row is None:
        return None
    (found_code, channel, status, national_status, submitted_at, received_at, due_at,
     appointment_at, finished_at, returned_at, phone, id_number, procedure, receiving_unit,
     steps) = row
    if not _digits_match(phone, id_number, digits):
        return None
    if isinstance(steps, str):  # SQLite's JSON is text; psycopg decodes PostgreSQL's json
        steps = json.loads(steps)
    steps = sorted(steps or (), key=lambda step: step[0])
    return LookupResult(
        code=found_code, procedure=procedure, receiving_unit=receiving_unit, channel=channel,
        status=status, status_label=str(Status(status).label), national_status=national_status,
        submitted_at=_instant(submitted_at), received_at=_instant(received_at),
        due_at=_instant(due_at), appointment_at=_instant(appointment_at),
        finished_at=_instant(finished_at), returned_at=_instant(returned_at),
        steps=[LookupStep(name, _instant(started), _instant(due), _instant(finished))
               for _, name, started, due, finished in steps],
    )
