from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from stoptheharm.library.models import ResourcePage


def resource_form(video: Document, captions: bytes) -> dict:
    data = nested_form_data(
        {
            "title": "A video",
            "slug": "a-video",
            "kind": "video",
            "year": "2025",
            "summary": "What decriminalisation means.",
            "body": rich_text(""),
            "stages": streamfield([]),
            "files": inline_formset([]),
            "publishers": inline_formset([]),
            "video": str(video.pk),
            "external_video_url": "",
            "topics": "decriminalisation",
            "countries": [],
            "comments": inline_formset([]),
        }
    )
    data["video_captions"] = SimpleUploadedFile("captions.vtt", captions)
    return data


def test_editors_upload_captions_with_the_page_and_wrong_files_are_refused(admin_client, library):
    video = Document.objects.create(title="Video", file=ContentFile(b"\x00" * 16, name="clip.mp4"))
    add_url = f"/admin/pages/add/library/resourcepage/{library.pk}/"
    form = admin_client.get(add_url).content.decode()
    assert 'enctype="multipart/form-data"' in form and 'name="video_captions"' in form

    refused = admin_client.post(add_url, resource_form(video, b"1\n00:00:00,000 --> 00:00:01,000\nHi\n"))
    assert refused.status_code == 200
    assert "This is not a WebVTT captions file" in refused.content.decode()
    assert not ResourcePage.objects.filter(slug="a-video").exists()

    created = admin_client.post(add_url, resource_form(video, b"WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n"))
    assert created.status_code == 302
    resource = ResourcePage.objects.get(slug="a-video")
    assert resource.video_captions.read().startswith(b"WEBVTT")


def test_staff_manage_series_as_snippets(admin_client, db):
    assert admin_client.get("/admin/snippets/library/resourceseries/").status_code == 200
