from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from stoptheharm.core.text import normalise_email
from stoptheharm.petitions import challenge, services, tokens
from stoptheharm.petitions.models import PetitionState, Signature, SignatureStatus
from stoptheharm.petitions.selectors import next_milestone, petition_summary
from stoptheharm.petitions.tests.factories import add_signature, create_petition

pytestmark = pytest.mark.django_db(transaction=False)


def sign(petition, email="amina@example.org", **fields):
    values = {
        "name": "Amina",
        "country": "PT",
        "language": "en",
        "is_public": False,
        "wants_updates": False,
        "ip_address": "203.0.113.9",
    }
    services.sign_petition(petition=petition, email=email, **(values | fields))


def token_from_last_email(kind_url: str = "/confirm/") -> str:
    line = next(line for line in mail.outbox[-1].body.splitlines() if kind_url in line)
    return line.rstrip("/").rsplit("/", 1)[1]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  Amina@Example.ORG ", "amina@example.org"),
        ("\uff41\uff4d\uff49\uff4e\uff41@example.org", "amina@example.org"),  # full-width letters (NFKC)
        ("AM\u0130NA@EXAMPLE.ORG", "ami\u0307na@example.org"),  # dotted capital I
    ],
)
def test_addresses_are_trimmed_nfkc_normalised_and_lower_cased(typed, stored):
    assert normalise_email(typed) == stored
    assert normalise_email(normalise_email(typed)) == normalise_email(typed)


