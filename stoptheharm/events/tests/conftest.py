import pytest
from wagtail.models import Site

from stoptheharm.events.models import EventIndexPage, EventPage
from stoptheharm.events.tests.factories import create_event, create_event_index


@pytest.fixture
def index(db) -> EventIndexPage:
    return create_event_index(parent=Site.objects.get(is_default_site=True).root_page)


@pytest.fixture
def event(index) -> EventPage:
    return create_event(index=index)
