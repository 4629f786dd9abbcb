"""Local actions: registering, confirming, editing through the private link, moderating, and the report's photos."""

from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from stoptheharm.core.photos import clean_photo
from stoptheharm.core.text import normalise_email
from stoptheharm.core.tokens import InvalidToken, new_secret, secrets_match
from stoptheharm.localactions import limits
from stoptheharm.localactions.consents import consent_record
from stoptheharm.localactions.emails import ActionEmail
from stoptheharm.localactions.models import (
    ActionPhoto,
    ActionStatus,
    DayOfActionPage,
    LocalAction,
    PhotoStatus,
)
from stoptheharm.localactions.tasks import send_action_email
from stoptheharm.localactions.tokens import read_confirmation_token
from stoptheharm.organisations.models import Organisation

APPROVE_LOG_ACTION = "stoptheharm.localactions.approve"
REJECT_LOG_ACTION = "stoptheharm.localactions.reject"
APPROVE_PHOTO_LOG_ACTION = "stoptheharm.localactions.approve_photo"
REMOVE_PHOTO_LOG_ACTION = "stoptheharm.localactions.remove_photo"

# What the public sees of an action and a moderator has checked: changing any of it on an approved
# action sends it back to moderation (off the public page until approved again). Times, kind,
# languages and the expected number of participants can change without a new look.
REVIEWED_FIELDS = frozenset(
    {"organisation_name", "title", "description", "venue", "city", "country", "latitude", "longitude", "public_contact"}
)
EDITABLE_FIELDS = (*sorted(REVIEWED_FIELDS), "kind", "starts_at", "ends_at", "expected_participants", "languages")


class RegistrationClosed(Exception):
    """The day of action does not take registrations now."""


class NotAwaitingModeration(Exception):
    """The action or photo is unconfirmed or already decided (by someone else, perhaps a moment ago)."""


class NotEditable(Exception):
    """A rejected action cannot be changed; the organiser may register a new one."""


class PhotosNotOpen(Exception):
    """Photos are for approved actions, from the day of action on."""


class TooManyPhotos(Exception):
    """The action has as many photos as LOCAL_ACTION_PHOTOS_PER_ACTION allows."""


def register_local_action(
    *, day: DayOfActionPage, language: str, ip_address: str, contact_email: str, **fields: Any
) -> None:
    """Record a local action waiting for its organiser's confirmation, and e-mail them the links.

    Returns nothing on purpose: the organiser sees the same page whatever happened. Over the limits
    nothing is stored or sent.
    """
    day = day.canonical
    if not day.is_open_for_registration:
        raise RegistrationClosed(day.pk)
    address = normalise_email(contact_email)
    ip_hash = limits.address_hash(ip_address)
    if limits.is_over_registration_limits(ip_hash=ip_hash, email=address):
        return
    action = LocalAction(
        day=day,
        **fields,
        contact_email=address,
        language=language,
        consents=consent_record(),
        secret=new_secret(),
        ip_hash=ip_hash,
    )
    action.full_clean()
    action.save()
    _email_organiser(action, ActionEmail.CONFIRM)


@transaction.atomic
def confirm_local_action(*, token: str) -> LocalAction:
    """The organiser confirms: the action goes to the moderators. Confirming again changes nothing."""
    action_id, secret = read_confirmation_token(token)
    action = LocalAction.objects.select_for_update().filter(pk=action_id).first()
    if action is None or not action.secret or not secrets_match(secret, action.secret):
        raise InvalidToken
    if action.status == ActionStatus.PENDING_CONFIRMATION:
        action.status = ActionStatus.AWAITING_MODERATION
        action.confirmed_at = timezone.now()
        action.save(update_fields=["status", "confirmed_at", "updated_at"])
    return action


@transaction.atomic
def edit_local_action(*, action: LocalAction, **fields: Any) -> LocalAction:
    """Change an action through the organiser's private link; see REVIEWED_FIELDS for what needs a new look."""
    action = LocalAction.objects.select_for_update().get(pk=action.pk)
    if action.status == ActionStatus.REJECTED:
        raise NotEditable(action.pk)
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not editable by the organiser: {', '.join(sorted(unknown))}")
    changed = {name for name, value in fields.items() if getattr(action, name) != value}
    for name in changed:
        setattr(action, name, fields[name])
    if action.status == ActionStatus.APPROVED and changed & REVIEWED_FIELDS:
        action.status = ActionStatus.AWAITING_MODERATION
        action.decided_at = None
        action.decided_by = None
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def approve_local_action(
    *, action_id: int, user: AbstractBaseUser | None, organisation: Organisation | None = None
) -> LocalAction:
    """Put the action on the public page (linked to a directory organisation if given); logged and e-mailed."""
    action = _lock_awaiting(action_id)
    action.organisation = organisation
    _decide(action, ActionStatus.APPROVED, user, "organisation")
    data = {"organisation": organisation.pk if organisation else None}
    log(instance=action, action=APPROVE_LOG_ACTION, user=user, data=data)
    return action


