"""The library in the REST API: published resources, searched and filtered as on the library page."""

from django.utils.translation import get_language
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from stoptheharm.core.countries import is_country_code
from stoptheharm.core.text import has_forbidden_characters
from stoptheharm.library.models import ResourceKind, ResourcePage, file_language_choices
from stoptheharm.library.selectors import LibraryFilters, Sorting, library_resources, translations_of


class ResourceFileOutput(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.URLField()
    size = serializers.IntegerField(help_text="In bytes.")
    language = serializers.CharField(help_text="Language code, e.g. en, ru.")


class ResourceTranslationOutput(serializers.Serializer):
    language = serializers.CharField()
    url = serializers.URLField()


class ResourceOutput(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    kind = serializers.ChoiceField(choices=ResourceKind.choices)
    summary = serializers.CharField()
    language = serializers.CharField(help_text="The language of this version of the resource.")
    year = serializers.IntegerField()
    series = serializers.CharField(allow_null=True)
    edition = serializers.CharField(help_text="e.g. 2024, or empty.")
    topics = serializers.ListField(child=serializers.CharField())
    countries = serializers.ListField(child=serializers.CharField(), help_text="ISO 3166-1 alpha-2 codes.")
    publishers = serializers.ListField(
        child=serializers.CharField(), help_text="Names of the publishing organisations."
    )
    files = ResourceFileOutput(many=True)
    video_url = serializers.URLField(allow_null=True, help_text="A video file served by the platform.")
    external_video_url = serializers.URLField(allow_blank=True)
    translations = ResourceTranslationOutput(many=True, help_text="The same resource in other languages.")
    url = serializers.URLField()


class ResourcePageOutput(serializers.Serializer):
    count = serializers.IntegerField(help_text="Resources matching, on every page.")
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = ResourceOutput(many=True)


class ResourceFilterInput(serializers.Serializer):
    q = serializers.CharField(required=False, max_length=200, help_text="Words, any case or accents, any language.")
    kind = serializers.ChoiceField(choices=ResourceKind.choices, required=False)
    topic = serializers.SlugField(required=False, max_length=100, allow_unicode=True, help_text="A topic's slug.")
    language = serializers.ChoiceField(
        choices=[code for code, _name in file_language_choices()],
        required=False,
        help_text="Resources in this language, or with a file in it, e.g. ru.",
    )
    country = serializers.CharField(required=False, max_length=2, help_text="ISO 3166-1 alpha-2 code, e.g. PT.")
    year = serializers.IntegerField(required=False, min_value=1900, max_value=2100)
    sort = serializers.ChoiceField(
        choices=[sorting.value for sorting in Sorting],
        required=False,
        help_text="relevance (the default with q), newest (the default without), oldest or title.",
    )

    def validate_q(self, value: str) -> str:
        if has_forbidden_characters(value):
            raise serializers.ValidationError("Control and invisible formatting characters are not allowed.")
        return value.strip()

    def validate_country(self, value: str) -> str:
        value = value.upper()
        if not is_country_code(value):
            raise serializers.ValidationError(f'"{value}" is not an ISO 3166-1 alpha-2 country code.')
        return value


class ResourcePagination(PageNumberPagination):
    page_size = 50


def resource_representation(resource: ResourcePage, request: Request) -> dict:
    return {
        "id": resource.pk,
        "title": resource.title,
        "kind": resource.kind,
        "summary": resource.summary,
        "language": resource.locale.language_code,
        "year": resource.year,
        "series": resource.series.name if resource.series else None,
        "edition": resource.edition,
        "topics": sorted(resource.topics.names()),
        "countries": [country.code for country in resource.countries],
        "publishers": [publisher.organisation.name for publisher in resource.publishers.all()],
        "files": [
            {
                "title": file.title,
                "url": request.build_absolute_uri(file.document.url),
                "size": file.size,
                "language": file.language,
            }
            for file in resource.files.all()
        ],
        "video_url": request.build_absolute_uri(resource.video.url) if resource.video else None,
        "external_video_url": resource.external_video_url,
        "translations": [
            {"language": translation.locale.language_code, "url": request.build_absolute_uri(translation.url)}
            for translation in translations_of(resource)
        ],
        "url": request.build_absolute_uri(resource.url),
    }


class ResourceListApi(APIView):
    @extend_schema(
        parameters=[ResourceFilterInput, OpenApiParameter("page", int, description="Page number, from 1.")],
        responses=ResourcePageOutput,
        summary="The library's published resources, 50 per page",
        description=(
            "Each resource once, in the request's language (Accept-Language) when translated into it. Filters "
            "combine: every one given must match."
        ),
    )
    def get(self, request: Request) -> Response:
        filters = ResourceFilterInput(data=request.query_params)
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        resources = library_resources(
            LibraryFilters(
                query=data.get("q", ""),
                kind=data.get("kind", ""),
                topic=data.get("topic", ""),
                language=data.get("language", ""),
                country=data.get("country", ""),
                year=data.get("year"),
                sorting=Sorting(data["sort"]) if "sort" in data else None,
            ),
            language_code=get_language(),
        )
        paginator = ResourcePagination()
        page = paginator.paginate_queryset(resources, request, view=self)
        return paginator.get_paginated_response([resource_representation(resource, request) for resource in page or []])
