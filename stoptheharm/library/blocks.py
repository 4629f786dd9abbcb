"""A guide's stages and chapters ("Know it, Show it, Grow it"), numbered in order for anchors and the PDF."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "ol", "ul", "blockquote"]


class ChapterBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, help_text=_("The chapter's title, listed in the table of contents."))
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, help_text=_("The chapter's text."))

    class Meta:
        icon = "doc-full"
        label = _("Chapter")


class StageBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, help_text=_("The stage's name, e.g. 'Know it'."))
    introduction = blocks.TextBlock(required=False, max_length=1000, help_text=_("What this stage is for."))
    chapters = blocks.ListBlock(ChapterBlock(), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Stage")


class GuideStagesBlock(blocks.StreamBlock):
    stage = StageBlock()
