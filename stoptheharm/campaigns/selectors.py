"""Reads for the campaign and Take Action pages: every open action, in one shape, from the apps that own them.

Each kind of action is turned into `Action`s by a small function of its own (`petition_actions`,
`statement_actions`, `event_actions`, `day_of_action_actions`) which calls its app's selector; `open_actions`
gathers them.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import get_language, ngettext
from wagtail.models import Page

from stoptheharm.campaigns.actions import Action, ActionKind, by_importance_then_closing
from stoptheharm.campaigns.forms import ActionFilterForm
from stoptheharm.campaigns.models import CampaignPage, CampaignPartner, TakeActionPage
from stoptheharm.events.models import EventFormat, EventPage
from stoptheharm.events.selectors import open_events
from stoptheharm.library.selectors import resources_of_campaign
from stoptheharm.localactions.models import DayOfActionPage, LocalAction
from stoptheharm.localactions.selectors import open_days_of_action
from stoptheharm.news.selectors import news_about_campaign
from stoptheharm.organisations.selectors import DirectoryFilters, directory_organisations
from stoptheharm.petitions.models import PetitionPage
from stoptheharm.petitions.selectors import open_petitions
from stoptheharm.statements.models import StatementPage
from stoptheharm.statements.selectors import open_statements

NEWS_ON_CAMPAIGN_PAGE = 5


def open_actions(
    *, campaign_id: int | None = None, country: str | None = None, language: str | None = None
) -> list[Action]:
    """Every open action (of one campaign if given), most important first, then the soonest closing.

    An action that names no country is open to anyone anywhere and matches every country; one that
    names no language matches every language. Titles and links are in the active language where the
    action has a live translation in it, else in its original language.
    """
    actions = [
        *petition_actions(campaign_id),
        *statement_actions(campaign_id),
        *event_actions(campaign_id),
        *day_of_action_actions(campaign_id),
    ]
    matching = (action for action in actions if _matches(action, country=country, language=language))
    return sorted(matching, key=by_importance_then_closing)


def petition_actions(campaign_id: int | None) -> list[Action]:
    """Petitions open for signing. Anyone anywhere may sign a petition, so none names a country."""
    found = open_petitions(campaign_id=campaign_id)
    translations = _live_translations(PetitionPage, [item.petition for item in found])
    return [
        _action(
            ActionKind.SIGN,
            item.petition,
            translations,
            summary=lambda petition: petition.summary,
            count=item.supporters,
            count_label=ngettext("%(count)s supporter", "%(count)s supporters", item.supporters),
            closes_at=item.petition.closes_at,
        )
        for item in found
    ]


def statement_actions(campaign_id: int | None) -> list[Action]:
    """Statements open for endorsement. Organisations from anywhere may sign, so none names a country."""
    found = open_statements(campaign_id=campaign_id)
    translations = _live_translations(StatementPage, [item.statement for item in found])
    return [
        _action(
            ActionKind.ENDORSE,
            item.statement,
            translations,
            summary=lambda statement: statement.introduction,
            count=item.signatories,
            closes_at=item.statement.closes_at,
            count_label=ngettext(
                "%(count)s organisation has signed", "%(count)s organisations have signed", item.signatories
            ),
        )
        for item in found
    ]


def event_actions(campaign_id: int | None) -> list[Action]:
    """Events taking registrations. One held in a place is for its country; one online or hybrid, for anywhere."""
    found = open_events(campaign_id=campaign_id)
    translations = _live_translations(EventPage, [item.page for item in found])
    return [
        _action(
            ActionKind.ATTEND,
            item.page,
            translations,
            summary=lambda _event, when=item.when: when,
            count=item.registered_count,
            count_label=ngettext("%(count)s registered", "%(count)s registered", item.registered_count),
            closes_at=item.registration_closes_at,
            countries=item.countries if item.format == EventFormat.IN_PERSON else frozenset(),
        )
        for item in found
    ]


def day_of_action_actions(campaign_id: int | None) -> list[Action]:
    """Days of action taking registrations: organise a local action, wherever one lives."""
    found = open_days_of_action(campaign_id=campaign_id)
    translations = _live_translations(DayOfActionPage, [item.day for item in found])
    return [
        _action(
            ActionKind.ORGANISE,
            item.day,
            translations,
            summary=lambda day: day.intro,
            count=item.approved_actions,
            count_label=ngettext(
                "%(count)s local action registered", "%(count)s local actions registered", item.approved_actions
            ),
            closes_at=item.registration_closes_at,
        )
        for item in found
    ]


def _live_translations(model: type[Page], originals: list[Any]) -> dict[str, dict[str, Any]]:
    """The live, public pages of each original's translation group (original included), by language; one query."""
    if not originals:
        return {}
    pages = (
        model.objects.live()
        .public()
        .filter(translation_key__in={original.translation_key for original in originals})
        .select_related("locale")
    )
    translations: dict[str, dict[str, Any]] = {}
    for page in pages:
        translations.setdefault(str(page.translation_key), {})[page.locale.language_code] = page
    return translations


