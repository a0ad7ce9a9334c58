"""Dossier reads at scale (issue #3: each selector "runs a constant number of queries and is
indexed for 1,000,000 dossiers").

`run()` seeds a province of COMMUNES communes (through `unit_create`, so the path constraint
holds) with a desk officer, a leader and SPECIALISTS specialists each, the shipped catalog,
N // 4 citizens and N dossiers (BENCH_DOSSIERS, else 200,000 on PostgreSQL and 20,000 on
SQLite), spread over three years, the communes, statuses (~86 % finished, ~10 % open, each with
its current step, the rest waiting at the desk or drafts), officers and owners. Dossiers, steps
and citizens are raw inserts (COPY on PostgreSQL, executemany on SQLite) with explicit ids, not
the services: a benchmark needs volume, not history. Everything runs in one transaction rolled
back at the end, so the database is left as found (the deferred foreign keys are never even
checked). On PostgreSQL the tables are ANALYZEd after seeding, as autovacuum would have done.

Then each selector is timed REPEATS times, with a different officer, unit, citizen or code each
time, after a warm-up that also checks the ceiling returns the same rows and counts. The
ceiling is hand-written SQL doing the same work for the unit or person already known — the same
filters, ORDER BY and LIMIT, the same joined rows (`select_related`), the same counts — read as
tuples through a bare cursor. Selector and raw SQL alternate, so both see the same machine; the
medians are reported, ratio = selector / raw: what the access resolution (`units_where`), the
ORM's query building and the model instances cost on top of the database's own work. On stderr,
each selector's line also gives its number of queries and the time of its own SQL replayed
through a bare cursor, which separates a bad plan (its SQL is slow) from Python overhead.

* `dossiers.inbox_unit_ms` — a leader's unit inbox (scope "unit": process/assign/approve in its
  commune), target ≤ 50 ms; `dossiers.inbox_unit_vs_raw` its ratio, target ≤ 2;
* `dossiers.inbox_mine_ms`, `dossiers.desk_queue_ms`, `dossiers.citizen_list_ms`,
  `dossiers.lookup_ms` — a specialist's own inbox, a desk officer's queue of online dossiers,
  a citizen's dossiers (the whole list), the public look-up by code and 4 digits;
* `dossiers.<selector>_uses_index` — 1 when every query the selector runs on the dossier or
  step table reads that table through an index and never scans it whole. The plan lines are
  printed on stderr (EXPLAIN on PostgreSQL, EXPLAIN QUERY PLAN on SQLite), with a warning when
  a query scans the other big table whole (the step joined for its due instant).
"""

import os
import random
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import F, Max
from django.test.utils import CaptureQueriesContext

from motcua.accounts.models import StaffRole, User
from motcua.accounts.roles import Role
from motcua.agencies.levels import COMMUNE, PROVINCE
from motcua.agencies.models import AdministrativeLevel, Unit
from motcua.agencies.services import unit_create
from motcua.catalog.importer import DEFAULT_CATALOG_FILE, catalog_import
from motcua.catalog.models import Procedure, ProcedureVersion
from motcua.core.clock import local, now
from motcua.dossiers.lookup import dossier_lookup
from motcua.dossiers.models import Dossier, DossierStep
from motcua.dossiers.selectors import (
    PAGE_SIZE,
    dossier_desk_queue,
    dossier_inbox_for_officer,
    dossier_list_for_citizen,
    local_day_bounds,
)
from motcua.dossiers.statuses import NATIONAL_CODE, OPEN, Channel, Status

N_POSTGRES = 200_000
N_SQLITE = 20_000
COMMUNES = 30
SPECIALISTS = 3  # per commune, besides one desk officer and one leader
REPEATS = 30
WARM_UP = 3
BATCH = 5_000
SEED = 20260303
YEARS = 3
SAMPLE = 1_000  # dossiers remembered for their owner and code

