"""`motcua restore` checks a backup against its manifest before touching anything: a damaged
file or a backup from a newer release is refused (`--verify-only` runs just these checks, e.g.
from monitoring after each nightly backup)."""

import hashlib
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command


def fake_backup(directory: Path, content: bytes = b"dump") -> Path:
    directory.mkdir(parents=True)
    (directory / "database.dump").write_bytes(content)
    manifest = {"format": 1, "migrations": [], "motcua_version": "0.1.0",
                "media": {"files": 0}, "files": {"database.dump": {
                    "size": len(content), "sha256": hashlib.sha256(content).hexdigest()}}}
    (directory / "manifest.json").write_text(json.dumps(manifest))
    return directory


def test_a_damaged_backup_is_refused_before_anything_is_restored(tmp_path, capsys):
    backup = fake_backup(tmp_path / "motcua-20261127T010000Z")
    call_command("restore", str(backup), verify_only=True)
    assert "every file matches the manifest" in capsys.readouterr().out

    (backup / "database.dump").write_bytes(b"dumq")  # same size, one bit changed

    with pytest.raises(CommandError, match=r"database\.dump does not match the manifest"):
        call_command("restore", str(backup), verify_only=True)


def test_a_backup_from_a_newer_release_is_refused(tmp_path):
    backup = fake_backup(tmp_path / "motcua-20261127T010000Z")
    manifest = json.loads((backup / "manifest.json").read_text())
    manifest["migrations"] = ["dossiers.0999_from_the_future"]
    manifest["motcua_version"] = "9.0.0"
    (backup / "manifest.json").write_text(json.dumps(manifest))

    with pytest.raises(CommandError, match=r"restore it with Motcua 9\.0\.0 or newer"):
        call_command("restore", str(backup), verify_only=True)
