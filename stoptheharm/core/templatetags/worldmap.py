"""`{% load worldmap %}{% world_map title=... markers=... country_classes=... %}`: the inline SVG world map."""

from collections.abc import Mapping, Sequence

from django import template
from django.utils.safestring import SafeString

from stoptheharm.core.worldmap import MapMarker, world_map_svg

register = template.Library()


@register.simple_tag
def world_map(
    *,
    title: str,
    markers: Sequence[MapMarker] = (),
    country_classes: Mapping[str, str] | None = None,
    country_links: Mapping[str, str] | None = None,
    country_labels: Mapping[str, str] | None = None,
    small_country_dots: bool = False,
) -> SafeString:
    """The world map with the given markers and per-country classes, links and labels (see core.worldmap)."""
    return world_map_svg(
        title=title,
        markers=markers,
        country_classes=country_classes,
        country_links=country_links,
        country_labels=country_labels,
        small_country_dots=small_country_dots,
    )
