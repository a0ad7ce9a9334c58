"""What `motcua backup` and `motcua restore` share: the layout of a backup directory, its
manifest, PostgreSQL's client programs, and the uploaded files read and written through
Django's storage API (the local disk or an S3-compatible bucket alike).

A backup is one directory `motcua-<UTC instant>/` holding
- `database.dump`: `pg_dump --format=custom` (one consistent snapshot of the database),
- `media.tar`: every file of the default storage under its storage name (taken *after* the
  dump, so every file a dumped row names is there: files are only ever added or deleted, never
  changed in place),
- `manifest.json`: the size and SHA-256 of both, the Motcua and PostgreSQL versions and the
  migrations applied in the dump, checked before anything is restored.
It is written as `…partial/` and renamed when complete, so a directory without that suffix is
a finished backup.
"""

import hashlib
import json
import os
import re
import subprocess
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import dj_database_url
from django.core.files.storage import Storage
from django.core.management.base import CommandError

DUMP = "database.dump"
MEDIA = "media.tar"
MANIFEST = "manifest.json"
FORMAT = 1
NAME = re.compile(r"^motcua-\d{8}T\d{6}Z$")
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Postgres:
    """How the client programs (pg_dump, pg_restore, psql) reach one database."""

    name: str
    args: tuple[str, ...]
    env: dict[str, str]

    @classmethod
    def from_settings(cls, db: dict) -> "Postgres":
        if "postgresql" not in db.get("ENGINE", ""):
            raise CommandError(
                "backup and restore need PostgreSQL (DATABASE_URL=postgres://…); for the SQLite "
                "demo, copy var/motcua.sqlite3 and var/media while nothing runs")
        args = ["--dbname", db["NAME"]]
        for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
            if db.get(key):
                args += [flag, str(db[key])]
        env = dict(os.environ)
        if db.get("PASSWORD"):  # never on the command line, where `ps` shows it
            env["PGPASSWORD"] = db["PASSWORD"]
        if (db.get("OPTIONS") or {}).get("sslmode"):
            env["PGSSLMODE"] = db["OPTIONS"]["sslmode"]
        return cls(name=db["NAME"], args=tuple(args), env=env)

    @classmethod
    def from_url(cls, url: str) -> "Postgres":
        return cls.from_settings(dj_database_url.parse(url))

    def run(self, program: str, *args: str, connect: bool = True) -> str:
        argv = [program, *args, *(self.args if connect else ())]
        try:
            done = subprocess.run(argv, env=self.env, capture_output=True, text=True,
                                  check=False)
        except FileNotFoundError as missing:
            raise CommandError(f"{program} is not installed (apt-get install "
                               "postgresql-client-15, the server's major version)") from missing
        if done.returncode != 0:
            raise CommandError(f"{program} failed ({done.returncode}): {done.stderr.strip()}")
        return done.stdout


def client_version(program: str) -> str:
    return subprocess.run([program, "--version"], capture_output=True, text=True,
                          check=True).stdout.strip()


def motcua_version() -> str:
    try:
        return metadata.version("motcua")
    except metadata.PackageNotFoundError:
        return "unknown"


def migrations_in_dump(dump: Path) -> list[str]:
    """`app.migration` for every row of django_migrations in the dump, sorted: read from the
    dump itself, so it is the state of the very snapshot that was taken."""
    script = subprocess.run(
        ["pg_restore", "--data-only", "--table=django_migrations", "--file=-", str(dump)],
        capture_output=True, text=True, check=True).stdout
    rows, copying = [], False
    for line in script.splitlines():
        if line.startswith("COPY ") and "django_migrations" in line:
            copying = True
        elif copying and line == "\\.":
            break
        elif copying:
            _id, app, name, *_ = line.split("\t")
            rows.append(f"{app}.{name}")
    return sorted(rows)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def describe(path: Path) -> dict:
    return {"size": path.stat().st_size, "sha256": sha256_of(path)}


def write_manifest(directory: Path, manifest: dict) -> None:
    text = json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True)
    (directory / MANIFEST).write_text(text + "\n", encoding="utf-8")


def read_verified_manifest(directory: Path) -> dict:
    """The manifest, once every file it lists has its recorded size and SHA-256."""
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError as missing:
        raise CommandError(f"no {MANIFEST} in {directory}: not a complete backup") from missing
    if manifest.get("format") != FORMAT:
        raise CommandError(f"unknown backup format {manifest.get('format')!r}")
    for name, expected in manifest["files"].items():
        path = directory / name
        if not path.is_file():
            raise CommandError(f"{name} is missing from {directory}")
        if describe(path) != expected:
            raise CommandError(f"{name} does not match the manifest (size or SHA-256): the "
                               "backup is damaged; use another one")
    return manifest


# --- uploaded files, through the storage API -----------------------------------------------

def storage_names(storage: Storage, directory: str = "") -> Iterator[str]:
    """Every file name in `storage`, depth first (directories are prefixes on S3)."""
    directories, files = storage.listdir(directory)
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for sub in sorted(directories):
        yield from storage_names(storage, f"{directory}/{sub}" if directory else sub)


def storage_is_empty(storage: Storage) -> bool:
    try:
        return next(storage_names(storage), None) is None
    except FileNotFoundError:  # a local MEDIA_ROOT that does not exist yet
        return True


def media_to_tar(storage: Storage, target: Path) -> dict:
    """Write every stored file into the tar `target`; returns {files, bytes}."""
    count = total = 0
    with tarfile.open(target, "w", format=tarfile.PAX_FORMAT) as archive:
        try:
            names = list(storage_names(storage))
        except FileNotFoundError:
            names = []
        for name in names:
            with storage.open(name, "rb") as stream:
                info = tarfile.TarInfo(name)
                info.size = storage.size(name)
                info.mode = 0o640
                archive.addfile(info, stream)
            count, total = count + 1, total + info.size
    return {"files": count, "bytes": total}


def tar_to_media(source: Path, storage: Storage, *, replace: bool) -> int:
    """Store every file of the tar under its own name; returns how many."""
    count = 0
    with tarfile.open(source, "r") as archive:
        for member in archive:
            if not member.isfile():
                continue
            if replace and storage.exists(member.name):
                storage.delete(member.name)
            saved = storage.save(member.name, archive.extractfile(member))
            if saved != member.name:
                raise CommandError(f"{member.name} already exists in the file storage "
                                   f"(stored as {saved}); restore into an empty one")
            count += 1
    return count