INBOX_TARGET_MS = 50.0  # a page of 200 with its counts, at 200,000 dossiers on PostgreSQL
INBOX_RATIO_TARGET = 2.0
QUEUE_TARGET_MS = 50.0
CITIZEN_TARGET_MS = 20.0  # a handful of dossiers
LOOKUP_TARGET_MS = 10.0  # one row by its unique code, and its steps

# Weights of the statuses within "finished" (86 %) and "open" (10 %); see _Seeder.status.
FINISHED_STATUSES = ((Status.RETURNED, 80), (Status.RESULT_READY, 6), (Status.REFUSED, 5),
                     (Status.STOPPED, 9))
OPEN_STATUSES = ((Status.PROCESSING, 50), (Status.RECEIVED, 15), (Status.AWAITING_APPROVAL, 15),
                 (Status.SUPPLEMENT_REQUESTED, 10), (Status.OBLIGATION_REQUESTED, 5),
                 (Status.WITHDRAWAL_REQUESTED, 5))
# status → (position, step name, role, actor) of its current step; the handler holds the role.
CURRENT_STEP = {
    Status.RECEIVED: (1, "Tiếp nhận hồ sơ", Role.DESK_OFFICER, "desk"),
    Status.PROCESSING: (2, "Thẩm định hồ sơ", Role.SPECIALIST, "specialist"),
    Status.SUPPLEMENT_REQUESTED: (2, "Thẩm định hồ sơ", Role.SPECIALIST, "specialist"),
    Status.OBLIGATION_REQUESTED: (2, "Thẩm định hồ sơ", Role.SPECIALIST, "specialist"),
    Status.WITHDRAWAL_REQUESTED: (2, "Thẩm định hồ sơ", Role.SPECIALIST, "specialist"),
    Status.AWAITING_APPROVAL: (3, "Phê duyệt kết quả", Role.LEADER, "leader"),
}
SHARE = {1: 10, 2: 60, 3: 20}


@dataclass
class Commune:
    unit: Unit
    desk: User
    leader: User
    specialists: list[User]

    def staff_for(self, role: str, rng: random.Random) -> User:
        if role == Role.DESK_OFFICER:
            return self.desk
        if role == Role.LEADER:
            return self.leader
        return rng.choice(self.specialists)


@dataclass
class World:
    n: int
    at: datetime
    communes: list[Commune]
    owners: list[int] = field(default_factory=list)  # citizens who own dossiers (a sample)
    lookups: list[tuple[str, str]] = field(default_factory=list)  # (code, 4 digits)
    counts: Counter = field(default_factory=Counter)


# --- Seeding -----------------------------------------------------------------------------------


class _Table:
    """Raw inserts into a model's table with explicit ids: COPY on PostgreSQL, executemany on
    SQLite. Columns not given take the field's default, prepared for the database once."""

    def __init__(self, model):
        self.model = model
        self.fields = model._meta.concrete_fields
        self.defaults = {
            f.attname: None if f.primary_key else f.get_db_prep_save(f.get_default(), connection)
            for f in self.fields
        }

    def next_id(self) -> int:
        return (self.model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1

    def insert(self, rows: list[dict]) -> None:
        if not rows:
            return
        table = _q(self.model._meta.db_table)
        columns = ", ".join(_q(f.column) for f in self.fields)
        values = [[row.get(name, default) for name, default in self.defaults.items()]
                  for row in rows]
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for value in values:
                        copy.write_row(value)
            else:
                marks = ", ".join(["%s"] * len(self.fields))
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", values)

    def sequence_reset(self) -> None:
        """Explicit ids leave PostgreSQL's sequence behind; the application's inserts need it."""
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [self.model]):
                cursor.execute(sql)


def _pick(rng: random.Random, weighted) -> Status:
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights)[0]


