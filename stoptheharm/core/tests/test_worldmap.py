"""The world map: every country drawn and named, classes, links and markers in the right place, all inert."""

import itertools
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.template import Context, Template
from django.utils import translation

from stoptheharm.core.worldmap import (
    DATA_FILE,
    MAP_HEIGHT,
    MAP_WIDTH,
    MapMarker,
    country_geometries,
    country_shapes,
    project,
    unproject,
    world_map_svg,
)

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert(1)</script>"\' onload="alert(2)" &amp;'


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314  # our own output, parsed to check it


def country_paths(root: ET.Element) -> dict[str, ET.Element]:
    return {path.get("data-country"): path for path in root.iter(f"{SVG}path") if path.get("data-country")}


def absolute_points(path_data: str) -> list[list[tuple[float, float]]]:
    """The subpaths of our relative "m dx dy l dx dy ... z" path data, as absolute points."""
    subpaths = []
    x = y = 0.0
    for move, line in re.findall(r"m([^lz]+)l([^z]+)z", path_data):
        numbers = [float(n) for n in re.findall(r"-?[\d.]+", move)]
        x, y = x + numbers[0], y + numbers[1]
        start, points = (x, y), [(x, y)]
        steps = [float(n) for n in re.findall(r"-?[\d.]+", line)]
        for dx, dy in zip(steps[::2], steps[1::2], strict=True):
            x, y = x + dx, y + dy
            points.append((x, y))
        subpaths.append(points)
        x, y = start
    return subpaths


def test_the_map_is_xml_with_every_country_of_the_file_each_with_its_class_and_title():
    features = json.loads(DATA_FILE.read_text())["objects"]["countries"]["geometries"]
    root = parse(world_map_svg(title="Actions around the world"))

    paths = country_paths(root)
    assert len(features) == 177
    assert len(paths) == len(features)
    for code, path in paths.items():
        assert f"country-{code}" in path.get("class").split()
        assert "country" in path.get("class").split()
        assert path.find(f"{SVG}title").text
    assert {"PT", "RU", "FJ", "AQ", "x-kosovo", "x-somaliland", "x-northern-cyprus"} <= set(paths)
    assert root.get("viewBox") == f"0 0 {MAP_WIDTH:g} {MAP_HEIGHT:g}"
    title_id = root.get("aria-labelledby")
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").get("id") == title_id
    assert root.find(f"{SVG}title").text == "Actions around the world"


def test_the_bare_map_stays_small():
    assert len(world_map_svg(title="Map").encode()) < 150_000


def test_classes_links_and_labels_land_on_their_country():
    root = parse(
        world_map_svg(
            title="Atlas",
            country_classes={"PT": "policy-decriminalised", "RU": "policy-punitive"},
            country_links={"FJ": "/atlas/fj/", "PT": "/atlas/pt/"},
            country_labels={"PT": "decriminalised since 2001"},
        )
    )
    paths = country_paths(root)
    assert "policy-decriminalised" in paths["PT"].get("class").split()
    assert "policy-punitive" in paths["RU"].get("class").split()
    assert "policy-punitive" not in paths["PT"].get("class")
    links = {link.find(f"{SVG}path").get("data-country"): link for link in root.iter(f"{SVG}a")}
    assert set(links) == {"FJ", "PT"}
    assert links["FJ"].get("href") == "/atlas/fj/"
    assert links["PT"].find(f"{SVG}title").text == "Portugal: decriminalised since 2001"
    assert root.get("role") == "group"  # a role="img" would hide the links from screen readers


def test_markers_sit_where_project_says_and_hostile_labels_stay_inert():
    markers = [
        MapMarker(latitude=38.72, longitude=-9.14, label="Harm reduction walk, Lisbon, 26 June"),
        MapMarker(
            latitude=-18.1, longitude=178.4, label=HOSTILE, url='/x/"onmouseover="alert(3)', css_class="kind-walk"
        ),
    ]
    svg = world_map_svg(title=HOSTILE, markers=markers)
    assert "<script" not in svg
    assert 'onload="' not in svg and 'onmouseover="' not in svg
    root = parse(svg)
    circles = list(root.iter(f"{SVG}circle"))
    assert len(circles) == 2
    for marker, circle in zip(markers, circles, strict=True):
        x, y = project(marker.longitude, marker.latitude)
        assert float(circle.get("cx")) == pytest.approx(x, abs=0.05)
        assert float(circle.get("cy")) == pytest.approx(y, abs=0.05)
    assert circles[0].find(f"{SVG}title").text == "Harm reduction walk, Lisbon, 26 June"
    (link,) = root.iter(f"{SVG}a")
    assert link.get("href") == '/x/"onmouseover="alert(3)'  # an attribute value, not an attribute
    assert link.find(f"{SVG}title").text == HOSTILE
    assert "kind-walk" in circles[1].get("class").split()
    assert root.find(f"{SVG}title").text == HOSTILE


@pytest.mark.parametrize("latitude", [-90, -89.9, -85, -60, -23.5, 0, 12.3, 45, 66.6, 85, 89.9, 90])
@pytest.mark.parametrize("longitude", [-180, -179.99, -120, -9.14, 0, 0.01, 77.7, 179.99, 180])
def test_unproject_undoes_project_across_the_map(longitude, latitude):
    x, y = project(longitude, latitude)
    assert 0 <= x <= MAP_WIDTH
    assert -0.05 <= y <= MAP_HEIGHT + 0.05
    back_longitude, back_latitude = unproject(x, y)
    assert back_latitude == pytest.approx(latitude, abs=1e-6)
    if abs(latitude) < 90:  # at a pole every longitude is the same point... of a line in Equal Earth
        assert back_longitude == pytest.approx(longitude, abs=1e-6)


