"""Marking a lesson's quiz: each answer is right or not, with the feedback of the choice made.

Nothing is stored: the learner's answers come in a POST and go back in the page (and, if the
browser runs the progress script, into its own storage).
"""

from collections.abc import Mapping
from dataclasses import dataclass

from stoptheharm.courses.models import Choice, LessonPage, Question


@dataclass(frozen=True)
class AnswerResult:
    question: Question
    chosen: Choice | None  # None: not answered, or an answer that is not one of the choices

    @property
    def is_correct(self) -> bool:
        return self.chosen is not None and self.chosen.is_correct


@dataclass(frozen=True)
class QuizResult:
    answers: list[AnswerResult]

    @property
    def is_passed(self) -> bool:
        return bool(self.answers) and all(answer.is_correct for answer in self.answers)

    @property
    def correct_count(self) -> int:
        return sum(1 for answer in self.answers if answer.is_correct)

    @property
    def chosen_numbers(self) -> dict[str, int]:
        """The choice made for each question, by field name: what the page shows checked again."""
        return {answer.question.field_name: answer.chosen.number for answer in self.answers if answer.chosen}


def mark_quiz(lesson: LessonPage, answers: Mapping[str, str], *, prefix: str = "") -> QuizResult:
    """Mark the answers given as `<prefix>question-<n>` = choice number; anything else counts as unanswered."""
    return QuizResult([_mark(question, answers.get(prefix + question.field_name, "")) for question in lesson.questions])


def _mark(question: Question, answer: str) -> AnswerResult:
    number = int(answer) if answer.isascii() and answer.isdigit() and len(answer) <= 2 else 0
    chosen = next((choice for choice in question.choices if choice.number == number), None)
    return AnswerResult(question=question, chosen=chosen)
