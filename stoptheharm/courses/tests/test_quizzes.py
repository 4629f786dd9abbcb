import pytest
from django.core.exceptions import ValidationError

from stoptheharm.courses.blocks import QuestionBlock
from stoptheharm.courses.quizzes import mark_quiz


def test_a_quiz_with_every_answer_right_is_passed_and_keeps_the_choices(lessons):
    result = mark_quiz(lessons["evidence"], {"question-1": "1", "question-2": "1"})
    assert result.is_passed and result.correct_count == 2
    assert result.chosen_numbers == {"question-1": 1, "question-2": 1}
    assert [answer.chosen.feedback for answer in result.answers] == ["Yes: Yes.", "Yes: Syringes."]


def test_a_wrong_answer_fails_the_quiz_and_gives_that_choices_feedback(lessons):
    result = mark_quiz(lessons["evidence"], {"question-1": "1", "question-2": "3"})
    assert not result.is_passed and result.correct_count == 1
    assert result.answers[1].chosen.feedback == "No: not Fines."


@pytest.mark.parametrize("answer", ["", "0", "4", "x", "²", "1 ", "-1", "999999999999999999999"])
def test_an_answer_that_is_not_a_choice_counts_as_unanswered(lessons, answer):
    result = mark_quiz(lessons["evidence"], {"question-1": "1", "question-2": answer})
    assert result.answers[1].chosen is None
    assert not result.is_passed


def test_answers_are_read_under_a_prefix_for_the_certificate(lessons):
    lesson = lessons["audiences"]
    assert mark_quiz(lesson, {"k-question-1": "1"}, prefix="k-").is_passed
    assert not mark_quiz(lesson, {"question-1": "1"}, prefix="k-").is_passed


def test_a_question_needs_exactly_one_right_answer():
    block = QuestionBlock()
    choice = {"text": "A", "is_correct": False, "feedback": ""}
    for flags in ([False, False], [True, True]):
        value = block.to_python({"question": "Q?", "choices": [choice | {"is_correct": flag} for flag in flags]})
        with pytest.raises(ValidationError):
            block.clean(value)
    block.clean(block.to_python({"question": "Q?", "choices": [choice | {"is_correct": True}, choice]}))
