from django.apps import AppConfig


class InquiriesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "inquiries"
    verbose_name = "Inquiries"

    def ready(self):
        from plumbing import invalidation, outage

        from . import unsent

        # The thanks page is the same for everyone; the form itself never is (CSRF).
        invalidation.cache_pages(
            {
                "inquiries:thanks": set(),
                "inquiries:thanks_self_pay": set(),
                "inquiries:thanks_insurance": set(),
            }
        )
        # A message that could not be taken (CSRF, database, error) is given back.
        outage.give_back_when_failed(unsent.give_back)
