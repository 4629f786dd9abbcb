import pytest

from stoptheharm.core.demo import DemoReport
from stoptheharm.library.demo import load_library_demo
from stoptheharm.library.models import LibraryPage, ResourcePage
from stoptheharm.library.selectors import LibraryFilters, library_resources, other_editions


@pytest.mark.django_db
def test_the_demo_library_is_searchable_in_several_languages_and_loads_once(client, demo_site):
    assert LibraryPage.objects.count() == 5  # one per language
    guide = ResourcePage.objects.get(slug="decriminalisation-advocacy-guide", locale__language_code="en")
    assert [stage.title for stage in guide.guide_contents] == ["Know it", "Show it", "Grow it"]
    assert {page.locale.language_code for page in guide.get_translations()} == {"fr", "ru"}
    found = library_resources(LibraryFilters(query="depenaliser"), language_code="fr")
    assert [resource.title for resource in found] == [
        "Dépénaliser les personnes qui consomment des drogues : un guide de plaidoyer"
    ]
    newest = ResourcePage.objects.get(slug="global-state-of-harm-reduction-2024", locale__language_code="en")
    assert [edition.edition for edition in other_editions(newest)] == ["2022"]
    library = LibraryPage.objects.get(locale__language_code="en")
    assert client.get(library.url).status_code == 200
    russian = guide.get_translations().get(locale__language_code="ru")
    assert client.get(f"/ru/resources/{russian.pk}/guide.pdf").status_code == 200
    again = DemoReport()
    load_library_demo(again, sections={"library": library.get_parent()})
    assert (again.created, again.existing) == ([], 14)  # the library page in 5 languages, 5 resources, 4 translations
