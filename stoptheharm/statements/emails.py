"""E-mails to endorsers: plain text and HTML, in their language, no tracking of any kind."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from stoptheharm.statements import tokens
from stoptheharm.statements.models import Endorsement, EndorsementStatus, IndividualEndorsement


def send_confirmation_email(*, kind: str, endorsement_id: int) -> None:
    """Send the confirmation link, unless the endorsement is gone or no longer waits for it."""
    model = Endorsement if kind == tokens.ORGANISATION else IndividualEndorsement
    endorsement = model.objects.select_related("statement").filter(pk=endorsement_id).first()
    if endorsement is None or endorsement.status != EndorsementStatus.PENDING:
        return
    confirmation_email(kind, endorsement).send()


def confirmation_email(kind: str, endorsement: Endorsement | IndividualEndorsement) -> EmailMultiAlternatives:
    """The e-mail asking the contact (or the person) to confirm, in the language they used."""
    is_organisation = isinstance(endorsement, Endorsement)
    with translation.override(endorsement.language or settings.LANGUAGE_CODE):
        token = tokens.confirmation_token(kind, endorsement.pk, endorsement.secret)
        context = {
            "name": endorsement.contact_name if is_organisation else endorsement.name,
            "organisation": endorsement.organisation_name if is_organisation else "",
            "statement": endorsement.statement,
            "confirm_url": settings.SITE_URL + reverse("statements:confirm", kwargs={"token": token}),
        }
        subject = _("Please confirm your endorsement: %(title)s") % {"title": endorsement.statement.title}
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("statements/emails/confirm.txt", context),
            to=[endorsement.contact_email if is_organisation else endorsement.email],
        )
        message.attach_alternative(render_to_string("statements/emails/confirm.html", context), "text/html")
    return message
