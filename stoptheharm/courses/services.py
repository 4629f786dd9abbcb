"""Keeping a learner's progress with a private link (decision 0014): asking for it, opening it, forgetting it."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from stoptheharm.core.text import normalise_email
from stoptheharm.core.tokens import InvalidToken, new_secret, secrets_match
from stoptheharm.courses import limits
from stoptheharm.courses.models import CoursePage, Learner
from stoptheharm.courses.selectors import lesson_keys
from stoptheharm.courses.tasks import send_progress_link
from stoptheharm.courses.tokens import read_learner_token


class ProgressLinkEmail:
    NEW = "new"  # a new or still unconfirmed request: open the link to start keeping progress
    KNOWN = "known"  # the address keeps its progress already: the same link again, nothing changed


def request_progress_link(
    *, course: CoursePage, email: str, completed: list[str], language: str, ip_address: str
) -> None:
    """E-mail the private link for a course to an address; it is kept only once the link is opened.

    Returns nothing on purpose: whether the address keeps progress is never told to the caller. A new
    or unconfirmed request stores the lessons sent (added to those it had); a confirmed learner's
    progress is left as it is (the link merges the browser's progress when opened). Over the limits
    nothing is stored or sent. Raises ValidationError for lessons not in the course.
    """
    address = normalise_email(email)
    if limits.is_over_progress_link_limits(ip_address=ip_address, email=address):
        return
    course = course.canonical
    try:
        with transaction.atomic():
            _store_request(course, address, completed, language)
    except IntegrityError:  # the same request twice at once: the other one stored it and sends the e-mail
        return


def _store_request(course: CoursePage, address: str, completed: list[str], language: str) -> None:
    learner = Learner.objects.select_for_update().filter(course=course, email=address).first()
    if learner is not None and learner.is_confirmed:
        _email_learner(learner, ProgressLinkEmail.KNOWN)
        return
    if learner is None:
        learner = Learner(course=course, email=address, secret=new_secret())
    learner.completed = sorted(set(learner.completed) | set(completed))
    learner.language = language
    learner.full_clean()
    learner.save()
    _email_learner(learner, ProgressLinkEmail.NEW)


def learner_from_token(token: str) -> Learner:
    """The learner a private link belongs to (nothing is changed); InvalidToken if altered or gone."""
    learner_id, secret = read_learner_token(token)
    learner = Learner.objects.select_related("course").filter(pk=learner_id).first()
    if learner is None or not secrets_match(secret, learner.secret):
        raise InvalidToken
    return learner


@transaction.atomic
def open_progress(*, token: str, completed: list[str]) -> Learner:
    """The learner opens their link: confirmed if new, the browser's lessons added to those kept (a union).

    Lessons no longer in the course are dropped from what is kept; raises ValidationError for lessons
    sent that are not in the course, InvalidToken for a link altered or gone.
    """
    learner = learner_from_token(token)
    learner = Learner.objects.select_for_update().select_related("course").get(pk=learner.pk)
    now = timezone.now()
    keys = lesson_keys(learner.course)
    learner.completed = sorted((set(learner.completed) & keys) | set(completed))
    learner.confirmed_at = learner.confirmed_at or now
    learner.last_used_at = now
    learner.full_clean()
    learner.save(update_fields=["completed", "confirmed_at", "last_used_at"])
    return learner


def forget_learner(*, token: str) -> None:
    """Delete the learner the link belongs to; a learner already gone is no error. InvalidToken if altered."""
    learner_id, secret = read_learner_token(token)
    learner = Learner.objects.filter(pk=learner_id).first()
    if learner is not None and secrets_match(secret, learner.secret):
        learner.delete()


def _email_learner(learner: Learner, kind: str) -> None:
    learner_id = learner.pk
    transaction.on_commit(lambda: send_progress_link.enqueue(learner_id=learner_id, kind=kind))
