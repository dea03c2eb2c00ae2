"""Taglines offering free language assistance, per state (Section 1557, 45 CFR 92.11).

The rule asks for the 15 languages most spoken by people with limited English in the
state; staff keep each state's list here, each tagline in its own language and script,
with {phone} where the number goes. The language assistance page and the
nondiscrimination notice show the lists of the states the centers are in.
"""

from django.db import models

# Scripts written right to left, by the language's primary subtag.
RIGHT_TO_LEFT = {"ar", "fa", "he", "ps", "ur", "yi", "prs"}


class LanguageTagline(models.Model):
    state = models.CharField(
        max_length=2, help_text="The state whose list it is in, as its two letters (OH)."
    )
    language = models.CharField(
        "language tag",
        max_length=20,
        help_text="Its BCP 47 tag, for the page's lang attribute: so, ne, zh-Hans, ar…",
    )
    language_name = models.CharField(
        max_length=60, help_text="The language's name in itself: Soomaali, नेपाली…"
    )
    text = models.TextField(
        max_length=600,
        help_text="The tagline in that language; {phone} stands where the number goes.",
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="The state's ranking: the most spoken first."
    )

    class Meta:
        ordering = ["state", "sort_order", "language"]
        verbose_name = "language assistance tagline"
        constraints = [
            models.UniqueConstraint(
                fields=["state", "language"],
                name="tagline_once_per_state",
                violation_error_message="This state already has a tagline in this language.",
            ),
        ]

    def __str__(self):
        return f"{self.state}: {self.language_name}"

    # The same interface as facility.language_assistance.Tagline, for the templates.
    @property
    def code(self):
        return self.language

    @property
    def name(self):
        return self.language_name

    @property
    def direction(self):
        return "rtl" if self.language.split("-")[0].lower() in RIGHT_TO_LEFT else "ltr"

    def parts(self):
        before, _, after = self.text.partition("{phone}")
        return before, after

    @classmethod
    def for_states(cls, states):
        return list(cls.objects.filter(state__in={state.upper() for state in states}))
