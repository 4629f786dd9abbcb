import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.cache import caches
from django.utils import timezone

from stoptheharm.atlas.tests.factories import import_test_atlas
from stoptheharm.core.worldmap import country_shapes
from stoptheharm.organisations.tests.factories import add_organisation

pytestmark = pytest.mark.django_db
MAX_MAP_PAGE_BYTES = 200 * 1024


@pytest.fixture
def atlas(db):
    import_test_atlas()


def country_class(html: str, code: str) -> str:
    """The classes of a country's shape on the map."""
    match = re.search(rf'<path class="([^"]*)" data-country="{code}"', html)
    assert match, f"{code} is not on the map"
    return match.group(1)


def map_page(client, **query) -> str:
    response = client.get("/en/atlas/", query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_map_holds_every_country_of_the_boundary_file(client, atlas):
    html = map_page(client)
    drawn = set(re.findall(r'<path class="[^"]*" data-country="([^"]+)"', html))
    assert drawn == {shape.code for shape in country_shapes()}


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2000, {"PT": None, "NL": "atlas-de-facto", "US": None, "LT": None}),
        (2001, {"PT": "atlas-de-jure", "NL": "atlas-de-facto", "US": None, "LT": None}),
        (2022, {"PT": "atlas-de-jure", "NL": "atlas-de-facto", "US": "atlas-subnational", "LT": "atlas-ended"}),
        (2025, {"PT": "atlas-de-jure", "NL": "atlas-de-facto", "US": None, "LT": "atlas-ended"}),
    ],
)
def test_the_models_layer_classes_each_country_as_it_stood_that_year(client, atlas, year, expected):
    html = map_page(client, layer="models", year=year)
    for code, css_class in expected.items():
        classes = country_class(html, code).split()
        atlas_classes = [name for name in classes if name.startswith("atlas-")]
        assert atlas_classes == ([css_class] if css_class else []), (year, code, classes)


def test_an_indicator_layer_shows_one_edition_with_yes_and_no(client, atlas):
    html = map_page(client, layer="nsp", year=2024)
    assert "atlas-yes" in country_class(html, "PT").split()
    assert "atlas-no" in country_class(html, "DE").split()
    assert "atlas-" not in country_class(html, "NL")
    assert "Needle and syringe programmes (GSHR 2020)" in html


def test_a_count_layer_puts_countries_in_bins(client, atlas):
    html = map_page(client, layer="dcr_count", year=2020)
    assert "atlas-bin-2" in country_class(html, "DE").split()  # 24 facilities: 10–99
    assert "10–99" in html


def test_countries_link_to_their_page_and_small_or_sub_national_places_are_marked(client, atlas):
    html = map_page(client, year=2022)
    assert '<a href="/en/atlas/pt/"><title>Portugal: De jure (in law), since 2001</title>' in html
    malta = re.search(
        r'<a href="/en/atlas/mt/"><title>Malta: [^<]*</title><circle class="map-marker atlas-marker atlas-de-jure"',
        html,
    )
    assert malta, "Malta, missing from the 1:110m shapes, is a marker"
    oregon = re.search(
        r'<a href="/en/atlas/us/"><title>Oregon \(United States of America\): [^<]*</title>'
        r'<circle class="map-marker atlas-marker atlas-subnational"',
        html,
    )
    assert oregon
    small_list = html.split('id="atlas-small-heading"')[1].split("</section>")[0]
    assert "Malta" in small_list and "Oregon" in small_list


def test_a_country_too_small_to_click_has_a_dot_and_is_listed(client, atlas):
    from stoptheharm.atlas.tests.factories import VALUE_HEADER, import_text

    import_text(f"{VALUE_HEADER}\nLU,,nsp,GSHR 2020,2020,yes,high,https://example.org/gshr-2020,\n")
    html = map_page(client, layer="nsp", year=2022)
    assert re.search(
        r'<a href="/en/atlas/lu/"><title>Luxembourg: yes</title><path [^>]*/><circle class="country-dot', html
    )
    small_list = html.split('id="atlas-small-heading"')[1].split("</section>")[0]
    assert '<a href="/en/atlas/lu/">Luxembourg</a>' in small_list


def test_the_map_works_without_javascript_through_links_and_a_form(client, atlas):
    html = map_page(client, layer="nsp", year=2021)
    assert '<form class="form atlas-controls" method="get" action="/en/atlas/"' in html
    assert 'href="?layer=nsp&amp;year=2020"' in html and 'href="?layer=nsp&amp;year=2022"' in html
    assert '<table class="atlas-table">' in html
    assert '<pattern id="atlas-stripes-orange"' in html  # "no" is hatched, not only coloured


@pytest.mark.parametrize("year", ["1999", "2999", "abc", ""])
def test_a_year_outside_the_map_shows_the_current_year(client, atlas, year):
    html = map_page(client, year=year)
    assert f"Decriminalisation models in {timezone.now().year}" in html


def test_an_unknown_layer_shows_the_models(client, atlas):
    assert "Decriminalisation models in" in map_page(client, layer="<script>")


