"""Kofi registers his group's local action for the day of action, confirms from the e-mail, a moderator approves.

No account: the form sends no cookie, the e-mail carries the confirmation and the private edit links,
and the action appears on the day's map and list once Nadia approves it in the admin.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from wagtail.models import Page

from stoptheharm.localactions.models import LocalAction
from stoptheharm.localactions.tests.factories import create_day

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "correct horse battery staple"


def test_kofi_registers_a_local_action_and_sees_it_on_the_map_after_approval(page, site_url, settings):
    settings.LOCAL_ACTION_LIMITS = settings.LOCAL_ACTION_LIMITS | {"min_seconds_to_fill": 0}  # a robot types fast
    take_action = Page.objects.get(locale__language_code="en", slug="take-action")
    day = create_day(parent=take_action, slug="day-of-action-next", title="Global day of action")

    page.goto(site_url + day.url)
    assert page.get_by_text("0 local actions").is_visible()
    page.get_by_role("link", name="Register your local action").click()
    page.get_by_label("Your organisation or group").fill("Accra Harm Reduction Collective")
    page.get_by_label("Name of the action").fill("Support. Don't Punish vigil in Accra")
    page.get_by_label("Kind of action").select_option("vigil")
    page.get_by_label("What will happen").fill("Candles and testimonies outside the high court.")
    page.get_by_label("City or town").fill("Accra")
    page.get_by_label("Country", exact=True).select_option("GH")
    page.get_by_label("Latitude (-90 to 90)").fill("5.60372")  # the picker's inputs; a click on its map works too
    page.get_by_label("Longitude (-180 to 180)").fill("-0.187")
    page.get_by_label("Starts at (local time)").fill("18:00")
    page.get_by_label("Your name").fill("Kofi Mensah")
    page.get_by_label("Your e-mail address").fill("kofi@example.org")
    page.get_by_label(re.compile("I agree that Stop the Harm keeps my name")).check()
    page.get_by_role("button", name="Register the action").click()
    page.get_by_role("heading", name="Check your e-mail").wait_for()
    assert not page.context.cookies()

    [message] = mail.outbox
    assert message.to == ["kofi@example.org"]
    confirm_path = re.search(r"https?://[^/]+(/en/local-actions/confirm/\S+)", message.body).group(1)
    assert re.search(r"/en/local-actions/edit/\S+", message.body)
    page.goto(site_url + confirm_path)
    page.get_by_role("button", name="Confirm the action").click()
    page.get_by_role("heading", name="Thank you for confirming").wait_for()

    page.goto(site_url + day.url)
    assert "vigil in Accra" not in page.content()  # not before a moderator approves it

    get_user_model().objects.create_superuser("nadia", "nadia@example.org", PASSWORD)
    page.goto(site_url + "/admin/")
    page.get_by_label("Username").fill("nadia")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    page.wait_for_url(site_url + "/admin/")
    page.goto(site_url + "/admin/local_actions/?status=awaiting")
    row = page.get_by_role("row").filter(has_text="vigil in Accra")
    row.get_by_role("button", name=re.compile("More options")).click()
    row.get_by_role("link", name="Approve").click()
    page.get_by_role("button", name="Approve this local action").click()
    page.wait_for_url(site_url + "/admin/local_actions/")

    page.context.clear_cookies()
    page.goto(site_url + day.url)
    assert page.get_by_text("1 local action").first.is_visible()
    assert page.get_by_role("heading", name="Support. Don't Punish vigil in Accra").is_visible()
    action = LocalAction.objects.get(city="Accra", day=day)
    marker = page.locator(f'svg.world-map a[href="#action-{action.pk}"]')
    assert marker.locator("circle.map-marker").count() == 1
    assert marker.locator("title").text_content() == "Support. Don't Punish vigil in Accra · Accra, Ghana"
    assert page.locator("svg.world-map .country-GH.has-local-actions").count() >= 1
    assert "kofi@example.org" not in page.content() and "Kofi Mensah" not in page.content()
