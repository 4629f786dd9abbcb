from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from stoptheharm.alerts.selectors import subscription_retention_periods
from stoptheharm.courses.selectors import learner_retention_periods
from stoptheharm.events.selectors import retention_periods as event_retention_periods
from stoptheharm.localactions.selectors import retention_periods as local_action_retention_periods
from stoptheharm.organisations.selectors import application_retention_periods, member_count
from stoptheharm.petitions.selectors import retention_periods as petition_retention_periods
from stoptheharm.statements.selectors import retention_periods as statement_retention_periods

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "blockquote"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(help_text=_("The words quoted, without quotation marks."))
    attribution = blocks.CharBlock(required=False, help_text=_("Who said it, and when."))

    class Meta:
        icon = "openquote"
        template = "pages/blocks/quote.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False, help_text=_("One or two sentences on why to act."))
    page = blocks.PageChooserBlock(help_text=_("The page the button leads to."))
    label = blocks.CharBlock(max_length=60, help_text=_("The button's words, e.g. 'Find an event'."))

    class Meta:
        icon = "pick"
        template = "pages/blocks/call_to_action.html"


class RetentionPeriodsBlock(blocks.StaticBlock):
    """The lawful basis and every retention period, read from the code that applies them."""

    class Meta:
        icon = "time"
        admin_text = _("Shows the lawful basis for processing signatures and every retention period.")
        template = "pages/blocks/retention_periods.html"

    def get_context(self, value: Any, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        periods = [*petition_retention_periods(), *statement_retention_periods(), *event_retention_periods()]
        context = super().get_context(value, parent_context)
        return {
            **context,
            "periods": periods,
            "application_periods": application_retention_periods(),
            "local_action_periods": local_action_retention_periods(),
            "alert_subscription_periods": subscription_retention_periods(),
            "learner_periods": learner_retention_periods(),
        }


class CoalitionMembersBlock(blocks.StaticBlock):
    """How many organisations have joined the coalition, counted when the page is shown, with a link to them."""

    class Meta:
        icon = "group"
        admin_text = _("Shows how many organisations are coalition members, with a link to the directory.")
        template = "pages/blocks/coalition_members.html"

    def get_context(self, value: Any, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        return {**super().get_context(value, parent_context), "member_count": member_count()}


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", icon="title", template="pages/blocks/heading.html")
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    retention_periods = RetentionPeriodsBlock()
    coalition_members = CoalitionMembersBlock()
