from django.tasks import task

from stoptheharm.petitions.counting import fold_signature_counts
from stoptheharm.petitions.emails import signature_email
from stoptheharm.petitions.models import Signature


@task()
def send_signature_email(*, signature_id: int, kind: str) -> None:
    """Send a signer the confirmation (or "you already signed") e-mail."""
    signature = Signature.objects.select_related("petition").filter(pk=signature_id).first()
    if signature is None:  # erased before the worker got to it
        return
    signature_email(signature, kind).send()


@task()
def fold_counts() -> None:
    """Fold the journal of count changes into the per-country counts."""
    fold_signature_counts()
