"""Load the demo center: its facts, hours, services, photos, pages and blog posts.

Idempotent: every record is keyed on a natural key (a slug, the days of an hours row, a
photo's order) and updated in place, and pictures are drawn only when missing, so
running it twice changes nothing.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from articles.models import Category, Post, RecommendedPost
from facility.demo import pictures, text
from facility.models import Facility, GalleryPhoto, OpeningHours, Page, Service
from plumbing.richtext import RichTextField, sanitize

DEMO_AUTHOR = {
    "username": "demo-clinical-team",
    "first_name": "Clinical",
    "last_name": "Team",
}


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


class Command(BaseCommand):
    help = "Load the demo treatment center, its pages and blog posts (safe to run again)."

    @transaction.atomic
    def handle(self, *args, **options):
        facility = self.load_facility()
        self.load_services()
        self.load_pages()
        self.load_gallery()
        self.load_posts()
        self.stdout.write(self.style.SUCCESS(f"Demo content for {facility.name} is loaded."))

    def load_facility(self):
        facility = sync(Facility, {"singleton": 1}, text.FACILITY)
        for order, row in enumerate(text.HOURS):
            sync(
                OpeningHours,
                {"facility": facility, "days": row["days"]},
                {
                    "is_24_hours": row.get("is_24_hours", False),
                    "is_closed": row.get("is_closed", False),
                    "opens": row.get("opens"),
                    "closes": row.get("closes"),
                    "sort_order": order,
                },
            )
        return facility

    def load_services(self):
        for order, service in enumerate(text.SERVICES):
            sync(Service, {"slug": service["slug"]}, {**service, "sort_order": order})

    def load_pages(self):
        # The privacy policy states the retention period the settings actually enforce.
        days = str(settings.CONTACT_MESSAGE_RETENTION_DAYS)
        for page in text.PAGES:
            page = {name: value.replace("{retention_days}", days) for name, value in page.items()}
            sync(Page, {"slug": page["slug"]}, page)

    def load_gallery(self):
        for order, photo in enumerate(text.GALLERY):
            defaults = {"alt_text": photo["alt_text"], "caption": photo["caption"]}
            gallery_photo = sync(GalleryPhoto, {"sort_order": order}, defaults)
            if not gallery_photo.image:
                picture = pictures.gallery_image(photo["scene"], seed=order)
                gallery_photo.image.save(f"{photo['scene']}.jpg", ContentFile(picture))

    def load_posts(self):
        author, _ = get_user_model().objects.get_or_create(
            username=DEMO_AUTHOR["username"],
            defaults={**DEMO_AUTHOR, "is_active": False},
        )
        categories = {
            category["slug"]: sync(Category, {"slug": category["slug"]}, category)
            for category in text.CATEGORIES
        }
        # Dates are fixed on first load, so a second run moves nothing.
        today = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
        posts = {}
        for seed, entry in enumerate(text.POSTS):
            fields = {
                "title": entry["title"],
                "excerpt": entry["excerpt"],
                "search_description": entry["search_description"],
                "body": entry["body"],
                "category": categories[entry["category"]],
                "status": Post.Status.PUBLISHED,
                "featured_image_alt": entry["image_alt"],
                "author": author,
            }
            post = sync(
                Post,
                {"slug": entry["slug"]},
                fields,
                create_only={"pub_date": today - timedelta(days=entry["days_ago"])},
            )
            if not post.featured_image:
                picture = pictures.featured_image(entry["image_theme"], seed=seed)
                post.featured_image.save(f"{entry['slug']}.jpg", ContentFile(picture))
            posts[entry["slug"]] = post
        for entry in text.POSTS:
            post = posts[entry["slug"]]
            for order, slug in enumerate(entry["recommended"]):
                sync(
                    RecommendedPost,
                    {"post": post, "recommended": posts[slug]},
                    {"sort_order": order},
                )
