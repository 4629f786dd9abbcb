import pytest

from stoptheharm.atlas.tests.factories import import_test_atlas

pytestmark = pytest.mark.django_db


@pytest.fixture
def atlas(db):
    import_test_atlas()


def listed(client, path: str, **query) -> dict:
    response = client.get(path, query)
    assert response.status_code == 200, response.content
    document = response.json()
    assert document["licence"] == "CC-BY-4.0"
    assert document["count"] == len(document["results"])
    return document


def test_countries_are_listed_with_links_and_filtered_by_region_and_year(client, atlas):
    everyone = {country["iso2"] for country in listed(client, "/api/v1/atlas/countries/")["results"]}
    assert everyone == {"PT", "NL", "US", "MT", "LT", "DE", "AU"}
    europe = listed(client, "/api/v1/atlas/countries/", region="europe")["results"]
    assert {country["iso2"] for country in europe} == {"PT", "NL", "MT", "LT", "DE"}
    assert europe[0]["url"].startswith("http://testserver/en/atlas/")
    in_2000 = listed(client, "/api/v1/atlas/countries/", year=2000)["results"]
    assert {country["iso2"] for country in in_2000} == {"NL"}


def test_countries_are_filtered_by_m49_sub_region_and_name_theirs(client, atlas):
    western = listed(client, "/api/v1/atlas/countries/", region="western-europe")["results"]
    assert {country["iso2"] for country in western} == {"NL", "DE"}
    portugal = client.get("/api/v1/atlas/countries/pt/").json()
    assert (portugal["region"], portugal["sub_region"], portugal["intermediate_region"]) == (
        "europe",
        "southern-europe",
        "",
    )
    model = listed(client, "/api/v1/atlas/models/", country="us")["results"][0]
    assert (model["region"], model["sub_region"]) == ("americas", "northern-america")


def test_a_country_has_its_models_and_values_with_sources(client, atlas):
    response = client.get("/api/v1/atlas/countries/us/")
    assert response.status_code == 200
    country = response.json()
    assert country["iso2"] == "US"
    assert [model["id"] for model in country["models"]] == ["T003"]
    assert country["models"][0]["sources"] == ["https://example.org/oregon"]
    assert client.get("/api/v1/atlas/countries/ke/").status_code == 404
    assert client.get("/api/v1/atlas/countries/zz/").status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"T001", "T002", "T003", "T004", "T005"}),
        ({"year": 2001}, {"T001", "T002"}),
        ({"year": 2024}, {"T001", "T002", "T003", "T004"}),
        ({"region": "americas"}, {"T003"}),
        ({"country": "pt"}, {"T001"}),
        ({"region": "southern-europe"}, {"T001", "T004"}),
        ({"region": "western-europe"}, {"T002"}),
        ({"region": "northern-america"}, {"T003"}),
        ({"region": "south-america"}, set()),
    ],
)
def test_models_are_filtered_by_year_region_and_country(client, atlas, query, expected):
    models = listed(client, "/api/v1/atlas/models/", **query)["results"]
    assert {model["id"] for model in models} == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"indicator": "nsp"}, {("nsp", "PT"), ("nsp", "DE"), ("nsp", "AU-ACT")}),
        ({"indicator": "nsp", "region": "oceania"}, {("nsp", "AU-ACT")}),
        ({"indicator": "nsp", "region": "australia-and-new-zealand"}, {("nsp", "AU-ACT")}),
        ({"year": 2017}, {("dcr_count", "DE")}),
        ({"edition": "GSHR 2020", "country": "DE"}, {("nsp", "DE")}),
    ],
)
def test_indicator_values_are_filtered(client, atlas, query, expected):
    values = listed(client, "/api/v1/atlas/indicators/", **query)["results"]
    assert {(value["indicator"], value["jurisdiction"]) for value in values} == expected


@pytest.mark.parametrize("query", [{"year": "soon"}, {"region": "atlantis"}, {"country": "ZZ"}, {"indicator": "<b>"}])
def test_bad_filters_are_refused_with_the_reason(client, atlas, query):
    response = client.get("/api/v1/atlas/indicators/", query)
    assert response.status_code == 400
    assert set(response.json()) == set(query)


def test_the_atlas_endpoints_are_in_the_openapi_schema(client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    for path in ("/api/v1/atlas/countries/", "/api/v1/atlas/countries/{iso2}/", "/api/v1/atlas/models/",
                 "/api/v1/atlas/indicators/"):  # fmt: skip
        assert path in schema["paths"]
    parameters = {parameter["name"] for parameter in schema["paths"]["/api/v1/atlas/indicators/"]["get"]["parameters"]}
    assert {"year", "region", "indicator", "edition", "country"} <= parameters
