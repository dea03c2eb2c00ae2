"""Facility 0021-0022 and articles 0013-0014 migrate a database forward with nothing lost:
today's holiday names, credential scopes and coordinator title become the English
versions, and every post, page and service starts with its languages stamped alike."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("facility", "0020_language_assistance"), ("articles", "0012_alt_text_per_language")]
AFTER = [("facility", "0022_english_center_texts"), ("articles", "0014_text_versions_stamped")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_center_texts_become_english_and_versions_are_stamped():
    old = migrate(BEFORE)
    center = old.get_model("facility", "Center").objects.create(
        name="Findlay", slug="findlay", street="1 Main St", city="Findlay", state="OH",
        postal_code="45840", phone="419-555-0100",
    )  # fmt: skip
    old.get_model("facility", "Holiday").objects.create(
        center=center, date=date(2026, 12, 25), name="Christmas Day", is_closed=True
    )
    old.get_model("facility", "Credential").objects.create(
        center=center, issuer="The Joint Commission", scope="behavioral health care"
    )
    old.get_model("facility", "Page").objects.create(
        title="Who We Are", title_en="Who We Are", slug="who-we-are", slug_en="who-we-are",
        title_es="Quiénes somos", slug_es="quienes-somos", body="<p>x</p>",
        body_en="<p>x</p>", body_es="<p>y</p>",
    )  # fmt: skip

    new = migrate(AFTER)

    holiday = new.get_model("facility", "Holiday").objects.get()
    assert (holiday.name_en, holiday.name_es) == ("Christmas Day", None)
    credential = new.get_model("facility", "Credential").objects.get()
    assert credential.scope_en == "behavioral health care"
    page = new.get_model("facility", "Page").objects.get()
    assert page.text_changed_en == page.text_changed_es == page.updated


@pytest.fixture(autouse=True)
def latest_schema_after():
    """Leave the database at the latest migrations, whatever comes after these."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
