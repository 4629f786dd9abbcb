from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from stoptheharm.organisations.models import Organisation
from stoptheharm.organisations.tests.factories import add_organisation

PORTO_CSV = Path(__file__).parents[1] / "data" / "porto_2019_signatories.csv"
HEADER = "name,short_name,kind,countries,website,languages,is_member\n"


def write(tmp_path, content: str | bytes) -> Path:
    path = tmp_path / "organisations.csv"
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def run_import(path: Path, *options: str) -> str:
    output = StringIO()
    call_command("import_organisations", str(path), *options, stdout=output)
    return output.getvalue()


@pytest.mark.django_db
def test_a_file_is_imported_with_every_column(tmp_path):
    path = write(
        tmp_path,
        HEADER
        + 'Élixir,ELX,ngo,"FR, BE",https://elixir.example.org,"fr, en",yes\n'
        + "Фонд Андрея Рылькова,,pwud_network,RU,,ru,no\n",
    )
    assert run_import(path).strip() == "2 organisation(s) created, 0 updated, 0 unchanged."
    elixir = Organisation.objects.get(short_name="ELX")
    assert elixir.name == "Élixir"
    assert [country.code for country in elixir.countries] == ["BE", "FR"]
    assert elixir.is_member
    assert elixir.normalised_name == "elixir"
    assert Organisation.objects.get(name="Фонд Андрея Рылькова").kind == "pwud_network"


@pytest.mark.django_db
def test_a_reimport_updates_the_organisations_it_matches_and_never_duplicates(tmp_path):
    existing = add_organisation("Élixir", website="https://old.example.org", contact_email="staff@example.org")
    path = write(tmp_path, "name,kind,website\nELIXIR,ngo,https://elixir.example.org\nNew One,ngo,\n")
    assert run_import(path).strip() == "1 organisation(s) created, 1 updated, 0 unchanged."
    assert run_import(path).strip() == "0 organisation(s) created, 0 updated, 2 unchanged."
    existing.refresh_from_db()
    assert Organisation.objects.count() == 2
    assert existing.website == "https://elixir.example.org"
    assert existing.contact_email == "staff@example.org"  # a column the file does not have is left as it is


@pytest.mark.django_db
def test_keep_existing_only_adds_organisations(tmp_path):
    existing = add_organisation("Élixir", website="https://old.example.org")
    path = write(tmp_path, "name,kind,website\nElixir,ngo,https://new.example.org\nNew One,ngo,\n")
    assert run_import(path, "--keep-existing").strip() == "1 organisation(s) created, 0 updated, 1 unchanged."
    existing.refresh_from_db()
    assert existing.website == "https://old.example.org"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("bad_row", "reason"),
    [
        ("Bad Country,,ngo,XX,,,no", "countries: Value 'XX' is not a valid choice."),
        ("Bad Site,,ngo,,javascript:alert(1),,no", "website: Enter a valid URL."),
        ("Bad Kind,,club,,,,no", "kind: Value 'club' is not a valid choice."),
        ("x" * 256 + ",,ngo,,,,no", "name: Ensure this value has at most 255 characters (it has 256)."),
        ("Bad Languages,,ngo,,,English,no", "languages: Enter language codes"),
        ("Evil\u202eCorp,,ngo,,,,no", "The name contains control or invisible formatting characters."),
        ("<b>Bold</b>,,ngo,,,,no", "The name contains HTML"),
        ("Bad Member,,ngo,,,,perhaps", 'The is_member must be "yes" or "no", not "perhaps".'),
        ("Too,Many,ngo,,,,no,cells", "8 cells where the first line names 7 columns."),
        ("Élixir Inc.,,ngo,,,,no", "The same organisation as line 2"),
        (",,ngo,,,,no", "name: This field cannot be blank."),
    ],
)
def test_a_bad_row_rejects_the_whole_file_with_its_line_and_reason(tmp_path, bad_row, reason):
    path = write(tmp_path, HEADER + "Élixir,,ngo,FR,,,no\nGood Two,,ngo,,,,no\n" + bad_row + "\n")
    with pytest.raises(CommandError) as rejected:
        run_import(path)
    assert "Line 4: " + reason in str(rejected.value)
    assert "Nothing was imported." in str(rejected.value)
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_a_file_that_is_not_utf8_is_refused_with_the_line_of_the_first_bad_byte(tmp_path):
    path = write(tmp_path, HEADER.encode() + "Élixir,,ngo,,,,no\n".encode("latin-1"))
    with pytest.raises(
        CommandError, match=r'Line 2: The file is not UTF-8 text\. Save it from your spreadsheet as "CSV'
    ):
        run_import(path)
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_a_byte_order_mark_from_a_spreadsheet_is_accepted(tmp_path):
    run_import(write(tmp_path, "\ufeffname,kind\nÉlixir,ngo\n"))
    assert Organisation.objects.get().name == "Élixir"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "The file is empty"),
        ("name,website\nÉlixir,\n", "Line 1: Missing column(s): kind."),
        ("name,kind,colour\nÉlixir,ngo,red\n", "Line 1: Unknown column(s): colour."),
        ("name,kind,name\nÉlixir,ngo,Élixir\n", "Line 1: Column(s) named twice: name."),
    ],
)
def test_missing_unknown_or_repeated_columns_are_refused(tmp_path, content, message):
    with pytest.raises(CommandError) as rejected:
        run_import(write(tmp_path, content))
    assert message in str(rejected.value)


@pytest.mark.django_db
def test_an_unreadable_file_is_reported(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run_import(tmp_path / "missing.csv")


@pytest.mark.django_db
def test_a_description_over_several_lines_keeps_the_line_numbers_of_later_rows(tmp_path):
    path = write(tmp_path, 'name,kind,description\nOne,ngo,"First line\nsecond line"\nTwo,club,\n')
    with pytest.raises(CommandError, match="Line 4: kind"):
        run_import(path)


@pytest.mark.django_db
def test_the_committed_porto_csv_imports_335_organisations_and_again_changes_nothing():
    assert run_import(PORTO_CSV).strip() == "335 organisation(s) created, 0 updated, 0 unchanged."
    assert run_import(PORTO_CSV).strip() == "0 organisation(s) created, 0 updated, 335 unchanged."
    assert Organisation.objects.count() == 335
    assert not Organisation.objects.exclude(contact_email="").exists()
