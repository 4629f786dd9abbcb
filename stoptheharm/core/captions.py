"""Videos served by the platform (library resources, course lessons) and their WebVTT captions, checked on upload."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext_lazy as _

MAX_CAPTIONS_BYTES = 512 * 1024
VIDEO_EXTENSIONS = frozenset({"mp4", "webm"})
UTF8_BOM = b"\xef\xbb\xbf"


def validate_webvtt(captions: File) -> None:
    """A WebVTT file starts with "WEBVTT" (after an optional byte order mark) and is UTF-8 text."""
    if captions.size > MAX_CAPTIONS_BYTES:
        raise ValidationError(
            _("A captions file may not be larger than %(limit)d KB.") % {"limit": MAX_CAPTIONS_BYTES // 1024},
            code="too_large",
        )
    captions.seek(0)
    content = captions.read()
    captions.seek(0)
    content = content.removeprefix(UTF8_BOM)
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError(_("A captions file must be UTF-8 text."), code="encoding") from None
    if not (text.startswith("WEBVTT") and (len(text) == 6 or text[6] in " \t\r\n")):
        raise ValidationError(
            _("This is not a WebVTT captions file: its first line must start with WEBVTT."), code="not_webvtt"
        )


def video_errors(video: Any, captions: File | None) -> dict[str, str]:
    """A page's video (a Wagtail document) must be MP4 or WebM, and captions need a video; errors by field name."""
    errors = {}
    if video and video.file_extension.lower() not in VIDEO_EXTENSIONS:
        errors["video"] = _("The video must be an MP4 or WebM file.")
    if captions and not video:
        errors["video_captions"] = _("Captions need a video file to go with.")
    return errors
