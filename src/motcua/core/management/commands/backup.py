"""`motcua backup --to DIR`: the database and the uploaded files into one new directory
`DIR/motcua-<UTC instant>/` with a manifest (docs/operations.md, "Backup and restore").

A management command rather than a shell script: it reads the same environment file as the
web processes (DATABASE_URL, the file storage, S3 included) through the settings, reaches the
files through the storage API whatever stores them, and ships inside the installed package.
"""

import shutil
from datetime import UTC, datetime
from pathlib import Path

import django
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from motcua.core.management.commands import _backup as b


class Command(BaseCommand):
    help = "Back up the PostgreSQL database and the uploaded files into a new directory."

    def add_arguments(self, parser):
        parser.add_argument("--to", required=True, type=Path,
                            help="directory that receives the new backup directory")
        parser.add_argument("--database-url", default="",
                            help="dump this database instead of DATABASE_URL's (e.g. the "
                                 "streaming replica)")
        parser.add_argument("--no-media", action="store_true",
                            help="skip the uploaded files (an object store backed up by its "
                                 "own versioning or replication)")
        parser.add_argument("--keep", type=int, default=0,
                            help="then delete all but the newest N backups in --to (0: keep "
                                 "all)")

    def handle(self, *args, to: Path, database_url: str, no_media: bool, keep: int, **options):
        db = (b.Postgres.from_url(database_url) if database_url
              else b.Postgres.from_settings(settings.DATABASES["default"]))
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        final = to / f"motcua-{stamp}"
        work = to / f"{final.name}.partial"
        if final.exists() or work.exists():
            raise CommandError(f"{final} exists already; try again in a second")
        work.mkdir(parents=True)
        try:
            manifest = self._take(db, work, stamp=stamp, media=not no_media)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
        work.rename(final)
        self.stdout.write(f"{final} ({manifest['media']['files']} files, "
                          f"{len(manifest['migrations'])} migrations)")
        if keep > 0:
            self._prune(to, keep)

    def _take(self, db: b.Postgres, work: Path, *, stamp: str, media: bool) -> dict:
        dump = work / b.DUMP
        db.run("pg_dump", "--format=custom", f"--file={dump}")
        files = {b.DUMP: b.describe(dump)}
        counted = {"files": 0, "bytes": 0, "skipped": not media}
        if media:  # after the dump: every file a dumped row names exists by now
            counted |= b.media_to_tar(default_storage, work / b.MEDIA)
            files[b.MEDIA] = b.describe(work / b.MEDIA)
        manifest = {
            "format": b.FORMAT,
            "created_at": stamp,
            "motcua_version": b.motcua_version(),
            "django_version": django.get_version(),
            "pg_dump_version": b.client_version("pg_dump"),
            "server_version": db.run("psql", "--no-psqlrc", "--tuples-only", "--no-align",
                                     "--command=SHOW server_version").strip(),
            "database": db.name,
            "file_storage": settings.STORAGES["default"]["BACKEND"],
            "migrations": b.migrations_in_dump(dump),
            "media": counted,
            "files": files,
        }
        b.write_manifest(work, manifest)
        return manifest

    def _prune(self, to: Path, keep: int) -> None:
        finished = sorted(p for p in to.iterdir() if p.is_dir() and b.NAME.match(p.name))
        for old in finished[:-keep]:
            shutil.rmtree(old)
            self.stdout.write(f"removed {old}")
