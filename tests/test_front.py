"""What `make serve` puts in front of gunicorn: Varnish, with the shipped VCL
(deploy/varnish/), reading every request whole before gunicorn's few synchronous
workers see it."""

import socket
import time

import pytest

from .edge_helpers import AccessLog
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


def test_the_edge_serves_repeat_visits_and_shows_an_admin_save_at_once(edge_site, tmp_path):
    # Whether a page came from the edge is read from gunicorn's access log: the edge's
    # answers no longer say (issue 28: that itself told who had read a page lately).
    log = AccessLog(tmp_path / "gunicorn.log")
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
            log_path=log.path,
            EDGE_PURGE_URLS=front.purge_url,
            DJANGO_TRUSTED_PROXY_COUNT="1",
        ):
            front.wait_until_healthy()
            visitor = Session(front.url, timeout=10)

            def reached_site(path, method="GET", session=visitor):
                """Ask `path`; whether gunicorn answered it (else the edge did)."""
                before = log.count(method, path.partition("?")[0])
                status, headers, html = session.get(path)
                # gunicorn logs a request once it has answered it: a moment later.
                deadline = time.monotonic() + 1
                while time.monotonic() < deadline:
                    if log.count(method, path.partition("?")[0]) > before:
                        return True, status, headers, html
                    time.sleep(0.05)
                return False, status, headers, html

            public = ["/", "/blog/", post, "/es/", "/es/blog/"]
            for path in public:
                reached_site(path)
                reached, status, headers, _ = reached_site(path)
                assert (status, reached) == (200, False), path
                assert (
                    "public" in headers["Cache-Control"] and "s-maxage=" in headers["Cache-Control"]
                )
                assert "xkey" not in headers and "Set-Cookie" not in headers
                assert "X-Edge" not in headers and "Age" not in headers
            # A campaign's tags get the copy already kept; a page number is a page of its own.
            for path in ["/blog/?utm_source=tv&utm_medium=spot", "/?fbclid=abc&gclid=def"]:
                assert not reached_site(path)[0], path
            assert reached_site("/blog/?page=2&utm_source=tv")[0]
            assert not reached_site("/blog/?utm_source=radio&page=2")[0]
            for path in ["/contact/", "/admissions/"]:
                for _ in range(2):
                    reached, status, headers, _ = reached_site(path)
                    assert (status, reached) == (200, True), path
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
                assert reached_site(path, session=staff)[0]
                assert reached_site(path, session=staff)[0]
            _, _, html = staff.get(change)
            form = form_fields(html, "post_form")
            form["title_en"] = ["Retitled at the edge"]
            saved = time.monotonic()
            _, _, html = staff.post(change, form)
            assert "was changed successfully" in html

            # The save's purge is done when the admin answers: the very next visits.
            for path in ["/", "/blog/", post]:
                reached, status, headers, html = reached_site(path)
                assert reached and "Retitled at the edge" in html, path
                assert not reached_site(path)[0], path
            assert reached_site("/es/blog/")[0]  # the other language too
            print(f"\nadmin save to all fresh at the edge: {time.monotonic() - saved:.2f} s")

        # Purges come only to the purge address, never to the visitors' one, whatever
        # the address they come from (a proxy on this machine has 127.0.0.1's).
        assert purge_from("127.0.0.2", front.port, "posts").startswith(b"HTTP/1.1 405 ")
        assert purge_from("127.0.0.1", front.port, "posts").startswith(b"HTTP/1.1 405 ")
        assert purge_from("127.0.0.1", front.purge_port, "posts").startswith(b"HTTP/1.1 200 ")
