"""Trending sources: the networks and e-mail domains a petition's signatures suddenly come from.

A group is either a network (the keyed hash of a /24 or /48, see `limits.network_hash`; already
different for each petition, and blanked after 30 days) or an e-mail domain (everything after the
last "@" of the normalised address). Anonymised signatures belong to no group. Staff see the groups
whose last hour stands out against their usual rate, and may invalidate a group at once
(`services.invalidate_group`), which reads the same groups through `signatures_to_invalidate`.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.db import models
from django.db.models import Count, F, FloatField, Min, Q, Value
from django.db.models.functions import Cast, Greatest, Reverse, Right, StrIndex
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stoptheharm.petitions.models import (
    ANONYMISED_EMAIL_DOMAIN,
    PetitionPage,
    Signature,
    SignatureQuerySet,
    SignatureStatus,
)

LAST_HOUR = timedelta(hours=1)
BASELINE = timedelta(days=7)
TOP_GROUPS = 20
NETWORK_LABEL_LENGTH = 8
GROUP_SALT = "stoptheharm.petitions.group"

# Everything after the last "@": reversed, the domain is what comes before the first "@".
EMAIL_DOMAIN = Right("email", StrIndex(Reverse("email"), Value("@")) - 1)


class SourceKind(models.TextChoices):
    NETWORK = "network", _("Network")
    DOMAIN = "domain", _("E-mail domain")


class GroupWindow(models.TextChoices):
    HOUR = "hour", _("Signed in the last hour")
    DAY = "day", _("Signed in the last 24 hours")
    ALL = "all", _("All, whenever signed")


WINDOW_LENGTHS = {GroupWindow.HOUR: LAST_HOUR, GroupWindow.DAY: timedelta(days=1)}


class InvalidGroup(Exception):
    """The group key was altered or belongs to another petition."""


@dataclass(frozen=True)
class TrendingGroup:
    """One network or e-mail domain and how its last hour compares with its usual rate."""

    petition_id: int
    kind: str
    key: str
    last_hour: int
    usual_per_hour: float
    ratio: float
    held: int
    invalidated: int

    @property
    def label(self) -> str:
        """What staff see: the domain, or the start of the network's hash (never an address: none is stored)."""
        return group_label(self.kind, self.key)

    @property
    def token(self) -> str:
        return group_token(petition_id=self.petition_id, kind=self.kind, key=self.key)


def group_label(kind: str, key: str) -> str:
    return key[:NETWORK_LABEL_LENGTH] if kind == SourceKind.NETWORK else key


def trending_groups(*, petition: PetitionPage, kind: str, now: datetime | None = None) -> list[TrendingGroup]:
    """The groups with at least PETITION_TRENDING_MIN_PER_HOUR signatures in the last hour, most unusual first.

    The last hour is (now - 1 hour, now]. The usual rate is the group's signatures per hour over the
    baseline, which runs from 7 days before the last hour (or from the petition's first signature,
    if later) to the start of the last hour, and counts as at least one hour long. The ratio is the
    last hour over the usual rate, a group with no signature in the baseline counting as one, so a
    new group's ratio is finite and grows with the baseline. Groups are sorted by last hour times
    ratio, the top 20 kept. `held` and `invalidated` count the group's signatures in the baseline
    and the last hour. One aggregate query over the petition's recent signatures (index
    `signature_recent`), plus one for the first signature.
    """
    now = now or timezone.now()
    hour_start = now - LAST_HOUR
    first_signed = Signature.objects.filter(petition=petition).aggregate(first=Min("created_at"))["first"]
    baseline_start = max(hour_start - BASELINE, first_signed or hour_start)
    baseline_hours = max((hour_start - baseline_start) / LAST_HOUR, 1.0)
    rows = (
        _groups(petition, kind)
        .filter(created_at__gt=hour_start - BASELINE, created_at__lte=now)  # a later first signature starts it anyway
        .values("group")
        .annotate(
            last_hour=Count("pk", filter=Q(created_at__gt=hour_start)),
            before=Count("pk", filter=Q(created_at__lte=hour_start)),
            held=Count("pk", filter=Q(status=SignatureStatus.HELD)),
            invalidated=Count("pk", filter=Q(status=SignatureStatus.INVALIDATED)),
        )
        .filter(last_hour__gte=settings.PETITION_TRENDING_MIN_PER_HOUR)
        # last hour x ratio, less the baseline's length, which is the same for every group
        .annotate(score=Cast(F("last_hour") * F("last_hour"), FloatField()) / Greatest(F("before"), 1))
        .order_by("-score", "-last_hour", "group")[:TOP_GROUPS]
    )
    return [
        TrendingGroup(
            petition_id=petition.pk,
            kind=kind,
            key=row["group"],
            last_hour=row["last_hour"],
            usual_per_hour=row["before"] / baseline_hours,
            ratio=row["last_hour"] * baseline_hours / max(row["before"], 1),
            held=row["held"],
            invalidated=row["invalidated"],
        )
        for row in rows
    ]


def signatures_to_invalidate(
    *, petition: PetitionPage, kind: str, key: str, window: str, now: datetime | None = None
) -> SignatureQuerySet:
    """The group's signatures on this petition in the window that are not invalidated yet: the dry run."""
    signatures = _groups(petition, kind).filter(group=key).exclude(status=SignatureStatus.INVALIDATED)
    if GroupWindow(window) != GroupWindow.ALL:  # an unknown window raises ValueError rather than taking all
        signatures = signatures.filter(created_at__gt=(now or timezone.now()) - WINDOW_LENGTHS[window])
    return signatures


def group_token(*, petition_id: int, kind: str, key: str) -> str:
    """A signed reference to one group of one petition, for links: staff cannot point it elsewhere."""
    return signing.dumps([petition_id, kind, key], salt=GROUP_SALT, compress=True)


def read_group_token(token: str, *, petition: PetitionPage) -> tuple[str, str]:
    """The (kind, key) a token from `group_token` names; InvalidGroup if altered or for another petition."""
    try:
        petition_id, kind, key = signing.loads(token, salt=GROUP_SALT)
    except (signing.BadSignature, ValueError, TypeError) as error:  # altered, or not three items
        raise InvalidGroup from error
    if petition_id != petition.pk or kind not in SourceKind.values or not isinstance(key, str):
        raise InvalidGroup
    return kind, key


def _groups(petition: PetitionPage, kind: str) -> SignatureQuerySet:
    """The petition's signatures that belong to a group of this kind, annotated with it as `group`."""
    signatures = Signature.objects.filter(petition=petition)
    if kind == SourceKind.NETWORK:
        return signatures.exclude(network_hash="").annotate(group=F("network_hash"))
    if kind == SourceKind.DOMAIN:
        return signatures.annotate(group=EMAIL_DOMAIN).exclude(group__in=["", ANONYMISED_EMAIL_DOMAIN])
    raise ValueError(kind)
