import io

import pytest
from django.contrib.sessions.models import Session
from pypdf import PdfReader

from stoptheharm.core.tests.pdf_fonts import glyphs_by_font
from stoptheharm.courses.models import LessonPage, ModulePage
from stoptheharm.courses.tests.conftest import all_right_answers
from stoptheharm.courses.tests.factories import publish_child, translate_page


def quiz_url(lesson) -> str:
    return f"/en/courses/lessons/{lesson.pk}/quiz/"


def certificate_url(course) -> str:
    return f"/en/courses/{course.pk}/certificate/"


def test_the_course_page_lists_its_modules_and_lessons_in_order_and_sets_no_cookie(client, course, lessons):
    response = client.get(course.url)
    content = response.content.decode()
    assert response.status_code == 200 and not response.cookies
    assert content.index("Module 1: Basics") < content.index("Principles") < content.index("Evidence")
    assert content.index("Evidence") < content.index("Module 2: Advocacy") < content.index("Audiences")
    assert f'data-progress-lesson="{lessons["audiences"].translation_key}"' in content
    assert "courses/progress.js" in content
    assert certificate_url(course) in content


def test_a_lesson_is_a_light_page_read_with_few_queries_whatever_the_courses_size(
    client, course, lessons, django_assert_max_num_queries
):
    lesson = lessons["evidence"]
    client.get(lesson.url)  # warm the per-process caches (site root paths, content types)
    # Wagtail's routing, the menus and the language links take 19; the lesson's own: its course, the
    # course's modules and lessons, its downloads.
    with django_assert_max_num_queries(23):
        client.get(lesson.url)
    more = publish_child(course, ModulePage(title="More", slug="more"))
    for number in range(3):
        publish_child(more, LessonPage(title=f"Extra {number}", slug=f"extra-{number}", body="<p>More.</p>"))
    with django_assert_max_num_queries(23):
        response = client.get(lesson.url)
    assert response.status_code == 200 and not response.cookies
    assert len(response.content) < 60_000
    content = response.content.decode()
    assert "<script" in content and content.count("<script") == 1  # the progress script only, deferred
    assert f'action="{quiz_url(lesson)}#quiz"' in content
    assert "Does it work?" in content and 'name="question-2" value="3"' in content
    assert 'rel="prev"' in content and 'rel="next"' in content


def test_a_lesson_without_a_quiz_offers_to_mark_it_done_with_the_script(client, lessons):
    content = client.get(lessons["principles"].url).content.decode()
    assert "data-mark-done hidden" in content and "data-quiz" not in content


def test_answering_a_quiz_right_passes_it_without_a_cookie_or_anything_stored(client, lessons):
    response = client.post(quiz_url(lessons["evidence"]), {"question-1": "1", "question-2": "1"})
    content = response.content.decode()
    assert response.status_code == 200 and not response.cookies
    assert "Well done: every answer is right." in content and "data-quiz-passed" in content
    assert 'name="question-2" value="1" checked' in content
    assert "Yes: Syringes." in content
    assert "no-store" in response["Cache-Control"]
    assert not Session.objects.exists()


def test_a_wrong_answer_shows_its_feedback_and_keeps_what_was_chosen(client, lessons):
    content = client.post(quiz_url(lessons["evidence"]), {"question-1": "2"}).content.decode()
    assert "1 of 2 answers are right. Read the feedback and try again." not in content
    assert "0 of 2 answers are right" in content
    assert "No: not No." in content and "Choose an answer." in content
    assert 'name="question-1" value="2" checked' in content
    assert "data-quiz-passed" not in content


def test_a_quiz_sent_from_another_site_is_refused(client, lessons):
    response = client.post(quiz_url(lessons["evidence"]), {"question-1": "1"}, headers={"sec-fetch-site": "cross-site"})
    assert response.status_code == 403


def test_a_quiz_address_opened_or_sent_without_a_quiz_leads_to_the_lesson(client, lessons):
    assert client.get(quiz_url(lessons["evidence"])).url == lessons["evidence"].url
    assert client.post(quiz_url(lessons["principles"]), {}).url == lessons["principles"].url
    assert client.post("/en/courses/lessons/99999999999999999999/quiz/", {}).status_code == 404


