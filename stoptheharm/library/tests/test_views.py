import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader
from wagtail.documents.models import Document

from stoptheharm.library.models import ResourceFile, ResourceKind, ResourcePublisher, ResourceSeries
from stoptheharm.library.tests.factories import GUIDE_STAGES, create_resource, translate_resource
from stoptheharm.organisations.tests.factories import add_organisation

CAPTIONS = b"WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n"


def page_html(client, url: str, **query) -> str:
    response = client.get(url, query)
    assert response.status_code == 200
    assert not response.cookies
    return response.content.decode()


def test_the_library_lists_filters_and_keeps_what_was_typed(client, library):
    create_resource(library=library, title="Global State of Harm Reduction", kind=ResourceKind.REPORT, year=2024)
    create_resource(library=library, title="Advocacy guide", kind=ResourceKind.GUIDE, year=2021)
    html = page_html(client, library.url)
    assert "2 resources found" in html
    html = page_html(client, library.url, q="harm réduction", kind="report", sort="title")
    assert "1 resource found" in html
    assert "Global State of Harm Reduction" in html and "Advocacy guide" not in html
    assert 'value="harm réduction"' in html
    assert '<option value="report" selected>' in html


def test_an_invalid_filter_is_shown_beside_its_field_and_the_others_still_apply(client, library):
    create_resource(library=library, title="Report", kind=ResourceKind.REPORT)
    create_resource(library=library, title="Guide", kind=ResourceKind.GUIDE)
    html = page_html(client, library.url, kind="guide", country="XX", year="nineteen", page="9999999999999999999999")
    assert html.count('class="form__error"') == 2
    assert "1 resource found" in html


def test_hostile_text_is_rendered_inert(client, library):
    create_resource(library=library, title="<script>alert(1)</script>", summary="<img src=x onerror=alert(1)>")
    html = page_html(client, library.url)
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Null characters are not allowed." in page_html(client, library.url, q="a\x00b")
    assert "Control and invisible" in page_html(client, library.url, q="a\u202eb")
    html = page_html(client, library.url, q='"><b>hello</b>')
    assert "<b>hello</b>" not in html and 'value="&quot;&gt;&lt;b&gt;hello&lt;/b&gt;"' in html


def test_results_are_paginated_with_the_filters_kept(client, library):
    for number in range(21):
        create_resource(library=library, title=f"Report {number:02d}", year=2000 + number)
    html = page_html(client, library.url, kind="report")
    assert "Page 1 of 2" in html
    assert 'href="?kind=report&amp;page=2"' in html
    assert "Report 00" in page_html(client, library.url, kind="report", page="2")


def test_a_resource_page_shows_its_files_translations_publishers_and_editions(client, library):
    series = ResourceSeries.objects.create(name="Global State of Harm Reduction")
    older = create_resource(library=library, title="Global State 2022", year=2022, series=series, edition="2022")
    resource = create_resource(library=library, title="Global State 2024", year=2024, series=series, edition="2024")
    document = Document.objects.create(title="Full report", file=ContentFile(b"x" * 2048, name="gshr.pdf"))
    ResourceFile.objects.create(page=resource, document=document, language="en")
    ResourcePublisher.objects.create(page=resource, organisation=add_organisation("Harm Reduction International"))
    translate_resource(resource, "pt", title="Situação global 2024")
    html = page_html(client, resource.url)
    assert "Full report" in html and "2.0\xa0KB" in html and "English" in html
    assert 'Also in: <a href="/pt/' in html and 'hreflang="pt">Português</a>' in html
    assert "Harm Reduction International" in html
    assert f'<a href="{older.url}">Global State 2022</a> (2022)' in html


def test_a_guide_has_a_table_of_contents_with_anchors(client, library):
    guide = create_resource(library=library, title="Advocacy guide", kind=ResourceKind.GUIDE, stages=GUIDE_STAGES)
    html = page_html(client, guide.url)
    assert '<a href="#stage-1">Know it</a>' in html
    assert '<a href="#stage-1-chapter-2">Models around the world</a>' in html
    assert '<h3 id="stage-2-chapter-1">2.1 Evidence</h3>' in html
    assert f'href="/en/resources/{guide.pk}/guide.pdf"' in html


CHAPTER_TITLES = {
    "en": ("Know it", "Key concepts"),
    "fr": ("Le savoir", "Notions clés : la dépénalisation"),
    "es": ("Conocerlo", "Conceptos básicos: la reducción de daños"),
    "pt": ("Conhecer", "Conceitos: redução de danos"),
    "ru": ("Знать", "Основные понятия: снижение вреда, объём помощи"),
}


@pytest.mark.parametrize("language_code", sorted(CHAPTER_TITLES))
def test_the_guide_pdf_holds_every_stage_and_chapter_in_its_script(client, library, language_code):
    stage, chapter = CHAPTER_TITLES[language_code]
    stages = [
        (
            "stage",
            {
                "title": stage,
                "introduction": "",
                "chapters": [
                    {"title": chapter, "body": "<h3>Sub</h3><p>First <b>bold</b> paragraph.</p><ul><li>Item</li></ul>"}
                ],
            },
        )
    ]
    guide = create_resource(library=library, title=f"Guide {language_code}", language_code=language_code,
                            kind=ResourceKind.GUIDE, stages=stages)  # fmt: skip
    response = client.get(f"/{language_code}/resources/{guide.pk}/guide.pdf")
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert reader.metadata.title == guide.title
    assert f"1. {stage}" in text
    assert f"1.1 {chapter}" in text
    assert "First bold paragraph." in text and "Item" in text
    assert "<" not in text


def test_no_pdf_for_a_resource_without_stages_or_unpublished(client, library):
    assert client.get("/en/resources/99999999999999999999/guide.pdf").status_code == 404
    report = create_resource(library=library, title="Report")
    assert client.get(f"/en/resources/{report.pk}/guide.pdf").status_code == 404
    guide = create_resource(library=library, title="Guide", stages=GUIDE_STAGES)
    guide.unpublish()
    assert client.get(f"/en/resources/{guide.pk}/guide.pdf").status_code == 404


def test_a_video_plays_only_when_asked_with_its_captions(client, library):
    video = Document.objects.create(title="Video", file=ContentFile(b"\x00" * 64, name="clip.webm"))
    resource = create_resource(
        library=library,
        title="What decriminalisation means",
        kind=ResourceKind.VIDEO,
        video=video,
        video_captions=SimpleUploadedFile("clip.vtt", CAPTIONS),
        external_video_url="https://video.example.org/watch?v=1",
    )
    html = page_html(client, resource.url)
    assert '<video controls preload="metadata" src="/documents/' in html
    assert "autoplay" not in html and "<iframe" not in html
    assert '<track kind="captions" src="/media/library/captions/clip' in html
    assert 'srclang="en" label="English"' in html
    assert '<a href="https://video.example.org/watch?v=1" rel="noopener noreferrer">' in html
    captions = client.get(resource.video_captions.url)
    assert captions["Content-Type"] == "text/vtt"
    assert b"".join(captions.streaming_content) == CAPTIONS


def test_the_organisation_page_lists_the_resources_it_published(client, library):
    organisation = add_organisation("Harm Reduction International")
    resource = create_resource(library=library, title="Global Drug Policy Index", kind=ResourceKind.INDEX)
    ResourcePublisher.objects.create(page=resource, organisation=organisation)
    create_resource(library=library, title="Someone else's report")
    html = page_html(client, f"/en/organisations/{organisation.pk}/")
    assert "Resources it published" in html
    assert "Global Drug Policy Index" in html and "Someone else" not in html
