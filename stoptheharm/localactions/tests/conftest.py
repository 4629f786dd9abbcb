import pytest
from wagtail.models import Page, Site

from stoptheharm.localactions.models import DayOfActionPage
from stoptheharm.localactions.tests.factories import create_day


@pytest.fixture(autouse=True)
def upload_roots(settings, tmp_path):
    """Uploaded photos go to a directory of the test's own (MEDIA_ROOT too, to show they are not there)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_ROOT = tmp_path / "private"


@pytest.fixture
def section(db) -> Page:
    """Where days of action are published; the site's root page is enough for these tests."""
    return Site.objects.get(is_default_site=True).root_page


@pytest.fixture
def day(section) -> DayOfActionPage:
    return create_day(parent=section)
