"""Queries whose SQL is written once (plumbing/prepared.py): the rows are always read anew,
and every page's centers, hours and credentials are what the ORM's prefetch gives."""

from datetime import date, time, timedelta

import pytest
from django.utils import timezone, translation

from facility.models import Center, Credential, Holiday, OpeningHours
from facility.models.centers import centers_with_hours
from plumbing import prepared

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def written_anew():
    prepared.forget()
    yield
    prepared.forget()


def make_center(slug, is_main=False):
    return Center.objects.create(
        name=f"Center {slug}", slug=slug, is_main=is_main, street="1 Main St", city="Tiffin",
        state="OH", postal_code="44883", phone="419-555-0100", time_zone="America/New_York",
    )  # fmt: skip


def test_the_rows_are_read_again_on_every_call_and_the_sql_written_once(
    django_assert_num_queries,
):
    center = make_center("first")
    built = []

    def build():
        built.append(1)
        return Center.objects.all()

    assert [c.name for c in prepared.objects("test centers", None, build)] == ["Center first"]
    Center.objects.filter(pk=center.pk).update(name="Renamed")
    with django_assert_num_queries(1):
        found = prepared.objects("test centers", None, build)
    assert [c.name for c in found] == ["Renamed"]
    assert len(built) == 1


def test_new_values_are_sent_with_the_sql_written_for_the_first():
    center = make_center("first")
    old = Credential.objects.create(center=center, issuer="Old", valid_until=date(2026, 1, 31))
    built = []

    def current(today):
        def build(day):
            built.append(day)
            return Credential.objects.current(day)

        return prepared.objects("test credentials", None, build, today)

    assert current(date(2026, 1, 31)) == [old]
    assert current(date(2026, 2, 1)) == []
    assert current(date(2025, 12, 1)) == [old]
    assert len(built) == 1 and built[0] != date(2026, 1, 31)  # built once, with a stand-in
    with translation.override("es"):
        assert current(date(2026, 1, 31)) == [old]
    assert len(built) == 2  # another language may be other SQL


def test_numbers_datetimes_and_lists_of_them_follow_related_objects():
    first, second, third = make_center("a"), make_center("b"), make_center("c")
    for center in (first, second, third):
        Credential.objects.create(center=center, issuer=f"Board {center.slug}")
    later = timezone.now() + timedelta(days=1)

    def others(pk, excluded, moment):
        return prepared.objects(
            "test others",
            None,
            lambda pk, excluded, moment: (
                Credential.objects.select_related("center")
                .filter(center__updated__lte=moment)
                .exclude(center_id=pk)
                .exclude(center_id__in=excluded)
                .order_by("center__slug")
            ),
            pk,
            excluded,
            moment,
        )

    found = others(first.pk, [second.pk], later)
    assert [c.center.slug for c in found] == ["c"]
    assert [c.center.slug for c in others(third.pk, [second.pk], later)] == ["a"]
    assert [c.center.slug for c in others(third.pk, [first.pk, second.pk], later)] == []
    assert others(third.pk, [second.pk], later - timedelta(days=2)) == []


def test_a_value_the_sql_changes_is_refused():
    with pytest.raises(ValueError, match="not parameters as given"):
        prepared.objects(
            "test contains", None, lambda word: Center.objects.filter(name__icontains=word), "x"
        )
    with pytest.raises(TypeError):
        prepared.objects("test bool", None, lambda flag: Center.objects.all(), True)


def test_every_center_has_its_own_hours_holidays_and_credentials_as_prefetched():
    today = timezone.localdate()
    main, other = make_center("main", is_main=True), make_center("other")
    for center, opens in ((main, 8), (other, 10)):
        OpeningHours.objects.create(
            center=center, days="weekdays", opens=time(opens), closes=time(17)
        )
    Holiday.objects.create(
        center=other, date=today + timedelta(days=3), name="Closed day", is_closed=True
    )
    Credential.objects.create(center=main, issuer="State", valid_until=today)
    Credential.objects.create(center=other, issuer="Ended", valid_until=today - timedelta(1))
    Credential.objects.create(center=other, issuer="CARF", kind="accreditation")

    expected = list(Center.objects.with_hours())
    found = centers_with_hours()

    assert [c.slug for c in found] == [c.slug for c in expected] == ["main", "other"]
    for mine, theirs in zip(found, expected, strict=True):
        assert list(mine.hours.all()) == list(theirs.hours.all())
        assert [h.opens for h in mine.hours.all()] == [h.opens for h in theirs.hours.all()]
        assert list(mine.holidays.all()) == list(theirs.holidays.all())
        assert mine.current_credentials() == theirs.current_credentials()
        assert all(row.center is mine for row in mine.hours.all())
    assert [c.issuer for c in found[1].current_credentials()] == ["CARF"]
    # Asked again with a filter, the rows are still only the center's own.
    assert found[0].hours.filter(days="weekdays").get().opens == time(8)
