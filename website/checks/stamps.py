"""When each language's text of a post, page or service last changed, kept on every
save however made, for the check that the Spanish is not older than the English."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save
from django.utils import timezone

from .content import CHECKED, digest


def record(sender, instance, raw=False, **kwargs):
    from website.models import TextChange

    if raw:
        return
    content_type = ContentType.objects.get_for_model(instance)
    known = {
        stamp.language: stamp
        for stamp in TextChange.objects.filter(content_type=content_type, object_id=instance.pk)
    }
    now = timezone.now()
    for code, _ in settings.LANGUAGES:
        value = digest(instance, code)
        stamp = known.get(code)
        if stamp is None:
            TextChange.objects.create(
                content_type=content_type,
                object_id=instance.pk,
                language=code,
                digest=value,
                changed=now,
            )
        elif stamp.digest != value:
            stamp.digest, stamp.changed = value, now
            stamp.save(update_fields=["digest", "changed"])


def connect():
    from .report import connect as connect_report

    connect_report()
    for spec in CHECKED.values():
        if spec.has_body:  # a translation's age is told of a body's texts only
            post_save.connect(record, sender=spec.model, dispatch_uid=f"text-change:{spec.label}")
