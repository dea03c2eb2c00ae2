"""Each post starts with both languages stamped at its last change: which one is older
is not known before this."""

from django.db import migrations
from django.db.models import F, Q


def forward(apps, schema_editor):
    Post = apps.get_model("articles", "Post")
    Post.objects.update(text_changed_en=F("updated"))
    Post.objects.filter(~Q(slug_es=None)).update(text_changed_es=F("updated"))


class Migration(migrations.Migration):
    dependencies = [("articles", "0013_text_versions")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
