from django import template
from django.utils import timezone

from facility.availability_admin import UpdateForm
from facility.models import Availability, Center

register = template.Library()


@register.inclusion_tag("admin/includes/availability.html", takes_context=True)
def availability_summary(context):
    """Each center's answer to "is there room?" per level of care, with a form to save a
    new one (or the same one again) as of now, in one click."""
    user = context["request"].user
    if not (
        user.has_perm("facility.change_availability") and user.has_perm("facility.add_availability")
    ):
        return {"show": False}
    now = timezone.now()
    centers = Center.objects.prefetch_related("availabilities")
    rows = []
    for center in centers:
        answers = {row.level_of_care: row for row in center.availabilities.all()}
        for level, label in center.levels_of_care():
            answer = answers.get(level)
            rows.append(
                {
                    "center": center,
                    "label": label,
                    "answer": answer,
                    "fresh": answer is not None and answer.is_fresh(now),
                    "form": UpdateForm(
                        initial={
                            "center": center.pk,
                            "level_of_care": level,
                            "status": answer.status if answer else Availability.Status.ACCEPTING,
                            "wait_days": answer.wait_days if answer else None,
                        },
                        auto_id=False,
                    ),
                }
            )
    return {"show": True, "rows": rows, "csrf_token": context.get("csrf_token")}
