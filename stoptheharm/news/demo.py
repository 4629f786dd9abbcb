"""Demo content: a news list in every language with two news items, one about the demo campaign.

Texts in `demo/<language>.json`; idempotent, as the rest of the demo.
"""

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from wagtail.models import Locale, Page

from stoptheharm.campaigns.demo import CAMPAIGN_SLUG
from stoptheharm.campaigns.models import CampaignPage
from stoptheharm.core.demo import DemoReport, add_child_once, read_demo_texts, translate_once
from stoptheharm.news.models import NewsIndexPage, NewsPage

DEMO_DIR = Path(__file__).parent / "demo"
INDEX_SLUG = "latest"


def load_news_demo(report: DemoReport, *, sections: Mapping[str, Page]) -> None:
    """Create the news list and its news, then their translations, counting them in the report."""
    default_locale = Locale.get_default()
    content = read_demo_texts(DEMO_DIR, default_locale.language_code)
    index, is_new = add_child_once(sections["news"], NewsIndexPage(slug=INDEX_SLUG, **content["index"]))
    report.count(index, is_new)
    campaign = CampaignPage.objects.filter(locale=default_locale, slug=CAMPAIGN_SLUG).first()
    originals = {}
    for spec in content["news"]:
        page = NewsPage(slug=spec["key"], date=date.fromisoformat(spec["date"]), **_news_words(spec))
        page.tags.add(*spec["tags"])
        page.campaigns = [campaign] if spec["campaign"] and campaign else []
        originals[spec["key"]], is_new = add_child_once(index, page)
        report.count(originals[spec["key"]], is_new)
    for code, _name in settings.LANGUAGES:
        if code == default_locale.language_code:
            continue
        locale = Locale.objects.get(language_code=code)
        words = read_demo_texts(DEMO_DIR, code)
        report.count(*translate_once(index, locale, words["index"]))
        for spec in words["news"]:
            translation, is_new = translate_once(originals[spec["key"]], locale, _news_words(spec))
            if is_new:
                _localise_links(translation, spec["tags"], locale)
            report.count(translation, is_new)


def _news_words(spec: dict[str, Any]) -> dict[str, Any]:
    return {name: spec[name] for name in ("title", "intro", "body", "authors")}


def _localise_links(news: NewsPage, tags: list[str], locale: Locale) -> None:
    """Tags in the translation's language, and its campaigns' translations in place of the originals."""
    news.tags.set(tags)
    news.campaigns = [campaign.get_translation_or_none(locale) or campaign for campaign in news.campaigns.all()]
    news.save_revision().publish()
