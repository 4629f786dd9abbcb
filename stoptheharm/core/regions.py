"""The world's regions (the UN's M49 continental regions), for counting and filtering by region."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

REGION_NAMES: dict[str, Promise] = {
    "africa": _("Africa"),
    "americas": _("Americas"),
    "asia": _("Asia"),
    "europe": _("Europe"),
    "oceania": _("Oceania"),
}
_COUNTRIES_BY_REGION = {
    "africa": "DZ EG LY MA SD TN EH BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW IO TF AO CM CF TD "
    "CG CD GQ GA ST BW SZ LS NA ZA BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG",
    "americas": "AI AG AR AW BS BB BZ BM BO BQ BV BR CA KY CL CO CR CU CW DM DO EC SV FK GF GL GD GP GT GY HT HN JM "
    "MQ MX MS NI PA PY PE PR BL KN LC MF PM VC SX GS SR TT TC US UY VE VG VI",
    "asia": "AF AM AZ BH BD BT BN KH CN CY GE HK IN ID IR IQ IL JP JO KZ KW KG LA LB MO MY MV MN MM NP KP OM PK PS "
    "PH QA SA SG KR LK SY TW TJ TH TL TR TM AE UZ VN YE",
    "europe": "AX AL AD AT BY BE BA BG HR CZ DK EE FO FI FR DE GI GR GG VA HU IS IE IM IT JE LV LI LT LU MT MD MC "
    "ME NL MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB",
    "oceania": "AS AU CX CC CK FJ PF GU HM KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV UM VU WF",
}
REGION_OF_COUNTRY = {code: region for region, codes in _COUNTRIES_BY_REGION.items() for code in codes.split()}


def region_of(country_code: str) -> str | None:
    """The region's key ("europe") of an ISO 3166-1 alpha-2 code, or None (Antarctica)."""
    return REGION_OF_COUNTRY.get(country_code.upper())


def countries_in(region: str) -> list[str]:
    """The ISO 3166-1 alpha-2 codes of a region's countries ("europe"); empty for an unknown key."""
    return _COUNTRIES_BY_REGION.get(region, "").split()