def test_a_module_page_lists_its_lessons_with_its_number_in_the_course(client, course):
    module = course.get_children().last().specific
    response = client.get(module.url)
    content = response.content.decode()
    assert response.status_code == 200 and not response.cookies
    assert "Module 2: Advocacy" in content and "Audiences" in content and "Principles" not in content
    assert 'data-progress-lesson="' in content


def test_the_certificate_form_asks_every_quiz_question_under_the_lesson_key(client, course, lessons):
    response = client.get(certificate_url(course))
    content = response.content.decode()
    assert response.status_code == 200 and not response.cookies
    assert content.count('name="lessons"') == 3
    assert f'name="{lessons["evidence"].translation_key}-question-2"' in content
    assert "Not yet" not in content


def test_a_finished_course_gives_a_pdf_with_the_name_exactly_as_typed(client, course, lessons):
    name = "Zoë <b>Ńgozi</b> Ж & Co"
    response = client.post(certificate_url(course), {"name": name, **all_right_answers(lessons)})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert name in text and "Advocacy course" in text and "1. Basics" in text and "2. Advocacy" in text
    assert not response.cookies and not Session.objects.exists()


def test_an_unfinished_course_shows_what_is_left_and_keeps_what_was_typed(client, course, lessons):
    data = all_right_answers(lessons) | {"name": "Amina"}
    data[f"{lessons['audiences'].translation_key}-question-1"] = "2"
    response = client.post(certificate_url(course), data)
    content = response.content.decode()
    assert response.status_code == 400 and response["Content-Type"].startswith("text/html")
    assert "Not yet: every lesson must be ticked and every quiz answered correctly." in content
    assert 'value="Amina"' in content and "No: not Nobody." in content
    assert f'name="{lessons["evidence"].translation_key}-question-1" value="1"' in content


@pytest.mark.parametrize(
    ("name", "font"),
    [("Zoë Ångström-Núñez", "DejaVuSansBold"), ("王芳", "DroidSansFallback"),
     ("محمد رضایی", "NotoSansArabicBold"), ("अनीता शर्मा", "NotoSansDevanagariBold")],
)  # fmt: skip
def test_a_name_in_any_script_is_drawn_whole_in_a_font_that_has_it(client, course, lessons, name, font):
    response = client.post(certificate_url(course), {"name": name, **all_right_answers(lessons)})
    glyphs = glyphs_by_font(response.content)
    assert set("".join(glyphs[font])) >= set(name) - {" "}


@pytest.mark.parametrize("name", ["Zoë Ångström-Núñez", "王芳", "김민수", "渡辺さくら"])
def test_a_name_in_latin_or_chinese_japanese_korean_script_reads_back_exactly(client, course, lessons, name):
    response = client.post(certificate_url(course), {"name": name, **all_right_answers(lessons)})
    lines = PdfReader(io.BytesIO(response.content)).pages[0].extract_text().splitlines()
    assert lines[lines.index("This certifies that") + 1] == name


@pytest.mark.parametrize(
    ("name", "error"),
    [("", "This field is required."), ("A" * 101, "at most 100 characters"),
     ("Ann\u202eevil", "Control and invisible formatting characters are not allowed.")],
)  # fmt: skip
def test_a_name_that_cannot_go_on_the_certificate_is_refused_beside_the_field(client, course, lessons, name, error):
    response = client.post(certificate_url(course), {"name": name, **all_right_answers(lessons)})
    assert response.status_code == 400
    assert error in response.content.decode()


def test_hostile_text_in_the_name_is_shown_inert_when_the_form_comes_back(client, course, lessons):
    content = client.post(certificate_url(course), {"name": '"><script>alert(1)</script>'}).content.decode()
    assert "<script>alert(1)" not in content and "&lt;script&gt;alert(1)" in content


def test_progress_in_one_language_counts_in_another(client, course, lessons):
    """Lesson keys are shared by translations: a learner may start in English and finish in French."""
    for lesson in lessons.values():
        translate_page(lesson, "fr")
    french = course.get_translation(course.get_translations().get().locale)
    response = client.post(f"/fr/courses/{french.pk}/certificate/", {"name": "Ana", **all_right_answers(lessons)})
    assert response["Content-Type"] == "application/pdf"
