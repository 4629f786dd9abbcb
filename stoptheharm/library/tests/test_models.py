import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document

from stoptheharm.core.captions import MAX_CAPTIONS_BYTES, validate_webvtt
from stoptheharm.library.models import ResourcePage
from stoptheharm.library.pdf import rich_text_paragraphs
from stoptheharm.library.tests.factories import GUIDE_STAGES, create_resource


@pytest.mark.parametrize(
    "content",
    [b"WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n", b"\xef\xbb\xbfWEBVTT - captions\r\n", b"WEBVTT"],
)
def test_webvtt_files_are_accepted(content):
    validate_webvtt(SimpleUploadedFile("captions.vtt", content))


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"1\n00:00:00,000 --> 00:00:01,000\nHi\n", "not_webvtt"),  # SubRip, not WebVTT
        (b"WEBVTTX\n", "not_webvtt"),
        (b"<script>alert(1)</script>", "not_webvtt"),
        (b"WEBVTT\n\xff\xfe", "encoding"),
        (b"WEBVTT\n" + b"a" * MAX_CAPTIONS_BYTES, "too_large"),
    ],
)
def test_other_files_are_refused_as_captions(content, code):
    with pytest.raises(ValidationError) as error:
        validate_webvtt(SimpleUploadedFile("captions.vtt", content))
    assert error.value.code == code


def test_a_video_must_be_a_video_file_and_captions_need_a_video(library):
    resource = create_resource(library=library, title="Video")
    resource.video = Document.objects.create(title="Not a video", file=ContentFile(b"x", name="notes.pdf"))
    with pytest.raises(ValidationError) as error:
        resource.full_clean()
    assert "video" in error.value.message_dict
    resource.video = None
    resource.video_captions = SimpleUploadedFile("captions.vtt", b"WEBVTT\n")
    with pytest.raises(ValidationError) as error:
        resource.full_clean()
    assert "video_captions" in error.value.message_dict


def test_the_guide_contents_are_numbered_with_anchors(library):
    guide = create_resource(library=library, title="Guide", stages=GUIDE_STAGES)
    stages = ResourcePage.objects.get(pk=guide.pk).guide_contents
    assert [(stage.number, stage.title, stage.anchor) for stage in stages] == [
        (1, "Know it", "stage-1"),
        (2, "Show it", "stage-2"),
    ]
    assert [chapter.anchor for chapter in stages[0].chapters] == ["stage-1-chapter-1", "stage-1-chapter-2"]


def test_the_folded_search_text_has_no_accents_or_case(library):
    resource = create_resource(library=library, title="Redução", summary="Объём", stages=GUIDE_STAGES)
    folded = resource.folded_search_text()
    assert "reducao" in folded and "объем" in folded and "know it" in folded and "portugal" in folded


def test_rich_text_becomes_plain_paragraphs():
    html = (
        '<h3>Title</h3><p>One <a href="https://x.example">link</a>.</p><ul><li>A</li><li>B</li></ul><script>x</script>'
    )
    assert rich_text_paragraphs(html) == ["Title", "One link .", "A", "B"]
