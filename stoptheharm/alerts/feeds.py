"""Atom feeds of published alerts: every country, or one (its ISO code in the address)."""

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext
from django_countries import countries

from stoptheharm.alerts.models import Alert
from stoptheharm.alerts.selectors import AlertFilters, filter_alerts, published_alerts
from stoptheharm.core.countries import is_country_code

FEED_LENGTH = 50


class AlertsAtomFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, country_code: str = "") -> str:
        code = country_code.upper()
        if code and not is_country_code(code):
            raise Http404
        return code

    def title(self, country_code: str) -> str:
        if country_code:
            return gettext("Stop the Harm: early warnings, %(country)s") % {"country": countries.name(country_code)}
        return gettext("Stop the Harm: early warnings")

    def subtitle(self, country_code: str) -> str:
        return gettext("Warnings from drug-checking services about dangerous substances found in what is sold.")

    def link(self, country_code: str) -> str:
        url = reverse("alerts:list")
        return f"{url}?country={country_code}" if country_code else url

    def items(self, country_code: str) -> list[Alert]:
        return list(filter_alerts(published_alerts(), AlertFilters(country=country_code))[:FEED_LENGTH])

    def item_title(self, item: Alert) -> str:
        return gettext("%(severity)s: %(found)s in “%(sold_as)s”, %(place)s") % {
            "severity": item.get_severity_display(),
            "found": item.found,
            "sold_as": item.sold_as,
            "place": ", ".join(part for part in (item.place, str(item.country.name)) if part),
        }

    def item_description(self, item: Alert) -> str:
        return item.advice

    def item_link(self, item: Alert) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Alert) -> datetime:
        return item.published_or_created_at

    def item_updateddate(self, item: Alert) -> datetime:
        return max(item.updated_at, item.published_or_created_at)

    def item_author_name(self, item: Alert) -> str:
        return item.service.name

    def item_categories(self, item: Alert) -> list[str]:
        return [item.get_severity_display(), item.country.code]
