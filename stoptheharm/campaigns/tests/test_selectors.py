from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from stoptheharm.campaigns.actions import Action, ActionKind, by_importance_then_closing
from stoptheharm.campaigns.selectors import _matches, open_actions
from stoptheharm.campaigns.tests.factories import create_campaign, publish_translation
from stoptheharm.events.tests.factories import create_event, create_event_index, register
from stoptheharm.localactions.tests.factories import add_action, create_day
from stoptheharm.petitions.models import PetitionState, SignatureStatus
from stoptheharm.petitions.tests.factories import add_signature, create_petition
from stoptheharm.statements.models import EndorsementStatus
from stoptheharm.statements.tests.factories import add_endorsement, create_statement

SOON = timedelta(days=3)


def titles(actions: list[Action]) -> list[str]:
    return [action.title for action in actions]


@pytest.mark.django_db
def test_actions_come_most_important_first_then_soonest_closing_then_never_closing(section):
    now = timezone.now()
    create_petition(parent=section, slug="p-late", title="Closes late", closes_at=now + 10 * SOON)
    create_petition(parent=section, slug="p-never", title="Never closes")
    create_statement(parent=section, slug="s-soon", title="Closes soon", closes_at=now + SOON)
    create_statement(parent=section, slug="s-staff", title="Staff's priority", importance=5)
    create_petition(parent=section, slug="p-top", title="Most important", importance=9, closes_at=now + 20 * SOON)

    assert titles(open_actions()) == [
        "Most important",
        "Staff's priority",
        "Closes soon",
        "Closes late",
        "Never closes",
    ]


@pytest.mark.django_db
def test_closed_unpublished_and_not_yet_open_actions_are_left_out(section):
    now = timezone.now()
    create_petition(parent=section, slug="open", title="Open petition")
    create_petition(parent=section, slug="closed", title="Closed petition", state=PetitionState.CLOSED)
    create_petition(parent=section, slug="past", title="Past its date", closes_at=now - SOON, opens_at=now - 2 * SOON)
    create_petition(parent=section, slug="draft", title="Draft", state=PetitionState.DRAFT)
    create_statement(parent=section, slug="s-open", title="Open statement", closes_at=now + SOON)
    create_statement(parent=section, slug="s-over", title="Sign-on over", opens_at=now - 2 * SOON, closes_at=now - SOON)
    create_statement(parent=section, slug="s-later", title="Opens later", opens_at=now + SOON)
    unpublished = create_petition(parent=section, slug="unpublished", title="Unpublished")
    unpublished.unpublish()

    assert sorted(titles(open_actions())) == ["Open petition", "Open statement"]


@pytest.mark.django_db
def test_a_campaign_gathers_only_its_own_actions(section, campaign):
    other = create_campaign(parent=section, slug="other", title="Another campaign")
    create_petition(parent=section, slug="ours", title="Our petition", campaign=campaign)
    create_statement(parent=section, slug="our-statement", title="Our statement", campaign=campaign)
    create_petition(parent=section, slug="theirs", title="Their petition", campaign=other)
    create_petition(parent=section, slug="none", title="No campaign")

    assert sorted(titles(open_actions(campaign_id=campaign.pk))) == ["Our petition", "Our statement"]
    assert titles(open_actions(campaign_id=other.pk)) == ["Their petition"]
    assert len(open_actions()) == 4


@pytest.mark.django_db
def test_a_translation_of_the_campaign_gathers_the_same_actions(section, campaign):
    create_petition(parent=section, slug="ours", title="Our petition", campaign=campaign)
    french_campaign = publish_translation(campaign, "fr", title="Soutenir, pas punir")

    assert titles(open_actions(campaign_id=french_campaign.pk)) == ["Our petition"]


@pytest.mark.django_db
def test_counts_are_the_live_totals_each_page_shows(section, django_capture_on_commit_callbacks):
    petition = create_petition(parent=section, imported_count=1000, imported_count_label="on paper")
    add_signature(petition, "amina@example.org")
    add_signature(petition, "pending@example.org", status=SignatureStatus.PENDING)
    statement = create_statement(parent=section)
    add_endorsement(statement, "Harm Reduction International")
    add_endorsement(statement, "Waiting Org", status=EndorsementStatus.PENDING, contact_email="w@example.org")

    by_kind = {action.kind: action for action in open_actions()}

    assert (by_kind[ActionKind.SIGN].count, by_kind[ActionKind.SIGN].count_label) == (1001, "1,001 supporters")
    assert by_kind[ActionKind.ENDORSE].count_label == "1 organisation has signed"

    with django_capture_on_commit_callbacks(execute=True):
        add_signature(petition, "sofia@example.org")  # confirming drops the cached count, as on the petition page
    assert {action.kind: action.count for action in open_actions()}[ActionKind.SIGN] == 1002