def _communes() -> list[Commune]:
    """The province and its communes through the agencies service (the path constraint holds),
    their officers and roles in bulk."""
    levels = {lv.code: lv for lv in AdministrativeLevel.objects.filter(code__in=[PROVINCE,
                                                                               COMMUNE])}
    province = unit_create(code="B99.00.00.H99", name="Tỉnh Đo Tải", level=levels[PROVINCE])
    units = [
        unit_create(code=f"B99.01.{i:02d}.H99", name=f"Xã Đo Tải {i}", level=levels[COMMUNE],
                    parent=province, desk_name="Bộ phận Một cửa")
        for i in range(COMMUNES)
    ]
    roles = [Role.DESK_OFFICER, Role.LEADER] + [Role.SPECIALIST] * SPECIALISTS
    users = User.objects.bulk_create([
        User(username=f"bench-canbo-{u}-{r}", full_name=f"Cán Bộ Đo Tải {u}-{r}", password="!")
        for u in range(COMMUNES) for r in range(len(roles))
    ])
    StaffRole.objects.bulk_create([
        StaffRole(user=users[u * len(roles) + r], unit=units[u], role=role)
        for u in range(COMMUNES) for r, role in enumerate(roles)
    ])
    communes = []
    for u, unit in enumerate(units):
        people = users[u * len(roles):(u + 1) * len(roles)]
        communes.append(Commune(unit=unit, desk=people[0], leader=people[1],
                                specialists=people[2:]))
    return communes


def _citizens(count: int) -> list[int]:
    users = _Table(User)
    first = users.next_id()
    joined = _db_time(now())
    for begin in range(0, count, BATCH):
        users.insert([
            {"id": first + c, "username": f"bench-congdan-{c}", "password": "!",
             "full_name": f"Công Dân Đo Tải {c}", "date_joined": joined}
            for c in range(begin, min(begin + BATCH, count))
        ])
    users.sequence_reset()
    return list(range(first, first + count))


def _versions() -> list[int]:
    """The shipped catalog's current commune-level procedure versions."""
    if not Procedure.objects.exists():
        catalog_import(path=DEFAULT_CATALOG_FILE)
    current = ProcedureVersion.objects.filter(procedure__current_version=F("pk"))
    versions = list(current.filter(level__code=COMMUNE).values_list("pk", flat=True)) or list(
        current.values_list("pk", flat=True))
    if not versions:
        raise RuntimeError("the shipped catalog has no current procedure version")
    return versions


