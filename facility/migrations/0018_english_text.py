# Today's text becomes the English version. Apart from 0017's new columns: Django creates
# their indexes at the end of a migration, and PostgreSQL refuses to make an index on a
# table updated earlier in the same transaction.

from django.db import migrations
from django.db.models import F
from django.db.models.functions import Coalesce

# Every text that gains a version per language: what is stored today becomes the English.
TRANSLATED = {
    "Facility": ("tagline", "about", "crisis_line", "callback_promise"),
    "Center": ("who_answers", "description"),
    "Service": ("name", "slug", "summary", "body", "seo_title", "search_description"),
    "Page": ("title", "slug", "body", "seo_title", "search_description"),
    "GalleryPhoto": ("alt_text", "caption"),
    "StaffProfile": ("role", "bio"),
}


def existing_text_is_english(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("facility", model_name)
        model.objects.update(**{f"{name}_en": F(name) for name in fields})
    # The English defaults the new Spanish columns were filled with are no Spanish text.
    apps.get_model("facility", "Facility").objects.update(crisis_line_es=None, callback_promise_es=None)


def english_text_back(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("facility", model_name)
        model.objects.update(**{name: Coalesce(f"{name}_en", name) for name in fields})


class Migration(migrations.Migration):

    dependencies = [
        ('facility', '0017_translations'),
    ]

    operations = [
        migrations.RunPython(existing_text_is_english, english_text_back),
    ]
