"""`motcua backup` and `motcua restore` as an operator runs them (separate processes, the
environment file's variables): a backup of a live system restored into a new database and a
new media directory gives back the same dossiers, history and files, and a schema that the
release accepts as migrated. A restore never overwrites a database that is in use."""

import hashlib
import json
import subprocess
import uuid
from pathlib import Path

import psycopg
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection

from motcua.dossiers.files import dossier_file_attach
from motcua.dossiers.models import Dossier, DossierEvent, DossierFile
from motcua.dossiers.statuses import Status
from tests.factories.dossiers import dossier_in
from tests.ops.test_manifest import fake_backup
from tests.processes import VENV_BIN, base_environment, database_url

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n%%EOF\n"


def motcua(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([str(VENV_BIN / "motcua"), *args], env=env, capture_output=True,
                          text=True, timeout=300, check=False)


@pytest.fixture
def restore_target():
    """A new, empty database beside the test's own, dropped afterwards; yields its URL."""
    name = f"motcua_ops_restore_{uuid.uuid4().hex[:10]}"
    admin = dict(connection.settings_dict, NAME="postgres")
    with psycopg.connect(database_url(admin), autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{name}"')
    yield database_url(dict(connection.settings_dict, NAME=name))
    with psycopg.connect(database_url(admin), autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _attach(dossier, actor, name: str, content: bytes) -> DossierFile:
    return dossier_file_attach(
        dossier=dossier, actor=actor, purpose=DossierFile.Purpose.SUBMISSION,
        upload=SimpleUploadedFile(name, content, content_type="application/pdf"))


@pytest.fixture
def live_system(world, settings):
    """Dossiers in several statuses, with files on the local media root."""
    draft = dossier_in(Status.DRAFT, world=world)
    _attach(draft, world.citizen, "to-khai.pdf", PDF + b"draft")
    received = dossier_in(Status.RECEIVED, world=world)
    _attach(received, world.desk_officer, "ban-quet.pdf", PDF + b"scan")
    dossier_in(Status.AWAITING_APPROVAL, world=world)
    dossier_in(Status.RETURNED, world=world)
    return settings.MEDIA_ROOT


def _state(url: str) -> dict:
    """What a person would check after a restore, read straight from a database."""
    d, e, f = (m._meta.db_table for m in (Dossier, DossierEvent, DossierFile))
    with psycopg.connect(url) as db:
        return {
            "dossiers": db.execute(f"SELECT id, code, status FROM {d} ORDER BY id").fetchall(),
            "events": db.execute(f"SELECT count(*) FROM {e}").fetchone()[0],
            "files": db.execute(f"SELECT file, sha256 FROM {f} ORDER BY id").fetchall(),
        }


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_backup_restores_into_a_new_database_and_media_root(
    live_system, restore_target, tmp_path
):
    original = _state(database_url())
    assert len(original["dossiers"]) == 4 and len(original["files"]) == 2
    env = base_environment(media_root=live_system, sms_file=tmp_path / "sms.jsonl")

    made = motcua("backup", "--to", str(tmp_path / "backups"), env=env)
    assert made.returncode == 0, made.stderr
    (backup,) = (tmp_path / "backups").iterdir()
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["media"]["files"] == 2
    assert "dossiers.0001_initial" in manifest["migrations"]

    restored_media = tmp_path / "restored-media"
    target = {**env, "DATABASE_URL": restore_target, "MOTCUA_MEDIA_ROOT": str(restored_media)}
    done = motcua("restore", str(backup), env=target)
    assert done.returncode == 0, done.stderr

    assert _state(restore_target) == original
    for name, digest in original["files"]:
        assert _sha256(restored_media / name) == digest == _sha256(live_system / name)
    checked = motcua("migrate", "--check", env=target)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    plan = motcua("showmigrations", "--plan", env=target).stdout
    assert "[X]" in plan and "[ ]" not in plan


def test_a_restore_refuses_a_database_in_use_and_force_rolls_it_back(
    live_system, tmp_path, world
):
    env = base_environment(media_root=live_system, sms_file=tmp_path / "sms.jsonl")
    at_backup = _state(database_url())
    assert motcua("backup", "--to", str(tmp_path / "b"), env=env).returncode == 0
    (backup,) = (tmp_path / "b").iterdir()
    dossier_in(Status.RECEIVED, world=world)  # work done after the backup
    live = _state(database_url())

    refused = motcua("restore", str(backup), env=env)  # the live system's own variables

    assert refused.returncode != 0
    assert "is not empty" in refused.stderr and "--force" in refused.stderr
    assert _state(database_url()) == live

    forced = motcua("restore", "--force", str(backup), env=env)

    assert forced.returncode == 0, forced.stderr
    assert _state(database_url()) == at_backup
    for name, digest in at_backup["files"]:
        assert _sha256(live_system / name) == digest


def test_keep_leaves_the_newest_backups(tmp_path):
    to = tmp_path / "backups"
    for stamp in ("20261120T010000Z", "20261121T010000Z", "20261122T010000Z"):
        fake_backup(to / f"motcua-{stamp}")
    (to / "ghi-chu").mkdir()  # not a backup: left alone

    call_command("backup", to=to, keep=2, no_media=True)

    kept = sorted(p.name for p in to.iterdir())
    assert len(kept) == 3 and kept[0] == "ghi-chu"
    assert kept[1] == "motcua-20261122T010000Z" and kept[2] > kept[1]
