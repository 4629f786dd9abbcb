"""The public endorsing forms, through HTML: find, describe, confirm by e-mail (a real SMTP server), refusals."""

import re
import time
from datetime import timedelta
from email import message_from_bytes

import pytest
from django.utils import timezone

from stoptheharm.core.forms import started_stamp
from stoptheharm.organisations.models import OrganisationKind
from stoptheharm.organisations.tests.factories import add_organisation
from stoptheharm.statements import services, tokens
from stoptheharm.statements.forms import STARTED_SALT
from stoptheharm.statements.models import Endorsement, EndorsementStatus, IndividualEndorsement, Signers
from stoptheharm.statements.tests.factories import add_endorsement, create_statement

CONTACT = {
    "contact_name": "Maria Santos",
    "contact_email": "Maria@Example.org",
    "confirms_authority": "on",
    "consent": "on",
}


def started() -> str:
    return started_stamp(salt=STARTED_SALT, moment=time.time() - 30)  # shown half a minute ago


def endorse(client, statement, **fields):
    return client.post(f"/en/statements/{statement.pk}/endorse/", CONTACT | {"started": started()} | fields)


def text_of(content: bytes) -> str:
    return message_from_bytes(content).get_payload()[0].get_payload(decode=True).decode()


@pytest.fixture
def elixir(db):
    return add_organisation("Élixir Association", countries=["FR"], website="https://elixir.example.org")


@pytest.mark.django_db
def test_an_open_statement_shows_the_forms_and_a_closed_one_does_not(client, section):
    open_statement = create_statement(parent=section, signers=Signers.ORGANISATIONS_AND_INDIVIDUALS)
    closed = create_statement(parent=section, slug="closed", closes_at=timezone.now() - timedelta(days=1))

    content = client.get(open_statement.url).content.decode()
    assert f'action="/en/statements/{open_statement.pk}/endorse/#endorse"' in content
    assert f'action="/en/statements/{open_statement.pk}/sign/#sign"' in content
    assert "/static/statements/endorse.js" in content
    assert "endorse/" not in client.get(closed.url).content.decode()


@pytest.mark.django_db
def test_searching_without_javascript_lists_the_directory_matches_and_keeps_what_was_typed(client, statement, elixir):
    response = endorse(client, statement, query="elixir", find="1", contact_name="Maria Santos")
    content = response.content.decode()
    assert f'<input type="radio" name="organisation" value="{elixir.pk}">' in content
    assert "Élixir Association" in content
    assert 'value="Maria Santos"' in content
    assert "form__error" not in content  # a search is not a submission
    assert not Endorsement.objects.exists()


