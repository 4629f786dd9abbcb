"""Small atlas files for tests, imported as staff would import them."""

from stoptheharm.atlas.imports import read_atlas_csv
from stoptheharm.atlas.services import ImportReport, import_atlas

MODEL_HEADER = (
    "id,jurisdiction,jurisdiction_name,year_adopted,year_ended,legal_basis,replaced_by,confidence,sources,notes"
)
VALUE_HEADER = "jurisdiction,jurisdiction_name,indicator,edition,edition_year,value,confidence,sources,notes"
INDICATORS = """slug,name,kind,unit
nsp,Needle and syringe programmes,boolean,
dcr_count,Drug consumption rooms (number),count,facilities
"""
MODELS = f"""{MODEL_HEADER}
T001,PT,,2001,,de jure,administrative_sanction;dissuasion_commission,high,https://example.org/pt-law,Administrative.
T002,NL,,1976,,de facto,none,high,https://example.org/nl | https://example.org/nl-2,
T003,US-OR,Oregon,2021,2024,de jure,fine;referral,high,https://example.org/oregon,
T004,MT,,2015,,de jure,fine,high,https://example.org/malta,
T005,LT,,,2017,de jure,administrative_sanction,medium,https://example.org/lithuania,Start year not stated.
"""
VALUES = f"""{VALUE_HEADER}
PT,,nsp,GSHR 2020,2020,yes,high,https://example.org/gshr-2020,
DE,,nsp,GSHR 2020,2020,no,medium,https://example.org/gshr-2020,
DE,,dcr_count,EMCDDA 2017,2017,24,high,https://example.org/emcdda,24 facilities in 15 cities
AU-ACT,Australian Capital Territory,nsp,GSHR 2020,2020,yes,high,https://example.org/gshr-2020,
"""


def import_text(text: str) -> ImportReport:
    return import_atlas(read_atlas_csv(text.encode("utf-8")))


def import_test_atlas() -> None:
    for text in (INDICATORS, MODELS, VALUES):
        import_text(text)
