"""Which texts the checks read: every text staff write that the public sees, model by
model (the fields of facility/translation.py and articles/translation.py that a public
page shows, and the untranslated ones that are prose, such as a language tagline).

A model whose rows are edited inside another's form (a center's holidays, plans and
credentials) is that model's child: its texts are checked and acknowledged with the
parent's, and the publishers' report lists them under the parent.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings

SEARCH_META = (("seo_title", False), ("search_description", False))


@dataclass(frozen=True)
class Checked:
    """How the checks read one model: its texts (name, rich?), when a save publishes,
    and the rows of other models edited in its form."""

    label: str
    fields: tuple
    published_by_status: bool = False
    children: tuple = ()  # (related name, label) of rows edited in this model's form
    parent: str = ""  # for a child: the foreign key to the row whose form edits it
    language_field: str = ""  # for one text in one language: the field naming it
    # Texts with no version per language (names as they are written): checked in the
    # site's default language.
    untranslated: tuple = ()

    @property
    def model(self):
        return apps.get_model(self.label)

    @property
    def has_body(self):
        return any(name == "body" for name, _ in self.fields)

    def publishes(self, obj):
        """Whether saving `obj` as it is puts it before the public."""
        if self.published_by_status:
            return obj.status == obj.Status.PUBLISHED
        return True  # everything else is public as soon as it is saved

    def texts(self, obj, language):
        """(field name, text, rich?) of each non-empty text of `obj` in `language`."""
        if language == settings.LANGUAGE_CODE:
            for name in self.untranslated:
                value = getattr(obj, name, None)
                if value:
                    yield name, value, False
        for name, rich in self.fields:
            if self.language_field:
                if getattr(obj, self.language_field, None) != language:
                    continue
                value = getattr(obj, name, None)
            else:
                value = getattr(obj, f"{name}_{language}", None)
            if value:
                yield name, value, rich


CHILDREN = (
    ("holidays", "facility.Holiday"),
    ("insurance_plans", "facility.InsurancePlan"),
    ("credentials", "facility.Credential"),
)

CHECKED = {
    "articles.post": Checked(
        "articles.Post",
        (
            ("title", False),
            ("excerpt", False),
            ("body", True),
            *SEARCH_META,
            ("featured_image_alt", False),
        ),
        published_by_status=True,
    ),
    "facility.page": Checked("facility.Page", (("title", False), ("body", True), *SEARCH_META)),
    "facility.service": Checked(
        "facility.Service", (("name", False), ("summary", False), ("body", True), *SEARCH_META)
    ),
    # The tagline is the home page's heading; the crisis line opens every page; "about"
    # closes every page; the call-back promise ends the thank-you page's sentence.
    "facility.facility": Checked(
        "facility.Facility",
        (
            ("tagline", False),
            ("crisis_line", False),
            ("about", False),
            ("callback_promise", False),
            ("coordinator_title", False),
        ),
        untranslated=("name",),
    ),
    "facility.center": Checked(
        "facility.Center",
        (("who_answers", False), ("description", False)),
        children=CHILDREN,
        untranslated=("name",),
    ),
    "facility.staffprofile": Checked(
        "facility.StaffProfile",
        (("role", False), ("bio", False)),
        untranslated=("name", "credentials"),
    ),
    "facility.galleryphoto": Checked(
        "facility.GalleryPhoto", (("alt_text", False), ("caption", False))
    ),
    "articles.category": Checked("articles.Category", (("name", False), ("description", False))),
    "facility.languagetagline": Checked(
        "facility.LanguageTagline", (("text", False),), language_field="language"
    ),
    "facility.holiday": Checked("facility.Holiday", (("name", False),), parent="center"),
    "facility.insuranceplan": Checked(
        "facility.InsurancePlan", (("note", False),), parent="center", untranslated=("name",)
    ),
    "facility.credential": Checked(
        "facility.Credential", (("scope", False),), parent="center", untranslated=("issuer",)
    ),
}


def checked(obj_or_model):
    return CHECKED.get(obj_or_model._meta.label_lower)


def top_level():
    """The specs of models listed on their own (not a child's)."""
    return [spec for spec in CHECKED.values() if not spec.parent]


def root(obj):
    """The row whose form edits `obj`: its parent for a child, else itself."""
    spec = checked(obj)
    if spec is not None and spec.parent:
        return getattr(obj, spec.parent, None) or obj
    return obj
