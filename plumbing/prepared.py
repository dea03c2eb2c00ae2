"""Queries whose SQL is written once per process: for the few every page makes.

Django writes a query's SQL anew each time it runs it, and for the small queries of a
page (the facility's centers and hours, a post's neighbours and recommendations) writing
it costs several times what the database takes to answer. `objects(name, key, build,
*values)` runs the queryset `build(*values)` and keeps what Django wrote for it; the next
call with the same `name`, `key` and kinds of values sends that SQL again with the new
values, without building the queryset.

How: the first time, `build` is given stand-ins (odd numbers, dates in 1901, odd texts)
for the values, and the places where they appear in the SQL's parameters are noted; a
value that does not appear there as given (the SQL transformed it, as `icontains` does)
is refused with ValueError, so such a query cannot silently run with a wrong value.
`key` names whatever else the SQL depends on (a limit, a user's permission); a None
value, or lists of another length, are other SQL, and written anew. Values may be
integers, texts, dates, datetimes, None, or lists of them.

Only the SQL is kept, as the cached template loader keeps compiled templates: the rows
are read from the database at every call, so nothing shown is older than the query.
"""

import copy
from datetime import UTC, date, datetime

from django.db import connections
from django.utils.translation import get_language

# name -> _Written; one entry per name, so a key that changes (a date) replaces the SQL
# rather than adding to it.
_written = {}


def objects(name, key, build, *values):
    """The model instances `build(*values)` finds, read now, from SQL written once."""
    flat = []
    shape = (key, get_language(), _shape(values, flat))
    written = _written.get(name)
    if written is None or written.shape != shape:
        written = _written[name] = _Written(name, shape, build, values)
    return written.run(flat)


def forget():
    """Write every query's SQL again at its next use (after the schema changed)."""
    _written.clear()


def _shape(value, flat):
    """What of `value` changes the SQL; its values that do not are added to `flat`."""
    if isinstance(value, (list, tuple)):
        return tuple(_shape(item, flat) for item in value)
    if value is None:
        return None
    kind = type(value)
    if kind not in _STAND_INS:
        raise TypeError(f"a prepared query cannot take a {kind.__name__}")
    flat.append(value)
    return kind.__name__


_STAND_INS = {
    int: lambda n: -7_130_000_001 - n,
    str: lambda n: f"\x1fprepared value {n}\x1f",
    date: lambda n: date(1901, 1, 1 + n % 28),
    datetime: lambda n: datetime(1901, 2, 3, 4, 5, 6, 700_001 + n, tzinfo=UTC),
}


def _stand_ins(value, count):
    if isinstance(value, (list, tuple)):
        return [_stand_ins(item, count) for item in value]
    if value is None:
        return None
    stand_in = _STAND_INS[type(value)](len(count))
    count.append(stand_in)
    return stand_in


def _adapt(value, connection):
    """A value as the database driver is given it, as a field's lookup prepares it."""
    if isinstance(value, datetime):
        return connection.ops.adapt_datetimefield_value(value)
    if isinstance(value, date):
        return connection.ops.adapt_datefield_value(value)
    return value


class _Written:
    def __init__(self, name, shape, build, values):
        self.shape = shape
        stand_ins = []
        self.queryset = build(*_stand_ins(list(values), stand_ins))
        self.using = self.queryset.db
        connection = connections[self.using]
        self.compiler = self.queryset.query.get_compiler(using=self.using)
        self.sql, params = self.compiler.as_sql()
        self.params = list(params)
        adapted = [_adapt(value, connection) for value in stand_ins]
        # (place in the parameters, index of the value) for each value's appearances
        self.places = [(i, adapted.index(p)) for i, p in enumerate(params) if p in adapted]
        missing = set(range(len(adapted))) - {index for _, index in self.places}
        if missing:
            raise ValueError(f"{name}: values {sorted(missing)} are not parameters as given")

    def run(self, values):
        connection = connections[self.using]
        params = list(self.params)
        for place, index in self.places:
            params[place] = _adapt(values[index], connection)
        # A copy of the compiler that set up the query, answering with its SQL and these
        # values: the same compiler reads the rows into objects (select_related too).
        compiler = copy.copy(self.compiler)
        compiler.connection = connection
        compiler.as_sql = lambda *args, **kwargs: (self.sql, tuple(params))
        query = copy.copy(self.queryset.query)
        query.get_compiler = lambda *args, **kwargs: compiler
        stored = self.queryset
        queryset = stored.__class__(model=stored.model, query=query, using=stored._db)
        queryset._prefetch_related_lookups = stored._prefetch_related_lookups[:]
        queryset._iterable_class = stored._iterable_class
        queryset._fields = stored._fields
        return list(queryset)
