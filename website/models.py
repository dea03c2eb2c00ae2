"""What belongs to the site as a whole: old addresses of pages that moved."""

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