def test_points_off_the_globe_are_clamped_onto_it():
    assert unproject(-50, MAP_HEIGHT / 2) == (-180.0, pytest.approx(0, abs=1e-9))
    assert unproject(MAP_WIDTH / 2, -100)[1] == pytest.approx(90)
    assert unproject(MAP_WIDTH / 2, MAP_HEIGHT + 100)[1] == pytest.approx(-90)


def test_no_country_outline_jumps_across_the_map():
    """Shapes crossing the antimeridian (Russia, Fiji) or surrounding the pole (Antarctica) are cut."""
    for shape in country_shapes():
        for subpath in absolute_points(shape.path):
            closed = [*subpath, subpath[0]]
            for (x1, _y1), (x2, _y2) in itertools.pairwise(closed):
                assert abs(x2 - x1) < MAP_WIDTH / 2, shape.code


def test_shapes_cut_at_the_antimeridian_keep_both_sides():
    shapes = {shape.code: shape for shape in country_shapes()}
    for code in ("RU", "FJ"):
        longitudes = [unproject(x, y)[0] for subpath in absolute_points(shapes[code].path) for x, y in subpath]
        assert min(longitudes) < -170, code  # the part past 180° east, drawn on the map's left
        assert max(longitudes) > 170, code
    antarctica_ys = [y for subpath in absolute_points(shapes["AQ"].path) for _x, y in subpath]
    assert max(antarctica_ys) == pytest.approx(MAP_HEIGHT, abs=0.2)  # closed along the south pole


def test_country_names_follow_the_active_language():
    with translation.override("fr"):
        paths = country_paths(parse(world_map_svg(title="Carte")))
    assert paths["DE"].find(f"{SVG}title").text == "Allemagne"
    with translation.override("en"):
        paths = country_paths(parse(world_map_svg(title="Map")))
    assert paths["DE"].find(f"{SVG}title").text == "Germany"
    assert paths["x-kosovo"].find(f"{SVG}title").text == "Kosovo"


def test_two_maps_on_one_page_have_distinct_ids():
    first, second = parse(world_map_svg(title="One")), parse(world_map_svg(title="Two"))
    assert first.get("aria-labelledby") != second.get("aria-labelledby")


def test_the_template_tag_renders_the_map():
    template = Template("{% load worldmap %}{% world_map title=title markers=markers country_classes=classes %}")
    markers = [MapMarker(latitude=0, longitude=0, label="Here")]
    html = template.render(Context({"title": "Map", "markers": markers, "classes": {"PT": "on"}}))
    root = parse(html)
    assert "on" in country_paths(root)["PT"].get("class").split()
    assert len(list(root.iter(f"{SVG}circle"))) == 1


def test_small_countries_with_a_class_or_link_get_a_dot_when_asked():
    options = {
        "title": "Atlas",
        "country_classes": {"LU": "policy-a", "FR": "policy-a"},
        "country_links": {"TT": "/tt/"},
    }
    assert "<circle" not in world_map_svg(**options)

    root = parse(world_map_svg(**options, small_country_dots=True))
    dots = {
        next(c for c in dot.get("class").split() if c.startswith("country-") and c != "country-dot"): dot
        for dot in root.iter(f"{SVG}circle")
    }
    assert set(dots) == {"country-LU", "country-TT"}  # not France: big enough to see and click
    assert "policy-a" in dots["country-LU"].get("class").split()
    assert dots["country-LU"].get("aria-hidden") == "true"
    lu = next(shape for shape in country_shapes() if shape.code == "LU")
    assert (float(dots["country-LU"].get("cx")), float(dots["country-LU"].get("cy"))) == pytest.approx(
        lu.centre, abs=0.1
    )
    (link,) = root.iter(f"{SVG}a")
    assert link.find(f"{SVG}circle") is not None  # Trinidad and Tobago's dot is part of its link


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,x"]
)
def test_links_that_could_run_a_script_are_dropped(url):
    svg = world_map_svg(
        title="Map",
        markers=[MapMarker(latitude=0, longitude=0, label="Here", url=url)],
        country_links={"PT": url},
    )
    assert "<a " not in svg
    assert "alert" not in svg and "data:" not in svg


def test_hostile_country_classes_and_labels_stay_inert():
    root = parse(
        world_map_svg(title="Map", country_classes={"PT": '"><script>x</script>'}, country_labels={"PT": HOSTILE})
    )
    portugal = country_paths(root)["PT"]
    assert '"><script>x</script>' in portugal.get("class")  # inside the attribute, as text
    assert portugal.find(f"{SVG}title").text == f"Portugal: {HOSTILE}"
    assert not list(root.iter(f"{SVG}script")) and not list(root.iter("script"))


def test_every_shape_has_its_boundaries_as_closed_lon_lat_rings():
    geometries = country_geometries()
    assert set(geometries) == {shape.code for shape in country_shapes()}
    for code, geometry in geometries.items():
        assert geometry["type"] == "MultiPolygon" and geometry["coordinates"], code
        for polygon in geometry["coordinates"]:
            for ring in polygon:
                assert len(ring) >= 4 and ring[0] == ring[-1], code
                assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in ring), code
    west, south, east, north = 180, 90, -180, -90
    for lon, lat in (point for polygon in geometries["PT"]["coordinates"] for point in polygon[0]):
        west, south, east, north = min(west, lon), min(south, lat), max(east, lon), max(north, lat)
    assert -10 < west < east < -6 and 36 < south < north < 43  # longitude first: Portugal where it is
