"""Reads of courses: the outline of a course, a lesson's place in it, the published courses for the API."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext, ngettext
from wagtail.models import Locale, Page

from stoptheharm.core.privacy import RetentionPeriod, deleted_after
from stoptheharm.courses.models import CoursePage, LessonPage, ModulePage
from stoptheharm.courses.retention import UNCONFIRMED_DAYS, UNUSED_MONTHS


@dataclass(frozen=True)
class ModuleOutline:
    number: int
    module: ModulePage
    lessons: list[LessonPage]


def live_courses() -> QuerySet[CoursePage]:
    return CoursePage.objects.live().public()


def course_outline(course: CoursePage, *, with_quizzes: bool = False) -> list[ModuleOutline]:
    """The course's live modules and their live lessons, in the editors' order: two queries.

    The lessons' text is left in the database, and their quizzes too unless asked for. Privacy
    restrictions are set on a whole course (its page), which Wagtail applies to every lesson served.
    """
    modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
    lessons = LessonPage.objects.descendant_of(course).live().order_by("path")
    lessons_by_parent_path: dict[str, list[LessonPage]] = {}
    for lesson in lessons.defer("body") if with_quizzes else lessons.defer("body", "quiz"):
        lessons_by_parent_path.setdefault(lesson.path[: -Page.steplen], []).append(lesson)
    return [
        ModuleOutline(number, module, lessons_by_parent_path.get(module.path, []))
        for number, module in enumerate(modules, start=1)
    ]


def course_lessons(outline: list[ModuleOutline]) -> list[LessonPage]:
    return [lesson for module in outline for lesson in module.lessons]


def module_context(module: ModulePage) -> dict[str, Any]:
    """The module's course and its place in the course's outline (its number, its lessons)."""
    course = CoursePage.objects.ancestor_of(module).live().first()
    outline = course_outline(course) if course else []
    return {"course": course, "module_outline": next((item for item in outline if item.module.pk == module.pk), None)}


def lesson_context(lesson: LessonPage) -> dict[str, Any]:
    """Where the lesson stands: its course, module, the outline, and the lessons before and after it."""
    course = CoursePage.objects.ancestor_of(lesson).live().first()
    outline = course_outline(course) if course else []
    lessons = course_lessons(outline)
    position = next((index for index, item in enumerate(lessons) if item.pk == lesson.pk), None)
    module = next((item for item in outline if any(other.pk == lesson.pk for other in item.lessons)), None)
    return {
        "course": course,
        "module": module,
        "outline": outline,
        "previous_lesson": lessons[position - 1] if position else None,
        "next_lesson": lessons[position + 1] if position is not None and position + 1 < len(lessons) else None,
        "downloads": list(lesson.downloads.select_related("document")),
    }


def translations_of(page: Page) -> list[Page]:
    """The same page's other live versions, in other languages."""
    return list(page.get_translations().live().public().select_related("locale").order_by("locale__language_code"))


def courses_in_language(language_code: str) -> list[CoursePage]:
    """Each live course once: in the given language when translated into it, else in the site's default language."""
    default_language = Locale.get_default().language_code

    def preference(course: CoursePage) -> tuple[bool, bool, int]:
        code = course.locale.language_code
        return (code != language_code, code != default_language, course.pk)

    chosen: dict[Any, CoursePage] = {}
    for course in live_courses().select_related("locale"):
        current = chosen.get(course.translation_key)
        if current is None or preference(course) < preference(current):
            chosen[course.translation_key] = course
    return sorted(chosen.values(), key=lambda course: (course.title.casefold(), course.pk))


def course_languages() -> dict[Any, list[str]]:
    """The language codes each live course exists in, by its translation key: one query."""
    languages: dict[Any, list[str]] = {}
    rows = live_courses().order_by("locale__language_code").values_list("translation_key", "locale__language_code")
    for translation_key, language_code in rows:
        languages.setdefault(translation_key, []).append(language_code)
    return languages


def lesson_keys(course: CoursePage) -> set[str]:
    """The translation keys of the live lessons of a course, in any of its languages: one query."""
    courses = course.get_translations(inclusive=True).live()
    paths = Q()
    for path in courses.values_list("path", flat=True):
        paths |= Q(path__startswith=path)
    if not paths:
        return set()
    return {str(key) for key in LessonPage.objects.live().filter(paths).values_list("translation_key", flat=True)}


def lessons_done(course: CoursePage, completed: list[str]) -> list[LessonPage]:
    """The course's live lessons whose keys are in `completed`, in the course's order."""
    done = set(completed)
    return [lesson for lesson in course_lessons(course_outline(course)) if str(lesson.translation_key) in done]


def learner_retention_periods() -> list[RetentionPeriod]:
    """What the platform keeps about learners who save their progress, and for how long, read from the code."""
    return [
        RetentionPeriod(gettext("A request to keep course progress never confirmed"), deleted_after(UNCONFIRMED_DAYS)),
        RetentionPeriod(
            gettext("Saved course progress (e-mail address, lessons done, language)"),
            ngettext(
                "deleted %(months)d month after the private link was last used, or at once with “forget me”",
                "deleted %(months)d months after the private link was last used, or at once with “forget me”",
                UNUSED_MONTHS,
            )
            % {"months": UNUSED_MONTHS},
        ),
    ]
