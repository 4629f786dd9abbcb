import re
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale, Page, Site

from stoptheharm.alerts.demo import DEMO_SERVICE
from stoptheharm.campaigns.models import CampaignPage, TakeActionPage
from stoptheharm.news.models import NewsPage
from stoptheharm.organisations.models import Organisation
from stoptheharm.pages.demo import load_demo_site, read_demo_content
from stoptheharm.pages.models import HomePage, SectionPage, StandardPage
from stoptheharm.petitions.models import PetitionCoSponsor, PetitionPage, PetitionState, PetitionTarget
from stoptheharm.statements.models import Endorsement, EndorsementStatus, StatementPage

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
CLOSED_PETITION = "ungass-2016"
OPEN_PETITION = "fund-harm-reduction"


def test_every_language_has_a_complete_demo_with_the_same_pages():
    english = read_demo_content("en")
    for code in LANGUAGE_CODES:
        translated = read_demo_content(code)
        assert [page["key"] for page in translated["pages"]] == [page["key"] for page in english["pages"]]
        for original, page in zip(english["pages"], translated["pages"], strict=True):
            assert page["title"].strip(), (code, page["key"])
            assert len(page["body"]) == len(original["body"]), (code, page["key"])
        assert [petition["key"] for petition in translated["petitions"]] == [CLOSED_PETITION, OPEN_PETITION]
        for original, statement in zip(english["statements"], translated["statements"], strict=True):
            assert statement["key"] == original["key"]
            assert all(statement[name].strip() for name in ("title", "introduction", "event_name")), code
            assert [block["type"] for block in statement["body"]] == [block["type"] for block in original["body"]]
        for original, petition in zip(english["petitions"], translated["petitions"], strict=True):
            assert all(petition[name].strip() for name in ("title", "summary", "body")), (code, petition["key"])
            assert len(petition["targets"]) == len(original["targets"]), (code, petition["key"])
            assert bool(petition["imported_count_label"]) == bool(original["imported_count_label"])


@pytest.mark.django_db
def test_the_demo_builds_the_site_in_every_language(demo_site):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == demo_site
    assert isinstance(demo_site, HomePage)
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
    for code in LANGUAGE_CODES:
        locale = Locale.objects.get(language_code=code)
        home = HomePage.objects.get(locale=locale)
        assert home.live
        sections = SectionPage.objects.live().child_of(home)
        assert sections.count() == 7
        assert StandardPage.objects.live().child_of(home).count() == 2


@pytest.mark.django_db
def test_loading_the_demo_again_duplicates_nothing_and_keeps_editors_changes(demo_site):
    about = StandardPage.objects.get(locale__language_code="en", slug="about")
    about.title = "About the coalition"
    about.save_revision().publish()
    demo_site.body = []
    demo_site.save_revision().publish()
    pages_before = Page.objects.count()

    report = load_demo_site()

    assert report.created == []
    assert Page.objects.count() == pages_before
    about.refresh_from_db()
    assert about.title == "About the coalition"
    demo_site.refresh_from_db()
    assert len(demo_site.body) == 0


@pytest.mark.django_db
def test_the_demo_creates_no_account_and_no_password(demo_site):
    assert get_user_model().objects.count() == 0


@pytest.mark.django_db
def test_translations_are_linked_to_their_original(demo_site):
    about = StandardPage.objects.get(locale__language_code="en", slug="about")
    translated_languages = {page.locale.language_code for page in about.get_translations()}
    assert translated_languages == set(LANGUAGE_CODES) - {"en"}


@pytest.mark.django_db
def test_the_load_demo_command_reports_what_it_did():
    first, second = StringIO(), StringIO()
    call_command("load_demo", stdout=first)
    call_command("load_demo", stdout=second)
    assert (
        first.getvalue().strip() == "Demo content: 117 page(s) created, 0 already there; 335 organisation(s) created."
    )
    assert second.getvalue().strip() == "Demo content: 0 page(s) created, 117 already there; 0 organisation(s) created."


@pytest.mark.django_db
def test_loading_the_demo_again_creates_no_petition_target_co_sponsor_or_organisation_twice(demo_site):
    counts = [model.objects.count() for model in (PetitionPage, PetitionTarget, PetitionCoSponsor, Organisation)]

    report = load_demo_site()

    assert (report.created, report.organisations_created) == ([], [])
    assert [
        model.objects.count() for model in (PetitionPage, PetitionTarget, PetitionCoSponsor, Organisation)
    ] == counts
    assert counts == [10, 15, 15, 336]  # 2 petitions in 5 languages; 3 targets and 3 co-sponsors per language;
    # the organisations: the Porto signatories and the early warnings' demo service


@pytest.mark.django_db
def test_the_directory_holds_the_porto_signatories_with_the_demo_organisations_among_them(demo_site):
    signatories = Organisation.objects.exclude(name=DEMO_SERVICE)  # the early warnings' demo service signed nothing
    assert signatories.count() == 335  # 336 listed, one twice; HRI, IDPC and INPUD are among them
    inpud = Organisation.objects.get(normalised_name="international network of people who use drugs")
    assert (inpud.short_name, inpud.is_member, inpud.website) == ("INPUD", True, "https://inpud.net")
    assert Organisation.objects.get(name="СВОН Плюс").kind == "ngo"
    assert [country.code for country in Organisation.objects.get(name="AAFNO Nepal").countries] == ["NP"]
    assert not Organisation.objects.exclude(contact_email="").exclude(is_member=True).exists()


