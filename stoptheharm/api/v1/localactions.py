"""Local actions of days of action in the REST API: approved ones only, never the organiser's contact."""

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from stoptheharm.core.countries import is_country_code
from stoptheharm.localactions.models import ActionKind, LocalAction
from stoptheharm.localactions.selectors import approved_actions


class DayOutput(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    date = serializers.DateField()
    year = serializers.IntegerField()
    campaign = serializers.IntegerField(allow_null=True, help_text="The campaign page's id, or null.")
    url = serializers.URLField()


class LocalActionOutput(serializers.Serializer):
    id = serializers.IntegerField()
    day = DayOutput()
    title = serializers.CharField()
    description = serializers.CharField()
    kind = serializers.ChoiceField(choices=ActionKind.choices)
    organisation_name = serializers.CharField(help_text="As the organiser gave it.")
    organisation = serializers.IntegerField(allow_null=True, help_text="Its id in the directory, when staff linked it.")
    venue = serializers.CharField(help_text="Empty when the organiser gave the city alone.")
    city = serializers.CharField()
    country = serializers.CharField(help_text="ISO 3166-1 alpha-2 code.")
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    starts_at = serializers.TimeField(help_text="Local time where the action takes place, on the day's date.")
    ends_at = serializers.TimeField(allow_null=True, help_text="Local time, or null.")
    expected_participants = serializers.IntegerField(allow_null=True)
    languages = serializers.ListField(child=serializers.CharField(), help_text="Language codes, e.g. pt, en.")
    public_contact = serializers.CharField(help_text="Only when the organiser chose to publish one; else empty.")


class LocalActionPageOutput(serializers.Serializer):
    count = serializers.IntegerField(help_text="Actions matching, on every page.")
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = LocalActionOutput(many=True)


class LocalActionFilterInput(serializers.Serializer):
    day = serializers.IntegerField(required=False, min_value=1, help_text="A day of action's page id.")
    campaign = serializers.IntegerField(required=False, min_value=1, help_text="A campaign page's id.")
    year = serializers.IntegerField(required=False, min_value=1900, max_value=2999, help_text="E.g. 2026.")
    country = serializers.CharField(required=False, max_length=2, help_text="ISO 3166-1 alpha-2 code, e.g. PT.")

    def validate_country(self, value: str) -> str:
        if not is_country_code(value.upper()):
            raise serializers.ValidationError(f'"{value}" is not an ISO 3166-1 alpha-2 country code.')
        return value.upper()


class LocalActionPagination(PageNumberPagination):
    page_size = 100


def local_action_representation(action: LocalAction, request: Request) -> dict[str, Any]:
    day = action.day
    return {
        "id": action.pk,
        "day": {
            "id": day.pk,
            "title": day.title,
            "date": day.day,
            "year": day.year,
            "campaign": day.campaign_id,
            "url": request.build_absolute_uri(day.url or "/"),
        },
        "title": action.title,
        "description": action.description,
        "kind": action.kind,
        "organisation_name": action.organisation.name if action.organisation else action.organisation_name,
        "organisation": action.organisation_id,
        "venue": action.venue,
        "city": action.city,
        "country": action.country.code,
        "latitude": None if action.latitude is None else float(action.latitude),
        "longitude": None if action.longitude is None else float(action.longitude),
        "starts_at": action.starts_at,
        "ends_at": action.ends_at,
        "expected_participants": action.expected_participants,
        "languages": [code.strip() for code in action.languages.split(",") if code.strip()],
        "public_contact": action.public_contact,
    }


class LocalActionListApi(APIView):
    @extend_schema(
        parameters=[LocalActionFilterInput, OpenApiParameter("page", int, description="Page number, from 1.")],
        responses=LocalActionPageOutput,
        summary="Approved local actions of days of action, by day, country, city and time, 100 per page",
        description="Only approved actions of published days of action. The organiser's name and e-mail address "
        "are never published; the public contact appears only when the organiser chose to give one.",
    )
    def get(self, request: Request) -> Response:
        filters = LocalActionFilterInput(data=request.query_params)
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        actions = approved_actions(
            day_id=data.get("day"),
            campaign_id=data.get("campaign"),
            year=data.get("year"),
            country=data.get("country", ""),
        )
        paginator = LocalActionPagination()
        page = paginator.paginate_queryset(actions, request, view=self)
        return paginator.get_paginated_response([local_action_representation(action, request) for action in page or []])
