"""A free online course: a course page, its modules, their lessons (text, video with captions, downloads, a quiz)."""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from stoptheharm.core.captions import validate_webvtt, video_errors
from stoptheharm.core.originals import DefaultLanguageOriginal
from stoptheharm.courses.blocks import RICH_TEXT_FEATURES, QuizBlock


class CoursePage(DefaultLanguageOriginal, Page):
    """A course: an introduction, then modules in order. Its translations are the same course in other languages."""

    intro = models.TextField(max_length=800, help_text=_("What the course is for and who it is for, in a few lines."))
    estimated_minutes = models.PositiveSmallIntegerField(
        help_text=_("About how long the whole course takes, in minutes, quizzes included.")
    )
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
        help_text=_("The campaign this course serves, if any."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("estimated_minutes"),
        FieldPanel("campaign"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["pages.SectionPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from stoptheharm.courses.forms import KeepProgressForm
        from stoptheharm.courses.selectors import course_lessons, course_outline, translations_of  # these import models

        outline = course_outline(self)
        keys = {str(lesson.translation_key) for lesson in course_lessons(outline)}
        return {
            **super().get_context(request, *args, **kwargs),
            "outline": outline,
            "translations": translations_of(self),
            "keep_progress_form": KeepProgressForm(lesson_keys=keys),
        }


class ModulePage(Page):
    """A module of a course: a short introduction and its lessons, in order."""

    intro = models.TextField(max_length=600, blank=True, help_text=_("What the learner will know after this module."))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("course module")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from stoptheharm.courses.selectors import module_context  # selectors import these models

        return {**super().get_context(request, *args, **kwargs), **module_context(self)}


class LessonPage(Page):
    """A light page: text, an optional video with captions, downloads and an optional short quiz.

    The lesson's `translation_key` is the same in every language: progress kept in the browser and
    the certificate's check name lessons by it, so a learner may switch language mid-course.
    """

    summary = models.TextField(
        max_length=400, blank=True, help_text=_("One or two sentences: what this lesson covers.")
    )
    body = RichTextField(features=RICH_TEXT_FEATURES, help_text=_("The lesson's text."))
    video = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A short video file (MP4 or WebM) served by the platform; it never plays on its own."),
    )
    video_captions = models.FileField(
        upload_to="courses/captions/",
        blank=True,
        validators=[validate_webvtt],
        help_text=_("Captions for the video as a WebVTT (.vtt) file, in the page's language."),
    )
    quiz = StreamField(
        QuizBlock(),
        blank=True,
        help_text=_("A few questions to check what was learned; the lesson counts as done once they are all right."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("video"), FieldPanel("video_captions")], heading=_("Video")),
        InlinePanel("downloads", label=_("Downloads")),
        FieldPanel("quiz"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson page")

    def clean(self) -> None:
        super().clean()
        errors = video_errors(self.video, self.video_captions)
        if errors:
            raise ValidationError(errors)

    @cached_property
    def questions(self) -> list["Question"]:
        """The quiz's questions, numbered from 1, with their choices numbered from 1."""
        return [
            Question(
                number=number,
                text=block.value["question"],
                choices=[
                    Choice(
                        number=index, text=choice["text"], is_correct=choice["is_correct"], feedback=choice["feedback"]
                    )
                    for index, choice in enumerate(block.value["choices"], start=1)
                ],
            )
            for number, block in enumerate(self.quiz, start=1)
        ]

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from stoptheharm.courses.selectors import lesson_context  # selectors import these models

        return {**super().get_context(request, *args, **kwargs), **lesson_context(self)}


class LessonDownload(Orderable):
    """A file to take away (a handout, slides), uploaded to the platform as a Wagtail document."""

    page = ParentalKey(LessonPage, on_delete=models.CASCADE, related_name="downloads")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    label = models.CharField(
        max_length=200, blank=True, help_text=_("e.g. 'Handout'; the document's title by default.")
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    @property
    def title(self) -> str:
        return self.label or self.document.title


@dataclass(frozen=True)
class Choice:
    number: int
    text: str
    is_correct: bool
    feedback: str


@dataclass(frozen=True)
class Question:
    number: int
    text: str
    choices: list[Choice]

    @property
    def field_name(self) -> str:
        return f"question-{self.number}"


def language_choices() -> list[tuple[str, str]]:
    return [(code, str(name)) for code, name in settings.LANGUAGES]


class Learner(models.Model):
    """A learner who chose to keep their progress through a course with a private link e-mailed to them.

    Only what the link needs: the address it goes to, the lessons done (by translation key, the same
    in every language) and the e-mails' language. No name, no quiz answers. Forgetting (a button on
    the private link's page) deletes the row; unused rows are deleted (courses/retention.py).
    """

    course = models.ForeignKey(
        CoursePage,
        on_delete=models.CASCADE,
        related_name="learners",
        help_text=_("The course in the default language."),
    )
    email = models.EmailField(max_length=254, help_text=_("Normalised; one row per course and address."))
    secret = models.CharField(max_length=64, help_text=_("The random part of the private link."))
    completed = models.JSONField(default=list, blank=True, help_text=_("The translation keys of the lessons done."))
    language = models.CharField(max_length=8, choices=language_choices, help_text=_("The e-mails' language."))
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("learner")
        verbose_name_plural = _("learners")
        constraints = [models.UniqueConstraint(fields=["course", "email"], name="courses_one_learner_per_address")]

    def __str__(self) -> str:
        return f"{self.course_id}: {self.email}"

    def clean(self) -> None:
        super().clean()
        if not isinstance(self.completed, list) or not all(isinstance(key, str) for key in self.completed):
            raise ValidationError({"completed": _("The lessons done must be a list of lesson keys.")})
        from stoptheharm.courses.selectors import lesson_keys  # selectors import these models

        if self.course_id and not set(self.completed) <= lesson_keys(self.course):
            raise ValidationError({"completed": _("Some of the lessons sent are not part of this course.")})

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
