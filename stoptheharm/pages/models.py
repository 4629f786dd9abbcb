from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from stoptheharm.pages.blocks import BodyBlock


class HomePage(Page):
    """The front page of one language's site; its children are the site's sections."""

    hero_heading = models.CharField(max_length=120, help_text=_("The large heading at the top of the home page."))
    hero_text = models.TextField(max_length=400, help_text=_("One or two sentences under the heading."))
    body = StreamField(BodyBlock(), blank=True, help_text=_("What follows the list of sections."))

    content_panels = [*Page.content_panels, FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("hero_text"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.SectionPage",
        "pages.StandardPage",
        "campaigns.TakeActionPage",
        "news.NewsIndexPage",
        "events.EventIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from stoptheharm.pages.selectors import home_page_context  # selectors import these models

        return {**super().get_context(request, *args, **kwargs), **home_page_context(self)}


class SectionPage(Page):
    """A top-level section of the site (Take Action, Campaigns, Events, ...).

    A section whose tools have not been built yet says so honestly with `is_coming_soon`.
    """

    intro = models.TextField(max_length=500, help_text=_("A short summary, shown on the home page too."))
    body = StreamField(BodyBlock(), blank=True)
    is_coming_soon = models.BooleanField(
        default=False,
        verbose_name=_("coming soon"),
        help_text=_("Tell visitors that this section's tools are still being built."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body"), FieldPanel("is_coming_soon")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = [
        "pages.StandardPage",
        "campaigns.CampaignPage",
        "petitions.PetitionPage",
        "statements.StatementPage",
        "localactions.DayOfActionPage",
        "campaigns.TakeActionPage",
        "news.NewsIndexPage",
        "events.EventIndexPage",
        "library.LibraryPage",
        "courses.CoursePage",
    ]

    class Meta:
        verbose_name = _("section page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from stoptheharm.pages.selectors import child_pages  # selectors import these models

        return {**super().get_context(request, *args, **kwargs), "children": child_pages(self)}


class StandardPage(Page):
    """A page of prose: About, the privacy notice, how to join."""

    intro = models.TextField(max_length=500, blank=True, help_text=_("A short summary under the title."))
    body = StreamField(BodyBlock(), blank=True)
    show_in_footer = models.BooleanField(
        default=False, help_text=_("List this page in the footer of every page, e.g. the privacy notice.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    promote_panels = [*Page.promote_panels, FieldPanel("show_in_footer")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["pages.HomePage", "pages.SectionPage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
