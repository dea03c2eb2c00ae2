"""The cache keys and fresh values of tag versions, shared by the invalidation that gives
them (plumbing/invalidation.py) and the replay of invalidations the cache missed
(plumbing/missed_bumps.py)."""

import secrets

PREFIX = "tag:"


def key(tag):
    return PREFIX + tag


def new_version():
    return secrets.token_hex(8)


def new_versions(tags):
    """{cache key: a new version} for each of `tags`, to write to the cache."""
    return {key(tag): new_version() for tag in tags}
