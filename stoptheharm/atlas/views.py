import json
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from stoptheharm.atlas import opendata
from stoptheharm.atlas.country_sections import country_sections
from stoptheharm.atlas.maps import atlas_map_context
from stoptheharm.atlas.selectors import country_atlas
from stoptheharm.core.countries import is_country_code
from stoptheharm.core.regions import M49_REGIONS, regions_of
from stoptheharm.core.spreadsheets import write_csv


@require_safe
def atlas_map(request: HttpRequest) -> HttpResponse:
    """The world map with one layer for one year, its legend and the same data as a table."""
    title, body = _map_body(
        request,
        layer=request.GET.get("layer", ""),
        year=request.GET.get("year", ""),
        edition=request.GET.get("edition", ""),
        region=request.GET.get("region", ""),
    )
    context = {"map_title": title, "map_body": body, "downloads": _downloads(request), "page": _section_page(request)}
    return TemplateResponse(request, "atlas/map.html", context)


def _section_page(request: HttpRequest) -> Page | None:
    """The site's page at the map's address, if editors made one (the demo's "Atlas" section).

    The map is served in its place; given as `page`, it marks the section in the navigation and leads
    the language switcher to the map in each language.
    """
    site = Site.find_for_request(request)
    components = [part for part in reverse("atlas:map").split("/") if part][1:]  # without the language
    if site is None or not components:
        return None
    try:
        return site.root_page.localized.specific.route(request, components).page
    except Http404:
        return None


def _map_body(request: HttpRequest, *, layer: str, year: str, edition: str, region: str) -> tuple[str, str]:
    """The drawn map, its controls and table, kept ATLAS_MAP_CACHE_SECONDS in the process's memory.

    Drawing takes a tenth of a second on a busy machine; the atlas changes rarely, so an edit may take
    that long to show. Keys hold only what was asked for, cut short, so that a visitor cannot fill memory.
    """
    seconds = settings.ATLAS_MAP_CACHE_SECONDS
    region = region if region in M49_REGIONS else ""
    parts = (get_language(), layer[:50], year[:4], edition, region)
    key = "atlas-map:" + ":".join(part[:100] for part in parts)
    kept = caches["local"].get(key) if seconds else None
    if kept is None:
        context = atlas_map_context(layer=layer, year=year, edition=edition, region=region)
        kept = (context["layer"].title, render_to_string("atlas/includes/map_body.html", context, request))
        if seconds:
            caches["local"].set(key, kept, seconds)
    return kept[0], mark_safe(kept[1])  # noqa: S308 - rendered by the template engine, which escapes


@require_safe
def country(request: HttpRequest, country_code: str) -> HttpResponse:
    code = country_code.upper()
    if not is_country_code(code):
        raise Http404
    context = {
        "atlas": country_atlas(code),
        "country_code": code,
        "country_name": opendata.country_name(code),
        "regions": regions_of(code),
        "sections": country_sections(code, request),
    }
    return TemplateResponse(request, "atlas/country.html", context)


@require_safe
def download(request: HttpRequest, dataset: str, file_format: str) -> HttpResponse:
    """A dataset as CSV (UTF-8 with a byte-order mark, for spreadsheets), JSON or GeoJSON, with its licence."""
    if file_format not in opendata.FORMATS.get(dataset, ()):
        raise Http404
    rows = opendata.records(dataset)
    citation = opendata.how_to_cite(dataset, request.build_absolute_uri(reverse("atlas:map")))
    filename = f"stoptheharm-atlas-{dataset}-{timezone.now().date().isoformat()}.{file_format}"
    if file_format == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response.write("\ufeff")  # a byte-order mark, so that spreadsheets read the names as UTF-8
        header, cells = opendata.csv_rows(dataset, rows)
        write_csv(header, cells, response)
    else:
        content: dict[str, Any]
        if file_format == "geojson":
            content = opendata.feature_collection(dataset, rows, citation=citation)
        else:
            content = {"licence": opendata.LICENCE, "licence_url": opendata.LICENCE_URL, "how_to_cite": citation,
                       "data": rows}  # fmt: skip
        content_type = "application/geo+json" if file_format == "geojson" else "application/json"
        layout = {"separators": (",", ":")} if file_format == "geojson" else {"indent": 1}  # boundaries: compact
        response = HttpResponse(json.dumps(content, ensure_ascii=False, **layout), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = f'<{opendata.LICENCE_URL}>; rel="license"'
    return response


def _downloads(request: HttpRequest) -> list[dict[str, Any]]:
    page_url = request.get_host() + reverse("atlas:map")  # no scheme: the page links to no other site
    return [
        {
            "title": opendata.dataset_title(dataset),
            "citation": opendata.how_to_cite(dataset, page_url),
            "files": [
                (
                    file_format.upper() if file_format != "geojson" else "GeoJSON",
                    reverse("atlas:download", args=[dataset, file_format]),
                )
                for file_format in formats
            ],
        }
        for dataset, formats in opendata.FORMATS.items()
    ]
