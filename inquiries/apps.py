from django.apps import AppConfig


class InquiriesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "inquiries"
    verbose_name = "Inquiries"

    def ready(self):
        from plumbing import cache

        # The thanks page is the same for everyone; the form itself never is (CSRF).
        cache.cache_pages({"inquiries:contact_thanks": set()})
