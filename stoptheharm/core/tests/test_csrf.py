"""The public's forms are protected by where the browser says a request comes from, with no cookie."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from stoptheharm.core.csrf import is_cross_site, public_form


@public_form
def accept(request):
    return HttpResponse("accepted")


@pytest.mark.parametrize(
    ("headers", "cross_site"),
    [
        ({"Sec-Fetch-Site": "same-origin"}, False),
        ({"Sec-Fetch-Site": "none"}, False),  # typed in the address bar
        ({"Sec-Fetch-Site": "cross-site"}, True),
        ({"Sec-Fetch-Site": "same-site"}, True),  # another subdomain is another site for us
        ({"Sec-Fetch-Site": "cross-site", "Origin": "http://testserver"}, True),  # the browser's word wins
        ({"Origin": "http://testserver"}, False),
        ({"Origin": "https://evil.example"}, True),
        ({"Origin": "null"}, True),  # sandboxed frames, data: pages
        ({}, False),  # no browser's cross-site form: curl, an API client
    ],
)
def test_where_a_post_comes_from(headers, cross_site):
    request = RequestFactory().post("/", headers=headers)
    assert is_cross_site(request) is cross_site


def test_a_cross_site_post_is_refused_and_a_same_origin_one_goes_through():
    factory = RequestFactory()
    assert accept(factory.post("/", headers={"Sec-Fetch-Site": "cross-site"})).status_code == 403
    assert accept(factory.post("/", headers={"Sec-Fetch-Site": "same-origin"})).content == b"accepted"
    assert accept(factory.get("/", headers={"Sec-Fetch-Site": "cross-site"})).content == b"accepted"  # links


def test_a_trusted_origin_may_post(settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://stoptheharm.org"]
    request = RequestFactory().post("/", headers={"Origin": "https://stoptheharm.org"})
    assert is_cross_site(request) is False
