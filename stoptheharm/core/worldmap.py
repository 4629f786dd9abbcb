"""A world map drawn by the platform itself: no tile server, no third-party script, nothing fetched.

The country shapes are Natural Earth's 1:110m boundaries (`data/countries-110m.json`, vendored from the
npm package world-atlas 2.0.2; see `data/README.md`). The TopoJSON is decoded here once per process into
SVG path data in the Equal Earth projection (Šavrič, Patterson, Jenny 2018: equal-area, so a choropleth
does not inflate the north). Shapes that cross the antimeridian (Fiji, Russia's far east) are cut at it,
and Antarctica, which surrounds the pole, is closed along the map's bottom edge.

Size: the bare map (177 countries, titles in English) is about 90 KB of SVG (89,767 bytes), 29 KB gzipped.
Coordinates are relative and rounded to 0.1 unit on a 1000-unit-wide map, about 0.04 degrees.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

DATA_FILE = Path(__file__).resolve().parent / "data" / "countries-110m.json"

# Equal Earth constants (Šavrič et al. 2018), as in d3-geo's geoEqualEarth.
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2

MAP_WIDTH = 1000.0
_HALF_WIDTH_UNITS = math.pi / (_M * _A1)  # x of longitude 180 on the equator, in projection units
_SCALE = (MAP_WIDTH / 2) / _HALF_WIDTH_UNITS
_POLE_THETA = math.asin(_M)
_HALF_HEIGHT_UNITS = _POLE_THETA * (_A1 + _A2 * _POLE_THETA**2 + _POLE_THETA**6 * (_A3 + _A4 * _POLE_THETA**2))
MAP_HEIGHT = round(2 * _HALF_HEIGHT_UNITS * _SCALE, 1)
MARKER_RADIUS = 4
SMALL_COUNTRY_EXTENT = 6  # SVG units (about 4 px on a 700 px wide map): below, a dot can stand in for the shape
SAFE_URL_SCHEMES = frozenset({"", "http", "https"})

# Features of the 110m file without an ISO 3166-1 code: a stable id from their name, and a translatable name.
UNCODED_FEATURES = {
    "Kosovo": ("x-kosovo", _("Kosovo")),
    "N. Cyprus": ("x-northern-cyprus", _("Northern Cyprus")),
    "Somaliland": ("x-somaliland", _("Somaliland")),
}


@dataclass(frozen=True)
class MapMarker:
    """A point on the map, e.g. one local action; `label` is its accessible name, shown on hover too."""

    latitude: float
    longitude: float
    label: str
    url: str = ""
    css_class: str = ""


@dataclass(frozen=True)
class CountryShape:
    """One feature of the map file: `code` is ISO alpha-2, or a stable `x-...` id for uncoded features."""

    code: str
    source_name: str
    path: str
    centre: tuple[float, float]  # of its bounding box, in SVG coordinates
    extent: float  # the larger side of its bounding box, in SVG units


def project(longitude: float, latitude: float) -> tuple[float, float]:
    """SVG coordinates (x right, y down, origin top left of the viewBox) of a point in degrees."""
    lam = math.radians(longitude)
    theta = math.asin(_M * math.sin(math.radians(latitude)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return MAP_WIDTH / 2 + x * _SCALE, MAP_HEIGHT / 2 - y * _SCALE


def unproject(x: float, y: float) -> tuple[float, float]:
    """(longitude, latitude) in degrees of an SVG point; points off the globe are clamped onto its edge."""
    px = (x - MAP_WIDTH / 2) / _SCALE
    py = min(max((MAP_HEIGHT / 2 - y) / _SCALE, -_HALF_HEIGHT_UNITS), _HALF_HEIGHT_UNITS)
    theta = py / _A1
    for _iteration in range(20):  # Newton's method; converges in a handful of steps
        t2 = theta * theta
        t6 = t2 * t2 * t2
        error = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2)) - py
        derivative = _A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)
        theta -= error / derivative
        if abs(error) < 1e-12:
            break
    t2 = theta * theta
    t6 = t2 * t2 * t2
    derivative = _A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)
    cos_theta = math.cos(theta)
    lam = _M * px * derivative / cos_theta if cos_theta > 1e-12 else 0.0
    longitude = min(max(math.degrees(lam), -180.0), 180.0)
    latitude = math.degrees(math.asin(min(max(math.sin(theta) / _M, -1.0), 1.0)))
    return longitude, latitude


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Undo TopoJSON's quantisation and delta encoding: each arc as (longitude, latitude) points."""
    (scale_x, scale_y), (translate_x, translate_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for encoded in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in encoded:
            x += dx
            y += dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def _ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """Join a ring's arcs (a negative index ~i is arc i reversed), dropping the point each arc shares."""
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def _edge(longitude: float, from_latitude: float, to_latitude: float) -> list[tuple[float, float]]:
    """Points along a meridian (the map's curved side) or, at a pole, along the flat top or bottom."""
    steps = max(1, math.ceil(abs(to_latitude - from_latitude) / 5))
    return [(longitude, from_latitude + (to_latitude - from_latitude) * i / steps) for i in range(1, steps + 1)]


def _cut_at_antimeridian(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Split a ring wherever a step crosses longitude ±180 and close each piece along the map's edge."""
    crossings = [i for i in range(len(points) - 1) if abs(points[i + 1][0] - points[i][0]) > 180]
    if not crossings:
        return [points]
    pieces: list[list[tuple[float, float]]] = []
    current = [points[0]]
    for (lon1, lat1), (lon2, lat2) in itertools.pairwise(points):
        if abs(lon2 - lon1) > 180:
            side = 180.0 if lon1 > 0 else -180.0
            unwrapped = lon2 + 2 * side
            fraction = (side - lon1) / (unwrapped - lon1) if unwrapped != lon1 else 0.0
            latitude = lat1 + (lat2 - lat1) * fraction
            current.append((side, latitude))
            pieces.append(current)
            current = [(-side, latitude)]
        current.append((lon2, lat2))
    pieces[0] = current[:-1] + pieces[0]  # the ring is closed: its last piece continues into its first
    if len(crossings) % 2:  # a ring around a pole: one piece from one side to the other
        (piece,) = pieces
        pole = -90.0 if sum(lat for _lon, lat in piece) < 0 else 90.0
        end_lon, end_lat = piece[-1]
        start_lon, start_lat = piece[0]
        piece.extend(_edge(end_lon, end_lat, pole))
        piece.extend((end_lon + (start_lon - end_lon) * i / 36, pole) for i in range(1, 37))
        piece.extend(_edge(start_lon, pole, start_lat))
        return [piece]
    closed = []
    for piece in pieces:
        (edge_lon, end_lat), start_lat = piece[-1], piece[0][1]
        closed.append(piece + _edge(edge_lon, end_lat, start_lat))
    return closed


def _number(value: float) -> str:
    """Shortest SVG spelling of a coordinate rounded to 0.1: 12, -3.5, .5."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        return "0"
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


def _path_data(rings: Iterable[list[tuple[float, float]]]) -> str:
    """Relative SVG path commands, rounded to 0.1 unit, skipping points that round onto the previous one."""
    commands = []
    cursor = (0, 0)  # in tenths of a unit, so that rounding errors do not accumulate
    for ring in rings:
        tenths = [tuple(round(c * 10) for c in project(lon, lat)) for lon, lat in ring]
        deduplicated = [tenths[0]] + [p for p, q in zip(tenths[1:], tenths, strict=False) if p != q]
        if len(deduplicated) < 3:
            continue
        first = deduplicated[0]
        parts = [f"m{_number((first[0] - cursor[0]) / 10)} {_number((first[1] - cursor[1]) / 10)}"]
        previous = first
        steps = []
        for point in deduplicated[1:]:
            steps.append(f"{_number((point[0] - previous[0]) / 10)} {_number((point[1] - previous[1]) / 10)}")
            previous = point
        parts.append("l" + " ".join(steps))
        commands.append(("".join(parts) + "z").replace(" -", "-"))
        cursor = first  # after z the current point is the subpath's start
    return "".join(commands)


@cache
def country_shapes() -> tuple[CountryShape, ...]:
    """Every country of the map file with its SVG path, decoded once per process."""
    topology = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [
            piece
            for polygon in polygons
            for ring in polygon
            for piece in _cut_at_antimeridian(_ring_points(ring, arcs))
        ]
        source_name = geometry["properties"]["name"]
        code = countries.alpha2(geometry["id"]) if geometry.get("id") else ""
        if not code:
            code = UNCODED_FEATURES.get(source_name, (_slug(source_name), None))[0]
        xs, ys = zip(*(project(lon, lat) for ring in rings for lon, lat in ring), strict=True)
        shapes.append(
            CountryShape(
                code=code,
                source_name=source_name,
                path=_path_data(rings),
                centre=((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2),
                extent=max(max(xs) - min(xs), max(ys) - min(ys)),
            )
        )
    return tuple(shapes)


@cache
def country_geometries() -> dict[str, dict]:
    """Every feature of the map file as a GeoJSON (RFC 7946) MultiPolygon, keyed like `CountryShape.code`.

    Positions are [longitude, latitude] rounded to 0.001 degree; rings are closed, cut at the antimeridian
    as on the drawn map, exterior rings counterclockwise and holes clockwise (the right-hand rule). Slivers
    that the rounding leaves without an area are dropped.
    """
    topology = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    geometries = {}
    for geometry, shape in zip(topology["objects"]["countries"]["geometries"], country_shapes(), strict=True):
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        coordinates = []
        for exterior, *holes in polygons:
            pieces = [
                _geojson_ring(piece, clockwise=False) for piece in _cut_at_antimeridian(_ring_points(exterior, arcs))
            ]
            inner = [
                _geojson_ring(piece, clockwise=True)
                for hole in holes
                for piece in _cut_at_antimeridian(_ring_points(hole, arcs))
            ]
            # a shape cut in two has no holes in this file
            rings = [[*pieces, *inner]] if len(pieces) == 1 else [[piece] for piece in pieces]
            coordinates += [[ring for ring in polygon if ring] for polygon in rings if polygon[0]]
        geometries[shape.code] = {"type": "MultiPolygon", "coordinates": coordinates}
    return geometries


def _geojson_ring(points: list[tuple[float, float]], *, clockwise: bool) -> list[list[float]]:
    """The ring closed and turned the way asked; empty if it has no area once rounded."""
    ring = [[round(longitude, 3), round(latitude, 3)] for longitude, latitude in points]
    ring = [ring[0]] + [point for previous, point in itertools.pairwise(ring) if point != previous]
    if ring[0] != ring[-1]:
        ring.append(ring[0])
    area = _signed_area(ring)
    if len(ring) < 4 or area == 0:
        return []
    return ring[::-1] if (area < 0) != clockwise else ring


def _signed_area(ring: list[list[float]]) -> float:
    """Twice the ring's area in degrees squared: positive when counterclockwise (shoelace formula)."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring))


def _slug(name: str) -> str:
    return "x-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def country_name(shape: CountryShape) -> str:
    """The country's name in the active language."""
    if shape.code.startswith("x-"):
        uncoded = UNCODED_FEATURES.get(shape.source_name)
        return str(uncoded[1]) if uncoded else shape.source_name
    return str(countries.name(shape.code)) or shape.source_name


@cache
def _country_names(language: str | None) -> dict[str, str]:
    """Every shape's name in `language` (the active one), looked up once: django-countries takes ~0.1 ms a name."""
    return {shape.code: country_name(shape) for shape in country_shapes()}


def _classes(*names: str) -> str:
    return escape(" ".join(" ".join(names).split()))


def _country_svg(shape: CountryShape, *, name: str, css_class: str, url: str, label: str, dot: bool) -> str:
    if label:
        name = gettext("%(country)s: %(details)s") % {"country": name, "details": label}
    classes = _classes("country", f"country-{shape.code}", css_class)
    path = f'<path class="{classes}" data-country="{escape(shape.code)}" d="{shape.path}"'
    if dot:  # the shape's name is on the path or its link: the dot is only seen
        x, y = shape.centre
        dot_classes = _classes("country-dot", f"country-{shape.code}", css_class)
        circle = f'<circle class="{dot_classes}" cx="{x:.1f}" cy="{y:.1f}" r="{MARKER_RADIUS - 1}" aria-hidden="true"/>'
    else:
        circle = ""
    url = _safe_url(url)
    if url:
        return f'<a href="{escape(url)}"><title>{escape(name)}</title>{path}/>{circle}</a>'
    return f"{path}><title>{escape(name)}</title></path>{circle}"


def _safe_url(url: str) -> str:
    """The URL, or nothing when its scheme could run a script (javascript:, data:, ...)."""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return ""
    return url if scheme in SAFE_URL_SCHEMES else ""


def _marker_svg(marker: MapMarker) -> str:
    x, y = project(marker.longitude, marker.latitude)
    circle = f'<circle class="{_classes("map-marker", marker.css_class)}" cx="{x:.1f}" cy="{y:.1f}" r="{MARKER_RADIUS}"'
    url = _safe_url(marker.url)
    if url:
        return f'<a href="{escape(url)}"><title>{escape(marker.label)}</title>{circle}/></a>'
    return f"{circle}><title>{escape(marker.label)}</title></circle>"


def world_map_svg(
    *,
    title: str,
    markers: Sequence[MapMarker] = (),
    country_classes: Mapping[str, str] | None = None,
    country_links: Mapping[str, str] | None = None,
    country_labels: Mapping[str, str] | None = None,
    small_country_dots: bool = False,
) -> SafeString:
    """One inline <svg> of the world; every text is escaped, as labels and titles may be user-provided.

    With `small_country_dots`, a country too small to see or click (Luxembourg, Trinidad and Tobago...)
    that has a class or a link also gets a dot with the same classes, inside the same link. URLs with a
    scheme other than http(s) (javascript:, data:) are not linked.

    A map without links is role="img"; with links it is a labelled group so that screen readers reach them
    (role="img" would hide its links). The caller should also list what the map shows in text.
    """
    country_classes = country_classes or {}
    country_links = country_links or {}
    country_labels = country_labels or {}
    identifier = f"world-map-{next(_map_numbers)}"
    interactive = bool(country_links) or any(marker.url for marker in markers)
    role = "group" if interactive else "img"
    description = gettext("World map, Equal Earth projection. Boundaries: Natural Earth.")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="world-map" viewBox="0 0 {_number(MAP_WIDTH)} '
        f'{_number(MAP_HEIGHT)}" role="{role}" aria-labelledby="{identifier}-title" '
        f'aria-describedby="{identifier}-desc">',
        f'<title id="{identifier}-title">{escape(title)}</title>',
        f'<desc id="{identifier}-desc">{escape(description)}</desc>',
        f'<path class="world-map-sphere" d="{_sphere_path()}"/>',
        '<g class="world-map-countries">',
    ]
    names = _country_names(get_language())
    parts.extend(
        _country_svg(
            shape,
            name=names[shape.code],
            css_class=country_classes.get(shape.code, ""),
            url=country_links.get(shape.code, ""),
            label=country_labels.get(shape.code, ""),
            dot=small_country_dots
            and shape.extent < SMALL_COUNTRY_EXTENT
            and (shape.code in country_classes or shape.code in country_links),
        )
        for shape in country_shapes()
    )
    parts.append("</g>")
    if markers:
        parts.append('<g class="world-map-markers">')
        parts.extend(_marker_svg(marker) for marker in markers)
        parts.append("</g>")
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text above goes through escape()


@cache
def _sphere_path() -> str:
    """The globe's outline, for the sea."""
    outline = _edge(180.0, 90.0, -90.0) + _edge(-180.0, -90.0, 90.0)
    return _path_data([[(-180.0, 90.0), (180.0, 90.0), *outline]])


# Numbers that keep the ids of several maps on one page apart.
_map_numbers = itertools.count(1)
