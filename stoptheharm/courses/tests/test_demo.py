import pytest

from stoptheharm.courses.models import CoursePage, LessonPage, ModulePage


@pytest.mark.django_db
def test_the_demo_course_is_under_the_library_with_a_quiz_per_module_and_loads_once(demo_site, client):
    from stoptheharm.pages.demo import load_demo_site

    load_demo_site()
    course = CoursePage.objects.get()
    assert course.get_parent().slug == "library"
    modules = ModulePage.objects.child_of(course)
    assert modules.count() == 2
    for module in modules:
        lessons = LessonPage.objects.child_of(module)
        assert 2 <= lessons.count() <= 3
        assert sum(1 for lesson in lessons if lesson.quiz) == 1
    assert course.title in client.get("/en/library/").content.decode()
