from django import template

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
        "review": posts.in_review().order_by("-updated")[:LISTED],
        "drafts": posts.drafts().order_by("-updated")[:LISTED],
        "scheduled": posts.scheduled().order_by("pub_date")[:LISTED],
    }
