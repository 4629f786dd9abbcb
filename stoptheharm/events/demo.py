"""Demo events: an online expert meeting, an international conference, a hybrid meeting and a past one.

Called by pages/demo.py with the English "events" section and the demo organisations. Idempotent:
an event (matched by slug) that exists is left as it is. Upcoming dates are set from the day the demo
is loaded, so that the listing always has something ahead; the past meeting keeps its real date.
"""

from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone
from wagtail.models import Page

from stoptheharm.core.demo import DemoReport, add_child_once
from stoptheharm.events.models import EventFormat, EventIndexPage, EventOrganiser, EventPage, OrganiserRole
from stoptheharm.events.timezones import aware_from_wall_time
from stoptheharm.organisations.models import Organisation

INDEX_SLUG = "calendar"
HRI = "Harm Reduction International"
IDPC = "International Drug Policy Consortium"
INPUD = "International Network of People who Use Drugs"


def _in_days(days: int) -> date:
    return timezone.now().date() + timedelta(days=days)


def _demo_events() -> list[dict[str, Any]]:
    return [
        {
            "slug": "expert-meeting-on-harm-reduction",
            "title": "Expert meeting on harm reduction in drug policy",
            "description": "<p>A half-day online meeting where government officials, UN agencies, researchers and "
            "civil society compare notes on harm reduction: new monitoring data, drug checking results and "
            "services that kept running through crises.</p>",
            "time_zone": "Europe/Berlin",
            "day": _in_days(40),
            "hours": ((13, 0), (17, 0)),
            "format": EventFormat.ONLINE,
            "online_link": "https://meet.example.org/expert-meeting",
            "languages": "en,es,ru",
            "capacity": 80,
            "organisers": [(HRI, OrganiserRole.ORGANISER), (IDPC, OrganiserRole.CO_ORGANISER)],
        },
        {
            "slug": "international-harm-reduction-conference",
            "title": "International Harm Reduction Conference",
            "description": "<p>Four days in Porto for people who use drugs, service providers, researchers and "
            "policy makers: plenaries, workshops and a march through the city.</p>",
            "time_zone": "Europe/Lisbon",
            "day": _in_days(150),
            "days": 3,
            "hours": ((9, 0), (18, 0)),
            "format": EventFormat.IN_PERSON,
            "venue": "Alfândega do Porto Congress Centre, Rua Nova da Alfândega",
            "city": "Porto",
            "country": "PT",
            "latitude": 41.1431,
            "longitude": -8.6194,
            "languages": "en,pt,es,fr",
            "organisers": [(HRI, OrganiserRole.ORGANISER), (INPUD, OrganiserRole.CO_ORGANISER)],
        },
        {
            "slug": "drug-checking-in-latin-america",
            "title": "Drug checking in Latin America: what early warnings tell us",
            "description": "<p>A meeting in Bogotá, also open online, on drug checking services and the early "
            "warnings they give about dangerous substances.</p>",
            "time_zone": "America/Bogota",
            "day": _in_days(60),
            "hours": ((10, 0), (13, 0)),
            "format": EventFormat.HYBRID,
            "venue": "Community centre",
            "city": "Bogotá",
            "country": "CO",
            "latitude": 4.711,
            "longitude": -74.0721,
            "online_link": "https://meet.example.org/drug-checking",
            "languages": "es,en",
            "capacity": 40,
            "organisers": [(IDPC, OrganiserRole.ORGANISER)],
        },
        {
            "slug": "4th-expert-meeting-on-harm-reduction",
            "title": "4th Expert Meeting on Harm Reduction in Drug Policy",
            "description": "<p>Nearly 80 participants met online for half a day to share strategies, reports and "
            "field experience on a health-centred drug policy.</p>",
            "time_zone": "Europe/Berlin",
            "day": date(2022, 5, 25),
            "hours": ((13, 0), (17, 0)),
            "format": EventFormat.ONLINE,
            "languages": "en",
            "organisers": [(IDPC, OrganiserRole.CO_ORGANISER), (HRI, OrganiserRole.CO_ORGANISER)],
        },
    ]


def load_demo_events(report: DemoReport, *, section: Page, organisations: dict[str, Organisation]) -> None:
    """The events index under `section` and the demo events, each counted in the report (created or already there)."""
    index_page = EventIndexPage(
        title="Upcoming events",
        slug=INDEX_SLUG,
        intro="Conferences, online meetings and local actions of the coalition and its members.",
    )
    index, is_new = add_child_once(section, index_page)
    report.count(index, is_new)
    for spec in _demo_events():
        event, is_new = add_child_once(index, _event(dict(spec), organisations))
        report.count(event, is_new)


def _event(spec: dict[str, Any], organisations: dict[str, Organisation]) -> EventPage:
    day, days, ((start_hour, start_minute), (end_hour, end_minute)) = (
        spec.pop("day"),
        spec.pop("days", 0),
        spec.pop("hours"),
    )
    zone = spec["time_zone"]
    starts_at = aware_from_wall_time(datetime(day.year, day.month, day.day, start_hour, start_minute), zone)
    last_day = day + timedelta(days=days)
    ends_at = aware_from_wall_time(datetime(last_day.year, last_day.month, last_day.day, end_hour, end_minute), zone)
    organisers = spec.pop("organisers")
    event = EventPage(starts_at=starts_at, ends_at=ends_at, **spec)
    event.organisers = [EventOrganiser(organisation=organisations[name], role=role, sort_order=order)
                        for order, (name, role) in enumerate(organisers) if name in organisations]  # fmt: skip
    return event
