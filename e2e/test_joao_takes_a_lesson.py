"""João takes a lesson of the free course on his phone, passes its quiz and sees his progress kept in the browser."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_joao_answers_a_quiz_passes_it_and_sees_the_lesson_ticked(browser, site_url):
    context = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(site_url + "/en/library/")
    page.get_by_role("link", name="Harm reduction advocacy: a first course").click()
    expect(page.get_by_text("0 of 5 lessons done")).to_be_visible()
    page.get_by_role("link", name="What the evidence says").click()

    quiz = page.locator("[data-quiz]")
    quiz.get_by_label("Yes, abstinence comes first.").check()
    quiz.get_by_label("A needle and syringe programme.").check()
    quiz.get_by_role("button", name="Check my answers").click()
    expect(page.get_by_text("1 of 2 answers are right.")).to_be_visible()
    expect(page.get_by_text("Harm reduction does not put abstinence as a condition")).to_be_visible()
    expect(page.get_by_text("You have completed this lesson.")).to_be_hidden()

    page.locator("[data-quiz]").get_by_label("No, help is offered without that condition.").check()
    page.locator("[data-quiz]").get_by_role("button", name="Check my answers").click()
    expect(page.get_by_text("Well done: every answer is right. This lesson is done.")).to_be_visible()
    expect(page.get_by_text("You have completed this lesson.")).to_be_visible()
    lesson_list = page.get_by_role("navigation", name="Lessons")
    expect(lesson_list.locator("li", has_text="What the evidence says").get_by_text("done")).to_be_visible()
    expect(lesson_list.locator("li", has_text="Meeting people where they are").get_by_text("done")).to_be_hidden()

    page.get_by_role("link", name="All the course's lessons").click()
    expect(page.get_by_text("1 of 5 lessons done")).to_be_visible()
    assert context.cookies() == []  # progress lives in the browser's storage, never in a cookie
    context.close()


def test_joao_finishes_the_course_and_downloads_his_certificate_filled_in_from_his_progress(browser, site_url):
    context = browser.new_context(locale="en-GB", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    course_url = site_url + "/en/library/harm-reduction-advocacy/"
    quizzes = {
        "What the evidence says": ["No, help is offered without that condition.", "A needle and syringe programme."],
        "Telling a story with evidence": [
            "Criminal penalties for using drugs and possessing them for personal use.",
            "One clear request and figures about your own city.",
            "With the person's consent, without revealing who they are if that puts them at risk.",
        ],
    }
    for lesson in ["Meeting people where they are", "What the evidence says", "Why punishment fails",
                   "Knowing your audience", "Telling a story with evidence"]:  # fmt: skip
        page.goto(course_url)
        page.get_by_role("link", name=lesson).click()
        if lesson in quizzes:
            quiz = page.locator("[data-quiz]")
            for answer in quizzes[lesson]:
                quiz.get_by_label(answer).check()
            quiz.get_by_role("button", name="Check my answers").click()
        else:
            page.get_by_role("button", name="Mark this lesson as done").click()
        expect(page.get_by_text("You have completed this lesson.")).to_be_visible()

    page.goto(course_url)
    expect(page.get_by_text("5 of 5 lessons done")).to_be_visible()
    page.get_by_role("link", name="Get your certificate").click()
    expect(page.get_by_label("I have done the lesson “Knowing your audience”")).to_be_checked()
    expect(page.get_by_label("One clear request and figures about your own city.")).to_be_checked()
    page.get_by_label("Your name, as it should appear on the certificate").fill("João Ñandú-Silva")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my certificate (PDF)").click()
    assert download.value.suggested_filename == "certificate-harm-reduction-advocacy.pdf"
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    context.close()
