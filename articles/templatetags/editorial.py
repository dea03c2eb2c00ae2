from django import template
from django.utils import timezone

from articles.models import Post

register = template.Library()

LISTED = 8


@register.inclusion_tag("admin/includes/editorial_summary.html", takes_context=True)
def editorial_summary(context):
    """What waits for staff: posts in review, drafts, and what is scheduled to appear."""
    if not context["request"].user.has_perm("articles.view_post"):
        return {"show": False}
    posts = Post.objects.select_related("author").only(
        "title", "status", "pub_date", "updated", "author__first_name",
        "author__last_name", "author__username",
    )  # fmt: skip
    return {
        "show": True,
        "review": posts.filter(status=Post.Status.REVIEW).order_by("-updated")[:LISTED],
        "drafts": posts.filter(status=Post.Status.DRAFT).order_by("-updated")[:LISTED],
        "scheduled": posts.filter(
            status=Post.Status.PUBLISHED, pub_date__gt=timezone.now()
        ).order_by("pub_date")[:LISTED],
    }
