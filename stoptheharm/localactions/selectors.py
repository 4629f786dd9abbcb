"""Reads of days of action and their local actions, for the public page, Take Action, the API and organisations."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from stoptheharm.core.actions import in_default_language, of_campaign
from stoptheharm.core.privacy import RetentionPeriod, deleted_after
from stoptheharm.core.regions import REGION_NAMES, countries_in, region_of
from stoptheharm.core.tokens import InvalidToken, secrets_match
from stoptheharm.core.worldmap import MapMarker
from stoptheharm.localactions.models import ActionPhoto, ActionStatus, DayOfActionPage, LocalAction, PhotoStatus
from stoptheharm.localactions.tokens import CONFIRMATION_VALIDITY, read_edit_token


@dataclass(frozen=True)
class ActionCounts:
    actions: int
    cities: int
    countries: int


@dataclass(frozen=True)
class OpenDayOfAction:
    """A day of action taking registrations (its default-language original), as Take Action lists it."""

    day: DayOfActionPage
    approved_actions: int

    @property
    def registration_closes_at(self) -> datetime:
        """When registration closes: its closing time, else the end of the day itself (the site's time zone)."""
        if self.day.registration_closes_at:
            return self.day.registration_closes_at
        day_after = datetime.combine(self.day.day + timedelta(days=1), time.min)
        return timezone.make_aware(day_after)


def approved_actions(
    *,
    day_id: int | None = None,
    campaign_id: int | None = None,
    year: int | None = None,
    country: str = "",
) -> QuerySet[LocalAction]:
    """Approved actions of live days of action, by country, city and time; with their day and organisation."""
    actions = LocalAction.objects.approved().filter(day__live=True).select_related("day", "organisation")
    if day_id is not None:
        actions = actions.filter(day_id=day_id)
    if campaign_id is not None:
        actions = actions.filter(day__campaign_id=campaign_id)
    if year is not None:
        actions = actions.filter(day__year=year)
    if country:
        actions = actions.filter(country=country.upper())
    return actions.order_by("day__day", "country", "city", "starts_at", "pk")


def action_counts(actions: list[LocalAction]) -> ActionCounts:
    """Actions, distinct cities (a city is its name in its country, in any case) and distinct countries."""
    cities = {(action.country.code, action.city.strip().casefold()) for action in actions}
    return ActionCounts(actions=len(actions), cities=len(cities), countries=len({code for code, _ in cities}))


def day_of_action_context(page: DayOfActionPage, query: QueryDict) -> dict[str, Any]:
    """What the public page shows: counts, the list (filtered by country or region), the photos of the report."""
    day = page.canonical
    approved = approved_actions(day_id=day.pk)
    every_action = list(approved)
    country = query.get("country", "").upper()
    region = query.get("region", "") if query.get("region", "") in REGION_NAMES else ""
    listed = approved
    if country:
        listed = listed.filter(country=country)
    elif region:
        listed = listed.filter(country__in=countries_in(region))
    photos = public_photos().filter(action__in=approved).select_related("action")
    countries = sorted({action.country for action in every_action}, key=lambda code: code.name)
    return {
        **action_map(every_action),
        "counts": action_counts(every_action),
        "actions": list(listed),
        "photos": list(photos),
        "filter_countries": countries,
        "filter_regions": sorted({region_of(code.code) for code in countries} - {None}),
        "region_names": REGION_NAMES,
        "chosen_country": country,
        "chosen_region": region,
        "is_open_for_registration": day.is_open_for_registration,
        "registration_day": day,
    }


def public_photos() -> QuerySet[ActionPhoto]:
    """Approved photos of approved actions on live, unrestricted days: the only ones anyone may see."""
    days = DayOfActionPage.objects.live().public()
    return ActionPhoto.objects.filter(
        status=PhotoStatus.APPROVED, action__status=ActionStatus.APPROVED, action__day__in=days
    )


def is_public_photo(name: str) -> bool:
    """Whether the photo stored under `name` may be served to anyone now (core.private_photos asks)."""
    return public_photos().filter(image=name).exists()


def action_map(actions: list[LocalAction]) -> dict[str, Any]:
    """The map's markers (approved actions with a point; the others are listed only) and its countries.

    A country with actions is highlighted and links to the list filtered to it.
    """
    markers = [
        MapMarker(
            latitude=float(action.latitude),
            longitude=float(action.longitude),
            label=f"{action.title} · {action.city}, {action.country.name}",
            url=f"#action-{action.pk}",
        )
        for action in actions
        if action.has_coordinates
    ]
    codes = {action.country.code for action in actions}
    return {
        "map_markers": markers,
        "map_country_classes": dict.fromkeys(codes, "has-local-actions"),
        "map_country_links": {code: f"?country={code}#actions-heading" for code in codes},
    }


def open_days_of_action(*, campaign_id: int | None = None) -> list[OpenDayOfAction]:
    """Live, public days of action taking registrations now (of one campaign if given).

    One entry per day: the default-language original, which the local actions of every translation
    belong to; the count is of its approved actions.
    """
    now = timezone.now()
    days = (
        DayOfActionPage.objects.live()
        .public()
        .filter(in_default_language())
        .filter(Q(registration_opens_at__isnull=True) | Q(registration_opens_at__lte=now))
        .filter(Q(registration_closes_at__gt=now) | Q(registration_closes_at__isnull=True, day__gte=now.date()))
        .annotate(approved=Count("local_actions", filter=Q(local_actions__status=ActionStatus.APPROVED)))
        .order_by("pk")
    )
    if campaign_id is not None:
        days = days.filter(of_campaign(campaign_id))
    return [OpenDayOfAction(day, day.approved) for day in days if day.is_open_for_registration_at(now)]


def action_for_edit_link(*, token: str) -> LocalAction:
    """The action a private edit link belongs to; raises InvalidToken for an altered, unknown or erased link."""
    action_id, secret = read_edit_token(token)
    action = (
        LocalAction.objects.select_related("day")
        .prefetch_related(Prefetch("photos", queryset=ActionPhoto.objects.order_by("created_at")))
        .filter(pk=action_id)
        .first()
    )
    if action is None or not action.secret or not secrets_match(secret, action.secret):
        raise InvalidToken
    return action


def actions_of_organisation(*, organisation_id: int) -> QuerySet[LocalAction]:
    """An organisation's approved actions on live days of action, the latest day first."""
    return (
        LocalAction.objects.approved()
        .filter(organisation_id=organisation_id, day__live=True)
        .select_related("day")
        .order_by("-day__day", "city", "pk")
    )


def retention_periods() -> list[RetentionPeriod]:
    """What the platform keeps about organisers of local actions and for how long, from the code that enforces it."""
    unconfirmed = CONFIRMATION_VALIDITY.days
    contacts = settings.LOCAL_ACTION_CONTACTS_ERASE_AFTER_DAYS
    return [
        RetentionPeriod(
            gettext("A local action never confirmed by its organiser"),
            deleted_after(unconfirmed),
        ),
        RetentionPeriod(
            gettext("The name and e-mail address of the organiser of a local action, and their private link"),
            ngettext(
                "erased %(days)d day after the day of action; the approved action stays on the public page",
                "erased %(days)d days after the day of action; the approved action stays on the public page",
                contacts,
            )
            % {"days": contacts},
        ),
    ]
