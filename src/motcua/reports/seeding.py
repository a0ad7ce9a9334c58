"""`motcua seed --dossiers N`: a realistic history of N sample dossiers, fast.

A sample province (`S42.00.00.H99`, `Unit.is_sample`) with a provincial department and
COMMUNES communes, the shipped catalog, and N dossiers received over the past `years`: every
channel the procedure offers, pauses for supplements, finished early / on time / late, stopped,
returned (some by post), some still in progress, apologies for some late ones, ratings for a
quarter of the returned ones. Each dossier has its processing step, its events (receipt, pauses,
result or stop, return) and its pause rows, and `form_data = {"sample": true}`.

Due instants come from the working calendar (`motcua.workcal.engine`, the national calendar)
and pauses move them like `dossier_supplement` does (`resume_after_pause`), so the period
classification counts seeded dossiers as it counts real ones. Codes are
`{unit}-{YYMMDD}-{NNNN}` continuing each unit's `DailySequence` of the day, whose rows are
raised to the last number used, so later receipts never repeat a code.

Rows are written in bulk, not through the services (the services write one history at a time;
this is sample volume): PostgreSQL COPY (psycopg `cursor.copy`), `bulk_create` on SQLite, in
batches, with explicit ids. Rollups are refreshed for the seeded units at the end.
"""

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import F, Max

from motcua.agencies.levels import COMMUNE, PROVINCE
from motcua.agencies.models import AdministrativeLevel, Unit
from motcua.agencies.services import unit_create
from motcua.catalog.importer import DEFAULT_CATALOG_FILE, catalog_import
from motcua.catalog.models import Procedure, ProcedureVersion
from motcua.core.clock import VIETNAM, local, now
from motcua.dossiers.models import (
    DailySequence,
    Delivery,
    Dossier,
    DossierEvent,
    DossierPause,
    DossierStep,
)
from motcua.dossiers.statuses import NATIONAL_CODE, Action, Channel, Status
from motcua.payments.models import Payment, PaymentStatus
from motcua.ratings.models import Rating, Satisfaction
from motcua.reports.rollups import months_between, rollup_refresh
from motcua.workcal.engine import Duration, due_at, parse_duration, resume_after_pause
from motcua.workcal.selectors import calendar_for_unit

PROVINCE_CODE = "S42.00.00.H99"
COMMUNES = 30
BATCH = 20_000
DAY_US = 8 * 3_600_000_000
SAMPLE = '{"sample": true}'
OPEN_WITHIN_DAYS = 45  # a dossier left unsettled is a recent one, not one from years ago
# Share of fee-bearing online dossiers whose fee was paid through the online gateway.
ONLINE_PAYERS = 0.6


@dataclass
class SeedResult:
    dossiers: int = 0
    counts: Counter = field(default_factory=Counter)
    units: list[int] = field(default_factory=list)
    first: date | None = None


@dataclass
class _Place:
    unit: Unit
    versions: list[tuple[int, Duration | None, bool, bool]]  # id, limit, online, postal


def seed_dossiers(*, n: int, years: int = 3, seed: int = 42,
                  progress: Callable[[str], None] = lambda _m: None) -> SeedResult:
    rng = random.Random(seed)
    places = _places()
    calendar = calendar_for_unit(unit=None)
    at = now()
    first = (local(at) - timedelta(days=365 * years)).date()
    maker = _Maker(rng=rng, calendar=calendar, at=at, first=first, places=places,
                   payer_id=_sample_payer().pk)
    tables = {m: _Table(m)
              for m in (Dossier, DossierStep, DossierEvent, DossierPause, Rating, Payment)}
    result = SeedResult(units=[p.unit.pk for p in places], first=first)
    for begin in range(0, n, BATCH):
        rows = {m: [] for m in tables}
        for _ in range(begin, min(begin + BATCH, n)):
            maker.dossier(rows, tables)
        with transaction.atomic():
            for model, table in tables.items():
                table.insert(rows[model])
        result.dossiers += len(rows[Dossier])
        progress(f"{result.dossiers} / {n}")
    for table in tables.values():
        table.sequence_reset()
    _sequences(maker.codes)
    result.counts = maker.counts
    _analyze()
    progress("rollups")
    rollup_refresh(unit_ids=result.units, months=months_between(first, local(at).date()))
    return result


