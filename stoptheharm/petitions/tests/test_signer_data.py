"""Signers download or erase what the platform holds about their e-mail address."""

import json

import pytest

from stoptheharm.petitions import services, tokens
from stoptheharm.petitions.counting import confirmed_by_country
from stoptheharm.petitions.models import Signature, SignatureCountChange, SignatureStatus
from stoptheharm.petitions.selectors import petition_summary, signer_data
from stoptheharm.petitions.tests.factories import add_signature, create_petition

pytestmark = pytest.mark.django_db

ADDRESS = "amina@example.org"


def link(signature: Signature) -> str:
    return tokens.management_token(signature.pk, signature.secret)


@pytest.fixture
def second_petition(section):
    return create_petition(parent=section, slug="end-the-death-penalty", title="End the death penalty for drugs")


@pytest.fixture
def signatures(petition, second_petition):
    """Amina signed both petitions (confirmed one, not the other); Bo signed the first."""
    return {
        "confirmed": add_signature(
            petition, ADDRESS, country="KE", is_public=True, wants_updates=True, ip_hash="a" * 64, network_hash="b" * 64
        ),
        "pending": add_signature(second_petition, ADDRESS, status=SignatureStatus.PENDING, country="KE"),
        "other": add_signature(petition, "bo@example.org", name="Bo Other", country="KE"),
    }


def test_the_download_holds_every_signature_of_the_address_and_nothing_of_another(signatures, petition):
    data = signer_data(token=link(signatures["pending"]))

    assert data["email"] == ADDRESS
    by_title = {entry["petition"]["title"]: entry for entry in data["signatures"]}
    assert set(by_title) == {petition.title, "End the death penalty for drugs"}
    confirmed = by_title[petition.title]
    assert confirmed["petition"]["url"].endswith("/treat-drug-use-as-health/")
    assert confirmed["petition"]["url"].startswith("http")
    assert (confirmed["name"], confirmed["email"], confirmed["country"]) == ("Amina Diallo", ADDRESS, "KE")
    assert (confirmed["status"], confirmed["on_public_list"], confirmed["wants_updates"]) == ("confirmed", True, True)
    assert confirmed["consents"] == signatures["confirmed"].consents
    assert confirmed["created_at"] and confirmed["confirmed_at"]
    assert by_title["End the death penalty for drugs"]["confirmed_at"] is None
    assert "30 days" in data["network_address"]

    dumped = json.dumps(data)
    assert "bo@example.org" not in dumped and "Bo Other" not in dumped
    for secret in [signatures["confirmed"].secret, signatures["pending"].secret, "a" * 64, "b" * 64]:
        assert secret not in dumped
    assert "ip_hash" not in dumped and "network_hash" not in dumped and '"secret"' not in dumped


def test_an_altered_link_downloads_nothing(signatures):
    signature = signatures["confirmed"]
    for token in [link(signature)[:-2] + "xx", tokens.management_token(signature.pk, "a" * 43), "not-a-token"]:
        with pytest.raises(tokens.InvalidToken):
            signer_data(token=token)


def test_erasing_deletes_what_does_not_count_and_anonymises_what_does_keeping_the_counts(
    signatures, petition, second_petition
):
    withdrawn = add_signature(
        create_petition(parent=petition.get_parent(), slug="third"), ADDRESS, status=SignatureStatus.WITHDRAWN
    )
    assert confirmed_by_country(petition.pk) == [("KE", 2)]
    journal = SignatureCountChange.objects.count()

    assert services.erase_signer_data(token=link(signatures["pending"])) == 3

    assert not Signature.objects.filter(pk__in=[signatures["pending"].pk, withdrawn.pk]).exists()
    erased = Signature.objects.get(pk=signatures["confirmed"].pk)
    assert (erased.name, erased.is_public, erased.ip_hash, erased.network_hash) == ("", False, "", "")
    assert ADDRESS not in erased.email
    assert erased.secret != signatures["confirmed"].secret
    assert erased.anonymised_at is not None
    assert erased.status == SignatureStatus.CONFIRMED
    assert not Signature.objects.filter(email=ADDRESS).exists()
    assert Signature.objects.get(pk=signatures["other"].pk).name == "Bo Other"
    assert SignatureCountChange.objects.count() == journal  # nothing started or stopped counting
    assert confirmed_by_country(petition.pk) == [("KE", 2)]
    assert petition_summary(petition).confirmed == 2
    assert petition_summary(second_petition).confirmed == 0


def test_after_erasing_every_link_of_the_address_is_dead_and_erasing_again_changes_nothing(signatures):
    old_links = [link(signatures["confirmed"]), link(signatures["pending"])]
    services.erase_signer_data(token=old_links[0])
    remaining = list(Signature.objects.order_by("pk").values())

    for token in old_links:
        for act in [services.erase_signer_data, services.withdraw_signature, signer_data]:
            with pytest.raises(tokens.InvalidToken):
                act(token=token)
    assert list(Signature.objects.order_by("pk").values()) == remaining


def test_a_withdrawn_then_erased_signature_stops_counting_and_is_deleted(signatures, petition):
    services.withdraw_signature(token=link(signatures["confirmed"]))
    services.erase_signer_data(token=link(signatures["confirmed"]))
    assert list(Signature.objects.values_list("email", flat=True)) == ["bo@example.org"]
    assert confirmed_by_country(petition.pk) == [("KE", 1)]
