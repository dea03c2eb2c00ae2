"""Blog posts, their categories, and the posts staff recommend after each one."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from plumbing import prepared
from plumbing.images import SafeImageField
from plumbing.languages import Translated, TranslatedQuerySet, active_language, has_text
from plumbing.richtext import (
    RichTextField,
    SanitizedStamp,
    display_html,
    plain_text,
    sanitize,
)
from plumbing.search_meta import SearchMeta

WORDS_PER_MINUTE = 220


class Category(Translated, models.Model):
    required_translations = ("name", "slug")

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.CharField(
        max_length=300, blank=True, help_text="One sentence shown on the category's page."
    )

    objects = TranslatedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:category", args=[self.slug])


class PostQuerySet(TranslatedQuerySet):
    """Which posts are in which state: the one place that says what the public may see."""

    def drafts(self):
        return self.filter(status=Post.Status.DRAFT)

    def in_review(self):
        return self.filter(status=Post.Status.REVIEW)

    def approved(self):
        """Posts a publisher has published, whether their date has come or not."""
        return self.filter(status=Post.Status.PUBLISHED)

    def published(self, now=None):
        """Posts the public may see: published, and dated `now` (this moment) or earlier."""
        return self.approved().filter(pub_date__lte=now or timezone.now())

    def scheduled(self):
        """Posts that will become public by themselves when their date comes."""
        return self.approved().filter(pub_date__gt=timezone.now())

    def in_state(self, state):
        """The posts in one of Post.State's states, as staff see them."""
        return {
            Post.State.DRAFT: self.drafts,
            Post.State.REVIEW: self.in_review,
            Post.State.SCHEDULED: self.scheduled,
            Post.State.PUBLISHED: self.published,
        }[state]()

    def next_scheduled(self):
        """When the next scheduled post becomes public, or None."""
        return self.scheduled().order_by("pub_date").values_list("pub_date", flat=True).first()

    def for_cards(self):
        """What a list of post cards shows, in the fewest queries, without the bodies.

        A card names its category and nothing of its author: joining the author's account
        and byline made two more objects for each card, and cost a twentieth of the blog
        list's function calls, for nothing shown (feeds ask for the byline themselves)."""
        return self.select_related("category").defer("body", "search_vector", "search_vector_es")


