import csv
from pathlib import Path

from stoptheharm.organisations.signatory_lists import (
    Signatory,
    distinct_signatories,
    find_duplicate_signatories,
    parse_signatory_list,
)

PORTO_LIST = Path(__file__).parent / "fixtures" / "porto_2019_signatories.txt"
PORTO_CSV = Path(__file__).parents[1] / "data" / "porto_2019_signatories.csv"


def porto_signatories() -> list[Signatory]:
    return parse_signatory_list(PORTO_LIST.read_text(encoding="utf-8"))


def test_the_porto_list_has_336_entries_numbered_in_order():
    signatories = porto_signatories()
    assert len(signatories) == 336
    assert [signatory.number for signatory in signatories] == list(range(1, 337))
    assert signatories[0].name == "International Drug Policy Consortium"
    assert signatories[1].name == "1Tribe1Nation Consulting Services"  # starts with a digit, not a number


def test_names_wrapped_over_lines_and_blank_lines_are_joined_whole():
    names = {signatory.number: signatory.name for signatory in porto_signatories()}
    assert names[3] == "A New PATH (Parents for Addiction Treatment & Healing)"
    assert names[26] == "AS – Center for the Empowerment Youth of people who are living with HIV and AIDS in Serbia"
    assert names[70] == "Centre des R.O.S.É.S. de l’Abitibi-Témiscamingue"  # hyphenated, so no space
    assert names[314] == "Transnational Institute - Drugs & Democracy programme"
    assert names[319] == (
        "UNITE Global Network of Parliamentarians to End HIV/AIDS, viral hepatitis and other infectious diseases"
    )
    assert names[99] == "Dejusticia"  # numbered after a stray space


def test_names_in_any_script_are_kept_exactly():
    names = {signatory.number: signatory.name for signatory in porto_signatories()}
    assert names[118] == "Élixir"
    assert names[111] == "Društvo AREAL"
    assert names[336] == "СВОН Плюс"
    assert names[305] == 'Support Foundation "RIGRA"'


def test_the_organisation_listed_twice_is_found_and_merged():
    signatories = porto_signatories()
    duplicates = find_duplicate_signatories(signatories)
    assert [(duplicate.numbers, duplicate.name) for duplicate in duplicates] == [
        ((72, 73), "Centre for Research and Information on Substance Abuse")
    ]
    distinct = distinct_signatories(signatories)
    assert len(distinct) == 335
    assert [signatory.number for signatory in distinct if signatory.number in (72, 73)] == [72]


def test_a_wrapped_line_that_looks_numbered_out_of_sequence_continues_the_name():
    text = "List\n1. Forum for the\n5. Sustainable Development Goals\n2. Next Organisation\n"
    assert parse_signatory_list(text) == [
        Signatory(1, "Forum for the 5. Sustainable Development Goals"),
        Signatory(2, "Next Organisation"),
    ]


def test_the_committed_csv_holds_each_porto_signatory_once_with_countries_only_from_names():
    with PORTO_CSV.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [row["name"] for row in rows] == [signatory.name for signatory in distinct_signatories(porto_signatories())]
    by_name = {row["name"]: row for row in rows}
    assert by_name["AAFNO Nepal"]["countries"] == "NP"
    assert by_name["Paroles Autour de la Santé (Mali, Côte d'Ivoire, Guadeloupe, Niger)"]["countries"] == "ML,CI,GP,NE"
    assert by_name["International Drug Policy Consortium"]["countries"] == ""
    assert by_name["Nigerian Network of People Who Use Drugs"]["kind"] == "pwud_network"
    assert {row["kind"] for row in rows} <= {"ngo", "pwud_network", "media", "research"}
    assert "contact_email" not in rows[0]
