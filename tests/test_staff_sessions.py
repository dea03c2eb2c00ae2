"""How long staff stay logged in: a working day from the login for everyone, and 30
minutes without a request for those who read inquiries; public visitors get no session.

Every clock is pinned, in the site's zone, at the boundaries: a minute before, a minute
after. The evening of 31 December in Ohio, already the next year in UTC.
"""

from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse

from .factories import INQUIRY_POST, make_staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff_groups")]

LOGIN = datetime(2026, 12, 31, 23, 30, tzinfo=ZoneInfo("America/New_York"))
MINUTE = timedelta(minutes=1)


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def logged_in_at(client, moment, *groups):
    with at(moment):
        client.force_login(make_staff("sam", *groups))
    return client


def admin_home(client, moment):
    with at(moment):
        return client.get(reverse("admin:index"))


def assert_logged_out(response):
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")


@pytest.mark.parametrize("role", ["Editors", "Admissions"])
def test_a_session_ends_a_working_day_after_the_login(client, settings, role):
    day = settings.STAFF_SESSION_MAX_AGE
    logged_in_at(client, LOGIN, role)
    # Busy all day: a request every 20 minutes keeps even Admissions from idling out.
    moment = LOGIN
    while moment + timedelta(minutes=20) < LOGIN + day - MINUTE:
        moment += timedelta(minutes=20)
        assert admin_home(client, moment).status_code == 200, moment

    assert admin_home(client, LOGIN + day - MINUTE).status_code == 200
    assert_logged_out(admin_home(client, LOGIN + day + MINUTE))
    with at(LOGIN + day + MINUTE):
        assert "_auth_user_id" not in client.session


def test_the_stored_session_and_its_cookie_end_with_the_working_day(client, settings):
    with at(LOGIN):
        response = client.post(
            reverse("admin:login"),
            {"username": make_staff("sam", "Editors").username, "password": "a-long-test-password"},
        )
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == settings.STAFF_SESSION_MAX_AGE.total_seconds()
    assert Session.objects.get().expire_date == LOGIN + settings.STAFF_SESSION_MAX_AGE


def test_those_who_read_inquiries_are_logged_out_after_30_idle_minutes(client, settings):
    idle = settings.STAFF_IDLE_TIMEOUT
    logged_in_at(client, LOGIN, "Admissions")

    assert admin_home(client, LOGIN + idle - MINUTE).status_code == 200
    # Idle counts from the last request, not from the login.
    last = LOGIN + idle - MINUTE
    assert admin_home(client, last + idle - MINUTE).status_code == 200
    last += idle - MINUTE
    response = admin_home(client, last + idle + MINUTE)

    assert_logged_out(response)
    with at(last + idle + MINUTE):
        page = client.get(response["Location"]).content.decode()
        assert "logged out after 30 minutes without activity" in page
        assert "_auth_user_id" not in client.session


def test_a_superuser_idles_out_too(client, settings):
    with at(LOGIN):
        client.force_login(make_staff("boss", is_superuser=True))

    assert_logged_out(admin_home(client, LOGIN + settings.STAFF_IDLE_TIMEOUT + MINUTE))


@pytest.mark.parametrize("role", ["Editors", "Publishers", "Compliance"])
def test_other_staff_are_not_logged_out_for_idling(client, settings, role):
    logged_in_at(client, LOGIN, role)

    assert admin_home(client, LOGIN + settings.STAFF_SESSION_MAX_AGE - MINUTE).status_code == 200


def test_a_session_from_before_these_limits_is_ended(client):
    """Sessions made before this version have no login time: log in again."""
    logged_in_at(client, LOGIN, "Editors")
    session = client.session
    del session["staff_logged_in_at"]
    session.save()

    response = admin_home(client, LOGIN + MINUTE)

    assert_logged_out(response)
    with at(LOGIN + MINUTE):
        page = client.get(response["Location"]).content.decode()
        assert "Your session ended after 10 hours" in page


def test_public_visitors_get_no_session(client, facility, pages):
    answers = [client.get(path) for path in ["/", "/blog/", "/contact/", "/es/"]]
    answers.append(client.post(reverse("inquiries:contact"), INQUIRY_POST))

    assert [a.status_code for a in answers] == [200, 200, 200, 200, 302]
    for answer in answers:
        assert "sessionid" not in answer.cookies
    assert not Session.objects.exists()