@pytest.mark.django_db
def test_the_whole_flow_a_contact_endorses_confirms_by_e_mail_and_a_moderator_approves(
    client, statement, elixir, smtp_inbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = endorse(client, statement, organisation=str(elixir.pk))
    assert response.status_code == 302
    assert response["Location"] == f"/en/statements/{statement.pk}/thank-you/"
    assert "Check your e-mail" in client.get(response["Location"]).content.decode()

    [(_sender, recipients, content)] = smtp_inbox.messages
    assert recipients == ["maria@example.org"]
    message = message_from_bytes(content)
    assert "Please confirm your endorsement" in message["Subject"]
    html = message.get_payload()[1].get_payload(decode=True).decode()
    assert "<img" not in html  # no tracking pixel
    confirm_path = re.search(r"https?://[^/]+(/en/statements/confirm/\S+)", text_of(content)).group(1)
    endorsement = Endorsement.objects.get()
    assert endorsement.status == EndorsementStatus.PENDING

    assert "Confirm the endorsement" in client.get(confirm_path).content.decode()
    endorsement.refresh_from_db()
    assert endorsement.status == EndorsementStatus.PENDING  # opening the link changes nothing
    assert "the endorsement is confirmed" in client.post(confirm_path).content.decode()
    assert client.post(confirm_path).status_code == 200  # twice is harmless
    endorsement.refresh_from_db()
    assert endorsement.status == EndorsementStatus.AWAITING_MODERATION
    assert "Élixir Association" not in client.get(statement.url).content.decode().split("have signed")[1]

    services.approve_endorsement(endorsement_id=endorsement.pk)
    page = client.get(statement.url).content.decode()
    assert "1 organisation has signed" in page
    assert "maria@example.org" not in page and "Maria Santos" not in page


@pytest.mark.django_db
def test_a_french_contact_gets_a_french_email(
    client, statement, elixir, smtp_inbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/fr/statements/{statement.pk}/endorse/",
            CONTACT | {"started": started(), "organisation": str(elixir.pk)},
        )
    [(_sender, _recipients, content)] = smtp_inbox.messages
    assert "/fr/statements/confirm/" in text_of(content)
    assert "Veuillez confirmer" in message_from_bytes(content)["Subject"]


@pytest.mark.django_db
def test_an_altered_expired_or_guessed_link_confirms_nothing(client, statement, elixir, monkeypatch):
    endorsement = add_endorsement(statement, elixir, status=EndorsementStatus.PENDING)
    token = tokens.confirmation_token(tokens.ORGANISATION, endorsement.pk, endorsement.secret)
    wrong_secret = tokens.confirmation_token(tokens.ORGANISATION, endorsement.pk, "guess")
    as_individual = tokens.confirmation_token(tokens.INDIVIDUAL, endorsement.pk, endorsement.secret)
    for bad in (f"{token}x", wrong_secret, as_individual):
        assert client.post(f"/en/statements/confirm/{bad}/").status_code == 404
    monkeypatch.setattr(tokens, "CONFIRMATION_VALIDITY", timedelta(seconds=-1))  # as if eight days had passed
    assert client.post(f"/en/statements/confirm/{token}/").status_code == 404
    endorsement.refresh_from_db()
    assert endorsement.status == EndorsementStatus.PENDING
    monkeypatch.undo()
    assert client.post(f"/en/statements/confirm/{token}/").status_code == 200


@pytest.mark.django_db
def test_a_new_organisation_like_one_in_the_directory_is_offered_the_matches_first(client, statement, elixir):
    fields = {"name": "ELIXIR association", "kind": OrganisationKind.NGO, "country": "FR"}
    content = endorse(client, statement, **fields).content.decode()
    assert "The directory has organisations like this one" in content
    assert f'name="organisation" value="{elixir.pk}"' in content
    assert 'value="ELIXIR association"' in content
    assert not Endorsement.objects.exists()

    response = endorse(client, statement, **fields, is_different="on")
    assert response.status_code == 302
    assert Endorsement.objects.get().proposed_name == "ELIXIR association"


@pytest.mark.parametrize(
    "fields",
    [
        {"name": "Élixir Association"},  # exact
        {"name": "elixir association"},  # case and accents
        {"name": "Other name", "website": "https://www.elixir.example.org/about"},  # same domain
        {"name": "Elixir Asociation"},  # near name
    ],
    ids=["exact", "accents-and-case", "same-domain", "near-name"],
)
@pytest.mark.django_db
def test_duplicates_are_detected_on_submission(client, statement, elixir, fields):
    content = endorse(client, statement, kind=OrganisationKind.NGO, **fields).content.decode()
    assert f'name="organisation" value="{elixir.pk}"' in content
    assert not Endorsement.objects.exists()


@pytest.mark.django_db
def test_endorsing_again_says_listed_or_pending_without_naming_the_contact(client, statement, elixir):
    add_endorsement(statement, elixir, status=EndorsementStatus.AWAITING_MODERATION, contact_email="first@example.org")
    content = endorse(client, statement, organisation=str(elixir.pk), contact_name="Someone Else").content.decode()
    assert "already signed this statement, or its endorsement is being checked" in content
    assert "first@example.org" not in content and "Maria Santos" not in content.replace('value="Maria Santos"', "")
    assert Endorsement.objects.count() == 1


@pytest.mark.django_db
def test_a_second_proposal_of_the_same_new_organisation_is_already_pending(client, statement):
    fields = {"name": "Brand New Collective", "kind": OrganisationKind.NGO}
    assert endorse(client, statement, **fields).status_code == 302
    content = endorse(client, statement, **fields | {"name": "BRAND NEW COLLECTIVE"}).content.decode()
    assert "already signed this statement, or its endorsement is being checked" in content
    assert Endorsement.objects.count() == 1


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": "A" * 256, "kind": "ngo"}, "name", "at most 255 characters"),
        ({"name": "Real Org\u202egnp.exe", "kind": "ngo"}, "name", "invisible formatting"),
        ({"name": "Real Org", "kind": "ngo", "website": "not a site"}, "website", "Enter a valid URL"),
        ({"name": "Real Org", "kind": "ngo", "country": "XX"}, "country", "Select a valid choice"),
        ({"name": "Real Org", "kind": "spaceship"}, "kind", "Select a valid choice"),
        ({"name": "", "kind": ""}, "name", "Choose your organisation in the directory"),
        ({"organisation": "999999"}, "query", "not in the directory"),
        ({"name": "Real Org", "kind": "ngo", "contact_email": "nope"}, "contact_email", "valid email"),
        ({"name": "Real Org", "kind": "ngo", "confirms_authority": ""}, "confirms_authority", "Only someone who"),
        ({"name": "Real Org", "kind": "ngo", "consent": ""}, "consent", "with your agreement"),
    ],
    ids=["oversized", "bidi", "website", "country", "kind", "nothing", "unknown-id", "email", "authority", "consent"],
)
@pytest.mark.django_db
def test_bad_input_gets_an_error_beside_its_field_and_keeps_the_rest(client, statement, fields, field, message):
    data = {key: value for key, value in fields.items() if value != ""}
    data |= {key: "" for key, value in fields.items() if value == ""}
    content = endorse(client, statement, **data).content.decode()
    assert re.search(rf'<p class="form__error" id="id_{field}_error">[^<]*{message}', content), content[-3000:]
    assert 'value="Maria Santos"' in content
    assert not Endorsement.objects.exists()


