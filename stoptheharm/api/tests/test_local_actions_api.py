import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from stoptheharm.localactions.models import ActionStatus
from stoptheharm.localactions.tests.factories import add_action, create_day

PUBLIC_FIELDS = {
    "id", "day", "title", "description", "kind", "organisation_name", "organisation", "venue", "city", "country",
    "latitude", "longitude", "starts_at", "ends_at", "expected_participants", "languages", "public_contact",
}  # fmt: skip


@pytest.fixture
def days(db):
    root = Site.objects.get(is_default_site=True).root_page
    this_year = create_day(parent=root, slug="doa-2026")
    last_year = create_day(parent=root, slug="doa-2025", year=2025)
    add_action(this_year, title="Vigil", city="Lisbon", country="PT", latitude="38.72226", longitude="-9.13934")
    add_action(this_year, title="March", city="Nairobi", country="KE", contact_email="secret-organiser@example.org")
    add_action(this_year, title="Awaiting", status=ActionStatus.AWAITING_MODERATION)
    add_action(this_year, title="Rejected", status=ActionStatus.REJECTED)
    add_action(last_year, title="Workshop", city="Kyiv", country="UA")
    return this_year, last_year


def listed(client, **query) -> dict:
    response = client.get("/api/v1/actions/", query)
    assert response.status_code == 200
    return response.json()


def test_only_approved_actions_are_listed_with_public_fields_only(client, days):
    body = listed(client)

    assert [action["title"] for action in body["results"]] == ["March", "Vigil", "Workshop"]  # country, city
    assert body["count"] == 3
    assert {key for action in body["results"] for key in action} == PUBLIC_FIELDS
    vigil = next(action for action in body["results"] if action["title"] == "Vigil")
    assert (vigil["latitude"], vigil["longitude"], vigil["country"]) == (38.72226, -9.13934, "PT")
    assert vigil["day"]["year"] == days[0].year
    raw = str(body)
    assert "secret-organiser@example.org" not in raw and "organiser@example.org" not in raw and "Ana" not in raw


@pytest.mark.parametrize(
    ("query", "titles"),
    [({"country": "ke"}, {"March"}), ({"year": 2025}, {"Workshop"}), ({"country": "UA"}, {"Workshop"})],
)
def test_filters(client, days, query, titles):
    assert {action["title"] for action in listed(client, **query)["results"]} == titles


def test_filter_by_day_and_campaign(client, days):
    this_year, _last_year = days
    assert {action["title"] for action in listed(client, day=this_year.pk)["results"]} == {"Vigil", "March"}
    assert listed(client, campaign=999_999)["results"] == []


def test_a_bad_country_is_refused_clearly(client, days):
    response = client.get("/api/v1/actions/", {"country": "XX"})
    assert response.status_code == 400
    assert "not an ISO 3166-1 alpha-2 country code" in response.json()["country"][0]


def test_the_list_takes_the_same_number_of_queries_for_more_actions(client, days):
    listed(client)  # the site's root paths are cached after the first request
    with CaptureQueriesContext(connection) as few:
        listed(client)
    for city in ("Porto", "Faro", "Braga"):
        add_action(days[0], city=city)
    with CaptureQueriesContext(connection) as more:
        assert listed(client)["count"] == 6
    assert len(more) == len(few) == 2  # the count, and the page with each action's day and organisation


def test_the_endpoint_is_in_the_schema(client, db):
    schema = client.get("/api/v1/schema/").content.decode()
    assert "/api/v1/actions/" in schema
    assert "contact_email" not in schema.split("/api/v1/actions/")[1].split("/api/v1/")[0]
