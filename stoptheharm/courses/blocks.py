"""A lesson's short quiz: questions, each with its choices, exactly one of them right, and feedback per choice."""

from typing import Any

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "blockquote"]
MAX_CHOICES = 6


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, help_text=_("One possible answer."))
    is_correct = blocks.BooleanBlock(required=False, help_text=_("Tick the one right answer of the question."))
    feedback = blocks.TextBlock(
        required=False, max_length=600, help_text=_("Shown to a learner who chose this answer: why it is right or not.")
    )

    class Meta:
        icon = "radio-full"
        label = _("Choice")


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=300, help_text=_("The question, in a sentence."))
    choices = blocks.ListBlock(ChoiceBlock(), min_num=2, max_num=MAX_CHOICES)

    class Meta:
        icon = "help"
        label = _("Question")

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        if sum(1 for choice in value["choices"] if choice["is_correct"]) != 1:
            raise blocks.StructBlockValidationError(
                non_block_errors=ErrorList([ValidationError(_("Tick exactly one right answer."))])
            )
        return value


class QuizBlock(blocks.StreamBlock):
    question = QuestionBlock()

    class Meta:
        max_num = 10
