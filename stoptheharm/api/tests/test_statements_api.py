import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Site

from stoptheharm.statements.models import EndorsementStatus, Signers
from stoptheharm.statements.tests.factories import add_endorsement, add_individual, create_statement


@pytest.fixture
def statement(db):
    root = Site.objects.get(is_default_site=True).root_page
    statement = create_statement(parent=root, signers=Signers.ORGANISATIONS_AND_INDIVIDUALS)
    add_endorsement(statement, "Élixir", countries=["FR"], short_name="ELX", website="https://elixir.example")
    add_endorsement(statement, "AIDES", countries=["FR"])
    add_endorsement(statement, "СВОН Плюс", countries=["RU"])
    add_endorsement(statement, "Pending NGO", status=EndorsementStatus.AWAITING_MODERATION)
    add_individual(statement, "Ana Lima", country="BR", affiliation="nurse", email="ana@example.org")
    return statement


@pytest.mark.django_db
def test_statements_are_listed_with_their_signatory_counts(client, statement):
    [item] = client.get("/api/v1/statements/").json()
    assert item == {
        "slug": "porto-2019",
        "title": statement.title,
        "introduction": statement.introduction,
        "event_name": "26th International Harm Reduction Conference, Porto",
        "event_date": None,
        "opens_at": None,
        "closes_at": None,
        "is_open_for_signing": True,
        "signers": "organisations_and_individuals",
        "signatory_count": 3,
        "url": f"http://testserver{statement.url}",
        "pdf_url": f"http://testserver/en/statements/{statement.pk}/statement.pdf",
    }


@pytest.mark.django_db
def test_one_statement_has_its_approved_signatories_in_collation_order_with_public_fields_only(client, statement):
    response = client.get("/api/v1/statements/porto-2019/")
    data = response.json()
    assert [(signatory["number"], signatory["name"]) for signatory in data["signatories"]] == [
        (1, "AIDES"),
        (2, "Élixir"),
        (3, "СВОН Плюс"),
    ]
    assert data["signatories"][1] == {
        "number": 2,
        "name": "Élixir",
        "short_name": "ELX",
        "website": "https://elixir.example",
        "kind": "ngo",
        "countries": ["FR"],
    }
    assert data["individuals"] == [{"number": 1, "name": "Ana Lima", "country": "BR", "affiliation": "nurse"}]
    assert data["countries"] == [{"key": "FR", "count": 2}, {"key": "RU", "count": 1}]
    assert data["regions"] == [{"key": "europe", "count": 3}]
    body = response.content.decode()
    for private in (
        "Pending NGO",
        'example.org"',
        "contact@example.org",
        "ana@example.org",
        "Maria",
        "private-contact",
    ):
        assert private not in body


@pytest.mark.django_db
def test_a_translation_has_the_same_signatories_and_an_unknown_slug_is_404(client, statement):
    french = statement.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=True)
    french.save_revision().publish()
    response = client.get("/api/v1/statements/porto-2019/", headers={"accept-language": "fr"})
    assert [signatory["name"] for signatory in response.json()["signatories"]] == ["AIDES", "Élixir", "СВОН Плюс"]
    assert client.get("/api/v1/statements/no-such-statement/").status_code == 404


@pytest.mark.django_db
def test_listing_counts_every_statements_signatories_in_one_query(client, statement):
    for number in range(3):
        other = create_statement(parent=statement.get_parent(), slug=f"other-{number}")
        add_endorsement(other, f"Signatory {number}")
    with CaptureQueriesContext(connection) as queries:
        items = client.get("/api/v1/statements/").json()
    assert sorted(item["signatory_count"] for item in items) == [1, 1, 1, 3]
    assert len([query for query in queries if "statements_endorsement" in query["sql"]]) == 1


@pytest.mark.django_db
def test_the_openapi_schema_describes_the_statement_endpoints(client):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    schema = json.loads(response.content)
    assert {"/api/v1/statements/", "/api/v1/statements/{slug}/"} <= set(schema["paths"])
    detail = schema["components"]["schemas"]["StatementDetailOutput"]["properties"]
    assert {"signatories", "individuals", "countries", "regions"} <= set(detail)
    assert set(schema["components"]["schemas"]["SignatoryOutput"]["properties"]) == {
        "number", "name", "short_name", "website", "kind", "countries"
    }  # fmt: skip
