"""Fixtures for the staff roles' users, imported by conftest.py."""

import pytest

from .factories import ensure_staff_roles, logged_in, make_staff


@pytest.fixture
def editor(staff_groups):
    return make_staff("editor", "Editors")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def publisher(staff_groups):
    return make_staff("publisher", "Publishers")


@pytest.fixture
def publisher_client(publisher):
    return logged_in(publisher)


@pytest.fixture
def staff_groups(db):
    """The staff groups, there even after a transactional test flushed them."""
    ensure_staff_roles()
