from django.contrib import admin
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from .exports import contact_messages_csv
from .models import ContactMessage


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    """Health information: read-only, for staff with `view_contactmessage` only."""

    list_display = ["created", "name", "email", "phone", "notified"]
    list_filter = ["created"]
    search_fields = ["name", "email", "phone"]
    date_hierarchy = "created"
    readonly_fields = ["name", "email", "phone", "message", "consent", "created", "notified"]
    actions = ["export_csv"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_export_permission(self, request):
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.export_{opts.model_name}")

    @admin.action(description="Export selected messages as CSV", permissions=["export"])
    def export_csv(self, request, queryset):
        day = timezone.localdate().isoformat()
        response = HttpResponse(
            contact_messages_csv(queryset.order_by("created")),
            content_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="contact-messages-{day}.csv"'},
        )
        add_never_cache_headers(response)  # no-store: no cache keeps a copy
        return response
