from typing import Any

from django import template
from django.utils.translation import get_language

from stoptheharm.pages import selectors

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context: dict[str, Any]) -> dict[str, Any]:
    request = context["request"]
    home = selectors.localized_home(request)
    items = selectors.main_menu_items(home=home, current_page=context.get("page")) if home else []
    return {"request": request, "menu_items": items}


@register.inclusion_tag("includes/footer_menu.html", takes_context=True)
def footer_menu(context: dict[str, Any]) -> dict[str, Any]:
    request = context["request"]
    home = selectors.localized_home(request)
    return {"request": request, "footer_pages": selectors.footer_pages(home) if home else []}


@register.simple_tag(takes_context=True)
def language_links(context: dict[str, Any]) -> list[selectors.LanguageLink]:
    """The current page in every interface language, for the switcher and the hreflang alternates."""
    return selectors.language_links(
        request=context["request"], page=context.get("page"), current_language=get_language()
    )


@register.simple_tag(takes_context=True)
def home_url(context: dict[str, Any]) -> str:
    request = context["request"]
    home = selectors.localized_home(request)
    return home.get_url(request) if home else f"/{get_language()}/"
