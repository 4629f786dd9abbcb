"""Counting confirmed signatures without a hot row: a journal of changes, folded in batches.

Every time a signature starts or stops counting, `services` appends a `SignatureCountChange` (+1 or
-1) in the same transaction: an insert, which concurrent signers never wait on. A task folds the
journal into `SignatureCount` (one row per petition and country) in batches. Readers add the
unfolded entries to the folded counts in one statement, so a count is exact whether or not the fold
has run, and reading it never scans the signatures.
"""

from collections import Counter

from django.db import connection, transaction
from django.db.models import F

from stoptheharm.petitions.models import SignatureCount, SignatureCountChange


def confirmed_by_country(petition_id: int) -> list[tuple[str, int]]:
    """(country code, confirmed signatures), largest first; one statement, so a fold cannot tear it."""
    return confirmed_by_country_for([petition_id])[petition_id]


def confirmed_by_country_for(petition_ids: list[int]) -> dict[int, list[tuple[str, int]]]:
    """`confirmed_by_country` of several petitions, by petition id, in one statement."""
    folded = SignatureCount.objects.filter(petition_id__in=petition_ids).values_list("petition_id", "country", "count")
    unfolded = SignatureCountChange.objects.filter(petition_id__in=petition_ids).values_list(
        "petition_id", "country", "change"
    )
    totals: dict[int, Counter[str]] = {petition_id: Counter() for petition_id in petition_ids}
    for petition_id, country, count in folded.union(unfolded, all=True):
        totals[petition_id][country] += count
    return {
        petition_id: sorted(
            ((code, count) for code, count in by_country.items() if count > 0), key=lambda row: (-row[1], row[0])
        )
        for petition_id, by_country in totals.items()
    }


def fold_signature_counts(*, batch_size: int = 10_000) -> int:
    """Add journal entries to the per-country counts and delete them; returns how many were folded.

    Entries are claimed with SKIP LOCKED where the database has it, so concurrent folds never take
    the same entry.
    """
    folded = 0
    while True:
        with transaction.atomic():
            changes = SignatureCountChange.objects.order_by("pk")
            if connection.features.has_select_for_update_skip_locked:
                changes = changes.select_for_update(skip_locked=True)
            batch = list(changes.values_list("pk", "petition_id", "country", "change")[:batch_size])
            if not batch:
                return folded
            totals: Counter[tuple[int, str]] = Counter()
            for _pk, petition_id, country, change in batch:
                totals[petition_id, country] += change
            SignatureCount.objects.bulk_create(
                [SignatureCount(petition_id=petition_id, country=country) for petition_id, country in totals],
                ignore_conflicts=True,
            )
            for petition_id, country in sorted(totals):  # the same order in every fold: no deadlock
                change = totals[petition_id, country]
                SignatureCount.objects.filter(petition_id=petition_id, country=country).update(
                    count=F("count") + change
                )
            SignatureCountChange.objects.filter(pk__in=[row[0] for row in batch]).delete()
        folded += len(batch)
