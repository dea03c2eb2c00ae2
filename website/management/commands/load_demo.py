"""Load the demo center: its facts, hours, services, photos, pages and blog posts.

The content is data in website/demo/: the records in content.toml, each long rich-text
body in an HTML file named by its slug, and the pictures as image files; the Spanish
versions in website/demo/es/ when it is there (website/demo_spanish.py).

Idempotent: every record is keyed on a natural key (a slug, the days of an hours row, a
holiday's date, a photo's order) and updated in place, and pictures are stored only when
missing, so running it twice changes nothing.
"""

import tomllib
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from articles.models import Category, Post, RecommendedPost
from facility.models import (
    Availability,
    Center,
    Credential,
    Facility,
    GalleryPhoto,
    Holiday,
    InsurancePlan,
    LanguageTagline,
    OpeningHours,
    Page,
    PriceRange,
    Service,
    StaffProfile,
)
from plumbing.richtext import RichTextField, sanitize
from website.demo_periods import fill_periods
from website.demo_spanish import load_spanish

DEMO = Path(__file__).resolve().parents[2] / "demo"
PICTURES = DEMO / "pictures"
# The Spanish versions, loaded when the folder is there (website/demo_spanish.py).
SPANISH = DEMO / "es"
# The kinds of record whose body is an HTML file, <kind>/<slug>.html.
WITH_BODY = ("services", "pages", "posts")

DEMO_AUTHOR = {
    "username": "demo-clinical-team",
    "first_name": "Clinical",
    "last_name": "Team",
}


def read_content(folder=DEMO):
    """The demo's records from content.toml, with each body read from its HTML file."""
    path = folder / "content.toml"
    try:
        with path.open("rb") as file:
            content = tomllib.load(file)
        for kind in WITH_BODY:
            for record in content[kind]:
                body = folder / kind / f"{record['slug']}.html"
                record["body"] = body.read_text(encoding="utf-8").strip()
    except tomllib.TOMLDecodeError as error:
        raise CommandError(f"{path} is not valid TOML: {error}") from error
    except OSError as error:
        raise CommandError(f"Cannot read the demo content: {error}") from error
    return content


def read_picture(name):
    try:
        return ContentFile((PICTURES / name).read_bytes())
    except OSError as error:
        raise CommandError(f"Cannot read the demo picture: {error}") from error


def sync(model, lookup, values, create_only=None):
    """Create the record, or update only the fields that differ; return it.

    Unlike update_or_create(), an unchanged record is not saved at all, so its
    auto_now timestamps stay put.
    """
    record = model.objects.filter(**lookup).first()
    if record is None:
        return model.objects.create(**{**lookup, **values, **(create_only or {})})
    changed = [
        name
        for name, value in values.items()
        if getattr(record, name) != _stored(model, name, value)
    ]
    if changed:
        for name in changed:
            setattr(record, name, values[name])
        record.save()
    return record


def _stored(model, name, value):
    """`value` as the database will give it back, to compare with what is there."""
    field = model._meta.get_field(name)
    if field.is_relation:
        return value
    if isinstance(field, RichTextField):
        return sanitize(value)
    return field.to_python(value)


def _hours(row):
    return {
        "is_24_hours": row.get("is_24_hours", False),
        "is_closed": row.get("is_closed", False),
        "opens": row.get("opens"),
        "closes": row.get("closes"),
    }


