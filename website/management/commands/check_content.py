"""Run the checks before publishing over everything staff write for the public, and list
what is still open (docs/checks.md): after `load_demo`, after changing the rules, or from
cron."""

from django.core.management.base import BaseCommand

from website.checks.content import Context, check, is_open
from website.checks.scope import top_level


def where(finding):
    """ ", alternative text" for a finding in an attribute or a link's target."""
    return f", {finding.place}" if finding.place else ""


class Command(BaseCommand):
    help = "List the open findings of the checks before publishing in every public text."

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind",
            action="append",
            choices=["claim", "stigma", "plain", "form", "freshness"],
            help="Only findings of this kind (may be given more than once).",
        )

    def handle(self, *args, kind=None, **options):
        context = Context(whole_site=True)
        total = 0
        for spec in top_level():
            for obj in spec.model.objects.order_by("pk"):
                found = [
                    f
                    for f in check(obj, context)
                    if is_open(obj, f, context) and (not kind or f.kind in kind)
                ]
                if not found:
                    continue
                self.stdout.write(f"{obj._meta.verbose_name} “{obj}”:")
                for f in found:
                    sentence = f"{f.sentence[: f.start]}[{f.words}]{f.sentence[f.end :]}"
                    self.stdout.write(
                        f"  {f.rule.id} ({f.field} [{f.language}]{where(f)}): {sentence}\n"
                        f"    instead: {f.suggestion}"
                    )
                total += len(found)
        self.stdout.write(f"{total} open finding(s).")
