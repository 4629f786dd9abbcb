from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Locale, Page, Site

from stoptheharm.pages.demo import load_demo_site, read_demo_content
from stoptheharm.pages.models import HomePage, SectionPage, StandardPage

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def test_every_language_has_a_complete_demo_with_the_same_pages():
    english = read_demo_content("en")
    for code in LANGUAGE_CODES:
        translated = read_demo_content(code)
        assert [page["key"] for page in translated["pages"]] == [page["key"] for page in english["pages"]]
        for original, page in zip(english["pages"], translated["pages"], strict=True):
            assert page["title"].strip(), (code, page["key"])
            assert len(page["body"]) == len(original["body"]), (code, page["key"])


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
        assert sections.count() == 6
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
    assert first.getvalue().strip() == "Demo content: 45 page(s) created, 0 already there."
    assert second.getvalue().strip() == "Demo content: 0 page(s) created, 45 already there."
