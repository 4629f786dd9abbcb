from datetime import date

from wagtail.models import Locale, Page

from stoptheharm.campaigns.models import CampaignMilestone, CampaignPage, CampaignPartner, TakeActionPage
from stoptheharm.organisations.models import Organisation


def create_campaign(
    *,
    parent: Page,
    slug: str = "support-dont-punish",
    milestones: list[tuple[date, str]] = (),
    partners: list[Organisation] = (),
    **fields,
) -> CampaignPage:
    """A published campaign, with the milestones (date, title) and partners given, in that order."""
    defaults = {
        "title": "Support. Don't Punish",
        "intro": "A global campaign for drug policies that put health and rights first.",
        "goal": "End the punishment of people who use drugs.",
        "story": "<p>It began in 2013.</p>",
    }
    campaign = CampaignPage(slug=slug, **(defaults | fields))
    campaign.milestones = [
        CampaignMilestone(date=day, title=title, sort_order=order) for order, (day, title) in enumerate(milestones)
    ]
    campaign.partners = [
        CampaignPartner(organisation=organisation, sort_order=order) for order, organisation in enumerate(partners)
    ]
    parent.add_child(instance=campaign)
    campaign.save_revision().publish()
    return campaign


def create_take_action_page(*, parent: Page, slug: str = "all-actions", **fields) -> TakeActionPage:
    page = TakeActionPage(slug=slug, **({"title": "Take action", "intro": "Everything you can do now."} | fields))
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def publish_translation(page: Page, language: str, **fields) -> Page:
    """The page translated into a language (its parents copied if need be) and published."""
    translation = page.specific.copy_for_translation(Locale.objects.get(language_code=language), copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation
