"""Reads shaped for the petition page and, later, the API."""

from dataclasses import dataclass
from datetime import date
from urllib.parse import quote, urlencode

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.http import HttpRequest
from django.utils.translation import gettext, ngettext
from django_countries import countries

from stoptheharm.petitions.counting import confirmed_by_country
from stoptheharm.petitions.limits import ADDRESS_HASH_RETENTION
from stoptheharm.petitions.models import PetitionCoSponsor, PetitionPage, Signature
from stoptheharm.petitions.tokens import CONFIRMATION_VALIDITY

COUNTS_TTL_SECONDS = 5
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


@dataclass(frozen=True)
class RetentionPeriod:
    what: str
    how_long: str


def retention_periods() -> list[RetentionPeriod]:
    """What the platform keeps about signers and for how long, read from the code that enforces it."""
    unconfirmed = CONFIRMATION_VALIDITY.days
    hashes = ADDRESS_HASH_RETENTION.days
    after_close = settings.PETITION_ANONYMISE_AFTER_DAYS
    return [
        RetentionPeriod(
            gettext("A signature never confirmed"),
            ngettext("deleted after %(days)d day", "deleted after %(days)d days", unconfirmed) % {"days": unconfirmed},
        ),
        RetentionPeriod(
            gettext("Keyed hashes of the address a signature came from"),
            ngettext("deleted after %(days)d day", "deleted after %(days)d days", hashes) % {"days": hashes},
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
