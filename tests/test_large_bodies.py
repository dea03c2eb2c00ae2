"""Public forms take no more than their fields can hold: a huge body is refused unread,
and what a page gives back is cut to each field's limit. Staff keep their larger limit."""

import re
import socket
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import translation

from inquiries.models import Inquiry

from .http_session import Session, form_fields
from .live_gunicorn import Gunicorn, LiveSite
from .test_contact import VALID

HUGE = 10 * 1024 * 1024
TOO_LONG = "This message is too long to send"


def peak_memory_kb(pid):
    """The process's peak resident memory (VmHWM), in kB."""
    with open(f"/proc/{pid}/status") as status:
        return int(re.search(r"VmHWM:\s+(\d+) kB", status.read()).group(1))


@pytest.fixture(scope="module")
def site(tmp_path_factory, collected_static):
    return LiveSite(tmp_path_factory.mktemp("large-bodies"), static_root=collected_static)


def post_raw(server, path, body, send_at_most):
    """POST `body`, announced whole, sending no more than `send_at_most` bytes of it
    before reading the answer (status line, headers, body as bytes)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=20) as connection:
        connection.sendall(
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body[:send_at_most]
        )
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


def test_a_10_mb_message_is_refused_unread_and_the_worker_does_not_grow(site):
    body = urlencode({**VALID, "message": "x" * HUGE}).encode()
    with Gunicorn(site.env, workers=1) as server:
        Session(server.url).get("/contact/")  # the worker has built the page once
        (worker,) = server.worker_pids()
        before = peak_memory_kb(worker)

        answers = [
            post_raw(server, path, body, 1024 * 1024) for path in ["/contact/", "/admissions/"]
        ]

        for answer in answers:
            head, _, html = answer.partition(b"\r\n\r\n")
            assert head.startswith(b"HTTP/1.1 413 ")
            assert b"no-store" in head
            assert TOO_LONG.encode() in html and b"</footer>" in html
            assert len(answer) < 100_000  # no echo of what was sent
        grown = peak_memory_kb(worker) - before
        print(
            f"\n10 MB posts: answers of {[len(a) for a in answers]} bytes, worker grew {grown} kB"
        )
        assert grown < 2048  # the bodies were never read in

        # A 2,000-character message, the most the form takes, still goes through.
        visitor = Session(server.url)
        _, _, html = visitor.get("/contact/")
        fields = {**form_fields(html), **VALID, "message": "é" * 2000}
        assert "Thank you, your message is with us" in visitor.post("/contact/", fields)[2]


@pytest.mark.django_db
def test_a_message_over_its_limit_is_given_back_cut_to_the_limit(client, facility):
    response = client.post(reverse("inquiries:contact"), {**VALID, "message": "a" * 5000})

    html = response.content.decode()
    assert response.status_code == 200
    assert "at most 2000 characters (it has 5000)" in html
    textarea = re.search(r'<textarea name="message"[^>]*>\n?(.*?)</textarea>', html, re.S)
    assert textarea.group(1) == "a" * 2000
    assert not Inquiry.objects.exists()


@pytest.mark.django_db
def test_the_given_back_form_cuts_what_it_shows_to_each_fields_limit(client, facility):
    from inquiries.unsent import form_again

    request = client.post(reverse("inquiries:contact"), {}).wsgi_request
    request.POST = request.POST.copy()
    request.POST.update({"message": "b" * 5000, "level_of_care": "c" * 5000})

    html = form_again(request, 503, "inquiries:contact").content.decode()

    assert "b" * 2000 in html and "b" * 2001 not in html
    assert "c" * 120 in html and "c" * 121 not in html


@pytest.mark.django_db
def test_a_large_body_on_a_public_form_is_413_but_staff_pages_keep_their_limit(client, facility):
    too_large = urlencode({**VALID, "message": "x" * 70_000})
    form = "application/x-www-form-urlencoded"

    response = client.post(reverse("inquiries:contact"), too_large, content_type=form)
    assert response.status_code == 413
    assert TOO_LONG in response.content.decode()
    with translation.override("es"):
        spanish = reverse("inquiries:contact")
    assert client.post(spanish, too_large, content_type=form).status_code == 413

    # Sent as multipart, the way the form sends the insurance card's photos, the fields
    # keep their allowance and the photos get theirs: read, then refused as too long.
    response = client.post(reverse("inquiries:contact"), {**VALID, "message": "x" * 70_000})
    assert response.status_code == 200
    assert Inquiry.objects.count() == 0

    # The admin's login (staff pages) reads the same body as usual.
    response = client.post("/admin/login/", {"username": "x", "password": "y" * 70_000})
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(("over", "refused"), [(-1, False), (0, False), (1, True)])
def test_a_body_of_exactly_the_limit_is_read_and_one_byte_more_is_refused(
    client, facility, over, refused
):
    """The public forms' limit is 64 kB "at most" (mutant F4 refused a body of exactly
    that): one byte under it, at it, and one over."""
    form = "application/x-www-form-urlencoded"
    empty = urlencode({**VALID, "message": ""})
    body = urlencode({**VALID, "message": "x" * (64 * 1024 + over - len(empty))})
    assert len(body) == 64 * 1024 + over

    response = client.post(reverse("inquiries:contact"), body, content_type=form)

    html = response.content.decode()
    if refused:
        assert response.status_code == 413 and TOO_LONG in html
    else:  # read: the form says the message is too long and gives it back cut
        length = len(body) - len(empty)
        assert response.status_code == 200
        assert f"at most 2000 characters (it has {length})" in html
    assert Inquiry.objects.count() == 0
