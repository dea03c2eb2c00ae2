from django.apps import AppConfig


class FacilityConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "facility"
    verbose_name = "Facility"

    def ready(self):
        from . import caching

        caching.register()
