"""Reads shaped for the statement page, its CSV and PDF, and the API. Never a contact's name or address."""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from stoptheharm.core.actions import in_default_language, of_campaign, open_at
from stoptheharm.core.privacy import RetentionPeriod, deleted_after
from stoptheharm.core.regions import REGION_NAMES, region_of
from stoptheharm.organisations.models import Organisation
from stoptheharm.organisations.selectors import MatchReason, find_similar_organisations
from stoptheharm.statements.collation import collated
from stoptheharm.statements.models import (
    ACTIVE_STATES,
    Endorsement,
    EndorsementStatus,
    IndividualEndorsement,
    StatementPage,
)
from stoptheharm.statements.references import annotate
from stoptheharm.statements.tokens import CONFIRMATION_VALIDITY

WORLDWIDE = "worldwide"  # the "region" of an organisation that names no country


@dataclass(frozen=True)
class Signatory:
    """An approved organisation as the public list shows it, numbered in collation order."""

    number: int
    name: str
    short_name: str
    website: str
    kind: str
    countries: tuple[str, ...]  # ISO 3166-1 alpha-2 codes
    regions: tuple[str, ...]

    @property
    def country_names(self) -> str:
        return ", ".join(str(countries.name(code)) for code in self.countries)


@dataclass(frozen=True)
class IndividualSignatory:
    number: int
    name: str
    country: str
    affiliation: str

    @property
    def country_name(self) -> str:
        return str(countries.name(self.country))


@dataclass(frozen=True)
class Tally:
    """How many signatories one country or region has; `key` is its code."""

    key: str
    name: str
    count: int


def _regions(country_codes: tuple[str, ...]) -> tuple[str, ...]:
    regions = {region for region in map(region_of, country_codes) if region}
    return tuple(sorted(regions)) or (WORLDWIDE,)


def statement_signatories(statement: StatementPage) -> list[Signatory]:
    """Every approved organisation of the statement (all its translations), numbered in collation order."""
    endorsements = (
        Endorsement.objects.approved()
        .filter(statement=statement.canonical)
        .select_related("organisation")
        .only(
            "organisation__name",
            "organisation__short_name",
            "organisation__website",
            "organisation__kind",
            "organisation__countries",
        )
    )
    organisations = collated((endorsement.organisation for endorsement in endorsements), key=lambda org: org.name)
    return [
        Signatory(
            number=number,
            name=organisation.name,
            short_name=organisation.short_name,
            website=organisation.website,
            kind=organisation.kind,
            countries=tuple(country.code for country in organisation.countries),
            regions=_regions(tuple(country.code for country in organisation.countries)),
        )
        for number, organisation in enumerate(organisations, start=1)
    ]


def individual_signatories(statement: StatementPage) -> list[IndividualSignatory]:
    """The approved individuals, numbered in collation order; empty unless the statement accepts them."""
    if not statement.accepts_individuals:
        return []
    rows = (
        IndividualEndorsement.objects.approved()
        .filter(statement=statement.canonical)
        .values_list("name", "country", "affiliation")
    )
    return [
        IndividualSignatory(number=number, name=name, country=country, affiliation=affiliation)
        for number, (name, country, affiliation) in enumerate(collated(rows, key=lambda row: row[0]), start=1)
    ]


def country_tallies(signatories: list[Signatory]) -> list[Tally]:
    """Signatories per country, most first; an organisation working in two countries counts in both."""
    counts = Counter(code for signatory in signatories for code in signatory.countries)
    tallies = [Tally(key=code, name=str(countries.name(code)), count=count) for code, count in counts.items()]
    return sorted(tallies, key=lambda tally: (-tally.count, tally.name))


def region_name(key: str) -> str:
    return gettext("Worldwide") if key == WORLDWIDE else str(REGION_NAMES[key])


def region_tallies(signatories: list[Signatory]) -> list[Tally]:
    """Signatories per region, most first; organisations that name no country are counted as worldwide."""
    counts = Counter(region for signatory in signatories for region in signatory.regions)
    tallies = [Tally(key=key, name=region_name(key), count=count) for key, count in counts.items()]
    return sorted(tallies, key=lambda tally: (-tally.count, tally.name))


@dataclass(frozen=True)
class SignatoryFilter:
    """What a visitor chose to narrow the list to; unknown values are ignored rather than refused."""

    country: str = ""
    region: str = ""

    @classmethod
    def from_query(cls, query: Mapping[str, Any]) -> "SignatoryFilter":
        country = str(query.get("country", "")).upper()
        region = str(query.get("region", ""))
        return cls(
            country=country if country in countries else "",
            region=region if region in REGION_NAMES or region == WORLDWIDE else "",
        )

    @property
    def is_active(self) -> bool:
        return bool(self.country or self.region)

    @property
    def query_string(self) -> str:
        return urlencode({name: value for name, value in (("country", self.country), ("region", self.region)) if value})

    def apply(self, signatories: list[Signatory]) -> list[Signatory]:
        """The chosen signatories, keeping their numbers on the full list."""
        return [
            signatory
            for signatory in signatories
            if (not self.country or self.country in signatory.countries)
            and (not self.region or self.region in signatory.regions)
        ]


