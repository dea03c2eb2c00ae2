"""The organization, and what it offers everywhere: its services, photos and pages."""

from datetime import datetime, time, timedelta

from django.db import models
from django.db.models import Q, Subquery
from django.urls import reverse
from django.utils import timezone

from plumbing import invalidation
from plumbing.images import SafeImageField
from plumbing.languages import TextVersions, Translated, TranslatedQuerySet, other_languages
from plumbing.richtext import RichTextField, SanitizedStamp, StampedBody
from plumbing.search_meta import SearchMeta

from .. import phones
from ..language_assistance import AssistanceLanguage, default_languages
from .care import ChoiceListField
from .centers import Center

# The facility with its centers, as every page's header and footer show it, is one entry
# of the shared cache (Facility.cached()), rebuilt after any save of either
# (facility/caching.py says which models make it stale).
FACILITY_KEY = "facility"
# Saves replace the cached facility at once; the timeout only bounds how long a change
# made behind Django's back (a restored backup, SQL by hand) can go unseen.
FACILITY_SECONDS = 24 * 3600
FACILITY_TAGS = {"facility"}

# The first words of the crisis help on every page, read by people in a hard moment: gentle.
DEFAULT_CRISIS_LINE = "Need to talk to someone right now?"


class _NoHours:
    def all(self):
        return []


NO_HOURS = _NoHours()


class MainCenterFact:
    """An attribute of the facility read from its main center (`empty` without one)."""

    def __init__(self, empty):
        self.empty = empty

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, facility, owner=None):
        if facility is None:
            return self
        center = facility.main_center
        return self.empty if center is None else getattr(center, self.name)


# The staff pages every page links to (the menus, the footer's notices), by English slug.
WHO_WE_ARE = "who-we-are"
PRIVACY_POLICY = "privacy-policy"
ACCESSIBILITY = "accessibility"
NONDISCRIMINATION = "nondiscrimination-notice"
LINKED_FROM_EVERY_PAGE = (WHO_WE_ARE, PRIVACY_POLICY, ACCESSIBILITY, NONDISCRIMINATION)


