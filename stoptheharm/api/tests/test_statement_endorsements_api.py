import json
import re
from datetime import timedelta
from email import message_from_bytes

import pytest
from django.utils import timezone
from wagtail.models import Site

from stoptheharm.organisations.tests.factories import add_organisation
from stoptheharm.statements.models import Endorsement, EndorsementStatus
from stoptheharm.statements.tests.factories import add_endorsement, create_statement

NEW_ORGANISATION = {
    "name": "Brand New Collective",
    "kind": "ngo",
    "country": "PT",
    "website": "https://brand-new.example.org",
    "contact_name": "Maria Santos",
    "contact_email": "maria@example.org",
    "confirms_authority": True,
    "consent": True,
}


@pytest.fixture
def statement(db):
    return create_statement(parent=Site.objects.get(is_default_site=True).root_page)


def post(client, slug, payload):
    return client.post(f"/api/v1/statements/{slug}/endorsements/", json.dumps(payload), content_type="application/json")


@pytest.mark.django_db
def test_a_new_organisation_endorses_and_the_contact_confirms_from_a_real_mail_server(
    client, statement, smtp_inbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, statement.slug, NEW_ORGANISATION)
    assert response.status_code == 202
    assert response.json() == {"status": "pending_confirmation"}
    endorsement = Endorsement.objects.get()
    assert (endorsement.proposed_name, endorsement.proposed_country.code) == ("Brand New Collective", "PT")

    [(_sender, recipients, content)] = smtp_inbox.messages
    assert recipients == ["maria@example.org"]
    text = message_from_bytes(content).get_payload()[0].get_payload(decode=True).decode()
    client.post(re.search(r"https?://[^/]+(/en/statements/confirm/\S+)", text).group(1))
    endorsement.refresh_from_db()
    assert endorsement.status == EndorsementStatus.AWAITING_MODERATION


@pytest.mark.django_db
def test_a_directory_organisation_already_listed_gets_the_same_answer_and_nothing_changes(client, statement):
    organisation = add_organisation("Élixir")
    add_endorsement(statement, organisation, contact_email="first@example.org")
    payload = {key: NEW_ORGANISATION[key] for key in ("contact_name", "contact_email", "confirms_authority", "consent")}
    response = post(client, statement.slug, payload | {"organisation": organisation.pk})
    assert response.status_code == 202
    assert response.json() == {"status": "pending_confirmation"}
    assert "first@example.org" not in response.content.decode()
    assert Endorsement.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": "x" * 256}, "name"),
        ({"name": "Real\u202eOrg"}, "name"),
        ({"website": "not a website"}, "website"),
        ({"country": "XX"}, "country"),
        ({"kind": "spaceship"}, "kind"),
        ({"contact_email": "nope"}, "contact_email"),
        ({"confirms_authority": False}, "confirms_authority"),
        ({"consent": False}, "consent"),
        ({"name": ""}, "name"),
        ({"organisation": 999999}, "organisation"),
    ],
)
@pytest.mark.django_db
def test_bad_input_gets_per_field_errors(client, statement, change, field):
    payload = NEW_ORGANISATION | change
    if change.get("organisation"):
        payload = {key: value for key, value in payload.items() if key != "name"}
    response = post(client, statement.slug, payload)
    assert response.status_code == 400
    assert field in response.json()
    assert not Endorsement.objects.exists()


@pytest.mark.django_db
def test_a_closed_statement_answers_409_and_an_unknown_one_404(client, statement):
    assert post(client, "no-such-statement", NEW_ORGANISATION).status_code == 404
    statement.closes_at = timezone.now() - timedelta(days=1)
    statement.save_revision().publish()
    assert post(client, statement.slug, NEW_ORGANISATION).status_code == 409


@pytest.mark.django_db
def test_over_the_limits_answers_429_with_retry_after(client, statement, settings):
    settings.STATEMENT_LIMITS = settings.STATEMENT_LIMITS | {"per_email": 1}
    assert post(client, statement.slug, NEW_ORGANISATION).status_code == 202
    response = post(client, statement.slug, NEW_ORGANISATION | {"name": "Another Collective"})
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= settings.STATEMENT_LIMITS["window_seconds"]


@pytest.mark.django_db
def test_the_endorsement_endpoint_is_in_the_openapi_schema(client):
    schema = json.loads(client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").content)
    endorse = schema["paths"]["/api/v1/statements/{slug}/endorsements/"]["post"]
    assert {"202", "400", "404", "409", "429"} <= set(endorse["responses"])
    fields = schema["components"]["schemas"]["EndorsementInput"]["properties"]
    assert {"organisation", "name", "contact_email", "confirms_authority", "consent"} <= set(fields)