class _Seeder:
    """Builds dossier rows (and the current step of the open ones) as column dicts."""

    def __init__(self, world: World, rng: random.Random, versions: list[int],
                 citizens: list[int]):
        self.world, self.rng, self.versions, self.citizens = world, rng, versions, citizens
        self.codes: Counter = Counter()

    def code(self, unit: Unit, at: datetime) -> str:
        day = local(at).date()
        self.codes[unit.code, day] += 1
        return f"{unit.code}-{day:%y%m%d}-{self.codes[unit.code, day]:04d}"

    def status(self) -> Status:
        roll = self.rng.random()
        if roll < 0.01:
            return Status.DRAFT
        if roll < 0.015:
            return Status.COMPLETION_REQUESTED
        if roll < 0.04:
            return Status.SUBMITTED
        if roll < 0.14:
            return _pick(self.rng, OPEN_STATUSES)
        return _pick(self.rng, FINISHED_STATUSES)

    def dossier(self, i: int) -> dict:
        """Times as datetimes; the caller adapts them for the database."""
        rng, at = self.rng, self.world.at
        commune = rng.choice(self.world.communes)
        unit = commune.unit
        status = self.status()
        online = status in (Status.DRAFT, Status.SUBMITTED, Status.COMPLETION_REQUESTED) or (
            rng.random() < 0.35)
        channel = Channel.ONLINE if online else rng.choice((Channel.DIRECT, Channel.DIRECT,
                                                           Channel.POSTAL))
        d = {
            "procedure_version_id": rng.choice(self.versions), "receiving_unit_id": unit.pk,
            "competent_unit_id": unit.pk, "current_unit_id": unit.pk, "channel": int(channel),
            "status": status.value, "national_status": NATIONAL_CODE[status],
            "owner_id": rng.choice(self.citizens) if online or rng.random() < 0.3 else None,
            "applicant_name": f"Nguyễn Văn Đo Tải {i}", "applicant_id_number": f"0990{i:08d}",
            "applicant_phone": f"09{rng.randrange(10 ** 8):08d}",
            "applicant_address": "Ấp 1, xã Đo Tải", "summary": "Hồ sơ đo tải",
        }
        if status == Status.DRAFT:
            d["created_at"] = at - timedelta(minutes=rng.randrange(30 * 24 * 60))
            return d
        if status in (Status.SUBMITTED, Status.COMPLETION_REQUESTED):
            d["created_at"] = at - timedelta(minutes=rng.randrange(5 * 24 * 60))
            d["submitted_at"] = d["created_at"] + timedelta(minutes=rng.randrange(120))
            d["acceptance_due_at"] = d["submitted_at"] + timedelta(hours=rng.choice((8, 24, 72)))
            d["code"] = self.code(unit, d["submitted_at"])
            return d
        if status in OPEN:
            d["created_at"] = at - timedelta(minutes=rng.randrange(1, 60 * 24 * 60))
        else:  # finished: spread over the YEARS before the last two months
            span = (YEARS * 365 - 60) * 24 * 60
            d["created_at"] = at - timedelta(days=60, minutes=rng.randrange(span))
        if online:
            d["submitted_at"] = d["created_at"] + timedelta(minutes=rng.randrange(60))
            d["acceptance_due_at"] = d["submitted_at"] + timedelta(hours=8)
        start = (d.get("submitted_at") or d["created_at"]) + timedelta(
            minutes=rng.randrange(1, 600))
        d["code"] = self.code(unit, start)
        if status == Status.REFUSED:
            d["finished_at"] = start
            return d
        d["received_at"] = start
        d["due_at"] = d["appointment_at"] = start + timedelta(days=rng.randrange(1, 16),
                                                              minutes=rng.randrange(600))
        handler_role = CURRENT_STEP.get(status, (0, "", Role.SPECIALIST, ""))[2]
        d["handler_id"] = commune.staff_for(handler_role, rng).pk
        if status in OPEN:
            if status in (Status.SUPPLEMENT_REQUESTED, Status.OBLIGATION_REQUESTED):
                d["paused_at"] = min(at, start + timedelta(minutes=rng.randrange(1, 14400)))
            return d
        d["finished_at"] = start + timedelta(days=rng.randrange(1, 20))
        if status == Status.RETURNED:
            d["returned_at"] = d["finished_at"] + timedelta(days=rng.randrange(3))
        return d

    def step(self, d: dict) -> dict:
        position, name, role, actor = CURRENT_STEP[Status(d["status"])]
        span = d["due_at"] - d["received_at"]
        started = d["received_at"] + span * (SHARE.get(position - 1, 0) / 100)
        due = None if self.rng.random() < 0.05 else started + span * (SHARE[position] / 100)
        return {
            "dossier_id": d["id"], "position": position, "name": name, "role": role.value,
            "actor": actor, "unit_id": d["current_unit_id"], "share": SHARE[position],
            "started_at": started, "due_at": due, "handler_id": d["handler_id"],
        }


def _adapted(row: dict) -> dict:
    return {k: _db_time(v) if isinstance(v, datetime) else v for k, v in row.items()}