class Facility(models.Model):
    """The provider this site is for: the organization that runs every center."""

    # A constant, unique column: the database itself refuses a second facility.
    singleton = models.PositiveSmallIntegerField(default=1, unique=True, editable=False)
    name = models.CharField(max_length=120)
    tagline = models.CharField(
        max_length=200, blank=True, help_text="One sentence under the name on the home page."
    )
    about = models.TextField(
        "about our company", max_length=600, help_text="The short blurb in every page's footer."
    )
    crisis_line = models.CharField(
        "crisis help line",
        max_length=160,
        default=DEFAULT_CRISIS_LINE,
        help_text=(
            "A short, calm sentence at the top of every page. The 988 Suicide & Crisis "
            "Lifeline and our phone number always follow it."
        ),
    )
    callback_promise = models.CharField(
        "call-back promise",
        max_length=120,
        default="within 15 minutes, day or night",
        help_text=(
            "How soon admissions calls back after an inquiry, as it ends the sentence "
            '"We will call you back …" on the thank-you page. Promise only what you keep.'
        ),
    )
    language_assistance = ChoiceListField(
        "languages of the language assistance page",
        choices_from=AssistanceLanguage,
        default=default_languages,
        help_text=(
            "The page linked from every footer offers free help in these languages, each "
            "in its own words, with the phone number to call."
        ),
    )
    # Section 1557 (45 CFR 92.10): who handles grievances, and how to reach HHS's
    # Office for Civil Rights. The nondiscrimination notice prints them as they are.
    coordinator_title = models.CharField(
        "Section 1557 Coordinator's title",
        max_length=120,
        default="Section 1557 Coordinator",
        help_text="The job title people write to; the notice names the title, not a person.",
    )
    coordinator_address = models.TextField(
        "Section 1557 Coordinator's address",
        max_length=300,
        blank=True,
        help_text="The full mailing address, one line per line.",
    )
    coordinator_phone = models.CharField(
        "Section 1557 Coordinator's phone",
        max_length=32,
        blank=True,
        help_text="A number a person answers; the notice adds TTY: 711.",
    )
    coordinator_email = models.EmailField("Section 1557 Coordinator's e-mail", blank=True)
    ocr_portal = models.URLField(
        "HHS Office for Civil Rights: complaint portal",
        default="https://ocrportal.hhs.gov/ocr/portal/lobby.jsf",
    )
    ocr_phone = models.CharField(
        "HHS Office for Civil Rights: phone", max_length=32, default="1-800-368-1019"
    )
    ocr_tdd = models.CharField(
        "HHS Office for Civil Rights: TDD", max_length=32, default="1-800-537-7697"
    )
    ocr_address = models.TextField(
        "HHS Office for Civil Rights: mailing address",
        max_length=300,
        default=(
            "U.S. Department of Health and Human Services\n"
            "200 Independence Avenue, SW\n"
            "Room 509F, HHH Building\n"
            "Washington, D.C. 20201"
        ),
        help_text="Check HHS's published values once a year.",
    )
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "facility"
        constraints = [
            models.CheckConstraint(condition=Q(singleton=1), name="facility_only_one"),
        ]

    def __str__(self):
        return self.name

    @classmethod
    def for_request(cls, request):
        """The facility with its hours, from the cache, once per request however often asked."""
        if not hasattr(request, "site_facility"):
            request.site_facility = cls.cached()
        return request.site_facility

    @classmethod
    def cached(cls):
        """The facility with its centers and their hours, from the cache when it is
        current; None when there is none."""
        facility, built_from = invalidation.fetch(FACILITY_KEY, FACILITY_TAGS)
        if facility is not invalidation.MISSING and facility is not None and facility.outlived():
            facility = invalidation.MISSING
        if facility is invalidation.MISSING:
            facility = cls.objects.annotate(**cls.linked_page_columns()).first()
            seconds = FACILITY_SECONDS
            if facility is not None:
                facility.keep_centers()
                # Kept no longer than its first credential is shown (not
                # invalidation.lifetime(), which would ask for this very facility).
                facility.fresh_until = facility.credentials_end()
                if facility.fresh_until is not None:
                    left = (facility.fresh_until - timezone.now()).total_seconds()
                    seconds = max(1, min(seconds, int(left) + 1))
            invalidation.store(FACILITY_KEY, built_from, facility, seconds)
        return facility

    def credentials_end(self):
        """The first moment a shown license or accreditation leaves the pages, or None."""
        last_days = [
            credential.valid_until
            for center in self.centers
            for credential in center.current_credentials()
            if credential.valid_until is not None
        ]
        if not last_days:
            return None
        return datetime.combine(
            min(last_days) + timedelta(days=1), time(0), timezone.get_current_timezone()
        )

    # Until when the cached facility shows what is true (Facility.cached()).
    fresh_until = None

    def outlived(self):
        return self.fresh_until is not None and timezone.now() >= self.fresh_until

    # The centers as read for the cache (keep_centers()); None: read them when asked.
    _centers = None

    def keep_centers(self):
        """Read the centers now, to keep them with the facility in the cache."""
        self._centers = self._read_centers()

    @staticmethod
    def linked_page_columns():
        """Annotations giving, with the facility's own row, the slug in each other
        language of the staff pages every page links to (None: no version there), so
        the menus link their final addresses at no query more."""
        return {
            f"linked_{index}_{code}": Subquery(
                Page.objects.in_language(code).filter(slug_en=slug).values(f"slug_{code}")[:1]
            )
            for index, slug in enumerate(LINKED_FROM_EVERY_PAGE)
            for code in other_languages()
        }

    @property
    def coordinator_phone_href(self):
        return phones.tel_href(self.coordinator_phone)

    @property
    def ocr_phone_href(self):
        return phones.tel_href(self.ocr_phone)

    @property
    def ocr_tdd_href(self):
        return phones.tel_href(self.ocr_tdd)

    def assistance_taglines(self):
        """The language assistance taglines of the states the centers are in (staff keep
        each state's list); without any, the national list ticked on the facility."""
        from ..language_assistance import taglines
        from .taglines import LanguageTagline

        by_state = LanguageTagline.for_states(center.state for center in self.centers)
        return by_state or taglines(self.language_assistance)

    def page_slugs(self, code):
        """(English slug, slug in `code`) of the staff pages every page links to that
        have a version in `code`, as read with the facility (linked_page_columns())."""
        pairs = []
        for index, slug in enumerate(LINKED_FROM_EVERY_PAGE):
            translated = getattr(self, f"linked_{index}_{code}", None)
            if translated:
                pairs.append((slug, translated))
        return tuple(pairs)

    @staticmethod
    def _read_centers():
        return list(Center.objects.with_hours())

    @property
    def centers(self):
        """Every center, main first, with their hours."""
        return self._read_centers() if self._centers is None else self._centers

    @property
    def main_center(self):
        """The center the header's phone and the footer's address are of."""
        return self.centers[0] if self.centers else None

    @property
    def has_several_centers(self):
        return len(self.centers) > 1

    # The facts that were the facility's before it had centers are its main center's
    # now: templates and code asking the facility for them still get them.
    street = MainCenterFact("")
    city = MainCenterFact("")
    state = MainCenterFact("")
    postal_code = MainCenterFact("")
    phone = MainCenterFact("")
    phone_href = MainCenterFact("")
    email = MainCenterFact("")
    latitude = MainCenterFact(None)
    longitude = MainCenterFact(None)
    address_lines = MainCenterFact(())
    has_coordinates = MainCenterFact(False)
    larger_map_url = MainCenterFact("")
    map_embed_url = MainCenterFact("")
    hours = MainCenterFact(NO_HOURS)