def statement_page_context(statement: StatementPage, query: Mapping[str, Any]) -> dict[str, Any]:
    """Everything the statement page shows beyond the page's own fields."""
    signatories = statement_signatories(statement)
    chosen = SignatoryFilter.from_query(query)
    return {
        "annotated": annotate(statement),
        "signatories": signatories,
        "shown_signatories": chosen.apply(signatories),
        "signatory_filter": chosen,
        "country_tallies": country_tallies(signatories),
        "region_tallies": region_tallies(signatories),
        "individuals": individual_signatories(statement),
    }


def published_statements(*, language: str) -> QuerySet[StatementPage]:
    """Live, public statements in one language, newest first."""
    return StatementPage.objects.live().public().filter(locale__language_code=language).order_by("-first_published_at")


def signatory_counts(statements: list[StatementPage]) -> dict[int, int]:
    """How many organisations signed each statement, by page id, in one query for the whole list.

    Endorsements belong to the default-language original; it shares its translation key with every
    translation, so counting by that key serves them all.
    """
    rows = (
        Endorsement.objects.approved()
        .filter(statement__translation_key__in={statement.translation_key for statement in statements})
        .values_list("statement__translation_key")
        .annotate(count=Count("pk"))
    )
    by_key = dict(rows)
    return {statement.pk: by_key.get(statement.translation_key, 0) for statement in statements}


@dataclass(frozen=True)
class OpenStatement:
    """A statement open for endorsement (its default-language original) and how many organisations signed it."""

    statement: StatementPage
    signatories: int


def open_statements(*, campaign_id: int | None = None) -> list[OpenStatement]:
    """Live, public statements open for endorsement now, with their organisations' count; of one campaign if given.

    One entry per statement: the default-language original, which every translation's endorsements belong to.
    """
    statements = (
        StatementPage.objects.live().public().filter(open_at(timezone.now()), in_default_language()).order_by("pk")
    )
    if campaign_id is not None:
        statements = statements.filter(of_campaign(campaign_id))
    statements = list(statements)
    counts = signatory_counts(statements)
    return [OpenStatement(statement, counts[statement.pk]) for statement in statements]


MATCH_REASONS = {
    MatchReason.SAME_NAME: _("Same name (ignoring case, accents, punctuation and legal suffixes)"),
    MatchReason.SAME_DOMAIN: _("Same website domain"),
    MatchReason.NEAR_NAME: _("Similar name"),
}


@dataclass(frozen=True)
class DuplicateCandidate:
    """A directory organisation that a proposed one may be, for moderators: why, and how sure (1.0: exact)."""

    organisation: Organisation
    reason: str
    score: float

    @property
    def reason_label(self) -> str:
        return str(MATCH_REASONS.get(self.reason, self.reason))


def duplicate_candidates(endorsement: Endorsement) -> list[DuplicateCandidate]:
    """Directory organisations the endorsement's proposed organisation may be; none once it is linked to one."""
    if endorsement.organisation_id:
        return []
    similar = find_similar_organisations(endorsement.proposed_name, endorsement.proposed_website)
    return [DuplicateCandidate(match.organisation, match.reason, match.score) for match in similar]


def duplicates_summary(endorsement: Endorsement) -> str:
    """The candidates on one line, for the moderation queue: "Name (why, score); ..."."""
    return "; ".join(
        f"{candidate.organisation.name} ({candidate.reason_label}, {candidate.score:.2f})"
        for candidate in duplicate_candidates(endorsement)
    )


def listed_organisation_ids(statement: StatementPage) -> set[int]:
    """Directory organisations on the statement's list or waiting to be (at most once each)."""
    active = Endorsement.objects.filter(statement=statement.canonical, status__in=ACTIVE_STATES)
    return set(active.exclude(organisation=None).values_list("organisation_id", flat=True))


def retention_periods() -> list[RetentionPeriod]:
    """What the platform keeps about endorsers and for how long, read from the code that enforces it."""
    unconfirmed = CONFIRMATION_VALIDITY.days
    contacts = settings.STATEMENT_CONTACTS_ERASE_AFTER_DAYS
    return [
        RetentionPeriod(
            gettext("An endorsement of a statement never confirmed"),
            deleted_after(unconfirmed),
        ),
        RetentionPeriod(
            gettext("The names and e-mail addresses of the people who endorse statements"),
            ngettext(
                "erased %(days)d day after the endorsement is approved or rejected; the organisation stays listed",
                "erased %(days)d days after the endorsement is approved or rejected; the organisation stays listed",
                contacts,
            )
            % {"days": contacts},
        ),
    ]


def statements_signed_by(*, organisation_id: int, language: str) -> QuerySet[StatementPage]:
    """Live, public statements in one language whose list the organisation is on (approved), newest first.

    Endorsements belong to each statement's default-language original; its translations share its key.
    """
    signed = Endorsement.objects.filter(organisation_id=organisation_id, status=EndorsementStatus.APPROVED)
    return (
        StatementPage.objects.live()
        .public()
        .filter(locale__language_code=language, translation_key__in=signed.values("statement__translation_key"))
        .order_by("-first_published_at")
    )
