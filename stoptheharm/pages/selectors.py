from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from stoptheharm.campaigns.selectors import open_actions, take_action_page_for_language
from stoptheharm.news.selectors import latest_news, news_index_for_language
from stoptheharm.pages.models import HomePage, StandardPage

HOME_NEWS = 3
HOME_ACTIONS = 3
WAGTAIL_SERVE = "wagtail_serve"  # the URL name of Wagtail's view of the site's pages


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool


@dataclass(frozen=True)
class NavigationLink:
    title: str
    url: str
    path: str  # the page's place in the tree, to mark the section a page is in


@dataclass(frozen=True)
class MenuItem:
    link: NavigationLink
    is_current: bool
    contains_current: bool


@dataclass(frozen=True)
class Navigation:
    """What every page of a site shows around its content, in one language."""

    home_url: str
    sections: tuple[NavigationLink, ...]
    footer: tuple[NavigationLink, ...]
    home_urls: dict[str, str]  # the home page in every language it is translated into


def site_navigation(request: HttpRequest) -> Navigation:
    """The home link, the sections, the footer's links and the home page in the other languages.

    The same on every page of a site and language, and building it took a dozen queries on each: it
    is remembered in this process's memory for as long as public pages are (PAGE_CACHE_SECONDS), and
    on the request, where the menu, the footer and the language switcher each ask for it.
    """
    language = get_language()
    on_request: dict[str, Navigation] = request.__dict__.setdefault("_site_navigation", {})
    if language not in on_request:
        site = Site.find_for_request(request)
        key = f"pages:navigation:{site.pk if site else 0}:{language}"
        navigation = caches["local"].get(key)
        if navigation is None:
            navigation = _navigation(site.root_page.localized if site else None, request, language)
            caches["local"].set(key, navigation, settings.PAGE_CACHE_SECONDS)
        on_request[language] = navigation
    return on_request[language]


def _navigation(home: Page | None, request: HttpRequest, language: str) -> Navigation:
    if home is None:
        return Navigation(home_url=f"/{language}/", sections=(), footer=(), home_urls={})

    def link(page: Page) -> NavigationLink:
        return NavigationLink(title=page.title, url=page.get_url(request), path=page.path)

    return Navigation(
        home_url=home.get_url(request),
        sections=tuple(link(page) for page in menu_pages(home)),
        footer=tuple(link(page) for page in footer_pages(home)),
        home_urls={code: page.get_url(request) for code, page in _translations_by_language(home).items()},
    )


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


def main_menu_items(*, navigation: Navigation, current_page: Page | None, current_path: str) -> list[MenuItem]:
    """The navigation's sections, marking the one shown and the one holding what is shown.

    A page of the site is placed by its position in the tree; an app's own view (the early warnings
    at /<language>/alerts/, an alert below it) by its address.
    """

    def place(link: NavigationLink) -> str:
        return link.path if current_page else link.url

    current = current_page.path if current_page else current_path
    return [
        MenuItem(link=link, is_current=place(link) == current, contains_current=current.startswith(place(link)))
        for link in navigation.sections
    ]


def child_pages(page: Page) -> QuerySet[Page]:
    """The published pages under a section, for its table of contents."""
    return page.get_children().live().public().specific()


def footer_pages(home: Page) -> QuerySet[StandardPage]:
    """Pages the editors chose to list in every footer (privacy notice, About ...), in tree order."""
    return StandardPage.objects.live().public().descendant_of(home).filter(show_in_footer=True).order_by("path")


def language_links(*, request: HttpRequest, page: Page | None, current_language: str) -> list[LanguageLink]:
    """One link per interface language: the page's translation, else that language's home page.

    An app's own view (the early warnings, the directory) has no page: its links lead to the same
    address in each language (without the query, which a page must not echo back).
    """
    translations = _translations_by_language(page) if page else {}
    home_urls = site_navigation(request).home_urls
    links = []
    for code, name in settings.LANGUAGES:
        translation = translations.get(code)
        if translation:
            url = translation.get_url(request)
        else:
            url = (None if page else _app_view_in(request, code)) or home_urls.get(code, f"/{code}/")
        links.append(LanguageLink(code=code, name=name, url=url, is_current=code == current_language))
    return links


def _app_view_in(request: HttpRequest, language: str) -> str | None:
    """The address of the app's view shown, in that language; None for Wagtail's pages and for errors."""
    match = request.resolver_match
    if match is None or match.url_name == WAGTAIL_SERVE:
        return None
    translated = translate_url(request.path, language)
    return translated if translated != request.path or language == get_language() else None


def _translations_by_language(page: Page) -> dict[str, Page]:
    pages = Page.objects.live().public().filter(translation_key=page.translation_key).select_related("locale")
    return {translated.locale.language_code: translated for translated in pages}
