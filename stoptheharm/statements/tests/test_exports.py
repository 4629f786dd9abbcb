"""Staff exports of endorsements with their contacts: permission, log, spreadsheet safety."""

import csv
import io

import pytest
from wagtail.models import ModelLogEntry, PageLogEntry

from stoptheharm.statements.models import EndorsementStatus, Signers
from stoptheharm.statements.tests.factories import add_endorsement, add_individual, create_statement
from stoptheharm.statements.tests.test_admin import staff


def rows_of(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.fixture
def open_statement(section):
    statement = create_statement(parent=section, signers=Signers.ORGANISATIONS_AND_INDIVIDUALS)
    add_endorsement(statement, '=HYPERLINK("http://evil.example")', contact_email="first@example.org")
    add_endorsement(statement, "Waiting NGO", status=EndorsementStatus.AWAITING_MODERATION)
    add_individual(statement, "Ana Lima", email="ana@example.org", affiliation="@nurse")
    return statement


@pytest.mark.django_db
def test_staff_with_the_export_permission_download_contacts_and_the_export_is_logged(client, open_statement):
    exporter = staff("exporter", "export_endorsements")
    client.force_login(exporter)
    response = client.get(f"/admin/statements/{open_statement.pk}/organisation-endorsements.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    header, *rows = rows_of(response)
    assert header[:2] == ["organisation", "directory_id"]
    assert {row[7] for row in rows} == {"first@example.org", "contact@example.org"}
    assert rows[0][0] == '\'=HYPERLINK("http://evil.example")'  # a formula stays text

    individuals = rows_of(client.get(f"/admin/statements/{open_statement.pk}/individual-endorsements.csv"))
    assert individuals[1][:4] == ["Ana Lima", "PT", "'@nurse", "ana@example.org"]

    entries = PageLogEntry.objects.filter(action="stoptheharm.statements.export_endorsements").order_by("pk")
    assert [(entry.user_id, entry.page_id, entry.data) for entry in entries] == [
        (exporter.pk, open_statement.pk, {"kind": "organisations", "rows": 2}),
        (exporter.pk, open_statement.pk, {"kind": "individuals", "rows": 1}),
    ]
    assert entries[0].timestamp is not None


@pytest.mark.django_db
def test_staff_without_the_export_permission_get_nothing_and_nothing_is_logged(client, open_statement):
    client.force_login(staff("moderator", "moderate_endorsements", "view_endorsement"))
    for kind in ("organisation", "individual"):
        response = client.get(f"/admin/statements/{open_statement.pk}/{kind}-endorsements.csv")
        assert response.status_code in {302, 403}
        assert "first@example.org" not in response.content.decode()
    assert not PageLogEntry.objects.filter(action="stoptheharm.statements.export_endorsements").exists()
    assert not ModelLogEntry.objects.filter(action="stoptheharm.statements.export_endorsements").exists()


@pytest.mark.django_db
def test_the_page_header_offers_the_export_only_with_the_permission(client, open_statement):
    url = f"/admin/statements/{open_statement.pk}/organisation-endorsements.csv"
    client.force_login(staff("editor"))
    assert url not in client.get(f"/admin/pages/{open_statement.pk}/edit/").content.decode()
    client.force_login(staff("exporter", "export_endorsements"))
    assert url in client.get(f"/admin/pages/{open_statement.pk}/edit/").content.decode()


@pytest.mark.django_db
def test_the_public_csv_never_has_contacts(client, open_statement):
    content = client.get(f"/en/statements/{open_statement.pk}/signatories.csv").content.decode()
    assert "first@example.org" not in content and "Maria Santos" not in content
