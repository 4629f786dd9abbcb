"""The atlas's country page lists what other features hold about the country (hooks in pages/wagtail_hooks.py)."""

import pytest
from wagtail.models import Site

from stoptheharm.atlas.tests.factories import import_test_atlas
from stoptheharm.events.models import EventFormat
from stoptheharm.events.tests.factories import create_event, create_event_index
from stoptheharm.organisations.tests.factories import add_organisation

pytestmark = pytest.mark.django_db


def test_a_country_page_lists_its_organisations_and_upcoming_events(client):
    import_test_atlas()
    add_organisation("Grupo de Ativistas em Tratamentos", countries=["PT"])
    add_organisation("Elsewhere Network", countries=["ES"])
    index = create_event_index(parent=Site.objects.get(is_default_site=True).root_page)
    create_event(index=index, slug="lisbon", title="Harm reduction day in Lisbon", format=EventFormat.IN_PERSON,
                 city="Lisbon", country="PT")  # fmt: skip
    create_event(index=index, slug="madrid", title="Meeting in Madrid", format=EventFormat.IN_PERSON,
                 city="Madrid", country="ES", time_zone="Europe/Madrid")  # fmt: skip

    html = client.get("/en/atlas/pt/").content.decode()

    assert "Organisations in the directory" in html and "Grupo de Ativistas em Tratamentos" in html
    assert "Upcoming events here" in html and "Harm reduction day in Lisbon" in html
    assert "Elsewhere Network" not in html and "Meeting in Madrid" not in html


def test_a_country_the_platform_holds_nothing_about_has_no_such_sections(client):
    html = client.get("/en/atlas/ke/").content.decode()
    assert "Organisations in the directory" not in html and "Upcoming events here" not in html


def test_a_country_page_lists_the_campaigns_acting_there(client):
    from stoptheharm.campaigns.tests.factories import create_campaign

    root = Site.objects.get(is_default_site=True).root_page
    partner = add_organisation("Grupo de Ativistas em Tratamentos", countries=["PT"])
    create_campaign(parent=root, slug="sdp", title="Support. Don't Punish", partners=[partner])
    create_campaign(parent=root, slug="other", title="A campaign elsewhere")

    html = client.get("/en/atlas/pt/").content.decode()

    assert "Campaigns acting here" in html
    assert "Support. Don&#x27;t Punish</a>: <span>partner organisations working here</span>" in html
    assert "A campaign elsewhere" not in html
    assert "Campaigns acting here" not in client.get("/en/atlas/es/").content.decode()
