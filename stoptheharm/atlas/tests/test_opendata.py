"""The downloads, read back with real parsers: csv, json, and an RFC 7946 structure check for GeoJSON."""

import csv
import io
import json
import math

import pytest

from stoptheharm.atlas.tests.factories import import_test_atlas

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


def assert_valid_geojson(document: dict) -> None:
    """RFC 7946's structure for a FeatureCollection of Points (what the atlas publishes)."""
    assert document["type"] == "FeatureCollection"
    assert isinstance(document["features"], list) and document["features"]
    for feature in document["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        if geometry is not None:
            assert geometry["type"] in GEOMETRY_TYPES
            assert geometry["type"] == "Point"
            assert_valid_position(geometry["coordinates"])
        assert "crs" not in feature  # RFC 7946 removed named coordinate systems: always WGS 84


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
