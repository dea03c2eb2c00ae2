"""Today's holiday names, credential scopes and the coordinator's title become their
English versions, and each page and service starts with both languages
stamped at its last change (which one is older is not known before this)."""

from django.db import migrations
from django.db.models import F, Q


def forward(apps, schema_editor):
    apps.get_model("facility", "Holiday").objects.update(name_en=F("name"))
    apps.get_model("facility", "Credential").objects.update(scope_en=F("scope"))
    apps.get_model("facility", "Facility").objects.update(
        coordinator_title_en=F("coordinator_title")
    )
    for name in ("Page", "Service"):
        model = apps.get_model("facility", name)
        model.objects.update(text_changed_en=F("updated"))
        model.objects.filter(~Q(slug_es=None)).update(text_changed_es=F("updated"))


class Migration(migrations.Migration):
    dependencies = [("facility", "0021_spanish_center_texts_and_section_1557")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
