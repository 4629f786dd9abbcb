from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageLogEntry

from stoptheharm.petitions import limits, services
from stoptheharm.petitions.counting import confirmed_by_country
from stoptheharm.petitions.models import Signature, SignatureCountChange, SignatureStatus
from stoptheharm.petitions.tests.factories import add_signature, create_petition
from stoptheharm.petitions.trending import (
    GroupWindow,
    InvalidGroup,
    SourceKind,
    group_token,
    read_group_token,
    signatures_to_invalidate,
    trending_groups,
)

pytestmark = pytest.mark.django_db

MINUTES = timedelta(minutes=1)
HOURS = timedelta(hours=1)


@pytest.fixture(autouse=True)
def minimum(settings):
    settings.PETITION_TRENDING_MIN_PER_HOUR = 10


def sign_many(petition, count, *, ago, now, network="", domain="example.org", prefix="s", **fields):
    """`count` signatures signed `ago` before `now`, from one network and e-mail domain."""
    signatures = [
        add_signature(petition, f"{prefix}{number}@{domain}", network_hash=network, **fields) for number in range(count)
    ]
    Signature.objects.filter(pk__in=[signature.pk for signature in signatures]).update(created_at=now - ago)
    return signatures


def network(petition, address="203.0.113.7"):
    return limits.network_hash(petition.pk, address)


def test_a_burst_from_one_network_ranks_first_with_its_counts_and_ratio(petition):
    now = timezone.now()
    burst, busy = network(petition, "203.0.113.7"), network(petition, "198.51.100.7")
    sign_many(petition, 1, ago=9 * HOURS, now=now, prefix="first")  # the petition's first: a baseline of 8 hours
    sign_many(petition, 1, ago=5 * HOURS, now=now, network=burst, prefix="burst-before")
    sign_many(petition, 9, ago=30 * MINUTES, now=now, network=burst, prefix="burst")
    sign_many(petition, 2, ago=20 * MINUTES, now=now, network=burst, prefix="held", status=SignatureStatus.HELD)
    sign_many(petition, 1, ago=10 * MINUTES, now=now, network=burst, prefix="bad", status=SignatureStatus.INVALIDATED)
    sign_many(petition, 16, ago=3 * HOURS, now=now, network=busy, prefix="busy-before")
    sign_many(petition, 15, ago=10 * MINUTES, now=now, network=busy, prefix="busy")

    first, second = trending_groups(petition=petition, kind=SourceKind.NETWORK, now=now)

    assert (first.key, first.label, first.last_hour, first.held, first.invalidated) == (burst, burst[:8], 12, 2, 1)
    assert first.usual_per_hour == pytest.approx(1 / 8)
    assert first.ratio == pytest.approx(12 / (1 / 8))
    assert (second.key, second.last_hour, second.held, second.invalidated) == (busy, 15, 0, 0)
    assert second.usual_per_hour == pytest.approx(16 / 8)
    assert second.ratio == pytest.approx(15 / 2)


def test_the_usual_rate_covers_the_seven_days_before_the_last_hour_at_most(petition):
    now = timezone.now()
    burst = network(petition)
    sign_many(petition, 1, ago=30 * 24 * HOURS, now=now, network=burst, prefix="old")  # before the baseline
    sign_many(petition, 14, ago=3 * 24 * HOURS, now=now, network=burst, prefix="week")
    sign_many(petition, 10, ago=5 * MINUTES, now=now, network=burst, prefix="now")
    sign_many(petition, 4, ago=5 * MINUTES, now=now, network=network(petition, "192.0.2.1"), prefix="quiet")

    [group] = trending_groups(petition=petition, kind=SourceKind.NETWORK, now=now)

    assert group.usual_per_hour == pytest.approx(14 / (7 * 24))
    assert group.ratio == pytest.approx(10 * 7 * 24 / 14)


