from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "website"
    verbose_name = "Website"

    def ready(self):
        from plumbing import outage

        from . import caching, context_processors, redirects
        from .checks import stamps

        caching.register()
        redirects.connect()
        stamps.connect()
        outage.show_when_down(context_processors.when_down)
