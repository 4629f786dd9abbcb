import pytest
from wagtail.models import Site

from stoptheharm.courses.models import CoursePage, LessonPage
from stoptheharm.courses.tests.factories import create_course


@pytest.fixture
def course(db) -> CoursePage:
    """The course of the factories, under the site's root page (enough for these tests)."""
    return create_course(parent=Site.objects.get(is_default_site=True).root_page)


@pytest.fixture
def lessons(course) -> dict[str, LessonPage]:
    return {lesson.slug: lesson for lesson in LessonPage.objects.descendant_of(course)}


def all_right_answers(lessons: dict[str, LessonPage]) -> dict[str, str]:
    """The certificate form's fields of a learner who did every lesson and answered every quiz right."""
    data: dict = {"lessons": [str(lesson.translation_key) for lesson in lessons.values()]}
    for lesson in lessons.values():
        for question in lesson.questions:
            data[f"{lesson.translation_key}-{question.field_name}"] = "1"
    return data
