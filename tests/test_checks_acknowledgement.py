"""An acknowledgement covers a claim's sentence, not its words (F12 of the third
adversarial review), and the acknowledgements stored before move forward with it."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from facility.models import Service
from website.checks.normal import sentence_digest
from website.models import ClaimAcknowledgement

PRIVACY = "Your privacy is guaranteed by federal law."


def service_form(service, body):
    return {
        "name_en": service.name,
        "slug_en": service.slug,
        "summary_en": "Talk with a counselor.",
        "body_en": body,
        "sort_order": "0",
        "seo_title_en": "",
        "search_description_en": "",
    }


@pytest.mark.django_db
def test_acknowledged_words_in_a_new_sentence_need_a_new_acknowledgement(
    publisher_client, editor_client, make_service
):
    service = make_service(name="Therapy")
    url = reverse("admin:facility_service_change", args=[service.pk])
    acknowledged = service_form(service, f"<p>{PRIVACY}</p>")
    saved = publisher_client.post(url, {**acknowledged, "acknowledge_claims": "on"})
    assert saved.status_code == 302
    (claim,) = ClaimAcknowledgement.objects.get().claims
    assert claim == ["claim-guarantee", "en", "guaranteed", sentence_digest(PRIVACY)]

    # The same sentence needs nothing more, even from an editor.
    assert editor_client.post(url, acknowledged).status_code == 302
    # The same word in another sentence does.
    more = service_form(service, f"<p>{PRIVACY} Lasting recovery, guaranteed.</p>")
    refused = editor_client.post(url, more)
    assert refused.status_code == 200
    assert "Lasting recovery, <mark>guaranteed</mark>." in refused.content.decode()
    service.refresh_from_db()
    assert "Lasting" not in service.body_en


@pytest.mark.django_db(transaction=True)
def test_stored_acknowledgements_move_forward_to_their_sentences(facility):
    service = Service.objects.create(
        name="Therapy",
        slug="therapy",
        summary="Guaranteed privacy.",
        body=f"<p>{PRIVACY} We listen.</p>",
    )
    content_type = ContentType.objects.get_for_model(Service).pk
    executor = MigrationExecutor(connection)
    before = [("website", "0007_checks")]
    after = executor.loader.graph.leaf_nodes("website")
    executor.migrate(before)
    old = MigrationExecutor(connection).loader.project_state(before).apps
    OldAck = old.get_model("website", "ClaimAcknowledgement")
    OldAck.objects.create(
        content_type_id=content_type,
        object_id=service.pk,
        claims=[["claim-guarantee", "en", "guaranteed"], ["claim-cure", "en", "cured"]],
    )
    OldAck.objects.create(
        content_type_id=content_type,
        object_id=service.pk + 1000,  # deleted since: nothing left to cover
        claims=[["claim-guarantee", "en", "guaranteed"]],
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)

    kept, gone = ClaimAcknowledgement.objects.order_by("object_id")
    assert sorted(kept.claims) == sorted(
        [
            ["claim-guarantee", "en", "guaranteed", sentence_digest(PRIVACY)],
            ["claim-guarantee", "en", "guaranteed", sentence_digest("Guaranteed privacy.")],
        ]
    )
    assert gone.claims == []

    # And back: the words alone, as before.
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    Old = MigrationExecutor(connection).loader.project_state(before).apps
    back = Old.get_model("website", "ClaimAcknowledgement").objects.get(object_id=service.pk)
    assert back.claims == [["claim-guarantee", "en", "guaranteed"]]
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
