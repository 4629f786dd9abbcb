from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from stoptheharm.campaigns.selectors import campaigns_with_partner
from stoptheharm.organisations.models import Organisation
from stoptheharm.organisations.profile_sections import PROFILE_SECTIONS_HOOK, ProfileSection


@hooks.register(PROFILE_SECTIONS_HOOK)
def partnered_campaigns(organisation: Organisation, request: HttpRequest) -> ProfileSection | None:
    """On an organisation's public page: the campaigns it is a partner of, in the page's language."""
    campaigns = campaigns_with_partner(organisation_id=organisation.pk, language=get_language())
    if not campaigns:
        return None
    return ProfileSection(
        title=_("Campaigns it is a partner of"),
        template="campaigns/includes/partnered_campaigns.html",
        context={"campaigns": campaigns},
    )
