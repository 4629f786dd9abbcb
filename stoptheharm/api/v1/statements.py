"""Statements in the REST API: the text's metadata and the public list of signatories, never a contact."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.translation import get_language
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from stoptheharm.core.clients import client_ip
from stoptheharm.core.countries import is_country_code
from stoptheharm.core.text import has_forbidden_characters
from stoptheharm.organisations.models import Organisation, OrganisationKind
from stoptheharm.statements import services
from stoptheharm.statements.models import StatementPage
from stoptheharm.statements.selectors import (
    country_tallies,
    individual_signatories,
    published_statements,
    region_tallies,
    signatory_counts,
    statement_signatories,
)


class StatementOutput(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    introduction = serializers.CharField()
    event_name = serializers.CharField(help_text="The occasion, or empty.")
    event_date = serializers.DateField(allow_null=True)
    opens_at = serializers.DateTimeField(allow_null=True)
    closes_at = serializers.DateTimeField(allow_null=True)
    is_open_for_signing = serializers.BooleanField()
    signers = serializers.ChoiceField(
        choices=["organisations", "organisations_and_individuals"],
        help_text="Who may sign: organisations only, or organisations and individuals (listed apart).",
    )
    signatory_count = serializers.IntegerField(help_text="Approved organisations.")
    url = serializers.URLField()
    pdf_url = serializers.URLField(help_text="The statement with its references and signatories, ready to print.")


class SignatoryOutput(serializers.Serializer):
    number = serializers.IntegerField(help_text="Its number on the list, which is in Unicode collation order.")
    name = serializers.CharField()
    short_name = serializers.CharField(help_text="An acronym, or empty.")
    website = serializers.URLField(allow_blank=True)
    kind = serializers.CharField()
    countries = serializers.ListField(child=serializers.CharField(), help_text="ISO 3166-1 alpha-2 codes.")


class IndividualSignatoryOutput(serializers.Serializer):
    number = serializers.IntegerField()
    name = serializers.CharField()
    country = serializers.CharField(help_text="ISO 3166-1 alpha-2 code.")
    affiliation = serializers.CharField()


class TallyOutput(serializers.Serializer):
    key = serializers.CharField(help_text="A country code, or a region: africa, americas, asia, europe, oceania, "
                                "worldwide.")  # fmt: skip
    count = serializers.IntegerField()


class StatementDetailOutput(StatementOutput):
    signatories = SignatoryOutput(many=True)
    individuals = IndividualSignatoryOutput(many=True, help_text="Empty unless the statement accepts individuals.")
    countries = TallyOutput(many=True)
    regions = TallyOutput(many=True)


def statement_representation(statement: StatementPage, request: Request, signatory_count: int) -> dict[str, Any]:
    return {
        "slug": statement.slug,
        "title": statement.title,
        "introduction": statement.introduction,
        "event_name": statement.event_name,
        "event_date": statement.event_date,
        "opens_at": statement.opens_at,
        "closes_at": statement.closes_at,
        "is_open_for_signing": statement.is_open_for_signing,
        "signers": statement.signers,
        "signatory_count": signatory_count,
        "url": request.build_absolute_uri(statement.get_url(request)),
        "pdf_url": request.build_absolute_uri(reverse("statements:pdf", kwargs={"statement_id": statement.pk})),
    }


class StatementListApi(APIView):
    @extend_schema(responses=StatementOutput(many=True), summary="Published statements, newest first")
    def get(self, request: Request) -> Response:
        statements = list(published_statements(language=get_language()))
        counts = signatory_counts(statements)
        return Response([statement_representation(item, request, counts[item.pk]) for item in statements])


class StatementDetailApi(APIView):
    @extend_schema(
        responses=StatementDetailOutput, summary="One statement with its approved signatories (public fields only)"
    )
    def get(self, request: Request, slug: str) -> Response:
        statement = published_statements(language=get_language()).filter(slug=slug).first()
        if statement is None:
            raise Http404
        signatories = statement_signatories(statement)
        return Response(
            {
                **statement_representation(statement, request, len(signatories)),
                "signatories": SignatoryOutput(signatories, many=True).data,
                "individuals": IndividualSignatoryOutput(individual_signatories(statement), many=True).data,
                "countries": TallyOutput(country_tallies(signatories), many=True).data,
                "regions": TallyOutput(region_tallies(signatories), many=True).data,
            }
        )


INVISIBLE = "Control and invisible formatting characters are not allowed."


def _visible_text(value: str) -> str:
    if has_forbidden_characters(value):
        raise serializers.ValidationError(INVISIBLE)
    return value.strip()


class EndorsementInput(serializers.Serializer):
    organisation = serializers.IntegerField(
        required=False, min_value=1, help_text="A directory organisation's id (GET /api/v1/organisations/)."
    )
    name = serializers.CharField(
        required=False, max_length=255, help_text="A new organisation's full name, when `organisation` is not given."
    )
    country = serializers.CharField(required=False, allow_blank=True, max_length=2, help_text="ISO 3166-1 alpha-2.")
    website = serializers.URLField(required=False, allow_blank=True, max_length=200)
    kind = serializers.ChoiceField(choices=OrganisationKind.choices, required=False)
    contact_name = serializers.CharField(max_length=100, help_text="Private: never published.")
    contact_email = serializers.EmailField(max_length=254, help_text="Private: receives the confirmation link.")
    confirms_authority = serializers.BooleanField(help_text="Must be true: the contact may sign for the organisation.")
    consent = serializers.BooleanField(help_text="Must be true: the agreement to the processing of the contact's data.")

    validate_name = staticmethod(_visible_text)
    validate_contact_name = staticmethod(_visible_text)

    def validate_country(self, value: str) -> str:
        if value and not is_country_code(value):
            raise serializers.ValidationError(f'"{value}" is not an ISO 3166-1 alpha-2 country code.')
        return value

    def validate_organisation(self, value: int) -> Organisation:
        organisation = Organisation.objects.filter(pk=value).first()
        if organisation is None:
            raise serializers.ValidationError("No organisation in the directory has this id.")
        return organisation

    def validate_confirms_authority(self, value: bool) -> bool:
        if not value:
            raise serializers.ValidationError("Only someone who may sign for the organisation can endorse for it.")
        return value

    def validate_consent(self, value: bool) -> bool:
        if not value:
            raise serializers.ValidationError("The endorsement can only be recorded with the contact's agreement.")
        return value

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        if data.get("organisation"):
            return data
        missing = {field: "Give a directory organisation's id, or a new one's name and kind." for field in
                   ("name", "kind") if not data.get(field)}  # fmt: skip
        if missing:
            raise serializers.ValidationError(missing)
        return data

    def proposed(self) -> dict[str, str] | None:
        data = self.validated_data
        if data.get("organisation"):
            return None
        return {"name": data["name"], "kind": data["kind"], "country": data.get("country", ""),
                "website": data.get("website", "")}  # fmt: skip


ENDORSEMENT_PENDING = inline_serializer(
    "EndorsementPending", {"status": serializers.CharField(default="pending_confirmation")}
)


class StatementEndorseApi(APIView):
    @extend_schema(
        request=EndorsementInput,
        responses={
            202: OpenApiResponse(
                ENDORSEMENT_PENDING,
                description="The same for a new endorsement and for an organisation already listed or pending.",
            ),
            400: OpenApiResponse(description="Per-field errors."),
            404: OpenApiResponse(description="No such statement."),
            409: OpenApiResponse(description="The statement is not open for endorsement."),
            429: OpenApiResponse(description="Over the endorsing limits; see Retry-After."),
        },
        summary="Endorse a statement for an organisation (the contact confirms by e-mail)",
        description=(
            "Name an organisation of the directory by its id, or describe a new one (name, kind, and optionally "
            "country and website). The contact receives a confirmation link; once confirmed, the endorsement "
            "waits for the coalition's moderators, who compare new organisations with the directory."
        ),
    )
    def post(self, request: Request, slug: str) -> Response:
        statement = published_statements(language=get_language()).filter(slug=slug).first()
        if statement is None:
            raise Http404
        serializer = EndorsementInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            services.submit_endorsement(
                statement=statement,
                contact_name=data["contact_name"],
                contact_email=data["contact_email"],
                confirms_authority=True,
                organisation=data.get("organisation"),
                proposed=serializer.proposed(),
                language=get_language(),
                ip_address=client_ip(request),
            )
        except services.StatementClosed:
            return Response({"detail": "This statement is not open for endorsement."}, status=status.HTTP_409_CONFLICT)
        except services.OverLimit as over:
            response = Response({"detail": "Too many endorsements; try later."}, status=429)
            response["Retry-After"] = str(over.retry_after)
            return response
        except services.AlreadyEndorsed:
            pass  # answered as a new one: the API does not say who has endorsed or is waiting
        except ValidationError as error:
            return Response(_field_errors(error), status=status.HTTP_400_BAD_REQUEST)
        return Response({"status": "pending_confirmation"}, status=status.HTTP_202_ACCEPTED)


API_FIELDS = {"proposed_name": "name", "proposed_country": "country", "proposed_website": "website",
              "proposed_kind": "kind", "__all__": "non_field_errors"}  # fmt: skip


def _field_errors(error: ValidationError) -> dict[str, list[str]]:
    """The model's refusals keyed by the API's field names."""
    if not hasattr(error, "error_dict"):
        return {"non_field_errors": [str(message) for message in error.messages]}
    return {API_FIELDS.get(name, name): [str(message) for message in ValidationError(errors).messages]
            for name, errors in error.error_dict.items()}  # fmt: skip
