from django.tasks import task

from stoptheharm.organisations.emails import application_email
from stoptheharm.organisations.models import OrganisationApplication


@task()
def send_application_email(application_id: int, kind: str) -> None:
    """E-mail an application's contact (confirmation link, decision), unless the contact was erased meanwhile."""
    application = OrganisationApplication.objects.filter(pk=application_id, contact_erased_at__isnull=True).first()
    if application is not None and application.contact_email:
        application_email(application, kind).send()
