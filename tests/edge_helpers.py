"""What the edge tests share: a Django process kept running against a live site (saves
made there bump, purge and refresh as a server's do), a wait, and the gunicorn access log
read to tell which requests reached the site (the edge itself no longer says)."""

import re
import subprocess
import sys
import time

from .live_gunicorn import ROOT

EDGE_PAGES = ["outage/en", "outage/es", "too-long/en", "too-long/es"]

# One line of Python at a time, in one namespace; "done" (or the error) after each.
SHELL = """
import sys, traceback, django
django.setup()
namespace = {}
for line in sys.stdin:
    try:
        exec(line, namespace)
        print("done", flush=True)
    except Exception:
        print("error: " + traceback.format_exc().replace(chr(10), " | "), flush=True)
"""


class Shell:
    """A Django process against a live site's database, as a server process is: kept
    running, so the purge's background thread (the outage pages' refresh) runs too."""

    def __init__(self, env):
        self.process = subprocess.Popen(
            [sys.executable, "-c", SHELL],
            cwd=ROOT,
            env={**env, "DJANGO_SETTINGS_MODULE": "recovery_site.settings"},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )

    def run(self, line):
        """Run `line`; what it printed before it was done."""
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        printed = []
        while True:
            answer = self.process.stdout.readline()
            assert answer, "the shell exited"
            if answer.startswith("error: "):
                raise AssertionError(answer)
            if answer.strip() == "done":
                return printed
            printed.append(answer.rstrip("\n"))

    def wait_for_purges(self):
        """Until the purges' background threads (the outage pages' refresh) are done."""
        self.run(
            "import threading;[t.join(30) for t in threading.enumerate() if t.name == 'edge-purge']"
        )

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.process.stdin.close()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def wait_for(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"waited {seconds} s for {what}")


class AccessLog:
    """gunicorn's access log (`"GET /path" status ...`, no query string): how many
    requests for a path reached the site."""

    def __init__(self, path):
        self.path = path

    def count(self, method, path):
        if not self.path.exists():
            return 0
        pattern = re.compile(rf'^"{method} {re.escape(path)}" ', re.M)
        return len(pattern.findall(self.path.read_text()))

    def edge_pages_fetched(self):
        return all(self.count("GET", f"/edge/{page}/") for page in EDGE_PAGES)