def test_signing_records_a_pending_signature_with_its_consents_and_emails_a_link(
    petition, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign(petition, email=" Amina@Example.org", is_public=True)

    signature = Signature.objects.get()
    assert signature.status == SignatureStatus.PENDING
    assert signature.email == "amina@example.org"
    assert set(signature.consents) == {"processing", "public_list"}
    assert signature.consents["processing"]["version"]
    assert len(signature.secret) >= 43  # 32 random bytes, base64
    [message] = mail.outbox
    assert message.to == ["amina@example.org"]
    assert "/en/petitions/confirm/" in message.body
    assert "/en/petitions/signature/" in message.body
    assert petition_summary(petition).confirmed == 0


def test_the_same_address_counts_once_and_its_owner_is_told(petition, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sign(petition, email="amina@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        sign(petition, email="AMINA@example.org ", name="Someone else")

    assert Signature.objects.count() == 1
    assert Signature.objects.get().name == "Amina"
    assert [message.subject.split(":")[0] for message in mail.outbox] == [
        "Please confirm your signature",
        "You have already signed",
    ]


def test_no_address_gets_more_than_three_emails_per_petition(petition, django_capture_on_commit_callbacks):
    for _ in range(10):
        with django_capture_on_commit_callbacks(execute=True):
            sign(petition)
    assert len(mail.outbox) == services.MAX_EMAILS_PER_SIGNATURE


def test_while_an_email_waits_to_go_no_other_is_added(petition, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the worker has not sent the first yet
        for _ in range(5):
            sign(petition)
    assert [message.subject.split(":")[0] for message in mail.outbox] == ["Please confirm your signature"]
    assert Signature.objects.get().emails_sent == 1


def test_signing_a_closed_petition_raises(section):
    from stoptheharm.petitions.tests.factories import closed_fields, create_petition

    closed = create_petition(parent=section, slug="closed", **closed_fields())
    with pytest.raises(services.PetitionClosed):
        sign(closed)
    assert not Signature.objects.exists()


@pytest.mark.parametrize(
    ("state", "opens_in", "closes_in", "is_open"),
    [
        (PetitionState.OPEN, None, None, True),
        (PetitionState.OPEN, timedelta(hours=1), None, False),
        (PetitionState.OPEN, None, -timedelta(seconds=1), False),
        (PetitionState.DRAFT, None, None, False),
        (PetitionState.DELIVERED, None, None, False),
    ],
)
def test_a_petition_is_open_only_when_open_and_between_its_dates(petition, state, opens_in, closes_in, is_open):
    now = timezone.now()
    petition.state = state
    petition.opens_at = now + opens_in if opens_in else None
    petition.closes_at = now + closes_in if closes_in else None
    assert petition.is_open_for_signing_at(now) is is_open


def test_confirming_counts_the_signature_once(petition, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sign(petition, country="KE")
    token = token_from_last_email()
    with django_capture_on_commit_callbacks(execute=True):
        first = services.confirm_signature(token=token)
        again = services.confirm_signature(token=token)

    assert first.pk == again.pk
    assert Signature.objects.get().status == SignatureStatus.CONFIRMED
    summary = petition_summary(petition)
    assert summary.confirmed == 1
    assert summary.by_country == [("KE", 1)]


def test_an_altered_or_foreign_token_confirms_nothing(petition, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sign(petition)
    signature = Signature.objects.get()
    forged = tokens.confirmation_token(signature.pk, "a" * 43)
    for token in [
        forged,
        token_from_last_email()[:-2] + "xx",
        "not-a-token",
        tokens.management_token(signature.pk, signature.secret),
    ]:
        with pytest.raises(tokens.InvalidToken):
            services.confirm_signature(token=token)
    assert Signature.objects.get().status == SignatureStatus.PENDING


def test_a_confirmation_link_expires_after_seven_days(petition, django_capture_on_commit_callbacks, monkeypatch):
    with django_capture_on_commit_callbacks(execute=True):
        sign(petition)
    token = token_from_last_email()
    later = timezone.now() + tokens.CONFIRMATION_VALIDITY + timedelta(minutes=1)
    monkeypatch.setattr("time.time", lambda: later.timestamp())
    with pytest.raises(tokens.InvalidToken):
        services.confirm_signature(token=token)


def test_withdrawing_stops_the_signature_counting(petition, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sign(petition)
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_signature(token=token_from_last_email())
    assert petition_summary(petition).confirmed == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_signature(token=token_from_last_email("/signature/"))
    assert Signature.objects.get().status == SignatureStatus.WITHDRAWN
    assert petition_summary(petition).confirmed == 0


def test_the_total_adds_signatures_gathered_elsewhere_and_aims_at_the_next_milestone(petition):
    petition.imported_count = 12121
    assert petition_summary(petition).total == 12121
    assert petition_summary(petition).goal == 100_000
    petition.goal = 20_000
    assert petition_summary(petition).progress_percent == 60


@pytest.mark.parametrize(("total", "milestone"), [(0, 100), (99, 100), (100, 1_000), (12_122, 100_000)])
def test_milestones(total, milestone):
    assert next_milestone(total) == milestone


def test_the_counts_are_read_from_the_cache_between_confirmations(petition):
    petition_summary(petition)
    with CaptureQueriesContext(connection) as queries:
        petition_summary(petition)
    assert len(queries) == 0


def test_signatures_never_confirmed_are_deleted_once_their_link_expires(petition, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for address in ["old-pending@example.org", "old-confirmed@example.org", "new-pending@example.org"]:
            sign(petition, email=address)
    Signature.objects.filter(email="old-confirmed@example.org").update(status=SignatureStatus.CONFIRMED)
    eight_days_ago = timezone.now() - timedelta(days=8)
    Signature.objects.exclude(email="new-pending@example.org").update(created_at=eight_days_ago)

    output = StringIO()
    call_command("apply_retention", stdout=output)

    assert output.getvalue().splitlines()[0] == (
        "Deleted 1 unconfirmed signature(s); forgot the address of 0; anonymised 0."
    )
    assert sorted(Signature.objects.values_list("email", flat=True)) == [
        "new-pending@example.org",
        "old-confirmed@example.org",
    ]


def test_no_address_is_stored_only_keyed_hashes_different_for_each_petition(petition, section):
    other = create_petition(parent=section, slug="other")
    sign(petition, ip_address="203.0.113.9")
    sign(other, ip_address="203.0.113.9")
    first, second = Signature.objects.order_by("pk")
    assert "203.0.113" not in first.ip_hash + first.network_hash
    assert len(first.ip_hash) == len(first.network_hash) == 64
    assert first.ip_hash != second.ip_hash


def test_addresses_of_one_network_share_a_network_hash(petition):
    sign(petition, email="a@example.org", ip_address="203.0.113.9")
    sign(petition, email="b@example.org", ip_address="203.0.113.200")
    sign(petition, email="c@example.org", ip_address="198.51.100.1")
    a, b, c = Signature.objects.order_by("email")
    assert a.network_hash == b.network_hash != c.network_hash
    assert a.ip_hash != b.ip_hash


def test_over_the_limit_a_signature_is_held_not_refused_and_counts_only_when_released(
    petition, settings, django_capture_on_commit_callbacks
):
    settings.PETITION_LIMITS = settings.PETITION_LIMITS | {"per_ip": 2}
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(3):
            sign(petition, email=f"person{number}@example.org")
    held = Signature.objects.get(email="person2@example.org")
    assert held.status == SignatureStatus.HELD
    assert len(mail.outbox) == 3  # the held signer is e-mailed like everyone else

    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_signature(token=token_from_last_email())
    held.refresh_from_db()
    assert (held.status, held.confirmed_at is not None) == (SignatureStatus.HELD, True)
    assert petition_summary(petition).confirmed == 0

    with django_capture_on_commit_callbacks(execute=True):
        services.release_signature(signature_id=held.pk)
    assert petition_summary(petition).confirmed == 1


def test_a_released_signature_not_yet_confirmed_waits_for_its_owner(petition):
    sign(petition, looks_automated=True)
    signature = Signature.objects.get()
    assert signature.status == SignatureStatus.HELD
    services.release_signature(signature_id=signature.pk)
    signature.refresh_from_db()
    assert signature.status == SignatureStatus.PENDING


def test_the_email_limit_spans_petitions(petition, section, settings):
    settings.PETITION_LIMITS = settings.PETITION_LIMITS | {"per_email": 2}
    petitions = [petition, *(create_petition(parent=section, slug=f"p{n}") for n in range(2))]
    for target in petitions:
        sign(target, email="busy@example.org", ip_address=f"198.51.100.{target.pk}")
    assert [s.status for s in Signature.objects.order_by("pk")] == [
        SignatureStatus.PENDING,
        SignatureStatus.PENDING,
        SignatureStatus.HELD,
    ]


def test_address_hashes_are_forgotten_after_thirty_days_and_the_signature_kept(petition):
    sign(petition, email="old@example.org")
    sign(petition, email="recent@example.org")
    Signature.objects.filter(email="old@example.org").update(created_at=timezone.now() - timedelta(days=31))

    assert services.forget_old_address_hashes() == 1

    old, recent = Signature.objects.order_by("email")
    assert (old.ip_hash, old.network_hash) == ("", "")
    assert recent.ip_hash and recent.network_hash


def test_closed_petitions_are_anonymised_after_the_retention_period_keeping_their_counts(petition, section, settings):
    settings.PETITION_ANONYMISE_AFTER_DAYS = 183
    long_closed = create_petition(
        parent=section, slug="long-closed", state=PetitionState.CLOSED, closes_at=timezone.now() - timedelta(days=200)
    )
    recently_closed = create_petition(
        parent=section,
        slug="recently-closed",
        state=PetitionState.CLOSED,
        closes_at=timezone.now() - timedelta(days=10),
    )
    for target in [long_closed, recently_closed, petition]:
        add_signature(target, f"amina@{target.slug}.org", country="KE", is_public=True, ip_hash="a" * 64,
                      network_hash="b" * 64)  # fmt: skip

    assert services.anonymise_closed_petitions() == 1
    assert services.anonymise_closed_petitions() == 0  # once only

    erased = Signature.objects.get(petition=long_closed)
    assert (erased.name, erased.is_public, erased.ip_hash, erased.network_hash) == ("", False, "", "")
    assert "amina" not in erased.email
    assert erased.anonymised_at is not None
    assert petition_summary(long_closed).by_country == [("KE", 1)]
    kept = Signature.objects.filter(name="Amina Diallo").values_list("petition__slug", flat=True)
    assert sorted(kept) == sorted([recently_closed.slug, petition.slug])


@pytest.mark.parametrize(
    ("fields", "per_ip", "held", "switches_on"),
    [
        ({"looks_automated": True}, 100, 5, True),
        ({}, 1, 4, True),  # over the per-address limit after the first
        ({"hold": True}, 100, 5, False),  # held for the challenge itself: counting these would keep it on for ever
        ({}, 100, 0, False),
    ],
)
def test_signatures_held_as_suspicious_switch_the_challenge_on_but_not_those_held_for_it(
    petition, settings, fields, per_ip, held, switches_on
):
    settings.PETITION_LIMITS = settings.PETITION_LIMITS | {"per_ip": per_ip}
    settings.PETITION_CHALLENGE = {"threshold": 3, "window_seconds": 600, "cooldown_seconds": 3600}
    for number in range(5):
        sign(petition, email=f"p{number}@example.org", **fields)
    assert Signature.objects.filter(status=SignatureStatus.HELD).count() == held
    assert challenge.is_on(petition=petition) is switches_on
