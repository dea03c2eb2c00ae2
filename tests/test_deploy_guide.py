"""The nginx configuration in docs/deploy.md agrees with the application behind it."""

import re

from django.conf import settings

from plumbing.local_media import MAX_AGE_SECONDS, serve_image

from .live_gunicorn import ROOT

GUIDE = (ROOT / "docs" / "deploy.md").read_text()
NGINX = re.search(r"```nginx\n(.*?)```", GUIDE, re.S).group(1)
UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def directive(name, text=NGINX):
    [value] = re.findall(rf"^\s*{name}\s+([^;]+);", text, re.M)
    return value.strip()


def gunicorn_config():
    config = {}
    path = ROOT / "gunicorn.conf.py"
    config["__file__"] = str(path)  # as gunicorn loads it: a module with a file
    exec(path.read_text(), config)
    return config


def test_nginx_lets_through_the_largest_upload_with_its_form():
    size, unit = re.fullmatch(r"(\d+)([kmg]?)", directive("client_max_body_size")).groups()
    allowed = int(size) * UNITS[unit]

    # The insurance card's two photos (the inquiry form's largest), and the form around them.
    assert allowed >= 2 * settings.IMAGE_MAX_UPLOAD_BYTES + 1024**2


def test_nginx_waits_for_gunicorn_and_never_reuses_a_connection_it_closed():
    config = gunicorn_config()

    assert int(directive("proxy_read_timeout").rstrip("s")) > config["timeout"]
    assert int(directive("keepalive_timeout").rstrip("s")) < config["keepalive"]


def test_nginx_serves_uploaded_images_as_make_serve_does(rf, settings, tmp_path):
    media = re.search(r"location /media/ \{(.*?)\n    \}", NGINX, re.S).group(1)
    headers = dict(re.findall(r'add_header ([\w-]+) "([^"]+)";', media))
    assert directive("expires", media) == f"{MAX_AGE_SECONDS // 86400}d"

    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xdb")
    response = serve_image(rf.get("/media/photo.jpg"), "photo.jpg")

    assert response["X-Content-Type-Options"] == headers["X-Content-Type-Options"]
    assert response["Content-Security-Policy"] == headers["Content-Security-Policy"]
    assert response["Cache-Control"] == f"{headers['Cache-Control']}, max-age={MAX_AGE_SECONDS}"


def scheduled():
    """(minute, hour, command name) of each cron line under "Scheduled tasks"."""
    section = GUIDE.split("\n## Scheduled tasks\n", 1)[1].split("\n## ", 1)[0]
    lines = [
        line.split(None, 6)
        for block in re.findall(r"```sh\n(.*?)```", section, re.S)
        for line in block.splitlines()
        if line
    ]
    return [(f[0], f[1], re.search(r"manage\.py (\w+)", f[6]).group(1)) for f in lines]


def test_the_guide_deletes_ended_sessions_every_day():
    [(minute, hour)] = [(m, h) for m, h, name in scheduled() if name == "clearsessions"]

    assert minute.isdigit() and (hour.isdigit() or hour == "*")


def test_each_of_our_scheduled_commands_says_as_often_as_the_guide_runs_it():
    ours = {
        path.stem: path
        for path in ROOT.glob("*/management/commands/*.py")
        if not path.name.startswith("_")
    }
    checked = 0
    for minute, hour, name in scheduled():
        if name not in ours:
            continue  # Django's own (clearsessions)
        assert minute.isdigit(), name
        often, not_often = ("hourly", "daily") if hour == "*" else ("daily", "hourly")
        text = ours[name].read_text().lower()
        assert often in text and not_often not in text, name
        checked += 1
    assert checked == 2  # purge_inquiries, purge_visitor_records
