"""Amina signs her first petition, confirms it from the e-mail, and sees the count rise."""

import re

import pytest
from django.core import mail
from wagtail.models import Page

from stoptheharm.petitions.tests.factories import create_petition

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_amina_signs_confirms_and_sees_the_count_rise(page, site_url, settings):
    settings.PETITION_LIMITS = settings.PETITION_LIMITS | {"min_seconds_to_fill": 0}  # a robot types fast
    take_action = Page.objects.get(locale__language_code="en", slug="take-action")
    petition = create_petition(parent=take_action)
    page.goto(site_url + petition.url)
    assert page.locator(".petition__total strong").inner_text() == "0"

    page.get_by_label("Your name").fill("Amina Diallo")
    page.get_by_label("Your e-mail address").fill("amina@example.org")
    page.get_by_label("Your country").select_option("PT")
    page.get_by_label(re.compile("I agree that Stop the Harm keeps my name")).check()
    page.get_by_role("button", name="Sign").click()
    page.get_by_role("heading", name="Check your e-mail").wait_for()

    [message] = mail.outbox
    confirm_url = re.search(r"https?://\S+/en/petitions/confirm/\S+", message.body).group(0)
    page.goto(site_url + "/" + confirm_url.split("/", 3)[3])
    page.get_by_role("button", name="Confirm my signature").click()
    page.get_by_role("heading", name="Thank you: your signature counts").wait_for()

    page.get_by_role("link", name="See the petition").click()
    assert page.locator(".petition__total strong").inner_text() == "1"
    assert page.get_by_role("cell", name="Portugal").is_visible()
