"""What every app's demo content does alike: read its texts, add a page once, translate a page once."""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wagtail.models import Locale, Page


@dataclass
class DemoReport:
    """What loading the demo did: pages created ("language:slug"), pages already there, organisations created."""

    created: list[str] = field(default_factory=list)
    existing: int = 0
    organisations_created: list[str] = field(default_factory=list)

    def count(self, page: Page, is_new: bool) -> None:
        if is_new:
            self.created.append(f"{page.locale.language_code}:{page.slug}")
        else:
            self.existing += 1


def read_demo_texts(directory: Path, language_code: str) -> dict[str, Any]:
    return json.loads((directory / f"{language_code}.json").read_text(encoding="utf-8"))


def add_child_once(parent: Page, page: Page) -> tuple[Page, bool]:
    """The parent's child with the page's slug if there is one (left as editors made it), else the page published."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing:
        return existing.specific, False
    page.live = False
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def translate_once(original: Page, locale: Locale, fields: dict[str, Any]) -> tuple[Page, bool]:
    """The original's translation into the locale if there is one (left as it is), else one made with the fields."""
    existing = original.get_translation_or_none(locale)
    if existing:
        return existing.specific, False
    translation = original.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation, True
