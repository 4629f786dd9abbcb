"""The e-mail with a learner's private link: plain text and HTML, in their language, no tracking."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from stoptheharm.courses.models import Learner
from stoptheharm.courses.retention import UNCONFIRMED_DAYS, UNUSED_MONTHS
from stoptheharm.courses.tokens import learner_token


def send_progress_link_email(*, learner_id: int, kind: str) -> None:
    """Unless the learner was deleted meanwhile (forgotten, or never confirmed)."""
    learner = Learner.objects.select_related("course").filter(pk=learner_id).first()
    if learner is not None:
        progress_link_email(learner, kind).send()


def progress_link_email(learner: Learner, kind: str) -> EmailMultiAlternatives:
    """`kind` is services.ProgressLinkEmail: NEW (open the link to start) or KNOWN (already kept; the link again)."""
    with translation.override(learner.language):
        course = learner.course.localized
        context = {
            "kind": kind,
            "course": course,
            "language": learner.language,
            "link": settings.SITE_URL
            + reverse("courses:progress", kwargs={"token": learner_token(learner.pk, learner.secret)}),
            "unconfirmed_days": UNCONFIRMED_DAYS,
            "unused_months": UNUSED_MONTHS,
        }
        subject = _("Your private link to keep your progress: %(title)s") % {"title": course.title}
        message = EmailMultiAlternatives(
            subject=" ".join(subject.split()),
            body=render_to_string("courses/emails/progress_link.txt", context),
            to=[learner.email],
        )
        message.attach_alternative(render_to_string("courses/emails/progress_link.html", context), "text/html")
        return message
