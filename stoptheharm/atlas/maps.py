"""The atlas map page's content: the chosen layer and year drawn on the platform's world map, and its table."""

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from stoptheharm.atlas.map_layers import count_layer_options, count_map_layer
from stoptheharm.atlas.models import Indicator, Jurisdiction
from stoptheharm.atlas.points import representative_point
from stoptheharm.atlas.selectors import (
    MODELS_LAYER,
    LayerEntry,
    MapLayer,
    countries_with_data,
    indicator_layer,
    layer_options,
    models_layer,
)
from stoptheharm.core.regions import M49_REGIONS, is_in_region, region_choices
from stoptheharm.core.worldmap import SMALL_COUNTRY_EXTENT, MapMarker, country_shapes, world_map_svg

FIRST_MAP_YEAR = 2000


def map_years() -> list[int]:
    return list(range(FIRST_MAP_YEAR, timezone.now().year + 1))


def chosen_year(text: str) -> int:
    """The year asked for, or the current year when it is missing or outside the map's years."""
    years = map_years()
    return int(text) if text.isdigit() and int(text) in years else years[-1]


def chosen_layer(key: str, *, year: int, edition: str) -> MapLayer:
    counted = count_map_layer(key, year=year) if key else None  # a layer a feature above the atlas registered
    if counted is not None:
        return counted
    indicator = Indicator.objects.filter(slug=key).first() if key and key != MODELS_LAYER else None
    if indicator is None:
        return models_layer(year=year)
    return indicator_layer(indicator=indicator, year=year, edition=edition)


def country_url(code: str) -> str:
    return reverse("atlas:country", args=[code[:2]])


def atlas_map_context(*, layer: str, year: str, edition: str, region: str = "") -> dict[str, Any]:
    """Everything the map page shows; every country the atlas holds something about links to its page.

    The map is always the world's; a region (an M49 key) narrows the table and the list of small places.
    """
    chosen = chosen_layer(layer, year=chosen_year(year), edition=edition)
    shaped = {shape.code for shape in country_shapes()}
    countries = countries_with_data()
    country_entries = [entry for entry in chosen.entries if entry.jurisdiction.is_country]
    unit_entries = [entry for entry in chosen.entries if not entry.jurisdiction.is_country]
    marked = [entry for entry in country_entries if entry.jurisdiction.code not in shaped] + unit_entries
    marked_codes = {entry.jurisdiction.code for entry in marked}
    marked += [
        LayerEntry(country, "atlas-no-data", "") for country in countries if country.code not in shaped | marked_codes
    ]  # reachable even without a value on this layer
    svg = world_map_svg(
        title=chosen.title,
        markers=[marker for marker in (_marker(entry) for entry in marked) if marker],
        country_classes={entry.jurisdiction.code: entry.css_class for entry in country_entries},
        country_links={country.code: country_url(country.code) for country in countries},
        country_labels={entry.jurisdiction.code: entry.label for entry in country_entries},
        small_country_dots=True,
    )
    options = layer_options() + count_layer_options()
    region = region if region in M49_REGIONS else ""
    return {
        "layer": chosen,
        "map_svg": svg,
        "layer_options": options,
        "editions": next((option.editions for option in options if option.key == chosen.key), ()),
        "years": map_years(),
        "previous_year": chosen.year - 1 if chosen.year > FIRST_MAP_YEAR else None,
        "next_year": chosen.year + 1 if chosen.year < map_years()[-1] else None,
        "is_models_layer": chosen.key == MODELS_LAYER,
        "small_places": [place for place in _small_places(countries, shaped) if _is_in(place, region)],
        "table_entries": [entry for entry in chosen.entries if _is_in(entry.jurisdiction, region)],
        "region": M49_REGIONS.get(region),
        "region_choices": region_choices(),
    }


def _is_in(jurisdiction: Jurisdiction, region: str) -> bool:
    return not region or is_in_region(jurisdiction.country_code, region)


def _marker(entry: LayerEntry) -> MapMarker | None:
    point = representative_point(entry.jurisdiction.code)
    if point is None:
        return None
    name = entry.jurisdiction.display_name
    label = _("%(place)s: %(details)s") % {"place": name, "details": entry.label} if entry.label else name
    return MapMarker(
        point[0], point[1], label, url=country_url(entry.jurisdiction.code), css_class=f"atlas-marker {entry.css_class}"
    )


def _small_places(countries: list[Jurisdiction], shaped: set[str]) -> list[Jurisdiction]:
    """Countries missing from the map's shapes or too small to click, and the sub-national units.

    Each is also on the map: a marker, or a dot on its tiny shape (Luxembourg, Trinidad and Tobago).
    """
    units = [jurisdiction for jurisdiction in Jurisdiction.objects.all() if not jurisdiction.is_country]
    tiny = {shape.code for shape in country_shapes() if shape.extent < SMALL_COUNTRY_EXTENT}
    small = [country for country in countries if country.code not in shaped or country.code in tiny]
    return sorted(small + units, key=lambda place: place.display_name)
