import pytest
from wagtail.models import Site

from stoptheharm.pages.demo import load_demo_site
from stoptheharm.pages.models import HomePage


@pytest.fixture
def demo_site(db) -> HomePage:
    """The demo site in every language, as `make run` loads it; returns the default-language home."""
    load_demo_site()
    return Site.objects.get(is_default_site=True).root_page.specific
