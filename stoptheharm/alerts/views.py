from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from stoptheharm.alerts import services
from stoptheharm.alerts.forms import AlertFilterForm, ReviewDecision, ReviewForm, SubscriptionForm
from stoptheharm.alerts.models import Alert, AlertStatus
from stoptheharm.alerts.selectors import filter_alerts, published_alerts
from stoptheharm.core.clients import client_ip
from stoptheharm.core.csrf import public_form
from stoptheharm.core.tokens import InvalidToken

ALERTS_PER_PAGE = 20


@require_safe
def alert_list(request: HttpRequest) -> HttpResponse:
    """Published alerts, newest first, filtered by a GET form (so it works without JavaScript)."""
    form = AlertFilterForm(request.GET)
    filters = form.filters()
    page = Paginator(filter_alerts(published_alerts(), filters), ALERTS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page_obj": page, "query_string": query.urlencode(), "country_feed": filters.country}
    return TemplateResponse(request, "alerts/alert_list.html", context)


@require_safe
def detail(request: HttpRequest, alert_id: int) -> HttpResponse:
    alert = get_object_or_404(published_alerts(), pk=alert_id)
    return TemplateResponse(request, "alerts/alert_detail.html", {"alert": alert})


@never_cache
@public_form
@require_http_methods(["GET", "POST"])
@sensitive_post_parameters("email")
def subscribe(request: HttpRequest) -> HttpResponse:
    """Whatever happens to a valid request (new, known or limited address), the visitor sees the same next page."""
    form = SubscriptionForm(request.POST) if request.method == "POST" else SubscriptionForm()
    if form.is_bound and form.is_valid():
        if not (form.is_bot or form.looks_automated):
            services.subscribe(ip_address=client_ip(request), **form.subscription_fields())
        return redirect("alerts:subscribe-thank-you")
    return TemplateResponse(request, "alerts/subscribe.html", {"form": form})


@require_safe
def subscribe_thank_you(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(request, "alerts/subscribe_thank_you.html")


@never_cache
@public_form
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET only shows a button: a mail scanner opening the link must not confirm anything."""
    if request.method == "GET":
        return TemplateResponse(request, "alerts/confirm.html", {"token": token})
    try:
        subscription = services.confirm_subscription(token=token)
    except InvalidToken:
        return TemplateResponse(request, "alerts/invalid_link.html", status=404)
    return TemplateResponse(request, "alerts/confirmed.html", {"subscription": subscription})


@never_cache
@public_form
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; POST unsubscribes: from that button, or from a mail program's one-click (RFC 8058).

    The signed token is the credential: no cookie, no CSRF token, so a mail program's POST works.
    """
    if request.method == "GET":
        return TemplateResponse(request, "alerts/unsubscribe.html", {"token": token})
    try:
        services.unsubscribe(token=token)
    except InvalidToken:
        return TemplateResponse(request, "alerts/invalid_link.html", status=404)
    return TemplateResponse(request, "alerts/unsubscribed.html")


@never_cache
@permission_required("alerts.publish_alert", raise_exception=True)
@require_safe
def review_queue(request: HttpRequest) -> HttpResponse:
    """Submitted alerts, oldest first, each with its publish and reject buttons."""
    alerts = (
        Alert.objects.filter(status=AlertStatus.SUBMITTED)
        .select_related("service")
        .prefetch_related("findings")
        .order_by("created_at", "pk")
    )
    return TemplateResponse(request, "alerts/admin/review_queue.html", {"alerts": alerts, "decisions": ReviewDecision})


@never_cache
@permission_required("alerts.publish_alert", raise_exception=True)
@require_POST
def decide(request: HttpRequest, alert_id: int) -> HttpResponse:
    alert = get_object_or_404(Alert, pk=alert_id)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, f"{alert.sold_as}: {' '.join(errors)}")
        return redirect("alerts_review")
    try:
        if form.cleaned_data["decision"] == ReviewDecision.PUBLISH:
            services.publish_alert(alert=alert, user=request.user)
            messages.success(
                request, _("Published “%(alert)s”; its subscribers are being e-mailed.") % {"alert": alert}
            )
        else:
            services.reject_alert(alert=alert, user=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, _("Rejected “%(alert)s”.") % {"alert": alert})
    except ValidationError as error:
        messages.error(request, f"{alert.sold_as}: {' '.join(error.messages)}")
    except services.AlertNotAwaitingReview:
        messages.warning(request, _("“%(alert)s” is no longer awaiting review.") % {"alert": alert})
    return redirect("alerts_review")