def test_a_burst_from_one_e_mail_domain_ranks_first_without_anonymised_addresses(petition):
    now = timezone.now()
    sign_many(petition, 1, ago=3 * 24 * HOURS, now=now, domain="example.org", prefix="first")
    sign_many(petition, 30, ago=2 * 24 * HOURS, now=now, domain="mail.example", prefix="usual")
    sign_many(petition, 12, ago=10 * MINUTES, now=now, domain="mail.example", prefix="usual-now")
    sign_many(petition, 10, ago=10 * MINUTES, now=now, domain="burst.example", prefix="burst")
    odd = add_signature(petition, '"odd@name"@burst.example')  # only what follows the last "@" is the domain
    Signature.objects.filter(pk=odd.pk).update(created_at=now - MINUTES)
    sign_many(petition, 12, ago=10 * MINUTES, now=now, domain="anonymised.invalid", prefix="")

    first, second = trending_groups(petition=petition, kind=SourceKind.DOMAIN, now=now)

    assert (first.label, first.last_hour, first.usual_per_hour) == ("burst.example", 11, 0)
    assert first.ratio == pytest.approx(11 * 71)  # no signature before: counted as one over the 71-hour baseline
    assert (second.label, second.last_hour) == ("mail.example", 12)
    assert second.usual_per_hour == pytest.approx(30 / 71)


def test_groups_below_the_minimum_are_left_out(petition, settings):
    now = timezone.now()
    sign_many(petition, 9, ago=10 * MINUTES, now=now, network=network(petition), domain="burst.example")
    sign_many(petition, 20, ago=2 * HOURS, now=now, network=network(petition), domain="burst.example", prefix="b")

    assert trending_groups(petition=petition, kind=SourceKind.NETWORK, now=now) == []
    assert trending_groups(petition=petition, kind=SourceKind.DOMAIN, now=now) == []
    settings.PETITION_TRENDING_MIN_PER_HOUR = 9
    assert [group.last_hour for group in trending_groups(petition=petition, kind=SourceKind.NETWORK, now=now)] == [9]


def test_other_petitions_signatures_never_mix_in(petition, section):
    other = create_petition(parent=section, slug="other")
    now = timezone.now()
    shared = network(petition)  # the same hash on both, which real hashes never are: only the petition separates them
    sign_many(other, 10, ago=10 * MINUTES, now=now, network=shared, domain="burst.example")
    sign_many(petition, 6, ago=10 * MINUTES, now=now, network=shared, domain="burst.example")

    assert trending_groups(petition=petition, kind=SourceKind.NETWORK, now=now) == []
    assert trending_groups(petition=petition, kind=SourceKind.DOMAIN, now=now) == []
    assert [group.last_hour for group in trending_groups(petition=other, kind=SourceKind.DOMAIN, now=now)] == [10]


def test_reading_the_trending_groups_takes_two_queries(petition, django_assert_num_queries):
    now = timezone.now()
    sign_many(petition, 10, ago=10 * MINUTES, now=now, network=network(petition))
    with django_assert_num_queries(2):
        assert len(trending_groups(petition=petition, kind=SourceKind.NETWORK, now=now)) == 1


@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's query plan")
def test_the_groups_are_read_through_the_index_on_petition_and_time(petition):
    with CaptureQueriesContext(connection) as queries:
        trending_groups(petition=petition, kind=SourceKind.DOMAIN)
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {queries[-1]['sql']}")
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "USING INDEX signature_recent (petition_id=? AND created_at>? AND created_at<?)" in plan


def test_a_group_token_names_one_group_of_one_petition(petition, section):
    other = create_petition(parent=section, slug="other")
    token = group_token(petition_id=petition.pk, kind=SourceKind.DOMAIN, key="burst.example")
    assert read_group_token(token, petition=petition) == (SourceKind.DOMAIN, "burst.example")
    with pytest.raises(InvalidGroup):
        read_group_token(token, petition=other)
    with pytest.raises(InvalidGroup):
        read_group_token(token[:-1], petition=petition)


