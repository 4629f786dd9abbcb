"""Events in the REST API: their public fields and registering; never an attendee, never the online link."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.translation import get_language
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from stoptheharm.core.clients import client_ip
from stoptheharm.core.text import has_forbidden_characters
from stoptheharm.events import services
from stoptheharm.events.models import EventFormat, EventPage
from stoptheharm.events.selectors import filter_events, published_events, with_registered_count


class OrganiserOutput(serializers.Serializer):
    id = serializers.IntegerField(help_text="The directory organisation's id (GET /api/v1/organisations/).")
    name = serializers.CharField()
    role = serializers.ChoiceField(choices=["organiser", "co_organiser"])


class EventOutput(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    starts_at = serializers.DateTimeField(help_text="ISO 8601 with the UTC offset of the event's zone.")
    ends_at = serializers.DateTimeField()
    time_zone = serializers.CharField(help_text="IANA time zone, e.g. Europe/Lisbon.")
    format = serializers.ChoiceField(choices=EventFormat.values)
    venue = serializers.CharField()
    city = serializers.CharField()
    country = serializers.CharField(help_text="ISO 3166-1 alpha-2, or empty.")
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    languages = serializers.ListField(child=serializers.CharField())
    capacity = serializers.IntegerField(allow_null=True, help_text="Null: no limit.")
    registered_count = serializers.IntegerField(help_text="Confirmed places.")
    registration_closes_at = serializers.DateTimeField()
    is_open_for_registration = serializers.BooleanField()
    campaign_id = serializers.IntegerField(allow_null=True)
    organisers = OrganiserOutput(many=True)
    url = serializers.URLField()
    ics_url = serializers.URLField()


def event_representation(event: EventPage, request: Request) -> dict[str, Any]:
    zone = event.zone
    return {
        "id": event.pk,
        "title": event.title,
        "starts_at": event.starts_at.astimezone(zone).isoformat(),
        "ends_at": event.ends_at.astimezone(zone).isoformat(),
        "time_zone": event.time_zone,
        "format": event.format,
        "venue": event.venue,
        "city": event.city,
        "country": event.country.code or "",
        "latitude": float(event.latitude) if event.latitude is not None else None,
        "longitude": float(event.longitude) if event.longitude is not None else None,
        "languages": event.language_codes,
        "capacity": event.capacity,
        "registered_count": event.registered_count,
        "registration_closes_at": event.registration_deadline.astimezone(zone).isoformat(),
        "is_open_for_registration": event.is_open_for_registration,
        "campaign_id": event.campaign_id,
        "organisers": [
            {"id": item.organisation_id, "name": item.organisation.name, "role": item.role}
            for item in event.organisers.all()
        ],
        "url": request.build_absolute_uri(event.url or ""),
        "ics_url": request.build_absolute_uri(reverse("events:ics", kwargs={"event_id": event.pk})),
    }


def _events() -> Any:
    events = published_events(language=get_language()).prefetch_related("organisers__organisation")
    return with_registered_count(events)


class EventListApi(APIView):
    @extend_schema(
        responses=EventOutput(many=True),
        summary="Published events: upcoming (soonest first) or past (latest first)",
        parameters=[
            OpenApiParameter("when", str, enum=["upcoming", "past"], description="Default: upcoming."),
            OpenApiParameter("country", str, description="ISO 3166-1 alpha-2."),
            OpenApiParameter("campaign", int),
        ],
    )
    def get(self, request: Request) -> Response:
        filters = {
            "when": request.query_params.get("when", ""),
            "country": request.query_params.get("country", "").upper(),
            "campaign": int(campaign) if (campaign := request.query_params.get("campaign", "")).isdigit() else None,
        }
        events = filter_events(_events(), filters)
        return Response([event_representation(event, request) for event in events])


class EventDetailApi(APIView):
    @extend_schema(responses=EventOutput, summary="One published event (public fields only)")
    def get(self, request: Request, event_id: int) -> Response:
        event = _events().filter(pk=event_id).first()
        if event is None:
            raise Http404
        return Response(event_representation(event, request))


def _visible_text(value: str) -> str:
    if has_forbidden_characters(value):
        raise serializers.ValidationError("Control and invisible formatting characters are not allowed.")
    return value.strip()


class RegistrationInput(serializers.Serializer):
    name = serializers.CharField(max_length=100, help_text="Private: never published.")
    email = serializers.EmailField(max_length=254, help_text="Private: receives the confirmation link.")
    organisation_name = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    consent = serializers.BooleanField(help_text="Must be true: the agreement to the processing of the person's data.")

    validate_name = staticmethod(_visible_text)
    validate_organisation_name = staticmethod(_visible_text)

    def validate_consent(self, value: bool) -> bool:
        if not value:
            raise serializers.ValidationError("The registration can only be recorded with the person's agreement.")
        return value


REGISTRATION_PENDING = inline_serializer(
    "RegistrationPending", {"status": serializers.CharField(default="pending_confirmation")}
)


class EventRegisterApi(APIView):
    @extend_schema(
        request=RegistrationInput,
        responses={
            202: OpenApiResponse(
                REGISTRATION_PENDING, description="The same for a new address and for one already registered."
            ),
            400: OpenApiResponse(description="Per-field errors."),
            404: OpenApiResponse(description="No such event."),
            409: OpenApiResponse(description="Registration is closed or the event is past."),
            429: OpenApiResponse(description="Over the registration limits; see Retry-After."),
        },
        summary="Register for an event (the person confirms by e-mail)",
        description=(
            "The person receives a link to confirm; when the event is full, confirming puts them on the waiting "
            "list. The online link is only ever sent to confirmed attendees."
        ),
    )
    def post(self, request: Request, event_id: int) -> Response:
        event = published_events(language=get_language()).filter(pk=event_id).first()
        if event is None:
            raise Http404
        serializer = RegistrationInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            services.register_for_event(
                event=event,
                name=data["name"],
                email=data["email"],
                organisation_name=data["organisation_name"],
                language=get_language(),
                ip_address=client_ip(request),
            )
        except services.RegistrationClosed:
            return Response({"detail": "This event no longer takes registrations."}, status=status.HTTP_409_CONFLICT)
        except services.OverLimit as over:
            response = Response({"detail": "Too many registrations; try later."}, status=429)
            response["Retry-After"] = str(over.retry_after)
            return response
        except ValidationError as error:
            return Response(_field_errors(error), status=status.HTTP_400_BAD_REQUEST)
        return Response({"status": "pending_confirmation"}, status=status.HTTP_202_ACCEPTED)


def _field_errors(error: ValidationError) -> dict[str, list[str]]:
    if not hasattr(error, "error_dict"):
        return {"non_field_errors": [str(message) for message in error.messages]}
    return {("non_field_errors" if name == "__all__" else name): [str(message) for message in
            ValidationError(errors).messages] for name, errors in error.error_dict.items()}  # fmt: skip
