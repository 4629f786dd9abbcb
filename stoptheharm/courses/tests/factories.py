from wagtail.models import Locale, Page

from stoptheharm.courses.models import CoursePage, LessonPage, ModulePage


def question(text: str, right: str, *wrong: str) -> tuple[str, dict]:
    """A quiz question whose first choice is `right`, each choice with its own feedback."""
    choices = [{"text": right, "is_correct": True, "feedback": f"Yes: {right}."}]
    choices += [{"text": choice, "is_correct": False, "feedback": f"No: not {choice}."} for choice in wrong]
    return ("question", {"question": text, "choices": choices})


def publish_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def create_course(*, parent: Page, slug: str = "course") -> CoursePage:
    """A course of two modules: 'Basics' (a lesson without quiz, a lesson with a two-question quiz), 'Advocacy'."""
    course = publish_child(parent, CoursePage(title="Advocacy course", slug=slug, intro="Learn.", estimated_minutes=30))
    basics = publish_child(course, ModulePage(title="Basics", slug="basics", intro="What it is."))
    publish_child(basics, LessonPage(title="Principles", slug="principles", body="<p>Dignity first.</p>"))
    publish_child(
        basics,
        LessonPage(
            title="Evidence",
            slug="evidence",
            body="<p>It works.</p>",
            quiz=[question("Does it work?", "Yes", "No"), question("Which service?", "Syringes", "Prison", "Fines")],
        ),
    )
    advocacy = publish_child(course, ModulePage(title="Advocacy", slug="advocacy"))
    publish_child(
        advocacy,
        LessonPage(
            title="Audiences", slug="audiences", body="<p>Know them.</p>", quiz=[question("Who?", "Mayor", "Nobody")]
        ),
    )
    return course


def translate_page(page: Page, language_code: str, **fields) -> Page:
    translation = page.copy_for_translation(Locale.objects.get(language_code=language_code), copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation
