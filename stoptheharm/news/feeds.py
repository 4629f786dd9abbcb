"""RSS 2.0 and Atom feeds of the latest news, one pair per language (the address's language prefix)."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language, gettext

from stoptheharm.news.models import NewsPage
from stoptheharm.news.selectors import latest_news, news_index_for_language

FEED_LENGTH = 20


class LatestNewsFeed(Feed):
    def get_object(self, request: HttpRequest, *args: object, **kwargs: object) -> str:
        return get_language()

    def title(self, language: str) -> str:
        return gettext("Stop the Harm: news")

    def description(self, language: str) -> str:
        return gettext("The latest news of the Stop the Harm coalition.")

    def link(self, language: str) -> str:
        index = news_index_for_language(language)
        return index.url if index else f"/{language}/"

    def items(self, language: str) -> list[NewsPage]:
        return latest_news(language=language, limit=FEED_LENGTH)

    def item_title(self, item: NewsPage) -> str:
        return item.title

    def item_description(self, item: NewsPage) -> str:
        return item.intro

    def item_link(self, item: NewsPage) -> str:
        return item.url

    def item_pubdate(self, item: NewsPage) -> datetime:
        return timezone.make_aware(datetime.combine(item.date, time.min))

    def item_updateddate(self, item: NewsPage) -> datetime:
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item: NewsPage) -> str:
        return item.authors

    def item_categories(self, item: NewsPage) -> list[str]:
        return [tag.name for tag in item.tags.all()]


class LatestNewsAtomFeed(LatestNewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, language: str) -> str:
        return self.description(language)
