"""What `make serve` puts in front of gunicorn: Varnish, with the shipped VCL
(deploy/varnish/), reading every request whole before gunicorn's few synchronous
workers see it."""

import socket
import time

import pytest

from .factories import PASSWORD
from .http_session import Session, form_fields
from .live_gunicorn import Gunicorn, LiveSite, free_port
from .live_varnish import Varnish
from .second_factor import ENROL_BOSS, give_known_code

pytestmark = pytest.mark.varnish

# The limits docs/deploy.md states: deploy/varnish/serve.sh sets them.
HEADER_AND_BODY_TIMEOUT = 10


@pytest.fixture(scope="module")
def site(tmp_path_factory, collected_static):
    return LiveSite(tmp_path_factory.mktemp("front"), static_root=collected_static)


def stalled(port, request):
    """A connection that sent `request` (a part of one) and then nothing more."""
    connection = socket.create_connection(("127.0.0.1", port), timeout=3 * HEADER_AND_BODY_TIMEOUT)
    connection.sendall(request)
    return connection


def answer_or_close(connection):
    """What the server sent before closing the connection (b"" for nothing)."""
    received = b""
    try:
        while chunk := connection.recv(65536):
            received += chunk
    except ConnectionResetError:
        pass
    connection.close()
    return received


STALLED_BODY = (
    b"POST /contact/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 999999\r\n\r\nabc"
)
STALLED_HEADERS = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "


def test_stalled_clients_hold_no_worker_and_are_cut_off(site, tmp_path):
    log = tmp_path / "gunicorn.log"
    with Gunicorn(site.env, workers=2, log_path=log) as gunicorn, Varnish(gunicorn.port) as front:
        connections = [stalled(front.port, STALLED_BODY) for _ in range(3)]
        connections += [stalled(front.port, STALLED_HEADERS) for _ in range(3)]
        started = time.monotonic()

        visitor = Session(front.url, timeout=5)
        for path in ["/", "/blog/", "/contact/", "/"]:
            status, _, html = visitor.get(path)
            assert status == 200 and "</footer>" in html, path

        answers = [answer_or_close(connection) for connection in connections]
        cut_after = time.monotonic() - started
        # Cut off by the front, without anything reaching the site.
        assert all(not answer.startswith(b"HTTP/1.1 2") for answer in answers)
        assert "POST /contact/" not in log.read_text()
    print(f"\nstalled clients cut off after {cut_after:.1f} s")


def test_a_body_that_arrives_slowly_but_whole_reaches_the_site(site):
    body = b"first_name=Ana&message=sent+one+byte+at+a+time"
    with Gunicorn(site.env, workers=1) as gunicorn, Varnish(gunicorn.port) as front:
        connection = stalled(
            front.port,
            b"POST /contact/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode(),
        )
        for start in range(0, len(body), 8):
            time.sleep(0.2)
            connection.sendall(body[start : start + 8])
        answer = answer_or_close(connection)

    # No CSRF cookie: the site gives the form back with what was typed, all of it.
    assert answer.startswith(b"HTTP/1.1 403 ")
    assert b"sent one byte at a time" in answer


@pytest.fixture(scope="module")
def edge_site(tmp_path_factory, collected_static):
    site = LiveSite(tmp_path_factory.mktemp("edge"), static_root=collected_static)
    site.shell(
        "from django.core.management import call_command;"
        "from django.contrib.auth.models import User;"
        "call_command('load_demo', verbosity=0);"
        f"User.objects.create_superuser('boss', 'boss@example.org', {PASSWORD!r});" + ENROL_BOSS
    )
    return site


def purge_from(address, port, tags):
    """PURGE sent from `address` (any 127.x.y.z is this machine)."""
    with socket.create_connection(
        ("127.0.0.1", port), timeout=10, source_address=(address, 0)
    ) as c:
        c.sendall(
            f"PURGE / HTTP/1.1\r\nHost: 127.0.0.1\r\nxkey-purge: {tags}\r\n"
            "Connection: close\r\n\r\n".encode()
        )
        return answer_or_close(c)


def test_the_edge_serves_repeat_visits_and_shows_an_admin_save_at_once(edge_site):
    post_id, post = edge_site.shell(
        "from articles.models import Post; post = Post.objects.published().first();"
        "print(post.pk, post.get_absolute_url())"
    ).split()
    backend_port = free_port()
    with Varnish(backend_port) as front:
        with Gunicorn(
            edge_site.env,
            workers=2,
            port=backend_port,
            EDGE_PURGE_URLS=front.url,
            DJANGO_TRUSTED_PROXY_COUNT="1",
        ):
            visitor = Session(front.url, timeout=10)
            public = ["/", "/blog/", post, "/es/", "/es/blog/"]
            for path in public:
                visitor.get(path)
                status, headers, _ = visitor.get(path)
                assert (status, headers["X-Edge"]) == (200, "hit"), path
                assert (
                    "public" in headers["Cache-Control"] and "s-maxage=" in headers["Cache-Control"]
                )
                assert "xkey" not in headers and "Set-Cookie" not in headers
            # A campaign's tags get the copy already kept; a page number is a page of its own.
            for path in ["/blog/?utm_source=tv&utm_medium=spot", "/?fbclid=abc&gclid=def"]:
                assert visitor.get(path)[1]["X-Edge"] == "hit", path
            assert visitor.get("/blog/?page=2&utm_source=tv")[1]["X-Edge"] == "miss"
            assert visitor.get("/blog/?utm_source=radio&page=2")[1]["X-Edge"] == "hit"
            for path in ["/contact/", "/admissions/"]:
                for _ in range(2):
                    status, headers, _ = visitor.get(path)
                    assert (status, headers["X-Edge"]) == (200, "miss"), path
                    assert "no-store" in headers["Cache-Control"]

            staff = Session(front.url, timeout=10)
            _, _, html = staff.get("/admin/login/")
            login = form_fields(html, "login-form")
            login.update(username=["boss"], password=[PASSWORD])
            _, _, html = staff.post("/admin/login/?next=/admin/", login)
            html = give_known_code(staff, html)
            assert "Log out" in html
            change = f"/admin/articles/post/{post_id}/change/"
            for path in [change, "/"]:  # staff pages, and public ones with a session
                assert staff.get(path)[1]["X-Edge"] == "miss"
                assert staff.get(path)[1]["X-Edge"] == "miss"
            _, _, html = staff.get(change)
            form = form_fields(html, "post_form")
            form["title_en"] = ["Retitled at the edge"]
            saved = time.monotonic()
            _, _, html = staff.post(change, form)
            assert "was changed successfully" in html

            # The save's purge is done when the admin answers: the very next visits.
            for path in ["/", "/blog/", post]:
                status, headers, html = visitor.get(path)
                assert headers["X-Edge"] == "miss" and "Retitled at the edge" in html, path
                assert visitor.get(path)[1]["X-Edge"] == "hit", path
            assert visitor.get("/es/blog/")[1]["X-Edge"] == "miss"  # the other language too
            print(f"\nadmin save to all fresh at the edge: {time.monotonic() - saved:.2f} s")

        # Purges come only from the application servers (acl purgers).
        assert purge_from("127.0.0.2", front.port, "posts").startswith(b"HTTP/1.1 403 ")
        assert purge_from("127.0.0.1", front.port, "posts").startswith(b"HTTP/1.1 200 ")
