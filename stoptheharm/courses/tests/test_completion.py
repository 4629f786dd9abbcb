from stoptheharm.courses.completion import check_completion
from stoptheharm.courses.selectors import course_outline
from stoptheharm.courses.tests.conftest import all_right_answers


def check(course, data):
    outline = course_outline(course, with_quizzes=True)
    return check_completion(outline, completed_lesson_keys=set(data.pop("lessons")), answers=data)


def test_every_lesson_done_and_every_quiz_right_completes_the_course(course, lessons):
    result = check(course, all_right_answers(lessons))
    assert result.is_complete
    assert [module.outline.module.title for module in result.modules] == ["Basics", "Advocacy"]
    assert [item.lesson.slug for item in result.lessons] == ["principles", "evidence", "audiences"]


def test_a_lesson_not_marked_done_is_missing(course, lessons):
    data = all_right_answers(lessons)
    data["lessons"].remove(str(lessons["principles"].translation_key))
    result = check(course, data)
    assert not result.is_complete
    assert [item.lesson.slug for item in result.lessons if not item.is_complete] == ["principles"]


def test_a_quiz_is_marked_again_whatever_the_browser_says(course, lessons):
    data = all_right_answers(lessons)
    data[f"{lessons['audiences'].translation_key}-question-1"] = "2"
    result = check(course, data)
    assert not result.is_complete
    assert [item.lesson.slug for item in result.lessons if not item.is_complete] == ["audiences"]


def test_a_course_without_lessons_is_never_complete(course, lessons):
    for lesson in lessons.values():
        lesson.unpublish()
    assert not check(course, {"lessons": []}).is_complete
