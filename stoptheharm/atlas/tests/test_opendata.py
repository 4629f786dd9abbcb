"""The downloads, read back with real parsers: csv, json, and an RFC 7946 structure check for GeoJSON."""

import csv
import io
import itertools
import json
import math

import pytest

from stoptheharm.atlas.points import representative_point
from stoptheharm.atlas.tests.factories import import_test_atlas
from stoptheharm.core.worldmap import country_shapes

pytestmark = pytest.mark.django_db
GEOMETRY_TYPES = {
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
}


@pytest.fixture
def atlas(db):
    import_test_atlas()


def download(client, path: str):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    assert response["Content-Disposition"].startswith('attachment; filename="stoptheharm-atlas-')
    return response


def assert_valid_position(position) -> None:
    assert isinstance(position, list) and len(position) in (2, 3)
    assert all(isinstance(number, (int, float)) and math.isfinite(number) for number in position)
    longitude, latitude = position[:2]
    assert -180 <= longitude <= 180 and -90 <= latitude <= 90


def signed_area(ring: list) -> float:
    """Twice the ring's area, positive when counterclockwise (shoelace formula, in degrees)."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1, *_), (x2, y2, *_) in itertools.pairwise(ring))


def assert_valid_polygon(rings) -> None:
    """RFC 7946 3.1.6: linear rings of 4 or more positions, closed; exterior counterclockwise, holes clockwise."""
    assert isinstance(rings, list) and rings
    for index, ring in enumerate(rings):
        assert isinstance(ring, list) and len(ring) >= 4
        for position in ring:
            assert_valid_position(position)
        assert ring[0] == ring[-1], "a ring ends where it starts"
        area = signed_area(ring)
        assert area != 0
        assert (area > 0) == (index == 0), "right-hand rule: exterior counterclockwise, holes clockwise"


def assert_valid_geometry(geometry: dict) -> None:
    assert geometry["type"] in GEOMETRY_TYPES
    if geometry["type"] == "Point":
        assert_valid_position(geometry["coordinates"])
    elif geometry["type"] == "Polygon":
        assert_valid_polygon(geometry["coordinates"])
    elif geometry["type"] == "MultiPolygon":
        assert isinstance(geometry["coordinates"], list) and geometry["coordinates"]
        for polygon in geometry["coordinates"]:
            assert_valid_polygon(polygon)
    else:
        raise AssertionError(f"the atlas publishes no {geometry['type']}")


def assert_valid_geojson(document: dict) -> None:
    """RFC 7946's structure for a FeatureCollection, with every geometry checked."""
    assert document["type"] == "FeatureCollection"
    assert "crs" not in document  # RFC 7946 removed named coordinate systems: always WGS 84
    assert isinstance(document["features"], list) and document["features"]
    for feature in document["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        assert "crs" not in feature
        assert_valid_geometry(feature["geometry"])  # the atlas has a place for every entry: no null geometry
        keys = set(feature["properties"])
        assert keys == set(document["features"][0]["properties"]), "one table: the same columns on every feature"


def contains(rings: list, longitude: float, latitude: float) -> bool:
    """Whether a point is inside a polygon (ray casting), outside its holes."""

    def inside(ring: list) -> bool:
        found = False
        for (x1, y1), (x2, y2) in itertools.pairwise(ring):
            if (y1 > latitude) != (y2 > latitude) and longitude < x1 + (latitude - y1) * (x2 - x1) / (y2 - y1):
                found = not found
        return found

    return inside(rings[0]) and not any(inside(hole) for hole in rings[1:])


def test_the_models_csv_opens_in_a_spreadsheet_with_names_intact(client, atlas):
    response = download(client, "/fr/atlas/data/models.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    by_id = {row["id"]: row for row in rows}
    assert set(by_id) == {"T001", "T002", "T003", "T004", "T005"}
    assert by_id["T003"]["jurisdiction"] == "US-OR"
    assert by_id["T003"]["country_name"] == "États-Unis d'Amérique"
    assert by_id["T001"]["replaced_by"] == "administrative_sanction | dissuasion_commission"
    assert by_id["T002"]["sources"] == "https://example.org/nl | https://example.org/nl-2"
    assert by_id["T005"]["year_adopted"] == ""


def test_a_cell_that_would_be_a_formula_stays_text_in_the_csv(client, atlas):
    from stoptheharm.atlas.tests.factories import MODEL_HEADER, import_text

    import_text(f'{MODEL_HEADER}\nT9,FR,,2020,,de jure,,low,https://example.org/x,"=HYPERLINK(""http://evil"")"\n')
    content = download(client, "/en/atlas/data/models.csv").content.decode("utf-8-sig")
    row = next(row for row in csv.DictReader(io.StringIO(content)) if row["id"] == "T9")
    assert row["notes"].startswith("'=")


def test_the_indicators_json_parses_with_licence_citation_and_typed_values(client, atlas):
    document = json.loads(download(client, "/en/atlas/data/indicators.json").content)
    assert document["licence"] == "CC-BY-4.0"
    assert document["how_to_cite"].startswith("Stop the Harm, atlas: Harm reduction indicators")
    values = {(row["indicator"], row["jurisdiction"], row["edition"]): row["value"] for row in document["data"]}
    assert values[("nsp", "PT", "GSHR 2020")] is True
    assert values[("nsp", "DE", "GSHR 2020")] is False
    assert values[("dcr_count", "DE", "EMCDDA 2017")] == 24


@pytest.mark.parametrize("dataset", ["models", "indicators"])
def test_the_geojson_downloads_are_valid_feature_collections(client, atlas, dataset):
    response = download(client, f"/en/atlas/data/{dataset}.geojson")
    assert response["Content-Type"] == "application/geo+json"
    document = json.loads(response.content)
    assert_valid_geojson(document)
    assert document["licence"] == "CC-BY-4.0"
    features = {feature["properties"]["jurisdiction"]: feature for feature in document["features"]}
    longitude, latitude = features["PT"]["geometry"]["coordinates"]
    assert -10 < longitude < -6 and 36 < latitude < 43  # longitude first, as RFC 7946 says
    if dataset == "models":
        assert features["MT"]["geometry"] is not None  # a small country still has its point


def test_the_sources_download_lists_every_cited_address(client, atlas):
    document = json.loads(download(client, "/en/atlas/data/sources.json").content)
    urls = {row["url"] for row in document["data"]}
    assert {"https://example.org/pt-law", "https://example.org/emcdda"} <= urls
    rows = list(csv.DictReader(io.StringIO(download(client, "/en/atlas/data/sources.csv").content.decode("utf-8-sig"))))
    assert {row["url"] for row in rows} == urls


def test_the_demo_data_has_a_valid_geojson_feature_with_a_point_for_every_entry(client):
    from stoptheharm.atlas.demo import load_atlas_demo

    load_atlas_demo()
    for dataset in ("models", "indicators"):
        document = json.loads(download(client, f"/en/atlas/data/{dataset}.geojson").content)
        assert len(document["features"]) > 30
        assert_valid_geojson(document)


def test_the_country_boundaries_geojson_holds_every_shape_with_its_values(client, atlas):
    response = download(client, "/en/atlas/data/countries.geojson")
    assert response["Content-Type"] == "application/geo+json"
    document = json.loads(response.content)
    assert_valid_geojson(document)
    assert document["licence"] == "CC-BY-4.0" and "how_to_cite" in document
    features = {feature["properties"]["map_id"]: feature for feature in document["features"]}
    assert set(features) == {shape.code for shape in country_shapes()}
    portugal = features["PT"]["properties"]
    assert portugal["model_status"] == "de_jure" and portugal["models_in_force"] == "T001"
    assert (portugal["nsp"], portugal["nsp_edition"], portugal["sub_region"]) == (True, "GSHR 2020", "southern-europe")
    germany = features["DE"]["properties"]
    assert (germany["nsp"], germany["dcr_count"], germany["dcr_count_edition"]) == (False, 24, "EMCDDA 2017")
    assert features["US"]["properties"]["model_status"] is None  # Oregon's model ended in 2024
    assert features["NL"]["properties"]["model_status"] == "de_facto"
    assert features["x-kosovo"]["properties"]["iso2"] is None
    lisbon, berlin = (-9.14, 38.72), (13.40, 52.52)  # longitude first
    assert any(contains(polygon, *lisbon) for polygon in features["PT"]["geometry"]["coordinates"])
    assert not any(contains(polygon, *berlin) for polygon in features["PT"]["geometry"]["coordinates"])
    assert any(contains(polygon, *berlin) for polygon in features["DE"]["geometry"]["coordinates"])


def test_shapes_across_the_antimeridian_are_cut_at_it(client, atlas):
    document = json.loads(download(client, "/en/atlas/data/countries.geojson").content)
    features = {feature["properties"]["map_id"]: feature for feature in document["features"]}
    for code in ("RU", "FJ"):
        longitudes = [position[0] for polygon in features[code]["geometry"]["coordinates"] for position in polygon[0]]
        assert 180 in longitudes and -180 in longitudes, code
        for polygon in features[code]["geometry"]["coordinates"]:
            ring = polygon[0]
            assert all(abs(b[0] - a[0]) <= 180 for a, b in itertools.pairwise(ring)), "no edge jumps across the map"
    south_africa = features["ZA"]["geometry"]["coordinates"]
    assert any(len(polygon) == 2 for polygon in south_africa), "Lesotho is a hole in South Africa"


def test_every_representative_point_is_unique_and_on_its_country():
    from stoptheharm.atlas.points import POINTS_FILE

    with POINTS_FILE.open(encoding="utf-8", newline="") as stream:
        codes = [row["code"] for row in csv.DictReader(stream)]
    assert len(codes) == len(set(codes))
    latitude, longitude = representative_point("AU")
    assert -30 < latitude < -20 and 125 < longitude < 145  # the mainland, not a reef off it
