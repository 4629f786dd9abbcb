"""Demo content for a new installation: home page, sections, petitions and a statement in every language.

Idempotent: a page that already exists (matched by slug, or by translation of the English page)
is left as it is, and so is an organisation (matched by its normalised name), so running it again
neither duplicates content nor overwrites editors' changes. The directory is filled with the
signatories of the Porto 2019 joint statement, through the same import as `import_organisations`.
Petitions and statements take what does not depend on the language (state, goal, counts,
co-sponsors, dates, signatories, references) from the default language's file; the other files
hold only their words.
"""

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from stoptheharm import organisations as organisations_app
from stoptheharm.alerts.demo import load_alerts_demo
from stoptheharm.atlas.demo import load_atlas_demo
from stoptheharm.campaigns.demo import load_campaign_demo
from stoptheharm.core.demo import DemoReport, translate_once
from stoptheharm.courses.demo import load_course_demo
from stoptheharm.events.demo import load_demo_events
from stoptheharm.library.demo import load_library_demo
from stoptheharm.localactions.demo import ensure_demo_day_of_action
from stoptheharm.news.demo import load_news_demo
from stoptheharm.organisations.imports import read_organisation_csv
from stoptheharm.organisations.models import Organisation
from stoptheharm.organisations.names import normalise_organisation_name
from stoptheharm.organisations.services import create_organisation, import_organisations
from stoptheharm.pages.models import HomePage, SectionPage, StandardPage
from stoptheharm.petitions.models import PetitionCoSponsor, PetitionPage, PetitionTarget
from stoptheharm.statements.models import StatementPage
from stoptheharm.statements.selectors import listed_organisation_ids
from stoptheharm.statements.services import add_signatory

DEMO_DIR = Path(__file__).parent / "demo"
HOME_SLUG = "home"
PORTO_SIGNATORIES_CSV = Path(organisations_app.__file__).parent / "data" / "porto_2019_signatories.csv"
PORTO_STATEMENT = "porto-2019"  # lists the signatories of PORTO_SIGNATORIES_CSV
PAGE_KINDS: dict[str, type[Page]] = {"section": SectionPage, "standard": StandardPage}


def read_demo_content(language_code: str) -> dict[str, Any]:
    return json.loads((DEMO_DIR / f"{language_code}.json").read_text(encoding="utf-8"))


def read_demo_organisations() -> list[dict[str, Any]]:
    """Organisations are named the same in every language, so they have a file of their own."""
    return json.loads((DEMO_DIR / "organisations.json").read_text(encoding="utf-8"))


@transaction.atomic
def load_demo_site() -> DemoReport:
    """Create the home page, sections, organisations and petitions in the default language, then translations."""
    report = DemoReport()
    default_locale = Locale.get_default()
    content = read_demo_content(default_locale.language_code)
    home, home_is_new = _ensure_home(content["home"], default_locale, report)
    originals = {spec["key"]: _ensure_child(home, spec, report) for spec in content["pages"]}
    if home_is_new:
        _fill_home_body(home, content["home"])
    organisations = {spec["name"]: _ensure_organisation(spec, report) for spec in read_demo_organisations()}
    porto_rows = read_organisation_csv(PORTO_SIGNATORIES_CSV.read_bytes())
    signatories = import_organisations(porto_rows, update_existing=False)
    report.organisations_created += signatories.created
    petitions = {
        spec["key"]: _ensure_petition(originals[spec["section"]], spec, organisations, report)
        for spec in content["petitions"]
    }
    statements = {
        spec["key"]: _ensure_statement(originals[spec["section"]], spec, organisations, report)
        for spec in content["statements"]
    }
    _list_signatories(statements[PORTO_STATEMENT], [row.fields["name"] for row in porto_rows])
    load_demo_events(report, section=originals["events"], organisations=organisations)
    load_atlas_demo()
    for code, _name in settings.LANGUAGES:
        if code == default_locale.language_code:
            continue
        locale = Locale.objects.get(language_code=code)
        translated = read_demo_content(code)
        _ensure_translation(home, locale, _home_fields(translated["home"], home), report)
        for spec in translated["pages"]:
            original = originals[spec["key"]]
            _ensure_translation(original, locale, _page_fields(spec, home), report)
        for spec in translated["petitions"]:
            _ensure_translation(petitions[spec["key"]], locale, _petition_words(spec), report)
        for spec in translated["statements"]:
            _ensure_translation(statements[spec["key"]], locale, _statement_words(spec), report)
    campaign = load_campaign_demo(report, sections=originals, petitions=petitions, statements=statements)
    load_news_demo(report, sections=originals)
    ensure_demo_day_of_action(parent=originals["take-action"], campaign=campaign)  # after the sections' translations
    load_library_demo(report, sections=originals)
    load_alerts_demo()
    load_course_demo(report, sections=originals)
    return report


def _ensure_home(spec: dict[str, Any], locale: Locale, report: DemoReport) -> tuple[HomePage, bool]:
    """The home page becomes the default site's root, replacing Wagtail's welcome page."""
    existing = HomePage.objects.filter(locale=locale, depth=2).first()
    if existing:
        report.existing += 1
        return existing, False
    site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", is_default_site=True)
    welcome = site.root_page if site.pk and site.root_page.specific_class is Page else None
    if welcome:
        welcome.slug = "wagtail-welcome"
        welcome.save(update_fields=["slug"])
    home = HomePage(slug=HOME_SLUG, locale=locale, live=False, **_home_fields(spec, None))
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    site.root_page = home
    site.site_name = "Stop the Harm"
    site.save()
    if welcome:
        welcome.delete()
    report.created.append(f"{locale.language_code}:{HOME_SLUG}")
    return home, True


