from datetime import date

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from stoptheharm.campaigns.models import CampaignPage, TakeActionPage
from stoptheharm.news.models import NewsPage
from stoptheharm.news.tests.factories import create_news_index
from stoptheharm.organisations.tests.factories import add_organisation
from stoptheharm.pages.models import HomePage, SectionPage
from stoptheharm.petitions.models import PetitionPage
from stoptheharm.petitions.tests.factories import create_petition


@pytest.fixture
def editor_client(client, db):
    editor = get_user_model().objects.create_superuser("nadia", "nadia@example.org", "a long passphrase 4 tests")
    client.force_login(editor)
    return client


@pytest.fixture
def home(db) -> HomePage:
    home = HomePage(title="Stop the Harm", slug="stop-the-harm", hero_heading="Health", hero_text="Act.")
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    return home


@pytest.fixture
def campaigns_section(home) -> SectionPage:
    section = SectionPage(title="Campaigns", slug="campaigns", intro="Our campaigns.")
    home.add_child(instance=section)
    section.save_revision().publish()
    return section


def page_form(*, multiple: dict | None = None, **fields) -> dict:
    """The admin's page form; `multiple` holds fields with several values, which nested_form_data would number."""
    return nested_form_data({"comments": inline_formset([]), "action-publish": "publish", **fields}) | (multiple or {})


@pytest.mark.django_db
def test_an_editor_publishes_a_campaign_with_its_timeline_and_partners(editor_client, campaigns_section):
    partner = add_organisation("International Drug Policy Consortium")
    form = page_form(
        title="Support. Don't Punish",
        slug="support-dont-punish",
        intro="A global campaign.",
        goal="End the punishment of people who use drugs.",
        story=rich_text("<p>It began in 2013.</p>"),
        milestones=inline_formset(
            [
                {"date": "2013-06-26", "title": "The campaign starts", "text": ""},
                {"date": "2027-06-26", "title": "Next day of action", "text": "Plan yours."},
            ]
        ),
        partners=inline_formset([{"organisation": partner.pk}]),
    )

    response = editor_client.post(f"/admin/pages/add/campaigns/campaignpage/{campaigns_section.pk}/", form)

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    campaign = CampaignPage.objects.get(slug="support-dont-punish")
    assert campaign.live
    assert [(milestone.date, milestone.title) for milestone in campaign.milestones.all()] == [
        (date(2013, 6, 26), "The campaign starts"),
        (date(2027, 6, 26), "Next day of action"),
    ]
    assert [item.organisation for item in campaign.partners.all()] == [partner]
    assert editor_client.get(f"/admin/pages/{campaign.pk}/edit/").status_code == 200


@pytest.mark.django_db
def test_an_editor_links_a_petition_to_a_campaign_and_sets_its_importance(editor_client, campaigns_section):
    campaign = CampaignPage(title="Support. Don't Punish", slug="sdp", intro="A campaign.", goal="End punishment.")
    campaigns_section.add_child(instance=campaign)
    petition = create_petition(parent=campaigns_section)
    edit_page = editor_client.get(f"/admin/pages/{petition.pk}/edit/").content.decode()
    assert 'name="campaign"' in edit_page
    assert 'name="importance"' in edit_page

    petition.campaign, petition.importance = campaign, 4
    petition.save_revision().publish()

    assert list(campaign.petitions.all()) == [PetitionPage.objects.get(pk=petition.pk)]


@pytest.mark.django_db
def test_an_editor_publishes_a_take_action_page_under_the_home_page(editor_client, home):
    form = page_form(title="Take action", slug="take-action", intro="Everything you can do now.")

    response = editor_client.post(f"/admin/pages/add/campaigns/takeactionpage/{home.pk}/", form)

    assert response.status_code == 302
    assert TakeActionPage.objects.get(slug="take-action").live


@pytest.mark.django_db
def test_an_editor_publishes_news_with_tags_and_a_campaign(editor_client, home, campaigns_section):
    campaign = CampaignPage(title="Support. Don't Punish", slug="sdp", intro="A campaign.", goal="End punishment.")
    campaigns_section.add_child(instance=campaign)
    index = create_news_index(parent=home)
    form = page_form(
        title="Planning the day of action",
        slug="planning",
        date="2026-11-20",
        authors="Maria Santos, IDPC",
        intro="Groups in over 100 countries take part.",
        body=rich_text("<p>Start early.</p>"),
        tags="day of action, events",
        multiple={"campaigns": [campaign.pk]},
    )

    response = editor_client.post(f"/admin/pages/add/news/newspage/{index.pk}/", form)

    assert response.status_code == 302
    news = NewsPage.objects.get(slug="planning")
    assert news.live
    assert sorted(tag.name for tag in news.tags.all()) == ["day of action", "events"]
    assert list(news.campaigns.all()) == [campaign]
