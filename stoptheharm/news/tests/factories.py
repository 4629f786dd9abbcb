from datetime import date

from wagtail.models import Page

from stoptheharm.news.models import NewsIndexPage, NewsPage


def create_news_index(*, parent: Page, slug: str = "news", **fields) -> NewsIndexPage:
    index = NewsIndexPage(slug=slug, **({"title": "News", "intro": "What the coalition is doing."} | fields))
    parent.add_child(instance=index)
    index.save_revision().publish()
    return index


def create_news(
    *, parent: NewsIndexPage, slug: str = "day-of-action", tags: list[str] = (), campaigns: list = (), **fields
) -> NewsPage:
    """A published news item under the index, with the tags and campaigns given."""
    defaults = {
        "title": "Planning the next day of action",
        "date": date(2026, 11, 20),
        "intro": "Groups in over 100 countries take part.",
        "body": "<p>Start planning early.</p>",
        "authors": "Stop the Harm secretariat",
    }
    news = NewsPage(slug=slug, **(defaults | fields))
    news.tags.add(*tags)
    news.campaigns = list(campaigns)
    parent.add_child(instance=news)
    news.save_revision().publish()
    return news
