"""What an inquiry offers to choose from, built in one place, from the facility's lists.

The centers say what they give and take (facility/models/care.py: `LevelOfCare`,
`Payment`, ticked on each center's admin page); the form offers those, the ones of the
chosen center, and "Not sure". With several centers each choice names the centers that
offer it, so the form works without JavaScript, and a choice the chosen center does not
offer is refused with a message saying so (forms.py).
"""

from django.utils import translation
from django.utils.text import get_text_list
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from facility.models import Center, LevelOfCare, Payment

NOT_SURE = "Not sure"
PAYMENT_NOT_SURE = "not-sure"


def not_sure():
    """The "Not sure" choice: kept as "Not sure" whatever the language it was chosen in."""
    return (NOT_SURE, gettext("Not sure"))


def payment_choices():
    """Every payment an inquiry may name: the facility's list, then "Not sure"."""
    return [*Payment.choices, (PAYMENT_NOT_SURE, _("Not sure"))]


def level_value(level):
    """What an inquiry stores for a level of care: its English name, the record of what
    was asked for in the words staff read, whatever the language of the form."""
    with translation.override("en"):
        return str(LevelOfCare(level).label)


def centers():
    return list(Center.objects.only("pk", "slug", "name", "care_levels", "payments"))


def offered(all_centers, attribute, choices_from):
    """(value, label, names of the centers offering it) for each of `choices_from` that
    one of `all_centers` ticked in `attribute`, in the order the choices are declared."""
    return [
        (value, label, [c.name for c in all_centers if value in getattr(c, attribute)])
        for value, label in choices_from.choices
        if any(value in getattr(c, attribute) for c in all_centers)
    ]


def with_centers(label, names, all_centers):
    """A choice's label, naming the centers that offer it when there are several: after a
    dash, as labels may end in brackets of their own ("Self-pay (cash)")."""
    if len(all_centers) < 2:
        return label
    listed = get_text_list(names, pgettext("last two of a list", "and"))
    return pgettext("a choice and the centers offering it", "%(choice)s – %(centers)s") % {
        "choice": label,
        "centers": listed,
    }


def levels_of_care(all_centers):
    """(value, label) pairs for "what kind of help": what the centers give, then "Not sure"."""
    return [
        (level_value(value), with_centers(label, names, all_centers))
        for value, label, names in offered(all_centers, "care_levels", LevelOfCare)
    ] + [not_sure()]


def payment_options(all_centers):
    """(value, label) pairs for "how do you expect to pay": what the centers take, then
    "Not sure"."""
    return [
        (value, with_centers(label, names, all_centers))
        for value, label, names in offered(all_centers, "payments", Payment)
    ] + [(PAYMENT_NOT_SURE, gettext("Not sure"))]


def center_options(all_centers):
    return [(center.slug, center.name) for center in all_centers]


def gives(center, level):
    """Whether `center` gives the level of care stored as `level` (or it is "Not sure")."""
    return level == NOT_SURE or any(level_value(value) == level for value in center.care_levels)


def takes(center, payment):
    return payment == PAYMENT_NOT_SURE or payment in center.payments
