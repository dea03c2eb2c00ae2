"""A real varnishd with the shipped VCL (deploy/varnish/), in front of a test's gunicorn,
run by the same script `make serve` uses; stopped by the test that started it."""

import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from .live_gunicorn import ROOT, free_port

VCL = ROOT / "deploy" / "varnish" / "default.vcl"
SERVE = ROOT / "deploy" / "varnish" / "serve.sh"
BACKEND_PORT = '.port = "8001";'


class Varnish:
    """varnishd on a free port of 127.0.0.1, its backend the gunicorn on `backend_port`;
    purges go to another free port (`purge_url`). `vcl`: another VCL file than the
    shipped one (serve.sh loads it again, live, when it changes)."""

    def __init__(self, backend_port, log_path=None, vcl=None, env=None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.purge_port = free_port()
        self.purge_url = f"http://127.0.0.1:{self.purge_port}"
        self.vcl = vcl
        self.env = env
        self.folder = Path(tempfile.mkdtemp(prefix="recovery-site-varnish-"))
        self.folder.chmod(0o755)  # run as root, varnishd's worker process is another user
        self.backend_port = backend_port
        assert BACKEND_PORT in VCL.read_text()  # what serve.sh replaces
        self.log_path = log_path
        self.process = None

    def __enter__(self):
        log = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL
        self.process = subprocess.Popen(
            [
                str(SERVE),
                f"127.0.0.1:{self.port}",
                str(self.folder / "work"),
                str(self.backend_port),
                f"127.0.0.1:{self.purge_port}",
                *([str(self.vcl)] if self.vcl else []),
            ],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        if log is not subprocess.DEVNULL:
            log.close()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.stop()
                raise RuntimeError(f"varnishd exited with {self.process.returncode}")
            try:
                urllib.request.urlopen(self.url + "/robots.txt", timeout=2).close()
                return self
            except urllib.error.HTTPError:
                return self  # it answers
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"varnishd did not answer on {self.url}")

    def __exit__(self, *exc_info):
        self.stop()

    def healthy(self):
        """Whether varnishd's probe finds its backend answering."""
        listing = subprocess.run(
            ["varnishadm", "-n", str(self.work), "backend.list"],
            capture_output=True,
            text=True,
        ).stdout
        return " healthy " in listing

    def wait_until_healthy(self, seconds=30):
        """Until the probe has found the backend answering (a gunicorn started after
        varnishd is sick to it for its first probes)."""
        deadline = time.monotonic() + seconds
        while not self.healthy():
            if time.monotonic() > deadline:
                raise RuntimeError(f"varnishd's backend is not healthy after {seconds} s")
            time.sleep(0.2)
        return self

    @property
    def work(self):
        """varnishd's -n, for varnishadm and varnishstat."""
        return self.folder / "work"

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)
