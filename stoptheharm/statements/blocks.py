from django.utils.translation import gettext_lazy as _
from wagtail import blocks

# No "sup" feature: reference markers are typed as [1], [2] ... and numbered links are made of them.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "blockquote"]


class StatementBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", icon="title", template="statements/blocks/heading.html")
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        help_text=_("Cite a reference by typing its number in square brackets, e.g. [1], where its marker goes."),
    )


class ReferenceBlock(blocks.StructBlock):
    """One numbered reference: the citation as text, and where to read it."""

    citation = blocks.TextBlock(
        max_length=1000,
        help_text=_("The source as it should be cited, e.g. 'UNAIDS (2019), Health, rights and drugs'."),
    )
    url = blocks.URLBlock(required=False, help_text=_("Where to read it, if it is online."))

    class Meta:
        icon = "link"
        label = _("Reference")


class ReferencesBlock(blocks.StreamBlock):
    reference = ReferenceBlock()
