"""Reads for the news list, its feeds, the home page and campaign pages."""

from collections.abc import Mapping
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from taggit.models import Tag
from wagtail.models import Page

from stoptheharm.core.text import has_forbidden_characters
from stoptheharm.news.models import NewsIndexPage, NewsPage

NEWS_PER_PAGE = 10
TAG_SLUG_LENGTH = 100  # taggit's slug column; a longer ?tag= names no tag


def published_news(*, language: str) -> QuerySet[NewsPage]:
    """Live, public news in one language, newest first."""
    return (
        NewsPage.objects.live()
        .public()
        .filter(locale__language_code=language)
        .order_by("-date", "-first_published_at", "-pk")
        .prefetch_related("tags")
    )


def latest_news(*, language: str, limit: int) -> list[NewsPage]:
    return list(published_news(language=language)[:limit])


def news_about_campaign(*, campaign: Page, limit: int) -> list[NewsPage]:
    """News in the campaign page's language linked to it or to any of its translations, newest first."""
    linked = NewsPage.objects.filter(campaigns__translation_key=campaign.translation_key).values("pk")
    return list(published_news(language=campaign.locale.language_code).filter(pk__in=linked)[:limit])


def linked_campaigns(news: NewsPage) -> list[Page]:
    """The news page's campaigns that are live, each in the news page's language where translated."""
    linked = [campaign.get_translation_or_none(news.locale) or campaign for campaign in news.campaigns.all()]
    return [campaign for campaign in linked if campaign.live]


def news_index_for_language(language: str) -> NewsIndexPage | None:
    """The news list of a language, for the feeds' link to the site; the first in the tree if several."""
    return NewsIndexPage.objects.live().public().filter(locale__language_code=language).order_by("path").first()


def news_index_context(index: NewsIndexPage, query: Mapping[str, Any]) -> dict[str, Any]:
    """One page of the index's news, newest first, of one tag if `?tag=` names one in use."""
    news = NewsPage.objects.live().public().child_of(index).order_by("-date", "-first_published_at", "-pk")
    tags = Tag.objects.filter(news_newspagetag_items__content_object__in=news).distinct().order_by("name")
    wanted = str(query.get("tag", ""))[:TAG_SLUG_LENGTH]
    tag = tags.filter(slug=wanted).first() if wanted and not has_forbidden_characters(wanted) else None
    if tag is not None:
        news = news.filter(tags=tag)
    page = Paginator(news.prefetch_related("tags"), NEWS_PER_PAGE).get_page(query.get("page"))
    return {"news_page": page, "tags": list(tags), "tag": tag}
