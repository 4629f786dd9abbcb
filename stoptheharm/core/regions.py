"""The world's regions after the UN Statistics Division's M49 standard, for counting and filtering by region.

M49 nests three levels: five regions ("europe"), seventeen sub-regions ("western-europe") and, under
three of them, eight intermediate regions ("south-america" under Latin America and the Caribbean,
"western-africa" under Sub-Saharan Africa, "channel-islands" under Northern Europe). Each country
belongs to one grouping per level it has; Antarctica belongs to none. Taiwan is listed under Eastern
Asia, where the UN's tables count it within China. Keys are ours (stable, in addresses and the API);
the numeric codes and names are M49's.

`REGION_NAMES`, `region_of` and `countries_in` speak of the five regions, as before;
`countries_in` also takes a sub-region's or intermediate region's key.
"""

from dataclasses import dataclass
from functools import cache

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

REGION, SUB_REGION, INTERMEDIATE_REGION = "region", "sub-region", "intermediate-region"


@dataclass(frozen=True)
class M49Region:
    """A region, sub-region or intermediate region of M49; `parent` is the key of the grouping it is part of."""

    key: str
    code: str  # M49's three-digit code, e.g. "155"
    name: Promise
    level: str
    parent: str = ""


M49_REGIONS: dict[str, M49Region] = {
    region.key: region
    for region in [
        M49Region("africa", "002", _("Africa"), REGION),
        M49Region("northern-africa", "015", _("Northern Africa"), SUB_REGION, "africa"),
        M49Region("sub-saharan-africa", "202", _("Sub-Saharan Africa"), SUB_REGION, "africa"),
        M49Region("eastern-africa", "014", _("Eastern Africa"), INTERMEDIATE_REGION, "sub-saharan-africa"),
        M49Region("middle-africa", "017", _("Middle Africa"), INTERMEDIATE_REGION, "sub-saharan-africa"),
        M49Region("southern-africa", "018", _("Southern Africa"), INTERMEDIATE_REGION, "sub-saharan-africa"),
        M49Region("western-africa", "011", _("Western Africa"), INTERMEDIATE_REGION, "sub-saharan-africa"),
        M49Region("americas", "019", _("Americas"), REGION),
        M49Region(
            "latin-america-and-the-caribbean", "419", _("Latin America and the Caribbean"), SUB_REGION, "americas"
        ),
        M49Region("caribbean", "029", _("Caribbean"), INTERMEDIATE_REGION, "latin-america-and-the-caribbean"),
        M49Region(
            "central-america", "013", _("Central America"), INTERMEDIATE_REGION, "latin-america-and-the-caribbean"
        ),
        M49Region("south-america", "005", _("South America"), INTERMEDIATE_REGION, "latin-america-and-the-caribbean"),
        M49Region("northern-america", "021", _("Northern America"), SUB_REGION, "americas"),
        M49Region("asia", "142", _("Asia"), REGION),
        M49Region("central-asia", "143", _("Central Asia"), SUB_REGION, "asia"),
        M49Region("eastern-asia", "030", _("Eastern Asia"), SUB_REGION, "asia"),
        M49Region("south-eastern-asia", "035", _("South-eastern Asia"), SUB_REGION, "asia"),
        M49Region("southern-asia", "034", _("Southern Asia"), SUB_REGION, "asia"),
        M49Region("western-asia", "145", _("Western Asia"), SUB_REGION, "asia"),
        M49Region("europe", "150", _("Europe"), REGION),
        M49Region("eastern-europe", "151", _("Eastern Europe"), SUB_REGION, "europe"),
        M49Region("northern-europe", "154", _("Northern Europe"), SUB_REGION, "europe"),
        M49Region("channel-islands", "830", _("Channel Islands"), INTERMEDIATE_REGION, "northern-europe"),
        M49Region("southern-europe", "039", _("Southern Europe"), SUB_REGION, "europe"),
        M49Region("western-europe", "155", _("Western Europe"), SUB_REGION, "europe"),
        M49Region("oceania", "009", _("Oceania"), REGION),
        M49Region("australia-and-new-zealand", "053", _("Australia and New Zealand"), SUB_REGION, "oceania"),
        M49Region("melanesia", "054", _("Melanesia"), SUB_REGION, "oceania"),
        M49Region("micronesia", "057", _("Micronesia"), SUB_REGION, "oceania"),
        M49Region("polynesia", "061", _("Polynesia"), SUB_REGION, "oceania"),
    ]
}
REGION_NAMES: dict[str, Promise] = {key: region.name for key, region in M49_REGIONS.items() if region.level == REGION}

