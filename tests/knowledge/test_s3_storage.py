"""Files of the library through django-storages' S3 backend, against a real S3-compatible server
(moto's server mode) that the test starts on loopback: upload, store, download, earlier version."""

import runpy
import socket
import urllib.request

import boto3
import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from alliance.settings import base as base_settings
from knowledge.models import FileVersion

from .factories import BROWSER, PDF_BYTES, KnowledgeProductFactory, upload

BUCKET = "alliance-test"
CREDENTIALS = {"aws_access_key_id": "test-key", "aws_secret_access_key": "test-secret"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    try:
        boto3.client(
            "s3", endpoint_url=endpoint, region_name="us-east-1", **CREDENTIALS
        ).create_bucket(Bucket=BUCKET)
        yield endpoint
    finally:
        server.stop()


@pytest.fixture
def s3_storage(settings, s3_endpoint, monkeypatch):
    """The object store exactly as production configures it from its environment (the settings
    module is read again with these variables), pointed at the loopback server."""
    for name, value in {
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": s3_endpoint,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_ACCESS_KEY_ID": CREDENTIALS["aws_access_key_id"],
        "AWS_SECRET_ACCESS_KEY": CREDENTIALS["aws_secret_access_key"],
    }.items():
        monkeypatch.setenv(name, value)
    production = runpy.run_path(base_settings.__file__)["STORAGES"]["default"]
    settings.STORAGES = {**settings.STORAGES, "default": production}
    assert type(default_storage._wrapped).__name__ != "FileSystemStorage"
    return boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1", **CREDENTIALS)


def test_upload_and_download_round_trip_through_s3(alice_client, client, s3_storage):
    product = KnowledgeProductFactory()
    response = alice_client.post(
        reverse("knowledge:file-add", args=[product.pk]),
        {"label": "Report", "file": upload("Informe 2025.pdf", PDF_BYTES)},
    )
    assert response.status_code == 302
    version = FileVersion.objects.get()
    # The object is in the bucket, under the product's folder, with the clean name.
    stored = s3_storage.get_object(Bucket=BUCKET, Key=version.file.name)
    assert stored["Body"].read() == PDF_BYTES
    assert version.file.name.startswith(f"knowledge/{product.pk}/")
    assert version.file.name.endswith("/informe-2025.pdf")

    # A reader's download is counted and sent to a signed address of the object store.
    response = client.get(
        reverse("knowledge:file-download", args=[version.pk]), headers={"User-Agent": BROWSER}
    )
    assert response.status_code == 302
    signed = response["Location"]
    assert signed.startswith(f"{s3_storage.meta.endpoint_url}/{BUCKET}/")
    # Signature version 4: the only one AWS accepts in regions opened since 2014 and on buckets
    # made since 2020 (version 2 query strings carry "Signature=" and "AWSAccessKeyId=").
    assert "X-Amz-Signature=" in signed
    assert "AWSAccessKeyId=" not in signed
    with urllib.request.urlopen(signed, timeout=10) as answer:  # noqa: S310 - loopback
        assert answer.read() == PDF_BYTES
        assert "attachment" in answer.headers["Content-Disposition"]
    version.refresh_from_db()
    assert version.download_count == 1


def test_replacing_a_file_on_s3_keeps_the_earlier_object(alice_client, s3_storage):
    product = KnowledgeProductFactory()
    alice_client.post(
        reverse("knowledge:file-add", args=[product.pk]),
        {"label": "Report", "file": upload("report.pdf", PDF_BYTES)},
    )
    product_file = product.files.get()
    alice_client.post(
        reverse("knowledge:file-replace", args=[product_file.pk]),
        {"file": upload("report.pdf", PDF_BYTES + b"%v2\n"), "reason": "Second edition"},
    )
    old, new = FileVersion.objects.order_by("uploaded_at", "pk")
    assert old.file.name != new.file.name
    assert s3_storage.get_object(Bucket=BUCKET, Key=old.file.name)["Body"].read() == PDF_BYTES
    assert s3_storage.get_object(Bucket=BUCKET, Key=new.file.name)["Body"].read().endswith(b"%v2\n")
