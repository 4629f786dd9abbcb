import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document

from stoptheharm.courses.models import LessonDownload


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_a_lesson_video_must_be_mp4_or_webm_and_captions_need_a_video(lessons):
    lesson = lessons["principles"]
    lesson.video_captions = SimpleUploadedFile("captions.vtt", b"WEBVTT\n")
    with pytest.raises(ValidationError) as refused:
        lesson.full_clean()
    assert "video_captions" in refused.value.error_dict
    lesson.video = Document.objects.create(title="Talk", file=ContentFile(b"x", name="talk.avi"))
    with pytest.raises(ValidationError) as refused:
        lesson.full_clean()
    assert set(refused.value.error_dict) == {"video"}
    lesson.video = Document.objects.create(title="Talk", file=ContentFile(b"x", name="talk.webm"))
    lesson.full_clean()


def test_a_lesson_shows_its_video_with_captions_and_its_downloads(client, lessons):
    lesson = lessons["principles"]
    lesson.video = Document.objects.create(title="Talk", file=ContentFile(b"x", name="talk.mp4"))
    lesson.video_captions = SimpleUploadedFile("captions.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n")
    lesson.save_revision().publish()
    handout = Document.objects.create(title="Handout", file=ContentFile(b"x" * 2048, name="handout.pdf"))
    LessonDownload.objects.create(page=lesson, document=handout, label="")
    content = client.get(lesson.url).content.decode()
    assert '<track kind="captions"' in content and 'srclang="en"' in content and "talk.mp4" in content
    assert "Handout</a>" in content and "PDF · 2.0\xa0KB" in content