def test_the_map_page_weighs_under_200_kb_with_its_styles_and_script(client, atlas):
    html = map_page(client)
    assets = re.findall(r'(?:href|src)="/static/([^"]+\.(?:css|js|svg))"', html)
    total = len(html.encode()) + sum(Path(finders.find(asset)).stat().st_size for asset in assets)
    assert len(assets) >= 3
    assert total < MAX_MAP_PAGE_BYTES, total


def test_the_map_page_is_kept_for_everyone_a_moment(client, atlas, settings):
    settings.PAGE_CACHE_SECONDS = 2
    caches["local"].clear()
    first = client.get("/en/atlas/", {"year": 2010})
    assert "max-age=2" in first["Cache-Control"]
    assert not first.cookies
    second = client.get("/en/atlas/", {"year": 2010})
    assert second.content == first.content


def test_the_map_is_translated(client, atlas):
    html = client.get("/fr/atlas/", {"year": 2022}).content.decode()
    assert "Tchéquie" in html or "Pays-Bas" in html
    assert "Modèles de dépénalisation" in html


def test_the_country_page_shows_models_with_sources_and_indicators_by_edition(client, atlas):
    response = client.get("/en/atlas/us/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Oregon: De jure (in law), 2021–2024" in html
    assert "Ended or reversed" in html
    assert "https://example.org/oregon" in html
    germany = client.get("/en/atlas/de/").content.decode()
    assert "EMCDDA 2017" in germany and "24 facilities" in germany and "GSHR 2020" in germany


def test_the_country_page_lists_what_the_platform_holds_about_the_country(client, atlas):
    add_organisation("Grupo de Ativistas em Tratamentos", countries=["PT"])
    add_organisation("Elsewhere Network", countries=["ES"])
    html = client.get("/en/atlas/pt/").content.decode()
    assert "Organisations in the directory" in html
    assert "Grupo de Ativistas em Tratamentos" in html
    assert "Elsewhere Network" not in html
    assert "/en/organisations/?country=PT" in html


def test_hostile_text_in_the_data_is_shown_inert(client, atlas):
    from stoptheharm.atlas.tests.factories import MODEL_HEADER, import_text

    import_text(f'{MODEL_HEADER}\nT66,FR,,2020,,de jure,,low,https://example.org/x,"<script>alert(1)</script>"\n')
    html = client.get("/en/atlas/fr/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("path", ["/en/atlas/zz/", "/en/atlas/data/models.xml", "/en/atlas/data/sources.geojson"])
def test_unknown_countries_and_formats_are_not_found(client, atlas, path):
    assert client.get(path).status_code == 404


def test_a_region_narrows_the_table_and_the_small_places_but_not_the_map(client, atlas):
    html = map_page(client, year=2022, region="southern-europe")
    table = html.split('id="atlas-table-heading"')[1].split("</section>")[0]
    assert "(Southern Europe)" in table
    assert "Portugal" in table and "Malta" in table
    assert "Netherlands" not in table and "United States" not in table
    small_list = html.split('id="atlas-small-heading"')[1].split("</section>")[0]
    assert "Malta" in small_list and "Oregon" not in small_list
    assert "atlas-de-facto" in country_class(html, "NL")  # the map is still the world's
    assert '<option value="southern-europe" selected>' in html
    assert 'href="?layer=models&amp;year=2021&amp;region=southern-europe"' in html


def test_an_unknown_region_shows_the_whole_table(client, atlas):
    html = map_page(client, year=2022, region="<b>atlantis</b>")
    table = html.split('id="atlas-table-heading"')[1].split("</section>")[0]
    assert "Portugal" in table and "Netherlands" in table
    assert "atlantis" not in html


def test_the_country_page_names_its_m49_region_and_sub_region(client, atlas):
    html = client.get("/en/atlas/ke/").content.decode()
    assert '<a href="/en/atlas/?region=africa">Africa</a>' in html
    assert '<a href="/en/atlas/?region=sub-saharan-africa">Sub-Saharan Africa</a>' in html
    assert '<a href="/en/atlas/?region=eastern-africa">Eastern Africa</a>' in html


def test_a_country_without_data_says_so(client, atlas):
    html = client.get("/en/atlas/ke/").content.decode()
    assert "holds no decriminalisation model" in html


def test_the_drawn_map_is_kept_a_moment_and_drawn_again_after(client, atlas, settings):
    from stoptheharm.atlas.models import DecriminalisationModel

    settings.ATLAS_MAP_CACHE_SECONDS = 60
    caches["local"].clear()
    assert "atlas-de-jure" in country_class(map_page(client, year=2010), "PT")
    DecriminalisationModel.objects.filter(key="T001").update(year_adopted=2015)
    assert "atlas-de-jure" in country_class(map_page(client, year=2010), "PT")  # kept
    caches["local"].clear()
    assert "atlas-" not in country_class(map_page(client, year=2010), "PT")


def test_the_map_page_links_to_no_other_site(client, atlas):
    html = map_page(client).replace('xmlns="http://www.w3.org/2000/svg"', "")  # a name, never fetched
    assert "http://" not in html and "https://" not in html
    assert "How to cite: Stop the Harm, atlas: Decriminalisation models" in html
