"""schema.org JSON-LD for a post: a BlogPosting, published by the center."""

from facility.structured_data import person, publisher
from plumbing.seo import CONTEXT, absolute


def blog_posting(request, post, facility, image):
    url = absolute(request, post.get_absolute_url())
    page = {"@type": "WebPage", "@id": url}
    if post.reviewer_profile:
        # Review belongs to the page: schema.org's reviewedBy and lastReviewed are WebPage's.
        page["@type"] = "MedicalWebPage"
        page["reviewedBy"] = person(request, post.reviewer_profile)
        if post.reviewed_on:
            page["lastReviewed"] = post.reviewed_on.isoformat()
    # Without a byline profile, the provider speaks for the post: never a user name.
    if post.author_profile:
        author = person(request, post.author_profile)
    elif facility is not None:
        author = {"@type": "Organization", "name": facility.name}
    else:
        author = None
    data = {
        "@context": CONTEXT,
        "@type": "BlogPosting",
        "headline": post.title[:110],
        "description": post.description,
        "image": [absolute(request, image.url)],
        "datePublished": post.pub_date.isoformat(),
        "dateModified": (post.last_updated or post.pub_date).isoformat(),
        "mainEntityOfPage": page,
        "articleSection": post.category.name,
        "wordCount": post.word_count,
        "url": url,
    }
    if author is not None:
        data["author"] = author
    if facility is not None:
        data["publisher"] = publisher(request, facility)
    return data
