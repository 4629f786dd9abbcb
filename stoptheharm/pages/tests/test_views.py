import re

import pytest
from django.conf import settings
from wagtail.models import Page

from stoptheharm.alerts.models import Alert
from stoptheharm.organisations.models import Organisation
from stoptheharm.pages import selectors
from stoptheharm.pages.models import SectionPage

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
SKIP_LINK_TEXT = {
    "en": "Skip to main content",
    "fr": "Aller au contenu principal",
    "es": "Saltar al contenido principal",
    "ru": "Перейти к основному содержанию",
    "pt": "Saltar para o conteúdo principal",
}


def html_lang(content: bytes) -> str:
    match = re.search(rb'<html lang="([^"]+)"', content)
    assert match, "no lang attribute on <html>"
    return match.group(1).decode()


# The library page in every language; 5 resources in English, the guide in French and Russian, a report
# in Spanish and Portuguese (library/demo/content.json).
LIBRARY_DEMO_PAGES = {"en": 6, "fr": 2, "es": 2, "ru": 2, "pt": 2}
COURSE_DEMO_PAGES = {"en": 8, "fr": 0, "es": 0, "ru": 0, "pt": 0}  # a course, its 2 modules and 5 lessons


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_every_page_renders_in_every_language(client, demo_site, code):
    pages = Page.objects.live().filter(locale__language_code=code, depth__gte=2).specific()
    # home, 7 sections, 2 standard pages, 2 petitions, a statement, Take Action, a campaign, a news list, 2 news
    # and a day of action; in English, the events index and four events too; the library page and its resources;
    # the course
    assert len(pages) == 19 + (5 if code == "en" else 0) + LIBRARY_DEMO_PAGES[code] + COURSE_DEMO_PAGES[code]
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.url.startswith(f"/{code}/")
        assert html_lang(response.content) == code, page.url
        assert SKIP_LINK_TEXT[code] in response.content.decode(), page.url


@pytest.mark.django_db
def test_the_navigation_lists_the_sections_of_the_current_language(client, demo_site):
    response = client.get("/fr/")
    menu = re.search(r'<nav class="main-nav".*?</nav>', response.content.decode(), re.S).group(0)
    sections = [
        "Agir",
        "Campagnes",
        "Événements",
        "Atlas",
        "Alertes précoces",
        "Bibliothèque",
        "Actualités",
        "À propos",
    ]
    for section in sections:
        assert section in menu
    assert 'href="/fr/take-action/"' in menu
    assert "/en/" not in menu


@pytest.mark.django_db
def test_the_current_section_is_marked_in_the_navigation(client, demo_site):
    content = client.get("/en/atlas/").content.decode()
    assert '<a href="/en/atlas/" aria-current="page">Atlas</a>' in content


@pytest.mark.django_db
def test_the_early_warnings_section_leads_to_the_published_alerts_and_holds_each_alert(client, demo_site):
    content = client.get("/pt/alerts/").content.decode()
    assert '<a href="/pt/alerts/" aria-current="page">Alertas precoces</a>' in content
    assert "<h1>Alertas precoces</h1>" in content and "alert-card" in content

    alert = Alert.objects.published().first()
    content = client.get(f"/pt/alerts/{alert.pk}/").content.decode()
    assert '<a href="/pt/alerts/" class="is-within">Alertas precoces</a>' in content


@pytest.mark.django_db
def test_the_language_switcher_keeps_an_app_views_address_but_not_its_query(client, demo_site):
    content = client.get("/pt/alerts/?country=PT&severity=danger").content.decode()
    switcher = re.search(r'<nav class="languages".*?</nav>', content, re.S).group(0)
    for code in LANGUAGE_CODES:
        assert f'href="/{code}/alerts/"' in switcher
        assert f'<link rel="alternate" hreflang="{code}" href="/{code}/alerts/">' in content
    assert "danger" not in switcher
    assert 'aria-current="true">Português<' in switcher


@pytest.mark.django_db
def test_the_language_switcher_leads_to_the_same_page_in_each_language(client, demo_site):
    content = client.get("/en/about/").content.decode()
    switcher = re.search(r'<nav class="languages".*?</nav>', content, re.S).group(0)
    for code in LANGUAGE_CODES:
        assert f'href="/{code}/about/"' in switcher
        assert f'<link rel="alternate" hreflang="{code}" href="/{code}/about/">' in content
    assert 'aria-current="true">English<' in switcher


@pytest.mark.django_db
def test_the_footer_links_to_the_privacy_notice(client, demo_site):
    content = client.get("/pt/").content.decode()
    footer = re.search(r'<footer class="site-footer">.*?</footer>', content, re.S).group(0)
    assert 'href="/pt/privacy/"' in footer