def seed(n: int, *, rng: random.Random | None = None) -> World:
    """Seed the province and `n` dossiers with their current steps; returns what to query."""
    rng = rng or random.Random(SEED)
    world = World(n=n, at=now(), communes=_communes())
    seeder = _Seeder(world, rng, _versions(), _citizens(max(n // 4, 10)))
    dossiers, steps = _Table(Dossier), _Table(DossierStep)
    dossier_id, step_id = dossiers.next_id(), steps.next_id()
    for begin in range(0, n, BATCH):
        batch, current = [], []
        for i in range(begin, min(begin + BATCH, n)):
            d = seeder.dossier(i)
            d["id"], dossier_id = dossier_id, dossier_id + 1
            if d["status"] in OPEN:
                # The step's id is known before it is written: the FK is checked at commit.
                step = seeder.step(d)
                step["id"] = d["current_step_id"] = step_id
                step_id += 1
                current.append(_adapted(step))
            batch.append(d)
            _remember(world, d, i)
        with transaction.atomic():  # the deferred foreign keys are checked at its end
            dossiers.insert([_adapted(d) for d in batch])
            steps.insert(current)
        world.counts.update(d["status"] for d in batch)
        world.counts["steps"] += len(current)
    dossiers.sequence_reset()
    steps.sequence_reset()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for model in (Dossier, DossierStep, User, StaffRole, Unit, ProcedureVersion,
                          Procedure):
                cursor.execute(f"ANALYZE {_q(model._meta.db_table)}")
    return world


def _remember(world: World, d: dict, i: int) -> None:
    """A sample of owners and codes to query, spread over the whole population."""
    if i % max(1, world.n // SAMPLE) == 0:
        if d["owner_id"] is not None:
            world.owners.append(d["owner_id"])
        if d.get("code"):
            world.lookups.append((d["code"], d["applicant_phone"][-4:]))


# --- The ceilings: the same work in hand-written SQL -------------------------------------------


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def _columns(model, alias: str) -> list[str]:
    return [f"{alias}.{_q(f.column)}" for f in model._meta.concrete_fields]


def _db_time(value: datetime):
    return connection.ops.adapt_datetimefield_value(value)


T = {m: _q(m._meta.db_table) for m in (Dossier, DossierStep, ProcedureVersion, Procedure, Unit,
                                       User)}
LIST_FROM = (
    f"FROM {T[Dossier]} d "
    f"JOIN {T[ProcedureVersion]} pv ON pv.id = d.procedure_version_id "
    f"JOIN {T[Procedure]} p ON p.id = pv.procedure_id "
    f"JOIN {T[Unit]} ru ON ru.id = d.receiving_unit_id "
    f"JOIN {T[Unit]} cu ON cu.id = d.current_unit_id "
    f"LEFT JOIN {T[DossierStep]} s ON s.id = d.current_step_id "
    f"LEFT JOIN {T[User]} h ON h.id = d.handler_id "
)
LIST_COLUMNS = ", ".join(
    _columns(Dossier, "d") + _columns(ProcedureVersion, "pv") + _columns(Procedure, "p")
    + _columns(Unit, "ru") + _columns(Unit, "cu") + _columns(DossierStep, "s")
    + _columns(User, "h")
)
OPEN_IN = ", ".join(["%s"] * len(OPEN))


def _flags(due: str, at: datetime) -> tuple[str, str, list]:
    """SQL for `overdue` and `due_today` on column `due` (as selectors._deadline_flags)."""
    _start, end = local_day_bounds(at)
    overdue = (f"((d.paused_at IS NOT NULL AND d.paused_at > d.{due}) "
               f"OR (d.paused_at IS NULL AND d.{due} < %s))")
    today = f"(d.paused_at IS NULL AND d.{due} >= %s AND d.{due} < %s)"
    return overdue, today, [_db_time(at), _db_time(at), _db_time(end)]


def _raw_queue(where: str, params: list, *, due: str, order: str, at: datetime,
               step_flag: bool = False) -> tuple[list, tuple]:
    """Counts over all matching dossiers, then the first page with its related rows."""
    overdue, today, flag_params = _flags(due, at)
    counts_sql = (
        f"SELECT COUNT(*), SUM(CASE WHEN {overdue} THEN 1 ELSE 0 END), "
        f"SUM(CASE WHEN {today} THEN 1 ELSE 0 END) FROM {T[Dossier]} d WHERE {where}"
    )
    step = ", CASE WHEN d.paused_at IS NULL AND s.due_at < %s THEN 1 ELSE 0 END" if step_flag \
        else ""
    page_sql = (
        f"SELECT {LIST_COLUMNS}, CASE WHEN {overdue} THEN 1 ELSE 0 END, "
        f"CASE WHEN {today} THEN 1 ELSE 0 END{step} {LIST_FROM} WHERE {where} "
        f"ORDER BY {order} LIMIT {PAGE_SIZE}"
    )
    page_params = flag_params + ([_db_time(at)] if step_flag else []) + params
    with connection.cursor() as cursor:
        cursor.execute(counts_sql, flag_params + params)
        counts = cursor.fetchone()
        cursor.execute(page_sql, page_params)
        return cursor.fetchall(), counts


def raw_inbox_unit(unit_id: int, at: datetime):
    return _raw_queue(
        f"d.current_unit_id = %s AND d.status IN ({OPEN_IN})", [unit_id, *sorted(OPEN)],
        due="due_at", at=at, step_flag=True,
        order="s.due_at ASC NULLS LAST, d.due_at ASC NULLS LAST, d.id ASC",
    )


def raw_inbox_mine(handler_id: int, at: datetime):
    return _raw_queue(
        f"d.handler_id = %s AND d.status IN ({OPEN_IN})", [handler_id, *sorted(OPEN)],
        due="due_at", at=at, step_flag=True,
        order="s.due_at ASC NULLS LAST, d.due_at ASC NULLS LAST, d.id ASC",
    )


def raw_desk_queue(unit_id: int, at: datetime):
    return _raw_queue(
        "d.receiving_unit_id = %s AND d.status = %s", [unit_id, Status.SUBMITTED.value],
        due="acceptance_due_at", at=at, order="d.acceptance_due_at ASC NULLS LAST, d.id ASC",
    )


def raw_citizen(owner_id: int) -> list:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {LIST_COLUMNS} {LIST_FROM} WHERE d.owner_id = %s "
                       f"ORDER BY d.created_at DESC, d.id DESC", [owner_id])
        return cursor.fetchall()


LOOKUP_SQL = (
    f"SELECT {', '.join(_columns(Dossier, 'd') + _columns(ProcedureVersion, 'pv')
                        + _columns(Unit, 'ru'))} "
    f"FROM {T[Dossier]} d JOIN {T[ProcedureVersion]} pv ON pv.id = d.procedure_version_id "
    f"JOIN {T[Unit]} ru ON ru.id = d.receiving_unit_id "
    f"WHERE d.code = %s AND NOT (d.status = %s) ORDER BY d.id ASC LIMIT 1"
)
STEPS_SQL = (f"SELECT {', '.join(_columns(DossierStep, 's'))} FROM {T[DossierStep]} s "
             f"WHERE s.dossier_id = %s ORDER BY s.position ASC")


def raw_lookup(code: str) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(LOOKUP_SQL, [code, Status.DRAFT.value])
        row = cursor.fetchone()
        cursor.execute(STEPS_SQL, [row[0]])
        return row, cursor.fetchall()


# --- Measuring ---------------------------------------------------------------------------------


@dataclass
class Case:
    name: str
    selector: object  # (i) -> result
    raw: object  # (i) -> result
    target: float


def _cases(world: World) -> list[Case]:
    at, communes = world.at, world.communes
    pick = lambda seq, i: seq[i % len(seq)]  # noqa: E731 - a one-liner used five times
    rng = random.Random(SEED + 1)
    owners = rng.sample(world.owners, min(len(world.owners), REPEATS + WARM_UP))
    lookups = rng.sample(world.lookups, min(len(world.lookups), REPEATS + WARM_UP))
    mine = [rng.choice(c.specialists) for c in communes]
    return [
        Case("inbox_unit",
             lambda i: dossier_inbox_for_officer(officer=pick(communes, i).leader, scope="unit",
                                                 at=at),
             lambda i: raw_inbox_unit(pick(communes, i).unit.pk, at), INBOX_TARGET_MS),
        Case("inbox_mine",
             lambda i: dossier_inbox_for_officer(officer=pick(mine, i), scope="mine", at=at),
             lambda i: raw_inbox_mine(pick(mine, i).pk, at), INBOX_TARGET_MS),
        Case("desk_queue",
             lambda i: dossier_desk_queue(officer=pick(communes, i).desk, at=at),
             lambda i: raw_desk_queue(pick(communes, i).unit.pk, at), QUEUE_TARGET_MS),
        Case("citizen_list",
             lambda i: list(dossier_list_for_citizen(citizen=User(pk=pick(owners, i)))),
             lambda i: raw_citizen(pick(owners, i)), CITIZEN_TARGET_MS),
        Case("lookup",
             lambda i: dossier_lookup(code=pick(lookups, i)[0], digits=pick(lookups, i)[1]),
             lambda i: raw_lookup(pick(lookups, i)[0]), LOOKUP_TARGET_MS),
    ]


def _same_work(case: Case, i: int) -> None:
    """The ceiling must return what the selector returns, or the ratio means nothing."""
    got, raw = case.selector(i), case.raw(i)
    if case.name == "lookup":
        ok = got is not None and got.code == raw[0][Dossier._meta.concrete_fields.index(
            Dossier._meta.get_field("code"))] and len(got.steps) == len(raw[1])
    elif case.name == "citizen_list":
        ok = [d.pk for d in got] == [row[0] for row in raw]
    else:
        rows, counts = raw
        ok = ([d.pk for d in got.dossiers] == [row[0] for row in rows]
              and (got.total, got.overdue, got.due_today) == tuple(int(c or 0) for c in counts))
    if not ok:
        raise AssertionError(f"{case.name}: the raw SQL ceiling does not return the same rows")


def _timed(fn, i: int) -> float:
    began = time.perf_counter()
    fn(i)
    return (time.perf_counter() - began) * 1000


def measure(case: Case, repeats: int) -> tuple[float, float]:
    """Median ms of the selector and of its raw SQL, alternating, after a warm-up."""
    for i in range(WARM_UP):
        _same_work(case, i)
    selector, raw = [], []
    for i in range(WARM_UP, WARM_UP + repeats):
        selector.append(_timed(case.selector, i))
        raw.append(_timed(case.raw, i))
    return statistics.median(selector), statistics.median(raw)


# --- Plans -------------------------------------------------------------------------------------

DOSSIER_TABLE, STEP_TABLE = Dossier._meta.db_table, DossierStep._meta.db_table
BIG_TABLES = (DOSSIER_TABLE, STEP_TABLE)  # the ones that grow with the dossiers


def captured_sql(case: Case) -> list[str]:
    """The SQL of every query one call of the selector runs, parameters inlined."""
    with CaptureQueriesContext(connection) as captured:
        case.selector(WARM_UP)
    return [query["sql"] for query in captured.captured_queries]


def replay_ms(sqls: list[str], repeats: int = 5) -> float:
    """Median ms of the selector's own SQL through a bare cursor: the database's share of it
    (the rest of the selector's time is Python: building queries and model instances)."""
    times = []
    with connection.cursor() as cursor:
        for _ in range(repeats):
            began = time.perf_counter()
            for sql in sqls:
                cursor.execute(sql)
                cursor.fetchall()
            times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def _main_table(sql: str) -> str | None:
    match = re.search(r'\bFROM "?(\w+)"?', sql)
    return match.group(1) if match else None


def _index_names(table: str) -> set[str]:
    """PostgreSQL only (SQLite's introspection trips over the dossier table's `case` column,
    and SQLite's plans name the table anyway)."""
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, table))