class Command(BaseCommand):
    help = "Load the demo treatment center, its pages and blog posts (safe to run again)."

    @transaction.atomic
    def handle(self, *args, **options):
        content = read_content()
        facility = sync(Facility, {"singleton": 1}, content["facility"])
        self.load_centers(content["centers"])
        self.load_taglines(content.get("taglines", []))
        self.load_services(content["services"])
        self.load_staff(content["staff"])
        self.load_pages(content["pages"])
        self.load_gallery(content["gallery"])
        self.load_posts(content["categories"], content["posts"], content["bylines"])
        load_spanish(SPANISH, sync)
        self.stdout.write(self.style.SUCCESS(f"Demo content for {facility.name} is loaded."))

    def load_centers(self, centers):
        for order, facts in enumerate(centers):
            facts = dict(facts)
            hours = facts.pop("hours", [])
            holidays = facts.pop("holidays", [])
            plans = facts.pop("insurance_plans", [])
            credentials = facts.pop("credentials", [])
            availability = facts.pop("availability", [])
            prices = facts.pop("prices", [])
            center = sync(Center, {"slug": facts.pop("slug")}, {**facts, "sort_order": order})
            for row_order, row in enumerate(hours):
                sync(
                    OpeningHours,
                    {"center": center, "days": row["days"]},
                    {**_hours(row), "sort_order": row_order},
                )
            for row in holidays:
                sync(
                    Holiday,
                    {"center": center, "date": row["date"]},
                    {**_hours(row), "name": row["name"]},
                )
            for plan in plans:
                plan = dict(plan)
                sync(InsurancePlan, {"center": center, "name": plan.pop("name")}, plan)
            for answer in availability:
                answer = dict(answer)
                key = {"center": center, "level_of_care": answer.pop("level_of_care")}
                # Saved at every load, unchanged or not: saving is saying it is true now
                # (as_of), and the demo's answers would otherwise stop being shown.
                Availability.objects.update_or_create(**key, defaults={"wait_days": None, **answer})
            for price in prices:
                price = dict(price)
                key = {"center": center, "level_of_care": price.pop("level_of_care")}
                sync(PriceRange, key, price)
            for order, credential in enumerate(credentials):
                credential = dict(credential)
                key = {"center": center, "kind": credential.pop("kind")}
                key["issuer"] = credential.pop("issuer")
                sync(Credential, key, {**credential, "sort_order": order})

    def load_taglines(self, taglines):
        for order, tagline in enumerate(taglines):
            tagline = dict(tagline)
            key = {"state": tagline.pop("state"), "language": tagline.pop("language")}
            sync(LanguageTagline, key, {**tagline, "sort_order": order})

    def load_services(self, services):
        centers = {center.slug: center for center in Center.objects.all()}
        for order, service in enumerate(services):
            service = dict(service)
            offered_at = [centers[slug] for slug in service.pop("centers", [])]
            record = sync(Service, {"slug": service["slug"]}, {**service, "sort_order": order})
            record.centers.set(offered_at)

    def load_staff(self, staff):
        centers = {center.slug: center for center in Center.objects.all()}
        for order, person in enumerate(staff):
            person = dict(person)
            center = centers[person.pop("center")] if "center" in person else None
            sync(
                StaffProfile,
                {"name": person.pop("name")},
                {**person, "center": center, "sort_order": order},
            )

    def load_pages(self, pages):
        # The privacy pages state the retention periods the settings actually enforce.
        for page in pages:
            page = {name: fill_periods(value) for name, value in page.items()}
            sync(Page, {"slug": page["slug"]}, page)

    def load_gallery(self, gallery):
        centers = {center.slug: center for center in Center.objects.all()}
        for order, photo in enumerate(gallery):
            defaults = {
                "alt_text": photo["alt_text"],
                "caption": photo["caption"],
                "center": centers.get(photo.get("center")),
            }
            gallery_photo = sync(GalleryPhoto, {"sort_order": order}, defaults)
            if not gallery_photo.image:
                name = photo["picture"]
                gallery_photo.image.save(Path(name).name, read_picture(name))

    def load_posts(self, categories, entries, bylines):
        byline = StaffProfile.objects.get(name=bylines["author"])
        reviewer = StaffProfile.objects.get(name=bylines["reviewer"])
        author, _ = get_user_model().objects.get_or_create(
            username=DEMO_AUTHOR["username"],
            defaults={**DEMO_AUTHOR, "is_active": False},
        )
        categories = {
            category["slug"]: sync(Category, {"slug": category["slug"]}, category)
            for category in categories
        }
        # Dates are fixed on first load, so a second run moves nothing.
        today = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
        posts = {}
        for entry in entries:
            fields = {
                "title": entry["title"],
                "excerpt": entry["excerpt"],
                "search_description": entry["search_description"],
                "body": entry["body"],
                "category": categories[entry["category"]],
                "status": Post.Status.PUBLISHED,
                "featured_image_alt": entry["image_alt"],
                "author": author,
                "author_profile": byline,
                "reviewer_profile": reviewer,
            }
            post = sync(
                Post,
                {"slug": entry["slug"]},
                fields,
                create_only={
                    "pub_date": today - timedelta(days=entry["days_ago"]),
                    "reviewed_on": (today - timedelta(days=entry["days_ago"])).date(),
                },
            )
            if not post.featured_image:
                name = entry["picture"]
                post.featured_image.save(Path(name).name, read_picture(name))
            posts[entry["slug"]] = post
        for entry in entries:
            post = posts[entry["slug"]]
            for order, slug in enumerate(entry["recommended"]):
                sync(
                    RecommendedPost,
                    {"post": post, "recommended": posts[slug]},
                    {"sort_order": order},
                )
