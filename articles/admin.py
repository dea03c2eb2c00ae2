import reversion
from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.utils.html import format_html
from reversion_compare.admin import CompareVersionAdmin

from plumbing.admin_languages import (
    SpanishVersionFilter,
    TranslatedAdmin,
    prepopulated_per_language,
    side_by_side,
    spanish_version,
)

from .models import Category, Post, RecommendedPost

PUBLISH_PERMISSION = "articles.publish_post"
ONLY_PUBLISHERS = (
    "Only publishers can publish posts. Choose “Submitted for review” and a publisher "
    "will publish it."
)


def can_publish(user):
    return user.has_perm(PUBLISH_PERMISSION)


@admin.register(Category)
class CategoryAdmin(TranslatedAdmin):
    list_display = ["name", "slug", "post_count"]
    search_fields = ["name"]
    prepopulated_fields = prepopulated_per_language("slug", "name")
    fields = side_by_side(Category, ["name", "slug", "description"])

    @admin.display(description="posts")
    def post_count(self, obj):
        return obj.posts.count()


class RecommendedPostInline(admin.TabularInline):
    model = RecommendedPost
    fk_name = "post"
    fields = ["recommended", "sort_order"]
    autocomplete_fields = ["recommended"]
    extra = 1
    verbose_name = "recommended post"
    verbose_name_plural = (
        "Recommended posts (shown in this order; when none are picked, posts from the same "
        "category and the newest fill in)"
    )


class StateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return Post.State.choices

    def queryset(self, request, queryset):
        if self.value() in Post.State.values:
            return queryset.in_state(self.value())
        return queryset


class PostForm(forms.ModelForm):
    """Refuses publishing by anyone without the publish permission, whatever was posted.

    The admin builds the real form class from this one, with the model and fields.
    """

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status == Post.Status.PUBLISHED and not can_publish(self.user):
            raise forms.ValidationError(ONLY_PUBLISHERS)
        return status


@admin.register(Post)
class PostAdmin(TranslatedAdmin, CompareVersionAdmin):
    form = PostForm
    list_display = [
        "title",
        "state_badge",
        spanish_version,
        "pub_date",
        "updated",
        "author",
        "category",
    ]
    list_filter = [StateFilter, SpanishVersionFilter, "category", "author", "pub_date"]
    list_select_related = ["category", "author"]
    search_fields = ["title", "excerpt", "body"]
    date_hierarchy = "pub_date"
    prepopulated_fields = prepopulated_per_language("slug", "title")
    autocomplete_fields = ["category", "author_profile", "reviewer_profile"]
    inlines = [RecommendedPostInline]
    actions = ["publish_selected", "unpublish_selected"]

    fieldsets = [
        ("Content", {"fields": side_by_side(Post, ["title", "slug", "excerpt", "body"])}),
        (
            "Featured image",
            {"fields": side_by_side(Post, ["featured_image", "featured_image_alt"])},
        ),
        (
            "Publishing",
            {
                "fields": ["status", "pub_date", "category", "author", "author_profile"],
                "description": "A published post dated in the future appears at that time.",
            },
        ),
        (
            "Medical review",
            {
                "fields": ["reviewer_profile", "reviewed_on"],
                "description": "Shown under the title as “Medically reviewed by …”.",
            },
        ),
        (
            "Search and social",
            {"fields": side_by_side(Post, ["seo_title", "search_description"])},
        ),
    ]

    @admin.display(description="state", ordering="status")
    def state_badge(self, post):
        state = post.state
        return format_html('<span class="state state-{}">{}</span>', state.value, state.label)

    def get_changeform_initial_data(self, request):
        return {"author": request.user.pk, **super().get_changeform_initial_data(request)}

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.user = request.user
        if not can_publish(request.user) and "status" in form.base_fields:
            status = form.base_fields["status"]
            status.choices = [c for c in status.choices if c[0] != Post.Status.PUBLISHED]
            status.help_text = "Submit the post for review; a publisher will publish it."
        return form

    def has_change_permission(self, request, obj=None):
        # A published post is the center's public word: only publishers change it.
        return not self._locked(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._locked(request, obj) and super().has_delete_permission(request, obj)

    def _locked(self, request, obj):
        published = obj is not None and obj.status == Post.Status.PUBLISHED
        return published and not can_publish(request.user)

    def has_publish_permission(self, request):
        return can_publish(request.user)

    @admin.action(description="Publish the selected posts", permissions=["publish"])
    def publish_selected(self, request, queryset):
        changed = self._set_status(request, queryset, Post.Status.PUBLISHED, "Published")
        self.message_user(request, f"Published {changed} post(s).", messages.SUCCESS)

    @admin.action(
        description="Unpublish the selected posts (back to draft)", permissions=["publish"]
    )
    def unpublish_selected(self, request, queryset):
        changed = self._set_status(request, queryset.approved(), Post.Status.DRAFT, "Unpublished")
        self.message_user(request, f"Moved {changed} post(s) back to draft.", messages.SUCCESS)

    def _set_status(self, request, queryset, status, verb):
        """Save each post, so history records the change and who made it."""
        changed = 0
        for post in queryset.exclude(status=status):
            with reversion.create_revision():
                post.status = status
                post.save()
                reversion.set_user(request.user)
                reversion.set_comment(f"{verb} from the post list.")
            changed += 1
        return changed

    def response_add(self, request, obj, post_url_continue=None):
        if "_preview" in request.POST:
            return HttpResponseRedirect(obj.get_absolute_url())
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if "_preview" in request.POST:
            return HttpResponseRedirect(obj.get_absolute_url())
        return super().response_change(request, obj)
