"""Phone numbers as staff type them: call links and the form search engines read."""

import pytest
from django.urls import reverse

from facility import phones

US = "tel:+18556052135"


@pytest.mark.parametrize(
    ("written", "href", "international"),
    [
        ("1-855-605-2135", US, "+1-855-605-2135"),
        ("855.605.2135", US, "+1-855-605-2135"),
        ("(419) 555-0123", "tel:+14195550123", "+1-419-555-0123"),
        ("+1 419 555 0188", "tel:+14195550188", "+1-419-555-0188"),
        ("1-855-605-2135 ext. 4", f"{US};ext=4", "+1-855-605-2135 ext. 4"),
        ("855-605-2135 x12", f"{US};ext=12", "+1-855-605-2135 ext. 12"),
        ("1-855-605-2135 #7", f"{US};ext=7", "+1-855-605-2135 ext. 7"),
        ("1-800-GET-HELP", "tel:+18004384357", "+1-800-438-4357"),
        ("+44 20 7946 0958", "tel:+442079460958", "+44 20 7946 0958"),
        ("+44 20 7946 0958 ext 3", "tel:+442079460958;ext=3", "+44 20 7946 0958 ext 3"),
        ("020 7946 0958", "tel:02079460958", "020 7946 0958"),
        ("", "", ""),
    ],
)
def test_phone_forms(written, href, international):
    assert phones.tel_href(written) == href
    assert phones.international(written) == international


def test_call_button_dials_the_extension(client, facility):
    center = facility.main_center
    center.phone = "1-855-605-2135 ext. 4"
    center.save()

    html = client.get(reverse("website:home")).content.decode()

    assert 'href="tel:+18556052135;ext=4"' in html