class Post(Translated, SearchMeta):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        REVIEW = "review", "Submitted for review"
        PUBLISHED = "published", "Published"

    class State(models.TextChoices):
        """What staff see at a glance: the status, with scheduled posts told apart."""

        DRAFT = "draft", "Draft"
        REVIEW = "review", "In review"
        SCHEDULED = "scheduled", "Scheduled"
        PUBLISHED = "published", "Published"

    search_description_fallback = "excerpt"
    required_translations = ("title", "slug", "body")
    # The stamp of each language's body (plumbing/richtext.py), by language code.
    BODY_STAMPS = {"en": "body_stamp", "es": "body_stamp_es"}

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, help_text="The post's web address.")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts",
    )
    pub_date = models.DateTimeField(
        "publication date",
        default=timezone.now,
        db_index=True,
        help_text="A future date keeps a published post hidden until then.",
    )
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text="Editors submit posts for review; a publisher publishes them.",
    )
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="posts")
    excerpt = models.TextField(
        max_length=300, blank=True, help_text="A sentence or two for lists and link previews."
    )
    body = RichTextField()
    body_stamp = SanitizedStamp(source="body_en")
    body_stamp_es = SanitizedStamp(source="body_es")
    word_count = models.PositiveIntegerField(default=0, editable=False)
    author_profile = models.ForeignKey(
        "facility.StaffProfile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="authored_posts",
        verbose_name="byline",
        help_text="Whose name the public sees as the author; the organization's if empty.",
    )
    reviewer_profile = models.ForeignKey(
        "facility.StaffProfile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviewed_posts",
        verbose_name="medical reviewer",
        help_text="Who checked the post's medical facts.",
    )
    reviewed_on = models.DateField("medically reviewed on", null=True, blank=True)
    content_updated = models.DateTimeField(
        "last updated",
        null=True,
        blank=True,
        editable=False,
        help_text="When the text of the published post last changed.",
    )
    featured_image = SafeImageField(
        upload_to="posts/%Y/%m/",
        blank=True,
        width_field="featured_image_width",
        height_field="featured_image_height",
    )
    featured_image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    featured_image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    featured_image_alt = models.CharField(
        "featured image alt text",
        max_length=250,
        blank=True,
        help_text="What the picture shows, for people who cannot see it. Required with an image.",
    )
    recommended = models.ManyToManyField(
        "self",
        through="RecommendedPost",
        symmetrical=False,
        related_name="recommended_by",
        blank=True,
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    # Site search's words on PostgreSQL (website/search.py), kept up to date by the
    # database itself on every insert and update, however made (articles' migration
    # 0006 holds the trigger); always empty on other databases.
    search_vector = SearchVectorField(null=True, editable=False)
    # The same for the Spanish texts, with PostgreSQL's `spanish` configuration.
    search_vector_es = SearchVectorField(null=True, editable=False)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-pub_date", "-id"]
        get_latest_by = "pub_date"
        permissions = [("publish_post", "Can publish, schedule and unpublish posts")]
        # Made on PostgreSQL only (migration 0006): other databases search without it.
        indexes = [
            GinIndex(fields=["search_vector"], name="post_search_vector"),
            GinIndex(fields=["search_vector_es"], name="post_search_vector_es"),
        ]
        constraints = [
            models.CheckConstraint(
                # The English alt text, which the admin's form edits (a column per language).
                condition=Q(featured_image="")
                | (Q(featured_image_alt_en__isnull=False) & ~Q(featured_image_alt_en="")),
                name="post_featured_image_has_alt",
                violation_error_message="Describe the featured image in its alt text.",
            ),
            models.CheckConstraint(
                condition=Q(reviewed_on__isnull=True) | Q(reviewer_profile__isnull=False),
                name="post_review_date_has_reviewer",
                violation_error_message="Name the medical reviewer, or leave the date empty.",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.word_count = len(plain_text(self.body).split())
        if self.pk and self.is_public():
            # A new title or text is material; compare with what is stored, sanitized alike.
            before = Post.objects.filter(pk=self.pk).values("title", "body").first()
            after = {"title": self.title, "body": sanitize(self.body)}
            if before is not None and before != after:
                self.content_updated = timezone.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.url_for_slug(self.slug)

    def url_for_slug(self, slug):
        """The address the post has, or had, with `slug` (moved pages need the old)."""
        return reverse("articles:post", args=[slug])

    @property
    def rich_body(self):
        """The body in the active language (English without a Spanish one), safe to show."""
        code = active_language()
        if code not in self.BODY_STAMPS or not has_text(getattr(self, f"body_{code}", None)):
            code = "en"
        return display_html(getattr(self, f"body_{code}"), getattr(self, self.BODY_STAMPS[code]))

    @property
    def reading_minutes(self):
        return max(1, round(self.word_count / WORDS_PER_MINUTE))

    @property
    def last_updated(self):
        """When the post changed materially after its publication day (both days in the
        site's zone, as the page shows them), or None."""
        if self.content_updated and timezone.localdate(self.content_updated) > timezone.localdate(
            self.pub_date
        ):
            return self.content_updated
        return None

    @property
    def author_name(self):
        """The name the public is shown as the post's author: its byline profile's, or ""
        when none is set. Never the user account's: a user name is a login name, half of
        what a password guesser needs, and it never leaves the admin."""
        return self.author_profile.name if self.author_profile is not None else ""

    @property
    def staff_author_name(self):
        """Who wrote the post, for staff screens: the full name, else the user name."""
        if self.author is None:
            return ""
        return self.author.get_full_name() or self.author.get_username()

    @property
    def description(self):
        """What feeds and structured data say the post is about."""
        return self.search_text().description

    def is_public(self):
        return self.state == self.State.PUBLISHED

    @property
    def state(self):
        """This post's state, by the same rule as PostQuerySet's, for one post in hand."""
        if self.status == self.Status.PUBLISHED:
            return self.State.SCHEDULED if self.pub_date > timezone.now() else self.State.PUBLISHED
        return self.State(self.status)

    def _neighbour(self, later):
        # Equal dates fall back to the id, as Django's get_next_by_FOO() does. The SQL is
        # written once per process (plumbing/prepared.py); the post's values change.
        op = "gt" if later else "lt"
        order = ("pub_date", "pk") if later else ("-pub_date", "-pk")

        def build(pub_date, pk, now):
            same_date_tiebreak = Q(pub_date=pub_date, **{f"pk__{op}": pk})
            return (
                Post.objects.published(now)
                .in_language()
                # The same posts as the condition below alone; said first so that the index
                # on the date finds them at once, rather than every post of the other side.
                .filter(**{f"pub_date__{op}e": pub_date})
                .filter(Q(**{f"pub_date__{op}": pub_date}) | same_date_tiebreak)
                .only("title", "slug", "pub_date")
                .order_by(*order)[:1]
            )

        found = prepared.objects(
            f"post neighbour {op}", None, build, self.pub_date, self.pk, timezone.now()
        )
        return found[0] if found else None

    def previous_post(self):
        """The published post just before this one, or None."""
        return self._neighbour(later=False)

    def next_post(self):
        """The published post just after this one, or None."""
        return self._neighbour(later=True)

    def recommended_posts(self, limit=None):
        """Staff's picks in their order, topped up from the same category, then the newest.

        Never this post, never one the public cannot see. Three small queries at most,
        each reading the newest rows by date rather than sorting every post, from SQL
        written once per process (plumbing/prepared.py).
        """
        limit = limit or settings.RECOMMENDED_POSTS
        now = timezone.now()

        def picks(pk, now):
            return (
                Post.objects.published(now)
                .in_language()
                .for_cards()
                .filter(recommended_by_links__post=pk)
                .exclude(pk=pk)
                .order_by("recommended_by_links__sort_order", "recommended_by_links__id")[:limit]
            )

        def newest(wanted):
            def build(excluded, now, *category):
                visible = Post.objects.published(now).in_language().for_cards()
                if category:
                    visible = visible.filter(category_id=category[0])
                return visible.exclude(pk__in=excluded).order_by("-pub_date", "-pk")[:wanted]

            return build

        picked = prepared.objects("recommended picks", limit, picks, self.pk, now)
        for category in ([self.category_id], []):
            if len(picked) >= limit:
                break
            wanted = limit - len(picked)
            excluded = [self.pk, *(post.pk for post in picked)]
            picked += prepared.objects(
                "recommended newest" if not category else "recommended in category",
                wanted,
                newest(wanted),
                excluded,
                now,
                *category,
            )
        return picked


class RecommendedPost(models.Model):
    """One of the posts staff recommend after `post`, in the order they chose."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="recommended_links")
    recommended = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="recommended_by_links"
    )
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = "recommended post"
        constraints = [
            models.UniqueConstraint(
                fields=["post", "recommended"],
                name="recommended_post_once",
                violation_error_message="This post is already recommended.",
            ),
            models.CheckConstraint(
                condition=~Q(post=models.F("recommended")),
                name="recommended_post_not_itself",
                violation_error_message="A post cannot recommend itself.",
            ),
        ]

    def __str__(self):
        return f"{self.recommended} (after {self.post})"
