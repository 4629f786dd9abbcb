"""Demo content for a new installation: the coalition's home page and sections in every language.

Idempotent: a page that already exists (matched by slug, or by translation of the English page)
is left as it is, so running it again neither duplicates content nor overwrites editors' changes.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from stoptheharm.pages.models import HomePage, SectionPage, StandardPage

DEMO_DIR = Path(__file__).parent / "demo"
HOME_SLUG = "home"
PAGE_KINDS: dict[str, type[Page]] = {"section": SectionPage, "standard": StandardPage}


@dataclass
class DemoReport:
    created: list[str] = field(default_factory=list)
    existing: int = 0


def read_demo_content(language_code: str) -> dict[str, Any]:
    return json.loads((DEMO_DIR / f"{language_code}.json").read_text(encoding="utf-8"))


@transaction.atomic
def load_demo_site() -> DemoReport:
    """Create the home page and sections in the default language, then their translations."""
    report = DemoReport()
    default_locale = Locale.get_default()
    content = read_demo_content(default_locale.language_code)
    home, home_is_new = _ensure_home(content["home"], default_locale, report)
    originals = {spec["key"]: _ensure_child(home, spec, report) for spec in content["pages"]}
    if home_is_new:
        _fill_home_body(home, content["home"])
    for code, _name in settings.LANGUAGES:
        if code == default_locale.language_code:
            continue
        locale = Locale.objects.get(language_code=code)
        translated = read_demo_content(code)
        _ensure_translation(home, locale, _home_fields(translated["home"], home), report)
        for spec in translated["pages"]:
            original = originals[spec["key"]]
            _ensure_translation(original, locale, _page_fields(spec, home), report)
    return report


def _ensure_home(spec: dict[str, Any], locale: Locale, report: DemoReport) -> tuple[HomePage, bool]:
    """The home page becomes the default site's root, replacing Wagtail's welcome page."""
    existing = HomePage.objects.filter(locale=locale, depth=2).first()
    if existing:
        report.existing += 1
        return existing, False
    site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", is_default_site=True)
    welcome = site.root_page if site.pk and site.root_page.specific_class is Page else None
    if welcome:
        welcome.slug = "wagtail-welcome"
        welcome.save(update_fields=["slug"])
    home = HomePage(slug=HOME_SLUG, locale=locale, live=False, **_home_fields(spec, None))
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    site.root_page = home
    site.site_name = "Stop the Harm"
    site.save()
    if welcome:
        welcome.delete()
    report.created.append(f"{locale.language_code}:{HOME_SLUG}")
    return home, True


def _ensure_child(home: HomePage, spec: dict[str, Any], report: DemoReport) -> Page:
    existing = home.get_children().filter(slug=spec["key"]).first()
    if existing:
        report.existing += 1
        return existing.specific
    page = PAGE_KINDS[spec["kind"]](slug=spec["key"], live=False, **_page_fields(spec, home))
    home.add_child(instance=page)
    page.save_revision().publish()
    report.created.append(f"{home.locale.language_code}:{spec['key']}")
    return page


def _fill_home_body(home: HomePage, spec: dict[str, Any]) -> None:
    """The home page's body links to its sections, so it is written once they exist."""
    home.body = _stream_data(spec.get("body", []), home)
    home.save_revision().publish()


def _ensure_translation(original: Page, locale: Locale, fields: dict[str, Any], report: DemoReport) -> None:
    if original.get_translations().filter(locale=locale).exists():
        report.existing += 1
        return
    translation = original.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    report.created.append(f"{locale.language_code}:{original.slug}")


def _home_fields(spec: dict[str, Any], home: HomePage | None) -> dict[str, Any]:
    fields = {name: spec[name] for name in ("title", "hero_heading", "hero_text", "search_description")}
    if home is not None:
        fields["body"] = _stream_data(spec.get("body", []), home)
    return fields


def _page_fields(spec: dict[str, Any], home: HomePage) -> dict[str, Any]:
    fields = {
        "title": spec["title"],
        "intro": spec.get("intro", ""),
        "body": _stream_data(spec.get("body", []), home),
        "show_in_menus": spec.get("in_menu", False),
    }
    if spec["kind"] == "section":
        fields["is_coming_soon"] = spec.get("coming_soon", False)
    else:
        fields["show_in_footer"] = spec.get("in_footer", False)
    return fields


def _stream_data(blocks: list[dict[str, Any]], home: HomePage) -> list[tuple[str, Any]]:
    """Turn the JSON blocks into StreamField data; a call to action names its page by slug."""
    data = []
    for block in blocks:
        value = block["value"]
        if block["type"] == "call_to_action":
            target = home.get_children().filter(slug=value["page"]).first()
            if target is None:
                continue
            value = {**value, "page": target}
        data.append((block["type"], value))
    return data
