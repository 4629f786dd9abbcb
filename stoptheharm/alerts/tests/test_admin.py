import pytest
from django.contrib.auth.models import Group, Permission

from stoptheharm.alerts.models import Alert, AlertStatus
from stoptheharm.alerts.tests.factories import add_alert, jpeg_with_gps
from stoptheharm.organisations.tests.factories import add_organisation

QUEUE_URL = "/admin/alerts/review/"


def decide_url(alert) -> str:
    return f"/admin/alerts/{alert.pk}/decide/"


@pytest.mark.django_db
def test_a_reviewer_publishes_and_rejects_from_the_queue(admin_client, admin_user, django_capture_on_commit_callbacks):
    to_publish = add_alert(published=False)
    to_reject = add_alert(published=False, service=to_publish.service, sold_as="<b>Pill</b>")
    queue = admin_client.get(QUEUE_URL).content.decode()
    assert "Ecstasy pill" in queue and "&lt;b&gt;Pill&lt;/b&gt;" in queue

    with django_capture_on_commit_callbacks(execute=True):
        published = admin_client.post(decide_url(to_publish), {"decision": "publish"}, follow=True)
    assert "its subscribers are being e-mailed" in published.content.decode()
    refused = admin_client.post(decide_url(to_reject), {"decision": "reject", "reason": ""}, follow=True)
    assert "Give the reason" in refused.content.decode()
    admin_client.post(decide_url(to_reject), {"decision": "reject", "reason": "Not confirmed by the lab."})

    to_publish.refresh_from_db()
    to_reject.refresh_from_db()
    assert to_publish.status == AlertStatus.PUBLISHED and to_publish.decided_by == admin_user
    assert to_reject.status == AlertStatus.REJECTED
    again = admin_client.post(decide_url(to_publish), {"decision": "publish"}, follow=True)
    assert "no longer awaiting review" in again.content.decode()
    assert "No early warning is waiting for review." in admin_client.get(QUEUE_URL).content.decode()


@pytest.mark.django_db
def test_editors_who_may_write_alerts_may_not_publish_them(client, django_user_model):
    alert = add_alert(published=False)
    writers = Group.objects.create(name="Drug-checking services")
    writers.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="alerts", codename__in=["add_alert", "change_alert"]),
    )
    writer = django_user_model.objects.create_user(username="writer", password="x" * 20)
    writer.groups.add(writers)
    client.force_login(writer)
    assert client.get("/admin/snippets/alerts/alert/").status_code == 200
    for refused in (client.get(QUEUE_URL), client.post(decide_url(alert), {"decision": "publish"})):
        assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's "permission denied"
    assert Alert.objects.get().status == AlertStatus.SUBMITTED


@pytest.mark.django_db
def test_an_alert_written_in_the_admin_awaits_review_and_its_photo_loses_its_metadata(admin_client):
    service = add_organisation("Checkpoint Lyon", kind="service_provider")
    data = {
        "sold_as": "Ecstasy pill, green, 'Rolex' logo",
        "findings-TOTAL_FORMS": "1",
        "findings-INITIAL_FORMS": "0",
        "findings-MIN_NUM_FORMS": "1",
        "findings-MAX_NUM_FORMS": "1000",
        "findings-0-substance": "MDMA",
        "findings-0-amount": "250 mg",
        "findings-0-ORDER": "1",
        "findings-0-id": "",
        "findings-0-DELETE": "",
        "country": "FR",
        "place": "Paris",
        "sampled_on": "2026-11-20",
        "severity": "warning",
        "advice": "A very strong dose: take a quarter, wait two hours.",
        "service": str(service.pk),
        "photo": jpeg_with_gps(),
        "photo_description": "A green pill",
        "language": "en",
    }
    response = admin_client.post("/admin/snippets/alerts/alert/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    alert = Alert.objects.get()
    assert alert.status == AlertStatus.SUBMITTED and alert.found == "MDMA (250 mg)"
    with alert.photo.open("rb") as photo:
        stored = photo.read()
    assert b"Camera maker" not in stored and b"Ana's phone" not in stored and "IMG_0042" not in alert.photo.name
    assert alert.revisions.count() == 1
    assert admin_client.get(f"/admin/snippets/alerts/alert/copy/{alert.pk}/").status_code == 404  # no way round review
