import pytest
from wagtail.models import Site

from stoptheharm.library.models import LibraryPage
from stoptheharm.library.tests.factories import create_library


@pytest.fixture
def library(db) -> LibraryPage:
    """The library, under the site's root page (enough for these tests)."""
    return create_library(parent=Site.objects.get(is_default_site=True).root_page)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded documents and captions go to a temporary directory, not var/media."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
