from django import template

register = template.Library()


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(current, *parents):
    """Home, then `parents` given as label, URL, label, URL..., then `current`."""
    crumbs = list(zip(parents[::2], parents[1::2], strict=True))
    return {"crumbs": crumbs, "current": current}
