from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    # The app keeps the label `articles` (its URLs and tables carry it); staff and
    # visitors know it as the blog.
    name = "articles"
    verbose_name = "Blog"

    def ready(self):
        from . import caching

        caching.register()
