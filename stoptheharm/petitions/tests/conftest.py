import pytest
from wagtail.models import Page, Site

from stoptheharm.petitions.models import PetitionPage
from stoptheharm.petitions.tests.factories import create_petition


@pytest.fixture
def section(db) -> Page:
    """Where petitions are published; the site's root page is enough for these tests."""
    return Site.objects.get(is_default_site=True).root_page


@pytest.fixture
def petition(section) -> PetitionPage:
    return create_petition(parent=section)
