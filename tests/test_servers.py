"""The site as production runs it: gunicorn processes sharing one database (and Redis).

These tests start real servers on free ports of 127.0.0.1 and stop them themselves. The
database is the one the suite runs on: a SQLite file of its own, or with a PostgreSQL
DATABASE_URL a database `<name>_live` beside the test database; REDIS_URL, when set, is
the servers' shared cache.
"""

import http.client
import json
import os
import re
import socket
import threading
from pathlib import Path

import pytest

from .factories import PASSWORD
from .http_session import Session, form_fields
from .live_gunicorn import Gunicorn, LiveSite, free_port
from .second_factor import ENROL_BOSS, give_known_code

CLIENTS = 16
SUBMISSIONS = 200


@pytest.fixture(scope="module")
def site(tmp_path_factory, collected_static):
    return LiveSite(
        tmp_path_factory.mktemp("live-site"),
        database_url=os.environ.get("DATABASE_URL", ""),
        redis_url=os.environ.get("REDIS_URL", ""),
        static_root=collected_static,
    )


@pytest.fixture(scope="module")
def demo_site(site):
    site.shell(
        "from django.core.management import call_command;"
        "from django.contrib.auth.models import User;"
        "call_command('load_demo', verbosity=0);"
        f"User.objects.create_superuser('boss', 'boss@example.org', {PASSWORD!r});" + ENROL_BOSS
    )
    return site


def test_200_messages_from_16_clients_are_all_answered_and_saved_once(site, tmp_path):
    answers = []
    numbers = iter(range(SUBMISSIONS))
    lock = threading.Lock()

    def visitor(server):
        session = Session(server.url)
        status, _, html = session.get("/contact/")
        token = form_fields(html)["csrfmiddlewaretoken"][0]
        while True:
            with lock:
                number = next(numbers, None)
            if number is None:
                return
            status, _, html = session.post(
                "/contact/",
                {
                    "csrfmiddlewaretoken": token,
                    "for_whom": "myself",
                    "first_name": f"Visitor {number}",
                    "email": f"visitor{number}@example.org",
                    "best_time": "any",
                    "level_of_care": "Not sure",
                    "payment": "not-sure",
                    "message": f"Load test message {number:03d}",
                },
            )
            answers.append((number, status, "Thank you, your message is with us" in html))

    # The rate limit is per client; here all clients share one address.
    with Gunicorn(
        site.env, workers=4, log_path=tmp_path / "gunicorn.log", CONTACT_RATE_LIMIT="1000/60"
    ) as server:
        threads = [threading.Thread(target=visitor, args=(server,)) for _ in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=240)

    assert sorted(number for number, _, _ in answers) == list(range(SUBMISSIONS))
    assert {status for _, status, _ in answers} == {200}
    assert all(thanked for _, _, thanked in answers)
    saved = json.loads(
        site.shell(
            "import json; from collections import Counter;"
            "from inquiries.models import Inquiry;"
            "texts = [i.message for i in Inquiry.objects.all()"
            " if i.message.startswith('Load test')];"
            "print(json.dumps(Counter(texts)))"
        )
    )
    assert saved == {f"Load test message {n:03d}": 1 for n in range(SUBMISSIONS)}
    assert "Traceback" not in (tmp_path / "gunicorn.log").read_text()


def test_static_files_have_hashed_names_compression_and_far_future_expiry(site):
    with Gunicorn(site.env, workers=1) as server:
        visitor = Session(server.url)
        _, _, html = visitor.get("/robots.txt")
        _, _, html = visitor.get("/contact/")
        stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html).group(1)
        script = re.search(r'src="(/static/js/site\.[0-9a-f]{12}\.js)"', html).group(1)

        for path in [stylesheet, script]:
            status, headers, _ = visitor.get(path, {"Accept-Encoding": "gzip"})
            assert status == 200
            assert headers["Cache-Control"] == "max-age=315360000, public, immutable"
            assert headers["Content-Encoding"] == "gzip"


def test_with_redis_gone_the_server_serves_pages_and_says_it_is_unhealthy(site, tmp_path):
    closed = f"redis://127.0.0.1:{free_port()}/0"
    with Gunicorn(
        {**site.env, "REDIS_URL": closed}, workers=1, log_path=tmp_path / "log"
    ) as server:
        visitor = Session(server.url)
        for path in ["/", "/blog/", "/contact/", "/"]:
            status, _, html = visitor.get(path)
            assert status == 200 and "</footer>" in html, path
        assert visitor.get("/healthz")[:1] == (503,)

    assert "Cache unreachable" in (tmp_path / "log").read_text()


