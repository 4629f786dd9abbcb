"""Amina, an outreach worker, reads the site on her phone in her own language.

She must reach every page without the site telling any third party that she visited.
"""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from wagtail.models import Page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
HOME_PAGE_BUDGET_BYTES = 150 * 1024


def demo_page_paths() -> list[str]:
    return [page.url for page in Page.objects.live().filter(depth__gte=2).specific()]


def test_no_page_in_any_language_sends_a_request_to_another_host(page, site_url):
    requested_hosts: set[str] = set()
    console_errors: list[str] = []
    page.on("request", lambda request: requested_hosts.add(urlsplit(request.url).netloc))
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    paths = demo_page_paths()
    # home, sections (the atlas and the early warnings among them: their apps' views answer there), about,
    # privacy, two petitions, a statement, Take Action, a campaign, news list, two news, a day of action; the
    # English events index with four events; the library page in every language and its resources (the guide in
    # 3 languages, a report in 3, another report, an index, a video); the English course with its 2 modules and
    # 5 lessons
    assert len(paths) == 19 * len(settings.LANGUAGES) + 5 + len(settings.LANGUAGES) + 9 + 8

    for path in [*paths, "/", "/en/no-such-page/"]:
        page.goto(site_url + path)

    assert requested_hosts == {urlsplit(site_url).netloc}
    assert [error for error in console_errors if "404" not in error] == []


def test_the_home_page_weighs_less_than_150_kb(page, site_url):
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(site_url + "/en/", wait_until="networkidle")

    total = sum(request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"] for request in responses)
    assert 0 < total < HOME_PAGE_BUDGET_BYTES, f"{total} bytes in {len(responses)} responses"


def test_the_skip_link_comes_first_is_visible_and_leads_to_the_content(page, site_url):
    page.goto(site_url + "/pt/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        """() => {
          const el = document.activeElement, box = el.getBoundingClientRect(), style = getComputedStyle(el);
          return {text: el.textContent, top: box.top, outline: style.outlineStyle, width: style.outlineWidth};
        }"""
    )
    assert focused["text"] == "Saltar para o conteúdo principal"
    assert focused["top"] >= 0
    assert focused["outline"] != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize(("width", "height"), [(320, 640), (640, 400)], ids=["small-phone", "zoom-200-percent"])
def test_pages_fit_the_screen_without_sideways_scrolling(page, site_url, width, height):
    page.set_viewport_size({"width": width, "height": height})
    for path in ["/ru/", "/pt/about/", "/fr/privacy/", "/es/campaigns/", "/en/no-such-page/"]:
        page.goto(site_url + path)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{path} is {scroll_width}px wide at {width}px"


def test_switching_language_keeps_amina_on_the_same_page(page, site_url):
    page.goto(site_url + "/en/about/")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Português").click()
    page.wait_for_url(site_url + "/pt/about/")
    assert page.evaluate("document.documentElement.lang") == "pt"
    assert page.get_by_role("navigation", name="Idioma").get_by_role("link", name="English").is_visible()