def _sample_payer():
    """The one sample citizen who pays the seeded online fees."""
    from motcua.accounts.models import User

    payer, _created = User.objects.get_or_create(
        username="mau.nguoinop", defaults={"full_name": "Người nộp mẫu", "is_sample": True})
    return payer


def _places() -> list[_Place]:
    if not Procedure.objects.exists():
        catalog_import(path=DEFAULT_CATALOG_FILE)
    levels = {lv.code: lv for lv in AdministrativeLevel.objects.filter(
        code__in=[PROVINCE, COMMUNE])}
    province = Unit.objects.filter(code=PROVINCE_CODE).first() or unit_create(
        code=PROVINCE_CODE, name="Tỉnh Mẫu (dữ liệu mẫu)", level=levels[PROVINCE],
        is_sample=True)
    units = [_unit("S42.00.01.H99", "Sở Tư pháp tỉnh Mẫu", levels[PROVINCE], province,
                   Unit.Kind.AGENCY)]
    units += [_unit(f"S42.01.{i:02d}.H99", f"UBND xã Mẫu {i + 1}", levels[COMMUNE], province,
                    Unit.Kind.COMMITTEE) for i in range(COMMUNES)]
    versions = _versions()
    return [_Place(u, versions.get(u.level_id) or versions[next(iter(versions))])
            for u in units]


def _unit(code, name, level, parent, kind) -> Unit:
    return Unit.objects.filter(code=code).first() or unit_create(
        code=code, name=name, level=level, parent=parent, kind=kind, is_sample=True,
        desk_name="Bộ phận Một cửa")


def _versions() -> dict[int, list]:
    current = (ProcedureVersion.objects.filter(procedure__current_version=F("pk"))
               .prefetch_related("stages"))
    found: dict[int, list] = {}
    for v in current:
        spec = v.duration_spec()
        limit = parse_duration(spec) if spec else None
        found.setdefault(v.level_id, []).append((v.pk, limit, v.channel_online, v.channel_postal))
    if not found:
        raise RuntimeError("the catalog has no current procedure version")
    return found