def _explain(sql: str, table: str) -> tuple[list[str], bool, list[str]]:
    """The plan's lines, whether `table` is read through an index and not scanned whole, and
    which of the big tables are scanned whole."""
    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute(("EXPLAIN " if postgres else "EXPLAIN QUERY PLAN ") + sql)
        lines = [row[0] if postgres else row[-1] for row in cursor.fetchall()]
    if postgres:
        names = _index_names(table)
        by_index = any(
            re.search(rf"Index (Only )?Scan using \S+ on {table}\b", line)
            or any(f"Bitmap Index Scan on {name}" in line for name in names) for line in lines
        )
        scanned = [t for t in BIG_TABLES if any(f"Seq Scan on {t} " in line + " "
                                                for line in lines)]
    else:
        by_index = any(line.startswith(f"SEARCH {table} ") for line in lines)
        scanned = [t for t in BIG_TABLES if any((line + " ").startswith(f"SCAN {t} ")
                                                for line in lines)]
    return lines, by_index and table not in scanned, scanned


def plans(case: Case, sqls: list[str]) -> bool:
    """Print the plan lines of each query the selector runs on the dossier or step table, and
    say whether every one reads its table through an index (the figure). A whole scan of the
    other big table (the step joined for its due instant) is reported as a warning."""
    postgres = connection.vendor == "postgresql"
    names = _index_names(DOSSIER_TABLE) | _index_names(STEP_TABLE) if postgres else set()
    ok = True
    for n, sql in enumerate(sqls, 1):
        table = _main_table(sql)
        if table not in BIG_TABLES:
            continue  # access resolution: roles and units, small tables
        lines, indexed, scanned = _explain(sql, table)
        ok &= indexed
        others = [t for t in scanned if t != table]
        print(f"  plan {case.name} query {n}/{len(sqls)} on {table}: "
              f"{'index' if indexed else 'NO INDEX'}"
              + (f"; WARNING whole scan of {', '.join(others)}" if others else ""),
              file=sys.stderr)
        for k, line in enumerate(lines):
            # PostgreSQL's plans are long: only the nodes that read a big table or its indexes.
            node = k == 0 or line.lstrip().startswith("->")
            words = set(re.findall(r"[\w.]+", line))
            if not postgres or (node and words & (set(BIG_TABLES) | names)):
                print(f"      {line.strip()}", file=sys.stderr)
    return ok


