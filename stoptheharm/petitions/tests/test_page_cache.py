"""Readers of a petition in a surge are served from each process's memory for a moment."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stoptheharm.petitions.forms import started_stamp
from stoptheharm.petitions.selectors import petition_for_signing
from stoptheharm.petitions.tests.factories import add_signature

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 2  # as in production; the test settings turn it off


def test_a_reader_sets_no_cookie_and_the_next_one_is_served_from_memory(client, petition, page_cache):
    first = client.get(petition.url)
    assert first.status_code == 200
    assert first.cookies == {}  # no cookie marks a reader of a petition
    assert "max-age=2" in first["Cache-Control"]
    with CaptureQueriesContext(connection) as queries:
        again = client.get(petition.url)
    assert len(queries) == 0
    assert again.content == first.content


def test_a_cached_count_is_at_most_a_few_seconds_old(
    client, petition, page_cache, settings, django_capture_on_commit_callbacks
):
    assert "<strong>0</strong> supporters" in client.get(petition.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        add_signature(petition, "amina@example.org")
    assert "<strong>0</strong> supporters" in client.get(petition.url).content.decode()  # still the cached page
    time.sleep(settings.PAGE_CACHE_SECONDS + 0.1)
    assert "<strong>1</strong> supporter" in client.get(petition.url).content.decode()


def test_signing_and_its_answers_are_never_cached(client, petition, page_cache):
    data = {"name": "Amina", "email": "amina@example.org", "country": "PT", "consent": "on"}
    data["started"] = started_stamp(time.time() - 30)
    response = client.post(f"/en/petitions/{petition.pk}/sign/", data)
    assert response.status_code == 302
    thank_you = client.get(response["Location"])
    assert "no-store" in thank_you["Cache-Control"] or "max-age=0" in thank_you["Cache-Control"]
    assert client.post(f"/en/petitions/{petition.pk}/sign/", data | {"email": "joao@example.org"}).status_code == 302


def test_the_petition_signed_is_looked_up_once_for_a_moment(petition):
    assert petition_for_signing(pk=petition.pk) == petition
    assert petition_for_signing(slug=petition.slug, language="en") == petition
    with CaptureQueriesContext(connection) as queries:
        found = petition_for_signing(pk=petition.pk)
        assert petition_for_signing(slug=petition.slug, language="en") == petition
        assert found.canonical == petition  # resolved with it, not queried again
    assert len(queries) == 0


def test_an_unknown_or_unpublished_petition_is_not_signable(petition):
    petition.unpublish()
    assert petition_for_signing(pk=petition.pk) is None
    assert petition_for_signing(slug="nope", language="en") is None
