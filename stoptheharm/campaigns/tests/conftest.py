import pytest
from wagtail.models import Page, Site

from stoptheharm.campaigns.models import CampaignPage
from stoptheharm.campaigns.tests.factories import create_campaign


@pytest.fixture
def section(db) -> Page:
    """Where campaigns and actions are published; the site's root page is enough for these tests."""
    return Site.objects.get(is_default_site=True).root_page


@pytest.fixture
def campaign(section) -> CampaignPage:
    return create_campaign(parent=section)
