from django.apps import AppConfig


class PlumbingConfig(AppConfig):
    """What every page of the site relies on, whatever it shows: caching, security
    headers, images, rich text, rate limits. No models of its own, and no knowledge of
    the apps above it: they register what plumbing needs to know in their ready()."""

    name = "plumbing"
    verbose_name = "Site plumbing"

    def ready(self):
        from django.conf import settings
        from PIL import Image

        from . import checks  # noqa: F401  (registers the deployment checks)

        # Pillow's own refusal, for any picture opened anywhere: past twice this, it
        # raises before decoding. Uploads are held to the budget itself, from their
        # headers, before Pillow sees them (plumbing/images.py).
        Image.MAX_IMAGE_PIXELS = settings.IMAGE_MAX_PIXELS
