from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Page, Site

from stoptheharm.campaigns.selectors import open_actions, take_action_page_for_language
from stoptheharm.news.selectors import latest_news, news_index_for_language
from stoptheharm.pages.models import HomePage, StandardPage

HOME_NEWS = 3
HOME_ACTIONS = 3


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool


@dataclass(frozen=True)
class MenuItem:
    page: Page
    is_current: bool
    contains_current: bool


def localized_home(request: HttpRequest) -> Page | None:
    """The site's home page in the active language, falling back to the default language's.

    Kept on the request: the menu, the footer and the language switcher all start from it.
    """
    homes: dict[str, Page | None] = request.__dict__.setdefault("_localized_homes", {})
    language = get_language()
    if language not in homes:
        site = Site.find_for_request(request)
        homes[language] = site.root_page.localized if site else None
    return homes[language]


def menu_pages(home: Page) -> QuerySet[Page]:
    """The sections shown in the main navigation, in the editor's order."""
    return home.get_children().live().public().in_menu().specific()


def home_page_context(home: HomePage) -> dict[str, Any]:
    """The sections, the latest news and the most urgent actions, in the home page's language."""
    language = home.locale.language_code
    return {
        "sections": menu_pages(home),
        "latest_news": latest_news(language=language, limit=HOME_NEWS),
        "news_index": news_index_for_language(language),
        "urgent_actions": open_actions()[:HOME_ACTIONS],
        "take_action": take_action_page_for_language(language),
    }


def main_menu_items(*, home: Page, current_page: Page | None) -> list[MenuItem]:
    """The navigation's sections, marking the one shown and the one holding the page shown."""
    current_path = current_page.path if current_page else ""
    return [
        MenuItem(page=page, is_current=page.path == current_path, contains_current=current_path.startswith(page.path))
        for page in menu_pages(home)
    ]


def child_pages(page: Page) -> QuerySet[Page]:
    """The published pages under a section, for its table of contents."""
    return page.get_children().live().public().specific()


def footer_pages(home: Page) -> QuerySet[StandardPage]:
    """Pages the editors chose to list in every footer (privacy notice, About ...), in tree order."""
    return StandardPage.objects.live().public().descendant_of(home).filter(show_in_footer=True).order_by("path")


def language_links(*, request: HttpRequest, page: Page | None, current_language: str) -> list[LanguageLink]:
    """One link per interface language: the page's translation, else that language's home page."""
    home = localized_home(request)
    translations = _translations_by_language(page) if page else {}
    homes = _translations_by_language(home) if home else {}
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        url = target.get_url(request) if target else f"/{code}/"
        links.append(LanguageLink(code=code, name=name, url=url, is_current=code == current_language))
    return links


def _translations_by_language(page: Page) -> dict[str, Page]:
    pages = Page.objects.live().public().filter(translation_key=page.translation_key).select_related("locale")
    return {translated.locale.language_code: translated for translated in pages}
