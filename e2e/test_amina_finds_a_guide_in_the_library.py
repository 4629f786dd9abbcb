"""Amina looks for the advocacy guide in French, typing without accents, and prints it."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_amina_searches_without_accents_opens_the_guide_and_gets_its_pdf(browser, site_url):
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)  # the library needs no script
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(site_url + "/fr/library/resources/")
    page.get_by_label("Rechercher").fill("depenaliser plaidoyer")
    page.get_by_label("Type").select_option("guide")
    page.get_by_role("button", name="Rechercher").click()
    assert "1 ressource trouvée" in page.content()
    page.get_by_role(
        "link", name="Dépénaliser les personnes qui consomment des drogues : un guide de plaidoyer"
    ).click()

    contents = page.get_by_role("navigation", name="Sommaire")
    contents.get_by_role("link", name="Le montrer").click()
    assert page.url.endswith("#stage-2")
    assert page.get_by_role("heading", name="2. Le montrer").is_visible()
    also_in = page.locator(".resource__translations")
    assert also_in.get_by_role("link", name="Русский").get_attribute("hreflang") == "ru"

    pdf_link = contents.get_by_role("link", name="Le guide complet en PDF, prêt à imprimer")
    response = page.request.get(site_url + pdf_link.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
    context.close()
