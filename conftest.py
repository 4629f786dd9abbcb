import os
import socket
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.core.cache import caches
from django.utils import translation
from wagtail.models import Site

from config import env
from stoptheharm.pages.demo import load_demo_site
from stoptheharm.pages.models import HomePage


@pytest.fixture
def demo_site(db) -> HomePage:
    """The demo site in every language, as `make run` loads it; returns the default-language home."""
    load_demo_site()
    return Site.objects.get(is_default_site=True).root_page.specific


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []
        self.refuse_next = 0  # how many deliveries to refuse first, as a failing mail server does

    async def handle_DATA(self, server, session, envelope):
        if self.refuse_next:
            self.refuse_next -= 1
            return "451 Local error in processing, try again later"
        self.messages.append((envelope.mail_from, envelope.rcpt_tos, envelope.content))
        return "250 Message accepted for delivery"


@pytest.fixture
def redis_url() -> str:
    """The real Redis that scripts/run-tests starts; skipped outside it, except in CI where it must be there."""
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("TEST_REDIS_URL is not set: scripts/run-tests starts a Redis for this test")
        pytest.skip("no Redis started for this run (make test starts one)")
    return url


@pytest.fixture
def smtp_server():
    """A real SMTP server on 127.0.0.1: yields its inbox and port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in English: a request to /fr/ in an earlier test leaves French active in the thread."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with empty caches: ids can be reused once a test's transaction is rolled back."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def smtp_inbox(smtp_server, settings) -> Inbox:
    """The platform's mail goes to that real SMTP server for this test; yields its inbox."""
    inbox, port = smtp_server
    settings.MAILERS = env.mailers_config(f"smtp://127.0.0.1:{port}?timeout=5", default_file_path=Path("/unused"))
    return inbox
