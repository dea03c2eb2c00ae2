"""What an inquiry offers to choose from, built in one place.

The levels of care are the center's own services today; when the site describes
several centers, `levels_of_care()` is the one function to point at their levels of care.
"""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from facility.models import Service

NOT_SURE = "Not sure"


def levels_of_care():
    """(value, label) pairs for "what kind of help", the center's services then "Not sure"."""
    names = Service.objects.order_by("sort_order", "name").values_list("name", flat=True)
    return [(name, name) for name in names] + [not_sure()]


def not_sure():
    """The "Not sure" choice: kept as "Not sure" whatever the language it was chosen in."""
    return (NOT_SURE, gettext("Not sure"))


class Payment(models.TextChoices):
    PRIVATE_INSURANCE = "private-insurance", _("Private insurance")
    MEDICAID = "medicaid", _("Medicaid")
    MEDICARE = "medicare", _("Medicare")
    SELF_PAY = "self-pay", _("Self-pay")
    NOT_SURE = "not-sure", _("Not sure")


def payment_options():
    return Payment.choices
