"""The checks where staff see them: the Checks panel on the change forms of posts, pages
and services, a publisher's acknowledgement before claims go out (kept in the history),
the publishers' report on the admin's home, and the post list's bulk publishing."""

import pytest
from django.urls import reverse
from reversion.models import Version

from articles.models import Post
from facility.models import Page
from tests.factories import post_admin_form
from website.checks.admin import ACKNOWLEDGE_FIRST, PUBLISHER_MUST_ACKNOWLEDGE
from website.checks.normal import sentence_digest
from website.models import ClaimAcknowledgement

pytestmark = pytest.mark.django_db

CURE = "<p>We guarantee a cure. Every addict who comes to us leaves healed.</p>"


def panel(response):
    html = response.content.decode()
    start = html.index('<section class="module checks-panel"')
    return html[start : html.index("</section>", start)]


def change_url(obj):
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def test_editor_sees_each_finding_with_its_words_why_and_what_instead(
    editor_client, editor, category
):
    response = editor_client.post(
        reverse("admin:articles_post_add"),
        {**post_admin_form(category, editor, body=CURE), "_continue": "1"},
    )
    post = Post.objects.get()
    assert response.status_code == 302 and post.status == Post.Status.REVIEW

    shown = panel(editor_client.get(change_url(post)))
    assert "3 findings:</strong> 2 claims, 1 stigma." in shown
    assert "We <mark>guarantee</mark> a cure." in shown
    assert "We guarantee a <mark>cure</mark>." in shown
    assert "Every <mark>addict</mark> who comes to us leaves healed." in shown
    assert "Write “person with a substance use disorder”" in shown
    assert "No treatment can guarantee an outcome" in shown
    assert "Body [en]" in shown
    # The editor cannot acknowledge: a publisher must.
    assert "acknowledge_claims" not in shown
    assert "need a publisher's acknowledgement" in shown


