"""Reads of events for pages, feeds, the API and the features above (campaigns, Take Action)."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from stoptheharm.core.actions import in_default_language, of_campaign
from stoptheharm.core.privacy import RetentionPeriod, deleted_after
from stoptheharm.core.regions import countries_in
from stoptheharm.core.worldmap import MapMarker
from stoptheharm.events.forms import EventFilterForm
from stoptheharm.events.models import (
    ONLINE_FORMATS,
    EventIndexPage,
    EventOrganiser,
    EventPage,
    OrganiserRole,
    Registration,
    RegistrationStatus,
)
from stoptheharm.events.retention import UNCONFIRMED_VALIDITY
from stoptheharm.events.structured_data import event_json_ld
from stoptheharm.events.timezones import when_text


def published_events(*, language: str | None = None) -> QuerySet[EventPage]:
    """Live, public events (in one language's tree when given), with their campaign's title at hand."""
    events = EventPage.objects.live().public().select_related("campaign")
    if language:
        events = events.filter(locale__language_code=language)
    return events


def with_registered_count(events: QuerySet[EventPage]) -> QuerySet[EventPage]:
    return events.annotate(
        registered_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED))
    )


def filter_events(
    events: QuerySet[EventPage], filters: dict[str, Any], *, now: datetime | None = None
) -> QuerySet[EventPage]:
    """Apply the listing's filters: when (upcoming, the default, or past), country, region, online, campaign, language.

    Upcoming events (not yet ended) come soonest first; past ones latest first.
    """
    now = now or timezone.now()
    if filters.get("when") == "past":
        events = events.filter(ends_at__lt=now).order_by("-starts_at")
    else:
        events = events.filter(ends_at__gte=now).order_by("starts_at")
    if filters.get("country"):
        events = events.filter(country=filters["country"])
    if filters.get("region"):
        events = events.filter(country__in=countries_in(filters["region"]))
    if filters.get("online"):
        events = events.filter(format__in=ONLINE_FORMATS)
    if filters.get("campaign"):
        events = events.filter(campaign_id=filters["campaign"])
    if filters.get("language"):
        events = events.filter(languages__regex=rf"(^|,){filters['language']}(,|$)")
    return events


def _campaign_choices(language: str) -> list[tuple[int, str]]:
    titles = (
        published_events(language=language)
        .filter(campaign__isnull=False)
        .values_list("campaign_id", "campaign__title")
        .distinct()
    )
    return sorted(set(titles), key=lambda choice: choice[1])


def _language_choices(language: str) -> list[tuple[str, str]]:
    names = dict(settings.LANGUAGES)
    codes = {code for value in published_events(language=language).values_list("languages", flat=True)
             for code in value.split(",") if code}  # fmt: skip
    return sorted(((code, str(names.get(code, code))) for code in codes), key=lambda choice: choice[1])


def event_listing_context(index: EventIndexPage, query: QueryDict) -> dict[str, Any]:
    """The index page's filters, events and feed links."""
    language = index.locale.language_code
    form = EventFilterForm(query, campaigns=_campaign_choices(language), languages=_language_choices(language))
    filters = form.filters()
    events = filter_events(published_events(language=language).child_of(index), filters)
    events = list(events.prefetch_related("organisers__organisation"))
    feed_url = reverse("events:feed")
    return {
        "filter_form": form,
        "events": events,
        "map_markers": event_markers(events),
        "is_past": filters.get("when") == "past",
        "feed_url": feed_url,
        "campaign_feed_url": f"{feed_url}?campaign={filters['campaign']}" if filters.get("campaign") else "",
    }


def event_markers(events: list[EventPage]) -> list[MapMarker]:
    """A marker for each event with a place and coordinates (online-only events have no place on the map)."""
    return [
        MapMarker(
            latitude=event.latitude,
            longitude=event.longitude,
            label=", ".join(part for part in (event.title, event.city) if part),
            url=event.url or "",
            css_class=f"event-marker event-marker--{event.format}",
        )
        for event in events
        if event.has_place and event.latitude is not None and event.longitude is not None
    ]


def event_page_context(event: EventPage, request: HttpRequest) -> dict[str, Any]:
    """What the event's page shows besides its fields: organisers, the time, places, the structured data."""
    organisers = list(event.organisers.select_related("organisation").order_by("sort_order"))
    registrations = event.canonical.registrations  # every translation's registrations belong to the original
    confirmed = registrations.filter(status=RegistrationStatus.CONFIRMED).count() if event.capacity else 0
    url = request.build_absolute_uri(event.url or "")
    return {
        "organisers": [item for item in organisers if item.role == OrganiserRole.ORGANISER],
        "co_organisers": [item for item in organisers if item.role == OrganiserRole.CO_ORGANISER],
        "is_full": bool(event.capacity) and confirmed >= event.capacity,
        "places_left": max(event.capacity - confirmed, 0) if event.capacity else None,
        "json_ld": event_json_ld(event, url=url, organisers=organisers),
        "ics_url": reverse("events:ics", kwargs={"event_id": event.pk}),
    }


def waiting_list_place(registration: Registration) -> int | None:
    """Where a waiting registration stands now (1: next to get a place), or None when it is not waiting."""
    if registration.status != RegistrationStatus.WAITING:
        return None
    ahead = Registration.objects.filter(
        event_id=registration.event_id,
        status=RegistrationStatus.WAITING,
        waiting_position__lt=registration.waiting_position,
    )
    return ahead.count() + 1


@dataclass(frozen=True)
class OpenEvent:
    """An upcoming event that takes registrations, as the campaign pages and Take Action list it."""

    pk: int
    title: str
    url: str
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    registration_closes_at: datetime  # the deadline: the editors' date, else the start
    format: str  # EventFormat: in_person, online, hybrid
    countries: frozenset[str]  # the event's country (ISO 3166-1 alpha-2); empty for an online event
    languages: frozenset[str]  # language codes
    campaign_id: int | None
    importance: int
    registered_count: int  # confirmed places
    capacity: int | None  # None: no limit
    when: str  # the dates and times in the event's zone, with its UTC offset, in the active language
    page: EventPage


def open_events(*, campaign_id: int | None = None) -> list[OpenEvent]:
    """Live, public, upcoming events that still take registrations, most important first, then soonest.

    One entry per event: the default-language original, which every translation's registrations
    belong to. `campaign_id` keeps one campaign's (or its translations'). A full event is still open:
    people join its waiting list.
    """
    now = timezone.now()
    events = published_events().filter(in_default_language(), starts_at__gt=now)
    events = events.filter(Q(registration_closes_at__isnull=True) | Q(registration_closes_at__gt=now))
    if campaign_id is not None:
        events = events.filter(of_campaign(campaign_id))
    return [
        OpenEvent(
            pk=event.pk,
            title=event.title,
            url=event.url or "",
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            time_zone=event.time_zone,
            registration_closes_at=event.registration_deadline,
            format=event.format,
            countries=frozenset([event.country.code] if event.country else []),
            languages=frozenset(event.language_codes),
            campaign_id=event.campaign_id,
            importance=event.importance,
            registered_count=event.registered_count,
            capacity=event.capacity,
            when=when_text(event.starts_at, event.ends_at, event.time_zone),
            page=event,
        )
        for event in with_registered_count(events).order_by("-importance", "starts_at")
    ]


def events_organised_by(*, organisation_id: int, language: str) -> QuerySet[EventPage]:
    """Upcoming live, public events in one language that the organisation organises or co-organises."""
    organised = EventOrganiser.objects.filter(organisation_id=organisation_id).values("page_id")
    return (
        published_events(language=language).filter(pk__in=organised, ends_at__gte=timezone.now()).order_by("starts_at")
    )


def retention_periods() -> list[RetentionPeriod]:
    """What the platform keeps about attendees and for how long, read from the code that enforces it."""
    unconfirmed = UNCONFIRMED_VALIDITY.days
    attendees = settings.EVENT_REGISTRATIONS_ERASE_AFTER_DAYS
    return [
        RetentionPeriod(
            gettext("A registration for an event never confirmed"),
            deleted_after(unconfirmed),
        ),
        RetentionPeriod(
            gettext("The names, e-mail addresses and organisations of the people who register for events"),
            ngettext(
                "erased %(days)d day after the event ends",
                "erased %(days)d days after the event ends",
                attendees,
            )
            % {"days": attendees},
        ),
    ]
