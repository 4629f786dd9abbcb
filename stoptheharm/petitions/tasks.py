from django.tasks import task

from stoptheharm.petitions.counting import fold_signature_counts
from stoptheharm.petitions.mailing import deliver_due_emails


@task()
def send_due_emails() -> None:
    """Send the e-mails waiting on signatures (confirmation links, "you already signed")."""
    deliver_due_emails()


@task()
def fold_counts() -> None:
    """Fold the journal of count changes into the per-country counts."""
    fold_signature_counts()
