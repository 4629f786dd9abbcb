"""Reads shaped for the petition page, the API and the signer's own data."""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote, urlencode, urljoin

from django.conf import settings
from django.core.cache import cache, caches
from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django_countries import countries

from stoptheharm.core.actions import in_default_language, of_campaign, open_at
from stoptheharm.core.privacy import RetentionPeriod, deleted_after
from stoptheharm.petitions.counting import confirmed_by_country, confirmed_by_country_for
from stoptheharm.petitions.limits import ADDRESS_HASH_RETENTION
from stoptheharm.petitions.models import PetitionCoSponsor, PetitionPage, PetitionState, Signature
from stoptheharm.petitions.tokens import CONFIRMATION_VALIDITY, InvalidToken, read_management_token, secrets_match

COUNTS_TTL_SECONDS = 1  # a count read as a confirmation commits is dropped within a second (core.pagecache: 5 s in all)
MILESTONE_BASE = 10


@dataclass(frozen=True)
class CountryCount:
    code: str
    name: str
    count: int


@dataclass(frozen=True)
class PetitionSummary:
    confirmed: int
    imported: int
    goal: int
    by_country: list[tuple[str, int]]

    @property
    def total(self) -> int:
        return self.confirmed + self.imported

    @property
    def progress_percent(self) -> int:
        return min(100, self.total * 100 // self.goal)

    def countries(self) -> list[CountryCount]:
        """Per-country counts, largest first, with names in the active language."""
        return [CountryCount(code=code, name=countries.name(code), count=count) for code, count in self.by_country]


@dataclass(frozen=True)
class PublicSigner:
    name: str
    country: str
    signed_on: date


def public_name(name: str) -> str:
    """First name and the initial of the last: "Amina Diallo" becomes "Amina D."."""
    words = name.split()
    if len(words) < 2:
        return name.strip()
    return f"{words[0]} {words[-1][0]}."


def public_signers(petition: PetitionPage, *, limit: int = 50) -> list[PublicSigner]:
    """The most recent confirmed signers who asked to be listed; never an e-mail address."""
    rows = (
        Signature.objects.counted()
        .filter(petition=petition, is_public=True, anonymised_at__isnull=True)
        .order_by("-confirmed_at")
        .values_list("name", "country", "confirmed_at")[:limit]
    )
    return [
        PublicSigner(name=public_name(name), country=countries.name(country), signed_on=confirmed_at.date())
        for name, country, confirmed_at in rows
    ]


@dataclass(frozen=True)
class CoSponsor:
    """What the public may know of a co-sponsoring organisation: never its contact address."""

    name: str
    short_name: str
    website: str


CO_SPONSORS = Prefetch("co_sponsors", queryset=PetitionCoSponsor.objects.select_related("organisation"))


def published_petitions(*, language: str) -> QuerySet[PetitionPage]:
    """Live, public petitions in one language, newest first."""
    return (
        PetitionPage.objects.live()
        .public()
        .filter(locale__language_code=language)
        .order_by("-first_published_at")
        .prefetch_related("targets", CO_SPONSORS)
    )


def petitions_co_sponsored_by(*, organisation_id: int, language: str) -> QuerySet[PetitionPage]:
    """Live, public petitions in one language that the organisation co-sponsors, newest first."""
    return (
        PetitionPage.objects.live()
        .public()
        .filter(locale__language_code=language, co_sponsors__organisation_id=organisation_id)
        .order_by("-first_published_at")
    )


SIGNING_LOOKUP_SECONDS = 2


def petition_for_signing(*, pk: int | None = None, slug: str | None = None, language: str = "") -> PetitionPage | None:
    """The live, public petition a signature is sent to (by id, or by slug in a language), or None.

    Remembered for a moment in this process's memory: in a surge every request names the same
    petition, and the page tree need not be walked for each. An editor's change (closing the
    petition early) reaches the signing path within those two seconds.
    """
    key = f"petitions:signing:{pk}:{slug}:{language}"
    found = caches["local"].get(key, default=False)
    if found is False:
        petitions = PetitionPage.objects.live().public()
        found = (
            petitions.filter(pk=pk) if pk is not None else petitions.filter(slug=slug, locale__language_code=language)
        ).first()
        if found is not None:
            found.canonical  # noqa: B018  # resolved once, kept with the petition
        caches["local"].set(key, found, SIGNING_LOOKUP_SECONDS)
    return found


def co_sponsors(petition: PetitionPage) -> list[CoSponsor]:
    """The petition's co-sponsoring organisations in the editors' order; one query unless prefetched."""
    prefetch_related_objects([petition], CO_SPONSORS)
    return [
        CoSponsor(name=organisation.name, short_name=organisation.short_name, website=organisation.website)
        for organisation in (co_sponsor.organisation for co_sponsor in petition.co_sponsors.all())
    ]


def counts_cache_key(petition_id: int) -> str:
    return f"petitions:{petition_id}:counts"


def next_milestone(total: int) -> int:
    """100, 1,000, 10,000 …: the first above the total."""
    milestone = MILESTONE_BASE**2
    while milestone <= total:
        milestone *= MILESTONE_BASE
    return milestone


def petition_summary(petition: PetitionPage) -> PetitionSummary:
    """Counts for the page; cached for a few seconds and dropped when a signature is confirmed."""
    by_country = cache.get_or_set(
        counts_cache_key(petition.pk), lambda: confirmed_by_country(petition.pk), COUNTS_TTL_SECONDS
    )
    confirmed = sum(count for _code, count in by_country)
    total = confirmed + petition.imported_count
    return PetitionSummary(
        confirmed=confirmed,
        imported=petition.imported_count,
        goal=petition.goal or next_milestone(total),
        by_country=by_country,
    )


@dataclass(frozen=True)
class OpenPetition:
    """A petition open for signing (its default-language original) and its total as its page shows it."""

    petition: PetitionPage
    supporters: int


def open_petitions(*, campaign_id: int | None = None) -> list[OpenPetition]:
    """Live, public petitions open for signing now, with their totals; of one campaign if given.

    One entry per petition: the default-language original, which every translation's signatures
    belong to. Counts come from the same short-lived cache as the petition pages, so they are never
    staler than those; the petitions not in it are counted together in one statement.
    """
    petitions = (
        PetitionPage.objects.live()
        .public()
        .filter(open_at(timezone.now()), in_default_language(), state=PetitionState.OPEN)
        .order_by("pk")
    )
    if campaign_id is not None:
        petitions = petitions.filter(of_campaign(campaign_id))
    petitions = list(petitions)
    by_country = cached_counts_by_country([petition.pk for petition in petitions])
    return [
        OpenPetition(petition, sum(count for _code, count in by_country[petition.pk]) + petition.imported_count)
        for petition in petitions
    ]


def cached_counts_by_country(petition_ids: list[int]) -> dict[int, list[tuple[str, int]]]:
    """`petition_summary`'s cached counts of several petitions: one cache read, one query for the missing."""
    keys = {counts_cache_key(petition_id): petition_id for petition_id in petition_ids}
    counts = {keys[key]: by_country for key, by_country in cache.get_many(list(keys)).items()}
    missing = [petition_id for petition_id in petition_ids if petition_id not in counts]
    if missing:
        fresh = confirmed_by_country_for(missing)
        cache.set_many(
            {counts_cache_key(petition_id): counted for petition_id, counted in fresh.items()}, COUNTS_TTL_SECONDS
        )
        counts |= fresh
    return counts


@dataclass(frozen=True)
class ShareLink:
    network: str
    url: str


def share_links(petition: PetitionPage, request: HttpRequest) -> list[ShareLink]:
    """Plain links to share the petition: no script or image from any network is loaded."""
    url = request.build_absolute_uri(petition.get_url(request))
    text = petition.share_text or petition.title
    message = f"{text} {url}"
    return [
        ShareLink(gettext("E-mail"), "mailto:?" + _query(subject=petition.title, body=message)),
        ShareLink("WhatsApp", "https://wa.me/?" + _query(text=message)),
        ShareLink("Telegram", "https://t.me/share/url?" + _query(url=url, text=text)),
        ShareLink("X", "https://x.com/intent/post?" + _query(text=text, url=url)),
        ShareLink("Facebook", "https://www.facebook.com/sharer/sharer.php?" + _query(u=url)),
    ]


def _query(**parameters: str) -> str:
    return urlencode(parameters, quote_via=quote)


def retention_periods() -> list[RetentionPeriod]:
    """What the platform keeps about signers and for how long, read from the code that enforces it."""
    unconfirmed = CONFIRMATION_VALIDITY.days
    hashes = ADDRESS_HASH_RETENTION.days
    after_close = settings.PETITION_ANONYMISE_AFTER_DAYS
    return [
        RetentionPeriod(
            gettext("A signature never confirmed"),
            deleted_after(unconfirmed),
        ),
        RetentionPeriod(
            gettext("Keyed hashes of the address a signature came from"),
            deleted_after(hashes),
        ),
        RetentionPeriod(
            gettext("Signers' names and e-mail addresses"),
            ngettext(
                "erased %(days)d day after the petition closes; the count remains",
                "erased %(days)d days after the petition closes; the count remains",
                after_close,
            )
            % {"days": after_close},
        ),
    ]


def signature_for_link(signatures: QuerySet[Signature], signature_id: int, secret: str) -> Signature:
    """The signature an e-mailed link names, if the link's secret matches (in constant time); else InvalidToken."""
    signature = signatures.filter(pk=signature_id).first()
    if signature is None or not secrets_match(secret, signature.secret):
        raise InvalidToken
    return signature


def signature_for_management_token(*, token: str) -> Signature:
    """The signature a management link belongs to, read without a lock: for pages that only ask."""
    return signature_for_link(Signature.objects.select_related("petition"), *read_management_token(token))


def signer_data(*, token: str) -> dict[str, Any]:
    """Everything held about the management link's e-mail address, on every petition, for its owner to download.

    Secrets (live links) and address hashes are left out; the file says what the hashes are.
    """
    address = signature_for_management_token(token=token).email
    signatures = Signature.objects.filter(email=address).select_related("petition").order_by("created_at", "pk")
    hash_days = ADDRESS_HASH_RETENTION.days
    return {
        "about": gettext(
            "Everything Stop the Harm holds about this e-mail address: one entry for each petition signed with it."
        ),
        "network_address": ngettext(
            "The platform never stores your network (IP) address. For %(days)d day it keeps keyed hashes of it and "
            "of its network, only to detect fraud; they cannot be turned back into the address and are not included.",
            "The platform never stores your network (IP) address. For %(days)d days it keeps keyed hashes of it and "
            "of its network, only to detect fraud; they cannot be turned back into the address and are not included.",
            hash_days,
        )
        % {"days": hash_days},
        "email": address,
        "generated_at": timezone.now().isoformat(),
        "signatures": [_signature_record(signature) for signature in signatures],
    }


def _signature_record(signature: Signature) -> dict[str, Any]:
    petition = signature.petition
    return {
        "petition": {"title": petition.title, "url": urljoin(settings.SITE_URL, petition.get_url())},
        "name": signature.name,
        "email": signature.email,
        "country": signature.country.code,
        "country_name": str(signature.country.name),
        "language": signature.language,
        "status": signature.status,
        "status_description": str(signature.get_status_display()),
        "on_public_list": signature.is_public and signature.is_counted,
        "wants_updates": signature.wants_updates,
        "consents": signature.consents,
        "emails_sent": signature.emails_sent,
        "created_at": _isoformat(signature.created_at),
        "confirmed_at": _isoformat(signature.confirmed_at),
    }


def _isoformat(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None
