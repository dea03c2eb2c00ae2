"""The benchmark's content: the demo center, then posts up to a thousand."""

from datetime import timedelta

from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from articles.models import Category, Post, RecommendedPost

# Filler written for the benchmark: realistic length and markup, no real advice.
PARAGRAPHS = [
    "Benchmark paragraph: a steady routine of meals, sleep and short walks gives the first "
    "weeks a shape, and the shape makes each day easier to face than the one before.",
    "Benchmark paragraph: families often ask what to say. Listening first, without a plan "
    "to fix anything, is usually the most useful thing a visit can offer.",
    "Benchmark paragraph: cravings rise and fall like waves. Naming one out loud to a "
    "counselor or a peer takes away some of its force before it peaks.",
]


def body(n):
    sections = []
    for part in range(3):
        sections.append(f"<h2>Part {part + 1} of benchmark post {n}</h2>")
        sections += [f"<p>{text}</p>" for text in PARAGRAPHS]
    sections.append("<ul><li>Rest</li><li>Eat</li><li>Talk to someone</li></ul>")
    return "".join(sections)


def seed(total=1000):
    """Posts up to `total`, then on PostgreSQL the tables' statistics brought up to date, as
    autovacuum does a minute after a bulk load: without them the planner takes 10,000
    posts for a dozen and sorts every post for each list (measured: 106 ms for the blog
    list's ten posts, against 0.07 ms once analyzed)."""
    count = _seed(total)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return count


@transaction.atomic
def _seed(total):
    call_command("load_demo", verbosity=0)
    categories = list(Category.objects.all())
    now = timezone.now()
    missing = total - Post.objects.count()
    posts = [
        Post(
            title=f"Benchmark post {n}: small steps in early recovery",
            slug=f"benchmark-post-{n}",
            category=categories[n % len(categories)],
            status=Post.Status.PUBLISHED,
            pub_date=now - timedelta(days=30, hours=n),
            excerpt=f"Benchmark post {n}, one of a thousand.",
            body=body(n),
            word_count=300,
        )
        for n in range(missing)
    ]
    Post.objects.bulk_create(posts)
    posts = list(Post.objects.order_by("-pub_date")[:60])
    RecommendedPost.objects.bulk_create(
        (
            RecommendedPost(post=post, recommended=posts[(i + k) % len(posts)], sort_order=k)
            for i, post in enumerate(posts)
            for k in (1, 2, 3)
        ),
        ignore_conflicts=True,
    )
    return Post.objects.count()
