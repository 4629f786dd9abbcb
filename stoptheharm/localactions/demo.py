"""Demo content: the 2026 global day of action of Support. Don't Punish, with a few invented local actions.

Every organisation, place and number below is invented for the demo; `make run` loads it through
`pages/demo.py`. Running it again changes nothing.
"""

import json
from datetime import date, time
from decimal import Decimal
from pathlib import Path

from wagtail.models import Locale, Page

from stoptheharm.localactions.models import ActionStatus, DayOfActionPage, LocalAction

DEMO_SLUG = "support-dont-punish-2026"
DEMO_EMAIL = "organiser@example.org"
# (title, organisation, kind, city, country, latitude, longitude, starts, ends, participants, status)
DEMO_ACTIONS = [
    ("Demo: candle vigil by the river", "Demo peer network Lisbon", "vigil", "Lisbon", "PT",
     Decimal("38.70750"), Decimal("-9.13650"), time(19), time(21), 60, ActionStatus.APPROVED),
    ("Demo: street outreach and naloxone training", "Demo harm reduction group", "outreach", "Nairobi", "KE",
     Decimal("-1.28330"), Decimal("36.81670"), time(10), time(14), 25, ActionStatus.APPROVED),
    ("Demo: march to the ministry of health", "Demo drug user union", "march", "Bogotá", "CO",
     Decimal("4.71100"), Decimal("-74.07210"), time(9, 30), None, 200, ActionStatus.APPROVED),
    ("Demo: workshop on decriminalisation", "Demo legal aid clinic", "workshop", "Kyiv", "UA",
     None, None, time(15), time(17), 30, ActionStatus.APPROVED),
    ("Demo: online panel with community voices", "Demo regional network", "online", "Jakarta", "ID",
     Decimal("-6.20880"), Decimal("106.84560"), time(13), time(14, 30), 120, ActionStatus.APPROVED),
    ("Demo: banner action at the market", "Demo youth collective", "other", "Accra", "GH",
     None, None, time(11), None, 15, ActionStatus.AWAITING_MODERATION),
]  # fmt: skip


# The page's words in the other languages; the actions stay as their organisers wrote them.
DEMO_TRANSLATIONS_FILE = Path(__file__).with_name("demo_translations.json")


def ensure_demo_day_of_action(*, parent: Page, campaign: Page | None = None) -> DayOfActionPage:
    """The demo's day of action (26 June 2026) under `parent`, of `campaign`, with its actions and translations.

    Kept as it is if it exists; translations are added where `parent` has one and the page has none.
    """
    existing = DayOfActionPage.objects.filter(slug=DEMO_SLUG, locale=parent.locale).first()
    day = existing or _create_demo_day(parent, campaign)
    translations = json.loads(DEMO_TRANSLATIONS_FILE.read_text(encoding="utf-8"))
    for language_code, words in translations.items():
        locale = Locale.objects.filter(language_code=language_code).first()
        if locale is None or day.get_translations().filter(locale=locale).exists():
            continue
        if not parent.get_translations().filter(locale=locale).exists():
            continue
        translation = day.copy_for_translation(locale)
        for name, value in words.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
    return day


def _create_demo_day(parent: Page, campaign: Page | None) -> DayOfActionPage:
    day = DayOfActionPage(
        slug=DEMO_SLUG,
        campaign=campaign,
        title="Support. Don't Punish: global day of action 2026",
        day=date(2026, 6, 26),
        year=2026,
        intro="Every 26 June, groups in more than a hundred countries hold local actions for drug policies "
        "that put health and rights before punishment. This page gathers this year's.",
        how_to_take_part="<p>Plan something small or large in your town: a vigil, a march, a workshop, a day of "
        "street outreach or an online event. Register it here so that it shows on the map, then share photos "
        "afterwards for the report.</p>",
        report="<p>A demo report: the photos that organisers send after the day appear below once approved.</p>",
    )
    parent.add_child(instance=day)
    day.save_revision().publish()
    for title, organisation, kind, city, country, latitude, longitude, starts, ends, people, status in DEMO_ACTIONS:
        action = LocalAction(
            day=day, title=title, organisation_name=organisation, kind=kind, city=city, country=country,
            latitude=latitude, longitude=longitude, starts_at=starts, ends_at=ends, expected_participants=people,
            status=status, description="An invented action for the demo site.", contact_name="Demo organiser",
            contact_email=DEMO_EMAIL, language="en",
        )  # fmt: skip
        action.full_clean()
        action.save()
    return day
