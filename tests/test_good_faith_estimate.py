"""What will it cost: the No Surprises Act's Good Faith Estimate notice, estimates asked
for with a self-pay inquiry and their due dates in business days, and self-pay prices.
Every clock is pinned, in the site's zone (America/New_York)."""

from datetime import date, datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.db import IntegrityError
from django.urls import reverse

from facility.models import Center, Holiday, PriceRange
from inquiries.estimates import due_date
from inquiries.models import Inquiry
from plumbing.business_days import add_business_days

from .factories import INQUIRY_POST, make_inquiry, make_staff

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")
NOTICE = "Your right to receive a Good Faith Estimate"
CMS = '<a href="https://www.cms.gov/nosurprises">cms.gov/nosurprises</a>'
CMS_PHONE = '<a href="tel:+18009853059">1-800-985-3059</a>'
SELF_PAY = {**INQUIRY_POST, "payment": "self-pay", "estimate_requested": "on"}


def at(*parts, zone=NEW_YORK):
    return datetime(*parts, tzinfo=zone)


def pinned(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.fixture
def center(facility):
    # The form offers only the ways to pay the centers take.
    center = Center.objects.get(slug="findlay")
    center.payments = ["private-insurance", "self-pay"]
    center.save()
    return center


# -- Business days --------------------------------------------------------------------


@pytest.mark.parametrize(
    "start, due",
    [
        (date(2026, 12, 7), date(2026, 12, 10)),  # Monday: Thursday
        (date(2026, 12, 4), date(2026, 12, 9)),  # Friday: the weekend skipped, Wednesday
        (date(2026, 12, 5), date(2026, 12, 9)),  # Saturday: counted from Monday
        (date(2026, 11, 25), date(2026, 12, 1)),  # Thanksgiving (Thursday 26) skipped
        (date(2026, 12, 31), date(2027, 1, 6)),  # New Year's Day skipped
        (date(2027, 12, 22), date(2027, 12, 28)),  # Christmas observed Friday 24
        (date(2027, 12, 29), date(2028, 1, 4)),  # New Year's observed Friday 31 Dec
    ],
)
def test_business_days_skip_weekends_and_federal_holidays(start, due):
    assert add_business_days(start, 3) == due


def test_the_due_date_skips_the_centers_own_holidays(center):
    requested = at(2026, 11, 25, 10)
    assert due_date(requested, center) == date(2026, 12, 1)
    Holiday.objects.create(center=center, date=date(2026, 11, 27), name="Day after", is_closed=True)
    # A holiday row counts whatever its hours: the billing office is closed.
    Holiday.objects.create(
        center=center, date=date(2026, 11, 30), name="Staff day", is_24_hours=True
    )
    assert due_date(requested, center) == date(2026, 12, 3)


def test_the_due_date_is_counted_from_the_day_in_the_centers_zone(center):
    # Thursday 23:30 in Ohio is already Friday in UTC: counted from Thursday.
    assert due_date(at(2026, 12, 3, 23, 30), center) == date(2026, 12, 8)
    center.time_zone = "America/Los_Angeles"
    # Friday 00:30 in New York is Thursday 21:30 in California.
    assert due_date(at(2026, 12, 4, 0, 30), center) == date(2026, 12, 8)
    assert due_date(at(2026, 12, 4, 0, 30, zone=ZoneInfo("America/Los_Angeles")), center) == date(
        2026, 12, 9
    )


# -- The inquiry ----------------------------------------------------------------------


def test_a_self_pay_inquiry_asks_for_an_estimate_and_its_thanks_page_has_the_notice(client, center):
    with pinned(at(2026, 12, 31, 23, 30)):
        response = client.post(reverse("inquiries:admissions"), SELF_PAY, follow=True)
    assert response.redirect_chain[-1][0] == reverse("inquiries:thanks_self_pay")
    html = response.content.decode()
    assert NOTICE in html and CMS in html and CMS_PHONE in html
    assert "we will give it to you in writing within 3 business days" in html
    inquiry = Inquiry.objects.get()
    assert (inquiry.estimate_requested, inquiry.estimate_due) == (True, date(2027, 1, 6))


def test_an_inquiry_paying_otherwise_gets_the_plain_thanks_page(client, center):
    response = client.post(reverse("inquiries:admissions"), INQUIRY_POST, follow=True)
    assert response.redirect_chain[-1][0] == reverse("inquiries:thanks")
    assert NOTICE not in response.content.decode()
    assert Inquiry.objects.get().estimate_due is None


def test_an_estimate_asked_for_with_insurance_is_refused_and_nothing_typed_is_lost(client, center):
    data = {**SELF_PAY, "payment": "private-insurance", "plan_name": "Acme Gold"}
    response = client.post(reverse("inquiries:admissions"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "A Good Faith Estimate is for care paid without insurance" in html
    assert 'value="Acme Gold"' in html and INQUIRY_POST["message"] in html
    assert not Inquiry.objects.exists()


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_the_notice_is_on_the_admissions_page_and_each_centers_payment_section(
    client, center, prefix
):
    center.payments = ["self-pay"]
    center.save()
    admissions_url, center_url = reverse("inquiries:admissions"), center.get_absolute_url()
    admissions = client.get(prefix + admissions_url, follow=True).content.decode()
    page = client.get(prefix + center_url, follow=True).content.decode()
    payment = page[page.index('id="center-payment-title"') :].split("</section>")[0]
    for html in (admissions, payment):
        assert CMS in html and CMS_PHONE in html
        if prefix:
            assert "Su derecho a recibir una estimación de buena fe" in html
            assert "Ley Sin Sorpresas" in html
        else:
            assert NOTICE in html and "No Surprises Act" in html


def test_the_spanish_thanks_page_has_the_notice_in_spanish(client, center):
    response = client.post("/es" + reverse("inquiries:admissions"), SELF_PAY, follow=True)
    html = response.content.decode()
    assert "Su derecho a recibir una estimación de buena fe" in html and CMS in html


# -- The pipeline ---------------------------------------------------------------------


# New Year's Eve at 23:30 in Ohio: already January 1 in UTC.
NIGHT = at(2026, 12, 31, 23, 30)


@pytest.fixture
def admissions_client(client, staff_groups):
    with pinned(NIGHT):  # logged in on the pinned clock, so the session has not expired
        client.force_login(make_staff("avery", "Admissions"))
    return client


def estimate(reference, due, sent=None):
    inquiry = make_inquiry(payment="self-pay", estimate_requested=True)
    Inquiry.objects.filter(pk=inquiry.pk).update(
        reference=reference, estimate_due=due, estimate_sent=sent
    )


def test_the_admin_home_lists_estimates_overdue_and_due(admissions_client, center):
    estimate("LATE22", date(2026, 12, 30))
    estimate("TODAY3", date(2026, 12, 31))
    estimate("DUE333", date(2027, 1, 5))
    estimate("SENT44", date(2026, 12, 29), sent=date(2026, 12, 28))
    make_inquiry()  # asked for none

    with pinned(NIGHT):
        html = admissions_client.get(reverse("admin:index")).content.decode()
    box = html[html.index('id="estimates-summary"') :].split("</div>")[0]
    overdue, due = box.split("Overdue: 1")[1].split("Due: 2")
    assert "#LATE22" in overdue
    assert '#TODAY3</a> <span class="mini quiet">due today' in due and "#DUE333" in due
    assert "SENT44" not in box

    changelist = reverse("admin:inquiries_inquiry_changelist")
    with pinned(NIGHT):
        overdue_list = admissions_client.get(changelist + "?estimate=overdue").content.decode()
        due_list = admissions_client.get(changelist + "?estimate=due").content.decode()
    assert "LATE22" in overdue_list and "due Dec 30 (overdue)" in overdue_list
    assert "DUE333" not in overdue_list and "TODAY3" not in overdue_list
    assert "DUE333" in due_list and "TODAY3" in due_list and "LATE22" not in due_list


def test_editors_see_no_estimate(editor_client, center):
    estimate("LATE22", date(2020, 1, 1))
    html = editor_client.get(reverse("admin:index")).content.decode()
    assert "estimates-summary" not in html and "LATE22" not in html


# -- Self-pay prices ------------------------------------------------------------------


def test_self_pay_price_ranges_are_shown_with_their_date(client, center):
    center.payments = ["self-pay"]
    center.save()
    with pinned(at(2026, 11, 3, 9)):
        PriceRange.objects.create(
            center=center, level_of_care="outpatient", low=90, high=150, unit="session"
        )
        PriceRange.objects.create(
            center=center, level_of_care="detox-residential", low=1200, high=1800
        )
    url = center.get_absolute_url()
    with pinned(at(2026, 12, 1, 9)):
        html = client.get(url).content.decode()
    prices = html[html.index("Self-pay prices") :].split("</dl>")[0]
    assert prices.index("Residential detox") < prices.index("Outpatient")
    assert "<dd>$1,200 – $1,800 per day, as of November 3, 2026</dd>" in prices
    assert "<dd>$90 – $150 per session, as of November 3, 2026</dd>" in prices
    spanish = client.get("/es" + url, follow=True).content.decode()
    assert "por sesión, actualizado el 3 de noviembre de 2026" in spanish


def test_a_price_range_cannot_end_below_its_start(center):
    with pytest.raises(IntegrityError):
        PriceRange.objects.create(center=center, level_of_care="outpatient", low=200, high=100)


def test_an_inquirys_estimate_is_due_by_the_days_of_the_center_it_names(center):
    west = Center.objects.create(
        name="West office", slug="west", street="1 Pine St", city="Reno", state="NV",
        postal_code="89501", phone="775-555-0100", time_zone="America/Los_Angeles",
    )  # fmt: skip
    # Friday 01:00 in Ohio is still Thursday 22:00 in Nevada.
    with pinned(at(2026, 12, 4, 1, 0)):
        east_one = make_inquiry(payment="self-pay", estimate_requested=True, center=center)
        west_one = make_inquiry(payment="self-pay", estimate_requested=True, center=west)
        nowhere = make_inquiry(payment="self-pay", estimate_requested=True)
    assert east_one.estimate_due == date(2026, 12, 9)  # from Friday: Mon, Tue, Wed
    assert west_one.estimate_due == date(2026, 12, 8)  # from Thursday: Fri, Mon, Tue
    assert nowhere.estimate_due == date(2026, 12, 9)  # the main center's