# --- The figures -------------------------------------------------------------------------------


def default_n() -> int:
    if os.environ.get("BENCH_DOSSIERS"):
        return int(os.environ["BENCH_DOSSIERS"])
    return N_POSTGRES if connection.vendor == "postgresql" else N_SQLITE


class _Rollback(Exception):
    pass


def run(n: int | None = None, repeats: int = REPEATS) -> list[dict]:
    n = n or default_n()
    rows: list[dict] = []
    try:
        with transaction.atomic():
            rows = _run(n, repeats)
            raise _Rollback  # leave the database as found, for the benchmarks that follow
    except _Rollback:
        pass
    return rows


def _run(n: int, repeats: int) -> list[dict]:
    began = time.perf_counter()
    world = seed(n)
    seconds = time.perf_counter() - began
    print(f"  seeded {n:,} dossiers ({world.counts['steps']:,} open with a step) on "
          f"{connection.vendor} in {seconds:.1f} s: "
          + ", ".join(f"{k} {v:,}" for k, v in world.counts.most_common() if k != "steps"),
          file=sys.stderr)
    rows = [_row("dossiers.seeded", n, "dossiers", None, None, None),
            _row("dossiers.seed_seconds", round(seconds, 1), "s", None, None, None, lower=True)]
    indexed = []
    for case in _cases(world):
        selector_ms, raw_ms = measure(case, repeats)
        sqls = captured_sql(case)
        ok = plans(case, sqls)
        print(f"  {case.name}: selector {selector_ms:.2f} ms ({len(sqls)} queries, their SQL "
              f"alone {replay_ms(sqls):.2f} ms), raw SQL {raw_ms:.2f} ms", file=sys.stderr)
        ratio = selector_ms / raw_ms
        rows.append(_row(f"dossiers.{case.name}_ms", round(selector_ms, 3), "ms", case.target,
                         round(raw_ms, 3), round(ratio, 3), lower=True))
        if case.name == "inbox_unit":
            # value = ratio = selector / raw SQL; the ceiling is the raw SQL's ms.
            rows.append(_row("dossiers.inbox_unit_vs_raw", round(ratio, 3), "×",
                             INBOX_RATIO_TARGET, round(raw_ms, 3), round(ratio, 3), lower=True))
        indexed.append(_row(f"dossiers.{case.name}_uses_index", int(ok), "1/0", 1, None, None))
    return rows + indexed


def _row(name, value, unit, target, ceiling, ratio, *, lower: bool = False) -> dict:
    row = {"name": name, "value": value, "unit": unit, "target": target, "ceiling": ceiling,
           "ratio": ratio}
    if lower:
        row["better"] = "lower"
    return row
