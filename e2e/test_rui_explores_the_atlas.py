"""Rui, a researcher, follows decriminalisation across the years and opens a country's page.

He switches the map's layer and year with the controls (the page reloads itself when a control
changes) and reads a country's values on hover or focus, then opens Portugal from the map.
"""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def country_classes(page, code: str) -> list[str]:
    return page.locator(f'svg.world-map path[data-country="{code}"]').get_attribute("class").split()


def test_rui_switches_layer_and_year_and_opens_a_country(page, site_url):
    page.goto(site_url + "/en/atlas/")

    with page.expect_navigation():
        page.select_option("#atlas-year", "2000")
    assert "year=2000" in page.url
    assert "atlas-de-jure" not in country_classes(page, "PT")
    assert "atlas-de-facto" in country_classes(page, "NL")

    with page.expect_navigation():
        page.select_option("#atlas-year", "2001")
    assert "atlas-de-jure" in country_classes(page, "PT")
    assert page.locator("h2#atlas-map-heading").inner_text() == "Decriminalisation models in 2001"

    with page.expect_navigation():
        page.select_option("#atlas-layer", label="Drug consumption rooms")
    heading = page.locator("h2#atlas-map-heading").inner_text()
    assert re.match(r"Drug consumption rooms \(.+\)", heading), heading
    assert page.locator(".atlas-legend").get_by_text("Yes").count() == 1

    with page.expect_navigation():
        page.select_option("#atlas-year", "2022")
    assert (
        "Drug consumption rooms (EMCDDA/C-EHRN DCR report (2022 data))"
        in page.locator("h2#atlas-map-heading").inner_text()
    )
    assert "atlas-yes" in country_classes(page, "PT")

    with page.expect_navigation():
        page.select_option("#atlas-region", "southern-europe")
    table = page.locator("#atlas-table-heading + table")
    assert "(Southern Europe)" in page.locator("#atlas-table-heading").inner_text()
    assert table.get_by_role("link", name="Portugal").count() == 1
    assert table.get_by_role("link", name="Germany").count() == 0
    assert "(2022 data)" in page.locator("h2#atlas-map-heading").inner_text()  # the edition stays

    portugal = page.locator('svg.world-map a[href="/en/atlas/pt/"]')
    portugal.focus()
    tooltip = page.locator("[data-atlas-tooltip]")
    assert tooltip.is_visible()
    assert tooltip.inner_text().startswith("Portugal: yes")

    with page.expect_navigation():
        portugal.click()
    assert page.url.endswith("/en/atlas/pt/")
    assert page.locator("h1").inner_text() == "Portugal"
    assert page.get_by_text("Dissuasion commission").count() >= 1
    assert page.locator(".atlas-regions").inner_text() == "Europe \u203a Southern Europe"


def test_the_map_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    page.goto(site_url + "/en/atlas/")
    page.select_option("#atlas-layer", "nsp")
    page.select_option("#atlas-year", "2020")
    with page.expect_navigation():
        page.get_by_role("button", name="Show").click()
    assert "Needle and syringe programmes (GSHR 2020)" in page.locator("h2#atlas-map-heading").inner_text()
    context.close()
