from django.tasks import task

from stoptheharm.events.emails import send_email


@task()
def send_registration_email(*, kind: str, registration_id: int) -> None:
    """E-mail an attendee: the confirmation link, their link again, a freed place, or the reminder."""
    send_email(kind=kind, registration_id=registration_id)
