"""With the files in an S3-compatible object store instead of a shared directory (moto's
server as a process of its own, configured as an operator does: MOTCUA_FILE_STORAGE=s3 and the
MOTCUA_S3_* variables, docs/operations.md "Files"), a file uploaded through one web process is
served by the other, and no web process keeps a copy on its own disk. PostgreSQL only."""

import boto3
import pytest

from motcua.dossiers.models import DossierFile
from tests import processes
from tests.scaleout.browsing import (
    APPLICANT,
    PDF,
    WEB_A,
    WEB_B,
    signed_in,
    uploaded_on_a_downloaded_on_b,
    with_real_password,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

S3_PORT = 8424
BUCKET = "motcua-scaleout"


@pytest.fixture
def deployment(transactional_db, world, five_day_procedure, tmp_path):
    yield from processes.started(tmp_path / "deployment")


@pytest.fixture
def object_store(deployment):
    """The S3 server and its bucket; returns the environment that points Motcua's file
    storage at it, and a client to look into the bucket."""
    server = deployment.start("s3", [str(processes.VENV_BIN / "moto_server"), "-H",
                                     "127.0.0.1", "-p", str(S3_PORT)], port=S3_PORT)
    deployment.wait_until_serving(server)
    keys = {"aws_access_key_id": "motcua-test", "aws_secret_access_key": "motcua-test-secret"}
    client = boto3.client("s3", endpoint_url=server.url, region_name="us-east-1", **keys)
    client.create_bucket(Bucket=BUCKET)
    env = {"MOTCUA_FILE_STORAGE": "s3", "MOTCUA_S3_BUCKET": BUCKET,
           "MOTCUA_S3_ENDPOINT_URL": server.url, "MOTCUA_S3_REGION": "us-east-1",
           "MOTCUA_S3_ACCESS_KEY_ID": keys["aws_access_key_id"],
           "MOTCUA_S3_SECRET_ACCESS_KEY": keys["aws_secret_access_key"],
           "MOTCUA_S3_ADDRESSING_STYLE": "path", "MOTCUA_S3_PREFIX": "media/"}
    return env, client


def test_with_object_storage_a_file_uploaded_through_one_web_process_is_served_by_the_other(
        deployment, object_store, world, five_day_procedure):
    env, bucket = object_store
    # No shared directory this time: each web process has a media directory of its own.
    web_a = deployment.web("web-a", WEB_A, wait=False,
                           env={**env, "MOTCUA_MEDIA_ROOT": str(deployment.directory / "a")})
    web_b = deployment.web("web-b", WEB_B, wait=False,
                           env={**env, "MOTCUA_MEDIA_ROOT": str(deployment.directory / "b")})
    for web in (web_a, web_b):
        deployment.wait_until_serving(web)
    browser = signed_in(web_a.url, with_real_password(world.citizen))
    body = {"procedure": five_day_procedure.code, "receiving_unit": world.unit.code,
            "applicant": APPLICANT}
    _, _, file_id = uploaded_on_a_downloaded_on_b(browser, web_a.url, web_b.url, body)

    stored = DossierFile.objects.get(pk=file_id).file.name
    listed = bucket.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    assert [item["Key"] for item in listed] == [f"media/{stored}"]
    assert bucket.get_object(Bucket=BUCKET, Key=f"media/{stored}")["Body"].read() == PDF
    assert not [p for d in ("a", "b") for p in (deployment.directory / d).rglob("*")
                if p.is_file()]
