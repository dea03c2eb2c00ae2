"""Django's PostgreSQL backend, with every wait for the server bounded in time.

A PostgreSQL server that accepted the connection and then stopped answering (hung,
swapping, its disk gone) gives no error: the synchronous worker waiting on it waits for
ever, and gunicorn kills it after its timeout. The server's own limits
(`statement_timeout`, set in settings from DATABASE_STATEMENT_TIMEOUT) are enforced by
the server, which is the one not answering; TCP keepalives and `tcp_user_timeout` catch
a peer that is gone from the network, not one whose kernel still acknowledges every byte.
So the bound is kept here, on the client:

- connecting: psycopg's `connect_timeout` (DATABASE_CONNECT_TIMEOUT);
- every later wait (a query, its rows, a commit or rollback, the health check Django
  runs on a kept connection): `ANSWER_SECONDS` (DATABASE_ANSWER_TIMEOUT), after which
  the connection is closed and the caller gets an OperationalError, which the site
  answers as the database being down (plumbing/outage.py).

After a connection failed or timed out, this process does not try again for
`RETRY_AFTER_SECONDS`: requests needing the database fail at once meanwhile, instead of
each waiting out the timeout while the cached pages wait behind them for a free worker.
A transaction cut off this way was never committed (the commit waits for the answer to
everything before it), so nothing a visitor was told failed is saved later.
"""

import logging
import threading
import time

import psycopg
from django.conf import settings
from django.db.backends.postgresql import base

logger = logging.getLogger(__name__)


class Unavailable:
    """Until when this process leaves the database alone, after a failure."""

    def __init__(self):
        self.until = 0.0
        self.lock = threading.Lock()

    def mark(self, error):
        seconds = settings.DATABASE_RETRY_AFTER_SECONDS
        with self.lock:
            first = time.monotonic() >= self.until
            self.until = time.monotonic() + seconds
        if first:
            logger.error("Database unreachable (%s); not trying again for %.0f s.", error, seconds)

    def check(self):
        if time.monotonic() < self.until:
            raise psycopg.OperationalError(
                "The database did not answer a moment ago; not trying again yet."
            )


UNAVAILABLE = Unavailable()


class BoundedConnection(psycopg.Connection):
    """A psycopg connection whose every wait for the server ends within ANSWER_SECONDS."""

    def wait(self, gen, interval=0.1, timeout=None):
        bound = settings.DATABASE_ANSWER_TIMEOUT
        if timeout is not None:
            bound = min(bound, timeout)
        started = time.monotonic()
        try:
            return super().wait(gen, interval=interval, timeout=bound)
        except psycopg.OperationalError as error:
            if time.monotonic() - started < bound:
                raise
            # Mid-protocol, the connection cannot be used again: close it.
            self.close()
            UNAVAILABLE.mark(error)
            raise psycopg.OperationalError(
                f"The database did not answer within {bound:g} s."
            ) from None


class BoundedPsycopg:
    """psycopg as Django's backend sees it, whose connect() makes BoundedConnections."""

    def __getattr__(self, name):
        return getattr(psycopg, name)

    @staticmethod
    def connect(*args, **kwargs):
        UNAVAILABLE.check()
        try:
            return BoundedConnection.connect(*args, **kwargs)
        except psycopg.OperationalError as error:
            UNAVAILABLE.mark(error)
            raise


class DatabaseWrapper(base.DatabaseWrapper):
    Database = BoundedPsycopg()
