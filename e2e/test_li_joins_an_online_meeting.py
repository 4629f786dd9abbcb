"""Li, in American Samoa, looks at an online meeting organised from Kiribati, the other side of the date line.

The page gives the organisers' time (1 January, UTC+14); her browser adds her own (31 December).
"""

from datetime import datetime, timedelta

import pytest
from wagtail.models import Site

from stoptheharm.events.tests.factories import create_event, create_event_index
from stoptheharm.events.timezones import aware_from_wall_time

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_page_shows_the_events_date_and_her_own_date(browser, live_server):
    index = create_event_index(parent=Site.objects.get(is_default_site=True).root_page)
    next_year = datetime.now().year + 1
    starts_at = aware_from_wall_time(datetime(next_year, 1, 1, 9, 0), "Pacific/Kiritimati")
    event = create_event(
        index=index,
        title="New year online meeting",
        time_zone="Pacific/Kiritimati",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
    )
    context = browser.new_context(locale="en-GB", timezone_id="Pacific/Pago_Pago")
    page = context.new_page()
    console_errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    page.goto(live_server.url + event.url)

    when = page.locator(".event__when")
    assert f"Jan. 1, {next_year}, 9 a.m." in when.inner_text()
    assert "UTC+14:00" in when.inner_text()
    local = page.locator(".event__local-time")
    assert f"Dec 31, {next_year - 1}" in local.inner_text()  # the page is in English: lang="en"
    assert "Your time:" in local.inner_text()
    assert page.locator('script[type="application/ld+json"]').count() == 1
    assert console_errors == []  # the data block breaks no Content Security Policy
    context.close()
