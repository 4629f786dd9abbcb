import csv
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from stoptheharm.core.tests.pdf_fonts import glyphs_by_font
from stoptheharm.organisations.models import Organisation
from stoptheharm.statements.models import EndorsementStatus, Signers, StatementPage
from stoptheharm.statements.tests.factories import add_endorsement, add_individual, create_statement

SIGNATORIES = [  # name, countries: in the order a person files them
    ("Acción Semilla", ["BO"]),
    ("AIDES", ["FR"]),
    ("Élixir", ["FR", "BE"]),
    ("Harm Reduction International", []),
    ("Östliches Netz", ["AT"]),
    ("Άλφα Πλους", ["GR"]),
    ("СВОН Плюс", ["RU"]),
]


@pytest.fixture
def signed(statement):
    """The statement signed by SIGNATORIES (added in reverse), plus one pending, one waiting and one rejected."""
    for name, countries in reversed(SIGNATORIES):
        add_endorsement(statement, name, countries=countries, website=f"https://{len(name)}.example")
    add_endorsement(statement, "Pending Org", status=EndorsementStatus.PENDING, contact_email="secret1@example.org")
    add_endorsement(statement, "Waiting Org", status=EndorsementStatus.AWAITING_MODERATION)
    add_endorsement(statement, '=HYPERLINK("http://x")', status=EndorsementStatus.REJECTED)
    return statement


def listed_names(content: str) -> list[str]:
    items = re.search(r'<ol class="signatories__list">(.*?)</ol>', content, re.S).group(1)
    return [re.sub(r"<[^>]+>", "", item).split(" (")[0] for item in re.findall(r'<li value="\d+">(.*?)</li>', items)]


@pytest.mark.django_db
def test_the_page_lists_only_approved_organisations_numbered_in_collation_order(client, signed):
    content = client.get(signed.url).content.decode()
    assert "7 organisations have signed" in content
    assert listed_names(content) == [name for name, _countries in SIGNATORIES]
    assert '<li value="3"><a href="https://6.example" rel="noopener noreferrer">Élixir</a>' in content
    assert '<span class="signatories__countries">(Belgium, France)</span>' in content
    for hidden in (
        "Pending Org",
        "Waiting Org",
        "HYPERLINK",
        "contact@example.org",
        "secret1@example.org",
        "Maria Santos",
    ):
        assert hidden not in content


@pytest.mark.django_db
def test_counts_by_country_and_region_count_an_organisation_in_each_of_its_places(client, signed):
    content = client.get(signed.url).content.decode()
    assert "<tr><td>France</td><td>2</td></tr>" in content
    assert "<tr><td>Belgium</td><td>1</td></tr>" in content
    assert "<tr><td>Europe</td><td>5</td></tr>" in content
    assert "<tr><td>Americas</td><td>1</td></tr>" in content
    assert "<tr><td>Worldwide</td><td>1</td></tr>" in content


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"country": "fr"}, [(2, "AIDES"), (3, "Élixir")]),
        ({"region": "europe", "country": "BE"}, [(3, "Élixir")]),
        ({"region": "worldwide"}, [(4, "Harm Reduction International")]),
        ({"country": "XX", "region": "<script>"}, None),  # unknown values are ignored: the whole list
    ],
)
def test_filters_narrow_the_list_and_keep_each_organisations_number(client, signed, query, expected):
    content = client.get(signed.url, query).content.decode()
    numbered = [(int(number), name) for number, name in re.findall(r'<li value="(\d+)"><a [^>]+>(.*?)</a>', content)]
    if expected is None:
        assert len(numbered) == 7
        assert "<script>" not in content
    else:
        assert numbered == expected


@pytest.mark.django_db
def test_the_csv_has_the_public_list_without_contact_data(client, signed):
    response = client.get(f"/en/statements/{signed.pk}/signatories.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="signatories-{signed.slug}.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["number", "name", "short_name", "countries", "website", "kind"]
    assert [row[1] for row in rows[1:]] == [name for name, _countries in SIGNATORIES]
    assert rows[3] == ["3", "Élixir", "", "BE FR", "https://6.example", "ngo"]
    assert "example.org" not in response.content.decode()
    filtered = client.get(f"/en/statements/{signed.pk}/signatories.csv", {"country": "GR"}).content.decode("utf-8-sig")
    assert filtered.splitlines()[1:] == ["6,Άλφα Πλους,,GR,https://10.example,ngo"]


@pytest.mark.django_db
def test_a_name_a_spreadsheet_would_run_as_a_formula_is_neutralised_in_the_csv(client, statement):
    add_endorsement(statement, '=HYPERLINK("http://x")')
    body = client.get(f"/en/statements/{statement.pk}/signatories.csv").content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(body)))[1][1] == '\'=HYPERLINK("http://x")'


@pytest.mark.django_db
def test_the_pdf_holds_the_statement_its_references_and_every_approved_name(client, signed):
    response = client.get(f"/en/statements/{signed.pk}/statement.pdf")
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert reader.metadata.title == signed.title
    assert "HIV is rising among people who inject drugs 1." in text
    assert "1. UNAIDS (2019), Health, rights and drugs https://www.unaids.org/" in text
    assert "7 organisations have signed" in text
    for number, (name, _countries) in enumerate(SIGNATORIES, start=1):
        assert f"{number}. {name}" in text
    for hidden in ("Pending Org", "Waiting Org", "HYPERLINK", "example.org", "Maria"):
        assert hidden not in text


