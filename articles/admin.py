from django.contrib import admin

from .models import Category, Post, RecommendedPost


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "post_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

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


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "pub_date", "category", "author"]
    list_filter = ["status", "category", "pub_date", "author"]
    list_select_related = ["category", "author"]
    search_fields = ["title", "excerpt", "body"]
    date_hierarchy = "pub_date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["category"]
    inlines = [RecommendedPostInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "excerpt", "body"]}),
        ("Featured image", {"fields": ["featured_image", "featured_image_alt"]}),
        ("Publishing", {"fields": ["status", "pub_date", "category", "author"]}),
        (
            "Medical review",
            {
                "fields": ["medical_reviewer", "medical_reviewer_credentials", "reviewed_on"],
                "description": "Shown under the title as “Medically reviewed by …”.",
            },
        ),
        ("Search and social", {"fields": ["seo_title", "search_description"]}),
    ]

    def get_changeform_initial_data(self, request):
        return {"author": request.user.pk, **super().get_changeform_initial_data(request)}