def _ensure_child(home: HomePage, spec: dict[str, Any], report: DemoReport) -> Page:
    existing = home.get_children().filter(slug=spec["key"]).first()
    if existing:
        report.existing += 1
        return existing.specific
    page = PAGE_KINDS[spec["kind"]](slug=spec["key"], live=False, **_page_fields(spec, home))
    home.add_child(instance=page)
    page.save_revision().publish()
    report.created.append(f"{home.locale.language_code}:{spec['key']}")
    return page


def _ensure_organisation(spec: dict[str, Any], report: DemoReport) -> Organisation:
    existing = Organisation.objects.filter(normalised_name=normalise_organisation_name(spec["name"])).first()
    if existing:
        return existing
    report.organisations_created.append(spec["name"])
    return create_organisation(**spec, is_member=True)


def _ensure_petition(
    section: Page, spec: dict[str, Any], organisations: dict[str, Organisation], report: DemoReport
) -> PetitionPage:
    existing = section.get_children().filter(slug=spec["key"]).first()
    if existing:
        report.existing += 1
        return existing.specific
    petition = PetitionPage(
        slug=spec["key"],
        live=False,
        state=spec["state"],
        goal=spec.get("goal"),
        imported_count=spec.get("imported_count", 0),
        **_petition_words(spec),
    )
    petition.co_sponsors = [  # in the editors' order: modelcluster leaves sort_order to the admin's forms
        PetitionCoSponsor(organisation=organisations[name], sort_order=order)
        for order, name in enumerate(spec["co_sponsors"])
    ]
    section.add_child(instance=petition)
    petition.save_revision().publish()
    report.created.append(f"{section.locale.language_code}:{spec['key']}")
    return petition


def _ensure_statement(
    section: Page, spec: dict[str, Any], organisations: dict[str, Organisation], report: DemoReport
) -> StatementPage:
    """A statement signed by demo organisations; staff listed them, as for a list gathered at a conference."""
    existing = section.get_children().filter(slug=spec["key"]).first()
    if existing:
        report.existing += 1
        return existing.specific
    statement = StatementPage(
        slug=spec["key"],
        live=False,
        event_date=date.fromisoformat(spec["event_date"]),
        opens_at=datetime.fromisoformat(spec["opens_at"]),
        closes_at=datetime.fromisoformat(spec["closes_at"]),
        signers=spec["signers"],
        references=[("reference", reference) for reference in spec["references"]],
        **_statement_words(spec),
    )
    section.add_child(instance=statement)
    statement.save_revision().publish()
    for name in spec["signatories"]:
        add_signatory(statement=statement, organisation=organisations[name])
    report.created.append(f"{section.locale.language_code}:{spec['key']}")
    return statement


def _list_signatories(statement: StatementPage, names: list[str]) -> None:
    """Staff list the organisations of a signatory list that the statement does not list yet (idempotent)."""
    listed = listed_organisation_ids(statement)
    wanted = {normalise_organisation_name(name) for name in names}
    for organisation in Organisation.objects.filter(normalised_name__in=wanted).exclude(pk__in=listed).order_by("pk"):
        add_signatory(statement=statement, organisation=organisation)


def _statement_words(spec: dict[str, Any]) -> dict[str, Any]:
    """What a translation changes: the texts. The references keep their original titles."""
    return {
        "title": spec["title"],
        "introduction": spec["introduction"],
        "event_name": spec["event_name"],
        "body": [(block["type"], block["value"]) for block in spec["body"]],
    }


def _fill_home_body(home: HomePage, spec: dict[str, Any]) -> None:
    """The home page's body links to its sections, so it is written once they exist."""
    home.body = _stream_data(spec.get("body", []), home)
    home.save_revision().publish()


def _ensure_translation(original: Page, locale: Locale, fields: dict[str, Any], report: DemoReport) -> None:
    report.count(*translate_once(original, locale, fields))


def _home_fields(spec: dict[str, Any], home: HomePage | None) -> dict[str, Any]:
    fields = {name: spec[name] for name in ("title", "hero_heading", "hero_text", "search_description")}
    if home is not None:
        fields["body"] = _stream_data(spec.get("body", []), home)
    return fields


def _page_fields(spec: dict[str, Any], home: HomePage) -> dict[str, Any]:
    fields = {
        "title": spec["title"],
        "intro": spec.get("intro", ""),
        "body": _stream_data(spec.get("body", []), home),
        "show_in_menus": spec.get("in_menu", False),
    }
    if spec["kind"] == "section":
        fields["is_coming_soon"] = spec.get("coming_soon", False)
    else:
        fields["show_in_footer"] = spec.get("in_footer", False)
    return fields


def _petition_words(spec: dict[str, Any]) -> dict[str, Any]:
    """What a translation changes: the texts and the targets' names and roles."""
    return {
        "title": spec["title"],
        "summary": spec["summary"],
        "body": spec["body"],
        "imported_count_label": spec["imported_count_label"],
        "targets": [PetitionTarget(sort_order=order, **target) for order, target in enumerate(spec["targets"])],
    }


def _stream_data(blocks: list[dict[str, Any]], home: HomePage) -> list[tuple[str, Any]]:
    """Turn the JSON blocks into StreamField data; a call to action names its page by slug."""
    data = []
    for block in blocks:
        value = block["value"]
        if block["type"] == "call_to_action":
            target = home.get_children().filter(slug=value["page"]).first()
            if target is None:
                continue
            value = {**value, "page": target}
        data.append((block["type"], value))
    return data
