"""Which campaigns act in a country (for the atlas's country pages): events, local actions, partners there."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from stoptheharm.campaigns.selectors import campaigns_in_country
from stoptheharm.campaigns.tests.factories import create_campaign, publish_translation
from stoptheharm.events.tests.factories import create_event, create_event_index
from stoptheharm.localactions.models import ActionStatus
from stoptheharm.localactions.tests.factories import add_action, create_day
from stoptheharm.organisations.tests.factories import add_organisation

pytestmark = pytest.mark.django_db


def ties(country: str, language: str = "en") -> dict[str, tuple[bool, bool, bool]]:
    return {
        item.campaign.title: (item.has_events, item.has_local_actions, item.has_partners)
        for item in campaigns_in_country(country_code=country, language=language)
    }


def test_a_campaign_acts_where_its_events_local_actions_and_partners_are(section):
    partner = add_organisation("Rede de Redução de Riscos", countries=["PT", "BR"])
    with_events = create_campaign(parent=section, slug="events", title="Events campaign")
    with_actions = create_campaign(parent=section, slug="actions", title="Actions campaign")
    create_campaign(parent=section, slug="partners", title="Partners campaign", partners=[partner])
    create_campaign(parent=section, slug="elsewhere", title="Campaign elsewhere")
    index = create_event_index(parent=section)
    create_event(index=index, slug="lisbon", format="in_person", country="PT", campaign=with_events,
                 starts_at=timezone.now() - timedelta(days=400))  # fmt: skip  # a past event counts too
    create_event(index=index, slug="online", format="online", campaign=with_actions)
    day = create_day(parent=section, campaign=with_actions)
    add_action(day, country="PT")

    assert ties("PT") == {
        "Actions campaign": (False, True, False),
        "Events campaign": (True, False, False),
        "Partners campaign": (False, False, True),
    }
    assert ties("BR") == {"Partners campaign": (False, False, True)}
    assert ties("KE") == {}


def test_online_events_unapproved_actions_and_unpublished_pages_tie_no_campaign(section):
    campaign = create_campaign(parent=section, title="Quiet campaign")
    index = create_event_index(parent=section)
    create_event(index=index, slug="online", format="online", country="PT", campaign=campaign)
    unpublished = create_event(index=index, slug="gone", format="in_person", country="PT", campaign=campaign)
    unpublished.unpublish()
    day = create_day(parent=section, campaign=campaign)
    add_action(day, country="PT", status=ActionStatus.AWAITING_MODERATION)
    add_action(day, country="PT", status=ActionStatus.REJECTED, contact_email="other@example.org")

    assert ties("PT") == {}


def test_campaigns_are_listed_in_the_language_asked_for(section):
    campaign = create_campaign(parent=section, title="Support. Don't Punish")
    index = create_event_index(parent=section)
    create_event(index=index, slug="lisbon", format="in_person", country="PT", campaign=campaign)
    publish_translation(campaign, "fr", title="Soutenez. Ne punissez pas")

    assert list(ties("PT", "fr")) == ["Soutenez. Ne punissez pas"]
    assert list(ties("PT", "es")) == []


def test_the_query_count_does_not_grow_with_campaigns(section):
    partner = add_organisation("Rede de Redução de Riscos", countries=["PT"])
    counts = []
    for number in range(4):
        create_campaign(parent=section, slug=f"campaign-{number}", title=f"Campaign {number}", partners=[partner])
        with CaptureQueriesContext(connection) as queries:
            assert len(campaigns_in_country(country_code="PT", language="en")) == number + 1
        counts.append(len(queries))
    assert len(set(counts)) == 1, counts
