from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "blockquote"]


class CampaignPage(Page):
    """A campaign: why it exists, what it asks for, and the actions that serve it.

    Petitions, statements, events and days of action point to their campaign (a `campaign` foreign key
    named by string, and an `importance` for the Take Action page); the campaign gathers them through
    their apps' selectors.
    """

    intro = models.TextField(max_length=500, help_text=_("A short summary, shown in lists of campaigns."))
    goal = models.TextField(max_length=1000, help_text=_("What the campaign asks for, in a sentence or two."))
    story = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text=_("Why the campaign exists and what has happened so far.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("goal"),
        FieldPanel("story"),
        InlinePanel("milestones", label=_("Timeline")),
        InlinePanel("partners", label=_("Partner organisations")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("goal"),
        index.SearchField("story"),
    ]

    parent_page_types = ["pages.SectionPage"]
    subpage_types: list[str] = ["localactions.DayOfActionPage"]

    class Meta:
        verbose_name = _("campaign page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from stoptheharm.campaigns.selectors import campaign_page_context  # selectors import these models

        return {**super().get_context(request, *args, **kwargs), **campaign_page_context(self)}


class CampaignMilestone(Orderable):
    """A dated step of the campaign's timeline, past or to come."""

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField(help_text=_("When it happened or is planned."))
    title = models.CharField(max_length=200, help_text=_("e.g. First global day of action"))
    text = models.TextField(max_length=1000, blank=True, help_text=_("A sentence or two on what happened or will."))

    panels = [FieldPanel("date"), FieldPanel("title"), FieldPanel("text")]

    def __str__(self) -> str:
        return f"{self.date}: {self.title}"

    @property
    def is_past(self) -> bool:
        return self.date < timezone.localdate()


class CampaignPartner(Orderable):
    """An organisation of the directory that runs the campaign with the coalition."""

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Choose from the organisations in the directory, or add one there first."),
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["page", "organisation"], name="one_partnership_per_campaign")]

    def __str__(self) -> str:
        return str(self.organisation)


class TakeActionPage(Page):
    """Every open action of every campaign, most important and soonest closing first, filterable."""

    intro = models.TextField(max_length=500, blank=True, help_text=_("A short introduction above the list."))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["pages.HomePage", "pages.SectionPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("take action page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from stoptheharm.campaigns.selectors import take_action_context  # selectors import these models

        return {**super().get_context(request, *args, **kwargs), **take_action_context(request.GET)}
