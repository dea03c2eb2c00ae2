# The stored search vector of posts: a column everywhere; on PostgreSQL also its GIN index
# and the trigger that keeps it up to date on every insert and update.

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.conf import settings
from django.db import migrations

# Same weights and configuration as website/search.py gives services and pages: title A,
# excerpt and search description B, body C (the parser drops the HTML markup).
TRIGGER = """
CREATE FUNCTION articles_post_search_vector() RETURNS trigger AS $$
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
DROP_TRIGGER = """
DROP TRIGGER IF EXISTS articles_post_search_vector ON articles_post;
DROP FUNCTION IF EXISTS articles_post_search_vector();
"""


class AddIndexOnPostgreSQL(migrations.AddIndex):
    """The index in the models' state everywhere, in the database on PostgreSQL only."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGER)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRIGGER)


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0008_post_body_stamp'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='post',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        AddIndexOnPostgreSQL(
            model_name='post',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_vector'], name='post_search_vector'),
        ),
        migrations.RunPython(create_trigger, drop_trigger),
    ]
