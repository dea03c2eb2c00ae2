"""`make serve` without the production environment: the site as production runs it,
tried out on one's own machine (README, "Production")."""

import os
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest

from .live_gunicorn import ROOT


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.varnish
@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "gunicorn").exists(), reason="no .venv")
def test_make_serve_starts_without_the_production_environment(tmp_path):
    port, backend_port, purge_port = free_port(), free_port(), free_port()
    varnish_dir = f"/tmp/recovery-site-varnish-test-{port}"  # its worker is another user
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "INQUIRY_"))}
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        GUNICORN_WORKERS="1",
    )
    env.pop("REDIS_URL", None)
    server = subprocess.Popen(
        [
            "make",
            "--no-print-directory",
            "serve",
            f"HOST=127.0.0.1:{port}",
            f"BACKEND_PORT={backend_port}",
            f"PURGE_HOST=127.0.0.1:{purge_port}",
            f"VARNISH_DIR={varnish_dir}",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        status = None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                    status = r.status
                    break
            except OSError:
                time.sleep(0.5)
        output = "" if server.poll() is None else server.stdout.read().decode()
        assert status == 200, f"make serve did not answer:\n{output[-3000:]}"
        # Varnish on HOST, which refuses a body over 32 MB itself, as gunicorn never
        # would, with the site's "too long" page (or, before it has fetched it, its own
        # with the crisis lines); gunicorn behind it on the backend port.
        with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
            connection.sendall(
                b"POST /contact/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 40000000\r\n\r\n"
            )
            answer = b""
            while chunk := connection.recv(65536):
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 413 ") and b'href="tel:988"' in answer
        # Purges at PURGE_HOST, not at HOST.
        for address, status in [(port, b"405"), (purge_port, b"200")]:
            with socket.create_connection(("127.0.0.1", address), timeout=10) as connection:
                connection.sendall(
                    b"PURGE / HTTP/1.1\r\nHost: 127.0.0.1\r\nxkey-purge: posts\r\n\r\n"
                )
                assert connection.recv(65536).startswith(b"HTTP/1.1 " + status)
        with urllib.request.urlopen(f"http://127.0.0.1:{backend_port}/healthz", timeout=5) as back:
            assert back.status == 200
    finally:
        if server.poll() is None:
            os.killpg(server.pid, 15)
        server.wait(timeout=30)
        shutil.rmtree(varnish_dir, ignore_errors=True)
