from django.utils import timezone

from stoptheharm.core.tokens import new_secret
from stoptheharm.organisations.consents import consent_record
from stoptheharm.organisations.models import ApplicationStatus, Organisation, OrganisationApplication, OrganisationKind
from stoptheharm.organisations.services import create_organisation


def add_organisation(name: str = "Harm Reduction International", **fields) -> Organisation:
    """A stored, validated organisation with a private contact address, like those in the directory."""
    defaults = {"kind": OrganisationKind.NGO, "contact_email": "private-contact@example.org"}
    return create_organisation(name=name, **(defaults | fields))


APPLICATION = {
    "name": "Association Élixir",
    "short_name": "ELX",
    "kind": OrganisationKind.NGO,
    "scope": "national",
    "countries": ["FR"],
    "website": "https://elixir.example.org",
    "languages": "fr, en",
    "description": "Peer support for people who use drugs in Lyon.",
    "motivation": "We share the coalition's aims and want to sign its statements.",
    "contact_name": "Camille Martin",
    "contact_email": "Camille@Example.org",
}


def add_application(status: str = ApplicationStatus.AWAITING_MODERATION, **fields) -> OrganisationApplication:
    """A stored application, confirmed and awaiting moderation unless told otherwise."""
    values = APPLICATION | {"contact_email": "camille@example.org"} | fields
    application = OrganisationApplication(
        **values, language="en", consents=consent_record(), secret=new_secret(), status=status
    )
    if status != ApplicationStatus.PENDING_CONFIRMATION:
        application.confirmed_at = timezone.now()
    application.full_clean()
    application.save()
    return application
