from django import template
from django.utils import timezone

from facility.models import Credential
from facility.models.credentials import EXPIRY_WARNING_DAYS

register = template.Library()


@register.inclusion_tag("admin/includes/expiring_credentials.html", takes_context=True)
def expiring_credentials(context):
    """Licenses and accreditations ending within a month, or ended: to renew in time."""
    if not context["request"].user.has_perm("facility.view_credential"):
        return {"show": False}
    return {
        "show": True,
        "days": EXPIRY_WARNING_DAYS,
        "today": timezone.localdate(),
        "credentials": Credential.objects.expiring()
        .select_related("center")
        .order_by("valid_until"),
    }
