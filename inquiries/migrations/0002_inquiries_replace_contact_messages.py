"""Inquiries replace contact messages: one front door, one privacy regime.

Each contact message becomes an inquiry with the same id (old links and the admin's
log entries still point at it), its words encrypted as they move; that the visitor
agreed to be contacted is kept as the inquiry's first note. The content type is
relabelled, so the Admissions group's permissions and the log entries follow; then
the old table goes.
"""

import django.db.models.deletion
import django.utils.timezone
import inquiries.fields
import inquiries.models
from django.conf import settings
from django.core.management.color import no_style
from django.db import migrations, models

OLD_CONSENT_NOTE = (
    "Sent through the contact form before it became the inquiry form. The visitor agreed "
    "to be contacted by phone or e-mail about this message."
)


def contact_messages_to_inquiries(apps, schema_editor):
    from inquiries.models import new_reference

    using = schema_editor.connection.alias
    ContactMessage = apps.get_model("inquiries", "ContactMessage")
    Inquiry = apps.get_model("inquiries", "Inquiry")
    InquiryNote = apps.get_model("inquiries", "InquiryNote")
    references = set()
    for message in ContactMessage.objects.using(using).order_by("pk").iterator():
        reference = new_reference()
        while reference in references:
            reference = new_reference()
        references.add(reference)
        inquiry = Inquiry(
            pk=message.pk,
            reference=reference,
            for_whom="",
            first_name=message.name,
            phone=message.phone,
            email=message.email,
            message=message.message,
            notified=message.notified,
        )
        inquiry.save(using=using)
        # auto_now_add would stamp the moment of the move: keep when it was received.
        Inquiry.objects.using(using).filter(pk=inquiry.pk).update(created=message.created)
        if message.consent:
            note = InquiryNote.objects.using(using).create(inquiry=inquiry, text=OLD_CONSENT_NOTE)
            InquiryNote.objects.using(using).filter(pk=note.pk).update(created=message.created)
    # Ids were given explicitly: PostgreSQL's sequence must move past them.
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Inquiry, InquiryNote]):
            cursor.execute(sql)


def relabel_content_type(apps, schema_editor):
    """The contact message's content type becomes the inquiry's, with its permissions."""
    using = schema_editor.connection.alias
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    LogEntry = apps.get_model("admin", "LogEntry")
    types = ContentType.objects.using(using)
    old = types.filter(app_label="inquiries", model="contactmessage").first()
    if old is None:
        return
    new = types.filter(app_label="inquiries", model="inquiry").first()
    if new is not None:
        LogEntry.objects.using(using).filter(content_type=old).update(content_type=new)
        old.delete()
        return
    old.model = "inquiry"
    old.save(update_fields=["model"])
    for permission in Permission.objects.using(using).filter(content_type=old):
        permission.codename = permission.codename.replace("contactmessage", "inquiry")
        permission.name = permission.name.replace("contact messages", "inquiries").replace(
            "contact message", "inquiry"
        )
        permission.save(update_fields=["codename", "name"])


class Migration(migrations.Migration):

    dependencies = [
        ('inquiries', '0001_initial'),
        ('admin', '0003_logentry_add_action_flag_choices'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Inquiry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('reference', models.CharField(default=inquiries.models.new_reference, editable=False, max_length=12, unique=True)),
                ('for_whom', models.CharField(blank=True, choices=[('myself', 'Myself'), ('loved-one', 'Someone I care about'), ('', 'Not asked')], max_length=12, verbose_name='for')),
                ('first_name', inquiries.fields.EncryptedTextField(max_length=60)),
                ('phone', inquiries.fields.EncryptedTextField(blank=True, max_length=30)),
                ('voicemail_ok', models.BooleanField(default=False, verbose_name='voicemail that says who we are')),
                ('text_ok', models.BooleanField(default=False, verbose_name='texts to this number')),
                ('email', inquiries.fields.EncryptedTextField(blank=True, max_length=254, verbose_name='e-mail')),
                ('best_time', models.CharField(choices=[('any', 'Any time'), ('morning', 'Morning'), ('afternoon', 'Afternoon'), ('evening', 'Evening')], default='any', max_length=12, verbose_name='best time to call')),
                ('level_of_care', models.CharField(blank=True, max_length=120, verbose_name='help wanted')),
                ('payment', models.CharField(choices=[('private-insurance', 'Private insurance'), ('medicaid', 'Medicaid'), ('medicare', 'Medicare'), ('self-pay', 'Self-pay'), ('not-sure', 'Not sure')], default='not-sure', max_length=20, verbose_name='expects to pay with')),
                ('plan_name', inquiries.fields.EncryptedTextField(blank=True, max_length=100, verbose_name='insurance plan')),
                ('message', inquiries.fields.EncryptedTextField(blank=True, max_length=2000)),
                ('status', models.CharField(choices=[('new', 'New'), ('contacted', 'Contacted'), ('assessment-scheduled', 'Assessment scheduled'), ('admitted', 'Admitted'), ('referred', 'Referred elsewhere'), ('closed', 'Closed')], db_index=True, default='new', max_length=20)),
                ('first_contact', models.DateTimeField(blank=True, help_text='Set when the status first moves on from New.', null=True, verbose_name='first contacted')),
                ('created', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='received')),
                ('notified', models.DateTimeField(blank=True, help_text='Empty if the e-mail failed.', null=True, verbose_name='staff notified')),
                ('assignee', models.ForeignKey(blank=True, limit_choices_to={'is_staff': True}, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='assigned_inquiries', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name_plural': 'inquiries',
                'ordering': ['-created'],
                'permissions': [('export_inquiry', 'Can export inquiries as CSV')],
            },
        ),
        migrations.CreateModel(
            name='InquiryAccess',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('when', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                ('user_id', models.PositiveBigIntegerField(null=True)),
                ('username', models.CharField(max_length=150)),
                ('action', models.CharField(choices=[('list', 'Listed'), ('view', 'Viewed'), ('history', 'Viewed history'), ('change', 'Changed'), ('export', 'Exported'), ('delete', 'Deleted')], max_length=10)),
                ('inquiry_id', models.PositiveBigIntegerField(db_index=True, null=True)),
                ('reference', models.CharField(blank=True, db_index=True, max_length=12)),
            ],
            options={
                'verbose_name': 'inquiry access',
                'verbose_name_plural': 'inquiry access log',
                'ordering': ['-when'],
            },
        ),
        migrations.CreateModel(
            name='InquiryNote',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('text', inquiries.fields.EncryptedTextField(max_length=4000)),
                ('created', models.DateTimeField(auto_now_add=True, verbose_name='written')),
                ('author', models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL)),
                ('inquiry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notes', to='inquiries.inquiry')),
            ],
            options={
                'ordering': ['created'],
            },
        ),
        migrations.RunPython(contact_messages_to_inquiries, migrations.RunPython.noop),
        migrations.RunPython(relabel_content_type, migrations.RunPython.noop),
        migrations.DeleteModel(
            name='ContactMessage',
        ),
    ]
