"""Petitions in the REST API: one endpoint class per action, each with its own serializers."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.http import Http404
from django.utils.translation import get_language
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.parsers import BaseParser
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from stoptheharm.core.clients import client_ip
from stoptheharm.core.countries import is_country_code
from stoptheharm.core.text import has_forbidden_characters
from stoptheharm.petitions import challenge, services
from stoptheharm.petitions.models import PetitionPage
from stoptheharm.petitions.normalisation import MAX_NAME_LENGTH
from stoptheharm.petitions.selectors import co_sponsors, petition_for_signing, petition_summary, published_petitions


class TargetOutput(serializers.Serializer):
    name = serializers.CharField()
    role = serializers.CharField()
    organisation = serializers.CharField()


class CoSponsorOutput(serializers.Serializer):
    name = serializers.CharField()
    short_name = serializers.CharField(help_text="An acronym, or empty.")
    website = serializers.URLField(allow_blank=True)


class CountryCountOutput(serializers.Serializer):
    code = serializers.CharField()
    count = serializers.IntegerField()


class PetitionOutput(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    summary = serializers.CharField()
    targets = TargetOutput(many=True)
    co_sponsors = CoSponsorOutput(many=True, help_text="Co-sponsoring organisations, in the editors' order.")
    goal = serializers.IntegerField()
    signature_count = serializers.IntegerField(help_text="Confirmed signatures plus those gathered elsewhere.")
    state = serializers.CharField()
    closes_at = serializers.DateTimeField(allow_null=True)
    url = serializers.URLField()
    countries = CountryCountOutput(many=True)


def petition_representation(petition: PetitionPage, request: Request) -> dict:
    summary = petition_summary(petition.canonical)
    return {
        "slug": petition.slug,
        "title": petition.title,
        "summary": petition.summary,
        "targets": [
            {"name": target.name, "role": target.role, "organisation": target.organisation}
            for target in petition.targets.all()
        ],
        "co_sponsors": [
            {"name": co_sponsor.name, "short_name": co_sponsor.short_name, "website": co_sponsor.website}
            for co_sponsor in co_sponsors(petition)
        ],
        "goal": summary.goal,
        "signature_count": summary.total,
        "state": petition.state,
        "closes_at": petition.closes_at,
        "url": request.build_absolute_uri(petition.get_url(request)),
        "countries": [{"code": code, "count": count} for code, count in summary.by_country],
    }


def petition_for_slug(slug: str) -> PetitionPage:
    petition = published_petitions(language=get_language()).filter(slug=slug).first()
    if petition is None:
        raise Http404
    return petition


class PetitionListApi(APIView):
    @extend_schema(responses=PetitionOutput(many=True), summary="Published petitions, newest first")
    def get(self, request: Request) -> Response:
        petitions = published_petitions(language=get_language())
        return Response([petition_representation(petition, request) for petition in petitions])


class PetitionDetailApi(APIView):
    @extend_schema(responses=PetitionOutput, summary="One petition with its counts")
    def get(self, request: Request, slug: str) -> Response:
        return Response(petition_representation(petition_for_slug(slug), request))


EMAIL_MAX_LENGTH = 254


class SignatureInput(serializers.Serializer):
    name = serializers.CharField(max_length=MAX_NAME_LENGTH)
    email = serializers.EmailField(max_length=EMAIL_MAX_LENGTH)
    country = serializers.CharField(max_length=2, help_text="ISO 3166-1 alpha-2 code, e.g. PT.")
    consent = serializers.BooleanField(help_text="Must be true: the agreement to the processing.")
    public = serializers.BooleanField(default=False, help_text="Show first name and initial on the public list.")
    updates = serializers.BooleanField(default=False, help_text="Receive news of this campaign.")

    def validate_name(self, value: str) -> str:
        if has_forbidden_characters(value):
            raise serializers.ValidationError("Control and invisible formatting characters are not allowed.")
        return value.strip()

    def validate_country(self, value: str) -> str:
        if not is_country_code(value):
            raise serializers.ValidationError(f'"{value}" is not an ISO 3166-1 alpha-2 country code.')
        return value

    def validate_consent(self, value: bool) -> bool:
        if not value:
            raise serializers.ValidationError("A signature can only be counted with the signer's agreement.")
        return value


EMAIL_VALIDATOR = EmailValidator()  # what SignatureInput's EmailField checks


def well_formed_signature(data: Any) -> dict[str, Any] | None:
    """The usual request, checked by SignatureInput's rules without building the serializer, or None.

    Building and running the serializer took a sixth of the signing path's time. This accepts only
    plain input that SignatureInput would accept unchanged (strings already trimmed, printable
    characters, ASCII e-mail addresses, real booleans); anything else returns None and goes through
    the serializer, which is still the one place that words the errors.
    """
    if not isinstance(data, dict):
        return None
    name, email, country = data.get("name"), data.get("email"), data.get("country")
    consent, public, updates = data.get("consent"), data.get("public", False), data.get("updates", False)
    if not (type(name) is str and type(email) is str and type(country) is str):
        return None
    if consent is not True or type(public) is not bool or type(updates) is not bool:
        return None
    if not (0 < len(name) <= MAX_NAME_LENGTH and name == name.strip() and name.isprintable()):
        return None
    if not (len(email) <= EMAIL_MAX_LENGTH and email.isascii() and email.isprintable() and " " not in email):
        return None
    if not is_country_code(country):
        return None
    try:
        EMAIL_VALIDATOR(email)
    except ValidationError:
        return None
    return {"name": name, "email": email, "country": country, "consent": True, "public": public, "updates": updates}


PENDING = inline_serializer("SignaturePending", {"status": serializers.CharField(default="pending_confirmation")})


class JSONOnly(BaseContentNegotiation):
    """Parse and answer JSON whatever the client asks for: the API speaks nothing else.

    DRF's negotiation weighed the client's Accept header against the one renderer on every signature.
    """

    def select_parser(self, request: Request, parsers: list[BaseParser]) -> BaseParser:
        return parsers[0]

    def select_renderer(
        self, request: Request, renderers: list[BaseRenderer], format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        return renderers[0], renderers[0].media_type


class PetitionSignApi(APIView):
    content_negotiation_class = JSONOnly

    @extend_schema(
        request=SignatureInput,
        responses={
            202: OpenApiResponse(PENDING, description="The same for a new address and one that already signed."),
            400: OpenApiResponse(description="Per-field errors."),
            404: OpenApiResponse(description="No such petition."),
            409: OpenApiResponse(description="The petition is closed."),
            429: OpenApiResponse(description="Over the signing limits; see Retry-After."),
        },
        summary="Sign a petition (the signer confirms by e-mail)",
        description=(
            "While a petition is under attack (or when its editors ask for it), its signing form asks a short "
            "question that an API client cannot answer. Signatures sent through the API meanwhile are accepted "
            'and answered as usual (202 `{"status": "pending_confirmation"}`, and the confirmation e-mail is '
            "sent), but are held for staff review and count only once staff release them. Over the signing "
            "limits the answer is still 429."
        ),
    )
    def post(self, request: Request, slug: str) -> Response:
        petition = petition_for_signing(slug=slug, language=get_language())
        if petition is None:
            raise Http404
        data = well_formed_signature(request.data)
        if data is None:
            serializer = SignatureInput(data=request.data)
            serializer.is_valid(raise_exception=True)
            data = serializer.validated_data
        canonical = petition.canonical
        try:
            services.sign_petition(
                petition=canonical,
                name=data["name"],
                email=data["email"],
                country=data["country"],
                language=get_language(),
                is_public=data["public"],
                wants_updates=data["updates"],
                ip_address=client_ip(request),
                hold_over_limits=False,
                hold=challenge.is_on(petition=canonical),  # its clients cannot answer the question
            )
        except services.PetitionClosed:
            return Response({"detail": "This petition is closed."}, status=status.HTTP_409_CONFLICT)
        except services.OverLimit as over:
            response = Response({"detail": "Too many signatures; try later."}, status=status.HTTP_429_TOO_MANY_REQUESTS)
            response["Retry-After"] = str(over.retry_after)
            return response
        return Response({"status": "pending_confirmation"}, status=status.HTTP_202_ACCEPTED)
