"""Demo content of the library, idempotent: what exists is left alone.

The library page in every language, the advocacy guide in three stages, two editions of a biennial
report, an index and a linked video. Texts are in `demo/content.json`: each resource in English
and, for some, in other languages (its translations).
"""

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.conf import settings
from wagtail.models import Locale, Page

from stoptheharm.core.demo import DemoReport, add_child_once, translate_once
from stoptheharm.library.models import LibraryPage, ResourcePage, ResourcePublisher, ResourceSeries
from stoptheharm.organisations.models import Organisation

CONTENT_FILE = Path(__file__).parent / "demo" / "content.json"
LIBRARY_SLUG = "resources"
LANGUAGE_CODES = frozenset(code for code, _name in settings.LANGUAGES)


def load_library_demo(report: DemoReport, *, sections: Mapping[str, Page]) -> None:
    """Create the library under the "library" section, its resources, then their translations."""
    content = json.loads(CONTENT_FILE.read_text(encoding="utf-8"))
    section = sections["library"]
    words = content["library"][section.locale.language_code]
    library, is_new = add_child_once(section, LibraryPage(slug=LIBRARY_SLUG, **words))
    report.count(library, is_new)
    _translate(library, content["library"], report)
    series, _created = ResourceSeries.objects.get_or_create(
        name=content["series"]["name"], defaults={"description": content["series"]["description"]}
    )
    for spec in content["resources"]:
        resource, is_new = add_child_once(library, _resource(spec, series, section.locale.language_code))
        report.count(resource, is_new)
        _translate(resource, {code: _resource_words(spec[code]) for code in spec if code in LANGUAGE_CODES}, report)


def _resource(spec: dict[str, Any], series: ResourceSeries, language_code: str) -> ResourcePage:
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
    for organisation in Organisation.objects.filter(name__in=spec["publishers"]):
        resource.publishers.add(ResourcePublisher(organisation=organisation))
    return resource


def _resource_words(words: dict[str, Any]) -> dict[str, Any]:
    fields = {"title": words["title"], "summary": words["summary"]}
    if "stages" in words:
        fields["stages"] = [("stage", stage) for stage in words["stages"]]
    return fields


def _translate(original: Page, fields_by_language: dict[str, dict[str, Any]], report: DemoReport) -> None:
    for code, fields in fields_by_language.items():
        if code != original.locale.language_code:
            report.count(*translate_once(original, Locale.objects.get(language_code=code), fields))
