"""Amina looks for something she can do today, in Portuguese, without JavaScript or with it."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize("javascript", [True, False])
def test_amina_filters_take_action_by_country_and_language(browser, site_url, javascript):
    context = browser.new_context(locale="pt-PT", java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(site_url + "/pt/take-action/open-actions/")

    page.select_option("select[name=country]", "MZ")
    page.select_option("select[name=language]", "pt")
    page.get_by_role("button", name="Mostrar ações").click()

    assert "country=MZ" in page.url and "language=pt" in page.url
    assert page.locator("select[name=country] option:checked").inner_text() == "Moçambique"
    action = page.locator(".action").first
    assert action.locator(".action__kind").inner_text() == "Assinar"
    action.get_by_role("link").click()
    assert page.url.startswith(site_url + "/pt/take-action/fund-harm-reduction/")
    context.close()
