"""The checks over a whole post, page or service: each language's texts, and what needs
the database (the centers' phones, where internal links lead, review dates, when each
language last changed)."""

import hashlib
from dataclasses import replace
from datetime import date
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import cached_property

from facility import phones
from plumbing.richtext import sanitize

from .engine import check_text, finding
from .rules import languages, rules_for
from .scope import CHECKED, checked, root

__all__ = ["CHECKED", "checked"]  # where the admin, the report and the command read them


SKIPPED_PREFIXES = ("/admin/", "/media/", "/static/", "/ckeditor/")


class LinkIndex:
    """Where the site's own addresses lead: read once per run, a few queries in all."""

    def __init__(self):
        # What each address was found to be: a text may link to one address many times.
        self.evidence, self.problems = {}, {}
        hosts = {host.lstrip(".") for host in settings.ALLOWED_HOSTS if host != "*"}
        site_url = getattr(settings, "SITE_URL", "") or ""
        if site_url:
            hosts.add(urlsplit(site_url).hostname)
        self.hosts = hosts

    @cached_property
    def moved(self):
        from website.models import MovedPage

        return dict(MovedPage.objects.values_list("old_path", "new_path"))

    def slugs(self, label):
        model = apps.get_model(label)
        columns = [f"slug_{code}" for code, _ in settings.LANGUAGES]
        return {slug for row in model.objects.values_list(*columns) for slug in row if slug}

    @cached_property
    def posts(self):
        """slug -> whether the public sees the post, in any language."""
        Post = apps.get_model("articles.Post")
        public = set(Post.objects.published().values_list("pk", flat=True))
        columns = [f"slug_{code}" for code, _ in settings.LANGUAGES]
        found = {}
        for pk, *slugs in Post.objects.values_list("pk", *columns):
            for slug in filter(None, slugs):
                found[slug] = found.get(slug, False) or pk in public
        return found

    @cached_property
    def pages(self):
        return self.slugs("facility.Page")

    @cached_property
    def services(self):
        return self.slugs("facility.Service")

    @cached_property
    def categories(self):
        return self.slugs("articles.Category")

    def own_path(self, href):
        """The path of a link to this site (not to the admin or files), or None."""
        parts = urlsplit(href)
        if parts.scheme not in {"", "http", "https"}:
            return None
        if parts.netloc and parts.hostname not in self.hosts:
            return None
        path = parts.path
        if not path.startswith("/") or path.startswith(SKIPPED_PREFIXES):
            return None
        return path

    def resolve(self, path):
        codes = [code for code, _ in settings.LANGUAGES]
        language = next(
            (code for code in codes if path.startswith(f"/{code}/")), settings.LANGUAGE_CODE
        )
        try:
            with translation.override(language):
                return resolve(path)
        except Resolver404:
            return None

    def is_evidence(self, href):
        """Whether a link leads to a page of this site that can say how a figure was
        measured: an existing page, or a published post. The home page, a list or
        another site is not such a page."""
        if href not in self.evidence:
            self.evidence[href] = self.find_evidence(href)
        return self.evidence[href]

    def find_evidence(self, href):
        path = self.own_path(href)
        if path is None or path in self.moved:
            return False
        match = self.resolve(path)
        if match is None:
            return False
        slug = match.kwargs.get("slug")
        if match.view_name == "facility:page":
            return slug in self.pages
        return match.view_name == "articles:post" and self.posts.get(slug, False)

    def problem(self, href):
        """("missing" | "unpublished" | "moved" | None, the new path of a moved page)."""
        if href not in self.problems:
            self.problems[href] = self.find_problem(href)
        return self.problems[href]

    def find_problem(self, href):
        path = self.own_path(href)
        if path is None:
            return None, ""
        if path in self.moved:
            return "moved", self.moved[path]
        match = self.resolve(path)
        if match is None:
            return "missing", ""
        slug = match.kwargs.get("slug")
        if match.view_name == "articles:post":
            if slug not in self.posts:
                return "missing", ""
            return (None if self.posts[slug] else "unpublished"), ""
        known = {
            "facility:page": self.pages,
            "facility:service": self.services,
            "articles:category": self.categories,
        }.get(match.view_name)
        if known is not None and slug not in known:
            return "missing", ""
        return None, ""


class Context:
    """What the checks of one run share: read from the database at most once each.

    `whole_site` reads every object's stamps and acknowledgements at once (the report);
    otherwise each object's are read when it is checked (a form)."""

    def __init__(self, today=None, whole_site=False):
        self.today = today or timezone.localdate()
        self.links = LinkIndex()
        self.whole_site = whole_site
        self.read = {}

    @cached_property
    def phones(self):
        Center = apps.get_model("facility.Center")
        numbers = Center.objects.values_list("phone", "admissions_phone")
        return {phones.parse(n).digits for row in numbers for n in row if n}

    def of(self, what, key):
        """`what` ("stamps" or "acknowledged") of the object `key`."""
        if self.whole_site:
            if what not in self.read:
                self.read[what] = READERS[what]()
            return self.read[what].get(key, {} if what == "stamps" else set())
        if (what, key) not in self.read:
            self.read[(what, key)] = READERS[what](*key).get(key, {} if what == "stamps" else set())
        return self.read[(what, key)]


