import pytest
from wagtail.models import Site

from stoptheharm.courses.models import LessonPage, ModulePage
from stoptheharm.courses.tests.factories import create_course, publish_child, translate_page


@pytest.fixture
def course(db):
    return create_course(parent=Site.objects.get(is_default_site=True).root_page)


def test_courses_are_listed_once_each_with_their_languages(client, course):
    translate_page(course, "fr", title="Cours de plaidoyer")
    body = client.get("/api/v1/courses/").json()
    assert [item["title"] for item in body] == ["Advocacy course"]
    assert body[0]["languages"] == ["en", "fr"] and body[0]["estimated_minutes"] == 30
    assert body[0]["url"] == "http://testserver" + course.url
    assert body[0]["certificate_url"] == f"http://testserver/en/courses/{course.pk}/certificate/"


def test_the_list_needs_the_same_few_queries_whatever_the_number_of_courses(
    client, course, django_assert_max_num_queries
):
    create_course(parent=course.get_parent(), slug="second")
    translate_page(course, "fr", title="Cours de plaidoyer")
    client.get("/api/v1/courses/")  # warm the per-process caches (site root paths)
    # The courses, their languages, the default locale; Wagtail's checks of view restrictions (2).
    with django_assert_max_num_queries(5):
        assert len(client.get("/api/v1/courses/").json()) == 2


def test_the_request_language_chooses_the_version(client, course):
    translate_page(course, "fr", title="Cours de plaidoyer")
    body = client.get("/api/v1/courses/", headers={"accept-language": "fr"}).json()
    assert [(item["title"], item["language"]) for item in body] == [("Cours de plaidoyer", "fr")]
    assert [item["language"] for item in client.get("/api/v1/courses/", headers={"accept-language": "ru"}).json()] == [
        "en"
    ]


def test_a_course_comes_with_its_modules_and_lessons_in_order(client, course, django_assert_max_num_queries):
    client.get(f"/api/v1/courses/{course.pk}/")  # warm the per-process caches (site root paths)
    # The course, its modules and lessons, its languages; and Wagtail's checks of view restrictions.
    with django_assert_max_num_queries(7):
        body = client.get(f"/api/v1/courses/{course.pk}/").json()
    more = publish_child(course, ModulePage(title="More", slug="more"))
    publish_child(more, LessonPage(title="Extra", slug="extra", body="<p>More.</p>"))
    with django_assert_max_num_queries(7):
        assert len(client.get(f"/api/v1/courses/{course.pk}/").json()["modules"]) == 3
    assert [module["title"] for module in body["modules"]] == ["Basics", "Advocacy"]
    principles, evidence = body["modules"][0]["lessons"]
    assert (principles["title"], principles["question_count"], principles["has_video"]) == ("Principles", 0, False)
    assert evidence["question_count"] == 2
    assert evidence["key"] == str(LessonPage.objects.get(slug="evidence").translation_key)
    assert evidence["url"].startswith("http://testserver/")


def test_drafts_and_unknown_courses_are_not_found(client, course):
    assert client.get("/api/v1/courses/99999999999999999999/").status_code == 404
    assert client.get("/api/v1/courses/abc/").status_code == 404
    course.unpublish()
    assert client.get(f"/api/v1/courses/{course.pk}/").status_code == 404
    assert client.get("/api/v1/courses/").json() == []


def test_the_courses_are_in_the_openapi_schema(client, db):
    schema = client.get("/api/v1/schema/", headers={"accept": "application/json"}).json()
    assert "/api/v1/courses/" in schema["paths"] and "/api/v1/courses/{course_id}/" in schema["paths"]
