"""Whether a learner has finished a course, for the certificate (docs/decisions/0014).

The platform keeps no record of anyone's progress: the learner's browser sends the lessons it has
marked done and the answers it gave, and every quiz is marked again here. A certificate is a
keepsake, not a credential: a learner who ticks every lesson without reading them only fools
themselves, but nobody gets one without answering every quiz correctly.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from stoptheharm.courses.models import LessonPage
from stoptheharm.courses.quizzes import QuizResult, mark_quiz
from stoptheharm.courses.selectors import ModuleOutline


def lesson_field_prefix(lesson: LessonPage) -> str:
    """The certificate form names a lesson's answers `<lesson key>-question-<n>`: the same in every language."""
    return f"{lesson.translation_key}-"


@dataclass(frozen=True)
class LessonCheck:
    lesson: LessonPage
    is_marked_done: bool
    quiz: QuizResult | None  # None: the lesson has no quiz

    @property
    def prefix(self) -> str:
        return lesson_field_prefix(self.lesson)

    @property
    def is_complete(self) -> bool:
        return self.is_marked_done and (self.quiz is None or self.quiz.is_passed)


@dataclass(frozen=True)
class ModuleCheck:
    outline: ModuleOutline
    lessons: list[LessonCheck]


@dataclass(frozen=True)
class CompletionCheck:
    modules: list[ModuleCheck]

    @property
    def lessons(self) -> list[LessonCheck]:
        return [lesson for module in self.modules for lesson in module.lessons]

    @property
    def is_complete(self) -> bool:
        return bool(self.lessons) and all(lesson.is_complete for lesson in self.lessons)


def check_completion(
    outline: list[ModuleOutline], *, completed_lesson_keys: set[str], answers: Mapping[str, str]
) -> CompletionCheck:
    """Every lesson of every module must be marked done, and every quiz answered right (marked again here)."""
    return CompletionCheck(
        [
            ModuleCheck(item, [_check_lesson(lesson, completed_lesson_keys, answers) for lesson in item.lessons])
            for item in outline
        ]
    )


def _check_lesson(lesson: LessonPage, completed_lesson_keys: set[str], answers: Mapping[str, str]) -> LessonCheck:
    quiz = mark_quiz(lesson, answers, prefix=lesson_field_prefix(lesson)) if lesson.quiz else None
    return LessonCheck(lesson, str(lesson.translation_key) in completed_lesson_keys, quiz)
