"""All content with open findings, for the publishers' report on the admin's home."""

from collections import Counter
from dataclasses import dataclass

from django.urls import reverse

from .content import CHECKED, Context, check, is_open
from .rules import summary


@dataclass
class Item:
    obj: object
    kind: str  # "post", "page", "service"
    findings: list

    @property
    def title(self):
        return str(self.obj)

    @property
    def url(self):
        meta = self.obj._meta
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[self.obj.pk])

    @property
    def summary(self):
        return summary(Counter(found.kind for found in self.findings))

    @property
    def has_claims(self):
        return any(found.kind == "claim" for found in self.findings)


def open_findings(context=None):
    """Each post, page and service with open findings: claims first, then by title."""
    context = context or Context()
    items = []
    for spec in CHECKED.values():
        for obj in spec.model.objects.order_by("pk"):
            found = [f for f in check(obj, context) if is_open(obj, f, context)]
            if found:
                items.append(Item(obj, spec.model._meta.verbose_name, found))
    items.sort(key=lambda item: (not item.has_claims, item.title.lower()))
    return items
