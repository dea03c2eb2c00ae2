"""The menus' addresses are what Django's reverse() answers at that moment."""

from django.urls import clear_script_prefix, set_script_prefix
from django.utils import translation

from website.navigation import footer_menu, main_menu, notices


def test_addresses_follow_the_script_prefix_and_the_language():
    assert ("Contact", "/contact/") in footer_menu(True)
    set_script_prefix("/site/")
    try:
        assert ("Contact", "/site/contact/") in footer_menu(True)
        assert notices()[-1] == ("Site map", "/site/site-map/")
    finally:
        clear_script_prefix()
    assert ("Contact", "/contact/") in footer_menu(True)
    with translation.override("es"):
        assert all(url.startswith("/es/") for _, url in footer_menu(True))


def test_the_menus_differ_by_their_arguments():
    assert [label for label, _ in main_menu(True)].count("Locations") == 1
    assert "Locations" not in [label for label, _ in main_menu(False)]
