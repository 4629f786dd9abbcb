import pytest
from wagtail.models import Page, Site

from stoptheharm.news.models import NewsIndexPage
from stoptheharm.news.tests.factories import create_news_index


@pytest.fixture
def section(db) -> Page:
    """Where the news list is published; the site's root page is enough for these tests."""
    return Site.objects.get(is_default_site=True).root_page


@pytest.fixture
def index(section) -> NewsIndexPage:
    return create_news_index(parent=section)