class Service(StampedBody, Translated, TextVersions, SearchMeta):
    search_title_fallback = "name"
    search_description_fallback = "summary"
    required_translations = ("name", "slug", "body")

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    summary = models.CharField(max_length=300, help_text="Shown on the services list.")
    body = RichTextField()
    # Each language's body, sanitized on save, vouched for (plumbing/richtext.py).
    body_stamp = SanitizedStamp(source="body_en")
    body_stamp_es = SanitizedStamp(source="body_es")
    centers = models.ManyToManyField(
        "facility.Center",
        blank=True,
        related_name="services",
        help_text="Where it is offered.",
    )
    sort_order = models.PositiveSmallIntegerField(default=0)
    updated = models.DateTimeField(auto_now=True)

    objects = TranslatedQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return self.url_for_slug(self.slug)

    def url_for_slug(self, slug):
        """The address the service has, or had, with `slug` (moved pages need the old)."""
        return reverse("facility:service", args=[slug])


class GalleryPhoto(models.Model):
    """A picture on the Tour Facility page."""

    image = SafeImageField(
        upload_to="gallery/", width_field="image_width", height_field="image_height"
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    alt_text = models.CharField(
        max_length=250, help_text="What the picture shows, for people who cannot see it."
    )
    caption = models.CharField(max_length=250, blank=True)
    center = models.ForeignKey(
        "facility.Center",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="photos",
        help_text="The center it shows, to show it on that center's page too.",
    )
    sort_order = models.PositiveSmallIntegerField(default=0)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = "gallery photo"
        constraints = [
            # The English alt text, which the admin's form edits (a column per language).
            models.CheckConstraint(
                condition=Q(alt_text_en__isnull=False) & ~Q(alt_text_en=""),
                name="gallery_photo_has_alt",
            ),
        ]

    def __str__(self):
        return self.caption or self.alt_text


class Page(StampedBody, Translated, TextVersions, SearchMeta):
    """A page staff write, such as Who We Are, Admissions or the Privacy Policy."""

    required_translations = ("title", "slug", "body")

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    body = RichTextField()
    body_stamp = SanitizedStamp(source="body_en")
    body_stamp_es = SanitizedStamp(source="body_es")
    updated = models.DateTimeField(auto_now=True)

    objects = TranslatedQuerySet.as_manager()

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.url_for_slug(self.slug)

    def url_for_slug(self, slug):
        """The address the page has, or had, with `slug` (moved pages need the old)."""
        return reverse("facility:page", args=[slug])
