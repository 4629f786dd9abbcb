"""Photos the public or staff upload (a local action's report, a drug-checking alert): checked, then re-encoded.

A photo can locate the people in it or who took it (GPS in EXIF) or name the camera and its owner, so nothing the
file carried besides its pixels is kept: the pixels are copied into a new image, which has no EXIF,
XMP, IPTC, ICC profile or comments to write. The EXIF orientation is applied to the pixels first, so
the photo still stands the right way up. The type is what Pillow finds in the bytes, never the name
or the declared content type.
"""

import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow format name -> the extension stored
ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
# The extension stored -> the content type a stored photo is served with
CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}

NOT_AN_IMAGE = _("This file is not a JPEG, PNG or WebP image. Please choose a photo in one of these formats.")
TOO_LARGE = _("This photo is larger than %(limit)s. Please choose a smaller one.")
TOO_MANY_PIXELS = _("This photo has more than %(megapixels)d megapixels. Please choose a smaller one.")


@dataclass(frozen=True)
class CleanPhoto:
    """The re-encoded photo, ready to store."""

    content: ContentFile
    width: int
    height: int


def clean_photo(upload: UploadedFile, *, max_bytes: int, max_pixels: int) -> CleanPhoto:
    """Check the upload (size, real type, pixels) and re-encode it without metadata; raises ValidationError.

    Each feature passes its own limits (settings such as LOCAL_ACTION_PHOTO_MAX_BYTES).
    """
    if upload.size is None or upload.size > max_bytes:
        raise ValidationError(TOO_LARGE, code="too_large", params={"limit": filesizeformat(max_bytes)})
    upload.seek(0)
    try:
        with Image.open(upload, formats=list(ACCEPTED_FORMATS)) as image:
            _check_pixels(image, max_pixels)
            image.seek(0)  # an animated PNG or WebP: its first frame only
            image.load()
            upright = ImageOps.exif_transpose(image)
            photo_format = str(image.format)
            pixels = _pixels_only(upright, photo_format)
    except Image.DecompressionBombError as error:
        raise _too_many_pixels(max_pixels) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from error
    output = io.BytesIO()
    pixels.save(output, format=photo_format, **_encoder_options(photo_format))
    return CleanPhoto(
        content=ContentFile(output.getvalue(), name=f"photo.{ACCEPTED_FORMATS[photo_format]}"),
        width=pixels.width,
        height=pixels.height,
    )


def _check_pixels(image: Image.Image, max_pixels: int) -> None:
    """Refuse before decoding: a small file can unpack into gigabytes of pixels."""
    if image.width * image.height > max_pixels:
        raise _too_many_pixels(max_pixels)


def _too_many_pixels(max_pixels: int) -> ValidationError:
    megapixels = max_pixels // 1_000_000
    return ValidationError(TOO_MANY_PIXELS, code="too_many_pixels", params={"megapixels": megapixels})


def _pixels_only(image: Image.Image, photo_format: str) -> Image.Image:
    """A new image holding the pixels and nothing else (its `info` is empty: no EXIF, XMP, ICC, comments)."""
    if photo_format == "JPEG":
        mode = "L" if image.mode == "L" else "RGB"
    else:
        mode = image.mode if image.mode in {"RGB", "RGBA", "L", "LA"} else "RGBA"
    converted = image.convert(mode) if image.mode != mode else image
    return Image.frombytes(mode, converted.size, converted.tobytes())


def _encoder_options(photo_format: str) -> dict[str, object]:
    if photo_format == "JPEG":
        return {"quality": 88, "optimize": True}
    if photo_format == "WEBP":
        return {"quality": 88}
    return {"optimize": True}
