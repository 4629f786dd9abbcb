"""Accent- and case-insensitive search in the five languages, both ways, on SQLite and on PostgreSQL."""

import pytest

from stoptheharm.library.selectors import LibraryFilters, library_resources
from stoptheharm.library.tests.factories import create_resource

# (language, words in the resource, the same words typed another way)
ACCENTED_AND_PLAIN = [
    ("pt", "Redução de danos nas prisões", "reducao de danos"),
    ("es", "Reducción de daños en América Latina", "reduccion de danos"),
    ("fr", "La dépénalisation de l'usage", "depenalisation"),
    ("ru", "Объём помощи и снижение вреда", "объем"),
    ("en", "Naïve policies and the café", "naive cafe"),
]


def titles(query: str, language_code: str = "en", **filters) -> list[str]:
    found = library_resources(LibraryFilters(query=query, **filters), language_code=language_code)
    return [resource.title for resource in found]


@pytest.mark.parametrize(("language_code", "title", "plain"), ACCENTED_AND_PLAIN)
def test_an_unaccented_query_finds_accented_words(library, language_code, title, plain):
    create_resource(library=library, title=title, language_code=language_code)
    create_resource(library=library, title="Something else entirely", language_code=language_code)
    assert titles(plain, language_code) == [title]


@pytest.mark.parametrize(("language_code", "accented", "plain_title"), [
    ("pt", "redução", "Reducao de danos"),
    ("es", "Reducción", "Reduccion de danos"),
    ("fr", "dépénalisation", "La depenalisation"),
    ("ru", "объём", "Объем помощи"),
    ("en", "naïve", "Naive policies"),
])  # fmt: skip
def test_an_accented_query_finds_unaccented_words(library, language_code, accented, plain_title):
    create_resource(library=library, title=plain_title, language_code=language_code)
    assert titles(accented, language_code) == [plain_title]


def test_case_does_not_matter_in_any_script(library):
    create_resource(library=library, title="СНИЖЕНИЕ ВРЕДА", language_code="ru")
    assert titles("снижение вреда", "ru") == ["СНИЖЕНИЕ ВРЕДА"]


def test_search_reads_the_summary_body_and_the_guide_chapters(library):
    create_resource(library=library, title="A", summary="About naloxone distribution.")
    create_resource(library=library, title="B", body="<p>Opioid substitution therapy in prisons.</p>")
    create_resource(
        library=library,
        title="C",
        stages=[("stage", {"title": "Grow it", "introduction": "", "chapters": [
            {"title": "Alliances", "body": "<p>Build a coalition with lawyers.</p>"}]})],
    )  # fmt: skip
    assert titles("naloxone") == ["A"]
    assert titles("substitution prisons") == ["B"]
    assert titles("lawyers") == ["C"]


def test_every_word_must_match(library):
    create_resource(library=library, title="Harm reduction in prisons")
    create_resource(library=library, title="Harm reduction in cities")
    assert titles("harm prisons") == ["Harm reduction in prisons"]


def test_a_query_of_only_punctuation_finds_nothing(library):
    create_resource(library=library, title="Harm reduction")
    assert titles("?!") == []
