"""Delete the rate-limit counters stored before RATE_LIMIT_KEY: they name their client by
an unkeyed SHA-256 of its address, which anyone can reverse. They are only counts for the
current hour, so nothing is lost but that hour's count (each client starts again)."""

from django.db import migrations


def forget_unkeyed_counters(apps, schema_editor):
    apps.get_model("plumbing", "RateCounter").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("plumbing", "0001_initial")]

    operations = [migrations.RunPython(forget_unkeyed_counters, migrations.RunPython.noop)]
