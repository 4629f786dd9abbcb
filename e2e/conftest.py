import os

import pytest

# Playwright's sync API runs an event loop in the test's thread; the ORM calls made by the test
# itself (loading the demo) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from django.db import connections
from playwright.sync_api import sync_playwright

from stoptheharm.pages.demo import load_demo_site

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]


@pytest.fixture
def browser():
    """A fresh Chromium per test, stopped before the database is flushed.

    While Playwright's event loop runs, Django keeps its connections per asyncio context rather than
    per thread; a browser that outlived a test would make the next test's database set-up use
    another connection than the one holding the serialized data to restore.
    """
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        connections.close_all()  # the ones the test opened while the event loop ran


@pytest.fixture
def site_url(live_server) -> str:
    """A live server holding the demo site, as `make run` serves it.

    Tests using it are marked `django_db(transaction=True, serialized_rollback=True)`: the live server
    reads committed data, and the rollback restores what migrations created (locales, the root page).
    """
    load_demo_site()
    return live_server.url


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