@transaction.atomic
def reject_local_action(*, action_id: int, user: AbstractBaseUser | None, reason: str) -> LocalAction:
    """Keep the action off the public page, with a reason sent to the organiser; logged.

    Its photos (an approved action edited, then rejected) are deleted with their files: a rejected
    action is never shown again, so neither are they.
    """
    if not reason.strip():
        raise ValidationError({"rejection_reason": _("Give the reason: it is sent to the organiser.")})
    action = _lock_awaiting(action_id)
    action.rejection_reason = reason.strip()
    _decide(action, ActionStatus.REJECTED, user, "rejection_reason")
    photos_deleted = action.photos.all().delete()[0]  # receivers.py deletes the files after commit
    data = {"reason": action.rejection_reason, "photos_deleted": photos_deleted}
    log(instance=action, action=REJECT_LOG_ACTION, user=user, data=data)
    return action


def _lock_awaiting(action_id: int) -> LocalAction:
    action = LocalAction.objects.select_for_update().get(pk=action_id)
    if action.status != ActionStatus.AWAITING_MODERATION:
        raise NotAwaitingModeration(action.pk)
    return action


def _decide(action: LocalAction, status: str, user: AbstractBaseUser | None, *fields: str) -> None:
    action.status = status
    action.decided_by = user if user is not None and user.is_authenticated else None
    action.decided_at = timezone.now()
    action.save(update_fields=["status", "decided_by", "decided_at", "updated_at", *fields])
    _email_organiser(action, ActionEmail.APPROVED if status == ActionStatus.APPROVED else ActionEmail.REJECTED)


def _email_organiser(action: LocalAction, kind: str) -> None:
    action_id = action.pk
    transaction.on_commit(lambda: send_action_email.enqueue(action_id=action_id, kind=kind))


@transaction.atomic
def add_action_photo(*, action: LocalAction, upload: UploadedFile, alt_text: str, caption: str = "") -> ActionPhoto:
    """Store a photo for the day's report, re-encoded without metadata; it waits for a moderator.

    Raises ValidationError (on the `image` field) for a file that is not a photo, too large or too big.
    """
    action = LocalAction.objects.select_for_update().select_related("day").get(pk=action.pk)
    if not can_add_photos(action):
        raise PhotosNotOpen(action.pk)
    if action.photos.count() >= settings.LOCAL_ACTION_PHOTOS_PER_ACTION:
        raise TooManyPhotos(action.pk)
    try:
        photo_file = clean_photo(
            upload,
            max_bytes=settings.LOCAL_ACTION_PHOTO_MAX_BYTES,
            max_pixels=settings.LOCAL_ACTION_PHOTO_MAX_PIXELS,
        )
    except ValidationError as error:
        raise ValidationError({"image": error.error_list}) from error
    photo = ActionPhoto(action=action, alt_text=alt_text.strip(), caption=caption.strip())
    photo.image.save(photo_file.content.name, photo_file.content, save=False)
    try:
        photo.full_clean()
    except ValidationError:
        photo.image.delete(save=False)
        raise
    photo.save()
    return photo


def can_add_photos(action: LocalAction) -> bool:
    return action.status == ActionStatus.APPROVED and timezone.localdate() >= action.day.day


@transaction.atomic
def approve_photo(*, photo_id: int, user: AbstractBaseUser | None) -> ActionPhoto:
    """Show the photo in the day's public report, and let its URL answer (while its action is approved); logged."""
    photo = _decide_photo(photo_id, PhotoStatus.APPROVED, user)
    log(instance=photo, action=APPROVE_PHOTO_LOG_ACTION, user=user, data={"action": photo.action_id})
    return photo


@transaction.atomic
def remove_photo(*, photo_id: int, user: AbstractBaseUser | None) -> None:
    """Delete a photo, file included, before or after approval (it may show someone who did not agree); logged.

    The file goes once the deletion commits (receivers.py); the photo's URL answers 404 at once.
    """
    photo = ActionPhoto.objects.select_for_update().get(pk=photo_id)
    log(instance=photo, action=REMOVE_PHOTO_LOG_ACTION, user=user, data={"action": photo.action_id})
    photo.delete()


def _decide_photo(photo_id: int, status: str, user: AbstractBaseUser | None) -> ActionPhoto:
    photo = ActionPhoto.objects.select_for_update().get(pk=photo_id)
    if photo.status != PhotoStatus.AWAITING_MODERATION:
        raise NotAwaitingModeration(photo.pk)
    photo.status = status
    photo.decided_by = user if user is not None and user.is_authenticated else None
    photo.decided_at = timezone.now()
    photo.save(update_fields=["status", "decided_by", "decided_at"])
    return photo