@pytest.mark.django_db
def test_every_language_has_an_open_and_a_closed_petition_under_take_action(demo_site):
    english = {page.slug: page for page in PetitionPage.objects.filter(locale__language_code="en")}
    for code in LANGUAGE_CODES:
        take_action = SectionPage.objects.get(locale__language_code=code, slug="take-action")
        petitions = {page.slug: page for page in PetitionPage.objects.live().child_of(take_action)}
        assert set(petitions) == {CLOSED_PETITION, OPEN_PETITION}, code
        closed, open_ = petitions[CLOSED_PETITION], petitions[OPEN_PETITION]
        assert (closed.state, closed.imported_count, closed.is_open_for_signing) == (PetitionState.CLOSED, 12122, False)
        assert (open_.state, open_.goal, open_.is_open_for_signing) == (PetitionState.OPEN, 50000, True)
        expected_targets = [target["name"] for target in read_demo_content(code)["petitions"][0]["targets"]]
        assert [target.name for target in closed.targets.all()] == expected_targets
        co_sponsors = [co_sponsor.organisation for co_sponsor in open_.co_sponsors.all()]
        assert [organisation.short_name for organisation in co_sponsors] == ["HRI", "IDPC", "INPUD"]
        assert all(organisation.is_member and organisation.website for organisation in co_sponsors)
        assert {page.translation_key for page in petitions.values()} == {
            page.translation_key for page in english.values()
        }
        assert code == "en" or open_.title != english[OPEN_PETITION].title


@pytest.mark.django_db
def test_the_closed_petition_shows_its_total_and_the_open_one_its_form_in_every_language(client, demo_site):
    for code in LANGUAGE_CODES:
        closed = client.get(f"/{code}/take-action/{CLOSED_PETITION}/").content.decode()
        with translation.override(code):
            had = translation.ngettext(
                "This petition had <strong>%(total)s</strong> supporter.",
                "This petition had <strong>%(total)s</strong> supporters.",
                12122,
            ) % {"total": 12122}
        assert had in closed, code
        assert 'name="email"' not in closed
        opened = client.get(f"/{code}/take-action/{OPEN_PETITION}/").content.decode()
        assert 'name="email"' in opened
        assert '<a href="https://hri.global" rel="noopener noreferrer">Harm Reduction International</a> (HRI)' in opened
    english = client.get(f"/en/take-action/{CLOSED_PETITION}/").content.decode()
    assert "This petition had <strong>12122</strong> supporters." in english
    assert "(signed on the campaign&#x27;s earlier platform)" in english


@pytest.mark.django_db
def test_every_language_has_the_porto_statement_with_its_references_and_the_same_signatories(client, demo_site):
    english = StatementPage.objects.get(locale__language_code="en", slug="porto-2019")
    assert [reference.value["citation"][:6] for reference in english.references] == ["UNAIDS", "Harm R", "United",
                                                                                     "United"]  # fmt: skip
    assert (english.event_date.isoformat(), english.is_open_for_signing) == ("2019-04-28", False)
    endorsements = Endorsement.objects.order_by("pk")
    assert [endorsement.organisation.short_name for endorsement in endorsements[:3]] == ["IDPC", "HRI", "INPUD"]
    assert endorsements.count() == Organisation.objects.exclude(name=DEMO_SERVICE).count() == 335  # each, once
    assert set(endorsements.values_list("status", flat=True)) == {EndorsementStatus.APPROVED}
    for code in LANGUAGE_CODES:
        statement = StatementPage.objects.get(locale__language_code=code, slug="porto-2019")
        assert statement.translation_key == english.translation_key
        assert code == "en" or statement.title != english.title
        content = client.get(statement.url).content.decode()
        assert 'href="#reference-4"' in content, code
        linked = re.findall(r'<li value="\d+"><a [^>]+>([^<]+)</a>', content)
        assert linked == [
            "Harm Reduction International",
            "International Drug Policy Consortium",
            "International Network of People who Use Drugs",
        ], code  # the only signatories with a website
        assert len(re.findall(r'<li value="\d+">', content)) == 335, code
    assert Endorsement.objects.count() == 335  # the translations share the original's list


@pytest.mark.django_db
def test_the_demo_campaign_gathers_its_actions_partners_news_in_every_language(client, demo_site):
    original = CampaignPage.objects.get(locale__language_code="en", slug="support-dont-punish")
    assert PetitionPage.objects.get(locale__language_code="en", slug=OPEN_PETITION).campaign == original
    assert StatementPage.objects.get(locale__language_code="en", slug="porto-2019").campaign == original
    for code in LANGUAGE_CODES:
        campaign = CampaignPage.objects.get(locale__language_code=code, slug="support-dont-punish")
        assert (campaign.milestones.count(), campaign.partners.count()) == (4, 3)
        content = client.get(campaign.url).content.decode()
        assert PetitionPage.objects.get(locale__language_code=code, slug=OPEN_PETITION).url in content
        assert NewsPage.objects.get(locale__language_code=code, slug="next-day-of-action").url in content
        take_action = TakeActionPage.objects.get(locale__language_code=code)
        open_petition = PetitionPage.objects.get(locale__language_code=code, slug=OPEN_PETITION)
        assert open_petition.url in client.get(take_action.url).content.decode()
