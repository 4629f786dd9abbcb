from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "blockquote"]


class CampaignPage(Page):
    """A campaign: why it exists, what it asks for, and the actions that serve it.

    Petitions, statements, events and days of action point to their campaign (`CampaignActionFields`);
    the campaign page gathers them through the actions hook (`campaigns.actions`).
    """

    intro = models.TextField(max_length=500, help_text=_("A short summary, shown in lists of campaigns."))
    goal = models.TextField(max_length=1000, help_text=_("What the campaign asks for, in a sentence or two."))
    story = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text=_("Why the campaign exists and what has happened so far.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("goal"), FieldPanel("story")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("goal"),
        index.SearchField("story"),
    ]

    parent_page_types = ["pages.SectionPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("campaign page")


class CampaignActionFields(models.Model):
    """What every kind of action (a petition, a statement, an event, a day of action) shares.

    Its campaign, and how prominently staff want it shown on the Take Action page.
    """

    campaign = models.ForeignKey(
        CampaignPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("campaign"),
        help_text=_("The campaign this action serves, if any; its page lists it."),
    )
    importance = models.PositiveSmallIntegerField(
        default=0,
        verbose_name=_("importance"),
        help_text=_("Higher comes first on the Take Action page; among equals, the one closing soonest."),
    )

    action_panels = [MultiFieldPanel([FieldPanel("campaign"), FieldPanel("importance")], heading=_("Campaign"))]

    class Meta:
        abstract = True
