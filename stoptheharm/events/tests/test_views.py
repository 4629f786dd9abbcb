import json
import re
from datetime import timedelta
from email import message_from_bytes

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from stoptheharm.core.forms import started_stamp
from stoptheharm.events import services
from stoptheharm.events.forms import RegistrationForm
from stoptheharm.events.models import Registration, RegistrationStatus
from stoptheharm.events.tests.factories import create_event, register
from stoptheharm.events.tokens import registration_token
from stoptheharm.organisations.tests.factories import add_organisation

pytestmark = pytest.mark.django_db
PERSON = {"name": "Amina <b>Diallo</b>", "email": "amina@example.org", "organisation_name": "", "consent": "on"}


def started() -> str:
    return started_stamp(salt=RegistrationForm.started_salt, moment=timezone.now().timestamp() - 60)


def text_of(content: bytes) -> str:
    return message_from_bytes(content).get_payload(decode=True).decode()


def test_the_page_shows_the_time_in_the_events_zone_and_never_the_online_link(client, index):
    hri = add_organisation("Harm Reduction International", website="https://hri.example")
    idpc = add_organisation("International Drug Policy Consortium")
    event = create_event(
        index=index,
        starts_at=timezone.datetime(2027, 5, 25, 12, 0, tzinfo=timezone.UTC),  # 13:00 in Lisbon (WEST)
        organisers=[(hri, "organiser"), (idpc, "co_organiser")],
        title="Expert meeting </script><script>alert(1)</script>",
    )
    response = client.get(event.url)
    content = response.content.decode()
    assert response.cookies == {}
    assert "May 25, 2027, 1 p.m. – 4 p.m. (Europe/Lisbon, UTC+01:00)" in content
    assert '<time datetime="2027-05-25T13:00:00+01:00"' in content
    assert "secret-room-42" not in content
    assert "Languages: English, español" in content
    assert "<script>alert(1)" not in content
    assert "Co-organised by:" in content and "International Drug Policy Consortium" in content
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1))
    assert data["@type"] == "Event" and data["name"] == event.title
    assert data["startDate"] == "2027-05-25T13:00:00+01:00"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": f"http://testserver{event.url}"}
    assert [item["name"] for item in data["organizer"]] == [hri.name, idpc.name]


