"""Demo content: the Support. Don't Punish campaign in every language, and a Take Action page.

The campaign has its timeline, partners and actions (the demo petition and statement). Texts in
`demo/<language>.json`.

Idempotent, as the rest of the demo: a page that exists (by slug, or by translation) is left as it
is, and the petition and statement are linked to the campaign only when the campaign is created.
"""

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from wagtail.models import Locale, Page

from stoptheharm.campaigns.models import CampaignMilestone, CampaignPage, CampaignPartner, TakeActionPage
from stoptheharm.core.demo import DemoReport, add_child_once, read_demo_texts, translate_once
from stoptheharm.organisations.models import Organisation
from stoptheharm.organisations.names import normalise_organisation_name
from stoptheharm.petitions.models import PetitionPage
from stoptheharm.statements.models import StatementPage

DEMO_DIR = Path(__file__).parent / "demo"
CAMPAIGN_SLUG = "support-dont-punish"
TAKE_ACTION_SLUG = "open-actions"
CAMPAIGN_PETITION = "fund-harm-reduction"
CAMPAIGN_STATEMENT = "porto-2019"


def load_campaign_demo(
    report: DemoReport,
    *,
    sections: Mapping[str, Page],
    petitions: Mapping[str, PetitionPage],
    statements: Mapping[str, StatementPage],
) -> CampaignPage:
    """Create the campaign and the Take Action page, then their translations, counting them in the report.

    Returns the campaign (its default-language original), for the demo's other actions to point to.
    """
    default_language = Locale.get_default().language_code
    content = read_demo_texts(DEMO_DIR, default_language)
    dated = content["campaign"]["milestones"]
    new_campaign = CampaignPage(slug=CAMPAIGN_SLUG, **_campaign_words(content["campaign"], dated))
    new_campaign.partners = [
        CampaignPartner(organisation=_organisation(name), sort_order=order)
        for order, name in enumerate(content["campaign"]["partners"])
    ]
    campaign, is_new = add_child_once(sections["campaigns"], new_campaign)
    report.count(campaign, is_new)
    if is_new:
        _link_to_campaign(campaign, [petitions[CAMPAIGN_PETITION], statements[CAMPAIGN_STATEMENT]])
    take_action, is_new = add_child_once(
        sections["take-action"], TakeActionPage(slug=TAKE_ACTION_SLUG, **content["take_action"])
    )
    report.count(take_action, is_new)
    for code, _name in settings.LANGUAGES:
        if code == default_language:
            continue
        locale = Locale.objects.get(language_code=code)
        words = read_demo_texts(DEMO_DIR, code)
        for original, fields in [
            (campaign, _campaign_words(words["campaign"], dated)),
            (take_action, words["take_action"]),
        ]:
            report.count(*translate_once(original, locale, fields))
    return campaign


def _campaign_words(spec: dict[str, Any], dated: list[dict[str, str]]) -> dict[str, Any]:
    """What a translation changes: the texts, and the milestones' words (their dates are the original's)."""
    milestones = [
        CampaignMilestone(date=date.fromisoformat(when["date"]), title=words["title"], text=words["text"], sort_order=n)
        for n, (when, words) in enumerate(zip(dated, spec["milestones"], strict=True))
    ]
    return {name: spec[name] for name in ("title", "intro", "goal", "story")} | {"milestones": milestones}


def _organisation(name: str) -> Organisation:
    return Organisation.objects.get(normalised_name=normalise_organisation_name(name))


def _link_to_campaign(campaign: CampaignPage, pages: list[PetitionPage | StatementPage]) -> None:
    for page in pages:
        if page.campaign_id is None:
            page.campaign = campaign
            page.save_revision().publish()
