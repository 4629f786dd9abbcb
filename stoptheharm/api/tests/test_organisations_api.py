import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stoptheharm.organisations.models import OrganisationKind
from stoptheharm.organisations.tests.factories import add_organisation

PUBLIC_FIELDS = {
    "id",
    "name",
    "short_name",
    "kind",
    "scope",
    "region",
    "countries",
    "website",
    "languages",
    "description",
    "is_member",
    "is_verified",
    "url",
}


@pytest.fixture
def organisations(db):
    return [
        add_organisation("Élixir", countries=["FR", "BE"], languages="fr, nl", website="https://elixir.example.org"),
        add_organisation("Harm Reduction International", short_name="HRI", is_member=True),
        add_organisation("Фонд Андрея Рылькова", kind=OrganisationKind.PEOPLE_WHO_USE_DRUGS, countries=["RU"]),
    ]


def listed(client, **query) -> dict:
    response = client.get("/api/v1/organisations/", query)
    assert response.status_code == 200
    return response.json()


def test_organisations_are_listed_by_name_with_public_fields_only(client, organisations):
    body = listed(client)
    assert body["count"] == 3
    assert [item["name"] for item in body["results"]] == [
        "Harm Reduction International",
        "Élixir",
        "Фонд Андрея Рылькова",
    ]
    elixir = body["results"][1]
    assert set(elixir) == PUBLIC_FIELDS
    assert elixir["countries"] == ["BE", "FR"]
    assert elixir["languages"] == ["fr", "nl"]
    assert elixir["url"] == f"http://testserver/en/organisations/{organisations[0].pk}/"
    assert "private-contact@example.org" not in str(body)


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ({"country": "RU"}, ["Фонд Андрея Рылькова"]),
        ({"kind": "pwud_network"}, ["Фонд Андрея Рылькова"]),
        ({"member": "true"}, ["Harm Reduction International"]),
        ({"q": "ELIXIR"}, ["Élixir"]),
    ],
)
def test_organisations_are_filtered_by_country_kind_membership_and_name(client, organisations, query, names):
    assert [item["name"] for item in listed(client, **query)["results"]] == names


@pytest.mark.parametrize(("query", "field"), [({"country": "XX"}, "country"), ({"kind": "club"}, "kind")])
def test_unknown_filter_values_are_refused_with_the_field(client, organisations, query, field):
    response = client.get("/api/v1/organisations/", query)
    assert response.status_code == 400
    assert list(response.json()) == [field]


@pytest.mark.django_db
def test_organisations_are_paginated_in_pages_of_50_in_a_fixed_number_of_queries(client):
    for number in range(53):
        add_organisation(f"Network {number:03d}")
    with CaptureQueriesContext(connection) as queries:
        first = listed(client)
    assert len(queries) == 2  # the count and the page
    assert (first["count"], len(first["results"])) == (53, 50)
    assert first["next"] == "http://testserver/api/v1/organisations/?page=2"
    assert [item["name"] for item in listed(client, page=2)["results"]] == [f"Network {n:03d}" for n in range(50, 53)]
    assert client.get("/api/v1/organisations/", {"page": 9}).status_code == 404


@pytest.mark.django_db
def test_the_organisations_endpoint_is_in_the_schema(client):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/organisations/"]["get"]
    assert {parameter["name"] for parameter in operation["parameters"]} == {"country", "kind", "member", "q", "page"}
    properties = schema["components"]["schemas"]["OrganisationOutput"]["properties"]
    assert set(properties) == PUBLIC_FIELDS
    outputs = {name: part for name, part in schema["components"]["schemas"].items() if not name.endswith("Input")}
    assert "contact_email" not in str(outputs)  # only endorsing's input takes a contact's address
