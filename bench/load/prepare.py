"""Prepare a seeded database for the load test, idempotently, and write the plan the locust
scenarios read (`var/load/plan.json` by default).

Run against a database already holding `motcua seed --dossiers N` (the sample province
`S42.00.00.H99`, its 30 communes, the shipped catalog):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_load \\
        .venv/bin/python bench/load/prepare.py --out var/load/plan.json

What it adds (all marked as sample data, every account with the password `PASSWORD`):

- `CITIZENS` citizens `tai.congdan.NNN` (CCCD 099…, phone 010…: invented, see accounts/demo.py);
- a specialist `tai.chuyenvien.NN` and a desk officer `tai.motcua.NN` in each of the first
  `UNITS` sample communes, whose inboxes and desks hold the seeded dossiers of their unit;
- an applicant phone on `LOOKUPS` seeded dossiers picked at random (seeded dossiers carry no
  personal data, and the public look-up needs the last 4 digits of a phone or CCCD).

A second run changes nothing and only rewrites the plan.
"""

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "motcua-tai-thu"  # sample accounts of a load-test database
CITIZENS = 60
UNITS = 10
LOOKUPS = 5_000
# Commune-level procedures every sample commune receives, online and at the desk
# (`submission.selectors.receiving_units`: no competent unit named, commune level).
ONLINE_PROCEDURE = "HT-01"  # Đăng ký khai sinh: five components to upload
DESK_PROCEDURE = "HT-01"
COMMUNE_PREFIX = "S42.01."
CATALOG_QUERIES = ["khai sinh", "kết hôn", "hộ kinh doanh", "đất đai", "xây dựng",
                   "khai tử", "giám hộ", "trợ cấp", "lý lịch tư pháp", "thường trú"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "var" / "load" / "plan.json"))
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    import django

    django.setup()
    plan = prepare()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(plan, ensure_ascii=False, indent=1))
    print(f"plan: {out} — {len(plan['citizens'])} citizens, {len(plan['specialists'])} "
          f"specialists, {len(plan['desk_officers'])} desk officers, "
          f"{len(plan['lookups'])} look-up codes, {plan['dossiers']:,} dossiers")


def prepare() -> dict:
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from motcua.accounts.models import User
    from motcua.agencies.models import Unit
    from motcua.dossiers.models import Dossier

    units = list(Unit.objects.filter(code__startswith=COMMUNE_PREFIX, is_sample=True)
                 .order_by("code")[:UNITS])
    if not units:
        raise SystemExit("no sample communes: seed the database first (motcua seed --dossiers N)")
    with transaction.atomic():
        password = _shared_hash(make_password)
        citizens = [_citizen(i) for i in range(1, CITIZENS + 1)]
        specialists = [_officer(f"tai.chuyenvien.{i:02d}", unit, "specialist")
                       for i, unit in enumerate(units, start=1)]
        desk = [_officer(f"tai.motcua.{i:02d}", unit, "desk_officer")
                for i, unit in enumerate(units, start=1)]
        User.objects.filter(username__startswith="tai.").exclude(password=password).update(
            password=password)
        lookups = _lookup_codes()
    return {
        "password": PASSWORD,
        "citizens": citizens,
        "specialists": specialists,
        "desk_officers": desk,
        "online_procedure": ONLINE_PROCEDURE,
        "desk_procedure": DESK_PROCEDURE,
        "catalog_queries": CATALOG_QUERIES,
        "lookups": lookups,
        "dossiers": Dossier.objects.count(),
    }


def _shared_hash(make_password) -> str:
    """One hash for every load-test account: hashing is deliberately slow."""
    from django.contrib.auth.hashers import check_password

    from motcua.accounts.models import User

    existing = User.objects.filter(username__startswith="tai.").values_list(
        "password", flat=True).first()
    if existing and check_password(PASSWORD, existing):
        return existing
    return make_password(PASSWORD)


def _citizen(i: int) -> str:
    from motcua.accounts.models import User
    from motcua.accounts.services import citizen_create

    username = f"tai.congdan.{i:03d}"
    if not User.objects.filter(username=username).exists():
        citizen_create(username=username, full_name=f"Công dân Tải {i:03d}",
                       cccd=f"099{900000000 + i:09d}", phone=f"0109{i:06d}",
                       email=f"{username}@motcua.example",
                       address=f"Ấp Mẫu, xã Mẫu {i % UNITS + 1}, tỉnh Mẫu (địa chỉ mẫu)",
                       is_sample=True)
    return username


def _officer(username: str, unit, role: str) -> dict:
    from motcua.accounts.models import StaffRole, User
    from motcua.accounts.services import staff_create, staff_role_grant

    user = User.objects.filter(username=username).first() or staff_create(
        username=username, full_name=f"Cán bộ {username}", email=f"{username}@motcua.example",
        is_sample=True)
    if not StaffRole.objects.filter(user=user, unit=unit, role=role).exists():
        staff_role_grant(user=user, unit=unit, role=role)
    return {"username": username, "unit": unit.code}


def _lookup_codes() -> list[list[str]]:
    """`LOOKUPS` seeded dossiers with an applicant phone (invented: prefix 010), as
    [code, last 4 digits]; picked once at random, then reused."""
    from django.db import connection

    from motcua.dossiers.models import Dossier

    have = Dossier.objects.filter(applicant_phone__startswith="010", form_data__sample=True)
    table = connection.ops.quote_name(Dossier._meta.db_table)
    # A random sample without sorting a million rows (TABLESAMPLE), then, on a small
    # database where 5 % of the pages were not enough, a sort.
    picks = ["TABLESAMPLE SYSTEM (5)"] if connection.vendor == "postgresql" else []
    for sample, order in [(pick, "") for pick in picks] + [("", "ORDER BY random()")]:
        missing = LOOKUPS - have.count()
        if missing <= 0:
            break
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id FROM {table} {sample} WHERE applicant_phone = '' "
                f"AND status <> 'draft' AND code IS NOT NULL {order} LIMIT %s", [missing])
            ids = [row[0] for row in cursor.fetchall()]
        for pk in ids:
            Dossier.objects.filter(pk=pk).update(applicant_phone=f"010{pk % 10_000_000:07d}")
    return [[code, phone[-4:]] for code, phone in
            have.order_by("pk").values_list("code", "applicant_phone")[:LOOKUPS]]


if __name__ == "__main__":
    main()
