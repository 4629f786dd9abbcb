from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "blockquote"]


class NewsIndexPage(Page):
    """The list of news in one language, newest first, with its feeds."""

    intro = models.TextField(max_length=500, blank=True, help_text=_("A short introduction above the list."))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["pages.HomePage", "pages.SectionPage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("news index page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from stoptheharm.news.selectors import news_index_context  # selectors import these models

        return {**super().get_context(request, *args, **kwargs), **news_index_context(self, request.GET)}


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPage(Page):
    """A news item: what happened, who wrote it, the campaigns it concerns."""

    date = models.DateField(default=timezone.localdate, help_text=_("The date the news is published under."))
    intro = models.TextField(max_length=500, help_text=_("One or two sentences, shown in lists and feeds."))
    body = RichTextField(features=RICH_TEXT_FEATURES, help_text=_("The news in full."))
    authors = models.CharField(
        max_length=255, blank=True, help_text=_("Who wrote it, as it should be printed, e.g. 'Maria Santos, IDPC'.")
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, help_text=_("Readers can list the news by tag."))
    campaigns = ParentalManyToManyField(
        "campaigns.CampaignPage",
        blank=True,
        related_name="news",
        help_text=_("The campaigns this news concerns; it is listed on their pages."),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("authors")]),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("campaigns"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news page")
        verbose_name_plural = _("news pages")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from stoptheharm.news.selectors import linked_campaigns  # selectors import these models

        return {**super().get_context(request, *args, **kwargs), "campaigns": linked_campaigns(self)}
