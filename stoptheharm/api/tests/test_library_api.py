import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Site

from stoptheharm.library.models import ResourceFile, ResourceKind, ResourcePublisher
from stoptheharm.library.tests.factories import create_library, create_resource, translate_resource
from stoptheharm.organisations.tests.factories import add_organisation


@pytest.fixture
def resources(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    library = create_library(parent=Site.objects.get(is_default_site=True).root_page)
    guide = create_resource(library=library, title="Decriminalisation guide", kind=ResourceKind.GUIDE, year=2021,
                            countries=["PT"])  # fmt: skip
    guide.topics.add("decriminalisation")
    guide.save_revision().publish()
    report = create_resource(library=library, title="Redução de danos no mundo", language_code="pt", year=2024)
    document = Document.objects.create(title="Relatório", file=ContentFile(b"x" * 1000, name="relatorio.pdf"))
    ResourceFile.objects.create(page=report, document=document, language="pt")
    ResourcePublisher.objects.create(page=report, organisation=add_organisation("Harm Reduction International"))
    translate_resource(guide, "fr", title="Guide de la dépénalisation")
    return guide, report


def listed(client, **query) -> dict:
    response = client.get("/api/v1/resources/", query)
    assert response.status_code == 200
    return response.json()


def test_resources_are_listed_newest_first_with_their_files_and_translations(client, resources):
    body = listed(client)
    assert [item["title"] for item in body["results"]] == ["Redução de danos no mundo", "Decriminalisation guide"]
    report, guide = body["results"]
    assert report["files"] == [{"title": "Relatório", "url": report["files"][0]["url"], "size": 1000, "language": "pt"}]
    assert report["files"][0]["url"].startswith("http://testserver/documents/")
    assert report["publishers"] == ["Harm Reduction International"]
    assert guide["topics"] == ["decriminalisation"] and guide["countries"] == ["PT"]
    assert guide["translations"] == [{"language": "fr", "url": guide["translations"][0]["url"]}]


def test_the_request_language_chooses_the_version(client, resources):
    body = client.get("/api/v1/resources/", {"kind": "guide"}, headers={"accept-language": "fr"}).json()
    assert [item["title"] for item in body["results"]] == ["Guide de la dépénalisation"]


def test_filters_and_accent_insensitive_search_combine(client, resources):
    assert [item["title"] for item in listed(client, q="reducao")["results"]] == ["Redução de danos no mundo"]
    assert [item["title"] for item in listed(client, q="DÉPÉNALISATION")["results"]] == ["Decriminalisation guide"]
    assert listed(client, q="reducao", kind="guide")["count"] == 0
    assert listed(client, topic="decriminalisation", country="pt", year=2021)["count"] == 1
    assert listed(client, language="pt")["count"] == 1


@pytest.mark.parametrize(
    "query",
    [{"country": "XX"}, {"kind": "poem"}, {"year": "soon"}, {"q": "a\u202eb"}, {"q": "a\x00"}, {"language": "\x00"},
     {"year": "99999999999999999999"}, {"topic": "<script>"}],
)  # fmt: skip
def test_bad_filters_are_refused_with_the_field_named(client, resources, query):
    response = client.get("/api/v1/resources/", query)
    assert response.status_code == 400
    assert set(response.json()) == set(query)


def test_the_resources_endpoint_is_in_the_schema(client):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/resources/"]["get"]
    parameters = {parameter["name"] for parameter in operation["parameters"]}
    assert {"q", "kind", "topic", "language", "country", "year", "sort", "page"} <= parameters
    assert "files" in schema["components"]["schemas"]["ResourceOutput"]["properties"]