@pytest.fixture
def moderator():
    return get_user_model().objects.create_user("moderator", "moderator@example.org", "a long passphrase for tests")


def test_the_dry_run_counts_exactly_what_is_invalidated(petition, moderator):
    now = timezone.now()
    burst = network(petition)
    sign_many(petition, 3, ago=10 * MINUTES, now=now, network=burst, prefix="confirmed")
    sign_many(petition, 2, ago=10 * MINUTES, now=now, network=burst, prefix="held", status=SignatureStatus.HELD)
    sign_many(petition, 1, ago=10 * MINUTES, now=now, network=burst, prefix="bad", status=SignatureStatus.INVALIDATED)
    earlier = sign_many(petition, 4, ago=3 * HOURS, now=now, network=burst, prefix="earlier")
    sign_many(petition, 2, ago=10 * MINUTES, now=now, network=network(petition, "192.0.2.1"), prefix="elsewhere")

    dry_run = signatures_to_invalidate(petition=petition, kind=SourceKind.NETWORK, key=burst, window=GroupWindow.HOUR)
    expected = set(dry_run.values_list("pk", flat=True))
    invalidated = services.invalidate_group(
        petition=petition, kind=SourceKind.NETWORK, key=burst, window=GroupWindow.HOUR, user=moderator
    )

    assert invalidated == len(expected) == 5
    assert set(Signature.objects.filter(status=SignatureStatus.INVALIDATED).values_list("pk", flat=True)) == {
        *expected,
        *Signature.objects.filter(email__startswith="bad").values_list("pk", flat=True),
    }
    assert all(signature.is_counted for signature in Signature.objects.filter(pk__in=[s.pk for s in earlier]))
    day = services.invalidate_group(
        petition=petition, kind=SourceKind.NETWORK, key=burst, window=GroupWindow.DAY, user=moderator
    )
    assert day == 4  # the earlier ones; the last hour's are invalidated already


def test_counts_drop_by_exactly_the_confirmed_signatures_invalidated_one_entry_per_country(petition, moderator):
    now = timezone.now()
    sign_many(petition, 3, ago=10 * MINUTES, now=now, domain="burst.example", country="KE", prefix="ke")
    sign_many(petition, 2, ago=3 * HOURS, now=now, domain="burst.example", country="PT", prefix="pt")
    sign_many(petition, 1, ago=10 * MINUTES, now=now, domain="burst.example", country="PT", status="pending")
    sign_many(petition, 4, ago=10 * MINUTES, now=now, domain="example.org", country="PT", prefix="other")
    assert confirmed_by_country(petition.pk) == [("PT", 6), ("KE", 3)]
    journal = set(SignatureCountChange.objects.values_list("pk", flat=True))

    invalidated = services.invalidate_group(
        petition=petition, kind=SourceKind.DOMAIN, key="burst.example", window=GroupWindow.ALL, user=moderator
    )

    assert invalidated == 6
    assert confirmed_by_country(petition.pk) == [("PT", 4)]
    new_entries = SignatureCountChange.objects.exclude(pk__in=journal).order_by("country")
    assert list(new_entries.values_list("petition_id", "country", "change")) == [
        (petition.pk, "KE", -3),
        (petition.pk, "PT", -2),
    ]