class _Maker:
    """Builds one dossier's rows (as field dicts) at a time."""

    def __init__(self, *, rng, calendar, at, first, places, payer_id):
        self.rng, self.calendar, self.at, self.places = rng, calendar, at, places
        self.payer_id = payer_id
        self.start = datetime.combine(first, time(), tzinfo=VIETNAM)
        self.span_days = (local(at).date() - first).days
        self.codes: Counter = Counter(_existing_sequences([p.unit.pk for p in places]))
        self.counts: Counter = Counter()

    def received(self) -> datetime:
        day = self.start + timedelta(days=self.rng.randrange(self.span_days))
        while day.weekday() >= 5:
            day -= timedelta(days=2)
        moment = day + timedelta(minutes=self.rng.randrange(7 * 60 + 30, 16 * 60 + 30))
        return min(moment, self.at - timedelta(hours=1))

    def dossier(self, rows: dict, tables: dict) -> None:
        rng = self.rng
        place = rng.choice(self.places)
        version, limit, online_ok, postal_ok = rng.choice(place.versions)
        received = self.received()
        roll = rng.random()
        channel = (Channel.ONLINE if online_ok and roll < 0.4
                   else Channel.POSTAL if postal_ok and roll > 0.95 else Channel.DIRECT)
        due = due_at(self.calendar, received=received, duration=limit) if limit else None
        d = self._base(tables[Dossier].take(), place.unit, version, channel, received, due)
        rows[Dossier].append(d)
        events = [self._event(d, received, Action.ACCEPT if channel == Channel.ONLINE else (
            Action.RECEIVE_POSTAL if channel == Channel.POSTAL else Action.RECEIVE),
            Status.SUBMITTED if channel == Channel.ONLINE else "", Status.RECEIVED)]
        step = {"id": tables[DossierStep].take(), "dossier_id": d["id"], "position": 1,
                "name": "Thẩm định, giải quyết hồ sơ", "role": "specialist",
                "actor": "specialist", "unit_id": place.unit.pk, "share": 100,
                "started_at": received, "due_at": due}
        rows[DossierStep].append(step)
        self._history(d, step, rows, tables, events)
        rows[DossierEvent] += [dict(e, id=tables[DossierEvent].take()) for e in events]
        d["version"] = len(events)
        d["national_status"] = NATIONAL_CODE[Status(d["status"])]
        self.counts[d["status"]] += 1

    def _base(self, pk, unit, version, channel, received, due) -> dict:
        day = local(received).date()
        self.codes[unit.pk, day] += 1
        fee = self.rng.choice((0, 0, 0, 10_000, 20_000, 50_000))
        d = {"id": pk, "code": f"{unit.code}-{day:%y%m%d}-{self.codes[unit.pk, day]:04d}",
             "procedure_version_id": version, "receiving_unit_id": unit.pk,
             "competent_unit_id": unit.pk, "current_unit_id": unit.pk, "channel": int(channel),
             "applicant_name": "Người dân mẫu", "summary": "Hồ sơ mẫu", "form_data": SAMPLE,
             "fee_due": fee, "created_at": received, "received_at": received,
             "due_at": due, "appointment_at": due, "status": Status.PROCESSING}
        if channel == Channel.ONLINE:
            d["submitted_at"] = d["created_at"] = received - timedelta(
                minutes=self.rng.randrange(5, 600))
        return d

    def _history(self, d, step, rows, tables, events) -> None:
        rng, received, due = self.rng, d["received_at"], d["due_at"]
        length = (due - received) if due else timedelta(days=5)
        age = self.at - received
        roll = rng.random()
        # Outcome: early 72 %, on time 12 %, late 10 %, stopped 3 %, else still open if recent.
        if roll < 0.72:
            finished = received + length * rng.uniform(0.05, 0.8)
        elif roll < 0.84:
            finished = due if due else received + length
        elif roll < 0.94:
            finished = received + length + timedelta(hours=rng.randrange(2, 240))
        elif roll < 0.97:
            finished = received + length * rng.uniform(0.1, 0.9)
            d["status"] = Status.STOPPED
        elif age > timedelta(days=OPEN_WITHIN_DAYS):
            finished = received + length * rng.uniform(0.05, 0.8)  # old ones are all settled
        else:
            finished = None
        if finished is not None and finished >= self.at:
            finished, d["status"] = None, Status.PROCESSING
        end = finished or self.at
        if rng.random() < 0.1 and (end - received) > timedelta(hours=4):
            self._pause(d, step, rows, tables, events, received, end, finished is None)
        if finished is None:
            d["current_step_id"] = step["id"]
            return
        if d["status"] != Status.STOPPED and d["due_at"] and finished > d["due_at"] and (
                rng.random() < 0.6):
            d["reschedules"] = 1  # an apology with a new appointment (Mẫu 04)
        self._finish(d, step, rows, tables, events, finished, age)

    def _pause(self, d, step, rows, tables, events, received, end, stays_open) -> None:
        rng = self.rng
        started = received + (end - received) * rng.uniform(0.1, 0.5)
        resumed = None if stays_open and rng.random() < 0.5 else min(
            started + timedelta(hours=rng.randrange(4, 120)), end - timedelta(minutes=1))
        pause = {"id": tables[DossierPause].take(), "dossier_id": d["id"],
                 "kind": DossierPause.Kind.SUPPLEMENT, "reason": "Bổ sung giấy tờ (mẫu)",
                 "started_at": started, "ended_at": resumed, "due_before": d["due_at"]}
        d["supplement_requests"] = 1 + (rng.random() < 0.08)
        events.append(self._event(d, started, Action.REQUEST_SUPPLEMENT, Status.PROCESSING,
                                  Status.SUPPLEMENT_REQUESTED))
        if resumed is None or resumed <= started:
            d["paused_at"], d["status"] = started, Status.SUPPLEMENT_REQUESTED
            pause["ended_at"] = None
        else:
            if d["due_at"]:
                d["due_at"] = d["appointment_at"] = step["due_at"] = resume_after_pause(
                    self.calendar, due=d["due_at"], paused_at=started, resumed_at=resumed)
            pause["due_after"] = d["due_at"]
            events.append(self._event(d, resumed, Action.SUPPLEMENT, Status.SUPPLEMENT_REQUESTED,
                                      Status.PROCESSING))
        rows[DossierPause].append(pause)

    def _finish(self, d, step, rows, tables, events, finished, age) -> None:
        rng = self.rng
        d["finished_at"] = step["finished_at"] = finished
        if d["status"] == Status.STOPPED:
            events.append(self._event(d, finished, Action.STOP, Status.PROCESSING,
                                      Status.STOPPED))
            return
        d["status"], d["fee_paid"] = Status.RESULT_READY, d["fee_due"]
        if d["fee_due"] and d["channel"] == Channel.ONLINE and rng.random() < ONLINE_PAYERS:
            rows[Payment].append(self._payment(tables[Payment].take(), d))
        events.append(self._event(d, finished, Action.APPROVE, Status.AWAITING_APPROVAL,
                                  Status.RESULT_READY))
        returned = finished + timedelta(hours=rng.randrange(1, 72))
        if returned >= self.at:
            return
        d["status"], d["returned_at"] = Status.RETURNED, returned
        if rng.random() < 0.05:
            d["delivery"], d["delivery_address"] = Delivery.POST, "Địa chỉ mẫu"
        events.append(self._event(d, returned, Action.RETURN_RESULT, Status.RESULT_READY,
                                  Status.RETURNED))
        rated = returned + timedelta(hours=rng.randrange(1, 48))
        if rng.random() < 0.25 and rated < self.at:
            rows[Rating].append(self._rating(tables[Rating].take(), d, rated))

    def _payment(self, pk, d) -> dict:
        """Paid online through the gateway a few minutes after acceptance (indicator 3.6)."""
        started = d["received_at"] + timedelta(minutes=self.rng.randrange(5, 120))
        return {"id": pk, "dossier_id": d["id"], "payer_id": self.payer_id,
                "amount": d["fee_due"], "reference": f"MAU{pk:012d}", "status": PaymentStatus.PAID,
                "gateway_transaction_no": f"{pk:08d}", "bank_code": "NCB", "response_code": "00",
                "created_at": started, "expires_at": started + timedelta(minutes=15),
                "paid_at": started + timedelta(minutes=2), "last_response": "{}"}

    def _rating(self, pk, d, at) -> dict:
        scores = [self.rng.choice((1, 2, 2, 2)) for _ in range(9)]
        total = sum(scores)
        level = (Satisfaction.VERY_SATISFIED if total >= 17 else
                 Satisfaction.SATISFIED if total >= 12 else Satisfaction.UNSATISFIED)
        row = {"id": pk, "dossier_id": d["id"], "unit_id": d["receiving_unit_id"],
               "submitted_at": at, "total": total, "satisfaction": level}
        row.update({f"c{i + 1}": s for i, s in enumerate(scores)})
        return row

    def _event(self, d, at, action, before, after) -> dict:
        return {"dossier_id": d["id"], "at": at, "unit_id": d["competent_unit_id"],
                "actor_role": "sample", "action": action, "from_status": before,
                "to_status": after, "data": "{}"}


