"""`python -m benchmarks.edge_faults`: the edge (Varnish with deploy/varnish/default.vcl)
in front of gunicorn, under faults, on 127.0.0.1 only, as issue 28's review measured it.

One site (SQLite, the demo content, the contact rate limit raised so that the inquiries
below are not refused as one client's), one gunicorn (3 workers) behind one Varnish as
`make serve` runs them. It prints one table:

- a full outage: gunicorn stopped, OUTAGE_REQUESTS requests (pages seen before and never
  seen, English and Spanish, GETs and POSTs): the share answered with the phone and 988;
- inquiries: INQUIRIES sent while the site answers, INQUIRIES while it is down; lost
  silently = an answer that is neither the thank-you page (with the inquiry in the
  database) nor an outage page naming the phone; thanked but not saved;
- the first admissions page through the edge after gunicorn starts again;
- purge race: RACE_TRIALS forced trials (a page built before a save reaching the edge
  after its purge), with the shipped VCL and, for comparison, with its purge-moment check
  taken out (RACE_TRIALS_BEFORE trials);
- admissions under a spike (wrk, SPIKE_CONNECTIONS connections, SPIKE_SECONDS s);
- a flood of made-up query strings: requests that reached gunicorn, objects it added;
- a VCL loaded live under load: connections refused or failed meanwhile.

Bounded: every phase has a request count and a time limit; the whole run stops after
MAX_SECONDS. Needs varnishd with varnish-modules, and wrk for the spike (skipped, and
said so, without it).
"""

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from tests.edge_helpers import AccessLog, Shell, wait_for
from tests.fault_proxy import FaultProxy
from tests.http_session import Session, form_fields
from tests.live_gunicorn import ROOT, Gunicorn, LiveSite, free_port
from tests.live_varnish import VCL, Varnish

OUTAGE_REQUESTS = 120
INQUIRIES = 20
RACE_TRIALS = 20
RACE_TRIALS_BEFORE = 5
SPIKE_CONNECTIONS = 20
SPIKE_SECONDS = 10
FLOOD_REQUESTS = 300
MAX_SECONDS = 900
WORKERS = 3
STARTED = time.monotonic()


def in_time():
    if time.monotonic() - STARTED > MAX_SECONDS:
        raise SystemExit(f"stopped: the run took over {MAX_SECONDS} s")


def names_phone(html, phone):
    return phone in html and 'href="tel:988"' in html


def outage(front, phone, href):
    visitor = Session(front.url, timeout=40)
    paths = ["/", "/blog/", "/es/", "/admissions/", "/es/admisiones/", "/contact/"]
    paths += [f"/never-seen-{n}/" for n in range(4)] + ["/es/nunca-vista/"]
    good = total = 0
    for n in range(OUTAGE_REQUESTS):
        in_time()
        path = paths[n % len(paths)]
        if n % 4 == 3:
            _, _, html = visitor.post(path, {"first_name": "Ana", "message": "x"})
        else:
            _, _, html = visitor.get(path)
        total += 1
        good += names_phone(html, phone) and href in html
    return good, total


def inquiry_forms(front, count, language="en"):
    """`count` visitors, each with the admissions form loaded (its CSRF cookie)."""
    path = "/admissions/" if language == "en" else "/es/admisiones/"
    visitors = []
    for _ in range(count):
        visitor = Session(front.url, timeout=40)
        status, _, html = visitor.get(path)
        assert status == 200, status
        fields = form_fields(html)
        fields.pop("website", None)
        visitors.append((visitor, path, fields))
    return visitors


def send_inquiries(visitors, tag, phone):
    """(thanked, outage pages with the phone, silent losses) and the tags sent."""
    thanked = outage_pages = silent = 0
    sent = []
    for n, (visitor, path, fields) in enumerate(visitors):
        in_time()
        name = f"{tag}{n}"
        fields.update(first_name=[name], phone=["419-555-0199"], for_whom=["myself"])
        status, _, html = visitor.post(path, fields)
        sent.append(name)
        if status == 200 and visitor.last_path != path:  # redirected to the thank-you page
            thanked += 1
        elif names_phone(html, phone):
            outage_pages += 1
        else:
            silent += 1
    return thanked, outage_pages, silent, sent


