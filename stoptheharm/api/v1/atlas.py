"""The atlas in the REST API: countries, decriminalisation models and indicator values, each with its sources.

The same records as the atlas's downloads (atlas/opendata.py), under the same licence (CC BY 4.0).
"""

from django.http import Http404
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from stoptheharm.atlas import opendata
from stoptheharm.atlas.selectors import countries_with_data, country_atlas, models_for_api, values_for_api
from stoptheharm.core.countries import is_country_code
from stoptheharm.core.regions import M49_REGIONS, intermediate_region_of, region_of, sub_region_of

LICENCE_HELP = "CC-BY-4.0: cite the atlas (see how_to_cite); every entry names its own sources."
REGION_HELP = "UN M49 region: africa, americas, asia, europe, oceania."
SUB_REGION_HELP = "UN M49 sub-region, e.g. western-europe, sub-saharan-africa; empty for Antarctica."
INTERMEDIATE_REGION_HELP = "UN M49 intermediate region, e.g. south-america, western-africa; often empty."
REGION_FILTER_HELP = (
    "A UN M49 region, sub-region or intermediate region: "
    + ", ".join(f"{key} ({region.code})" for key, region in M49_REGIONS.items())
    + "."
)


class SourcedOutput(serializers.Serializer):
    jurisdiction = serializers.CharField(help_text="PT for a country, AU-ACT (ISO 3166-2) for a sub-national unit.")
    jurisdiction_name = serializers.CharField(help_text="A sub-national unit's name; empty for a country.")
    country_iso2 = serializers.CharField()
    country_name = serializers.CharField(help_text="In the language of the request (Accept-Language).")
    region = serializers.CharField(help_text=REGION_HELP)
    sub_region = serializers.CharField(help_text=SUB_REGION_HELP)
    intermediate_region = serializers.CharField(help_text=INTERMEDIATE_REGION_HELP)
    confidence = serializers.ChoiceField(choices=["high", "medium", "low"])
    sources = serializers.ListField(child=serializers.URLField(), help_text="Addresses of the entry's sources.")
    notes = serializers.CharField()


class ModelOutput(SourcedOutput):
    id = serializers.CharField(help_text="Stable identifier, e.g. D001.")
    year_adopted = serializers.IntegerField(allow_null=True, help_text="Null when the sources do not state it.")
    year_ended = serializers.IntegerField(allow_null=True, help_text="When it was reversed or ended.")
    legal_basis = serializers.ChoiceField(choices=["de_jure", "de_facto"])
    mechanism = serializers.CharField()
    substances = serializers.CharField()
    thresholds = serializers.CharField()
    threshold_status = serializers.CharField()
    replaced_by = serializers.ListField(
        child=serializers.ChoiceField(
            choices=["none", "administrative_sanction", "fine", "dissuasion_commission", "referral"]
        )
    )
    replacement_details = serializers.CharField()
    legal_instrument = serializers.CharField()
    implementation_notes = serializers.CharField()
    reported_impact = serializers.CharField()


class ValueOutput(SourcedOutput):
    indicator = serializers.CharField(help_text="The indicator's slug, e.g. nsp.")
    indicator_name = serializers.CharField()
    kind = serializers.CharField(help_text="boolean (yes or no), count or number.")
    unit = serializers.CharField()
    edition = serializers.CharField(help_text="The report and edition, e.g. GSHR 2020. Editions are never merged.")
    edition_year = serializers.IntegerField()
    value = serializers.JSONField(help_text="true/false for a yes-or-no indicator, else a number.")


class CountryOutput(serializers.Serializer):
    iso2 = serializers.CharField()
    name = serializers.CharField()
    region = serializers.CharField(help_text=REGION_HELP)
    sub_region = serializers.CharField(help_text=SUB_REGION_HELP)
    intermediate_region = serializers.CharField(help_text=INTERMEDIATE_REGION_HELP)
    url = serializers.URLField(help_text="The country's atlas page.")
    api_url = serializers.URLField()


class CountryDetailOutput(CountryOutput):
    models = ModelOutput(many=True)
    indicator_values = ValueOutput(many=True)


class ListOutput(serializers.Serializer):
    licence = serializers.CharField(help_text=LICENCE_HELP)
    how_to_cite = serializers.CharField()
    count = serializers.IntegerField()


class CountryListOutput(ListOutput):
    results = CountryOutput(many=True)


class ModelListOutput(ListOutput):
    results = ModelOutput(many=True)