class _Table:
    """Bulk inserts with explicit ids: COPY on PostgreSQL, bulk_create elsewhere."""

    def __init__(self, model):
        self.model = model
        self.fields = model._meta.concrete_fields
        self.last = model.objects.aggregate(m=Max("pk"))["m"] or 0
        self.defaults = {f.attname: f.get_default() for f in self.fields}
        for f in self.fields:
            if f.get_internal_type() == "JSONField":
                self.defaults[f.attname] = "{}"

    def take(self) -> int:
        self.last += 1
        return self.last

    def insert(self, rows: list[dict]) -> None:
        if not rows:
            return
        if connection.vendor != "postgresql":
            objects = [self.model(**_python_json(row)) for row in rows]
            self.model.objects.bulk_create(objects, batch_size=500)
            return
        names = list(self.defaults)
        table = connection.ops.quote_name(self.model._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(f.column) for f in self.fields)
        with connection.cursor() as cursor, cursor.copy(
                f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([row.get(name, self.defaults[name]) for name in names])

    def sequence_reset(self) -> None:
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [self.model]):
                cursor.execute(sql)


def _python_json(row: dict) -> dict:
    return {k: ({"sample": True} if v == SAMPLE else {} if v == "{}" else v)
            for k, v in row.items()}


def _existing_sequences(unit_ids: list[int]) -> dict:
    return {(u, day): last for u, day, last in DailySequence.objects.filter(
        unit_id__in=unit_ids).values_list("unit_id", "day", "last")}


def _sequences(codes: Counter) -> None:
    """Raise each (unit, day) counter to the last number the seed used (the seed started
    from the existing counters, so its numbers are never lower)."""
    rows = [DailySequence(unit_id=u, day=day, last=last) for (u, day), last in codes.items()]
    DailySequence.objects.bulk_create(rows, batch_size=5_000, update_conflicts=True,
                                      unique_fields=["unit", "day"], update_fields=["last"])


def _analyze() -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in (Dossier, DossierStep, DossierEvent, DossierPause, Rating, Payment,
                      DailySequence):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
