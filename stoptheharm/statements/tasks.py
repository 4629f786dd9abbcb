from django.tasks import task

from stoptheharm.statements.emails import send_confirmation_email


@task()
def send_endorsement_confirmation(*, kind: str, endorsement_id: int) -> None:
    """E-mail the confirmation link of a new endorsement (kind "o": an organisation's, "i": a person's)."""
    send_confirmation_email(kind=kind, endorsement_id=endorsement_id)
