"""Insurance card photos are health information: never written to disk unencrypted.

Django streams the files of a request longer than FILE_UPLOAD_MAX_MEMORY_SIZE to the
system's temporary folder as they arrive, in clear; a worker killed meanwhile (a timeout,
the OOM killer, a deploy) leaves them there. The public form keeps them in memory instead
(plumbing/body_limit.py), within the form's own bounds.
"""

import io
import os
import re
import socket
import threading
import time
import uuid
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from facility.models import Center
from inquiries.models import InsuranceCheck
from plumbing import images

from .live_gunicorn import Gunicorn, LiveSite
from .test_insurance_check import with_insurance

PHOTO_BYTES = 11 * 1024 * 1024  # two such: over Django's 20 MB, within the form's 30


def files_holding(folder, marker):
    """The files under `folder` holding `marker` (read as they are at this moment)."""
    found = []
    for path in Path(folder).rglob("*"):
        try:
            if path.is_file() and marker in path.read_bytes():
                found.append(path)
        except OSError:  # gone while we looked
            pass
    return found


def noisy_jpeg(size):
    """A real photo of `size` that compresses little: a large, valid upload."""
    picture = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=60, subsampling=0)
    return out.getvalue()


@pytest.mark.django_db
def test_a_form_post_larger_than_djangos_memory_limit_keeps_its_photos_in_memory(
    client, facility, settings, tmp_path, monkeypatch
):
    Center.objects.update(payments=["private-insurance", "self-pay"])
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024  # Django's own choice: disk past this
    front = noisy_jpeg((200, 150))
    assert len(front) > 1024
    marker = front[len(front) // 2 : len(front) // 2 + 64]
    seen_on_disk = []
    real = images.cleaned

    def looking_at_the_disk(upload):
        seen_on_disk.extend(files_holding(tmp_path, marker))
        return real(upload)

    monkeypatch.setattr(images, "cleaned", looking_at_the_disk)

    response = client.post(
        reverse("inquiries:admissions"),
        with_insurance(card_front=SimpleUploadedFile("front.jpg", front, "image/jpeg")),
    )

    assert response.status_code == 302
    assert InsuranceCheck.objects.get().photo("front") is not None
    assert seen_on_disk == []


def multipart(fields, files, boundary):
    body = b""
    for name, value in fields.items():
        body += (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        ).encode()
    for name, (filename, data) in files.items():
        body += (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: image/jpeg\r\n\r\n'
        ).encode()
        body += data + b"\r\n"
    return body + f"--{boundary}--\r\n".encode()


def request_head(server, body_length, boundary, cookie=""):
    return (
        f"POST /admissions/ HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
        f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
        f"Content-Length: {body_length}\r\nReferer: {server.url}/admissions/\r\n"
        f"Cookie: {cookie}\r\nConnection: close\r\n\r\n"
    ).encode()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """gunicorn as production runs it, with a temporary folder of its own to look in."""
    tmp_path = tmp_path_factory.mktemp("served")
    (tmp_path / "site").mkdir()
    site = LiveSite(tmp_path / "site")
    site.shell(
        "from django.core.management import call_command; call_command('load_demo', verbosity=0)"
    )
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    try:
        with Gunicorn(site.env, workers=1, TMPDIR=str(temporary)) as server:
            yield server, temporary, site
    finally:
        site.remove()


def test_a_worker_killed_mid_upload_leaves_no_photo_in_the_temporary_folder(served):
    server, temporary, _ = served
    photo = b"\xff\xd8\xff\xe0" + os.urandom(PHOTO_BYTES)
    marker = photo[3_000_000:3_000_064]
    boundary = uuid.uuid4().hex
    fields = {**{k: v for k, v in with_insurance().items() if isinstance(v, str)}}
    body = multipart(
        fields, {"card_front": ("front.jpg", photo), "card_back": ("b.jpg", photo)}, boundary
    )
    sent = body[: len(body) * 2 // 3]  # the front whole, the back begun

    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as connection:
        connection.sendall(request_head(server, len(body), boundary) + sent)
        time.sleep(2)  # the worker reads what came, and waits for the rest
        for pid in server.worker_pids():
            os.kill(pid, 9)
        time.sleep(1)

    assert files_holding(temporary, marker) == []


def test_a_large_valid_inquiry_never_puts_its_photos_on_disk(served):
    server, temporary, site = served
    front, back = noisy_jpeg((4000, 3000)), noisy_jpeg((3990, 2990))
    assert len(front) + len(back) > 20 * 1024 * 1024
    marker = back[len(back) // 2 : len(back) // 2 + 64]
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as connection:
        head = f"GET /admissions/ HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
        connection.sendall(head.encode() + b"Connection: close\r\n\r\n")
        page = b""
        while chunk := connection.recv(65536):
            page += chunk
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
    cookie = re.search(rb"csrftoken=([^;]+)", page).group(1).decode()
    fields = {k: v for k, v in with_insurance().items() if isinstance(v, str)}
    fields["csrfmiddlewaretoken"] = token
    boundary = uuid.uuid4().hex
    body = multipart(
        fields, {"card_front": ("f.jpg", front), "card_back": ("b.jpg", back)}, boundary
    )
    seen, done = [], threading.Event()

    def watch():
        while not done.is_set():
            seen.extend(files_holding(temporary, marker))
            time.sleep(0.05)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=60) as connection:
            connection.sendall(
                request_head(server, len(body), boundary, f"csrftoken={cookie}") + body
            )
            answer = b""
            while chunk := connection.recv(65536):
                answer += chunk
    finally:
        done.set()
        watcher.join()

    assert answer.startswith(b"HTTP/1.1 302"), answer[:300]
    count = "from inquiries.models import InsuranceCheck; print(InsuranceCheck.objects.count())"
    assert site.shell(count) == "1"
    assert seen == []
