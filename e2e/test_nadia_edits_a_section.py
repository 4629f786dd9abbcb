"""Nadia, the coalition's editor, signs in to the Wagtail admin and updates a section.

The admin must work under the Content-Security-Policy and load nothing from another host. The policy
runs no inline script, so Wagtail's date-picker initialisers are blocked: date fields stay plain
text fields, which the admin accepts.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model

from stoptheharm.pages.models import SectionPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "correct horse battery staple"


def test_nadia_signs_in_and_publishes_a_change_to_a_section(page, site_url):
    get_user_model().objects.create_superuser("nadia", "nadia@example.org", PASSWORD)
    csp_violations: list[str] = []
    requested_hosts: set[str] = set()
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and csp_violations.append(message.text),
    )
    page.on("request", lambda request: requested_hosts.add(urlsplit(request.url).netloc))
    page.goto(site_url + "/admin/")
    page.get_by_label("Username").fill("nadia")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    page.wait_for_url(site_url + "/admin/")

    events = SectionPage.objects.get(locale__language_code="en", slug="events")
    page.goto(f"{site_url}/admin/pages/{events.pk}/edit/")
    page.locator("#id_intro").fill("Conferences, online meetings and local actions, all year round.")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/$"))

    events.refresh_from_db()
    assert events.intro == "Conferences, online meetings and local actions, all year round."
    page.goto(site_url + "/en/events/")
    assert page.get_by_text("Conferences, online meetings and local actions, all year round.").is_visible()
    assert requested_hosts == {urlsplit(site_url).netloc}
    blocked_other_than_inline_scripts = [text for text in csp_violations if "inline script" not in text]
    assert blocked_other_than_inline_scripts == [], "\n".join(blocked_other_than_inline_scripts)
