"""Centers: the places where care is given, each with its hours and holidays."""

import django.db.models.deletion
import facility.models.centers
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('facility', '0008_search_meta_help_text'),
    ]

    operations = [
        migrations.CreateModel(
            name='Center',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=120)),
                ('slug', models.SlugField(help_text='Its address: /locations/<slug>/.', max_length=80, unique=True)),
                ('is_main', models.BooleanField(default=False, help_text='Its phone is the one in the header on pages about no center in particular.', verbose_name='main center')),
                ('sort_order', models.PositiveSmallIntegerField(default=0)),
                ('street', models.CharField(max_length=200)),
                ('city', models.CharField(max_length=100)),
                ('state', models.CharField(help_text='Two-letter code, such as OH.', max_length=2)),
                ('postal_code', models.CharField(max_length=10, verbose_name='ZIP code')),
                ('phone', models.CharField(help_text='As people should read it: 1-855-605-2135.', max_length=30)),
                ('admissions_phone', models.CharField(blank=True, help_text='Only if admissions has a line of its own.', max_length=30)),
                ('email', models.EmailField(blank=True, max_length=254)),
                ('time_zone', models.CharField(default='America/New_York', help_text='Where its hours are kept, such as America/New_York.', max_length=64, validators=[facility.models.centers.validate_time_zone])),
                ('who_answers', models.CharField(blank=True, help_text='Such as: our own admissions staff in Findlay answer, never a call center.', max_length=300, verbose_name='who answers the phone')),
                ('description', models.TextField(blank=True, max_length=2000)),
                ('latitude', models.DecimalField(blank=True, decimal_places=6, max_digits=9, null=True)),
                ('longitude', models.DecimalField(blank=True, decimal_places=6, max_digits=9, null=True)),
                ('map_url', models.URLField(blank=True, help_text='Where "View larger map" goes; an OpenStreetMap link is made when empty.', verbose_name='map link')),
                ('updated', models.DateTimeField(auto_now=True)),
            ],
            options={
                'ordering': ['-is_main', 'sort_order', 'name'],
            },
        ),
        migrations.CreateModel(
            name='Holiday',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('is_24_hours', models.BooleanField(default=False, verbose_name='open 24 hours')),
                ('is_closed', models.BooleanField(default=False, verbose_name='closed')),
                ('opens', models.TimeField(blank=True, null=True)),
                ('closes', models.TimeField(blank=True, help_text='Earlier than opening means after midnight.', null=True)),
                ('date', models.DateField()),
                ('name', models.CharField(help_text='Such as Thanksgiving Day.', max_length=80)),
            ],
            options={
                'ordering': ['date'],
            },
        ),
        migrations.AddConstraint(
            model_name='center',
            constraint=models.UniqueConstraint(condition=models.Q(('is_main', True)), fields=('is_main',), name='one_main_center', violation_error_message='Only one center can be the main center.'),
        ),
        migrations.AddField(
            model_name='holiday',
            name='center',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='holidays', to='facility.center'),
        ),
        migrations.AddConstraint(
            model_name='holiday',
            constraint=models.UniqueConstraint(fields=('center', 'date'), name='holiday_once_per_date', violation_error_message='This date already has its hours.'),
        ),
        migrations.AddConstraint(
            model_name='holiday',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('is_24_hours', True), ('is_closed', False)), models.Q(('is_24_hours', False), ('is_closed', True)), models.Q(('closes__isnull', False), ('is_24_hours', False), ('is_closed', False), ('opens__isnull', False)), _connector='OR'), name='holiday_hours_are_24_closed_or_times', violation_error_message='Choose open 24 hours, closed, or give both opening and closing times.'),
        ),
        migrations.AddField(
            model_name='openinghours',
            name='center',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='hours', to='facility.center'),
        ),
    ]
