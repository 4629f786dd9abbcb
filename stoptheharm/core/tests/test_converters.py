import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter

from stoptheharm.core.converters import DatabaseIdConverter


def every_pattern(resolver: URLResolver, prefix: str = ""):
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from every_pattern(entry, route)
        elif isinstance(entry, URLPattern):
            yield route, entry


def test_no_address_takes_an_unbounded_number_where_a_database_id_goes():
    """`<int:...>` lets a 20-digit number reach the database, which overflows: a 500 instead of a 404.

    The platform's own views, that is; Wagtail's and Django's admin are theirs to mind.
    """
    unbounded = [
        route
        for route, pattern in every_pattern(get_resolver())
        if pattern.lookup_str.startswith("stoptheharm.")
        and any(
            isinstance(converter, IntConverter) for converter in getattr(pattern.pattern, "converters", {}).values()
        )
    ]
    assert unbounded == []
    routes = [route for route, _ in every_pattern(get_resolver())]
    assert any("<id:petition_id>" in route for route in routes)  # the walk reaches the apps' URLs


@pytest.mark.parametrize(("text", "matches"), [("1", True), ("9" * 18, True), ("9" * 19, False), ("-1", False)])
def test_an_id_has_at_most_18_digits(text, matches):
    assert bool(re.fullmatch(DatabaseIdConverter.regex, text)) is matches


@pytest.mark.django_db
def test_a_huge_number_in_an_address_is_not_found_rather_than_an_error(client):
    huge = "9" * 25
    assert client.post(f"/en/petitions/{huge}/sign/", {"name": "A"}).status_code == 404
    assert client.get(f"/api/v1/events/{huge}/").status_code == 404
