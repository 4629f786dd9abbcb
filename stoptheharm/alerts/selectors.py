"""Reads of early warnings for the list, the feeds, the API, the atlas and the mailing; only published alerts."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from stoptheharm.alerts.models import Alert, AlertSubscription, SubscriptionStatus
from stoptheharm.alerts.tokens import CONFIRMATION_VALIDITY
from stoptheharm.core.privacy import RetentionPeriod, deleted_after
from stoptheharm.core.regions import countries_in
from stoptheharm.core.text import fold_text

COUNT_PERIOD = timedelta(days=365)  # the atlas counts the alerts of the last twelve months


@dataclass(frozen=True)
class AlertFilters:
    """What a reader filters the alerts by; an empty value filters nothing."""

    country: str = ""
    region: str = ""
    query: str = ""
    severity: str = ""
    since: date | None = None
    until: date | None = None


def is_published_photo(name: str) -> bool:
    """Whether the photo stored under `name` is a published alert's, so anyone may see it (core.private_photos asks)."""
    return Alert.objects.published().filter(photo=name).exists()


def published_alerts() -> QuerySet[Alert]:
    """Published alerts, the newest first, with what every list shows."""
    return (
        Alert.objects.published()
        .select_related("service")
        .prefetch_related("findings")
        .order_by("-published_at", "-pk")
    )


def filter_alerts(alerts: QuerySet[Alert], filters: AlertFilters) -> QuerySet[Alert]:
    """The alerts matching every filter given; the text search looks in what it was sold as and what was found."""
    if filters.country:
        alerts = alerts.filter(country=filters.country.upper())
    if filters.region:
        alerts = alerts.filter(country__in=countries_in(filters.region))
    for word in fold_text(filters.query).split():  # every word, without accents or case (as the library's search)
        alerts = alerts.filter(search_text__contains=word)
    if filters.severity:
        alerts = alerts.filter(severity=filters.severity)
    if filters.since:
        alerts = alerts.filter(sampled_on__gte=filters.since)
    if filters.until:
        alerts = alerts.filter(sampled_on__lte=filters.until)
    return alerts


def alert_counts_by_country(*, since: date | None = None) -> dict[str, int]:
    """Published alerts per ISO code, of samples from `since` on (default: the last twelve months)."""
    since = since or (timezone.localdate() - COUNT_PERIOD)
    rows = (
        Alert.objects.published()
        .filter(sampled_on__gte=since)
        .order_by()
        .values("country")
        .annotate(count=Count("pk"))
        .values_list("country", "count")
    )
    return dict(rows)


def subscriptions_for_alert(alert: Alert) -> QuerySet[AlertSubscription]:
    """Confirmed subscriptions to the alert's country or to every country.

    `countries` holds two-letter codes joined by commas, so a code found in it is one of them.
    """
    code = alert.country.code
    return AlertSubscription.objects.filter(status=SubscriptionStatus.CONFIRMED).filter(
        Q(countries="") | Q(countries__contains=code)
    )


def subscription_retention_periods() -> list[RetentionPeriod]:
    """What the platform keeps about subscribers and for how long, read from the code that enforces it."""
    return [
        RetentionPeriod(
            gettext("A subscription to early warnings never confirmed"), deleted_after(CONFIRMATION_VALIDITY.days)
        ),
        RetentionPeriod(
            gettext("A confirmed subscription (e-mail address, countries, language)"),
            gettext("until you unsubscribe, with the link in every e-mail; then deleted at once"),
        ),
    ]
