import json
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Site

from stoptheharm.events.models import Registration, RegistrationStatus
from stoptheharm.events.tests.factories import create_event, create_event_index, register
from stoptheharm.organisations.tests.factories import add_organisation

PERSON = {"name": "Amina", "email": "amina@example.org", "organisation_name": "Élixir", "consent": True}


@pytest.fixture
def index(db):
    return create_event_index(parent=Site.objects.get(is_default_site=True).root_page)


@pytest.fixture
def event(index):
    hri = add_organisation("Harm Reduction International")
    return create_event(index=index, capacity=80, organisers=[(hri, "organiser")])


def post(client, event_id, payload):
    return client.post(
        f"/api/v1/events/{event_id}/registrations/", json.dumps(payload), content_type="application/json"
    )


@pytest.mark.django_db
def test_the_list_and_detail_give_public_fields_in_the_events_zone_never_the_link_or_attendees(client, event):
    register(event)
    [listed] = client.get("/api/v1/events/").json()
    detail = client.get(f"/api/v1/events/{event.pk}/").json()
    assert listed == detail
    assert detail["registered_count"] == 1 and detail["capacity"] == 80
    assert detail["starts_at"] == event.starts_at.astimezone(event.zone).isoformat()
    assert detail["organisers"][0]["name"] == "Harm Reduction International"
    assert detail["ics_url"] == f"http://testserver/en/events/{event.pk}/event.ics"
    raw = json.dumps(detail)
    assert "secret-room-42" not in raw and "amina@example.org" not in raw
    assert client.get("/api/v1/events/999999/").status_code == 404


@pytest.mark.django_db
def test_the_list_filters_past_events_and_counts_queries(client, index, event, django_assert_num_queries):
    past = create_event(index=index, slug="past", starts_at=timezone.now() - timedelta(days=3))
    create_event(index=index, slug="another", organisers=[(add_organisation("IDPC"), "co_organiser")])
    assert [item["id"] for item in client.get("/api/v1/events/?when=past").json()] == [past.pk]
    with django_assert_num_queries(4):  # the same for any number of events: organisers are prefetched
        assert len(client.get("/api/v1/events/").json()) == 2
    create_event(index=index, slug="third", organisers=[(add_organisation("INPUD"), "organiser")])
    with django_assert_num_queries(4):
        assert len(client.get("/api/v1/events/").json()) == 3


@pytest.mark.django_db
def test_a_new_and_a_known_address_get_the_same_202(client, event):
    first = post(client, event.pk, PERSON)
    again = post(client, event.pk, PERSON | {"name": "Someone else"})
    assert (
        (first.status_code, first.json())
        == (again.status_code, again.json())
        == (
            202,
            {"status": "pending_confirmation"},
        )
    )
    assert Registration.objects.get().status == RegistrationStatus.PENDING


@pytest.mark.django_db
def test_bad_input_gets_per_field_errors(client, event):
    response = post(client, event.pk, {"name": "Amina\u202e", "email": "amina@", "consent": False})
    assert response.status_code == 400
    assert set(response.json()) == {"name", "email", "consent"}
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_a_past_event_answers_409_and_over_the_limits_429(client, index, event, settings):
    past = create_event(index=index, slug="past", starts_at=timezone.now() - timedelta(hours=1))
    assert post(client, past.pk, PERSON).status_code == 409
    settings.EVENT_LIMITS = settings.EVENT_LIMITS | {"per_email": 1}
    assert post(client, event.pk, PERSON).status_code == 202
    response = post(client, event.pk, PERSON)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= settings.EVENT_LIMITS["window_seconds"]


@pytest.mark.django_db
def test_the_event_endpoints_are_in_the_openapi_schema(client):
    schema = json.loads(client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").content)
    assert {"/api/v1/events/", "/api/v1/events/{event_id}/"} <= set(schema["paths"])
    registering = schema["paths"]["/api/v1/events/{event_id}/registrations/"]["post"]
    assert {"202", "400", "404", "409", "429"} <= set(registering["responses"])
    assert "online_link" not in json.dumps(schema)
