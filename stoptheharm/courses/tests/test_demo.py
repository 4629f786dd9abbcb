import pytest
from wagtail.models import Page

from stoptheharm.core.demo import DemoReport
from stoptheharm.courses.demo import load_course_demo
from stoptheharm.courses.models import CoursePage, LessonPage, ModulePage


@pytest.mark.django_db
def test_the_demo_course_is_under_the_library_with_a_quiz_per_module_and_loads_once(demo_site, client):
    library_section = Page.objects.child_of(demo_site).get(slug="library")
    again = DemoReport()
    load_course_demo(again, sections={"library": library_section})
    assert again.created == [] and again.existing == 8
    course = CoursePage.objects.get()
    assert course.get_parent().pk == library_section.pk
    modules = ModulePage.objects.child_of(course)
    assert modules.count() == 2
    for module in modules:
        lessons = LessonPage.objects.child_of(module)
        assert 2 <= lessons.count() <= 3
        assert sum(1 for lesson in lessons if lesson.quiz) == 1
    assert course.title in client.get("/en/library/").content.decode()
