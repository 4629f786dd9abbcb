from datetime import date

import feedparser
import pytest

from stoptheharm.campaigns.tests.factories import publish_translation
from stoptheharm.news.feeds import FEED_LENGTH
from stoptheharm.news.tests.factories import create_news


@pytest.fixture
def news(index):
    create_news(parent=index, slug="older", title="Expert meeting held online", date=date(2022, 5, 30), tags=["events"])
    return create_news(parent=index, title="Planning the next day of action", tags=["day of action"])


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "version"), [("/en/feeds/news.rss", "rss20"), ("/en/feeds/news.atom", "atom10")])
def test_the_feeds_are_valid_with_absolute_links_dates_and_language(client, news, index, url, version):
    response = client.get(url)
    feed = feedparser.parse(response.content)

    assert not feed.bozo, feed.bozo_exception
    assert feed.version == version
    assert feed.feed.title == "Stop the Harm: news"
    assert feed.feed.link == f"http://testserver{index.url}"
    assert feed.feed.language == "en"
    assert [entry.title for entry in feed.entries] == ["Planning the next day of action", "Expert meeting held online"]
    first = feed.entries[0]
    assert first.link == f"http://testserver{news.url}"
    assert first.published_parsed[:3] == (2026, 11, 20)
    assert first.summary == "Groups in over 100 countries take part."
    assert [tag.term for tag in first.tags] == ["day of action"]


@pytest.mark.django_db
def test_each_language_has_its_own_feed(client, news):
    publish_translation(news, "fr", title="Préparer la prochaine journée d'action")

    feed = feedparser.parse(client.get("/fr/feeds/news.atom").content)

    assert feed.feed.language == "fr"
    assert [entry.title for entry in feed.entries] == ["Préparer la prochaine journée d'action"]
    assert feed.entries[0].link.startswith("http://testserver/fr/")


@pytest.mark.django_db
def test_the_feeds_hold_the_latest_news_only(client, index):
    for number in range(FEED_LENGTH + 1):
        create_news(parent=index, slug=f"n{number}", title=f"News {number}", date=date(2026, 1, number + 1))

    feed = feedparser.parse(client.get("/en/feeds/news.rss").content)

    assert len(feed.entries) == FEED_LENGTH
    assert "News 0" not in [entry.title for entry in feed.entries]


@pytest.mark.django_db
def test_hostile_titles_stay_text_in_the_feeds(client, index):
    create_news(parent=index, title="<script>alert(1)</script> & more", intro="A < B")

    response = client.get("/en/feeds/news.rss")
    feed = feedparser.parse(response.content)

    assert b"<script>" not in response.content
    assert feed.entries[0].title == "<script>alert(1)</script> & more"