@pytest.mark.django_db
def test_html_in_a_name_is_shown_as_text(client, statement):
    content = endorse(client, statement, name="<script>alert(1)</script>", kind="ngo", website="bad").content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


@pytest.mark.django_db
def test_the_honeypot_and_the_time_trap_store_nothing_but_look_the_same(client, statement, elixir):
    bot = endorse(client, statement, organisation=str(elixir.pk), homepage="http://spam.example")
    hasty = client.post(
        f"/en/statements/{statement.pk}/endorse/",
        CONTACT | {"organisation": str(elixir.pk), "started": started_stamp(salt=STARTED_SALT)},
    )
    assert bot.status_code == hasty.status_code == 302
    assert not Endorsement.objects.exists()


@pytest.mark.django_db
def test_over_the_limits_the_form_says_so(client, statement, settings):
    settings.STATEMENT_LIMITS = settings.STATEMENT_LIMITS | {"per_ip": 2}
    for number in range(2):
        assert endorse(client, statement, name=f"Collective {number}", kind="ngo").status_code == 302
    content = endorse(client, statement, name="Collective 3", kind="ngo").content.decode()
    assert "Too many endorsements were sent from here" in content
    assert Endorsement.objects.count() == 2


@pytest.mark.django_db
def test_a_form_from_another_site_is_refused(client, statement, elixir):
    response = client.post(
        f"/en/statements/{statement.pk}/endorse/",
        CONTACT | {"organisation": str(elixir.pk), "started": started()},
        headers={"Sec-Fetch-Site": "cross-site"},
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_a_closed_statement_refuses_endorsements(client, section, elixir):
    closed = create_statement(parent=section, slug="closed", closes_at=timezone.now() - timedelta(days=1))
    content = endorse(client, closed, organisation=str(elixir.pk)).content.decode()
    assert "Closed for endorsement." in content
    assert not Endorsement.objects.exists()


@pytest.mark.django_db
def test_an_individual_signs_and_confirms(client, section, smtp_inbox, django_capture_on_commit_callbacks):
    statement = create_statement(parent=section, signers=Signers.ORGANISATIONS_AND_INDIVIDUALS)
    person = {"name": "João Silva", "country": "PT", "email": "joao@example.org", "consent": "on", "started": started()}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/en/statements/{statement.pk}/sign/", person).status_code == 302
    [(_sender, recipients, content)] = smtp_inbox.messages
    assert recipients == ["joao@example.org"]
    client.post(re.search(r"https?://[^/]+(/en/statements/confirm/\S+)", text_of(content)).group(1))
    assert IndividualEndorsement.objects.get().status == EndorsementStatus.AWAITING_MODERATION

    again = client.post(f"/en/statements/{statement.pk}/sign/", person).content.decode()
    assert "This address has already signed this statement" in again
    bad = client.post(f"/en/statements/{statement.pk}/sign/", person | {"country": "XX", "affiliation": "\u202e"})
    assert 'id="id_country_error"' in bad.content.decode()
    assert 'id="id_affiliation_error"' in bad.content.decode()


@pytest.mark.django_db
def test_individuals_cannot_sign_a_statement_for_organisations_only(client, statement):
    person = {"name": "João Silva", "country": "PT", "email": "joao@example.org", "consent": "on", "started": started()}
    assert client.post(f"/en/statements/{statement.pk}/sign/", person).status_code == 404
