from io import StringIO

import pytest
from django.core.management import call_command

from stoptheharm.organisations.models import OrganisationKind
from stoptheharm.organisations.tests.factories import add_organisation


@pytest.fixture
def organisations(db):
    return [
        add_organisation("Harm Reduction International", short_name="HRI", is_member=True, is_verified=True),
        add_organisation(
            "International Network of People who Use Drugs",
            short_name="INPUD",
            kind=OrganisationKind.PEOPLE_WHO_USE_DRUGS,
            is_member=True,
        ),
        add_organisation("Daily Drug News", kind=OrganisationKind.MEDIA),
    ]


def listed(admin_client, url: str, **query) -> str:
    response = admin_client.get(url, query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_staff_find_organisations_by_name_or_short_name(admin_client, organisations):
    by_short_name = listed(admin_client, "/admin/snippets/organisations/organisation/", q="INPUD")
    assert "International Network of People who Use Drugs" in by_short_name
    assert "Harm Reduction International" not in by_short_name
    by_name = listed(admin_client, "/admin/snippets/organisations/organisation/", q="Harm Reduct")
    assert "Harm Reduction International" in by_name
    assert "Daily Drug News" not in by_name


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"kind": "media"}, "Daily Drug News", "Harm Reduction International"),
        ({"is_member": "false"}, "Daily Drug News", "Harm Reduction International"),
        ({"is_verified": "true"}, "Harm Reduction International", "Daily Drug News"),
    ],
)
def test_staff_filter_organisations_by_kind_membership_and_verification(
    admin_client, organisations, query, shown, hidden
):
    content = listed(admin_client, "/admin/snippets/organisations/organisation/", **query)
    assert shown in content
    assert hidden not in content


@pytest.mark.django_db
def test_the_chooser_used_by_petitions_finds_organisations(admin_client, organisations):
    content = listed(admin_client, "/admin/snippets/choose/organisations/organisation/results/", q="HRI")
    assert "Harm Reduction International" in content
    assert "Daily Drug News" not in content


@pytest.mark.django_db
def test_staff_find_organisations_created_by_an_import(admin_client, tmp_path):
    path = tmp_path / "organisations.csv"
    path.write_text("name,kind\nÉlixir,ngo\nДругая организация,ngo\n", encoding="utf-8")
    call_command("import_organisations", str(path), stdout=StringIO())
    content = listed(admin_client, "/admin/snippets/organisations/organisation/", q="Élixir")
    assert "Élixir" in content
    assert "Другая организация" not in content