class ValueListOutput(ListOutput):
    results = ValueOutput(many=True)


class AtlasFilterInput(serializers.Serializer):
    year = serializers.IntegerField(
        required=False,
        min_value=1900,
        max_value=2100,
        help_text="Models: in force that year. Values: that edition year.",
    )
    region = serializers.ChoiceField(choices=list(M49_REGIONS), required=False, help_text=REGION_FILTER_HELP)
    country = serializers.CharField(required=False, max_length=2, help_text="ISO 3166-1 alpha-2 code, e.g. PT.")

    def validate_country(self, value: str) -> str:
        if not is_country_code(value.upper()):
            raise serializers.ValidationError(f'"{value}" is not an ISO 3166-1 alpha-2 country code.')
        return value.upper()


class ValueFilterInput(AtlasFilterInput):
    indicator = serializers.SlugField(required=False, help_text="An indicator's slug, e.g. nsp, oat, dcr.")
    edition = serializers.CharField(required=False, max_length=100, help_text="e.g. GSHR 2020.")


def _listed(request: Request, dataset: str, results: list) -> Response:
    citation = opendata.how_to_cite(dataset, request.build_absolute_uri(reverse("atlas:map")))
    return Response({"licence": opendata.LICENCE, "how_to_cite": citation, "count": len(results), "results": results})


def _country(request: Request, code: str) -> dict:
    return {
        "iso2": code,
        "name": opendata.country_name(code),
        "region": region_of(code) or "",
        "sub_region": sub_region_of(code) or "",
        "intermediate_region": intermediate_region_of(code) or "",
        "url": request.build_absolute_uri(reverse("atlas:country", args=[code])),
        "api_url": request.build_absolute_uri(reverse("api:atlas-country", args=[code])),
    }


class CountryListApi(APIView):
    @extend_schema(
        operation_id="atlas_countries_list",
        parameters=[AtlasFilterInput],
        responses=CountryListOutput,
        summary="Countries the atlas holds data about",
    )
    def get(self, request: Request) -> Response:
        filters = AtlasFilterInput(data=request.query_params)
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        codes = [country.code for country in countries_with_data(region=data.get("region", ""))]
        if "year" in data:
            in_force = {model.jurisdiction.country_code for model in models_for_api(year=data["year"])}
            codes = [code for code in codes if code in in_force]
        if "country" in data:
            codes = [code for code in codes if code == data["country"]]
        return _listed(request, "models", [_country(request, code) for code in codes])


class CountryDetailApi(APIView):
    @extend_schema(
        operation_id="atlas_country_retrieve",
        responses=CountryDetailOutput,
        summary="One country: its models and indicator values, with sources",
    )
    def get(self, request: Request, iso2: str) -> Response:
        code = iso2.upper()
        atlas = country_atlas(code) if is_country_code(code) else None
        if atlas is None:
            raise Http404
        return Response(
            {
                **_country(request, code),
                "licence": opendata.LICENCE,
                "models": [opendata.model_record(model) for model in atlas.models],
                "indicator_values": [
                    opendata.value_record(value) for history in atlas.indicators for value in history.values
                ],
            }
        )


class ModelListApi(APIView):
    @extend_schema(
        operation_id="atlas_models_list",
        parameters=[AtlasFilterInput],
        responses=ModelListOutput,
        summary="Decriminalisation models, national and sub-national",
        description="With `year`, only the models in force at some time that year.",
    )
    def get(self, request: Request) -> Response:
        filters = AtlasFilterInput(data=request.query_params)
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        models = models_for_api(year=data.get("year"), region=data.get("region", ""), country=data.get("country", ""))
        return _listed(request, "models", [opendata.model_record(model) for model in models])


class IndicatorListApi(APIView):
    @extend_schema(
        operation_id="atlas_indicators_list",
        parameters=[ValueFilterInput],
        responses=ValueListOutput,
        summary="Indicator values by country and edition",
        description="One value per indicator, jurisdiction and edition; `year` filters on the edition's year.",
    )
    def get(self, request: Request) -> Response:
        filters = ValueFilterInput(data=request.query_params)
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        values = values_for_api(
            indicator=data.get("indicator", ""),
            edition=data.get("edition", ""),
            year=data.get("year"),
            region=data.get("region", ""),
            country=data.get("country", ""),
        )
        return _listed(request, "indicators", [opendata.value_record(value) for value in values])
