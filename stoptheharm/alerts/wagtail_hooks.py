from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from stoptheharm.alerts import views
from stoptheharm.alerts.forms import AlertAdminForm
from stoptheharm.alerts.models import Alert
from stoptheharm.alerts.selectors import (
    COUNT_PERIOD,
    AlertFilters,
    alert_counts_by_country,
    filter_alerts,
    published_alerts,
)
from stoptheharm.alerts.services import PUBLISH_LOG_ACTION, REJECT_LOG_ACTION
from stoptheharm.atlas.country_sections import COUNTRY_SECTIONS_HOOK, CountrySection
from stoptheharm.atlas.map_layers import MAP_LAYERS_HOOK, CountLayer

PUBLISH_PERMISSION = "alerts.publish_alert"
MAX_LISTED_ON_COUNTRY_PAGE = 5

Alert.base_form_class = AlertAdminForm


class AlertViewSet(SnippetViewSet):
    """Alerts written by drug-checking services' staff; every edit is a revision, publishing is a review."""

    model = Alert
    icon = "warning"
    menu_label = gettext_lazy("Early warnings")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["sold_as", "country", "sampled_on", "severity", "status", "service"]
    list_filter = ["status", "severity", "country"]
    search_fields = ["sold_as", "place", "advice"]
    copy_view_enabled = False  # a copy would start from the original's instance: its status, published or not


register_snippet(AlertViewSet)


class ReviewMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(PUBLISH_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_review_menu_item() -> MenuItem:
    return ReviewMenuItem(
        gettext_lazy("Early warnings to review"), reverse("alerts_review"), icon_name="tick", order=261
    )


@hooks.register("register_admin_urls")
def register_review_urls() -> list[Any]:
    return [
        path("alerts/review/", views.review_queue, name="alerts_review"),
        path("alerts/<id:alert_id>/decide/", views.decide, name="alerts_decide"),
    ]


@hooks.register("register_log_actions")
def register_alert_log_actions(actions: Any) -> None:
    actions.register_action(
        PUBLISH_LOG_ACTION, gettext_lazy("Publish alert"), gettext_lazy("Published an early warning")
    )
    actions.register_action(REJECT_LOG_ACTION, gettext_lazy("Reject alert"), gettext_lazy("Rejected an early warning"))


@hooks.register(COUNTRY_SECTIONS_HOOK)
def alerts_in_country(country_code: str, request: HttpRequest) -> CountrySection:
    """The country's latest early warnings and their count over the last year; always shown, to offer the feed."""
    since = timezone.localdate() - COUNT_PERIOD
    alerts = filter_alerts(published_alerts(), AlertFilters(country=country_code))
    return CountrySection(
        title=_("Early warnings from drug-checking services"),
        template="alerts/includes/country_section.html",
        context={
            "alerts": list(alerts[:MAX_LISTED_ON_COUNTRY_PAGE]),
            "count": alerts.filter(sampled_on__gte=since).count(),
            "country_code": country_code,
            "list_url": f"{reverse('alerts:list')}?country={country_code}",
        },
    )


@hooks.register(MAP_LAYERS_HOOK)
def alerts_map_layer() -> CountLayer:
    return CountLayer(
        key="alerts",
        title=_("Early warnings (last 12 months)"),
        counts=alert_counts_by_country,
        label=lambda count: ngettext("%(count)d early warning", "%(count)d early warnings", count) % {"count": count},
    )