@pytest.mark.shared_services
def test_a_change_saved_on_one_server_shows_on_the_other_at_once(demo_site):
    post_id, post_url = demo_site.shell(
        "from articles.models import Post;"
        "post = Post.objects.published().first();"
        "print(post.pk, post.get_absolute_url())"
    ).split()
    main_center = demo_site.shell(
        "from facility.models import Center; print(Center.objects.get(is_main=True).pk)"
    ).strip()
    with Gunicorn(demo_site.env, workers=2) as a, Gunicorn(demo_site.env, workers=2) as b:
        visitor = Session(b.url)
        for url in ["/", post_url]:
            visitor.get(url)
            status, headers, _ = visitor.get(url)
            assert (status, headers["X-Cache"]) == (200, "hit")  # B serves from the cache

        staff = Session(a.url)
        _, _, html = staff.get("/admin/login/")
        login = form_fields(html, "login-form")
        login.update(username=["boss"], password=[PASSWORD])
        status, _, html = staff.post("/admin/login/?next=/admin/", login)
        html = give_known_code(staff, html)
        assert "Log out" in html

        # An hours row, through the main center's admin page on server A.
        facility_url = f"/admin/facility/center/{main_center}/change/"
        _, _, html = staff.get(facility_url)
        form = form_fields(html, "center_form")
        row = next(
            key.split("-")[1]
            for key, value in form.items()
            if key.endswith("-days") and value == ["saturdays"]
        )
        form.pop(f"hours-{row}-is_24_hours", None)
        form.update({f"hours-{row}-opens": ["08:00"], f"hours-{row}-closes": ["20:30"]})
        status, _, html = staff.post(facility_url, form)
        assert "was changed successfully" in html

        status, headers, html = visitor.get("/")
        footer = html[html.index("<footer") :]
        assert "<dt>Saturdays</dt><dd>8:00 a.m. – 8:30 p.m.</dd>" in footer
        assert headers["X-Cache"] == "miss"

        # A post's title, through the post's admin page on server A.
        change_url = f"/admin/articles/post/{post_id}/change/"
        _, _, html = staff.get(change_url)
        form = form_fields(html, "post_form")
        assert "title" not in form  # one field per language: the English is title_en
        form["title_en"] = ["Sleep returns, one night at a time"]
        status, _, html = staff.post(change_url, form)
        assert "was changed successfully" in html

        status, _, html = visitor.get(post_url)
        assert "<h1" in html and "Sleep returns, one night at a time</h1>" in html
        status, _, html = visitor.get("/")
        assert "Sleep returns, one night at a time" in html  # the home page's latest posts


def media_get(server, raw_path):
    """GET `raw_path` exactly as written: no client tidies its dots or escapes."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        connection.request("GET", raw_path)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


IMAGE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": "public, max-age=2592000",
}


def test_without_nginx_the_local_mode_serves_uploaded_images_and_nothing_else(site):
    """`make serve` on one's own machine: debug off, DJANGO_SERVE_MEDIA=true, no nginx."""
    site.shell(
        "import io; from PIL import Image;"
        "from django.core.files.uploadedfile import SimpleUploadedFile;"
        "from facility.models import GalleryPhoto;"
        "data = io.BytesIO(); Image.new('RGB', (640, 360), (20, 90, 100)).save(data, 'JPEG');"
        "GalleryPhoto.objects.create(caption='The garden', alt_text='A garden',"
        " image=SimpleUploadedFile('garden.jpg', data.getvalue(), content_type='image/jpeg'))"
    )
    media = Path(site.env["MEDIA_ROOT"])
    (media / "page.html").write_text("<script>alert(1)</script>")
    (media / "drawing.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    (media / "notes.txt").write_text("notes")
    (media.parent / "outside.jpg").write_bytes((media / "notes.txt").read_bytes())

    with Gunicorn(site.env, workers=1, DJANGO_SERVE_MEDIA="true") as server:
        _, _, html = Session(server.url).get("/tour/")
        pictures = set(re.findall(r"/media/[^\s\"',]+", html))
        assert {Path(url).suffix for url in pictures} >= {".jpg", ".webp"}
        for url in pictures:
            status, headers, body = media_get(server, url)
            assert status == 200, url
            assert headers["Content-Type"].startswith("image/"), url
            assert {name: headers[name] for name in IMAGE_HEADERS} == IMAGE_HEADERS
            assert body[:4] in (b"\xff\xd8\xff\xe0", b"\xff\xd8\xff\xdb", b"RIFF"), url

        for path in [
            "/media/page.html",
            "/media/drawing.svg",
            "/media/notes.txt",
            "/media/",
            "/media/renditions/",
            "/media/../outside.jpg",
            "/media/%2e%2e/outside.jpg",
            "/media/..%2foutside.jpg",
            "/media//etc/passwd",
            "/media/missing.jpg",
        ]:
            assert media_get(server, path)[0] == 404, path

    # Production: nginx serves /media/, and Django does not.
    with Gunicorn(site.env, workers=1) as server:
        assert media_get(server, next(iter(pictures)))[0] == 404


def raw_exchange(server, request):
    """Send `request` bytes as they are; every byte the server sent back until it closed."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as connection:
        connection.sendall(request)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
    return received


CLOSE = "Host: 127.0.0.1\r\nConnection: close\r\n"


def test_a_head_request_gets_the_pages_headers_and_no_body_cached_or_not(site, tmp_path):
    log = tmp_path / "gunicorn.log"
    heads = {}
    with Gunicorn(site.env, workers=1, log_path=log) as server:
        # The home page built, then from the cache; a form page, never cached.
        for name, path in [("built", "/"), ("cached", "/"), ("form", "/contact/")]:
            get, head = (
                raw_exchange(server, f"{method} {path} HTTP/1.1\r\n{CLOSE}\r\n".encode())
                for method in ["GET", "HEAD"]
            )
            _, _, get_body = get.partition(b"\r\n\r\n")
            heads[name], _, head_body = head.partition(b"\r\n\r\n")
            assert heads[name].startswith(b"HTTP/1.1 200 ") and head_body == b"", name
            assert f"Content-Length: {len(get_body)}".encode() in heads[name], name

    assert b"X-Cache: hit" in heads["cached"]
    assert "body bytes on a no-body response" not in log.read_text()
