from wagtail.models import Locale, Page

from stoptheharm.library.models import LibraryPage, ResourceKind, ResourcePage

GUIDE_STAGES = [
    (
        "stage",
        {
            "title": "Know it",
            "introduction": "Learn what decriminalisation means.",
            "chapters": [
                {"title": "Key concepts", "body": "<h3>Words</h3><p>What the law punishes, and how.</p>"},
                {"title": "Models around the world", "body": "<ul><li>Portugal</li><li>Czechia</li></ul>"},
            ],
        },
    ),
    ("stage", {"title": "Show it", "introduction": "", "chapters": [{"title": "Evidence", "body": "<p>Data.</p>"}]}),
]


def create_library(*, parent: Page, slug: str = "library") -> LibraryPage:
    library = LibraryPage(title="Library", slug=slug, intro="Guides, reports and videos.")
    parent.add_child(instance=library)
    library.save_revision().publish()
    return library


def create_resource(*, library: LibraryPage, title: str, language_code: str = "en", **fields) -> ResourcePage:
    """A published resource; in another language than the library's, it is a separate resource (not a translation)."""
    defaults = {"kind": ResourceKind.REPORT, "summary": "A resource of the library.", "year": 2024}
    resource = ResourcePage(title=title, locale=Locale.objects.get(language_code=language_code), **(defaults | fields))
    library.add_child(instance=resource)
    resource.save_revision().publish()
    return resource


def translate_resource(resource: ResourcePage, language_code: str, **fields) -> ResourcePage:
    translation = resource.copy_for_translation(Locale.objects.get(language_code=language_code), copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation
