import json
from datetime import UTC, datetime

import pytest

from stoptheharm.events.models import EventPage
from stoptheharm.events.structured_data import event_data, event_json_ld

pytestmark = pytest.mark.django_db  # a page, even unsaved, looks up its locale


def hybrid_event(**fields) -> EventPage:
    values = {
        "title": "Drug checking in Latin America",
        "description": "<p>A meeting <b>in Bogotá</b> & online.</p>",
        "starts_at": datetime(2027, 2, 1, 15, 0, tzinfo=UTC),
        "ends_at": datetime(2027, 2, 1, 18, 0, tzinfo=UTC),
        "time_zone": "America/Bogota",
        "format": "hybrid",
        "venue": "Community centre",
        "city": "Bogotá",
        "country": "CO",
        "latitude": 4.711,
        "longitude": -74.0721,
        "online_link": "https://meet.example.org/private",
        "languages": "es,en",
    }
    return EventPage(**(values | fields))


def test_a_hybrid_event_has_a_place_and_a_virtual_location_without_the_private_link():
    data = event_data(hybrid_event(), url="https://stoptheharm.example/en/calendar/drug-checking/", organisers=[])
    assert data["startDate"] == "2027-02-01T10:00:00-05:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, virtual = data["location"]
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 4.711, "longitude": -74.0721}
    assert place["address"]["addressCountry"] == "CO"
    assert virtual == {"@type": "VirtualLocation", "url": "https://stoptheharm.example/en/calendar/drug-checking/"}
    assert data["description"] == "A meeting in Bogotá & online."
    assert data["inLanguage"] == ["es", "en"]
    assert "meet.example.org" not in json.dumps(data)


def test_no_text_can_close_the_data_block():
    block = str(event_json_ld(hybrid_event(title="</script><script>alert(1)</script> & co"), url="/", organisers=[]))
    assert block.count("</script>") == 1 and block.endswith("</script>")
    assert "\\u003c/script\\u003e" in block and "\\u0026 co" in block
    inner = block.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(inner)["name"] == "</script><script>alert(1)</script> & co"
