"""Old addresses keep working: when a page's slug changes, its old URL answers 301."""

from django.http import HttpResponsePermanentRedirect


class KeepsOldURLs:
    """A model mixin: saving a new slug records a redirect from the old URL.

    The model defines `url_for_slug(slug)`; `get_absolute_url()` comes from it.
    """

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_slug = instance.__dict__.get("slug")
        return instance

    def get_absolute_url(self):
        return self.url_for_slug(self.slug)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        old_slug = getattr(self, "_loaded_slug", None)
        if old_slug and old_slug != self.slug:
            from .models import MovedPage

            MovedPage.record(self.url_for_slug(old_slug), self.get_absolute_url())
        self._loaded_slug = self.slug


class MovedPageMiddleware:
    """Answer a 404 with a permanent redirect when the path is a page's old address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        from .models import MovedPage

        new_path = (
            MovedPage.objects.filter(old_path=request.path)
            .values_list("new_path", flat=True)
            .first()
        )
        if new_path is None:
            return response
        query = request.META.get("QUERY_STRING")
        return HttpResponsePermanentRedirect(f"{new_path}?{query}" if query else new_path)
