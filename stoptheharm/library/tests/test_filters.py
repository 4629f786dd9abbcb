import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from stoptheharm.library.models import ResourceFile, ResourceKind, ResourceSeries
from stoptheharm.library.selectors import LibraryFilters, Sorting, library_resources, other_editions
from stoptheharm.library.tests.factories import create_resource, translate_resource


def titles(language_code: str = "en", **filters) -> list[str]:
    return [resource.title for resource in library_resources(LibraryFilters(**filters), language_code=language_code)]


@pytest.fixture
def resources(library):
    guide = create_resource(library=library, title="Advocacy guide", kind=ResourceKind.GUIDE, year=2021,
                            countries=["PT", "CZ"])  # fmt: skip
    guide.topics.add("decriminalisation")
    guide.save_revision().publish()
    report = create_resource(library=library, title="Global report", kind=ResourceKind.REPORT, year=2024,
                             countries=["PT"])  # fmt: skip
    report.topics.add("decriminalisation", "prisons")
    report.save_revision().publish()
    old_report = create_resource(library=library, title="Older report", kind=ResourceKind.REPORT, year=2022)
    old_report.topics.add("prisons")
    old_report.save_revision().publish()
    return guide, report, old_report


def test_newest_first_by_default(resources):
    assert titles() == ["Global report", "Older report", "Advocacy guide"]


def test_sorting(resources):
    assert titles(sorting=Sorting.OLDEST) == ["Advocacy guide", "Older report", "Global report"]
    assert titles(sorting=Sorting.TITLE) == ["Advocacy guide", "Global report", "Older report"]


def test_each_filter_narrows(resources):
    assert titles(kind=ResourceKind.REPORT) == ["Global report", "Older report"]
    assert titles(topic="prisons") == ["Global report", "Older report"]
    assert titles(country="PT") == ["Global report", "Advocacy guide"]
    assert titles(year=2022) == ["Older report"]


def test_filters_combine(resources):
    assert titles(kind=ResourceKind.REPORT, topic="decriminalisation") == ["Global report"]
    assert titles(topic="decriminalisation", country="CZ") == ["Advocacy guide"]
    assert titles(kind=ResourceKind.REPORT, country="PT", year=2022) == []
    assert titles(query="report", topic="prisons", year=2024) == ["Global report"]


def test_a_country_code_matches_whole_codes_only(library):
    create_resource(library=library, title="Austria and Russia", countries=["AT", "RU"])
    assert titles(country="TR") == []  # "AT,RU" contains "T,R", not the code TR


def test_relevance_and_other_sortings_when_searching(resources):
    assert set(titles(query="report")) == {"Global report", "Older report"}
    assert titles(query="report", sorting=Sorting.OLDEST) == ["Older report", "Global report"]


def test_each_resource_once_in_the_readers_language_when_translated(resources):
    guide, _report, _old = resources
    translate_resource(guide, "fr", title="Guide de plaidoyer")
    assert titles("fr") == ["Global report", "Older report", "Guide de plaidoyer"]
    assert titles("en") == ["Global report", "Older report", "Advocacy guide"]


def test_a_translation_matches_a_search_in_its_own_language(resources):
    guide, _report, _old = resources
    translate_resource(guide, "ru", title="Руководство по адвокации")
    assert titles("en", query="руководство") == ["Advocacy guide"]  # shown in the reader's language
    assert titles("ru", query="руководство") == ["Руководство по адвокации"]


def test_language_filter_finds_translations_and_files(resources):
    guide, report, _old = resources
    translate_resource(guide, "es", title="Guía de incidencia")
    document = Document.objects.create(title="Informe", file=ContentFile(b"%PDF-1.4", name="informe.pdf"))
    ResourceFile.objects.create(page=report, document=document, language="es")
    assert titles(language="es") == ["Global report", "Advocacy guide"]
    assert titles(language="ru") == []


def test_unpublished_resources_are_not_listed(resources):
    guide, _report, _old = resources
    guide.unpublish()
    assert "Advocacy guide" not in titles()


def test_other_editions_newest_first(library):
    series = ResourceSeries.objects.create(name="Global State of Harm Reduction")
    editions = [
        create_resource(library=library, title=f"Global State {year}", year=year, series=series, edition=str(year))
        for year in (2020, 2024, 2022)
    ]
    assert [edition.title for edition in other_editions(editions[0])] == ["Global State 2024", "Global State 2022"]
