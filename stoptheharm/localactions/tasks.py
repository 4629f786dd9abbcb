from django.tasks import task

from stoptheharm.localactions.emails import action_email
from stoptheharm.localactions.models import LocalAction


@task()
def send_action_email(action_id: int, kind: str) -> None:
    """E-mail a local action's organiser (confirmation link, decision), unless the contact was erased meanwhile."""
    action = LocalAction.objects.select_related("day").filter(pk=action_id, contact_erased_at__isnull=True).first()
    if action is not None and action.contact_email:
        action_email(action, kind).send()
