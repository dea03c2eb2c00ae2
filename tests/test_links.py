"""The menus' addresses, worked out once per way of writing addresses (plumbing/links.py),
are always what Django's reverse() answers at that moment."""

from django.test import override_settings
from django.urls import clear_script_prefix, reverse, set_script_prefix

from plumbing import links
from website.navigation import footer_menu, main_menu, notices


def test_addresses_are_django_s_and_follow_the_script_prefix():
    assert links.reverse("facility:services") == reverse("facility:services") == "/services/"
    assert ("Contact", "/contact/") in footer_menu(True)
    set_script_prefix("/site/")
    try:
        assert links.reverse("facility:services") == "/site/services/"
        assert ("Contact", "/site/contact/") in footer_menu(True)
        assert notices()[-1] == ("Site map", "/site/site-map/")
    finally:
        clear_script_prefix()
    assert ("Contact", "/contact/") in footer_menu(True)


def test_the_menus_differ_by_their_arguments_and_start_afresh_with_new_settings():
    assert [label for label, _ in main_menu(True)].count("Locations") == 1
    assert "Locations" not in [label for label, _ in main_menu(False)]
    before = footer_menu(False)
    with override_settings(ROOT_URLCONF="benchmarks.urls"):
        assert links.reverse("bench_ref") == reverse("bench_ref") == "/ref/"
    assert footer_menu(False) == before