def test_held_and_pending_signatures_of_the_group_are_invalidated_without_moving_the_count(
    petition, moderator, django_capture_on_commit_callbacks
):
    now = timezone.now()
    group = [
        *sign_many(petition, 2, ago=10 * MINUTES, now=now, domain="burst.example", status=SignatureStatus.HELD),
        *sign_many(petition, 2, ago=10 * MINUTES, now=now, domain="burst.example", status="pending", prefix="p"),
    ]
    sign_many(petition, 1, ago=10 * MINUTES, now=now, domain="example.org")
    journal = SignatureCountChange.objects.count()

    with django_capture_on_commit_callbacks() as callbacks:
        invalidated = services.invalidate_group(
            petition=petition, kind=SourceKind.DOMAIN, key="burst.example", window=GroupWindow.HOUR, user=moderator
        )

    assert invalidated == 4
    assert set(Signature.objects.filter(pk__in=[s.pk for s in group]).values_list("status", flat=True)) == {
        SignatureStatus.INVALIDATED
    }
    assert confirmed_by_country(petition.pk) == [("PT", 1)]
    assert SignatureCountChange.objects.count() == journal
    assert callbacks == []  # no count changed: nothing to refresh


def test_a_group_invalidation_is_logged_once_on_the_petition(petition, moderator):
    now = timezone.now()
    burst = network(petition)
    sign_many(petition, 11, ago=10 * MINUTES, now=now, network=burst)

    services.invalidate_group(
        petition=petition, kind=SourceKind.NETWORK, key=burst, window=GroupWindow.DAY, user=moderator
    )

    [entry] = PageLogEntry.objects.filter(action=services.INVALIDATE_GROUP_LOG_ACTION)
    assert (entry.page_id, entry.user_id) == (petition.pk, moderator.pk)
    assert entry.data == {"kind": "network", "group": burst[:8], "window": "day", "signatures": 11}
    assert (
        entry.message == f"Invalidated 11 signatures of one group (Network: {burst[:8]}; Signed in the last 24 hours)"
    )


def test_a_key_from_another_petition_or_no_group_invalidates_nothing(petition, section, moderator):
    other = create_petition(parent=section, slug="other")
    now = timezone.now()
    sign_many(petition, 5, ago=10 * MINUTES, now=now, network=network(petition))
    sign_many(petition, 3, ago=40 * 24 * HOURS, now=now, prefix="old")  # network forgotten: blank
    sign_many(petition, 2, ago=10 * MINUTES, now=now, domain="anonymised.invalid", prefix="")

    for kind, key in [
        (SourceKind.NETWORK, network(other)),  # the same address, hashed for the other petition
        (SourceKind.NETWORK, ""),
        (SourceKind.DOMAIN, "anonymised.invalid"),
        (SourceKind.DOMAIN, ""),
    ]:
        assert services.invalidate_group(petition=petition, kind=kind, key=key, window="all", user=moderator) == 0

    assert not Signature.objects.filter(status=SignatureStatus.INVALIDATED).exists()
    assert not PageLogEntry.objects.filter(action=services.INVALIDATE_GROUP_LOG_ACTION).exists()


def test_signatures_arriving_after_the_dry_run_are_invalidated_and_reported(petition, moderator):
    now = timezone.now()
    burst = network(petition)
    sign_many(petition, 2, ago=10 * MINUTES, now=now, network=burst)
    dry_run = signatures_to_invalidate(petition=petition, kind="network", key=burst, window="hour").count()
    sign_many(petition, 1, ago=MINUTES, now=now, network=burst, prefix="late")

    invalidated = services.invalidate_group(petition=petition, kind="network", key=burst, window="hour", user=moderator)

    assert (dry_run, invalidated) == (2, 3)
    assert PageLogEntry.objects.get(action=services.INVALIDATE_GROUP_LOG_ACTION).data["signatures"] == 3


def test_invalidating_one_signature_still_works_beside_groups(petition, moderator):
    now = timezone.now()
    [single] = sign_many(petition, 1, ago=10 * MINUTES, now=now, network=network(petition))
    services.invalidate_signature(signature_id=single.pk, user=moderator)
    assert Signature.objects.get(pk=single.pk).status == SignatureStatus.INVALIDATED
    assert confirmed_by_country(petition.pk) == []
    assert (
        services.invalidate_group(
            petition=petition, kind="network", key=network(petition), window="all", user=moderator
        )
        == 0
    )
