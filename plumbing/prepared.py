"""Queries whose SQL is written once per process: for the few read on every page.

Django writes a query's SQL anew each time it runs it, and for the small queries every
page makes (the facility, its centers and their hours) writing the SQL costs several
times what the database takes to answer it. `objects(name, key, build)` runs the
queryset `build()` returns, keeping the SQL Django wrote for it; the next call with the
same `name` and `key` sends that SQL again without building the queryset. `key` holds
every value the SQL depends on besides the language and the database (a date the query
compares with, say); a new key writes the SQL again.

Only the SQL text is kept, as the cached template loader keeps compiled templates: the
rows are read from the database on every call, so nothing shown is older than the query.
The objects come back as the queryset would give them, without its prefetching: a
queryset with `prefetch_related` or `select_related` is refused.
"""

from django.db.models.query import RawQuerySet
from django.utils.translation import get_language

# name -> (key, model, database alias, sql, params); one entry per name, so a key that
# changes (the date) replaces its SQL rather than adding to it.
_written = {}


def objects(name, key, build):
    """The model instances `build()`'s queryset finds, read now, from SQL written once."""
    key = (key, get_language())
    entry = _written.get(name)
    if entry is None or entry[0] != key:
        queryset = build()
        query = queryset.query
        if queryset._prefetch_related_lookups or query.select_related:
            raise ValueError(f"{name}: prepared queries do not prefetch or follow relations")
        sql, params = query.get_compiler(using=queryset.db).as_sql()
        entry = _written[name] = (key, queryset.model, queryset.db, sql, params)
    _, model, using, sql, params = entry
    return list(RawQuerySet(sql, model=model, params=params, using=using))


def forget():
    """Write every query's SQL again on its next use (after the schema changed)."""
    _written.clear()
