"""João keeps his course progress with a private link, then carries on in another browser."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_joao_asks_for_a_link_and_opens_it_in_another_browser_which_gets_his_progress(browser, site_url, settings):
    settings.COURSE_PROGRESS_LIMITS = settings.COURSE_PROGRESS_LIMITS | {"min_seconds_to_fill": 0}
    course_url = site_url + "/en/library/harm-reduction-advocacy/"
    phone = browser.new_context(locale="en-GB")
    page = phone.new_page()
    page.set_default_timeout(15_000)
    page.goto(course_url)
    page.get_by_role("link", name="Meeting people where they are").click()
    page.get_by_role("button", name="Mark this lesson as done").click()
    page.goto(course_url)
    expect(page.get_by_text("1 of 5 lessons done")).to_be_visible()
    page.get_by_label("Your e-mail address").fill("joao@example.org")
    page.get_by_role("button", name="E-mail me a private link").click()
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    phone.close()

    [message] = mail.outbox
    path = re.search(r"/en/courses/progress/\S+/", message.body).group(0)
    laptop = browser.new_context(locale="en-GB")
    page = laptop.new_page()
    page.set_default_timeout(15_000)
    page.goto(site_url + path)
    page.get_by_role("button", name="Open my saved progress").click()
    expect(page.get_by_role("link", name="Meeting people where they are")).to_be_visible()
    page.get_by_role("link", name="Carry on with the course").click()
    expect(page.get_by_text("1 of 5 lessons done")).to_be_visible()
    assert laptop.cookies() == []
    laptop.close()
