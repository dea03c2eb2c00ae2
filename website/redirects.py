"""Old addresses keep working: when a page's slug changes, its old URL answers 301."""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import pre_save
from django.http import HttpResponsePermanentRedirect
from django.utils import translation

from .models import MovedPage


def record_slug_change(sender, instance, raw=False, **kwargs):
    """Before a post, page or service is saved with a new slug in a language, send its old
    URL in that language to the new one; the other languages' addresses are left alone.
    The model gives `url_for_slug(slug)`: the address it has with that slug in the active
    language."""
    if raw or instance.pk is None:
        return  # a fixture being loaded, or a new record: nothing was published before
    codes = [code for code, _ in settings.LANGUAGES]
    columns = [f"slug_{code}" for code in codes]
    before = sender._base_manager.filter(pk=instance.pk).values_list(*columns).first()
    if before is None:
        return
    for code, column, old_slug in zip(codes, columns, before, strict=True):
        new_slug = getattr(instance, column)
        if old_slug and new_slug and old_slug != new_slug:
            with translation.override(code):
                MovedPage.record(instance.url_for_slug(old_slug), instance.url_for_slug(new_slug))


def connect():
    """Record the moves of every model whose pages have a slug in their address."""
    for label in ("articles.Post", "facility.Page", "facility.Service"):
        pre_save.connect(
            record_slug_change, sender=apps.get_model(label), dispatch_uid=f"moved:{label}"
        )


class MovedPageMiddleware:
    """Answer a 404 with a permanent redirect when the path is a page's old address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        new_path = (
            MovedPage.objects.filter(old_path=request.path)
            .values_list("new_path", flat=True)
            .first()
        )
        if new_path is None:
            return response
        query = request.META.get("QUERY_STRING")
        return HttpResponsePermanentRedirect(f"{new_path}?{query}" if query else new_path)
