"""Reads of the library: the list with its search, filters and sorting; editions, translations, publishers.

A resource and its translations share a `translation_key`. Lists show each resource once, in the
reader's language when it has been translated into it, else in the language it was first published in.
"""

from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import get_language_info
from django_countries import countries

from stoptheharm.core.actions import of_campaign
from stoptheharm.core.text import fold_text
from stoptheharm.library.models import ResourceFile, ResourcePage, ResourceTopic
from stoptheharm.organisations.models import Organisation

MAX_SEARCH_HITS = 1000  # far more than a library holds; bounds the work a single query can cause


class Sorting(StrEnum):
    RELEVANCE = "relevance"
    NEWEST = "newest"
    OLDEST = "oldest"
    TITLE = "title"


ORDERINGS = {
    Sorting.NEWEST: ["-year", "-first_published_at", "pk"],
    Sorting.OLDEST: ["year", "first_published_at", "pk"],
    Sorting.TITLE: ["title", "pk"],
}


@dataclass(frozen=True)
class LibraryFilters:
    """Every filter given narrows the list (they combine with AND); empty means "any"."""

    query: str = ""
    kind: str = ""
    topic: str = ""  # a topic's slug
    language: str = ""  # the resource, or one of its files, is in this language
    country: str = ""
    year: int | None = None
    sorting: Sorting | None = None  # relevance when searching, else newest first


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


def live_resources() -> QuerySet[ResourcePage]:
    return ResourcePage.objects.live().public()


def one_version_per_resource(resources: QuerySet[ResourcePage], *, language_code: str) -> QuerySet[ResourcePage]:
    """Each resource once: in `language_code` if it is live in it, else its earliest live version."""
    live = live_resources()
    in_language = live.filter(translation_key=OuterRef("translation_key"), locale__language_code=language_code)
    earlier = live.filter(translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk"))
    return resources.filter(Q(locale__language_code=language_code) | (~Exists(in_language) & ~Exists(earlier)))


def search_translation_keys(query: str) -> list[UUID]:
    """The translation keys of resources matching every word, in any language, best match first.

    The query is folded as the index's folded copy is (no accents, no case; decision 0013), so that
    "reducao" finds "redução" and "объём" finds "объем" on SQLite and on PostgreSQL alike.
    """
    folded = fold_text(query)
    if not folded:
        return []
    hits = live_resources().search(folded, operator="and")[:MAX_SEARCH_HITS]
    return list(dict.fromkeys(hit.translation_key for hit in hits))


def library_resources(filters: LibraryFilters, *, language_code: str) -> list[ResourcePage]:
    resources = one_version_per_resource(live_resources(), language_code=language_code)
    if filters.kind:
        resources = resources.filter(kind=filters.kind)
    if filters.topic:
        resources = resources.filter(topics__slug=filters.topic)
    if filters.language:
        in_language = live_resources().filter(locale__language_code=filters.language).values("translation_key")
        with_file = ResourceFile.objects.filter(language=filters.language, page__live=True)
        resources = resources.filter(
            Q(translation_key__in=in_language) | Q(translation_key__in=with_file.values("page__translation_key"))
        )
    if filters.country:
        resources = resources.filter(countries__contains=filters.country.upper())  # codes are comma-separated
    if filters.year:
        resources = resources.filter(year=filters.year)
    resources = (
        resources.select_related("locale", "series")
        .prefetch_related("files__document", "publishers__organisation")
        .distinct()
    )
    sorting = filters.sorting or (Sorting.RELEVANCE if filters.query else Sorting.NEWEST)
    if not filters.query:
        return list(resources.order_by(*ORDERINGS.get(sorting, ORDERINGS[Sorting.NEWEST])))
    ranked_keys = search_translation_keys(filters.query)
    resources = resources.filter(translation_key__in=ranked_keys)
    if sorting == Sorting.RELEVANCE:
        rank = {key: position for position, key in enumerate(ranked_keys)}
        return sorted(resources, key=lambda resource: rank[resource.translation_key])
    return list(resources.order_by(*ORDERINGS[sorting]))


def translations_of(resource: ResourcePage) -> list[ResourcePage]:
    """The same resource in the other languages it is live in, for "Also in: ..." links."""
    return list(resource.get_translations().live().public().select_related("locale").order_by("locale__language_code"))


def other_editions(resource: ResourcePage) -> list[ResourcePage]:
    """The other editions of the resource's series, newest first, each in the reader's language when it exists."""
    if not resource.series_id:
        return []
    editions = live_resources().filter(series_id=resource.series_id).exclude(translation_key=resource.translation_key)
    editions = one_version_per_resource(editions, language_code=resource.locale.language_code)
    return list(editions.order_by("-year", "-first_published_at"))


def published_by(organisation: Organisation, *, language_code: str) -> list[ResourcePage]:
    resources = live_resources().filter(publishers__organisation=organisation).distinct()
    return list(one_version_per_resource(resources, language_code=language_code).order_by("-year", "title"))


def resources_of_campaign(*, campaign_id: int, language_code: str) -> list[ResourcePage]:
    """A campaign's resources (pointing to it or to any of its translations), each once, newest first."""
    resources = live_resources().filter(of_campaign(campaign_id))
    return list(one_version_per_resource(resources, language_code=language_code).order_by("-year", "title"))


def topic_choices() -> list[Choice]:
    items = ResourceTopic.objects.filter(content_object__live=True).values_list("tag__slug", "tag__name").distinct()
    return sorted({Choice(slug, name) for slug, name in items}, key=lambda choice: choice.label.casefold())


def language_choices() -> list[Choice]:
    """The languages resources exist in, as pages or as files, each named in its own language."""
    codes = set(live_resources().values_list("locale__language_code", flat=True))
    codes |= set(ResourceFile.objects.filter(page__live=True).values_list("language", flat=True))
    return sorted((Choice(code, language_name(code)) for code in codes), key=lambda choice: choice.label.casefold())


def country_choices() -> list[Choice]:
    codes = {
        code for value in live_resources().values_list("countries", flat=True) for code in value.split(",") if code
    }
    return sorted((Choice(code, countries.name(code)) for code in codes), key=lambda choice: choice.label)


def year_choices() -> list[int]:
    return sorted(set(live_resources().values_list("year", flat=True)), reverse=True)


def language_name(code: str) -> str:
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code
