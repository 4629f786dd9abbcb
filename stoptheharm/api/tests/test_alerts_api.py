from datetime import timedelta

import pytest
from django.utils import timezone

from stoptheharm.alerts.tests.factories import add_alert
from stoptheharm.organisations.tests.factories import add_organisation


@pytest.fixture
def alerts(db):
    service = add_organisation("Checkpoint Lyon", kind="service_provider")
    return {
        "lyon": add_alert(service=service),
        "lisbon": add_alert(
            service=service,
            sold_as="Ketamine powder",
            findings=[("PCP", "")],
            country="PT",
            severity="warning",
            sampled_on=timezone.localdate() - timedelta(days=40),
        ),
        "hidden": add_alert(service=service, published=False, sold_as="Unreviewed pill"),
    }


def ids(client, query: str = "") -> set[int]:
    return {item["id"] for item in client.get(f"/api/v1/alerts/?{query}").json()}


@pytest.mark.django_db
def test_the_list_and_detail_give_published_alerts_only_with_their_public_fields(client, alerts):
    lyon, lisbon, hidden = alerts["lyon"], alerts["lisbon"], alerts["hidden"]
    assert ids(client) == {lyon.pk, lisbon.pk}
    detail = client.get(f"/api/v1/alerts/{lyon.pk}/").json()
    assert detail["findings"] == [{"substance": "PMMA", "amount": "40 mg"}, {"substance": "MDMA", "amount": "traces"}]
    assert detail["country"] == "FR" and detail["severity"] == "danger" and detail["place"] == "Lyon"
    assert detail["service"] == {"id": lyon.service_id, "name": "Checkpoint Lyon"}
    assert detail["url"] == f"http://testserver/en/alerts/{lyon.pk}/" and detail["photo_url"] is None
    assert "private-contact@example.org" not in str(detail)  # the service's private contact stays private
    assert client.get(f"/api/v1/alerts/{hidden.pk}/").status_code == 404


@pytest.mark.django_db
def test_the_list_filters_by_country_region_severity_and_date_and_ignores_what_it_cannot_use(client, alerts):
    lyon, lisbon = alerts["lyon"].pk, alerts["lisbon"].pk
    assert ids(client, "country=pt") == {lisbon}
    assert ids(client, "region=europe") == {lyon, lisbon} and ids(client, "region=africa") == set()
    assert ids(client, "severity=danger") == {lyon}
    assert ids(client, f"since={(timezone.localdate() - timedelta(days=7)).isoformat()}") == {lyon}
    assert ids(client, "country=ZZ&severity=lethal&since=soon&region=mars") == {lyon, lisbon}


@pytest.mark.django_db
def test_the_list_takes_the_same_queries_for_any_number_of_alerts(client, alerts, django_assert_num_queries):
    with django_assert_num_queries(2):  # the alerts with their services, then their findings
        client.get("/api/v1/alerts/")
    add_alert(sold_as="Another pill", country="DE")
    with django_assert_num_queries(2):
        assert len(client.get("/api/v1/alerts/").json()) == 3


@pytest.mark.django_db
def test_the_endpoints_are_in_the_openapi_schema(client):
    schema = client.get("/api/v1/schema/", headers={"Accept": "application/json"}).content.decode()
    assert "/api/v1/alerts/" in schema and "/api/v1/alerts/{alert_id}/" in schema
