# Today's text becomes the English version, and the search trigger makes a vector per
# language. Apart from 0010's new columns: Django creates their indexes at the end of a
# migration, and PostgreSQL refuses to make an index on a table updated earlier in the
# same transaction. The trigger comes first, so the copy fills both vectors as it goes.

from django.db import migrations
from django.db.models import F
from django.db.models.functions import Coalesce

# Every text that gains a version per language: what is stored today becomes the English.
TRANSLATED = {
    "Category": ("name", "slug", "description"),
    "Post": (
        "title", "slug", "excerpt", "body", "seo_title", "search_description",
        "featured_image_alt",
    ),
}

# Each language's words in its own stored vector, with its own PostgreSQL configuration;
# same weights as before (title A, excerpt and search description B, body C).
VECTOR = """setweight(to_tsvector('{config}', COALESCE(NEW.title_{code}, '')), 'A')
        || setweight(to_tsvector('{config}',
            COALESCE(NEW.excerpt_{code}, '') || ' ' || COALESCE(NEW.search_description_{code}, '')), 'B')
        || setweight(to_tsvector('{config}', COALESCE(NEW.body_{code}, '')), 'C')"""
TEXT_COLUMNS = ", ".join(
    f"{name}_{code}" for code in ("en", "es") for name in ("title", "excerpt", "search_description", "body")
)
TRIGGER = f"""
DROP TRIGGER IF EXISTS articles_post_search_vector ON articles_post;
CREATE OR REPLACE FUNCTION articles_post_search_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_vector := {VECTOR.format(config="english", code="en")};
    NEW.search_vector_es := {VECTOR.format(config="spanish", code="es")};
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER articles_post_search_vector
    BEFORE INSERT OR UPDATE OF {TEXT_COLUMNS} ON articles_post
    FOR EACH ROW EXECUTE FUNCTION articles_post_search_vector();
"""
# Back to migration 0009's trigger, on the single-language columns.
OLD_TRIGGER = """
DROP TRIGGER IF EXISTS articles_post_search_vector ON articles_post;
CREATE OR REPLACE FUNCTION articles_post_search_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('english', COALESCE(NEW.title, '')), 'A')
        || setweight(to_tsvector('english',
            COALESCE(NEW.excerpt, '') || ' ' || COALESCE(NEW.search_description, '')), 'B')
        || setweight(to_tsvector('english', COALESCE(NEW.body, '')), 'C');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER articles_post_search_vector
    BEFORE INSERT OR UPDATE OF title, excerpt, search_description, body ON articles_post
    FOR EACH ROW EXECUTE FUNCTION articles_post_search_vector();
UPDATE articles_post SET title = title;
"""


def existing_text_is_english(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("articles", model_name)
        model.objects.update(**{f"{name}_en": F(name) for name in fields})


def english_text_back(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("articles", model_name)
        model.objects.update(**{name: Coalesce(f"{name}_en", name) for name in fields})


def vectors_per_language(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGER)


def one_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(OLD_TRIGGER)


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0010_translations'),
    ]

    operations = [
        migrations.RunPython(vectors_per_language, one_vector),
        migrations.RunPython(existing_text_is_english, english_text_back),
    ]
