from django.utils import timezone
from wagtail.models import Page

from stoptheharm.petitions import services, tokens
from stoptheharm.petitions.models import PetitionPage, PetitionState, PetitionTarget, Signature, SignatureStatus


def create_petition(*, parent: Page, slug: str = "treat-drug-use-as-health", **fields) -> PetitionPage:
    """A published petition to the UN Secretary-General, open unless the fields say otherwise."""
    defaults = {
        "title": "Help treat drug use as a public health issue",
        "summary": "Ask the UN to back decriminalisation of drug possession for personal use.",
        "body": "<p>Punishment keeps people away from care.</p>",
        "state": PetitionState.OPEN,
    }
    petition = PetitionPage(slug=slug, **(defaults | fields))
    petition.targets = [
        PetitionTarget(name="Ban Ki-moon", role="Secretary-General", organisation="United Nations", sort_order=0),
        PetitionTarget(name="Khaled Shamaa", role="Chair of UNGASS 2016", sort_order=1),
    ]
    parent.add_child(instance=petition)
    petition.save_revision().publish()
    return petition


def closed_fields() -> dict:
    return {"state": PetitionState.CLOSED, "closes_at": timezone.now()}


def add_signature(
    petition: PetitionPage, email: str, *, name: str = "Amina Diallo", status: str = SignatureStatus.CONFIRMED, **fields
) -> Signature:
    """A stored signature. A confirmed one is confirmed through the service, so it counts as in life."""
    values = {"country": "PT", "language": "en", "consents": {"processing": {"version": "2026-11-22"}}}
    stored_status = SignatureStatus.PENDING if status == SignatureStatus.CONFIRMED else status
    signature = Signature.objects.create(
        petition=petition, name=name, email=email, status=stored_status, secret=tokens.new_secret(), **(values | fields)
    )
    if status == SignatureStatus.CONFIRMED:
        services.confirm_signature(token=tokens.confirmation_token(signature.pk, signature.secret))
        signature.refresh_from_db()
    return signature
