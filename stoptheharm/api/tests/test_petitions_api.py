import json
import re
from email import message_from_bytes

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from stoptheharm.api.v1.petitions import SignatureInput, well_formed_signature
from stoptheharm.organisations.tests.factories import add_organisation
from stoptheharm.petitions import challenge
from stoptheharm.petitions.models import PetitionCoSponsor, Signature, SignatureStatus
from stoptheharm.petitions.tests.factories import closed_fields, create_petition

SIGNATURE = {"name": "Amina Diallo", "email": "amina@example.org", "country": "PT", "consent": True}


@pytest.fixture
def petition(db):
    return create_petition(parent=Site.objects.get(is_default_site=True).root_page, imported_count=5)


def post(client, slug, payload, **headers):
    return client.post(
        f"/api/v1/petitions/{slug}/signatures/", json.dumps(payload), content_type="application/json", **headers
    )


@pytest.mark.django_db
def test_petitions_are_listed_with_their_counts(client, petition):
    response = client.get("/api/v1/petitions/")
    assert response.status_code == 200
    [item] = response.json()
    assert item["slug"] == petition.slug
    assert item["signature_count"] == 5
    assert item["targets"][0] == {"name": "Ban Ki-moon", "role": "Secretary-General", "organisation": "United Nations"}
    assert item["state"] == "open"
    assert item["url"] == f"http://testserver{petition.url}"
    assert set(item) == {
        "slug",
        "title",
        "summary",
        "targets",
        "co_sponsors",
        "goal",
        "signature_count",
        "state",
        "closes_at",
        "url",
        "countries",
    }


def co_sponsor(petition, *names: str) -> None:
    petition.co_sponsors = [
        PetitionCoSponsor(
            organisation=add_organisation(name, short_name=name[:3].upper(), website=f"https://{name}.example"),
            sort_order=order,
        )
        for order, name in enumerate(names)
    ]
    petition.save_revision().publish()


@pytest.mark.django_db
def test_co_sponsors_come_in_the_editors_order_without_their_contact_address(client, petition):
    co_sponsor(petition, "zeta", "alpha")
    response = client.get(f"/api/v1/petitions/{petition.slug}/")
    assert response.json()["co_sponsors"] == [
        {"name": "zeta", "short_name": "ZET", "website": "https://zeta.example"},
        {"name": "alpha", "short_name": "ALP", "website": "https://alpha.example"},
    ]
    assert "private-contact@example.org" not in response.content.decode()
    assert "private-contact@example.org" not in client.get("/api/v1/petitions/").content.decode()


@pytest.mark.django_db
def test_listing_reads_every_petitions_co_sponsors_in_one_query(client, petition):
    for number in range(3):
        co_sponsor(create_petition(parent=petition.get_parent(), slug=f"other-{number}"), f"a{number}", f"b{number}")
    with CaptureQueriesContext(connection) as queries:
        assert len(client.get("/api/v1/petitions/").json()) == 4
    reading_co_sponsors = [query for query in queries if "organisations_organisation" in query["sql"]]
    assert len(reading_co_sponsors) == 1
    assert "petitions_petitioncosponsor" in reading_co_sponsors[0]["sql"]


@pytest.mark.django_db
def test_one_petition_by_slug_and_an_unknown_slug_is_404(client, petition):
    assert client.get(f"/api/v1/petitions/{petition.slug}/").json()["title"] == petition.title
    assert client.get("/api/v1/petitions/no-such-petition/").status_code == 404


@pytest.mark.django_db
def test_signing_answers_202_for_a_new_and_an_already_used_address_alike(
    client, petition, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = post(client, petition.slug, SIGNATURE)
    with django_capture_on_commit_callbacks(execute=True):
        second = post(client, petition.slug, SIGNATURE | {"name": "Someone Else"})
    assert (first.status_code, first.json()) == (202, {"status": "pending_confirmation"})
    assert (second.status_code, second.content) == (202, first.content)
    assert Signature.objects.get().status == SignatureStatus.PENDING
    assert len(mail.outbox) == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"consent": False}, "consent"),
        ({"name": "A" * 101}, "name"),
        ({"name": "Amina\u202e"}, "name"),
        ({"email": "nope"}, "email"),
        ({"country": "XX"}, "country"),
    ],
)
def test_bad_input_gets_per_field_errors_and_stores_nothing(client, petition, change, field):
    response = post(client, petition.slug, SIGNATURE | change)
    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert not Signature.objects.exists()


UNUSUAL_INPUT = [
    {"name": " Amina"},
    {"name": "A" * 100},
    {"name": "A" * 101},
    {"name": "Amina\u202e"},
    {"name": "Amina\u200b"},
    {"name": "Amina\u00a0Diallo"},
    {"name": "\ud800"},
    {"name": "Amina\x00"},
    {"name": ""},
    {"name": 42},
    {"name": "<script>alert(1)</script>"},
    {"name": "Амина Диалло"},
    {"email": "Amina@Example.org"},
    {"email": "amina@example.org "},
    {"email": "amina@example.org\n"},
    {"email": "amina@localhost"},
    {"email": "am ina@example.org"},
    {"email": "amina@münchen.de"},
    {"email": "a" * 250 + "@x.org"},
    {"email": None},
    {"country": "pt"},
    {"country": "PT "},
    {"country": "XX"},
    {"consent": "true"},
    {"consent": 1},
    {"public": "yes"},
    {"public": None},
    {"public": True, "updates": True},
    {"extra": "ignored"},
]


