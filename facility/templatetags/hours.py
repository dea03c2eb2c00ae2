from django import template

from facility.models.hours import day_labels

register = template.Library()


@register.filter
def labelled_days(rows):
    """The weekly hours rows as (days as read, row): facility.models.hours.day_labels."""
    return day_labels(rows)
