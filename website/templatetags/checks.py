from django import template

from website.checks.report import cached_open_findings

register = template.Library()


@register.inclusion_tag("admin/checks/report.html", takes_context=True)
def checks_report(context):
    """For publishers: every post, page and service with findings still open."""
    if not context["request"].user.has_perm("articles.publish_post"):
        return {"show": False}
    return {"show": True, "items": cached_open_findings()}
