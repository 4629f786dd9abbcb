import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stoptheharm.organisations.models import OrganisationKind, OrganisationScope
from stoptheharm.organisations.tests.factories import add_organisation
from stoptheharm.organisations.views import ORGANISATIONS_PER_PAGE

DIRECTORY = "/en/organisations/"
PRIVATE = "private-contact@example.org"  # every organisation from add_organisation has it


@pytest.fixture
def directory(db):
    return {
        "elixir": add_organisation("Élixir", countries=["FR"], website="https://elixir.example.org"),
        "hri": add_organisation(
            "Harm Reduction International", short_name="HRI", scope=OrganisationScope.GLOBAL, is_member=True
        ),
        "inpud": add_organisation(
            "International Network of People who Use Drugs",
            short_name="INPUD",
            kind=OrganisationKind.PEOPLE_WHO_USE_DRUGS,
            scope=OrganisationScope.GLOBAL,
            is_member=True,
        ),
        "andrey": add_organisation("Фонд Андрея Рылькова", countries=["RU"], description="Drop-in and outreach."),
        "quebec": add_organisation("Association Québécoise des centres d’intervention", countries=["CA", "FR"]),
    }


def page(client, path: str = DIRECTORY, **query) -> str:
    response = client.get(path, query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("query", "found", "not_found"),
    [
        ("elixir", "Élixir", "Harm Reduction International"),
        ("ÉLIX", "Élixir", "Harm Reduction International"),
        ("quebecoise", "Association Québécoise", "Élixir"),
        ("андрея", "Фонд Андрея Рылькова", "Élixir"),
        ("hri", "Harm Reduction International", "Élixir"),  # the short name too
        ("people drugs", "International Network of People who Use Drugs", "Harm Reduction International"),
    ],
)
def test_the_search_ignores_case_and_accents(client, directory, query, found, not_found):
    content = page(client, q=query)
    assert found in content
    assert not_found not in content


@pytest.mark.parametrize(
    ("query", "found", "not_found"),
    [
        ({"country": "FR"}, "Association Québécoise", "Harm Reduction International"),
        ({"region": "europe"}, "Фонд Андрея Рылькова", "Harm Reduction International"),
        ({"region": "americas"}, "Association Québécoise", "Фонд Андрея Рылькова"),
        ({"scope": "global"}, "Harm Reduction International", "Élixir"),
        ({"kind": "pwud_network"}, "International Network of People who Use Drugs", "Harm Reduction International"),
        ({"member": "on"}, "Harm Reduction International", "Élixir"),
    ],
)
def test_the_directory_filters_by_country_region_reach_kind_and_membership(client, directory, query, found, not_found):
    content = page(client, **query)
    assert found in content
    assert not_found not in content


def test_a_filter_value_it_cannot_use_is_ignored_with_a_message(client, directory):
    content = page(client, country="XX", kind="club")
    assert "Élixir" in content
    assert "Harm Reduction International" in content
    assert "Select a valid choice" in content


def test_the_directory_counts_organisations_by_country_and_marks_members(client, directory):
    content = page(client)
    assert '<a href="?country=FR">France</a></td><td>2</td>' in content
    assert '<a href="?country=RU">Russia</a></td><td>1</td>' in content
    assert content.count('<span class="badge">Coalition member</span>') == 2
    assert "2 organisations have joined the coalition." in content
    assert PRIVATE not in content


@pytest.mark.django_db
def test_the_directory_is_paginated_keeping_the_search(client):
    for number in range(ORGANISATIONS_PER_PAGE + 3):
        add_organisation(f"Network {number:03d}")
    first = page(client, q="network")
    assert "Network 000" in first
    assert "Network 052" not in first
    assert 'href="?q=network&amp;page=2"' in first
    second = page(client, q="network", page="2")
    assert "Network 052" in second
    assert "Network 000" not in second
    assert "Network 000" in page(client, q="network", page="not a number")


def test_the_directory_reads_the_database_as_often_for_many_organisations_as_for_few(client, directory):
    page(client)  # the first request also reads the site, which Wagtail then keeps
    with CaptureQueriesContext(connection) as few:
        page(client)
    for number in range(20):
        add_organisation(f"Extra {number}", countries=["PT"], is_member=True)
    with CaptureQueriesContext(connection) as many:
        page(client)
    assert len(many) == len(few)


def test_the_directory_works_in_every_language(client, directory):
    content = page(client, "/fr/organisations/", q="elixir")
    assert "Élixir" in content
    assert '<html lang="fr"' in content


def test_an_organisations_page_shows_its_public_details_and_never_its_contact(client, directory):
    content = page(client, directory["andrey"].get_absolute_url())
    assert "Фонд Андрея Рылькова" in content
    assert "Drop-in and outreach." in content
    assert "Russia" in content
    assert PRIVATE not in content
    hri = page(client, directory["hri"].get_absolute_url())
    assert '<span class="badge">Coalition member</span>' in hri


@pytest.mark.django_db
def test_an_unknown_organisation_is_not_found(client):
    assert client.get("/en/organisations/999999/").status_code == 404