@pytest.mark.django_db
def test_sections_still_being_built_say_so(client, demo_site):
    assert "Coming soon." not in client.get("/en/events/").content.decode()  # every demo section is built now
    section = SectionPage.objects.get(slug="events", locale__language_code="en")
    section.is_coming_soon = True
    section.save_revision().publish()

    assert "Coming soon." in client.get("/en/events/").content.decode()
    assert "Coming soon." not in client.get("/en/about/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("accept_language", "expected"), [("fr-FR,fr;q=0.9", "/fr/"), ("", "/en/"), ("ru", "/ru/")])
def test_the_bare_address_sends_visitors_to_their_language(client, demo_site, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language} if accept_language else {})
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.django_db
def test_reading_the_site_sets_no_cookie(client, demo_site):
    for url in ["/en/", "/fr/about/", "/es/privacy/", "/", "/ru/no-such-page/"]:
        response = client.get(url)
        assert not response.cookies, (url, response.cookies)


@pytest.mark.django_db
def test_the_home_page_needs_a_bounded_number_of_queries(client, demo_site, django_assert_max_num_queries):
    client.get("/en/")  # warm the per-process caches (site root paths, content types)
    # 25 for the page itself; the latest news, the most urgent actions (a fixed number per kind of action
    # (petitions, statements, events, days of action), whatever their number: campaigns' test_selectors) and
    # the links to the news list and Take Action add 20. The page is served from the page cache between renders.
    with django_assert_max_num_queries(45):
        response = client.get("/es/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_the_privacy_notice_states_the_lawful_basis_and_the_periods_the_code_applies(client, demo_site, settings):
    from stoptheharm.events.retention import UNCONFIRMED_VALIDITY as EVENT_UNCONFIRMED_VALIDITY
    from stoptheharm.organisations import limits as application_limits
    from stoptheharm.organisations import tokens as application_tokens
    from stoptheharm.petitions.limits import ADDRESS_HASH_RETENTION
    from stoptheharm.petitions.tokens import CONFIRMATION_VALIDITY
    from stoptheharm.statements.tokens import CONFIRMATION_VALIDITY as ENDORSEMENT_CONFIRMATION_VALIDITY

    settings.PETITION_ANONYMISE_AFTER_DAYS = 200
    settings.ORGANISATION_APPLICATION_ERASE_AFTER_DAYS = 45
    settings.STATEMENT_CONTACTS_ERASE_AFTER_DAYS = 400
    settings.EVENT_REGISTRATIONS_ERASE_AFTER_DAYS = 20
    content = client.get("/en/privacy/").content.decode()
    assert "Article 9(2)(a)" in content
    assert f"deleted after {CONFIRMATION_VALIDITY.days} days" in content
    assert f"deleted after {ADDRESS_HASH_RETENTION.days} days" in content
    assert "erased 200 days after the petition closes" in content
    applications = content[content.index("Applications to join the coalition") :]
    assert (
        f"An application never confirmed</td><td>deleted after {application_tokens.CONFIRMATION_VALIDITY.days} days"
        in applications
    )
    assert f"deleted after {application_limits.ADDRESS_HASH_RETENTION.days} days" in applications
    assert "erased 45 days after the decision" in applications
    endorsements = content.split("An endorsement of a statement never confirmed")[1]
    assert f"deleted after {ENDORSEMENT_CONFIRMATION_VALIDITY.days} days" in endorsements
    assert "erased 400 days after the endorsement is approved or rejected" in endorsements
    registrations = content.split("A registration for an event never confirmed")[1]
    assert f"deleted after {EVENT_UNCONFIRMED_VALIDITY.days} days" in registrations
    assert "erased 20 days after the event ends" in registrations


@pytest.mark.django_db
def test_the_about_page_counts_the_coalitions_members_when_shown(client, demo_site):
    members = Organisation.objects.filter(is_member=True).count()
    assert members == 3
    content = client.get("/en/about/").content.decode()
    assert f"{members} organisations have joined the coalition." in content
    Organisation.objects.filter(name="Élixir").update(is_member=True)
    assert f"{members + 1} organisations have joined the coalition." in client.get("/en/about/").content.decode()
    assert "/en/organisations/?member=on" in content


@pytest.mark.django_db
def test_the_navigation_is_built_once_per_request_and_remembered_as_long_as_pages_are(
    client, demo_site, settings, monkeypatch
):
    """The menu, the footer, the home link and the language switcher share one navigation.

    It took a dozen queries to build; it is remembered for PAGE_CACHE_SECONDS, as whole pages are.
    """
    built = []
    build = selectors._navigation
    monkeypatch.setattr(selectors, "_navigation", lambda *args: built.append(args[2]) or build(*args))

    settings.PAGE_CACHE_SECONDS = 0
    client.get("/en/about/")
    client.get("/en/about/")
    assert built == ["en", "en"]  # once for each request, not once for each part of the page

    built.clear()
    settings.PAGE_CACHE_SECONDS = 60
    client.get("/en/privacy/")
    content = client.get("/en/about/").content.decode()
    client.get("/fr/about/")
    assert built == ["en", "fr"]
    assert '<a href="/en/about/" aria-current="page">' in content  # marked for this page, not the first
    assert 'href="/en/privacy/"' in content and 'hreflang="fr" href="/fr/about/"' in content