def test_save_warns_of_findings_in_a_message(editor_client, editor, category):
    response = editor_client.post(
        reverse("admin:articles_post_add"),
        post_admin_form(category, editor, body="<p>Addicts are welcome.</p>"),
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert any("Checks: 1 finding(s) in “Coming home after treatment”" in m for m in messages)


def test_panel_says_when_there_is_nothing(publisher_client, make_post, make_service, pages):
    for obj in (make_post(), make_service(), pages[0]):
        assert "No findings" in panel(publisher_client.get(change_url(obj)))


def test_the_add_form_says_when_checks_run(editor_client):
    shown = panel(editor_client.get(reverse("admin:articles_post_add")))
    assert "The checks run when you save" in shown


def test_publisher_must_acknowledge_claims_to_publish(publisher_client, publisher, make_post):
    post = make_post(status=Post.Status.REVIEW, body=CURE)
    form = post_admin_form(
        post.category, publisher, status="published", body=CURE, title="Typed, not saved"
    )

    refused = publisher_client.post(change_url(post), form)
    assert refused.status_code == 200
    shown = panel(refused)
    assert ACKNOWLEDGE_FIRST in shown
    assert 'name="acknowledge_claims"' in shown
    assert "We <mark>guarantee</mark> a cure." in shown
    post.refresh_from_db()
    assert post.status == Post.Status.REVIEW
    assert not ClaimAcknowledgement.objects.exists()
    # What was typed is kept.
    assert "Typed, not saved" in refused.content.decode()

    published = publisher_client.post(change_url(post), {**form, "acknowledge_claims": "on"})
    assert published.status_code == 302
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED
    ack = ClaimAcknowledgement.objects.get()
    assert (ack.user, ack.object_id) == (publisher, post.pk)
    # Each claim with the sentence it stands in (a digest of its words).
    said = sentence_digest("We guarantee a cure.")
    assert sorted(ack.claims) == [
        ["claim-cure", "en", "cure", said],
        ["claim-guarantee", "en", "guarantee", said],
    ]
    comment = Version.objects.get_for_object(post).first().revision.comment
    assert "Claim findings acknowledged by publisher:" in comment
    assert "claim-guarantee [en] “guarantee”" in comment

    # The same words need no second acknowledgement; they show as acknowledged.
    again = publisher_client.post(change_url(post), {**form, "title_en": "Coming home, again"})
    assert again.status_code == 302
    shown = panel(publisher_client.get(change_url(post)))
    assert shown.count("acknowledged by a publisher") == 2
    assert 'name="acknowledge_claims"' not in shown

    # A new claim does.
    more = {**form, "body_en": CURE + "<p>The #1 rehab in Ohio.</p>"}
    assert publisher_client.post(change_url(post), more).status_code == 200


def test_a_draft_with_claims_saves_without_acknowledgement(publisher_client, publisher, category):
    response = publisher_client.post(
        reverse("admin:articles_post_add"),
        post_admin_form(category, publisher, status="draft", body=CURE),
    )
    assert response.status_code == 302
    assert Post.objects.get().status == Post.Status.DRAFT


def test_editor_cannot_put_claims_on_a_page_but_other_changes_save(editor_client, pages):
    page = pages[0]
    data = {
        "title_en": page.title,
        "slug_en": page.slug,
        "body_en": "<p>Every call is 100% confidential.</p>",
        "seo_title_en": "",
        "search_description_en": "",
    }
    refused = editor_client.post(change_url(page), data)
    assert refused.status_code == 200
    assert PUBLISHER_MUST_ACKNOWLEDGE in refused.content.decode()
    assert "Every call is <mark>100% confidential</mark>." in panel(refused)
    page.refresh_from_db()
    assert "confidential" not in page.body

    ok = editor_client.post(change_url(page), {**data, "body_en": "<p>Calls are private.</p>"})
    assert ok.status_code == 302


def test_publisher_acknowledges_claims_on_a_service(publisher_client, publisher, make_service):
    service = make_service(name="Detox")
    data = {
        "name_en": "Detox",
        "slug_en": service.slug,
        "summary_en": "Medical detox.",
        "body_en": "<p>Free travel to our center.</p>",
        "sort_order": "0",
        "seo_title_en": "",
        "search_description_en": "",
    }
    assert publisher_client.post(change_url(service), data).status_code == 200
    saved = publisher_client.post(change_url(service), {**data, "acknowledge_claims": "on"})
    assert saved.status_code == 302
    assert ClaimAcknowledgement.objects.get().claims == [
        ["claim-inducement", "en", "free travel", sentence_digest("Free travel to our center.")]
    ]


def test_bulk_publish_holds_back_posts_with_unacknowledged_claims(publisher_client, make_post):
    clean = make_post(title="Plain", status=Post.Status.REVIEW)
    risky = make_post(title="Risky", status=Post.Status.REVIEW, body=CURE)
    response = publisher_client.post(
        reverse("admin:articles_post_changelist"),
        {"action": "publish_selected", "_selected_action": [clean.pk, risky.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "Not published: “Risky”" in html
    assert "Published 1 post(s)." in html
    clean.refresh_from_db()
    risky.refresh_from_db()
    assert (clean.status, risky.status) == (Post.Status.PUBLISHED, Post.Status.REVIEW)


def test_report_on_the_admin_home_is_for_publishers(
    publisher_client, editor_client, make_post, make_service
):
    post = make_post(title="About addicts")
    make_post(title="Nothing to see")
    service = make_service(name="Residential care", summary="The best rehab in Ohio.")
    html = publisher_client.get(reverse("admin:index")).content.decode()
    report = html[html.index('id="checks-report"') :]
    report = report[: report.index("</div>")]
    assert f'<a href="{change_url(service)}">Residential care</a>' in report
    assert f'<a href="{change_url(post)}">About addicts</a>' in report
    assert report.index("Residential care") < report.index("About addicts")  # claims first
    assert "service: 1 claim" in report and "post: 1 stigma" in report
    assert "Nothing to see" not in report

    assert 'id="checks-report"' not in editor_client.get(reverse("admin:index")).content.decode()


def test_checks_add_no_query_per_finding(publisher_client, make_post, django_assert_num_queries):
    # One post with 3 findings, one with 60: the same queries.
    for body in (CURE, CURE * 20):
        post = make_post(body=body)
        publisher_client.get(change_url(post))  # content types are cached from then on
        with django_assert_num_queries(12):
            assert publisher_client.get(change_url(post)).status_code == 200


def test_a_page_saved_by_admin_records_history_and_stamps(admin_client, pages):
    page = pages[0]
    admin_client.post(
        change_url(page),
        {"title_en": page.title, "slug_en": page.slug, "body_en": "<p>New.</p>",
         "seo_title_en": "", "search_description_en": ""},
    )  # fmt: skip
    assert Page.objects.get(pk=page.pk).body == "<p>New.</p>"
    assert len(Version.objects.get_for_object(page)) == 1


def test_the_report_is_kept_until_what_it_reads_changes(publisher_client, make_post):
    post = make_post(title="Plain words")
    home = reverse("admin:index")
    assert (
        "Nothing staff wrote for the public has open findings."
        in publisher_client.get(home).content.decode()
    )
    post.body_en = "<p>Addicts are welcome.</p>"
    post.save()
    assert "Plain words" in publisher_client.get(home).content.decode()


def test_restoring_a_revision_with_claims_asks_for_the_acknowledgement(
    publisher_client, publisher, make_post
):
    post = make_post(status=Post.Status.REVIEW)
    form = post_admin_form(post.category, publisher, status="published", body=CURE)
    assert (
        publisher_client.post(change_url(post), {**form, "acknowledge_claims": "on"}).status_code
        == 302
    )
    clean = {**form, "body_en": "<p>Treatment helps.</p>"}
    assert publisher_client.post(change_url(post), clean).status_code == 302
    ClaimAcknowledgement.objects.all().delete()  # as if the claims had never been acknowledged

    old = Version.objects.get_for_object(post).last()  # the first save: with the claims
    revision_url = reverse("admin:articles_post_revision", args=[post.pk, old.pk])
    refused = publisher_client.post(revision_url, form)
    assert refused.status_code == 200
    assert ACKNOWLEDGE_FIRST in panel(refused)
    post.refresh_from_db()
    assert post.body == "<p>Treatment helps.</p>"

    restored = publisher_client.post(revision_url, {**form, "acknowledge_claims": "on"})
    assert restored.status_code == 302
    post.refresh_from_db()
    assert "guarantee" in post.body


def test_save_and_preview_checks_and_the_preview_says_so(editor_client, editor, category):
    response = editor_client.post(
        reverse("admin:articles_post_add"),
        {**post_admin_form(category, editor, body=CURE), "_preview": "1"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == Post.objects.get().get_absolute_url()
    banner = response.content.decode()
    banner = banner[banner.index('<div class="preview-banner"') :]
    banner = banner[: banner.index("</div>\n</div>")]
    assert "Checks: 3 finding(s) in “Coming home after treatment”; see the Checks panel" in banner


def test_spanish_findings_are_shown_with_their_language(publisher_client, make_post):
    post = make_post(body_es="<p>Los adictos y los alcohólicos merecen respeto.</p>")
    shown = panel(publisher_client.get(change_url(post)))
    assert "Body [es]" in shown
    assert "Los <mark>adictos</mark> y los alcohólicos merecen respeto." in shown
    assert "Los adictos y los <mark>alcohólicos</mark> merecen respeto." in shown
    assert "Write «persona con un trastorno por consumo de sustancias»" in shown
