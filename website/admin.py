from django.contrib import admin

from .checks import admin as checks
from .models import MovedPage


@admin.register(MovedPage)
class MovedPageAdmin(admin.ModelAdmin):
    """Old addresses that answer with a permanent redirect; slug changes add them."""

    list_display = ["old_path", "new_path", "created"]
    search_fields = ["old_path", "new_path"]


# The checks' panel and acknowledgement on the admin of posts, pages and services.
checks.install()
