from django.conf import settings
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from .models import Category, Post
from .sharing import share_links


class PostListView(ListView):
    template_name = "articles/post_list.html"
    context_object_name = "posts"

    def get_paginate_by(self, queryset):
        return settings.POSTS_PER_PAGE

    def get_queryset(self):
        return Post.objects.published().for_cards()

    def get_context_data(self, **kwargs):
        return super().get_context_data(categories=Category.objects.all(), **kwargs)


class CategoryView(PostListView):
    template_name = "articles/category.html"

    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        return super().get_queryset().filter(category=self.category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


class PostDetailView(DetailView):
    template_name = "articles/post_detail.html"
    context_object_name = "post"

    def get_queryset(self):
        return Post.objects.published().for_cards()

    def get_context_data(self, **kwargs):
        post = self.object
        absolute_url = self.request.build_absolute_uri(post.get_absolute_url())
        return super().get_context_data(
            previous_post=post.previous_post(),
            next_post=post.next_post(),
            recommended_posts=post.recommended_posts(),
            share_links=share_links(absolute_url, post.title),
            **kwargs,
        )
