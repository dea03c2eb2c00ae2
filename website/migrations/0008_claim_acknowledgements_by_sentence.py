"""An acknowledgement names the sentence of each claim, not only its words (F12 of the
third adversarial review): "guaranteed" acknowledged in one sentence no longer lets it
through in another.

Each stored [rule, language, words] becomes one [rule, language, words, sentence] for
every sentence of the object's texts, as they are now, in that language, that holds the
words: what the publisher saw when acknowledging is what stays covered. Words no longer
in any sentence are dropped. Going back keeps [rule, language, words].
"""

from django.conf import settings
from django.db import migrations

# The texts the checks read when these acknowledgements were made.
FIELDS = {
    ("articles", "post"): (("title", False), ("excerpt", False), ("body", True)),
    ("facility", "page"): (("title", False), ("body", True)),
    ("facility", "service"): (("name", False), ("summary", False), ("body", True)),
}


def sentences(obj, fields, language):
    from django.utils.html import escape

    from plumbing.richtext import sanitize
    from website.checks import text

    for name, rich in fields:
        value = getattr(obj, f"{name}_{language}", None)
        if not value:
            continue
        read = text.read(sanitize(value) if rich else escape(value))
        for block in read.readable():
            for start, end in block.sentences():
                yield block.text[start:end]


def by_sentence(apps, schema_editor):
    from website.checks.normal import sentence_digest

    Acknowledgement = apps.get_model("website", "ClaimAcknowledgement")
    languages = [code for code, _ in settings.LANGUAGES]
    for ack in Acknowledgement.objects.select_related("content_type"):
        if all(len(claim) == 4 for claim in ack.claims):
            continue
        kind = (ack.content_type.app_label, ack.content_type.model)
        obj = None
        if kind in FIELDS:
            model = apps.get_model(*kind)
            obj = model.objects.filter(pk=ack.object_id).first()
        found = {}
        if obj is not None:
            for language in languages:
                for sentence in sentences(obj, FIELDS[kind], language):
                    found.setdefault(language, []).append(
                        (" ".join(sentence.lower().split()), sentence_digest(sentence))
                    )
        claims = set()
        for claim in ack.claims:
            if len(claim) == 4:
                claims.add(tuple(claim))
                continue
            rule, language, words = claim
            for sentence, digest in found.get(language, []):
                if words and words in sentence:
                    claims.add((rule, language, words, digest))
        ack.claims = sorted(list(claim) for claim in claims)
        ack.save(update_fields=["claims"])


def by_words(apps, schema_editor):
    Acknowledgement = apps.get_model("website", "ClaimAcknowledgement")
    for ack in Acknowledgement.objects.all():
        ack.claims = sorted({tuple(claim[:3]) for claim in ack.claims})
        ack.claims = [list(claim) for claim in ack.claims]
        ack.save(update_fields=["claims"])


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0007_checks"),
        ("articles", "0014_text_versions_stamped"),
        ("facility", "0024_merge_prices_and_spanish_texts"),
    ]

    operations = [migrations.RunPython(by_sentence, by_words)]