@pytest.mark.django_db
def test_the_pdf_of_a_long_list_runs_over_pages_with_every_name(client, statement):
    names = [f"Organisation {number:03d}" for number in range(120)]
    for name in names:
        add_endorsement(statement, name)
    reader = PdfReader(io.BytesIO(client.get(f"/en/statements/{statement.pk}/statement.pdf").content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 3
    assert all(f"{number}. {name}" in text for number, name in enumerate(names, start=1))
    assert f"Page 1 of {len(reader.pages)}" in text


@pytest.mark.django_db
def test_the_pdf_lists_names_in_arabic_and_chinese_script_over_pages_numbered_in_full(client, statement):
    for number in range(60):
        add_endorsement(statement, f"Network {number:02d}")
    add_endorsement(statement, "جمعية العون الصحي", countries=["LB"])
    add_endorsement(statement, "香港戒毒會", countries=["HK"])
    data = client.get(f"/en/statements/{statement.pk}/statement.pdf").content
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 2 and f"Page 1 of {len(reader.pages)}" in text
    assert "62. 香港戒毒會 (Hong Kong" in text
    glyphs = glyphs_by_font(data)
    assert set("".join(glyphs["NotoSansArabic"])) >= set("جمعية العون الصحي") - {" "}
    assert "61. الصحي العون جمعية" in text  # drawn right to left: pypdf reads the last word first


@pytest.mark.django_db
def test_individuals_have_their_own_numbered_list_csv_and_pdf_section(client, section):
    statement = create_statement(parent=section, slug="open-to-all", signers=Signers.ORGANISATIONS_AND_INDIVIDUALS)
    add_endorsement(statement, "AIDES", countries=["FR"])
    add_individual(statement, "Zoé Martin", country="FR", affiliation="nurse, Lyon")
    add_individual(statement, "Ана Иванова", country="RU", email="ana@example.org")
    add_individual(statement, "Pending Person", status=EndorsementStatus.PENDING)
    content = client.get(statement.url).content.decode()
    assert "1 organisation has signed" in content
    assert "2 individuals have signed" in content
    assert '<li value="1">Zoé Martin, nurse, Lyon <span class="signatories__countries">(France)</span></li>' in content
    assert '<li value="2">Ана Иванова <span class="signatories__countries">(Russia)</span></li>' in content
    assert "Pending Person" not in content
    assert "ana@example.org" not in content
    rows = client.get(f"/en/statements/{statement.pk}/individual-signatories.csv").content.decode("utf-8-sig")
    assert rows.splitlines() == [
        "number,name,country,affiliation",
        '1,Zoé Martin,FR,"nurse, Lyon"',
        "2,Ана Иванова,RU,",
    ]
    text = PdfReader(io.BytesIO(client.get(f"/en/statements/{statement.pk}/statement.pdf").content)).pages[0]
    assert "2. Ана Иванова (Russia)" in text.extract_text()


@pytest.mark.django_db
def test_a_statement_for_organisations_only_has_no_list_of_individuals(client, statement):
    assert "individuals have signed" not in client.get(statement.url).content.decode()
    rows = client.get(f"/en/statements/{statement.pk}/individual-signatories.csv").content.decode("utf-8-sig")
    assert rows.splitlines() == ["number,name,country,affiliation"]


@pytest.mark.django_db
def test_downloads_of_an_unpublished_or_unknown_statement_are_404(client, statement):
    statement.unpublish()
    for path in ("signatories.csv", "individual-signatories.csv", "statement.pdf"):
        assert client.get(f"/en/statements/{statement.pk}/{path}").status_code == 404
        assert client.get(f"/en/statements/99999999999/{path}").status_code == 404


@pytest.mark.django_db
def test_the_page_reads_its_signatories_in_a_fixed_number_of_queries(client, signed, django_assert_max_num_queries):
    client.get(signed.url)  # warms Wagtail's site and locale caches
    with CaptureQueriesContext(connection) as few:
        client.get(signed.url)
    for number in range(20):
        add_endorsement(signed, f"More {number}", countries=["PT"])
    with django_assert_max_num_queries(len(few)):
        content = client.get(signed.url).content.decode()
    assert "27 organisations have signed" in content


@pytest.mark.django_db
def test_an_organisations_public_page_lists_the_statements_it_signed_in_the_pages_language(client, demo_site):
    hri = Organisation.objects.get(short_name="HRI")
    english = client.get(hri.get_absolute_url()).content.decode()
    signed = StatementPage.objects.live().filter(locale__language_code="en")
    assert signed.exists()
    assert "Statements it signed" in english
    for statement in signed:
        assert statement.title in english
    french = client.get(f"/fr/organisations/{hri.pk}/").content.decode()
    for statement in StatementPage.objects.live().filter(locale__language_code="fr"):
        assert statement.title in french


@pytest.mark.django_db
@pytest.mark.parametrize("status", [EndorsementStatus.AWAITING_MODERATION, EndorsementStatus.REJECTED])
def test_an_organisation_not_approved_on_a_statement_does_not_list_it(client, statement, status):
    endorsement = add_endorsement(statement, "Waiting Network", status=status)
    content = client.get(endorsement.organisation.get_absolute_url()).content.decode()
    assert "Waiting Network" in content
    assert "Statements it signed" not in content
    add_endorsement(statement, "Listed Network")
    listed = Organisation.objects.get(name="Listed Network")
    assert statement.title in client.get(listed.get_absolute_url()).content.decode()
