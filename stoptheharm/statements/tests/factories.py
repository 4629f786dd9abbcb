from wagtail.models import Page

from stoptheharm.organisations.models import Organisation
from stoptheharm.organisations.tests.factories import add_organisation
from stoptheharm.statements import services
from stoptheharm.statements.models import Endorsement, EndorsementStatus, IndividualEndorsement, StatementPage

BODY = [
    ("heading", "Why now"),
    ("paragraph", "<p>HIV is rising among people who inject drugs [1]. Overdose deaths keep growing [2].</p>"),
    ("paragraph", "<p>Funding covers a fraction of the need [1].</p>"),
]
REFERENCES = [
    ("reference", {"citation": "UNAIDS (2019), Health, rights and drugs", "url": "https://www.unaids.org/"}),
    ("reference", {"citation": "UNODC (2017), World Drug Report", "url": ""}),
]


def create_statement(*, parent: Page, slug: str = "porto-2019", **fields) -> StatementPage:
    """A published statement with two references, open for endorsement unless the fields say otherwise."""
    defaults = {
        "title": "Put people who use drugs at the centre of the response",
        "introduction": "Organisations call on governments to fund harm reduction.",
        "body": BODY,
        "references": REFERENCES,
        "event_name": "26th International Harm Reduction Conference, Porto",
    }
    statement = StatementPage(slug=slug, **(defaults | fields))
    parent.add_child(instance=statement)
    statement.save_revision().publish()
    return statement


def add_endorsement(
    statement: StatementPage,
    organisation: Organisation | str | None = None,
    *,
    status: str = EndorsementStatus.APPROVED,
    contact_email: str = "contact@example.org",
    **organisation_fields,
) -> Endorsement:
    """An endorsement taken through the services to `status`, as it would be in life."""
    if isinstance(organisation, str) or organisation is None:
        organisation = add_organisation(organisation or "Harm Reduction International", **organisation_fields)
    endorsement = services.record_endorsement(
        statement=statement,
        organisation=organisation,
        contact_name="Maria Santos",
        contact_email=contact_email,
        language="en",
        confirms_authority=True,
    )
    return _take_to(endorsement, status)


def add_individual(
    statement: StatementPage, name: str, *, country: str = "PT", status: str = EndorsementStatus.APPROVED, **fields
) -> IndividualEndorsement:
    values = {"email": f"{abs(hash(name))}@example.org", "affiliation": "", "language": "en"} | fields
    endorsement = services.record_individual_endorsement(statement=statement, name=name, country=country, **values)
    return _take_to(endorsement, status)


def _take_to(endorsement, status: str):
    if status != EndorsementStatus.PENDING:
        services.confirm_endorsement(endorsement=endorsement)
    approve, reject = (
        (services.approve_endorsement, services.reject_endorsement)
        if isinstance(endorsement, Endorsement)
        else (services.approve_individual_endorsement, services.reject_individual_endorsement)
    )
    if status == EndorsementStatus.APPROVED:
        approve(endorsement_id=endorsement.pk)
    elif status == EndorsementStatus.REJECTED:
        reject(endorsement_id=endorsement.pk, reason="Could not be verified")
    endorsement.refresh_from_db()
    return endorsement