def inquiries_saved(site):
    """How many inquiries the database holds (their names are encrypted: counted)."""
    return int(site.shell("from inquiries.models import Inquiry; print(Inquiry.objects.count())"))


def first_page_after_start(front, env, log):
    started = time.monotonic()
    server = Gunicorn(env, workers=WORKERS, port=front.backend_port, log_path=log.path)
    server.__enter__()
    gunicorn_ready = time.monotonic() - started
    visitor = Session(front.url, timeout=40)
    while time.monotonic() - started < 120:
        status, _, _ = visitor.get("/admissions/")
        if status == 200:
            break
        time.sleep(0.1)
    return server, gunicorn_ready, time.monotonic() - started


def race(site, vcl, trials, log_path):
    """Forced purge-race trials: stale answers at the edge after the save."""
    post_id, path = site.shell(
        "from articles.models import Post; p = Post.objects.published().first();"
        "print(p.pk, p.get_absolute_url())"
    ).split()
    log = AccessLog(log_path)
    gunicorn_port = free_port()
    stale = 0
    with FaultProxy(gunicorn_port) as slow, Varnish(slow.port, vcl=vcl) as front:
        env = {
            **site.env,
            "EDGE_PURGE_URLS": front.purge_url,
            "DJANGO_TRUSTED_PROXY_COUNT": "1",
        }
        with (
            Gunicorn(env, workers=2, port=gunicorn_port, log_path=log.path),
            Shell(env) as shell,
        ):
            from plumbing import edge

            shell.run(f"from articles.models import Post; post = Post.objects.get(pk={post_id})")
            visitor = Session(front.url, timeout=30)
            for trial in range(trials):
                in_time()
                title = f"Race {trial} {secrets.token_hex(3)}"
                front.wait_until_healthy()
                edge.purge_one(front.purge_url, {"posts"})
                slow.slow(1.0)
                built = log.count("GET", path) + 1
                fetch = threading.Thread(target=visitor.get, args=(path,))
                fetch.start()
                wait_for(lambda b=built: log.count("GET", path) >= b, 30, "the build")
                shell.run(f"post.title_en = {title!r}; post.save()")
                fetch.join()
                slow.passing()
                front.wait_until_healthy()
                stale += title not in visitor.get(path)[2]
    return stale


def wrk(url, connections, seconds):
    script = ROOT / "benchmarks" / "report.lua"
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", str(script), url],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def objects_kept(front):
    time.sleep(1)  # Varnish adds a worker's counts to its totals when the worker is done
    listing = subprocess.run(
        ["varnishstat", "-n", str(front.work), "-1", "-f", "MAIN.n_object"],
        capture_output=True,
        text=True,
    ).stdout.split()
    return int(listing[1])


def flood(front, log):
    """Requests of the flood that reached gunicorn, and objects it added to the cache."""
    before, kept = log.count("GET", "/blog/"), objects_kept(front)
    visitor = Session(front.url, timeout=30)
    for _ in range(FLOOD_REQUESTS):
        in_time()
        junk = secrets.token_hex(6)
        visitor.get(f"/blog/?{junk}={junk}")
    return log.count("GET", "/blog/") - before, objects_kept(front) - kept


def live_reload(front):
    """wrk on the home page while the VCL is loaded again: its errors."""
    result = {}
    load = threading.Thread(target=lambda: result.update(wrk(front.url + "/", 20, 6)))
    load.start()
    time.sleep(2)
    subprocess.run(
        [str(ROOT / "deploy" / "varnish" / "reload.sh"), str(front.work), str(front.backend_port)],
        check=True,
        capture_output=True,
    )
    load.join()
    return result


