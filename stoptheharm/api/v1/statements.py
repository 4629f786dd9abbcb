"""Statements in the REST API: the text's metadata and the public list of signatories, never a contact."""

from typing import Any

from django.http import Http404
from django.urls import reverse
from django.utils.translation import get_language
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

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
