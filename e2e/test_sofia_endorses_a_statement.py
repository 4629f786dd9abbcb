"""Sofia signs a statement for her organisation, confirms from the e-mail, and Nadia approves it.

Sofia finds her organisation as she types (the page's small script asks the directory's API); the
moderator approves in the admin, and the organisation appears on the public list.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from wagtail.models import Page

from stoptheharm.organisations.tests.factories import add_organisation
from stoptheharm.statements.tests.factories import create_statement

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "correct horse battery staple"


def test_sofia_endorses_for_her_organisation_confirms_and_a_moderator_approves(page, site_url, settings):
    settings.STATEMENT_LIMITS = settings.STATEMENT_LIMITS | {"min_seconds_to_fill": 0}  # a robot types fast
    take_action = Page.objects.get(locale__language_code="en", slug="take-action")
    statement = create_statement(parent=take_action, slug="decriminalise-now", title="Decriminalise drug use")
    add_organisation("Associação Élixir Lisboa", countries=["PT"], website="https://elixir-lisboa.example.org")

    page.goto(site_url + statement.url)
    assert page.get_by_role("heading", name="0 organisations have signed").is_visible()
    page.get_by_label("Find your organisation in the directory").press_sequentially("elixir", delay=30)
    page.get_by_label(re.compile("Associação Élixir Lisboa")).check()  # listed by the script, no reload
    page.get_by_label("Your name").fill("Sofia Almeida")
    page.get_by_label("Your e-mail address").fill("sofia@example.org")
    page.get_by_label(re.compile("I confirm that I may sign this statement")).check()
    page.get_by_label(re.compile("I agree that Stop the Harm keeps my name")).check()
    page.get_by_role("button", name="Endorse", exact=True).click()
    page.get_by_role("heading", name="Check your e-mail").wait_for()

    [message] = mail.outbox
    assert message.to == ["sofia@example.org"]
    confirm_path = re.search(r"https?://[^/]+(/en/statements/confirm/\S+)", message.body).group(1)
    page.goto(site_url + confirm_path)
    page.get_by_role("button", name="Confirm the endorsement").click()
    page.get_by_role("heading", name="Thank you: the endorsement is confirmed").wait_for()

    get_user_model().objects.create_superuser("nadia", "nadia@example.org", PASSWORD)
    page.goto(site_url + "/admin/")
    page.get_by_label("Username").fill("nadia")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    page.wait_for_url(site_url + "/admin/")
    page.goto(site_url + "/admin/endorsements/?status=awaiting_moderation")
    row = page.get_by_role("row").filter(has_text="Associação Élixir Lisboa")
    row.get_by_role("button", name=re.compile("More options")).click()
    row.get_by_role("link", name="Approve").click()
    page.get_by_role("button", name="Approve this endorsement").click()
    page.wait_for_url(site_url + "/admin/endorsements/")

    page.goto(site_url + statement.url)
    assert page.get_by_role("heading", name="1 organisation has signed").is_visible()
    assert page.locator(".signatories__list").get_by_text("Associação Élixir Lisboa").is_visible()
    assert "sofia@example.org" not in page.content()
