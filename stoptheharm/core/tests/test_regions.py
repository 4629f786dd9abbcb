"""The M49 regions: every country placed once, at the right levels, as the UN Statistics Division lists them."""

import pytest
from django.utils import translation
from django_countries.data import COUNTRIES

from stoptheharm.core.regions import (
    INTERMEDIATE_REGION,
    M49_REGIONS,
    REGION,
    REGION_NAMES,
    SUB_REGION,
    countries_in,
    intermediate_region_of,
    is_in_region,
    region_of,
    regions_of,
    sub_region_of,
)
from stoptheharm.core.worldmap import country_shapes

# M49's overview table: how many ISO 3166-1 areas each finest grouping holds (248 in all, Antarctica in none).
M49_MEMBERS = {
    "northern-africa": 7, "eastern-africa": 22, "middle-africa": 9, "southern-africa": 5, "western-africa": 17,
    "caribbean": 28, "central-america": 8, "south-america": 16, "northern-america": 5,
    "central-asia": 5, "eastern-asia": 8, "south-eastern-asia": 11, "southern-asia": 9, "western-asia": 18,
    "eastern-europe": 10, "northern-europe": 16, "channel-islands": 2, "southern-europe": 16, "western-europe": 9,
    "australia-and-new-zealand": 6, "melanesia": 5, "micronesia": 8, "polynesia": 10,
}  # fmt: skip


def test_every_iso_country_but_antarctica_has_a_region_and_a_sub_region():
    for code in COUNTRIES:
        if code == "AQ":
            assert regions_of(code) == [] and region_of(code) is None
            continue
        assert region_of(code) in REGION_NAMES, code
        assert M49_REGIONS[sub_region_of(code)].level == SUB_REGION, code


def test_every_iso_country_of_the_map_file_has_a_region():
    coded = {shape.code for shape in country_shapes() if not shape.code.startswith("x-")}
    assert len(coded) > 170
    assert {code for code in coded if region_of(code) is None} == {"AQ"}


@pytest.mark.parametrize(("key", "members"), M49_MEMBERS.items())
def test_each_grouping_holds_as_many_countries_as_m49_lists(key, members):
    assert len(countries_in(key)) == members


def test_the_levels_nest_and_add_up():
    assert sum(len(countries_in(key)) for key in REGION_NAMES) == len(COUNTRIES) - 1
    for key, region in M49_REGIONS.items():
        assert len(region.code) == 3 and region.code.isdigit()
        if region.level == REGION:
            assert not region.parent
        else:
            parent = M49_REGIONS[region.parent]
            assert parent.level == (REGION if region.level == SUB_REGION else SUB_REGION)
            assert set(countries_in(key)) <= set(countries_in(region.parent))
    assert len({region.code for region in M49_REGIONS.values()}) == len(M49_REGIONS)
    assert sum(region.level == INTERMEDIATE_REGION for region in M49_REGIONS.values()) == 8


@pytest.mark.parametrize(
    ("code", "keys"),
    [
        ("PT", ["europe", "southern-europe"]),
        ("NL", ["europe", "western-europe"]),
        ("JE", ["europe", "northern-europe", "channel-islands"]),
        ("CY", ["asia", "western-asia"]),
        ("TR", ["asia", "western-asia"]),
        ("IR", ["asia", "southern-asia"]),
        ("KE", ["africa", "sub-saharan-africa", "eastern-africa"]),
        ("SD", ["africa", "northern-africa"]),
        ("MR", ["africa", "sub-saharan-africa", "western-africa"]),
        ("MX", ["americas", "latin-america-and-the-caribbean", "central-america"]),
        ("BR", ["americas", "latin-america-and-the-caribbean", "south-america"]),
        ("GL", ["americas", "northern-america"]),
        ("US", ["americas", "northern-america"]),
        ("VN", ["asia", "south-eastern-asia"]),
        ("AU", ["oceania", "australia-and-new-zealand"]),
        ("FJ", ["oceania", "melanesia"]),
    ],
)
def test_countries_sit_where_m49_puts_them(code, keys):
    assert [region.key for region in regions_of(code)] == keys
    assert intermediate_region_of(code) == (keys[2] if len(keys) > 2 else None)
    assert all(is_in_region(code, key) for key in keys)


def test_the_continental_helpers_keep_their_meaning():
    assert set(REGION_NAMES) == {"africa", "americas", "asia", "europe", "oceania"}
    assert region_of("pt") == "europe"
    assert "PT" in countries_in("europe") and "PT" in countries_in("southern-europe")
    assert countries_in("atlantis") == []
    assert not is_in_region("PT", "western-europe")


def test_names_are_translated():
    with translation.override("fr"):
        assert str(M49_REGIONS["western-europe"].name) == "Europe occidentale"
