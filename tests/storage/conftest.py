"""An S3-compatible object store on loopback (moto's server, a real HTTP server) and the
settings that point Motcua's file storage at it, built by the settings module itself from the
environment variables an operator would set (docs/operations.md, "Files")."""

import os
import runpy
import socket
import uuid
from dataclasses import dataclass
from pathlib import Path

import boto3
import pytest
from django.core.files.storage import default_storage

# The submission wizard's fixtures: the shipped catalog, two communes, a signed-in citizen.
from tests.submission.conftest import (  # noqa: F401 (fixtures, registered by being imported)
    birth,
    catalog,
    citizen,
    communes,
    loaded_catalog,
    signed_in,
)

SETTINGS_FILE = Path(__file__).resolve().parents[2] / "src" / "motcua" / "settings.py"
PORTS = range(8440, 8460)  # this suite's loopback ports
REGION = "us-east-1"
KEYS = {"aws_access_key_id": "motcua-test", "aws_secret_access_key": "motcua-test-secret"}


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError(f"no free port in {PORTS}")


@pytest.fixture(scope="session")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


def settings_from_environment(monkeypatch, **env: str) -> dict:
    """The settings module run afresh with `env` set (and nothing of Motcua's inherited)."""
    with monkeypatch.context() as patch:
        for name in [n for n in os.environ if n.startswith("MOTCUA_")]:
            patch.delenv(name)
        for name, value in env.items():
            patch.setenv(name, value)
        return runpy.run_path(str(SETTINGS_FILE))


@dataclass
class Bucket:
    """The test's bucket, seen from outside Motcua (boto3, as the object store's console)."""

    name: str
    endpoint: str
    prefix: str = "media/"

    @property
    def client(self):
        return boto3.client("s3", endpoint_url=self.endpoint, region_name=REGION, **KEYS)

    def object_keys(self) -> list[str]:
        listed = self.client.list_objects_v2(Bucket=self.name)
        return sorted(item["Key"] for item in listed.get("Contents", []))

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def key_of(self, stored_name: str) -> str:
        return self.prefix + stored_name


@pytest.fixture
def bucket(s3_endpoint, settings, monkeypatch, tmp_path) -> Bucket:
    """A fresh private bucket, and Motcua's default storage pointed at it the way an operator
    does: MOTCUA_FILE_STORAGE=s3 and the MOTCUA_S3_* variables."""
    found = Bucket(name=f"motcua-{uuid.uuid4().hex[:12]}", endpoint=s3_endpoint)
    found.client.create_bucket(Bucket=found.name)
    configured = settings_from_environment(
        monkeypatch, MOTCUA_FILE_STORAGE="s3", MOTCUA_S3_BUCKET=found.name,
        MOTCUA_S3_ENDPOINT_URL=s3_endpoint, MOTCUA_S3_REGION=REGION,
        MOTCUA_S3_ACCESS_KEY_ID=KEYS["aws_access_key_id"],
        MOTCUA_S3_SECRET_ACCESS_KEY=KEYS["aws_secret_access_key"],
        MOTCUA_S3_ADDRESSING_STYLE="path", MOTCUA_S3_PREFIX=found.prefix,
    )
    # Django's storages handler re-creates `default_storage` when STORAGES changes (and again
    # when the fixture restores it).
    settings.STORAGES = configured["STORAGES"]
    settings.MEDIA_ROOT = tmp_path / "local-media-unused"
    assert default_storage.bucket_name == found.name  # re-created from the new settings
    return found
