import io
from datetime import date, time, timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from wagtail.models import Page

from stoptheharm.localactions import services
from stoptheharm.localactions.models import ActionStatus, DayOfActionPage, LocalAction

ACTION_FIELDS: dict[str, Any] = {
    "organisation_name": "Rede de Redução de Riscos",
    "title": "Vigil at the courthouse",
    "description": "Candles and speeches for people imprisoned for drug use.",
    "kind": "vigil",
    "venue": "",
    "city": "Lisbon",
    "country": "PT",
    "latitude": None,
    "longitude": None,
    "starts_at": time(18, 0),
    "ends_at": time(20, 0),
    "expected_participants": 40,
    "languages": "pt, en",
    "public_contact": "",
}


def create_day(*, parent: Page, slug: str = "day-of-action-2026", **fields: Any) -> DayOfActionPage:
    """A published day of action a month away, open for registration unless the fields say otherwise."""
    the_day = fields.pop("day", timezone.localdate() + timedelta(days=30))
    defaults = {"title": "Support. Don't Punish day of action", "day": the_day, "year": the_day.year,
                "intro": "Local actions for drug policies that put health first."}  # fmt: skip
    day = DayOfActionPage(slug=slug, **(defaults | fields))
    parent.add_child(instance=day)
    day.save_revision().publish()
    return day


def add_action(
    day: DayOfActionPage, *, status: str = ActionStatus.APPROVED, contact_email: str = "organiser@example.org", **fields
) -> LocalAction:
    """An action recorded as the public form would, then taken to `status` through the services."""
    action = LocalAction(
        day=day, **(ACTION_FIELDS | {"language": "en"} | fields), contact_name="Ana", contact_email=contact_email,
        secret=f"secret-{LocalAction.objects.count()}",
    )  # fmt: skip
    action.full_clean()
    action.save()
    if status == ActionStatus.PENDING_CONFIRMATION:
        return action
    LocalAction.objects.filter(pk=action.pk).update(status=ActionStatus.AWAITING_MODERATION)
    if status == ActionStatus.APPROVED:
        services.approve_local_action(action_id=action.pk, user=None)
    elif status == ActionStatus.REJECTED:
        services.reject_local_action(action_id=action.pk, user=None, reason="Not part of the day of action")
    action.refresh_from_db()
    return action


def past_day(*, parent: Page, **fields: Any) -> DayOfActionPage:
    """A day of action that has taken place: registration closed, photos welcome."""
    return create_day(parent=parent, day=date(2026, 6, 26), slug="day-of-action-past", **fields)


def image_upload(
    *, name: str = "photo.jpg", image_format: str = "JPEG", size: tuple[int, int] = (64, 48), **save_options: Any
) -> SimpleUploadedFile:
    image = Image.new("RGB", size, (200, 30, 30))
    output = io.BytesIO()
    image.save(output, format=image_format, **save_options)
    return SimpleUploadedFile(name, output.getvalue(), content_type=f"image/{image_format.lower()}")
