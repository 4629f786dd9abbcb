"""What the platform holds about a country, on its atlas page: pages sits above the atlas and the features."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail import hooks

from stoptheharm.atlas.country_sections import COUNTRY_SECTIONS_HOOK, CountrySection
from stoptheharm.campaigns.selectors import campaigns_in_country
from stoptheharm.events.selectors import filter_events, published_events
from stoptheharm.organisations.selectors import DirectoryFilters, directory_organisations
from stoptheharm.statements.selectors import statements_signed_by_any

MAX_LISTED_ORGANISATIONS = 20
MAX_LISTED_EVENTS = 10


@hooks.register(COUNTRY_SECTIONS_HOOK)
def organisations_in_country(country_code: str, request: HttpRequest) -> CountrySection | None:
    """The directory's organisations that work in the country, the first few, with a link to all of them."""
    organisations = directory_organisations(DirectoryFilters(country=country_code))
    count = organisations.count()
    if not count:
        return None
    return CountrySection(
        title=_("Organisations in the directory"),
        template="pages/atlas/organisations.html",
        context={
            "organisations": list(organisations[:MAX_LISTED_ORGANISATIONS]),
            "count": count,
            "directory_url": f"{reverse('organisations:directory')}?country={country_code}",
        },
    )


@hooks.register(COUNTRY_SECTIONS_HOOK)
def campaigns_acting_in_country(country_code: str, request: HttpRequest) -> CountrySection | None:
    """The campaigns with events, local actions or partner organisations in the country."""
    campaigns = campaigns_in_country(country_code=country_code, language=get_language())
    if not campaigns:
        return None
    return CountrySection(
        title=_("Campaigns acting here"),
        template="campaigns/includes/campaigns_in_country.html",
        context={"campaigns": campaigns},
    )


@hooks.register(COUNTRY_SECTIONS_HOOK)
def statements_signed_in_country(country_code: str, request: HttpRequest) -> CountrySection | None:
    """The statements that organisations working in the country signed."""
    organisation_ids = directory_organisations(DirectoryFilters(country=country_code)).values_list("pk", flat=True)
    statements = list(statements_signed_by_any(organisation_ids=organisation_ids, language=get_language()))
    if not statements:
        return None
    return CountrySection(
        title=_("Statements signed by organisations from here"),
        template="statements/includes/signed_statements.html",
        context={"statements": statements},
    )


@hooks.register(COUNTRY_SECTIONS_HOOK)
def upcoming_events_in_country(country_code: str, request: HttpRequest) -> CountrySection | None:
    """The upcoming events held in the country, in the page's language."""
    events = filter_events(published_events(language=get_language()), {"country": country_code})
    listed = list(events[:MAX_LISTED_EVENTS])
    if not listed:
        return None
    return CountrySection(
        title=_("Upcoming events here"),
        template="events/includes/organised_events.html",
        context={"events": listed},
    )