@pytest.mark.parametrize("change", [{}, *UNUSUAL_INPUT])
def test_the_quick_check_accepts_only_what_the_serializer_accepts_unchanged(change):
    payload = SIGNATURE | change
    quick = well_formed_signature(payload)
    serializer = SignatureInput(data=payload)
    if quick is not None:
        assert serializer.is_valid(), serializer.errors
        assert quick == dict(serializer.validated_data)


def test_the_usual_request_takes_the_quick_check():
    assert well_formed_signature(SIGNATURE | {"public": True}) == SIGNATURE | {"public": True, "updates": False}
    assert well_formed_signature([SIGNATURE]) is None


@pytest.mark.django_db
def test_malformed_json_is_a_400(client, petition):
    response = client.post(
        f"/api/v1/petitions/{petition.slug}/signatures/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400


@pytest.mark.django_db
def test_a_closed_petition_answers_409(client, petition):
    closed = create_petition(parent=petition.get_parent(), slug="closed", **closed_fields())
    assert post(client, closed.slug, SIGNATURE).status_code == 409
    assert not Signature.objects.exists()


@pytest.mark.django_db
def test_over_the_limit_the_api_answers_429_with_retry_after(client, petition, settings):
    settings.PETITION_LIMITS = settings.PETITION_LIMITS | {"per_ip": 2}
    codes = [post(client, petition.slug, SIGNATURE | {"email": f"p{n}@example.org"}).status_code for n in range(3)]
    assert codes == [202, 202, 429]
    refused = post(client, petition.slug, SIGNATURE | {"email": "p9@example.org"})
    assert 0 < int(refused["Retry-After"]) <= settings.PETITION_LIMITS["window_seconds"]
    assert Signature.objects.count() == 2


@pytest.mark.django_db
def test_a_spoofed_forwarded_for_does_not_escape_the_limit(client, petition, settings):
    settings.PETITION_LIMITS = settings.PETITION_LIMITS | {"per_ip": 2}
    codes = [
        post(
            client, petition.slug, SIGNATURE | {"email": f"p{n}@example.org"}, HTTP_X_FORWARDED_FOR=f"9.9.9.{n}"
        ).status_code
        for n in range(3)
    ]
    assert codes == [202, 202, 429]


def switch_challenge_on(petition, settings) -> None:
    settings.PETITION_CHALLENGE = {"threshold": 3, "window_seconds": 600, "cooldown_seconds": 3600}
    for _ in range(4):
        challenge.record_caught_submission(petition_id=petition.pk)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("under_attack", "stored_as"), [(True, SignatureStatus.HELD), (False, SignatureStatus.PENDING)]
)
def test_while_the_challenge_is_on_signatures_are_held_with_the_same_answer(
    client, petition, settings, under_attack, stored_as, django_capture_on_commit_callbacks
):
    if under_attack:
        switch_challenge_on(petition, settings)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, petition.slug, SIGNATURE)
    assert (response.status_code, response.json()) == (202, {"status": "pending_confirmation"})
    assert Signature.objects.get().status == stored_as
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_while_the_challenge_is_on_the_limits_still_answer_429(client, petition, settings):
    switch_challenge_on(petition, settings)
    settings.PETITION_LIMITS = settings.PETITION_LIMITS | {"per_ip": 2}
    codes = [post(client, petition.slug, SIGNATURE | {"email": f"p{n}@example.org"}).status_code for n in range(3)]
    assert codes == [202, 202, 429]


@pytest.mark.django_db
def test_the_openapi_schema_describes_the_endpoints(client):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/petitions/", "/api/v1/petitions/{slug}/", "/api/v1/petitions/{slug}/signatures/"} <= set(
        schema["paths"]
    )
    sign = schema["paths"]["/api/v1/petitions/{slug}/signatures/"]["post"]
    assert {"202", "400", "409", "429"} <= set(sign["responses"])
    assert "held for staff review" in sign["description"]
    assert all(path.startswith("/api/v1/") for path in schema["paths"])  # nothing internal is documented


@pytest.mark.django_db
def test_the_api_docs_page_loads_only_the_platforms_own_files(client):
    content = client.get("/api/v1/docs/").content.decode()
    assert "swagger-ui" in content
    assert "cdn" not in content.lower()
    assert "https://" not in content


@pytest.mark.django_db
def test_a_partner_signs_through_the_api_and_the_signer_confirms_from_a_real_mail_server(
    client, petition, smtp_inbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, petition.slug, SIGNATURE).status_code == 202

    [(_sender, recipients, content)] = smtp_inbox.messages
    assert recipients == ["amina@example.org"]
    text = message_from_bytes(content).get_payload()[0].get_payload(decode=True).decode()
    confirm_path = re.search(r"https?://[^/]+(/en/petitions/confirm/\S+)", text).group(1)
    assert client.get(confirm_path).status_code == 200  # asks; counts nothing yet
    assert client.get(f"/api/v1/petitions/{petition.slug}/").json()["signature_count"] == 5
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_path)
    assert client.get(f"/api/v1/petitions/{petition.slug}/").json()["signature_count"] == 6
