"""Early warnings in the REST API: published alerts only, their public fields."""

from datetime import date
from typing import Any

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from stoptheharm.alerts.models import Alert, Severity
from stoptheharm.alerts.selectors import AlertFilters, filter_alerts, published_alerts
from stoptheharm.core.countries import is_country_code
from stoptheharm.core.regions import REGION_NAMES

MAX_LISTED = 200


class FindingOutput(serializers.Serializer):
    substance = serializers.CharField()
    amount = serializers.CharField(help_text="Free text, e.g. '180 mg per pill'; may be empty.")


class ServiceOutput(serializers.Serializer):
    id = serializers.IntegerField(help_text="The directory organisation's id (GET /api/v1/organisations/).")
    name = serializers.CharField()


class AlertOutput(serializers.Serializer):
    id = serializers.IntegerField()
    sold_as = serializers.CharField(
        help_text="What the buyer was told it was, e.g. \"ecstasy pill, blue, 'Tesla' logo\"."
    )
    findings = FindingOutput(many=True)
    country = serializers.CharField(help_text="ISO 3166-1 alpha-2.")
    place = serializers.CharField(help_text="City or region; may be empty.")
    sampled_on = serializers.DateField()
    severity = serializers.ChoiceField(choices=Severity.values)
    advice = serializers.CharField()
    language = serializers.CharField(help_text="The language the alert is written in.")
    service = ServiceOutput()
    photo_url = serializers.URLField(allow_null=True)
    photo_description = serializers.CharField()
    published_at = serializers.DateTimeField()
    url = serializers.URLField()


def alert_representation(alert: Alert, request: Request) -> dict[str, Any]:
    return {
        "id": alert.pk,
        "sold_as": alert.sold_as,
        "findings": [{"substance": finding.substance, "amount": finding.amount} for finding in alert.findings.all()],
        "country": alert.country.code,
        "place": alert.place,
        "sampled_on": alert.sampled_on.isoformat(),
        "severity": alert.severity,
        "advice": alert.advice,
        "language": alert.language,
        "service": {"id": alert.service_id, "name": alert.service.name},
        "photo_url": request.build_absolute_uri(alert.photo.url) if alert.photo else None,
        "photo_description": alert.photo_description,
        "published_at": alert.published_at.isoformat() if alert.published_at else None,
        "url": request.build_absolute_uri(alert.get_absolute_url()),
    }


def _filters(request: Request) -> AlertFilters:
    """The filters given; a value that is not one of the accepted ones filters nothing."""
    params = request.query_params
    country = params.get("country", "").upper()
    region = params.get("region", "")
    severity = params.get("severity", "")
    try:
        since = date.fromisoformat(params.get("since", ""))
    except ValueError:
        since = None
    return AlertFilters(
        country=country if is_country_code(country) else "",
        region=region if region in REGION_NAMES else "",
        severity=severity if severity in Severity.values else "",
        since=since,
    )


class AlertListApi(APIView):
    @extend_schema(
        responses=AlertOutput(many=True),
        summary="Published early warnings from drug-checking services, the latest published first",
        parameters=[
            OpenApiParameter("country", str, description="ISO 3166-1 alpha-2."),
            OpenApiParameter("region", str, enum=list(REGION_NAMES), description="UN M49 continental region."),
            OpenApiParameter("severity", str, enum=Severity.values),
            OpenApiParameter("since", date, description="Samples tested on or after this date (YYYY-MM-DD)."),
        ],
        description=f"At most {MAX_LISTED} alerts.",
    )
    def get(self, request: Request) -> Response:
        alerts = filter_alerts(published_alerts(), _filters(request))[:MAX_LISTED]
        return Response([alert_representation(alert, request) for alert in alerts])


class AlertDetailApi(APIView):
    @extend_schema(responses=AlertOutput, summary="One published early warning")
    def get(self, request: Request, alert_id: int) -> Response:
        alert = published_alerts().filter(pk=alert_id).first()
        if alert is None:
            raise Http404
        return Response(alert_representation(alert, request))
