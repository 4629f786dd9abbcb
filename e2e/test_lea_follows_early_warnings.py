"""Léa, a peer worker in Lyon, checks the early warnings for France and subscribes to them by e-mail.

She filters the list with its form (no script needed), opens an alert, then subscribes for France
and Belgium and confirms from the e-mail; no page she reads or sends sets a cookie.
"""

import re

import pytest
from django.core import mail

from stoptheharm.alerts.models import AlertSubscription, SubscriptionStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_lea_filters_the_alerts_opens_one_and_subscribes_for_her_countries(browser, site_url, settings):
    settings.ALERT_SUBSCRIPTION_LIMITS = settings.ALERT_SUBSCRIPTION_LIMITS | {"min_seconds_to_fill": 0}
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    page.goto(site_url + "/en/alerts/")
    page.get_by_label("Country").select_option("FR")
    page.get_by_label("Severity").select_option("danger")
    page.get_by_role("button", name="Filter").click()
    assert "country=FR" in page.url
    assert page.get_by_role("heading", name="1 alert found").is_visible()
    page.get_by_role("link", name="Ecstasy pill, orange, shield logo (demo)").click()
    assert page.get_by_role("heading", name="What to do").is_visible()
    assert page.locator(".alert-severity").text_content().endswith("Danger")  # in words, not only a colour

    page.get_by_role("link", name="Get alerts by e-mail").first.click()
    page.get_by_label("Your e-mail address").fill("lea@example.org")
    page.get_by_label("Or only from these countries").select_option(["FR", "BE"])
    page.get_by_role("button", name="Subscribe").click()
    page.get_by_role("heading", name="Check your e-mail").wait_for()

    [message] = mail.outbox
    confirm_path = re.search(r"https?://[^/]+(/en/alerts/subscribe/confirm/\S+/)", message.body).group(1)
    page.goto(site_url + confirm_path)
    page.get_by_role("button", name="Confirm the subscription").click()
    page.get_by_role("heading", name="Subscription confirmed").wait_for()
    assert not context.cookies()
    subscription = AlertSubscription.objects.get()
    assert subscription.status == SubscriptionStatus.CONFIRMED
    assert sorted(country.code for country in subscription.countries) == ["BE", "FR"]
    context.close()
