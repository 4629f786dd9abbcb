"""The public day-of-action page, the Take Action selector and the organisation's page."""

from datetime import date, datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from stoptheharm.localactions import services
from stoptheharm.localactions.demo import DEMO_SLUG, ensure_demo_day_of_action
from stoptheharm.localactions.models import ActionStatus, DayOfActionPage
from stoptheharm.localactions.selectors import open_days_of_action
from stoptheharm.localactions.tests.factories import add_action, create_day
from stoptheharm.organisations.tests.factories import add_organisation


@pytest.fixture
def actions(day):
    return [
        add_action(day, title="Vigil in Lisbon", city="Lisbon", country="PT", public_contact="rede@example.org"),
        add_action(day, title="March in Porto", city="Porto", country="PT"),
        add_action(day, title="Second Lisbon action", city="lisbon ", country="PT"),
        add_action(day, title="Outreach in Nairobi", city="Nairobi", country="KE"),
        add_action(day, title="Pending one", status=ActionStatus.AWAITING_MODERATION, city="Kyiv", country="UA"),
        add_action(day, title="Rejected one", status=ActionStatus.REJECTED, city="Tbilisi", country="GE"),
    ]


@pytest.mark.django_db
def test_the_page_counts_and_lists_approved_actions_only_and_never_a_private_contact(client, day, actions):
    response = client.get(day.url)

    content = response.content.decode()
    assert not response.cookies
    assert "<strong>4</strong> local actions" in content
    assert "<strong>3</strong> cities" in content  # Lisbon twice, in different case, is one city
    assert "<strong>2</strong> countries" in content
    assert "Vigil in Lisbon" in content and "Outreach in Nairobi" in content
    assert "Pending one" not in content and "Rejected one" not in content
    assert "rede@example.org" in content  # given as the public contact
    assert "organiser@example.org" not in content and "Ana" not in content
    assert f"/en/local-actions/{day.pk}/register/" in content


@pytest.mark.django_db
def test_the_map_has_a_marker_per_action_with_a_point_and_highlights_countries_with_actions(client, day, actions):
    located = add_action(day, title="Mapped <vigil>", city="Porto", country="PT", latitude="41.15", longitude="-8.61")

    content = client.get(day.url).content.decode()

    assert content.count('class="map-marker') == 1  # the others have no point: they are listed only
    assert f'href="#action-{located.pk}"' in content
    assert "Mapped &lt;vigil&gt; · Porto, Portugal" in content
    assert 'class="country country-PT has-local-actions"' in content
    assert 'class="country country-KE has-local-actions"' in content
    assert 'class="country country-UA"' in content  # only awaiting moderation there
    assert 'href="?country=KE#actions-heading"' in content


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "shown", "hidden"), [
    ({"country": "KE"}, "Outreach in Nairobi", "Vigil in Lisbon"),
    ({"region": "europe"}, "March in Porto", "Outreach in Nairobi"),
])  # fmt: skip
def test_the_list_filters_by_country_or_region_and_the_counts_stay_whole(client, day, actions, query, shown, hidden):
    content = client.get(day.url, query).content.decode()
    assert shown in content and hidden not in content
    assert "<strong>4</strong> local actions" in content


@pytest.mark.django_db
def test_open_days_of_action_for_take_action(section, day, actions):
    create_day(parent=section, slug="past", day=date(2026, 6, 26))
    not_yet = create_day(parent=section, slug="not-yet", registration_opens_at=timezone.now() + timedelta(days=1))
    important = create_day(parent=section, slug="important", importance=5)

    days = {open_day.day.pk: open_day for open_day in open_days_of_action()}

    assert {page_id: open_day.approved_actions for page_id, open_day in days.items()} == {important.pk: 0, day.pk: 4}
    assert not_yet.pk not in days
    assert timezone.localtime(days[day.pk].registration_closes_at) == timezone.make_aware(
        datetime.combine(day.day + timedelta(days=1), time.min)
    )  # no closing time set: registration runs to the end of the day itself
    assert open_days_of_action(campaign_id=999_999) == []


@pytest.mark.django_db
def test_an_organisation_page_lists_its_linked_approved_actions(client, day):
    organisation = add_organisation("Rede de Redução de Riscos")
    action = add_action(day, title="Linked vigil", status=ActionStatus.AWAITING_MODERATION)
    services.approve_local_action(action_id=action.pk, user=None, organisation=organisation)
    add_action(day, title="Not linked")

    content = client.get(organisation.get_absolute_url()).content.decode()

    assert "Local actions on days of action" in content
    assert "Linked vigil" in content and "Not linked" not in content


@pytest.mark.django_db
def test_the_demo_day_of_action_is_loaded_once_with_its_counts(client, demo_site):
    day = DayOfActionPage.objects.get(slug=DEMO_SLUG, locale__language_code="en")
    assert ensure_demo_day_of_action(parent=day.get_parent()) == day
    content = client.get(day.url).content.decode()
    assert "<strong>5</strong> local actions" in content and "<strong>5</strong> countries" in content
    assert "banner action" not in content  # the one awaiting moderation
    french = client.get(day.get_translation(Locale.objects.get(language_code="fr")).url).content.decode()
    assert "Support. Don&#x27;t Punish : journée mondiale d&#x27;action 2026" in french
    assert "<strong>5</strong> actions locales" in french  # the original's actions, in every translation


@pytest.mark.django_db
def test_the_page_takes_the_same_number_of_queries_for_more_actions(client, day, actions):
    client.get(day.url)  # the site and its root paths are cached after the first request
    with CaptureQueriesContext(connection) as few:
        client.get(day.url)
    for city in ("Braga", "Faro", "Mombasa"):
        add_action(day, city=city, country="KE" if city == "Mombasa" else "PT", latitude="1.0", longitude="2.0")
    with CaptureQueriesContext(connection) as more:
        assert "<strong>7</strong> local actions" in client.get(day.url).content.decode()
    assert len(more) == len(few)
