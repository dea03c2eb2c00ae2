"""Every way a picture comes in refuses one over the pixel budget, or one damaged past its
headers, with a clear error: the public form's card photos, the editor's uploads, and
the staff image fields (gallery, staff photos, featured images), through their forms
and from code. And the public form counts every post before it looks at a photo."""

import io
import os

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles.models import Post
from facility.models import Center, GalleryPhoto, StaffProfile
from inquiries.models import Inquiry
from plumbing import images

from .factories import INQUIRY_POST, post_admin_form
from .test_insurance_check import with_insurance
from .test_spanish_forms import spanish
from .test_uploads import files_under, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def facility(facility):
    """The test center, taking private insurance, as in test_insurance_check.py."""
    Center.objects.update(payments=["private-insurance", "self-pay"])
    return facility


def huge_jpeg():
    """The review's card photo: 60 megapixels in well under a megabyte."""
    out = io.BytesIO()
    Image.new("L", (7745, 7745), 9).save(out, "JPEG")
    return out.getvalue()


def truncated_jpeg():
    """A real photo cut short: its headers are whole, its pixels are not."""
    out = io.BytesIO()
    Image.frombytes("RGB", (300, 200), os.urandom(300 * 200 * 3)).save(out, "JPEG", quality=90)
    data = out.getvalue()
    return data[: len(data) // 2]


def photo(data, name="card.jpg"):
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def test_a_60_megapixel_card_photo_is_refused_saying_the_limit(client, facility):
    data = with_insurance(card_front=photo(huge_jpeg()), first_name="")

    response = client.post(reverse("inquiries:admissions"), data)

    html = response.content.decode()
    assert response.status_code == 200
    assert "we take photos of at most 13 megapixels" in html
    assert not Inquiry.objects.exists()


def test_the_limit_is_said_in_spanish_on_the_spanish_form(client, facility):
    data = with_insurance(card_front=photo(huge_jpeg()))

    response = client.post(spanish("inquiries:admissions"), data)

    html = response.content.decode()
    assert response.status_code == 200
    assert "aceptamos fotos de 13 megapíxeles como máximo" in html
    assert not Inquiry.objects.exists()


def test_a_card_photo_cut_short_is_a_clear_error_not_a_500(client, facility):
    data = with_insurance(card_back=photo(truncated_jpeg(), "back.jpg"))

    response = client.post(reverse("inquiries:admissions"), data)

    assert response.status_code == 200
    assert "We cannot open this file as a photo" in response.content.decode()
    assert not Inquiry.objects.exists()


def test_every_post_is_counted_before_a_photo_is_looked_at(client, facility, settings, monkeypatch):
    settings.CONTACT_RATE_LIMIT = (1, 3600)  # so 3 posts an hour, valid or not
    looked_at = []
    real = images.cleaned
    monkeypatch.setattr(images, "cleaned", lambda upload: looked_at.append(1) or real(upload))

    def invalid_post():
        data = with_insurance(card_front=photo(huge_jpeg()), first_name="")
        return client.post(reverse("inquiries:admissions"), data)

    assert [invalid_post().status_code for _ in range(3)] == [200, 200, 200]
    assert len(looked_at) == 6  # front and back, three times

    refused = invalid_post()

    assert refused.status_code == 429
    assert "We have received several messages from you" in refused.content.decode()
    assert 'value="Acme Health"' in refused.content.decode()  # what was typed stays
    assert len(looked_at) == 6  # the fourth post's photos were never decoded


def test_a_visitor_correcting_mistakes_still_sends(client, facility, settings):
    settings.CONTACT_RATE_LIMIT = (1, 3600)
    client.post(reverse("inquiries:contact"), {**INQUIRY_POST, "first_name": ""})
    client.post(reverse("inquiries:contact"), {**INQUIRY_POST, "first_name": ""})

    assert client.post(reverse("inquiries:contact"), INQUIRY_POST).status_code == 302


def test_the_editor_refuses_a_picture_cut_short(editor_client):
    before = files_under("uploads")

    response = upload(editor_client, "cut.jpg", truncated_jpeg())

    assert response.status_code == 400
    assert "This picture seems damaged" in response.json()["error"]["message"]
    assert files_under("uploads") == before


def test_the_gallery_refuses_a_picture_cut_short_and_keeps_what_was_typed(admin_client):
    response = admin_client.post(
        reverse("admin:facility_galleryphoto_add"),
        {"image": photo(truncated_jpeg()), "alt_text_en": "The garden at dawn", "sort_order": 3},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "This picture seems damaged" in html and 'value="The garden at dawn"' in html
    assert not GalleryPhoto.objects.exists()


def test_a_staff_photo_cut_short_is_refused(admin_client, facility):
    response = admin_client.post(
        reverse("admin:facility_staffprofile_add"),
        {"name": "Dana Reyes", "photo": photo(truncated_jpeg()), "is_listed": "on"},
    )

    assert response.status_code == 200
    assert "This picture seems damaged" in response.content.decode()
    assert not StaffProfile.objects.exists()


def test_a_featured_image_cut_short_is_refused(editor_client, category):
    data = post_admin_form(category, featured_image=photo(truncated_jpeg()))

    response = editor_client.post(reverse("admin:articles_post_add"), data)

    assert response.status_code == 200
    assert "This picture seems damaged" in response.content.decode()
    assert not Post.objects.exists()


def test_a_picture_cut_short_saved_from_code_is_refused_with_a_validation_error():
    with pytest.raises(ValidationError, match="This picture seems damaged"):
        GalleryPhoto.objects.create(image=photo(truncated_jpeg()), alt_text="A garden")


def test_a_good_picture_through_the_form_is_decoded_once(admin_client, monkeypatch):
    calls = []
    real = images.cleaned
    monkeypatch.setattr(images, "cleaned", lambda upload: calls.append(1) or real(upload))
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (30, 90, 120)).save(out, "JPEG")

    response = admin_client.post(
        reverse("admin:facility_galleryphoto_add"),
        {"image": photo(out.getvalue()), "alt_text_en": "The garden", "sort_order": 1},
    )

    assert response.status_code == 302
    assert GalleryPhoto.objects.get().image_width == 640
    assert len(calls) == 1
