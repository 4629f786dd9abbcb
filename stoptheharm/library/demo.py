"""Demo content of the library, idempotent: what exists is left alone.

The library page in every language, the advocacy guide in three stages, two editions of a biennial
report, an index and a linked video. Texts are in `demo/content.json`: each resource in English
and, for some, in other languages (its translations).
"""

import json
from pathlib import Path
from typing import Any, Protocol

from django.conf import settings
from wagtail.models import Locale, Page

from stoptheharm.library.models import LibraryPage, ResourcePage, ResourcePublisher, ResourceSeries
from stoptheharm.organisations.models import Organisation

CONTENT_FILE = Path(__file__).parent / "demo" / "content.json"
LIBRARY_SLUG = "resources"


class DemoCounts(Protocol):
    """What `pages.demo.DemoReport` counts: the pages created (as "language:slug") and those already there."""

    created: list[str]
    existing: int


def load_library_demo(*, section: Page, report: DemoCounts) -> None:
    """Create what is missing under `section` (the default language's library section), counted in `report`."""
    content = json.loads(CONTENT_FILE.read_text(encoding="utf-8"))
    library = section.get_children().filter(slug=LIBRARY_SLUG).first()
    if library is None:
        library = LibraryPage(slug=LIBRARY_SLUG, **content["library"][section.locale.language_code])
        section.add_child(instance=library)
        library.save_revision().publish()
        report.created.append(f"{section.locale.language_code}:{LIBRARY_SLUG}")
    else:
        report.existing += 1
    library = library.specific
    for code, _name in settings.LANGUAGES:
        _ensure_translation(library, code, content["library"][code], report)
    series, _created = ResourceSeries.objects.get_or_create(
        name=content["series"]["name"], defaults={"description": content["series"]["description"]}
    )
    for spec in content["resources"]:
        resource = _ensure_resource(library, spec, series, report)
        for code, _name in settings.LANGUAGES:
            if code in spec:
                _ensure_translation(resource, code, _resource_words(spec[code]), report)


def _ensure_resource(library: LibraryPage, spec: dict[str, Any], series: ResourceSeries, report: DemoCounts) -> Page:
    existing = library.get_children().filter(slug=spec["key"]).first()
    if existing:
        report.existing += 1
        return existing.specific
    language_code = library.locale.language_code
    resource = ResourcePage(
        slug=spec["key"],
        kind=spec["kind"],
        year=spec["year"],
        edition=spec.get("edition", ""),
        series=series if spec.get("series") else None,
        countries=spec["countries"],
        external_video_url=spec.get("external_video_url", ""),
        **_resource_words(spec[language_code]),
    )
    resource.topics.add(*spec["topics"])
    for name in spec["publishers"]:
        organisation = Organisation.objects.filter(name=name).first()
        if organisation:
            resource.publishers.add(ResourcePublisher(organisation=organisation))
    library.add_child(instance=resource)
    resource.save_revision().publish()
    report.created.append(f"{language_code}:{spec['key']}")
    return resource


def _resource_words(words: dict[str, Any]) -> dict[str, Any]:
    fields = {"title": words["title"], "summary": words["summary"]}
    if "stages" in words:
        fields["stages"] = [("stage", stage) for stage in words["stages"]]
    return fields


def _ensure_translation(original: Page, language_code: str, fields: dict[str, Any], report: DemoCounts) -> None:
    locale = Locale.objects.get(language_code=language_code)
    if original.locale_id == locale.pk:
        return
    if original.get_translations().filter(locale=locale).exists():
        report.existing += 1
        return
    translation = original.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    report.created.append(f"{language_code}:{original.slug}")
