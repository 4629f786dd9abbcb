import email.policy
import io
from email import message_from_bytes

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.models import ModelLogEntry

from stoptheharm.alerts import services
from stoptheharm.alerts.mailing import send_alert_to_subscribers
from stoptheharm.alerts.models import Alert, AlertDelivery, AlertStatus
from stoptheharm.alerts.tests.factories import ALERT, add_alert, add_subscription, jpeg_with_gps
from stoptheharm.organisations.tests.factories import add_organisation


@pytest.fixture
def service(db):
    return add_organisation("Checkpoint Lyon", kind="service_provider")


@pytest.mark.django_db
def test_a_submitted_alert_waits_for_review_with_its_findings_and_hostile_text_stored_as_typed(service):
    alert = add_alert(published=False, service=service, sold_as="<script>alert(1)</script> pill")
    assert alert.status == AlertStatus.SUBMITTED and alert.published_at is None
    assert alert.sold_as == "<script>alert(1)</script> pill"
    assert alert.found == "PMMA (40 mg), MDMA (traces)"
    assert not Alert.objects.published().exists()


@pytest.mark.django_db
def test_an_alert_needs_a_finding_and_visible_characters(service):
    with pytest.raises(ValidationError) as missing:
        add_alert(published=False, service=service, findings=[])
    assert "findings" in missing.value.message_dict
    with pytest.raises(ValidationError) as hidden:
        add_alert(published=False, service=service, sold_as="pill\u202e")
    assert "sold_as" in hidden.value.message_dict
    assert not Alert.objects.exists()


@pytest.mark.django_db
def test_the_photo_is_stored_re_encoded_without_location_or_camera_data(service):
    alert = add_alert(published=False, service=service, photo=jpeg_with_gps(), photo_description="A blue pill")
    with alert.photo.open("rb") as photo:
        stored = photo.read()
    assert alert.photo.name.startswith("alerts/") and "IMG_0042" not in alert.photo.name
    assert (alert.photo_width, alert.photo_height) == (40, 30)
    assert b"Camera maker" not in stored and b"Ana's phone" not in stored
    assert not Image.open(io.BytesIO(stored)).getexif()


@pytest.mark.django_db
def test_a_file_that_is_not_a_photo_is_refused_on_the_photo_field(service):
    upload = SimpleUploadedFile("pill.jpg", b"<svg onload=alert(1)>", content_type="image/jpeg")
    with pytest.raises(ValidationError) as refused:
        add_alert(published=False, service=service, photo=upload)
    assert "photo" in refused.value.message_dict


@pytest.mark.django_db
def test_publishing_records_who_and_when_logs_it_and_cannot_happen_twice(service, admin_user):
    alert = add_alert(published=False, service=service)
    services.publish_alert(alert=alert, user=admin_user)
    alert.refresh_from_db()
    assert alert.status == AlertStatus.PUBLISHED
    assert alert.decided_by == admin_user and alert.published_at == alert.decided_at
    assert ModelLogEntry.objects.filter(action=services.PUBLISH_LOG_ACTION, object_id=str(alert.pk)).exists()
    with pytest.raises(services.AlertNotAwaitingReview):
        services.publish_alert(alert=alert, user=admin_user)
    with pytest.raises(services.AlertNotAwaitingReview):
        services.reject_alert(alert=alert, user=admin_user, reason="Too late")


@pytest.mark.django_db
def test_rejecting_needs_a_reason_and_keeps_the_alert_private(service, admin_user):
    alert = add_alert(published=False, service=service)
    with pytest.raises(ValidationError):
        services.reject_alert(alert=alert, user=admin_user, reason="  ")
    services.reject_alert(alert=alert, user=admin_user, reason="The lab result is not confirmed yet.")
    alert.refresh_from_db()
    assert alert.status == AlertStatus.REJECTED and alert.rejection_reason == "The lab result is not confirmed yet."
    assert not Alert.objects.published().exists()


@pytest.mark.django_db
def test_publishing_e_mails_the_country_and_every_country_subscribers_once_each_through_smtp(
    service, admin_user, smtp_inbox, django_capture_on_commit_callbacks
):
    add_subscription("france@example.org", countries=["FR", "BE"], language="fr")
    add_subscription("everywhere@example.org")
    add_subscription("germany@example.org", countries=["DE"])
    add_subscription("unconfirmed@example.org", countries=["FR"], confirmed=False)
    alert = add_alert(published=False, service=service)

    with django_capture_on_commit_callbacks(execute=True):
        services.publish_alert(alert=alert, user=admin_user)
    assert send_alert_to_subscribers(alert_id=alert.pk) == 0  # a second run sends nothing again

    recipients = sorted(recipient for _sender, [recipient], _content in smtp_inbox.messages)
    assert recipients == ["everywhere@example.org", "france@example.org"]
    assert AlertDelivery.objects.filter(alert=alert).count() == 2
    by_recipient = {recipient: content for _sender, [recipient], content in smtp_inbox.messages}
    message = message_from_bytes(by_recipient["france@example.org"], policy=email.policy.SMTP)
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].startswith("<http") and "/alerts/unsubscribe/" in message["List-Unsubscribe"]
    text, html = (part.get_content() for part in message.iter_parts())
    assert "Ce qui a été trouvé" in text and "What was found" not in text  # the subscriber's language
    assert ALERT["advice"] in text  # the alert's own words, as written
    assert "<img" not in html and "PMMA" in html