@pytest.mark.django_db
def test_actions_are_shown_in_the_active_language_where_translated(section):
    petition = create_petition(parent=section, slug="fund", title="Fund harm reduction")
    publish_translation(petition, "fr", title="Financez la réduction des risques", slug="financez")
    create_statement(parent=section, title="Put people at the centre")

    with translation.override("fr"):
        actions = {action.kind: action for action in open_actions()}

    assert actions[ActionKind.SIGN].title == "Financez la réduction des risques"
    assert actions[ActionKind.SIGN].url.startswith("/fr/")
    assert actions[ActionKind.SIGN].language == ""  # in the page's language
    assert actions[ActionKind.SIGN].languages == {"en", "fr"}
    assert actions[ActionKind.ENDORSE].title == "Put people at the centre"
    assert actions[ActionKind.ENDORSE].language == "en"  # marked, for lang="en" on the link


@pytest.mark.django_db
def test_the_language_filter_keeps_the_actions_available_in_that_language(section):
    petition = create_petition(parent=section, slug="fund", title="Fund harm reduction")
    publish_translation(petition, "fr", title="Financez la réduction des risques", slug="financez")
    create_statement(parent=section, title="Put people at the centre")

    assert titles(open_actions(language="fr")) == ["Fund harm reduction"]
    assert sorted(titles(open_actions(language="en"))) == ["Fund harm reduction", "Put people at the centre"]
    assert open_actions(language="ru") == []


@pytest.mark.django_db
def test_petitions_and_statements_may_be_signed_from_any_country(section):
    create_petition(parent=section)
    create_statement(parent=section)

    assert len(open_actions(country="KE")) == 2


def test_the_country_filter_keeps_actions_in_that_country_and_those_open_anywhere():
    in_portugal = Action(ActionKind.ATTEND, "Lisbon march", "/a/", countries=frozenset({"PT"}))
    anywhere = Action(ActionKind.SIGN, "Petition", "/b/")

    assert _matches(in_portugal, country="PT", language=None)
    assert not _matches(in_portugal, country="KE", language=None)
    assert _matches(anywhere, country="KE", language=None)
    assert _matches(in_portugal, country=None, language=None)


@pytest.mark.django_db
def test_listing_actions_takes_the_same_queries_however_many_there_are(section, campaign):
    def queries_for_all_actions() -> int:
        open_actions()  # warm the per-process caches (site root paths, default locale)
        with CaptureQueriesContext(connection) as queries:
            open_actions(campaign_id=campaign.pk)
        return len(queries)

    create_petition(parent=section, slug="p0", campaign=campaign)
    create_statement(parent=section, slug="s0", campaign=campaign)
    with_one_each = queries_for_all_actions()
    for number in range(1, 4):
        petition = create_petition(parent=section, slug=f"p{number}", campaign=campaign)
        add_signature(petition, f"signer{number}@example.org")
        statement = create_statement(parent=section, slug=f"s{number}", campaign=campaign)
        add_endorsement(statement, f"Organisation {number}", contact_email=f"c{number}@example.org")
        publish_translation(petition, "fr", slug=f"p{number}-fr")

    assert len(open_actions(campaign_id=campaign.pk)) == 8
    assert queries_for_all_actions() == with_one_each
    assert with_one_each <= 12  # per kind: visible pages, originals, translations, counts


def test_closing_dates_sort_as_instants_across_time_zones():
    early = Action(ActionKind.SIGN, "Early", "/a/", closes_at=datetime(2027, 1, 1, 12, tzinfo=UTC))
    late = Action(
        ActionKind.SIGN, "Late", "/b/", closes_at=datetime(2027, 1, 1, 14, tzinfo=timezone.get_fixed_timezone(60))
    )

    assert sorted([late, early], key=by_importance_then_closing) == [early, late]


@pytest.mark.django_db
def test_a_day_of_action_asks_to_organise_a_local_action_until_registration_closes(section, campaign):
    closes = timezone.now() + SOON
    day = create_day(parent=section, title="Global day of action", campaign=campaign, registration_closes_at=closes)
    add_action(day, title="Vigil")
    create_day(parent=section, slug="other-day", title="A day of no campaign")

    (action,) = open_actions(campaign_id=campaign.pk)

    assert (action.kind, action.title, action.closes_at, action.count) == (ActionKind.ORGANISE, day.title, closes, 1)
    assert action.count_label == "1 local action registered"
    assert sorted(titles(open_actions())) == ["A day of no campaign", "Global day of action"]


@pytest.mark.django_db
def test_events_taking_registrations_are_actions_for_their_country_or_anywhere(section, campaign):
    index = create_event_index(parent=section)
    porto = create_event(index=index, slug="porto", title="Conference in Porto", format="in_person", country="PT",
                         campaign=campaign, importance=3)  # fmt: skip
    create_event(index=index, slug="online", title="Online meeting", campaign=campaign)
    create_event(index=index, slug="closed", title="Closed", registration_closes_at=timezone.now() - SOON)
    register(porto, "amina@example.org")

    actions = open_actions(campaign_id=campaign.pk)
    assert titles(actions) == ["Conference in Porto", "Online meeting"]
    conference = actions[0]
    assert conference.kind == ActionKind.ATTEND
    assert conference.countries == frozenset({"PT"})
    assert conference.count_label == "1 registered"
    assert conference.closes_at == porto.starts_at
    assert "(Europe/Lisbon, UTC" in conference.summary
    assert titles(open_actions(country="BR")) == ["Online meeting"]  # online: open to anyone anywhere
