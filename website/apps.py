from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "website"
    verbose_name = "Website"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from plumbing import outage

        from . import caching, context_processors, redirects
        from .checks import stamps
        from .logins import sessions

        caching.register()
        redirects.connect()
        stamps.connect()
        user_logged_in.connect(sessions.stamp_login, dispatch_uid="staff-session-stamp")
        outage.show_when_down(context_processors.when_down)
