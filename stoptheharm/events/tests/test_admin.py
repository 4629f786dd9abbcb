import csv
import io
import zoneinfo
from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import ModelLogEntry, PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from stoptheharm.events.models import EventPage, RegistrationStatus
from stoptheharm.events.tests.factories import create_event, register

pytestmark = pytest.mark.django_db
PASSWORD = "a long passphrase for tests"


def staff(username: str, *codenames: str):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


def event_form(**fields) -> dict:
    values = {
        "title": "International Harm Reduction Conference",
        "slug": "ihrc",
        "description": rich_text("<p>Four days of talks.</p>"),
        "time_zone": "Europe/Lisbon",
        "starts_at": "2027-03-27 09:00",
        "ends_at": "2027-03-30 17:00",
        "format": "in_person",
        "city": "Porto",
        "country": "PT",
        "location_0": "41.1431",
        "location_1": "-8.6194",
        "languages": "en,pt",
        "importance": "0",
        "organisers": inline_formset([]),
        "action-publish": "publish",
    }
    return nested_form_data(values | fields)


def test_editors_type_wall_times_in_the_events_zone_across_the_clock_change(admin_client, index):
    response = admin_client.post(f"/admin/pages/add/events/eventpage/{index.pk}/", event_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    event = EventPage.objects.get(slug="ihrc")
    assert event.starts_at == datetime(2027, 3, 27, 9, 0, tzinfo=UTC)  # WET, UTC+0
    assert event.ends_at == datetime(2027, 3, 30, 16, 0, tzinfo=UTC)  # WEST, UTC+1
    assert (event.latitude, event.longitude) == (41.1431, -8.6194)  # from the map point picker
    edit = admin_client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert 'value="2027-03-30 17:00"' in edit  # shown again as typed
    assert "data-map-latitude" in edit and 'value="41.1431"' in edit


def test_half_a_point_is_refused_beside_the_picker(admin_client, index):
    response = admin_client.post(f"/admin/pages/add/events/eventpage/{index.pk}/", event_form(location_1=""))
    assert response.status_code == 200
    assert "Give both the latitude and the longitude, or neither." in response.content.decode()


def test_a_time_the_clocks_skip_is_refused_beside_its_field(admin_client, index):
    response = admin_client.post(
        f"/admin/pages/add/events/eventpage/{index.pk}/", event_form(starts_at="2027-03-28 01:30")
    )
    assert response.status_code == 200
    assert "2027-03-28 01:30 does not exist in Europe/Lisbon" in response.content.decode()
    assert not EventPage.objects.filter(slug="ihrc").exists()


def test_kiritimati_and_pago_pago_times_are_read_in_their_own_zones(admin_client, index):
    for slug, zone in (("kiritimati", "Pacific/Kiritimati"), ("pago-pago", "Pacific/Pago_Pago")):
        form = event_form(slug=slug, time_zone=zone, starts_at="2027-01-01 09:00", ends_at="2027-01-01 11:00")
        assert admin_client.post(f"/admin/pages/add/events/eventpage/{index.pk}/", form).status_code == 302
    kiritimati, pago_pago = EventPage.objects.get(slug="kiritimati"), EventPage.objects.get(slug="pago-pago")
    assert kiritimati.starts_at == datetime(2026, 12, 31, 19, 0, tzinfo=UTC)
    assert pago_pago.starts_at == datetime(2027, 1, 1, 20, 0, tzinfo=UTC)
    assert kiritimati.starts_at.astimezone(zoneinfo.ZoneInfo("Pacific/Pago_Pago")).day == 31


def test_raising_the_capacity_in_the_admin_promotes_the_waiting_list(admin_client, index):
    event = create_event(index=index, capacity=1)
    register(event, "a@example.org")
    waiting = register(event, "b@example.org")
    assert waiting.status == RegistrationStatus.WAITING
    form = event_form(title=event.title, slug=event.slug, capacity="2", format="online", time_zone="UTC",
                      starts_at=event.starts_at.strftime("%Y-%m-%d %H:%M"),
                      ends_at=event.ends_at.strftime("%Y-%m-%d %H:%M"))  # fmt: skip
    assert admin_client.post(f"/admin/pages/{event.pk}/edit/", form).status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_staff_filter_registrations_by_status_and_cannot_edit_them(admin_client, event):
    confirmed = register(event, "confirmed@example.org", name="Confirmed Person")
    register(event, "pending@example.org", name="Pending Person", confirm=False)
    listing = admin_client.get("/admin/event_registrations/", {"status": "confirmed"}).content.decode()
    assert "Confirmed Person" in listing and "Pending Person" not in listing
    assert "Pending Person" in admin_client.get("/admin/event_registrations/", {"q": "pending@"}).content.decode()
    assert admin_client.get(f"/admin/event_registrations/edit/{confirmed.pk}/").status_code in {302, 403}
    edit_page = admin_client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert f"/admin/event_registrations/?event={event.pk}" in edit_page
    by_event = admin_client.get("/admin/event_registrations/", {"event": event.pk}).content.decode()
    assert "Confirmed Person" in by_event and "Pending Person" in by_event


def test_staff_with_the_export_permission_download_attendees_and_the_export_is_logged(client, event):
    register(event, "a@example.org", name='=HYPERLINK("http://evil.example")', organisation_name="Élixir")
    register(event, "b@example.org", confirm=False)
    url = f"/admin/events/{event.pk}/registrations.csv"
    client.force_login(staff("editor"))
    assert client.get(url).status_code in {302, 403}
    assert url not in client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert not PageLogEntry.objects.filter(action="stoptheharm.events.export_registrations").exists()
    assert not ModelLogEntry.objects.filter(action="stoptheharm.events.export_registrations").exists()

    exporter = staff("exporter", "export_registrations")
    client.force_login(exporter)
    assert url in client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    response = client.get(url)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    header, *rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert header[:4] == ["name", "email", "organisation", "status"]
    assert rows[0][:4] == ['\'=HYPERLINK("http://evil.example")', "a@example.org", "Élixir", "confirmed"]
    assert rows[1][3] == "pending"
    [entry] = PageLogEntry.objects.filter(action="stoptheharm.events.export_registrations")
    assert (entry.user_id, entry.page_id, entry.data) == (exporter.pk, event.pk, {"rows": 2})
