"""The locator comparison (a center's admin, "Compare with its FindTreatment.gov
listing") given the review's pastes: each gets a clear error or a comparison, never a
500, and a paste far larger than a record is refused at once, not read."""

import json
import time

import pytest
from django.core.management import call_command
from django.urls import reverse

from facility.models import Center

from .test_locator_export import LISTING

pytestmark = pytest.mark.django_db


@pytest.fixture
def compare(db, editor_client):
    call_command("load_demo", verbosity=0)
    url = reverse("admin:facility_center_locator_check")
    findlay = Center.objects.get(slug="findlay")

    def post(listing):
        response = editor_client.post(url, {"center": findlay.pk, "listing": listing})
        assert response.status_code == 200
        return response.content.decode()

    return post


def test_a_phone_given_as_a_number_is_compared_as_written(compare):
    html = compare(json.dumps({**LISTING, "phone": 8556052135, "zip": 45840}))

    rows = html[html.index('id="differences"') :]
    assert "Main phone" not in rows and "ZIP code" not in rows  # the same, as numbers
    assert "Intake phone</th>" in rows


def test_a_category_code_that_is_a_list_is_a_clear_error(compare):
    html = compare(json.dumps({**LISTING, "services": [{"f2": ["TC"]}]}))

    assert "a service&#x27;s category code (f2) is not text" in html
    assert 'id="differences"' not in html


@pytest.mark.parametrize("value", [{"a": 1}, [1, 2], True])
def test_a_field_that_is_not_text_is_a_clear_error(compare, value):
    html = compare(json.dumps({**LISTING, "city": value}))

    assert "(city) is not text" in html
    assert 'id="differences"' not in html


def test_brackets_nested_100000_deep_are_not_a_record(compare):
    html = compare("[" * 100_000)

    assert "This is not the locator&#x27;s record" in html


def test_a_9_mb_paste_is_refused_at_once_saying_the_limit(compare):
    services = [
        {"f1": f"Category {n}", "f2": f"C{n}", "f3": "; ".join(f"Name {n}-{m}" for m in range(50))}
        for n in range(20_000)
    ]
    paste = json.dumps({**LISTING, "services": services})
    assert len(paste) > 9_000_000

    started = time.process_time()
    html = compare(paste)
    spent = time.process_time() - started

    assert "at most 200,000 characters" in html  # said beside the field, always
    assert "Ensure this value has at most 200000 characters" in html
    assert 'id="differences"' not in html
    assert len(html) < 400_000  # the paste is given back cut to the limit, not whole
    assert spent < 3  # measured about 0.3 s; on main 16 s and +378 MB
