from typing import Any

from django import template
from django.utils.translation import get_language

from stoptheharm.pages import selectors

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context: dict[str, Any]) -> dict[str, Any]:
    request = context["request"]
    items = selectors.main_menu_items(
        navigation=selectors.site_navigation(request), current_page=context.get("page"), current_path=request.path
    )
    return {"menu_items": items}


@register.inclusion_tag("includes/footer_menu.html", takes_context=True)
def footer_menu(context: dict[str, Any]) -> dict[str, Any]:
    return {"footer_links": selectors.site_navigation(context["request"]).footer}


@register.simple_tag(takes_context=True)
def language_links(context: dict[str, Any]) -> list[selectors.LanguageLink]:
    """The current page in every interface language, for the switcher and the hreflang alternates."""
    return selectors.language_links(
        request=context["request"], page=context.get("page"), current_language=get_language()
    )


@register.simple_tag(takes_context=True)
def home_url(context: dict[str, Any]) -> str:
    return selectors.site_navigation(context["request"]).home_url