def test_registering_confirming_and_cancelling_by_the_e_mailed_links(
    client, event, smtp_inbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/events/{event.pk}/register/", PERSON | {"started": started()})
    assert response.status_code == 302 and response["Location"] == f"/en/events/{event.pk}/thank-you/"
    [(_sender, recipients, content)] = smtp_inbox.messages
    assert recipients == ["amina@example.org"]
    body = text_of(content)
    page_path = re.search(r"https?://[^/]+(/en/events/registration/[^/\s]+/)\s", body).group(1)
    cancel_path = re.search(r"https?://[^/]+(/en/events/registration/\S+/cancel/)", body).group(1)

    assert "Confirm my registration" in client.get(page_path).content.decode()
    assert Registration.objects.get().status == RegistrationStatus.PENDING  # opening the link changes nothing
    confirmed = client.post(page_path).content.decode()
    assert "your place is confirmed" in confirmed and "https://meet.example.org/secret-room-42" in confirmed

    assert "Keep my registration" in client.get(cancel_path).content.decode()
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED
    assert "is cancelled" in client.post(cancel_path).content.decode()
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED
    assert "secret-room-42" not in client.get(page_path).content.decode()


def test_a_known_address_gets_the_same_page_as_a_new_one(client, event):
    register(event, "amina@example.org")
    response = client.post(f"/en/events/{event.pk}/register/", PERSON | {"started": started()})
    assert response["Location"] == f"/en/events/{event.pk}/thank-you/"
    assert Registration.objects.count() == 1


def test_bad_input_is_shown_beside_its_field_and_kept(client, event):
    response = client.post(
        f"/en/events/{event.pk}/register/", {"name": "Amina\u202e", "email": "amina@", "started": started()}
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_name_error"' in content and 'id="id_email_error"' in content and 'id="id_consent_error"' in content
    assert 'value="amina@"' in content
    assert not Registration.objects.exists()


def test_a_cross_site_post_and_a_form_filled_too_fast_store_nothing(client, event):
    cross = client.post(f"/en/events/{event.pk}/register/", PERSON, headers={"Sec-Fetch-Site": "cross-site"})
    assert cross.status_code == 403
    too_fast = client.post(f"/en/events/{event.pk}/register/", PERSON | {"started": started_stamp(salt="x")})
    assert too_fast.status_code == 302
    assert not Registration.objects.exists()


def test_an_altered_link_finds_nothing(client, event):
    registration = register(event)
    assert client.get("/en/events/registration/1:abc:forged/").status_code == 404
    registration.secret = "changed"
    registration.save(update_fields=["secret"])
    assert client.post(f"/en/events/registration/{registration_token(registration.pk, 'old')}/").status_code == 404


def test_a_full_events_page_offers_the_waiting_list(client, index):
    event = create_event(index=index, capacity=1)
    assert "1 place left." in client.get(event.url).content.decode()
    register(event)
    assert "The event is full: register to join the waiting list" in client.get(event.url).content.decode()


def test_the_listing_filters_events(client, index):
    porto = create_event(index=index, slug="porto", title="Conference in Porto", format="in_person", country="PT",
                         languages="en,pt")  # fmt: skip
    online = create_event(index=index, slug="online", title="Online meeting", languages="en,es")
    past = create_event(index=index, slug="past", title="A past action", starts_at=timezone.now() - timedelta(days=30))

    def titles(query: str = "") -> set[str]:
        content = client.get(f"{index.url}{query}").content.decode()
        return {title for title in (porto.title, online.title, past.title) if title in content}

    assert titles() == {porto.title, online.title}
    content = client.get(index.url).content.decode()
    assert content.count('class="map-marker') == 0  # Porto has no coordinates yet: no map
    porto.latitude, porto.longitude = 41.1431, -8.6194
    porto.save_revision().publish()
    content = client.get(index.url).content.decode()
    assert content.count('class="map-marker') == 1 and "<title>Conference in Porto</title>" in content
    assert titles("?when=past") == {past.title}
    assert titles("?country=PT") == {porto.title}
    assert titles("?region=europe") == {porto.title}
    assert titles("?online=on") == {online.title}
    assert titles("?language=es") == {online.title}
    assert titles("?language=pt") == {porto.title}
    assert titles("?when=tomorrow&country=XX") == {porto.title, online.title}  # invalid filters are ignored
    assert '<option value="" selected>Any country</option>' in client.get(index.url).content.decode()


def test_an_organisations_page_lists_the_upcoming_events_it_organises(client, index):
    hri = add_organisation("Harm Reduction International")
    event = create_event(index=index, organisers=[(hri, "co_organiser")])
    content = client.get(f"/en/organisations/{hri.pk}/").content.decode()
    assert "Upcoming events it organises" in content and event.title in content


def test_the_listing_costs_the_same_queries_for_more_events(client, index):
    hri = add_organisation("Harm Reduction International")
    for number in range(2):
        create_event(index=index, slug=f"event-{number}", organisers=[(hri, "organiser")], country="PT")
    client.get(index.url)  # the site's root paths are cached from here on
    with CaptureQueriesContext(connection) as two:
        client.get(index.url)
    for number in range(2, 6):
        create_event(index=index, slug=f"event-{number}", organisers=[(hri, "organiser")], country="PT")
    with CaptureQueriesContext(connection) as six:
        assert client.get(index.url).content.decode().count('class="card"') == 6
    assert len(six) == len(two)


def test_the_attendees_page_gives_the_waiting_lists_current_place(client, index):
    event = create_event(index=index, capacity=1)
    register(event, "a@example.org")
    first, second = register(event, "b@example.org"), register(event, "c@example.org")
    page = f"/en/events/registration/{registration_token(second.pk, second.secret)}/"
    assert "number 2 in the queue" in client.get(page).content.decode()
    services.cancel_registration(registration=first)
    assert "number 1 in the queue" in client.get(page).content.decode()
