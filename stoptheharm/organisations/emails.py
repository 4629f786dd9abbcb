"""E-mails to an applicant's contact: plain text and HTML, in the contact's language, no tracking of any kind."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from stoptheharm.organisations import tokens
from stoptheharm.organisations.models import OrganisationApplication


class ApplicationEmail:
    CONFIRM = "confirm"
    APPROVED = "approved"
    REJECTED = "rejected"


SUBJECTS = {
    ApplicationEmail.CONFIRM: lambda: _("Please confirm your application to join Stop the Harm: %(name)s"),
    ApplicationEmail.APPROVED: lambda: _("Welcome to the coalition: %(name)s"),
    ApplicationEmail.REJECTED: lambda: _("Your application to join Stop the Harm: %(name)s"),
}


def application_email(application: OrganisationApplication, kind: str) -> EmailMultiAlternatives:
    """The e-mail of the given kind (ApplicationEmail) to the application's contact."""
    with translation.override(application.language):
        token = tokens.confirmation_token(application.pk, application.secret)
        context = {
            "application": application,
            "kind": kind,
            "confirm_url": settings.SITE_URL + reverse("organisations:join-confirm", kwargs={"token": token}),
            "directory_url": settings.SITE_URL + reverse("organisations:directory"),
        }
        message = EmailMultiAlternatives(
            subject=SUBJECTS[kind]() % {"name": application.name},
            body=render_to_string("organisations/emails/application.txt", context),
            to=[application.contact_email],
        )
        message.attach_alternative(render_to_string("organisations/emails/application.html", context), "text/html")
    return message
