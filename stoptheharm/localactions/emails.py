"""E-mails to an organiser: plain text and HTML, in the organiser's language, each with the private edit link."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from stoptheharm.localactions import tokens
from stoptheharm.localactions.models import LocalAction


class ActionEmail:
    CONFIRM = "confirm"
    APPROVED = "approved"
    REJECTED = "rejected"


SUBJECTS = {
    ActionEmail.CONFIRM: lambda: _("Please confirm your local action: %(title)s"),
    ActionEmail.APPROVED: lambda: _("Your local action is on the map: %(title)s"),
    ActionEmail.REJECTED: lambda: _("Your local action: %(title)s"),
}


def edit_url(action: LocalAction) -> str:
    token = tokens.edit_token(action.pk, action.secret)
    return settings.SITE_URL + reverse("localactions:edit", kwargs={"token": token})


def action_email(action: LocalAction, kind: str) -> EmailMultiAlternatives:
    """The e-mail of the given kind (ActionEmail) to the action's organiser."""
    with translation.override(action.language):
        confirm_token = tokens.confirmation_token(action.pk, action.secret)
        context = {
            "action": action,
            "kind": kind,
            "confirm_url": settings.SITE_URL + reverse("localactions:confirm", kwargs={"token": confirm_token}),
            "edit_url": edit_url(action),
            "page_url": action.day.localized.full_url or "",
        }
        message = EmailMultiAlternatives(
            subject=SUBJECTS[kind]() % {"title": action.title},
            body=render_to_string("localactions/emails/action.txt", context),
            to=[action.contact_email],
        )
        message.attach_alternative(render_to_string("localactions/emails/action.html", context), "text/html")
    return message