# Each country under its finest grouping (ISO 3166-1 alpha-2 codes), after M49's overview table.
_COUNTRIES_BY_FINEST_REGION = {
    "northern-africa": "DZ EG LY MA SD TN EH",
    "eastern-africa": "IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW",
    "middle-africa": "AO CM CF TD CG CD GQ GA ST",
    "southern-africa": "BW SZ LS NA ZA",
    "western-africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG",
    "caribbean": "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI",
    "central-america": "BZ CR SV GT HN MX NI PA",
    "south-america": "AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE",
    "northern-america": "BM CA GL PM US",
    "central-asia": "KZ KG TJ TM UZ",
    "eastern-asia": "CN HK MO KP JP MN KR TW",
    "south-eastern-asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "southern-asia": "AF BD BT IN IR MV NP PK LK",
    "western-asia": "AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE",
    "eastern-europe": "BY BG CZ HU PL MD RO RU SK UA",
    "northern-europe": "AX DK EE FO FI IS IE IM LV LT NO SJ SE GB",
    "channel-islands": "GG JE",
    "southern-europe": "AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES",
    "western-europe": "AT BE FR DE LI LU MC NL CH",
    "australia-and-new-zealand": "AU CX CC HM NZ NF",
    "melanesia": "FJ NC PG SB VU",
    "micronesia": "GU KI MH FM NR MP PW UM",
    "polynesia": "AS CK PF NU PN WS TK TO TV WF",
}
_FINEST_REGION_OF_COUNTRY = {code: key for key, codes in _COUNTRIES_BY_FINEST_REGION.items() for code in codes.split()}


def regions_of(country_code: str) -> list[M49Region]:
    """A country's groupings from the broadest: [Africa, Sub-Saharan Africa, Western Africa]; empty for Antarctica."""
    key = _FINEST_REGION_OF_COUNTRY.get(country_code.upper(), "")
    chain = []
    while key:
        chain.insert(0, M49_REGIONS[key])
        key = M49_REGIONS[key].parent
    return chain


REGION_OF_COUNTRY = {code: regions_of(code)[0].key for code in _FINEST_REGION_OF_COUNTRY}


def region_of(country_code: str) -> str | None:
    """The region's key ("europe") of an ISO 3166-1 alpha-2 code, or None (Antarctica)."""
    return REGION_OF_COUNTRY.get(country_code.upper())


def sub_region_of(country_code: str) -> str | None:
    """The sub-region's key ("western-europe", "sub-saharan-africa") of a country, or None (Antarctica)."""
    chain = regions_of(country_code)
    return chain[1].key if len(chain) > 1 else None


def intermediate_region_of(country_code: str) -> str | None:
    """The intermediate region's key ("south-america") of a country that has one, else None."""
    chain = regions_of(country_code)
    return chain[2].key if len(chain) > 2 else None


@cache
def _countries_by_region() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {key: [] for key in M49_REGIONS}
    for code in _FINEST_REGION_OF_COUNTRY:
        for region in regions_of(code):
            found[region.key].append(code)
    return {key: tuple(codes) for key, codes in found.items()}


def countries_in(region: str) -> list[str]:
    """The ISO 3166-1 alpha-2 codes in a region, sub-region or intermediate region; empty for an unknown key."""
    return list(_countries_by_region().get(region, ()))


def is_in_region(country_code: str, region: str) -> bool:
    """Whether the country is in the grouping of that key, at whichever level."""
    return any(grouping.key == region for grouping in regions_of(country_code))


def region_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Every grouping for a <select>: one group per region, its sub-regions and intermediate regions within."""
    choices = []
    for region in (region for region in M49_REGIONS.values() if region.level == REGION):
        members = [(region.key, str(region.name))]
        for sub_region in (item for item in M49_REGIONS.values() if item.parent == region.key):
            members.append((sub_region.key, f"\u2014 {sub_region.name}"))
            members += [
                (item.key, f"\u2014\u2014 {item.name}")
                for item in M49_REGIONS.values()
                if item.parent == sub_region.key
            ]
        choices.append((str(region.name), members))
    return choices
