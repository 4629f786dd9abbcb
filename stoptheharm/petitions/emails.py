"""E-mails to signers: plain text and HTML, in the signer's language, no tracking of any kind."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from stoptheharm.petitions import tokens
from stoptheharm.petitions.models import Signature


def signature_email(signature: Signature, kind: str) -> EmailMultiAlternatives:
    """The e-mail of the given kind ("confirm" or "already_signed") for this signature."""
    with translation.override(signature.language):
        context = {
            "signature": signature,
            "petition": signature.petition,
            "kind": kind,
            "confirm_url": _absolute("petitions:confirm", tokens.confirmation_token(signature.pk, signature.secret)),
            "manage_url": _absolute("petitions:manage", tokens.management_token(signature.pk, signature.secret)),
        }
        subject = (
            _("Please confirm your signature: %(title)s")
            if kind == "confirm"
            else _("You have already signed: %(title)s")
        ) % {"title": signature.petition.title}
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("petitions/emails/signature.txt", context),
            to=[signature.email],
        )
        message.attach_alternative(render_to_string("petitions/emails/signature.html", context), "text/html")
    return message


def _absolute(url_name: str, token: str) -> str:
    return settings.SITE_URL + reverse(url_name, kwargs={"token": token})
