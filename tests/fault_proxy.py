"""A TCP proxy on 127.0.0.1 that a test can make fail the way services fail.

`FaultProxy(port)` forwards to 127.0.0.1:`port` from a free port of its own until told:

- `passing()`: forward both ways (the start, and how to bring a service back);
- `refusing()`: connections are refused (the listening socket is closed), and those
  already open are cut;
- `dropping()`: every open connection is cut now; new ones still pass;
- `slow(seconds)`: every chunk, either way, waits `seconds` before it is forwarded;
- `hanging()`: connections are accepted and what is sent is taken, but nothing is
  forwarded or answered, on new connections and on those already open: a server that
  stopped answering without closing anything. `passing()` afterwards lets it all through,
  as a server that wakes up would.

`connections` counts the connections accepted, in every mode: what a client tried.

Threads only, every socket and thread closed by `close()` (a context manager does it).
"""

import contextlib
import socket
import threading
import time

CHUNK = 65536
POLL = 0.1


class FaultProxy:
    def __init__(self, target_port, target_host="127.0.0.1"):
        self.target = (target_host, target_port)
        self.port = None
        self._lock = threading.Lock()
        self._open = threading.Event()  # set: data flows; clear: hanging
        self._open.set()
        self._delay = 0.0
        self._closed = False
        self._sockets = set()
        self._threads = []
        self._listener = None
        self.connections = 0
        self._listen()

    # The modes.
    def passing(self):
        self._delay = 0.0
        if self._listener is None:
            self._listen()
        self._open.set()

    def refusing(self):
        self._stop_listening()
        self._cut_all()

    def dropping(self):
        self._cut_all()

    def slow(self, seconds):
        self._delay = seconds
        self._open.set()

    def hanging(self):
        self._open.clear()

    def close(self):
        self._closed = True
        self._open.set()
        self._stop_listening()
        self._cut_all()
        for thread in self._threads:
            thread.join(timeout=5)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    # The machinery.
    def _listen(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port or 0))
        listener.listen(64)
        listener.settimeout(POLL)
        self.port = listener.getsockname()[1]
        self._listener = listener
        self._start(self._accept, listener)

    def _stop_listening(self):
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()

    def _start(self, target, *args):
        thread = threading.Thread(target=target, args=args, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _accept(self, listener):
        while not self._closed and self._listener is listener:
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self.connections += 1
            self._keep(client)
            self._start(self._connect, client)

    def _keep(self, sock):
        with self._lock:
            self._sockets.add(sock)

    def _cut_all(self):
        with self._lock:
            sockets, self._sockets = self._sockets, set()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
                )
                sock.close()

    def _connect(self, client):
        # A hanging service takes the connection and answers nothing, not even by
        # connecting onwards; it does once it passes again.
        while not self._open.wait(POLL):
            if self._closed:
                return
        try:
            upstream = socket.create_connection(self.target, timeout=5)
        except OSError:
            with contextlib.suppress(OSError):
                client.close()
            return
        self._keep(upstream)
        self._start(self._pump, client, upstream)
        self._start(self._pump, upstream, client)

    def _pump(self, source, destination):
        source.settimeout(POLL)
        while not self._closed:
            try:
                data = source.recv(CHUNK)
            except TimeoutError:
                continue
            except OSError:
                break
            if not data:
                break
            while not self._open.wait(POLL):
                if self._closed:
                    return
            if self._delay:
                time.sleep(self._delay)
            try:
                destination.sendall(data)
            except OSError:
                break
        for sock in (source, destination):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
