from dataclasses import dataclass
from typing import Any

from django.conf import global_settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpRequest
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.rich_text import RichText
from wagtail.search import index

from stoptheharm.core.captions import validate_webvtt, video_errors
from stoptheharm.core.text import fold_text, reject_forbidden_characters
from stoptheharm.library.blocks import RICH_TEXT_FEATURES, GuideStagesBlock

RESOURCES_PER_PAGE = 20


def file_language_choices() -> list[tuple[str, str]]:
    """Any language Django knows: a report may come in German or Ukrainian as well as the site's five."""
    return sorted(global_settings.LANGUAGES, key=lambda choice: choice[0])


class ResourceKind(models.TextChoices):
    GUIDE = "guide", _("Guide")
    REPORT = "report", _("Report")
    TOOLKIT = "toolkit", _("Toolkit")
    VIDEO = "video", _("Video")
    BRIEFING = "briefing", _("Briefing")
    INDEX = "index", _("Index")


class ResourceSeries(models.Model):
    """Resources published again and again (a biennial report): its editions are shown together, newest first."""

    name = models.CharField(max_length=200, unique=True, validators=[reject_forbidden_characters])
    description = models.TextField(blank=True, max_length=1000, help_text=_("What the series is, in a sentence."))

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("resource series")
        verbose_name_plural = _("resource series")

    def __str__(self) -> str:
        return self.name


class LibraryPage(Page):
    """The library: every published resource, searchable and filtered, in the reader's language when it exists."""

    intro = models.TextField(blank=True, max_length=1000, help_text=_("A sentence or two above the search form."))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["pages.SectionPage"]
    subpage_types = ["library.ResourcePage"]

    class Meta:
        verbose_name = _("library page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from stoptheharm.library.forms import LibraryFilterForm  # both import these models
        from stoptheharm.library.selectors import library_resources

        form = LibraryFilterForm(request.GET or None)
        form.is_valid()
        filters = form.filters()
        resources = library_resources(filters, language_code=self.locale.language_code)
        page = Paginator(resources, RESOURCES_PER_PAGE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return {
            **super().get_context(request, *args, **kwargs),
            "form": form,
            "filters": filters,
            "resources": page,
            "query_without_page": query.urlencode(),
        }


class ResourceTopic(TaggedItemBase):
    content_object = ParentalKey("library.ResourcePage", on_delete=models.CASCADE, related_name="topic_items")


@dataclass(frozen=True)
class Chapter:
    number: int
    title: str
    anchor: str
    body: RichText


@dataclass(frozen=True)
class Stage:
    number: int
    title: str
    anchor: str
    introduction: str
    chapters: list[Chapter]


class ResourcePage(Page):
    """A guide, report, toolkit, video, briefing or index; its translations are the same page in other locales."""

    kind = models.CharField(max_length=16, choices=ResourceKind, default=ResourceKind.REPORT)
    summary = models.TextField(max_length=800, help_text=_("Two or three sentences shown in the library's list."))
    body = RichTextField(blank=True, features=RICH_TEXT_FEATURES, help_text=_("A longer presentation, if needed."))
    stages = StreamField(
        GuideStagesBlock(),
        blank=True,
        help_text=_("For a guide: its stages, each with its chapters. A table of contents and a PDF are made of them."),
    )
    topics = ClusterTaggableManager(through=ResourceTopic, blank=True, help_text=_("e.g. decriminalisation, HIV."))
    countries = CountryField(multiple=True, blank=True, help_text=_("The countries it is about, if any."))
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1900), MaxValueValidator(2100)], help_text=_("The year of publication.")
    )
    series = models.ForeignKey(
        ResourceSeries,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resources",
        help_text=_("For a resource published in editions, such as a biennial report."),
    )
    edition = models.CharField(max_length=100, blank=True, help_text=_("e.g. '2024' or '8th edition'."))
    video = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A video file (MP4 or WebM) served by the platform itself; it never plays on its own."),
    )
    video_captions = models.FileField(
        upload_to="library/captions/",
        blank=True,
        validators=[validate_webvtt],
        help_text=_("Captions for the video as a WebVTT (.vtt) file, in the page's language."),
    )
    external_video_url = models.URLField(
        blank=True,
        help_text=_("A video hosted elsewhere is only linked to: nothing from that site is loaded on this page."),
    )
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resources",
        help_text=_("The campaign this resource serves, if any; its page lists it."),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("year")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("stages"),
        InlinePanel("files", label=_("Files")),
        MultiFieldPanel(
            [FieldPanel("video"), FieldPanel("video_captions"), FieldPanel("external_video_url")], heading=_("Video")
        ),
        MultiFieldPanel([FieldPanel("topics"), FieldPanel("countries")], heading=_("Topics and countries")),
        InlinePanel("publishers", label=_("Publishers")),
        FieldRowPanel([FieldPanel("series"), FieldPanel("edition")], heading=_("Series")),
        FieldPanel("campaign"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("folded_search_text"),
        index.FilterField("kind"),
        index.FilterField("year"),
    ]
    parent_page_types = ["library.LibraryPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("resource page")

    def clean(self) -> None:
        super().clean()
        errors = video_errors(self.video, self.video_captions)
        if errors:
            raise ValidationError(errors)

    def folded_search_text(self) -> str:
        """Everything searchable without accents or case: the query is folded the same way (decision 0013)."""
        parts = [self.title, self.summary, strip_tags(self.body), self.edition, " ".join(self.topics.names())]
        if self.series_id:
            parts.append(self.series.name)
        for stage in self.guide_contents:
            parts += [stage.title, stage.introduction]
            parts += [f"{chapter.title} {strip_tags(chapter.body.source)}" for chapter in stage.chapters]
        return fold_text(" ".join(parts))

    @cached_property
    def guide_contents(self) -> list[Stage]:
        """The stages and chapters, numbered, with anchors that do not depend on the language."""
        stages = []
        for stage_number, block in enumerate(self.stages, start=1):
            stage_anchor = f"stage-{stage_number}"
            chapters = [
                Chapter(number, chapter["title"], f"{stage_anchor}-chapter-{number}", chapter["body"])
                for number, chapter in enumerate(block.value["chapters"], start=1)
            ]
            stages.append(
                Stage(stage_number, block.value["title"], stage_anchor, block.value["introduction"], chapters)
            )
        return stages

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from stoptheharm.library.selectors import other_editions, translations_of

        return {
            **super().get_context(request, *args, **kwargs),
            "translations": translations_of(self),
            "other_editions": other_editions(self),
        }


class ResourceFile(Orderable):
    """A file of the resource (a PDF, a spreadsheet ...), in one language; its size is read from the file."""

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=12, choices=file_language_choices, help_text=_("The file's language."))
    label = models.CharField(
        max_length=200, blank=True, help_text=_("e.g. 'Full report' or 'Summary'; the document's title by default.")
    )

    panels = [FieldPanel("document"), FieldPanel("language"), FieldPanel("label")]

    @property
    def title(self) -> str:
        return self.label or self.document.title

    @property
    def size(self) -> int:
        return self.document.get_file_size() or 0


class ResourcePublisher(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="publishers")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="published_resources"
    )

    panels = [FieldPanel("organisation")]
