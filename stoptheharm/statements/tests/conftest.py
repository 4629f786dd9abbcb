import pytest
from wagtail.models import Page, Site

from stoptheharm.statements.models import StatementPage
from stoptheharm.statements.tests.factories import create_statement


@pytest.fixture
def section(db) -> Page:
    """Where statements are published; the site's root page is enough for these tests."""
    return Site.objects.get(is_default_site=True).root_page


@pytest.fixture
def statement(section) -> StatementPage:
    return create_statement(parent=section)
