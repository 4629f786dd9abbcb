import io

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image, PngImagePlugin

from stoptheharm.core import photos
from stoptheharm.localactions import services
from stoptheharm.localactions.models import ActionPhoto, ActionStatus, PhotoStatus
from stoptheharm.localactions.tests.factories import add_action, image_upload, past_day

SECRET_MARKERS = [b"Ana's camera", b"secret-xmp", b"fake-icc", b"Camera maker"]


def jpeg_with_gps(*, name: str = "IMG_0042.jpg") -> SimpleUploadedFile:
    """A 64x48 JPEG taken 'rotated' (EXIF orientation 6) in Lisbon, with every kind of metadata a camera writes."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # turn 90° clockwise to display
    exif[ExifTags.Base.Make] = "Camera maker"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (38.0, 43.0, 20.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (9.0, 8.0, 22.0)
    output = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(
        output, format="JPEG", exif=exif, comment=b"Ana's camera", xmp=b"<x:xmpmeta>secret-xmp</x:xmpmeta>",
        icc_profile=b"fake-icc",
    )  # fmt: skip
    data = output.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the test's own premise
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


@pytest.fixture
def approved_past_action(section):
    return add_action(past_day(parent=section), status=ActionStatus.APPROVED)


def test_a_photo_with_gps_tags_is_stored_without_any_metadata(approved_past_action):
    photo = services.add_action_photo(action=approved_past_action, upload=jpeg_with_gps(), alt_text="A vigil")

    photo.image.open("rb")
    stored = photo.image.read()
    photo.image.close()
    image = Image.open(io.BytesIO(stored))
    assert image.format == "JPEG"
    assert not image.getexif()
    assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert {"exif", "xmp", "comment", "icc_profile"}.isdisjoint(image.info)
    assert not any(marker in stored for marker in SECRET_MARKERS)
    assert image.size == (48, 64)  # the orientation was applied to the pixels before the EXIF went
    assert (photo.width, photo.height) == (48, 64)
    assert "IMG_0042" not in photo.image.name  # the original name may say who took it
    assert photo.status == PhotoStatus.AWAITING_MODERATION


def test_png_text_chunks_are_not_kept():
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Ana's camera")
    upload = image_upload(name="photo.png", image_format="PNG", pnginfo=info)

    cleaned = clean_local_action_photo(upload).content.read()

    assert b"Ana's camera" not in cleaned
    assert Image.open(io.BytesIO(cleaned)).format == "PNG"


def test_webp_is_accepted_and_stays_webp():
    cleaned = clean_local_action_photo(image_upload(name="photo.webp", image_format="WEBP"))
    assert cleaned.content.name == "photo.webp"
    assert Image.open(cleaned.content).format == "WEBP"


def test_a_file_named_jpg_that_is_not_an_image_is_refused_with_a_clear_error(approved_past_action):
    upload = SimpleUploadedFile("photo.jpg", b"%PDF-1.7 not a photo at all", content_type="image/jpeg")

    with pytest.raises(ValidationError) as refused:
        services.add_action_photo(action=approved_past_action, upload=upload, alt_text="A vigil")

    assert "is not a JPEG, PNG or WebP image" in str(refused.value.message_dict["image"])
    assert not ActionPhoto.objects.exists()


def test_an_image_of_another_type_is_refused_even_with_a_jpg_name():
    with pytest.raises(ValidationError, match="not a JPEG, PNG or WebP"):
        clean_local_action_photo(image_upload(name="photo.jpg", image_format="GIF"))


def test_an_oversized_file_is_refused_before_it_is_read(settings, approved_past_action):
    settings.LOCAL_ACTION_PHOTO_MAX_BYTES = 1024
    upload = image_upload(size=(400, 400), quality=100)
    assert upload.size > 1024

    with pytest.raises(ValidationError) as refused:
        services.add_action_photo(action=approved_past_action, upload=upload, alt_text="A vigil")

    assert refused.value.message_dict["image"] == ["This photo is larger than 1.0\xa0KB. Please choose a smaller one."]
    assert not ActionPhoto.objects.exists()


def test_too_many_pixels_are_refused_before_decoding(settings):
    settings.LOCAL_ACTION_PHOTO_MAX_PIXELS = 1_000_000
    with pytest.raises(ValidationError, match="more than 1 megapixels"):
        clean_local_action_photo(image_upload(size=(1001, 1000)))


def test_photos_wait_for_the_day_and_for_approval(section, day):
    upcoming = add_action(day, status=ActionStatus.APPROVED)
    awaiting = add_action(past_day(parent=section), status=ActionStatus.AWAITING_MODERATION)

    for action in (upcoming, awaiting):
        with pytest.raises(services.PhotosNotOpen):
            services.add_action_photo(action=action, upload=image_upload(), alt_text="A vigil")
    assert not ActionPhoto.objects.exists()


def test_an_action_has_at_most_so_many_photos(settings, approved_past_action):
    settings.LOCAL_ACTION_PHOTOS_PER_ACTION = 1
    services.add_action_photo(action=approved_past_action, upload=image_upload(), alt_text="One")
    with pytest.raises(services.TooManyPhotos):
        services.add_action_photo(action=approved_past_action, upload=image_upload(), alt_text="Two")


def test_removing_a_photo_deletes_its_file(approved_past_action, django_capture_on_commit_callbacks):
    photo = services.add_action_photo(action=approved_past_action, upload=image_upload(), alt_text="A vigil")
    storage, name = photo.image.storage, photo.image.name
    assert storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        services.remove_photo(photo_id=photo.pk, user=None)

    assert not storage.exists(name)
    assert not ActionPhoto.objects.exists()


def clean_local_action_photo(upload):
    return photos.clean_photo(
        upload, max_bytes=settings.LOCAL_ACTION_PHOTO_MAX_BYTES, max_pixels=settings.LOCAL_ACTION_PHOTO_MAX_PIXELS
    )
