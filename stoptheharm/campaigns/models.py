from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
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

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("goal"), FieldPanel("story")]
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
