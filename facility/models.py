"""The center itself: its facts, hours, services, photos and pages."""

from django.db import models
from django.db.models import Q
from django.urls import reverse

from plumbing import phones
from plumbing.images import SafeImageField
from plumbing.richtext import RichTextField
from plumbing.search_meta import SearchMeta

from .caching import cached_facility

# The first words of the crisis help on every page, read by people in a hard moment: gentle.
DEFAULT_CRISIS_LINE = "Need to talk to someone right now?"


class Facility(models.Model):
    """The one treatment center this site is for."""

    # A constant, unique column: the database itself refuses a second facility.
    singleton = models.PositiveSmallIntegerField(default=1, unique=True, editable=False)
    name = models.CharField(max_length=120)
    tagline = models.CharField(
        max_length=200, blank=True, help_text="One sentence under the name on the home page."
    )
    about = models.TextField(
        "about our company", max_length=600, help_text="The short blurb in every page's footer."
    )
    street = models.CharField(max_length=200)
    city = models.CharField(max_length=100)
    state = models.CharField(max_length=2, help_text="Two-letter code, such as OH.")
    postal_code = models.CharField("ZIP code", max_length=10)
    phone = models.CharField(max_length=30, help_text="As people should read it: 1-855-605-2135.")
    email = models.EmailField(blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    map_url = models.URLField(
        "map link",
        blank=True,
        help_text='Where "View larger map" goes; an OpenStreetMap link is made when empty.',
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
        if not hasattr(request, "_facility"):
            request._facility = cached_facility()
        return request._facility

    @property
    def phone_href(self):
        return phones.tel_href(self.phone)

    @property
    def address_lines(self):
        return [self.street, f"{self.city}, {self.state} {self.postal_code}"]

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def larger_map_url(self):
        if self.map_url:
            return self.map_url
        if self.has_coordinates:
            return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=16/{self.latitude}/{self.longitude}"
        return ""

    @property
    def map_embed_url(self):
        """An OpenStreetMap embed, loaded only when a visitor asks for it."""
        if not self.has_coordinates:
            return ""
        lat, lon, pad = float(self.latitude), float(self.longitude), 0.006
        return (
            "https://www.openstreetmap.org/export/embed.html?layer=mapnik"
            f"&bbox={lon - pad:.5f}%2C{lat - pad:.5f}%2C{lon + pad:.5f}%2C{lat + pad:.5f}"
            f"&marker={lat:.5f}%2C{lon:.5f}"
        )


class OpeningHours(models.Model):
    class Days(models.TextChoices):
        WEEKDAYS = "weekdays", "Weekdays"
        SATURDAYS = "saturdays", "Saturdays"
        SUNDAYS = "sundays", "Sundays"
        HOLIDAYS = "holidays", "Holidays"
        MONDAY = "monday", "Monday"
        TUESDAY = "tuesday", "Tuesday"
        WEDNESDAY = "wednesday", "Wednesday"
        THURSDAY = "thursday", "Thursday"
        FRIDAY = "friday", "Friday"

    # ISO weekday numbers (Monday is 1) each row covers; holidays are no weekday.
    WEEKDAY_NUMBERS = {
        Days.WEEKDAYS: (1, 2, 3, 4, 5),
        Days.SATURDAYS: (6,),
        Days.SUNDAYS: (7,),
        Days.HOLIDAYS: (),
        Days.MONDAY: (1,),
        Days.TUESDAY: (2,),
        Days.WEDNESDAY: (3,),
        Days.THURSDAY: (4,),
        Days.FRIDAY: (5,),
    }

    facility = models.ForeignKey(Facility, on_delete=models.CASCADE, related_name="hours")
    days = models.CharField(max_length=12, choices=Days.choices)
    is_24_hours = models.BooleanField("open 24 hours", default=False)
    is_closed = models.BooleanField("closed", default=False)
    opens = models.TimeField(null=True, blank=True)
    closes = models.TimeField(
        null=True, blank=True, help_text="Earlier than opening means after midnight."
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = "opening hours"
        verbose_name_plural = "opening hours"
        constraints = [
            models.UniqueConstraint(
                fields=["facility", "days"],
                name="hours_once_per_days",
                violation_error_message="These days already have their hours.",
            ),
            models.CheckConstraint(
                condition=(
                    Q(is_24_hours=True, is_closed=False)
                    | Q(is_24_hours=False, is_closed=True)
                    | Q(
                        is_24_hours=False,
                        is_closed=False,
                        opens__isnull=False,
                        closes__isnull=False,
                    )
                ),
                name="hours_are_24_closed_or_times",
                violation_error_message=(
                    "Choose open 24 hours, closed, or give both opening and closing times."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.get_days_display()}: {self.display}"

    @property
    def weekday_numbers(self):
        return self.WEEKDAY_NUMBERS[self.days]

    @property
    def display(self):
        if self.is_24_hours:
            return "24 Hours"
        if self.is_closed:
            return "Closed"
        return f"{_clock(self.opens)} – {_clock(self.closes)}"


def _clock(value):
    """8:00 a.m., 12:30 p.m.: the AP style American readers expect."""
    hour = value.hour % 12 or 12
    if value.hour == 12 and value.minute == 0:
        return "noon"
    if value.hour == 0 and value.minute == 0:
        return "midnight"
    return f"{hour}:{value.minute:02d} {'a.m.' if value.hour < 12 else 'p.m.'}"


class Service(SearchMeta):
    search_title_fallback = "name"
    search_description_fallback = "summary"

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    summary = models.CharField(max_length=300, help_text="Shown on the services list.")
    body = RichTextField()
    sort_order = models.PositiveSmallIntegerField(default=0)
    updated = models.DateTimeField(auto_now=True)

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
    sort_order = models.PositiveSmallIntegerField(default=0)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = "gallery photo"
        constraints = [
            models.CheckConstraint(condition=~Q(alt_text=""), name="gallery_photo_has_alt"),
        ]

    def __str__(self):
        return self.caption or self.alt_text


class Page(SearchMeta):
    """A page staff write, such as Who We Are, Admissions or the Privacy Policy."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    body = RichTextField()
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.url_for_slug(self.slug)

    def url_for_slug(self, slug):
        """The address the page has, or had, with `slug` (moved pages need the old)."""
        return reverse("facility:page", args=[slug])