def read_stamps(content_type_id=None, object_id=None):
    """(content type id, object id) -> {language: when its text last changed}."""
    from website.models import TextChange

    rows = TextChange.objects.all()
    if object_id is not None:
        rows = rows.filter(content_type_id=content_type_id, object_id=object_id)
    found = {}
    for row in rows.values("content_type_id", "object_id", "language", "changed"):
        key = (row["content_type_id"], row["object_id"])
        found.setdefault(key, {})[row["language"]] = row["changed"]
    return found


def read_acknowledged(content_type_id=None, object_id=None):
    """(content type id, object id) -> the claim fingerprints last acknowledged."""
    from website.models import ClaimAcknowledgement

    acks = ClaimAcknowledgement.objects.order_by("created", "id")
    if object_id is not None:
        acks = acks.filter(content_type_id=content_type_id, object_id=object_id)
    return {(ack.content_type_id, ack.object_id): ack.fingerprints for ack in acks}


READERS = {"stamps": read_stamps, "acknowledged": read_acknowledged}


def months_before(day, months):
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def key(obj):
    """Whose acknowledgements and stamps: a child row's are its parent's."""
    obj = root(obj)
    return (ContentType.objects.get_for_model(obj).pk, obj.pk)


def document_findings(obj, context):
    for language in languages():
        for rule in rules_for(language):
            if rule.check == "medical_review" and getattr(obj, "reviewed_on", None):
                limit = months_before(context.today, rule.option("months", 12))
                if obj.reviewed_on < limit:
                    when = date_format(obj.reviewed_on, "DATE_FORMAT")
                    sentence = f"Medically reviewed on {when}"
                    yield finding(
                        rule,
                        "reviewed_on",
                        sentence,
                        len("Medically reviewed on "),
                        len(sentence),
                        date=when,
                        months=rule.option("months", 12),
                    )
            elif rule.check == "translation_age" and obj.pk is not None:
                if not getattr(obj, f"body_{language}", None):
                    continue
                stamps = context.of("stamps", key(obj))
                ours, theirs = stamps.get(language), stamps.get(settings.LANGUAGE_CODE)
                if ours and theirs and ours < theirs:
                    english = date_format(timezone.localtime(theirs), "DATETIME_FORMAT")
                    spanish = date_format(timezone.localtime(ours), "DATETIME_FORMAT")
                    sentence = f"Spanish last changed {spanish}; English {english}"
                    yield finding(
                        rule,
                        "body",
                        sentence,
                        len("Spanish last changed "),
                        len("Spanish last changed ") + len(spanish),
                        english=english,
                        spanish=spanish,
                    )


def check(obj, context=None, children=True):
    """Every finding in `obj` (saved or not), in the order of its fields and rules; for a
    row whose form edits others (a center), theirs as saved too, unless `children` is
    false (the form checks the rows it has)."""
    context = context or Context()
    spec = checked(obj)
    findings = []
    for language in languages():
        for name, value, rich in spec.texts(obj, language):
            # What the public would get: the sanitizer's output (as saved), also for
            # text just typed into a form and not saved yet.
            text = sanitize(value) if rich else value
            findings.extend(check_text(language, name, text, context, rich=rich))
    findings.extend(document_findings(obj, context))
    if children and obj.pk is not None:
        for related, _ in spec.children:
            for child in getattr(obj, related).all():
                findings.extend(child_findings(child, context))
    return findings


def child_findings(child, context):
    """A child row's findings, each field named with the row ("Holiday “New Year”: name")."""
    label = f"{child._meta.verbose_name} “{child}”: "
    return [replace(f, field=label + f.field) for f in check(child, context, children=False)]


def acknowledged(obj, context):
    if root(obj).pk is None:
        return set()
    return context.of("acknowledged", key(obj))


def open_claims(obj, findings, context):
    """The claim findings no publisher has acknowledged for `obj` yet."""
    done = acknowledged(obj, context)
    return [f for f in findings if f.kind == "claim" and f.fingerprint not in done]


def is_open(obj, found, context):
    """A finding staff still have to act on: any but a claim a publisher acknowledged."""
    done = acknowledged(obj, context)
    return found.kind != "claim" or found.fingerprint not in done


def digest(obj, language):
    spec = checked(obj)
    # The texts through the body, as when stamps began: a search description is not
    # what a translation is compared on, and a new digest would stamp every language.
    names = [name for name, _ in spec.fields]
    names = names[: names.index("body") + 1]
    texts = [str(getattr(obj, f"{name}_{language}", None) or "") for name in names]
    return hashlib.sha256("\x1f".join(texts).encode()).hexdigest()
