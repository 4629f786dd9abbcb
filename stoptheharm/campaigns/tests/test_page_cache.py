"""Counts on the campaign and Take Action pages are no staler than on the petition's own page."""

import time

import pytest

from stoptheharm.campaigns.tests.factories import create_take_action_page
from stoptheharm.petitions.tests.factories import add_signature, create_petition

pytestmark = pytest.mark.django_db


def test_a_count_on_take_action_is_as_fresh_as_on_the_petition_page(
    client, section, campaign, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 2  # as in production; the test settings turn it off
    petition = create_petition(parent=section, campaign=campaign)
    take_action = create_take_action_page(parent=section)
    pages = [take_action.url, campaign.url, petition.url]
    for url in pages:
        response = client.get(url)
        assert "max-age=2" in response["Cache-Control"], url  # kept, and shared, as long as the petition page
        assert "0 supporters" in response.content.decode() or "<strong>0</strong>" in response.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        add_signature(petition, "amina@example.org")
    time.sleep(settings.PAGE_CACHE_SECONDS + 0.1)

    assert "1 supporter<" in client.get(take_action.url).content.decode()
    assert "1 supporter<" in client.get(campaign.url).content.decode()
    assert "<strong>1</strong> supporter" in client.get(petition.url).content.decode()
