"""Pictures on S3-compatible object storage: a real S3 HTTP server (moto's server mode)
on a free 127.0.0.1 port, and the site's settings read again as MEDIA_S3_* give them.

`bucket` switches the default storage to the bucket for one test and gives a boto3 client
to look inside it; `s3_settings(**env)` gives the settings module's values for an
environment, as the site computes them at start.
"""

import importlib.util
import json
import logging
import uuid
from dataclasses import dataclass

import boto3
import pytest
from ckeditor_uploader import utils as ckeditor_utils
from ckeditor_uploader import views as ckeditor_views
from django.core.files.storage import default_storage
from moto.server import ThreadedMotoServer

# moto accepts any credentials; they reach the site, as in production, through boto3's
# own environment variables.
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "test-key-id", "AWS_SECRET_ACCESS_KEY": "test-secret"}
REGION = "us-east-1"


def public_read(bucket_name):
    """The bucket policy docs/deploy.md gives: anyone may read an object, nothing else."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket_name}/*",
            }
        ],
    }


@pytest.fixture(scope="session")
def s3_server():
    # Its server logs every request; failures need the test's own output.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_settings(monkeypatch):
    """The settings module run again with these environment variables added."""

    def read(**env):
        for name, value in {**CREDENTIALS, **env}.items():
            monkeypatch.setenv(name, value)
        spec = importlib.util.find_spec("recovery_site.settings")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return vars(module)

    return read


@dataclass
class Bucket:
    name: str
    client: object
    settings: dict

    def keys(self):
        listing = self.client.list_objects_v2(Bucket=self.name)
        return {item["Key"] for item in listing.get("Contents", [])}

    def get(self, key):
        return self.client.get_object(Bucket=self.name, Key=key)


def new_bucket(s3_server):
    """A new bucket on the moto server that anyone may read, as docs/deploy.md says."""
    name = f"pictures-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3", endpoint_url=s3_server, region_name=REGION,
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )  # fmt: skip
    client.create_bucket(Bucket=name)
    client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_read(name)))
    return Bucket(name, client, {})


def use_bucket(settings, monkeypatch, s3_settings, s3_server, tmp_path, **env):
    """A new bucket on the moto server, and the site's storage switched to it."""
    bucket = new_bucket(s3_server)
    name = bucket.name
    read = s3_settings(
        MEDIA_S3_BUCKET=name, MEDIA_S3_ENDPOINT_URL=s3_server, MEDIA_S3_REGION=REGION, **env
    )
    # Anything written to disk would land here, where the test can see it.
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.MEDIA_URL = read["MEDIA_URL"]
    settings.STORAGES = read["STORAGES"]  # Django's test signal resets default_storage
    # django-ckeditor's browser keeps a storage of its own, made once, which the signal
    # does not reset: it uses default_storage, as it does when the site starts.
    monkeypatch.setattr(ckeditor_utils, "storage", default_storage)
    monkeypatch.setattr(ckeditor_views, "storage", default_storage)
    bucket.settings = read
    return bucket


@pytest.fixture
def bucket(settings, monkeypatch, s3_settings, s3_server, tmp_path):
    return use_bucket(settings, monkeypatch, s3_settings, s3_server, tmp_path)
