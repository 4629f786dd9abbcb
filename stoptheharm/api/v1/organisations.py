"""The directory in the REST API: public fields only, never the contact address."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from stoptheharm.core.countries import is_country_code
from stoptheharm.organisations.models import Organisation, OrganisationKind
from stoptheharm.organisations.selectors import DirectoryFilters, directory_organisations


class OrganisationOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(help_text="In the organisation's own language and script.")
    short_name = serializers.CharField(help_text="An acronym, or empty.")
    kind = serializers.ChoiceField(choices=OrganisationKind.choices)
    scope = serializers.CharField(help_text="national, regional or global.")
    region = serializers.CharField()
    countries = serializers.ListField(child=serializers.CharField(), help_text="ISO 3166-1 alpha-2 codes.")
    website = serializers.URLField(allow_blank=True)
    languages = serializers.ListField(child=serializers.CharField(), help_text="Language codes, e.g. en, ru.")
    description = serializers.CharField()
    is_member = serializers.BooleanField(help_text="Has joined the coalition.")
    is_verified = serializers.BooleanField(help_text="Staff have checked that it exists and agreed to be named.")
    url = serializers.URLField(help_text="Its public page in the directory.")


class OrganisationPageOutput(serializers.Serializer):
    count = serializers.IntegerField(help_text="Organisations matching, on every page.")
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = OrganisationOutput(many=True)


class OrganisationFilterInput(serializers.Serializer):
    country = serializers.CharField(required=False, max_length=2, help_text="ISO 3166-1 alpha-2 code, e.g. PT.")
    kind = serializers.ChoiceField(choices=OrganisationKind.choices, required=False)
    member = serializers.BooleanField(required=False, default=False, help_text="true: coalition members only.")
    q = serializers.CharField(required=False, max_length=100, help_text="Words of the name, any case or accents.")

    def validate_country(self, value: str) -> str:
        if not is_country_code(value):
            raise serializers.ValidationError(f'"{value}" is not an ISO 3166-1 alpha-2 country code.')
        return value


class OrganisationPagination(PageNumberPagination):
    page_size = 50


def organisation_representation(organisation: Organisation, request: Request) -> dict:
    return {
        "id": organisation.pk,
        "name": organisation.name,
        "short_name": organisation.short_name,
        "kind": organisation.kind,
        "scope": organisation.scope,
        "region": organisation.region,
        "countries": [country.code for country in organisation.countries],
        "website": organisation.website,
        "languages": organisation.language_codes,
        "description": organisation.description,
        "is_member": organisation.is_member,
        "is_verified": organisation.is_verified,
        "url": request.build_absolute_uri(organisation.get_absolute_url()),
    }


class OrganisationListApi(APIView):
    @extend_schema(
        parameters=[OrganisationFilterInput, OpenApiParameter("page", int, description="Page number, from 1.")],
        responses=OrganisationPageOutput,
        summary="Organisations in the directory, by name, 50 per page",
        description="Public fields only: an organisation's contact address is never published.",
    )
    def get(self, request: Request) -> Response:
        filters = OrganisationFilterInput(data=request.query_params)
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        organisations = directory_organisations(
            DirectoryFilters(
                query=data.get("q", ""),
                country=data.get("country", ""),
                kind=data.get("kind", ""),
                is_member=data["member"],
            )
        )
        paginator = OrganisationPagination()
        page = paginator.paginate_queryset(organisations, request, view=self)
        return paginator.get_paginated_response(
            [organisation_representation(organisation, request) for organisation in page or []]
        )
