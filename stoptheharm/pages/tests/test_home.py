import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page, Site

from stoptheharm.campaigns.tests.factories import create_take_action_page, publish_translation
from stoptheharm.news.tests.factories import create_news, create_news_index
from stoptheharm.pages.models import HomePage
from stoptheharm.petitions.tests.factories import create_petition
from stoptheharm.statements.tests.factories import create_statement


@pytest.fixture
def home(db) -> HomePage:
    home = HomePage(
        title="Stop the Harm", slug="stop-the-harm", hero_heading="Health, not punishment", hero_text="Act now."
    )
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


def main_text(response) -> str:
    content = response.content.decode()
    return re.sub(r"\s+", " ", content[content.index("<main") : content.index("</main>")])


@pytest.mark.django_db
def test_the_home_page_shows_the_three_latest_news_and_the_three_most_urgent_actions(client, home):
    index = create_news_index(parent=home)
    for day in range(1, 5):
        create_news(parent=index, slug=f"news-{day}", title=f"News of day {day}", date=date(2026, 11, day))
    soon = timezone.now() + timedelta(days=2)
    create_petition(parent=home, slug="p-late", title="Closes late", closes_at=soon + timedelta(days=30))
    create_petition(parent=home, slug="p-never", title="Never closes")
    create_statement(parent=home, slug="s-soon", title="Closes soon", closes_at=soon)
    create_statement(parent=home, slug="s-top", title="Staff's priority", importance=3)
    take_action = create_take_action_page(parent=home)

    text = main_text(client.get("/en/"))

    news = re.findall(r"News of day \d", text)
    assert news == ["News of day 4", "News of day 3", "News of day 2"]
    actions = re.findall(r'class="action__title"><a href="[^"]+">([^<]+)</a>', text)
    assert actions == ["Staff&#x27;s priority", "Closes soon", "Closes late"]
    assert f'href="{take_action.url}">Every open action</a>' in text
    assert f'href="{index.url}">All news</a>' in text


@pytest.mark.django_db
def test_the_home_page_shows_news_of_its_own_language(client, home):
    index = create_news_index(parent=home)
    create_news(parent=index, title="English news")
    french_home = publish_translation(home, "fr", title="Stop the Harm")
    french_index = publish_translation(index, "fr", title="Actualités")
    create_news(parent=french_index, slug="francaise", title="Nouvelle en français")

    text = main_text(client.get(french_home.url))

    assert "Nouvelle en français" in text
    assert "English news" not in text


@pytest.mark.django_db
def test_a_home_page_without_news_or_actions_shows_neither_heading(client, home):
    text = main_text(client.get("/en/"))
    assert "Latest news" not in text
    assert "Act now" not in text.replace("Act now.", "")
