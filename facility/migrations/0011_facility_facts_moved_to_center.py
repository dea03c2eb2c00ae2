"""The facility's location facts now live on its main center (0010 copied them)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("facility", "0010_main_center_from_facility"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='openinghours',
            name='hours_once_per_days',
        ),
        migrations.RemoveField(
            model_name='facility',
            name='city',
        ),
        migrations.RemoveField(
            model_name='facility',
            name='email',
        ),
        migrations.RemoveField(
            model_name='facility',
            name='latitude',
        ),
        migrations.RemoveField(
            model_name='facility',
            name='longitude',
        ),
        migrations.RemoveField(
            model_name='facility',
            name='map_url',
        ),
        migrations.RemoveField(
            model_name='facility',
            name='phone',
        ),
        migrations.RemoveField(
            model_name='facility',
            name='postal_code',
        ),
        migrations.RemoveField(
            model_name='facility',
            name='state',
        ),
        migrations.RemoveField(
            model_name='facility',
            name='street',
        ),
        migrations.RemoveField(
            model_name='openinghours',
            name='facility',
        ),
        migrations.AlterField(
            model_name='openinghours',
            name='center',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='hours', to='facility.center'),
        ),
        migrations.AddConstraint(
            model_name='openinghours',
            constraint=models.UniqueConstraint(fields=('center', 'days'), name='hours_once_per_days', violation_error_message='These days already have their hours.'),
        ),
    ]