def main():
    if not shutil.which("varnishd"):
        raise SystemExit("varnishd is not installed (apt-get install varnish varnish-modules)")
    folder = Path(tempfile.mkdtemp(prefix="edge-faults-"))
    folder.chmod(0o755)
    rows = []
    try:
        site = LiveSite(folder, CONTACT_RATE_LIMIT="100000/3600")
        site.shell(
            "from django.core.management import call_command;call_command('load_demo', verbosity=0)"
        )
        phone, href = site.shell(
            "from facility.models import Center; c = Center.objects.get(is_main=True);"
            "print(c.phone + '|' + c.phone_href)"
        ).split("|")
        log = AccessLog(folder / "gunicorn.log")
        backend_port = free_port()
        with Varnish(backend_port) as front:
            env = {
                **site.env,
                "EDGE_PURGE_URLS": front.purge_url,
                "DJANGO_TRUSTED_PROXY_COUNT": "1",
            }
            server = Gunicorn(env, workers=WORKERS, port=backend_port, log_path=log.path)
            server.__enter__()
            try:
                front.wait_until_healthy()
                wait_for(log.edge_pages_fetched, 60, "the edge's pages")
                for path in ["/", "/blog/", "/es/"]:
                    Session(front.url).get(path)

                if shutil.which("wrk"):
                    spike = wrk(front.url + "/admissions/", SPIKE_CONNECTIONS, SPIKE_SECONDS)
                    rows.append(
                        (
                            f"admissions, {SPIKE_CONNECTIONS} connections, {SPIKE_SECONDS} s",
                            f"{spike['requests'] / SPIKE_SECONDS:.1f} rps, p50 "
                            f"{spike['p50_us'] / 1000:.0f} ms, p99 {spike['p99_us'] / 1000:.0f} ms,"
                            f" {spike['errors']} errors",
                        )
                    )
                else:
                    rows.append(("admissions under a spike", "not measured: no wrk"))

                flooded, objects = flood(front, log)
                rows.append(
                    (
                        f"{FLOOD_REQUESTS} made-up query strings on /blog/",
                        f"{flooded} reached gunicorn, {objects} objects added to the cache",
                    )
                )
                if shutil.which("wrk"):
                    reload = live_reload(front)
                    rows.append(
                        (
                            "VCL loaded live under wrk (20 connections, 6 s)",
                            f"{reload['requests']} requests, {reload['errors']} errors",
                        )
                    )

                healthy = inquiry_forms(front, INQUIRIES)
                count = inquiries_saved(site)
                thanked, pages, silent, _ = send_inquiries(healthy, "Up", phone)
                rows.append(
                    (
                        f"{INQUIRIES} inquiries, site up",
                        f"{thanked} thanked ({inquiries_saved(site) - count} saved), "
                        f"{pages} outage pages, {silent} lost silently",
                    )
                )
                waiting = inquiry_forms(front, INQUIRIES // 2) + inquiry_forms(
                    front, INQUIRIES // 2, "es"
                )
            finally:
                server.stop()
            time.sleep(1)
            count = inquiries_saved(site)
            thanked, pages, silent, _ = send_inquiries(waiting, "Down", phone)
            rows.append(
                (
                    f"{INQUIRIES} inquiries, no server (half in Spanish)",
                    f"{thanked} thanked ({inquiries_saved(site) - count} saved), "
                    f"{pages} outage pages with the phone and 988, {silent} lost silently",
                )
            )
            good, total = outage(front, phone, href)
            rows.append(
                (
                    "full outage: answers naming the phone and 988",
                    f"{good} of {total} ({100 * good / total:.0f} %)",
                )
            )
            server, ready, first = first_page_after_start(front, env, log)
            try:
                rows.append(
                    (
                        "first admissions page through the edge after gunicorn starts",
                        f"{first:.1f} s (gunicorn itself answering after {ready:.1f} s)",
                    )
                )
            finally:
                server.stop()

        stale = race(site, None, RACE_TRIALS, folder / "race.log")
        rows.append((f"purge race, {RACE_TRIALS} trials", f"{stale} stale"))
        before = folder / "before.vcl"
        before.write_text(
            VCL.read_text().replace('<= std.real(var.global_get("purged_at"), 0)', "<= -1.0")
        )
        stale_before = race(site, before, RACE_TRIALS_BEFORE, folder / "race-before.log")
        rows.append(
            (
                f"purge race without the purge moment, {RACE_TRIALS_BEFORE} trials",
                f"{stale_before} stale",
            )
        )
        site.remove()
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    width = max(len(label) for label, _ in rows)
    print(f"\nedge under faults ({os.cpu_count()} cores, load {os.getloadavg()[0]:.1f})")
    for label, value in rows:
        print(f"{label.ljust(width)}  {value}")
    print(f"(run took {time.monotonic() - STARTED:.0f} s)")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
