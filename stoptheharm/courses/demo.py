"""Demo content of the courses, idempotent: a short course on harm reduction advocacy under the library section.

Texts are in `demo/content.json` (English); what exists is left alone.
"""

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from wagtail.models import Page

from stoptheharm.core.demo import DemoReport, add_child_once
from stoptheharm.courses.models import CoursePage, LessonPage, ModulePage

CONTENT_FILE = Path(__file__).parent / "demo" / "content.json"


def load_course_demo(report: DemoReport, *, sections: Mapping[str, Page]) -> CoursePage:
    """Create the course under the "library" section, then its modules and lessons in order."""
    content = json.loads(CONTENT_FILE.read_text(encoding="utf-8"))
    spec = content["course"]
    course, is_new = add_child_once(
        sections["library"],
        CoursePage(
            slug=spec["key"], title=spec["title"], intro=spec["intro"], estimated_minutes=spec["estimated_minutes"]
        ),
    )
    report.count(course, is_new)
    for module_spec in content["modules"]:
        module, is_new = add_child_once(
            course, ModulePage(slug=module_spec["key"], title=module_spec["title"], intro=module_spec["intro"])
        )
        report.count(module, is_new)
        for lesson_spec in module_spec["lessons"]:
            report.count(*add_child_once(module, _lesson(lesson_spec)))
    return course


def _lesson(spec: dict[str, Any]) -> LessonPage:
    return LessonPage(
        slug=spec["key"],
        title=spec["title"],
        summary=spec["summary"],
        body=spec["body"],
        quiz=[("question", question) for question in spec.get("quiz", [])],
    )
