import pytest

from stoptheharm.core.demo import DemoReport
from stoptheharm.events.demo import load_demo_events
from stoptheharm.events.models import EventIndexPage, EventPage
from stoptheharm.organisations.models import Organisation


@pytest.mark.django_db
def test_the_demo_has_upcoming_events_of_each_format_and_a_past_one_and_loads_once(client, demo_site):
    index = EventIndexPage.objects.get(locale__language_code="en")
    events = EventPage.objects.live().child_of(index)
    assert sorted(events.values_list("format", flat=True)) == ["hybrid", "in_person", "online", "online"]
    assert sum(event.is_past for event in events) == 1
    meeting = events.get(slug="expert-meeting-on-harm-reduction")
    assert [item.organisation.short_name for item in meeting.organisers.all()] == ["HRI", "IDPC"]
    organisations = {organisation.name: organisation for organisation in Organisation.objects.all()}
    report = DemoReport()
    load_demo_events(report, section=index.get_parent(), organisations=organisations)
    assert (report.created, report.existing) == ([], 5)
    content = client.get(index.url).content.decode()
    assert "International Harm Reduction Conference" in content
    assert "4th Expert Meeting" not in content  # past: listed under "past"
    assert "4th Expert Meeting" in client.get(f"{index.url}?when=past").content.decode()
