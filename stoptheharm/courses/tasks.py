from django.tasks import task

from stoptheharm.courses.emails import send_progress_link_email


@task()
def send_progress_link(*, learner_id: int, kind: str) -> None:
    """E-mail a learner their private link: to start keeping their progress, or again."""
    send_progress_link_email(learner_id=learner_id, kind=kind)