def _action(
    kind: str,
    original: Any,
    translations: Mapping[str, Mapping[str, Any]],
    *,
    summary: Callable[[Any], str],
    count: int | None,
    count_label: str,
    closes_at: datetime | None,
    countries: frozenset[str] = frozenset(),
) -> Action:
    """An action from a page (petition, statement, event ...) with `campaign` and `importance` fields.

    `countries` are where it happens: none for an action open to anyone anywhere.
    """
    in_language = translations.get(str(original.translation_key), {})
    active = get_language()
    shown = in_language.get(active, original)
    original_language = next((code for code, page in in_language.items() if page.pk == original.pk), "")
    return Action(
        kind=kind,
        title=shown.title,
        url=shown.get_url(),
        summary=summary(shown),
        campaign_id=original.campaign_id,
        importance=original.importance,
        closes_at=closes_at,
        countries=countries,
        languages=frozenset(in_language),
        count=count,
        count_label=count_label % {"count": number_format(count, force_grouping=True)} if count is not None else "",
        language="" if active in in_language else original_language,
    )


def _matches(action: Action, *, country: str | None, language: str | None) -> bool:
    if country and action.countries and country not in action.countries:
        return False
    return not (language and action.languages and language not in action.languages)


def campaign_page_context(campaign: CampaignPage) -> dict[str, Any]:
    """What a campaign's page shows beside its own fields: its open actions, partners, resources and news."""
    return {
        "actions": open_actions(campaign_id=campaign.pk),
        "resources": resources_of_campaign(campaign_id=campaign.pk, language_code=campaign.locale.language_code),
        "milestones": list(campaign.milestones.all()),
        "partners": [partner.organisation for partner in campaign.partners.select_related("organisation")],
        "news": news_about_campaign(campaign=campaign, limit=NEWS_ON_CAMPAIGN_PAGE),
    }


def take_action_context(query: Mapping[str, Any]) -> dict[str, Any]:
    """The Take Action page's list, filtered by the GET form; a value not in the lists is ignored and said so."""
    form = ActionFilterForm(query)
    form.is_valid()  # the valid fields are in cleaned_data; the others show their error
    chosen = form.cleaned_data
    country, language = chosen.get("country") or None, chosen.get("language") or None
    return {
        "filter_form": form,
        "actions": open_actions(country=country, language=language),
        "is_filtered": bool(country or language),
    }


def take_action_page_for_language(language: str) -> TakeActionPage | None:
    """The Take Action page of a language, for links to every action; the first in the tree if several."""
    return TakeActionPage.objects.live().public().filter(locale__language_code=language).order_by("path").first()


def campaigns_with_partner(*, organisation_id: int, language: str) -> list[CampaignPage]:
    """Live, public campaigns in one language that the organisation is a partner of (on any translation)."""
    partnered = CampaignPartner.objects.filter(organisation_id=organisation_id).values("page__translation_key")
    return list(
        CampaignPage.objects.live()
        .public()
        .filter(locale__language_code=language, translation_key__in=partnered)
        .order_by("title")
    )


@dataclass(frozen=True)
class CampaignInCountry:
    """A campaign and what ties it to one country: the ways it acts there."""

    campaign: CampaignPage
    has_events: bool
    has_local_actions: bool
    has_partners: bool


def campaigns_in_country(*, country_code: str, language: str) -> list[CampaignInCountry]:
    """Live, public campaigns in one language that act in the country, by title.

    A campaign acts in a country through what it did or does there, not through its wording: a live
    event of the campaign held there (in person or hybrid, past or coming), an approved local action
    there on one of its days of action, or a partner organisation of the directory working there.
    Campaigns that only call on anyone anywhere (petitions, statements) are not tied to any country.
    """
    events = EventPage.objects.live().public().filter(country=country_code, campaign__isnull=False)
    events = events.exclude(format=EventFormat.ONLINE).values_list("campaign__translation_key", flat=True)
    actions = (
        LocalAction.objects.approved()
        .filter(country=country_code, day__live=True, day__campaign__isnull=False)
        .values_list("day__campaign__translation_key", flat=True)
    )
    partnerships = CampaignPartner.objects.filter(
        organisation__in=directory_organisations(DirectoryFilters(country=country_code)).values("pk")
    ).values_list("page__translation_key", flat=True)
    ties = {"events": set(events), "actions": set(actions), "partners": set(partnerships)}
    campaigns = (
        CampaignPage.objects.live()
        .public()
        .filter(locale__language_code=language, translation_key__in=set().union(*ties.values()))
        .order_by("title")
    )
    return [
        CampaignInCountry(
            campaign=campaign,
            has_events=campaign.translation_key in ties["events"],
            has_local_actions=campaign.translation_key in ties["actions"],
            has_partners=campaign.translation_key in ties["partners"],
        )
        for campaign in campaigns
    ]
