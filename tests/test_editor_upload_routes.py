"""The editor's upload and browse addresses: ours alone, for staff who edit rich text."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from .factories import make_staff
from .test_uploads import ORIGIN, files_under, image_bytes, phone_photo, upload

pytestmark = pytest.mark.django_db

HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"

# Addresses django-ckeditor's own patterns answered (they match prefixes), and neighbours.
OTHER_ADDRESSES = [
    "/ckeditor/upload/x",
    "/ckeditor/upload//",
    "/ckeditor/upload/x/",
    "/ckeditor/upload/x/y/",
    "/ckeditor/upload/%2e%2e/",
    "/ckeditor/uploadx/",
    "/ckeditor//upload/",
    "/ckeditor/browse/x",
    "/ckeditor/browse//",
    "/ckeditor/browse/x/y/",
    "/ckeditor/",
    "/ckeditor/anything/",
]


@pytest.mark.parametrize("address", OTHER_ADDRESSES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_no_other_address_under_ckeditor_takes_or_lists_uploads(editor_client, address, method):
    before = files_under("uploads")
    files = {"upload": SimpleUploadedFile("evil.html", HTML)}

    response = getattr(editor_client, method)(address, files if method == "post" else {}, **ORIGIN)

    assert response.status_code == 404
    assert files_under("uploads") == before


def test_the_address_without_its_slash_stores_nothing(editor_client):
    before = files_under("uploads")
    files = {"upload": SimpleUploadedFile("a.jpg", image_bytes())}

    response = editor_client.post("/ckeditor/upload", files, **ORIGIN)

    assert response.status_code in (301, 404)
    assert files_under("uploads") == before


def test_the_upload_address_takes_posts_only(editor_client):
    assert editor_client.get(reverse("ckeditor_upload")).status_code == 405


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("evil.html", HTML, "not a picture we can open"),
        ("x.jpg.html", HTML, "not a picture we can open"),
        ("x.jpg", HTML, "not a picture we can open"),
        ("x.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>', "SVG"),
        ("x.jpg", b"  <svg onload=alert(1)>", "SVG"),
    ],
)
def test_non_pictures_are_refused_whatever_their_name(editor_client, name, content, reason):
    before = files_under("uploads")

    response = upload(editor_client, name, content)

    assert response.status_code == 400
    assert reason in response.json()["error"]["message"]
    assert files_under("uploads") == before


def test_a_picture_named_like_a_page_is_stored_as_a_picture(editor_client):
    response = upload(editor_client, "x.jpg.html", phone_photo())

    url = response.json()["url"]
    assert url.endswith(".jpg") and "x.jpg" not in url


@pytest.mark.parametrize("field", [None, "file", "image"])
def test_a_post_without_a_picture_gets_a_clear_400(editor_client, field):
    data = {field: SimpleUploadedFile("a.jpg", image_bytes())} if field else {}

    response = editor_client.post(reverse("ckeditor_upload"), data, **ORIGIN)

    assert response.status_code == 400
    assert response.json()["error"]["message"] == "Choose a picture to upload."


def test_a_huge_png_is_refused_with_a_reason_not_a_crash(editor_client):
    from .test_uploads import png_bomb

    response = upload(editor_client, "wide.png", png_bomb())

    assert response.status_code == 400
    assert "50000 × 50000 pixels" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    "func_num", ["1);alert(1)//", "1 ", "-1", "0x1", "²", "١", "9" * 5000, "</script>"]
)
def test_only_a_plain_callback_number_reaches_the_script(editor_client, func_num):
    before = files_under("uploads")

    response = upload(
        editor_client, "a.jpg", image_bytes(), QUERY_STRING=urlencode({"CKEditorFuncNum": func_num})
    )

    assert response.status_code == 400
    assert b"<script" not in response.content
    assert b"alert" not in response.content
    assert files_under("uploads") == before


def test_the_editors_xhr_uploads_get_json_though_they_name_a_callback(editor_client):
    """CKEditor 4 sends its XHR uploads (the Image dialog's, pasted pictures) with a
    ckCsrfToken field, sometimes the callback number in the address too, and reads JSON."""
    address = reverse("ckeditor_upload") + "?CKEditor=id_body&CKEditorFuncNum=1&langCode=en"

    def send(name, content):
        data = {"upload": SimpleUploadedFile(name, content), "ckCsrfToken": "x" * 40}
        return editor_client.post(address, data, **ORIGIN)

    accepted, refused = send("a.jpg", image_bytes()), send("a.svg", b"<svg/>")

    assert accepted.json()["uploaded"] == 1 and accepted.json()["url"].endswith(".jpg")
    assert refused.status_code == 400
    assert refused.json()["uploaded"] == 0
    assert "SVG drawings are not accepted" in refused.json()["error"]["message"]


# Who may upload and browse -----------------------------------------------------------


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def admissions(staff_groups):
    return make_staff("admissions", "Admissions")


@pytest.mark.parametrize("group", ["Editors", "Publishers"])
def test_staff_who_edit_rich_text_may_upload_and_browse(staff_groups, group):
    client = client_for(make_staff("writer1", group))

    assert upload(client, "a.jpg", image_bytes()).status_code == 200
    assert client.get(reverse("ckeditor_browse")).status_code == 200


def test_staff_with_any_one_rich_text_permission_may_upload(db):
    from django.contrib.auth.models import Permission

    user = User.objects.create_user("pages-only", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_page"))

    assert upload(client_for(user), "a.jpg", image_bytes()).status_code == 200


def test_admissions_staff_may_neither_upload_nor_browse(editor_client, admissions):
    stored = upload(editor_client, "a.jpg", image_bytes()).json()["url"].rsplit("/", 1)[-1]
    client = client_for(admissions)
    before = files_under("uploads")

    refused_upload = upload(client, "b.jpg", image_bytes())
    browse = client.get(reverse("ckeditor_browse"))
    search = client.post(reverse("ckeditor_browse"), {"q": "jpg"})

    assert refused_upload.status_code == 403
    assert files_under("uploads") == before
    assert browse.status_code == 403 and search.status_code == 403
    assert stored[:19] not in browse.content.decode()
    assert "edit posts, pages or services" in browse.content.decode()


def test_plain_staff_may_neither_upload_nor_browse(db):
    client = client_for(User.objects.create_user("plain", is_staff=True))

    assert upload(client, "a.jpg", image_bytes()).status_code == 403
    assert client.get(reverse("ckeditor_browse")).status_code == 403


def test_visitors_are_sent_to_log_in_to_browse(client):
    response = client.get(reverse("ckeditor_browse"))

    assert response.status_code == 302 and "/admin/login/" in response.url


def test_the_browser_lists_uploads_for_editors_without_caching(editor_client):
    stored = upload(editor_client, "a.jpg", image_bytes()).json()["url"]

    response = editor_client.get(reverse("ckeditor_browse"))

    assert stored in response.content.decode()
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_who_may_upload_is_a_setting(db, settings):
    client = client_for(make_staff("pages", perms=["change_page"]))
    assert client.get(reverse("ckeditor_browse")).status_code == 200

    settings.EDITOR_UPLOAD_PERMISSIONS = ("articles.change_post",)

    assert client.get(reverse("ckeditor_browse")).status_code == 403
    assert upload(client, "a.jpg", image_bytes()).status_code == 403
