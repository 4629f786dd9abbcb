import re
from datetime import date, timedelta

import pytest

from stoptheharm.campaigns.tests.factories import create_campaign, publish_translation
from stoptheharm.news.selectors import NEWS_PER_PAGE
from stoptheharm.news.tests.factories import create_news


def main_text(response) -> str:
    content = response.content.decode()
    return re.sub(r"\s+", " ", content[content.index("<main") : content.index("</main>")])


@pytest.mark.django_db
def test_the_news_list_shows_the_newest_first_with_dates_and_authors(client, index):
    create_news(parent=index, slug="older", title="Older news", date=date(2022, 5, 30))
    create_news(parent=index, slug="newer", title="Newer news", date=date(2026, 11, 20), authors="Maria Santos, IDPC")

    text = main_text(client.get(index.url))

    assert text.index("Newer news") < text.index("Older news")
    assert '<time datetime="2026-11-20">Nov. 20, 2026</time> · Maria Santos, IDPC' in text
    assert '<a href="/en/feeds/news.rss">RSS</a>' in text


@pytest.mark.django_db
def test_the_news_list_filters_by_tag(client, index):
    create_news(parent=index, slug="day", title="Day of action news", tags=["day of action", "Support. Don't Punish"])
    create_news(parent=index, slug="meeting", title="Expert meeting news", tags=["events"])

    everything = main_text(client.get(index.url))
    tagged = main_text(client.get(index.url, {"tag": "events"}))

    assert '<a href="?tag=day-of-action">day of action</a>' in everything
    assert "Expert meeting news" in tagged
    assert "Day of action news" not in tagged
    assert "<h1>News: events</h1>" in tagged
    for hostile in ["<b>nothing</b>", "events\x00", "x" * 5000]:  # NUL: PostgreSQL refuses it in a query
        unknown = main_text(client.get(index.url, {"tag": hostile}))
        assert "Day of action news" in unknown and "<b>nothing</b>" not in unknown


@pytest.mark.django_db
def test_the_news_list_is_paginated_and_keeps_the_tag(client, index):
    for number in range(NEWS_PER_PAGE + 2):
        create_news(parent=index, slug=f"n{number}", title=f"News number {number}", tags=["events"],
                    date=date(2026, 1, 1) + timedelta(days=number))  # fmt: skip

    first = main_text(client.get(index.url, {"tag": "events"}))
    second = main_text(client.get(index.url, {"tag": "events", "page": "2"}))

    assert f"News number {NEWS_PER_PAGE + 1}" in first and "News number 0" not in first
    assert 'href="?tag=events&amp;page=2" rel="next"' in first
    assert "News number 0" in second and "Page 2 of 2" in second
    assert client.get(index.url, {"page": "not a number"}).status_code == 200


@pytest.mark.django_db
def test_a_news_page_shows_its_authors_tags_and_campaigns_in_its_language(client, section, index):
    campaign = create_campaign(parent=section)
    french_campaign = publish_translation(campaign, "fr", title="Soutenir, pas punir")
    news = create_news(parent=index, tags=["day of action"], campaigns=[campaign])
    french_news = publish_translation(news, "fr", title="Préparer la journée d'action")

    text = main_text(client.get(news.url))
    french = main_text(client.get(french_news.url))

    assert "By Stop the Harm secretariat" in text
    assert f'<a href="{index.url}?tag=day-of-action">day of action</a>' in text
    assert f'<a href="{campaign.url}">Support. Don&#x27;t Punish</a>' in text
    assert f'<a href="{french_campaign.url}">Soutenir, pas punir</a>' in french


@pytest.mark.django_db
def test_an_empty_news_list_says_so(client, index):
    assert "No news has been published here yet." in main_text(client.get(index.url))


@pytest.mark.django_db
def test_reading_news_sets_no_cookie(client, index):
    news = create_news(parent=index, tags=["events"])
    for url in [index.url, index.url + "?tag=events&page=1", news.url, "/en/feeds/news.rss", "/en/feeds/news.atom"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, (url, response.cookies)
