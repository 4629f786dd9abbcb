import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from stoptheharm.campaigns.tests.factories import create_campaign, create_take_action_page, publish_translation
from stoptheharm.library.tests.factories import create_library, create_resource, translate_resource
from stoptheharm.news.tests.factories import create_news, create_news_index
from stoptheharm.organisations.tests.factories import add_organisation
from stoptheharm.petitions.tests.factories import add_signature, create_petition
from stoptheharm.statements.tests.factories import create_statement


def main_text(response) -> str:
    content = response.content.decode()
    return re.sub(r"\s+", " ", content[content.index("<main") : content.index("</main>")])


@pytest.mark.django_db
def test_a_campaign_page_lists_its_resources_once_in_its_language(client, section):
    campaign = create_campaign(parent=section)
    library = create_library(parent=section)
    guide = create_resource(library=library, title="Advocacy guide", kind="guide", year=2023, campaign=campaign)
    translate_resource(guide, "fr", title="Guide de plaidoyer")
    create_resource(library=library, title="Another campaign's report")

    text = main_text(client.get(campaign.url))

    assert "Resources" in text
    assert "Advocacy guide" in text and "(Guide, 2023)" in text
    assert "Guide de plaidoyer" not in text and "Another campaign's report" not in text


@pytest.mark.django_db
def test_a_campaign_page_shows_its_goal_timeline_partners_actions_and_news(client, section):
    today = timezone.localdate()
    partner = add_organisation("International Drug Policy Consortium", short_name="IDPC")
    campaign = create_campaign(
        parent=section,
        milestones=[(date(2013, 6, 26), "The campaign starts"), (today + timedelta(days=30), "Next day of action")],
        partners=[partner],
    )
    petition = create_petition(parent=section, title="Fund harm reduction", campaign=campaign, imported_count=12121)
    add_signature(petition, "amina@example.org")
    create_petition(parent=section, slug="elsewhere", title="Another campaign's petition")
    index = create_news_index(parent=section)
    create_news(parent=index, title="Planning the day of action", campaigns=[campaign])
    create_news(parent=index, slug="unrelated", title="Unrelated news")

    text = main_text(client.get(campaign.url))

    assert "End the punishment of people who use drugs." in text
    assert re.search(r'timeline__item--past">.*?The campaign starts', text)
    assert re.search(r'timeline__item--upcoming">.*?Coming up.*?Next day of action', text)
    assert f'<a href="/en/organisations/{partner.pk}/">International Drug Policy Consortium</a> (IDPC)' in text
    assert "Fund harm reduction" in text
    assert "12,122 supporters" in text
    assert "Another campaign's petition" not in text
    assert "Planning the day of action" in text
    assert "Unrelated news" not in text


@pytest.mark.django_db
def test_a_campaign_without_open_actions_says_so(client, campaign):
    assert "This campaign has no open action right now." in main_text(client.get(campaign.url))


@pytest.fixture
def take_action(section):
    return create_take_action_page(parent=section)


@pytest.mark.django_db
def test_take_action_lists_every_open_action_with_its_kind_count_and_closing_date(client, section, take_action):
    closes = timezone.now() + timedelta(days=10)
    create_petition(parent=section, title="Fund harm reduction", importance=3, closes_at=closes)
    create_statement(parent=section, title="Put people at the centre")

    text = main_text(client.get(take_action.url))

    assert text.index("Fund harm reduction") < text.index("Put people at the centre")
    assert re.search(r'badge">Sign</p> <h3 class="action__title"><a href="/en/[^"]+">Fund harm reduction', text)
    assert re.search(r'badge">Endorse</p>.*?Put people at the centre', text)
    assert f'Closes on <time datetime="{closes.isoformat()}' in text
    assert "0 supporters" in text
    assert "0 organisations have signed" in text


@pytest.mark.django_db
def test_take_action_filters_by_language_with_a_plain_get_form(client, section, take_action):
    petition = create_petition(parent=section, title="Fund harm reduction")
    publish_translation(petition, "fr", title="Financez la réduction des risques", slug="financez")
    create_statement(parent=section, title="Put people at the centre")

    response = client.get(take_action.url, {"language": "fr", "country": "SN"})
    text = main_text(response)

    assert '<form class="form action-filters" method="get"' in text
    assert '<option value="SN" selected>Senegal</option>' in text
    assert '<option value="fr" selected>Français</option>' in text
    assert "Fund harm reduction" in text
    assert "Put people at the centre" not in text
    assert "Show every action" in text


@pytest.mark.django_db
def test_take_action_names_the_countries_in_the_pages_language(client, section, take_action):
    french = publish_translation(take_action, "fr", title="Agir")

    text = main_text(client.get(french.url, {"country": "DE"}))

    assert '<option value="DE" selected>Allemagne</option>' in text
    assert '<option value="">Tous les pays</option>' in text
    assert "Actions en cours" in text


@pytest.mark.django_db
def test_a_filter_value_not_in_the_lists_is_said_beside_its_field_and_ignored(client, section, take_action):
    create_petition(parent=section, title="Fund harm reduction")

    text = main_text(client.get(take_action.url, {"country": "<script>", "language": "xx"}))

    assert "Choose a country from the list." in text
    assert "Choose a language from the list." in text
    assert "<script>" not in text
    assert "Fund harm reduction" in text


@pytest.mark.django_db
def test_take_action_words_its_empty_states(client, section, take_action):
    assert "There is no open action right now." in main_text(client.get(take_action.url))

    create_petition(parent=section, title="Fund harm reduction")
    assert "No open action matches these filters." in main_text(client.get(take_action.url, {"language": "ru"}))


@pytest.mark.django_db
def test_reading_campaign_and_take_action_pages_sets_no_cookie(client, campaign, take_action):
    for url in [campaign.url, take_action.url, take_action.url + "?country=PT&language=en"]:
        response = client.get(url)
        assert response.status_code == 200
        assert not response.cookies, (url, response.cookies)


@pytest.mark.django_db
def test_a_partners_directory_page_lists_its_campaigns_in_the_pages_language(client, section):
    partner = add_organisation("International Drug Policy Consortium")
    campaign = create_campaign(parent=section, partners=[partner])
    publish_translation(campaign, "fr", title="Soutenir, pas punir")
    create_campaign(parent=section, slug="other", title="A campaign without them")

    english = main_text(client.get(f"/en/organisations/{partner.pk}/"))
    french = main_text(client.get(f"/fr/organisations/{partner.pk}/"))

    assert "Campaigns it is a partner of" in english
    assert f'<a href="{campaign.url}">Support. Don&#x27;t Punish</a>' in english
    assert "A campaign without them" not in english
    assert "Soutenir, pas punir" in french
    assert "Campaigns it is a partner of" not in main_text(
        client.get(f"/en/organisations/{add_organisation('Other').pk}/")
    )
