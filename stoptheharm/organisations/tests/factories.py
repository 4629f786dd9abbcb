from stoptheharm.organisations.models import Organisation, OrganisationKind
from stoptheharm.organisations.services import create_organisation


def add_organisation(name: str = "Harm Reduction International", **fields) -> Organisation:
    """A stored, validated organisation with a private contact address, like those in the directory."""
    defaults = {"kind": OrganisationKind.NGO, "contact_email": "private-contact@example.org"}
    return create_organisation(name=name, **(defaults | fields))
