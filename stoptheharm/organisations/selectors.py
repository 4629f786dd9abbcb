"""Reads of the directory shared by the public pages, the API, the import and the moderation screens."""

from dataclasses import dataclass
from difflib import SequenceMatcher

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import gettext, ngettext
from django_countries import countries

from stoptheharm.core.privacy import RetentionPeriod, deleted_after
from stoptheharm.core.regions import countries_in
from stoptheharm.core.text import fold_text
from stoptheharm.organisations.limits import ADDRESS_HASH_RETENTION
from stoptheharm.organisations.models import ApplicationStatus, Organisation, OrganisationApplication
from stoptheharm.organisations.names import normalise_organisation_name, website_domain
from stoptheharm.organisations.tokens import CONFIRMATION_VALIDITY

# On normalised names: "Harm Reduction Network Georgia" and "Georgia Harm Reduction Network" score 0.67,
# "Eurasian Harm Reduction Association" and "Eurasian Harm Reduction Asociation" 0.99. At 0.85 a typo
# or a missing word in a long name is caught, and different organisations of one family
# ("Romanian Harm Reduction Network", "Polish Drug Policy Network") are not.
NEAR_NAME_THRESHOLD = 0.85


class MatchReason:
    SAME_NAME = "same_name"
    SAME_DOMAIN = "same_domain"
    NEAR_NAME = "near_name"


@dataclass(frozen=True)
class SimilarOrganisation:
    """A directory entry that may be the organisation described, with why and how sure (1.0 for exact)."""

    organisation: Organisation
    reason: str
    score: float


def find_similar_organisations(name: str, website: str = "", *, limit: int = 10) -> list[SimilarOrganisation]:
    """Directory entries that may be the same organisation: same normalised name, same website domain, near name.

    Each organisation appears once, under its strongest reason; exact matches first, then by score.
    Near names are compared with difflib on the indexed normalised names, its quick upper bounds
    first, which keeps a few thousand organisations well under the time of one request.
    """
    normalised = normalise_organisation_name(name)
    found: dict[int, SimilarOrganisation] = {}
    for organisation in Organisation.objects.filter(normalised_name=normalised) if normalised else []:
        found[organisation.pk] = SimilarOrganisation(organisation, MatchReason.SAME_NAME, 1.0)
    domain = website_domain(website)
    if domain:
        for organisation in Organisation.objects.filter(website__icontains=domain).exclude(pk__in=found):
            if website_domain(organisation.website) == domain:
                found[organisation.pk] = SimilarOrganisation(organisation, MatchReason.SAME_DOMAIN, 1.0)
    near = _near_name_scores(normalised, exclude=set(found)) if normalised else {}
    for organisation in Organisation.objects.filter(pk__in=near):
        found[organisation.pk] = SimilarOrganisation(organisation, MatchReason.NEAR_NAME, near[organisation.pk])
    return sorted(found.values(), key=lambda match: (-match.score, match.organisation.name))[:limit]


def _near_name_scores(normalised: str, *, exclude: set[int]) -> dict[int, float]:
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(normalised)
    scores = {}
    for organisation_id, candidate in Organisation.objects.exclude(pk__in=exclude).values_list("pk", "normalised_name"):
        matcher.set_seq1(candidate)
        if (
            matcher.real_quick_ratio() >= NEAR_NAME_THRESHOLD
            and matcher.quick_ratio() >= NEAR_NAME_THRESHOLD
            and (score := matcher.ratio()) >= NEAR_NAME_THRESHOLD
        ):
            scores[organisation_id] = round(score, 2)
    return scores


@dataclass(frozen=True)
class DirectoryFilters:
    query: str = ""
    country: str = ""
    region: str = ""
    scope: str = ""
    kind: str = ""
    is_member: bool = False


def directory_organisations(filters: DirectoryFilters) -> QuerySet[Organisation]:
    """The directory's organisations matching the search (accent- and case-insensitive) and filters, by name."""
    organisations = Organisation.objects.all()
    for word in fold_text(filters.query).split():
        organisations = organisations.filter(search_name__contains=word)
    if filters.country:
        organisations = organisations.filter(countries__contains=filters.country)
    if filters.region:
        in_region = Q()
        for code in countries_in(filters.region):
            in_region |= Q(countries__contains=code)
        organisations = organisations.filter(in_region)
    if filters.scope:
        organisations = organisations.filter(scope=filters.scope)
    if filters.kind:
        organisations = organisations.filter(kind=filters.kind)
    if filters.is_member:
        organisations = organisations.filter(is_member=True)
    return organisations.select_related("logo").order_by("name", "pk")


@dataclass(frozen=True)
class CountryCount:
    code: str
    name: str
    count: int


def organisation_counts_by_country(organisations: QuerySet[Organisation]) -> list[CountryCount]:
    """Organisations per country, most first, named in the active language; one counts in each of its countries.

    django-countries stores the codes comma-separated in one column, so they are counted here rather than
    grouped by the database.
    """
    counts: dict[str, int] = {}
    for codes in organisations.exclude(countries="").values_list("countries", flat=True):
        for code in str(codes).split(","):
            counts[code] = counts.get(code, 0) + 1
    named = [CountryCount(code=code, name=str(countries.name(code)), count=count) for code, count in counts.items()]
    return sorted(named, key=lambda country: (-country.count, country.name))


def member_count() -> int:
    """How many organisations have joined the coalition, for the About page."""
    return Organisation.objects.filter(is_member=True).count()


@dataclass(frozen=True)
class ApplicationForModeration:
    """An application awaiting a decision, with the directory entries that may be the same organisation."""

    application: OrganisationApplication
    candidates: list[SimilarOrganisation]


def applications_awaiting_moderation() -> list[ApplicationForModeration]:
    """Confirmed applications waiting for a moderator, oldest first, each with its duplicate candidates."""
    applications = OrganisationApplication.objects.filter(status=ApplicationStatus.AWAITING_MODERATION)
    return [
        ApplicationForModeration(application, find_similar_organisations(application.name, application.website))
        for application in applications.order_by("confirmed_at", "pk")
    ]


def application_retention_periods() -> list[RetentionPeriod]:
    """What the platform keeps about applicants' contacts and for how long, read from the code that enforces it."""
    unconfirmed = CONFIRMATION_VALIDITY.days
    hashes = ADDRESS_HASH_RETENTION.days
    after_decision = settings.ORGANISATION_APPLICATION_ERASE_AFTER_DAYS
    return [
        RetentionPeriod(
            gettext("An application never confirmed"),
            deleted_after(unconfirmed),
        ),
        RetentionPeriod(
            gettext("Keyed hashes of the address an application came from"),
            deleted_after(hashes),
        ),
        RetentionPeriod(
            gettext("The contact's name and e-mail address, and the reasons given, on an application decided"),
            ngettext(
                "erased %(days)d day after the decision",
                "erased %(days)d days after the decision",
                after_decision,
            )
            % {"days": after_decision},
        ),
    ]
