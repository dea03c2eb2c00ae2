from django.conf import settings
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from facility.models import Facility
from plumbing.images import share_image
from plumbing.languages import (
    InLanguageDetailMixin,
    active_language,
    default_language,
    home_path,
)
from plumbing.seo import MetaMixin, PageMeta, absolute, breadcrumb_list, default_image

from .models import Category, Post
from .sharing import share_links
from .structured_data import blog_posting


class PostListView(MetaMixin, ListView):
    template_name = "articles/post_list.html"
    context_object_name = "posts"

    def get_paginate_by(self, queryset):
        return settings.POSTS_PER_PAGE

    def get_queryset(self):
        return Post.objects.published().in_language().for_cards()

    def get_context_data(self, **kwargs):
        return super().get_context_data(categories=Category.objects.in_language(), **kwargs)

    def get_meta(self):
        return self.paged_meta(
            _("Blog"),
            _("Articles on detox, residential treatment, recovery and family support."),
            self.request.path,
        )

    def paged_meta(self, title, description, path):
        page = self.request.GET.get("page")
        if page and page != "1":
            paged = _("%(title)s (page %(page)s)") % {"title": title, "page": page}
            return PageMeta(paged, description, path=f"{path}?page={page}")
        return PageMeta(title, description, path=path)


class CategoryView(PostListView):
    template_name = "articles/category.html"

    def get(self, request, *args, **kwargs):
        code = active_language()
        if code != default_language():
            found = Category.objects.filter(slug=kwargs["slug"]).first()
            if found is None or not found.available_in(code):
                # Not in this language: the category's page in English, if there is one.
                english = found or get_object_or_404(
                    Category, **{f"slug_{default_language()}": kwargs["slug"]}
                )
                with translation.override(default_language()):
                    return redirect(english.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        return super().get_queryset().filter(category=self.category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            category=self.category, translated_object=self.category, **kwargs
        )

    def get_meta(self):
        description = self.category.description or _("Blog posts about %(category)s.") % {
            "category": self.category.name
        }
        return self.paged_meta(self.category.name, description, self.request.path)


class PostDetailView(InLanguageDetailMixin, MetaMixin, DetailView):
    """A published post; staff who may edit posts also see drafts and scheduled ones."""

    template_name = "articles/post_detail.html"
    context_object_name = "post"

    def get_queryset(self):
        # The search vector is search's alone, and on PostgreSQL as long as the text.
        posts = Post.objects.select_related(
            "category", "author", "author_profile", "reviewer_profile"
        ).defer("search_vector", "search_vector_es")
        if self.request.user.has_perm("articles.change_post"):
            return posts
        return posts.published()

    def get_context_data(self, **kwargs):
        post = self.object
        return super().get_context_data(
            # Read only if the template shows them: mostly they come from the cache.
            previous_post=SimpleLazyObject(post.previous_post),
            next_post=SimpleLazyObject(post.next_post),
            recommended_posts=SimpleLazyObject(post.recommended_posts),
            crumbs=self.crumbs,
            translated_object=post,
            share_links=share_links(absolute(self.request, post.get_absolute_url()), post.title),
            **kwargs,
        )

    @cached_property
    def crumbs(self):
        """The pages above the post, as (label, address): for its breadcrumbs on the page
        and in its structured data alike."""
        category = self.object.category
        return [(_("Blog"), reverse("articles:list")), (category.name, category.get_absolute_url())]

    def get_meta(self):
        post, request = self.object, self.request
        if post.featured_image:
            image = share_image(post.featured_image, post.featured_image_alt)
        else:
            image = default_image(post.title)
        facility = Facility.for_request(request)
        return PageMeta.describing(
            post,
            type="article",
            image=image,
            published=post.pub_date,
            modified=post.last_updated or post.updated,
            section=post.category.name,
            noindex=not post.is_public(),
            structured_data=[
                blog_posting(request, post, facility, image),
                breadcrumb_list(
                    request,
                    (_("Home"), home_path()),
                    *self.crumbs,
                    (post.title, post.get_absolute_url()),
                ),
            ],
        )

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if not self.object.is_public():
            # A preview: never cached anywhere, never indexed.
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex"
        return response
