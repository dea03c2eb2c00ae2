"""What belongs to the site as a whole: old addresses of pages that moved."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models

local_path = RegexValidator(
    r"^/(?!/)[^\s]*$", "Give a path on this site that starts with a single /, such as /blog/."
)


class MovedPage(models.Model):
    """An old address of a post, service or page, and where it lives now."""

    old_path = models.CharField(
        max_length=250, unique=True, validators=[local_path], help_text="Such as /blog/old-name/."
    )
    new_path = models.CharField(
        max_length=250, validators=[local_path], help_text="Such as /blog/new-name/."
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The table kept its name when the model moved here from the facility app.
        db_table = "facility_movedpage"
        ordering = ["old_path"]
        verbose_name = "moved page"

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"

    @classmethod
    def record(cls, old_path, new_path):
        """Send `old_path` to `new_path`, and re-point older moves so none chain or loop."""
        cls.objects.filter(new_path=old_path).update(new_path=new_path)
        cls.objects.filter(old_path=new_path).delete()
        cls.objects.update_or_create(old_path=old_path, defaults={"new_path": new_path})


class TextChange(models.Model):
    """When one language's text of a post, page or service last changed (the checks
    compare the languages: website/checks/stamps.py keeps these)."""

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=10)
    digest = models.CharField(max_length=64, help_text="SHA-256 of the language's texts.")
    changed = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"], name="text_change_once"
            )
        ]

    def __str__(self):
        return f"{self.content_type} {self.object_id} [{self.language}] {self.changed}"


class ClaimAcknowledgement(models.Model):
    """A publisher's word that a post, page or service may go out with these claim
    findings; the same words need no second acknowledgement. The revision history of
    the save that made it says so too."""

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    # [rule id, language, words] of each claim finding acknowledged.
    claims = models.JSONField(default=list)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="claim_ack_object")]

    def __str__(self):
        return f"{len(self.claims)} claim(s) acknowledged by {self.user} on {self.created:%Y-%m-%d}"

    @property
    def fingerprints(self):
        return {tuple(claim) for claim in self.claims}
