"""The iCalendar files, read back by a real parser (icalendar): times right across DST and the date line."""

from datetime import UTC, datetime

import icalendar
import pytest
from django.apps import apps

from stoptheharm.events.tests.factories import create_event
from stoptheharm.events.timezones import aware_from_wall_time

pytestmark = pytest.mark.django_db


def lisbon(*args) -> datetime:
    return aware_from_wall_time(datetime(*args), "Europe/Lisbon")


@pytest.fixture
def across_the_change(index):
    """A conference in Lisbon across the night the clocks go forward (28 March 2027)."""
    return create_event(
        index=index,
        slug="conference",
        title="International Harm Reduction Conference; day one, \\ two, three",
        description="<p>Long text " + "with words " * 20 + "and a comma, a semicolon; done.</p>",
        starts_at=lisbon(2027, 3, 27, 9, 0),
        ends_at=lisbon(2027, 3, 29, 17, 0),
        format="hybrid",
        venue="Alfândega Congress Centre",
        city="Porto",
        country="PT",
        latitude="41.14300",
        longitude="-8.61700",
    )


def parse(content: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(content)


def test_one_events_file_is_valid_rfc_5545_with_the_zone_and_no_private_link(client, across_the_change):
    response = client.get(f"/en/events/{across_the_change.pk}/event.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    content = response.content
    lines = content.split(b"\r\n")
    assert content.endswith(b"\r\n") and b"\n" not in content.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in lines)  # folded at 75 octets
    assert b"secret-room-42" not in content
    [vevent] = parse(content).walk("VEVENT")
    assert vevent["UID"] == f"event-{across_the_change.pk}@127.0.0.1:8000"
    assert "DTSTAMP" in vevent
    assert str(vevent["SUMMARY"]) == "International Harm Reduction Conference; day one, \\ two, three"
    assert b"SUMMARY:International Harm Reduction Conference\\; day one\\, \\\\ two\\, three" in content.replace(
        b"\r\n ", b""
    )  # escaped on the wire
    starts, ends = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
    assert starts.astimezone(UTC) == datetime(2027, 3, 27, 9, 0, tzinfo=UTC)  # WET
    assert ends.astimezone(UTC) == datetime(2027, 3, 29, 16, 0, tzinfo=UTC)  # WEST
    assert vevent["DTSTART"].params["TZID"] == "Europe/Lisbon"
    assert {str(timezone["TZID"]) for timezone in parse(content).walk("VTIMEZONE")} == {"Europe/Lisbon"}
    assert str(vevent["LOCATION"]) == "Alfândega Congress Centre, Porto, Portugal + Online"


def test_the_uid_stays_when_the_event_changes(client, across_the_change):
    before = parse(client.get(f"/en/events/{across_the_change.pk}/event.ics").content).walk("VEVENT")[0]["UID"]
    across_the_change.title = "Renamed"
    across_the_change.starts_at = lisbon(2027, 3, 26, 9, 0)
    across_the_change.save_revision().publish()
    after = parse(client.get(f"/en/events/{across_the_change.pk}/event.ics").content).walk("VEVENT")[0]["UID"]
    assert before == after


def test_the_feeds_list_every_published_event_or_one_campaigns(client, index, across_the_change):
    campaign = apps.get_model("campaigns", "CampaignPage")(
        title="Support. Don't Punish", slug="sdp", intro="Intro", goal="Goal"
    )
    index.get_parent().add_child(instance=campaign)
    online = create_event(
        index=index,
        slug="kiritimati",
        title="New year online",
        time_zone="Pacific/Kiritimati",
        starts_at=aware_from_wall_time(datetime(2027, 1, 1, 9, 0), "Pacific/Kiritimati"),
        campaign=campaign,
    )
    draft = create_event(index=index, slug="draft", title="Not published yet")
    draft.unpublish()
    everything = parse(client.get("/en/events/feed.ics").content)
    assert {str(item["SUMMARY"]) for item in everything.walk("VEVENT")} == {
        across_the_change.title,
        online.title,
    }
    one_campaign = parse(client.get(f"/en/events/feed.ics?campaign={campaign.pk}").content)
    [vevent] = one_campaign.walk("VEVENT")
    assert vevent.decoded("DTSTART").astimezone(UTC) == datetime(2026, 12, 31, 19, 0, tzinfo=UTC)
    assert str(one_campaign["X-WR-CALNAME"]) == "Stop the Harm events: Support. Don't Punish"
