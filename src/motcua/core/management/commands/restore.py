"""`motcua restore BACKUP_DIR`: a backup made by `motcua backup` into the database of
DATABASE_URL and the configured file storage (docs/operations.md, "Backup and restore").

The manifest is checked first (sizes, SHA-256, migrations this release knows); an existing
database or file storage that is not empty is refused unless `--force`, so a restore meant for
a new server can never overwrite the live one by a wrong variable.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from motcua.core.management.commands import _backup as b


class Command(BaseCommand):
    help = "Restore a backup directory into an empty database and an empty file storage."

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path, help="a directory made by `motcua backup`")
        parser.add_argument("--force", action="store_true",
                            help="restore over a database and file storage that are not empty "
                                 "(replaces the dumped tables and files)")
        parser.add_argument("--verify-only", action="store_true",
                            help="check the backup against its manifest and stop")

    def handle(self, *args, backup: Path, force: bool, verify_only: bool, **options):
        manifest = b.read_verified_manifest(backup)
        self._check_migrations_known(manifest)
        if verify_only:
            self.stdout.write(f"{backup}: complete, every file matches the manifest")
            return
        db = b.Postgres.from_settings(settings.DATABASES["default"])
        has_media = b.MEDIA in manifest["files"]
        self._check_empty(db, force=force, media=has_media)
        connection.close()  # pg_restore works alone; Django reconnects for the check below
        db.run("pg_restore", "--no-owner", "--no-privileges", "--single-transaction",
               "--exit-on-error", *(("--clean", "--if-exists") if force else ()),
               str(backup / b.DUMP))
        restored = (b.tar_to_media(backup / b.MEDIA, default_storage, replace=force)
                    if has_media else 0)
        self._check_restored(manifest, restored)

    def _check_migrations_known(self, manifest: dict) -> None:
        known = {f"{app}.{name}" for app, name in MigrationLoader(None).disk_migrations}
        unknown = sorted(set(manifest["migrations"]) - known)
        if unknown:
            raise CommandError(
                f"the backup has migrations this release does not know ({', '.join(unknown[:5])}"
                f"…): restore it with Motcua {manifest['motcua_version']} or newer")

    def _check_empty(self, db: b.Postgres, *, force: bool, media: bool) -> None:
        if force:
            return
        tables = connection.introspection.table_names()
        if tables:
            raise CommandError(f"database {db.name} is not empty ({len(tables)} tables): "
                               "restore into a new database, or pass --force to replace it")
        if media and not b.storage_is_empty(default_storage):
            raise CommandError("the file storage is not empty: restore into a new media "
                               "directory or bucket, or pass --force to replace its files")

    def _check_restored(self, manifest: dict, restored: int) -> None:
        applied = sorted(f"{app}.{name}" for app, name
                         in MigrationRecorder(connection).applied_migrations())
        if applied != manifest["migrations"]:
            raise CommandError("the restored database's migrations differ from the manifest")
        if restored != manifest["media"]["files"]:
            raise CommandError(f"{restored} files restored, the manifest says "
                               f"{manifest['media']['files']}")
        pending = self._pending()
        self.stdout.write(
            f"restored {manifest['database']} of {manifest['created_at']} "
            f"(Motcua {manifest['motcua_version']}): {len(applied)} migrations, {restored} files"
            + (f"; {pending} migrations of this release to apply: run `motcua migrate`"
               if pending else ""))

    def _pending(self) -> int:
        executor = MigrationExecutor(connection)
        return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
