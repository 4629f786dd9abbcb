import email.policy
import io
import re
import time
from datetime import timedelta
from email import message_from_bytes

import pytest
from django.core import signing
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from stoptheharm.alerts import services, tokens
from stoptheharm.alerts.forms import STARTED_SALT
from stoptheharm.alerts.models import AlertSubscription, SubscriptionStatus
from stoptheharm.alerts.retention import delete_unconfirmed_subscriptions
from stoptheharm.alerts.tests.factories import add_alert, add_subscription

SUBSCRIBE_URL = "/en/alerts/subscribe/"


def form_data(**fields) -> dict:
    data = {
        "email": "Reader@Example.org",
        "countries": ["FR", "BE"],
        "language": "en",
        "started": signing.dumps(time.time() - 60, salt=STARTED_SALT),  # shown a minute ago
    }
    return {name: value for name, value in (data | fields).items() if value is not None}


def parsed(content: bytes):
    message = message_from_bytes(content, policy=email.policy.SMTP)
    text, html = (part.get_content() for part in message.iter_parts())
    return message, text, html


def link(text: str, path: str) -> str:
    return re.search(rf"https?://[^/\s]+(/en/alerts/{path}/\S+/)", text).group(1)


@pytest.mark.django_db
def test_a_reader_subscribes_confirms_gets_an_alert_and_unsubscribes_in_one_click_without_cookies(
    client, admin_user, smtp_inbox, django_capture_on_commit_callbacks
):
    assert "Get early warnings by e-mail" in client.get(SUBSCRIBE_URL).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SUBSCRIBE_URL, form_data())
    assert response["Location"] == "/en/alerts/subscribe/thank-you/"
    assert "Check your e-mail" in client.get(response["Location"]).content.decode()

    [(_sender, recipients, content)] = smtp_inbox.messages
    assert recipients == ["reader@example.org"]
    message, text, html = parsed(content)
    assert "List-Unsubscribe" not in message  # nothing to leave yet
    assert "France" in text and "Belgium" in text and "<img" not in html
    confirm_path = link(text, "subscribe/confirm")
    assert confirm_path in html
    assert "Confirm the subscription" in client.get(confirm_path).content.decode()
    assert AlertSubscription.objects.get().status == SubscriptionStatus.PENDING_CONFIRMATION  # a GET changes nothing
    assert "Subscription confirmed" in client.post(confirm_path).content.decode()
    assert client.post(confirm_path).status_code == 200  # twice is harmless

    alert = add_alert(published=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_alert(alert=alert, user=admin_user)
    message, text, html = parsed(smtp_inbox.messages[-1][2])
    assert smtp_inbox.messages[-1][1] == ["reader@example.org"]
    assert "PMMA" in text and alert.sold_as in message["Subject"]
    unsubscribe_url = message["List-Unsubscribe"].strip("<>")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_url.split("8000", 1)[-1] in text and unsubscribe_url.split("8000", 1)[-1] in html

    mail_program = Client(enforce_csrf_checks=True)  # no cookie, no CSRF token: the signed link is the credential
    one_click = mail_program.post(
        unsubscribe_url.split("8000", 1)[-1],
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert one_click.status_code == 200 and not one_click.cookies
    assert not AlertSubscription.objects.exists()
    assert mail_program.post(unsubscribe_url.split("8000", 1)[-1]).status_code == 200  # again: nothing to do

    sent = len(smtp_inbox.messages)
    second = add_alert(published=False, sold_as="Ketamine powder")
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_alert(alert=second, user=admin_user)
    assert len(smtp_inbox.messages) == sent


@pytest.mark.django_db
def test_a_known_address_sees_the_same_page_and_its_e_mail_says_it_is_subscribed(
    client, smtp_inbox, django_capture_on_commit_callbacks
):
    add_subscription("reader@example.org", countries=["DE"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SUBSCRIBE_URL, form_data())
    assert response["Location"] == "/en/alerts/subscribe/thank-you/"
    [(_sender, _recipients, content)] = smtp_inbox.messages
    message, text, _html = parsed(content)
    assert "already subscribed" in text and "Germany" in text
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert list(AlertSubscription.objects.get().countries) == ["DE"]  # nothing changed


@pytest.mark.django_db
def test_an_unconfirmed_request_again_replaces_its_choices_and_sends_the_link_again(django_capture_on_commit_callbacks):
    services.subscribe(email="reader@example.org", countries=["FR"], language="en", ip_address="192.0.2.1")
    services.subscribe(email="READER@example.org ", countries=[], language="pt", ip_address="192.0.2.1")
    subscription = AlertSubscription.objects.get()
    assert subscription.is_for_every_country and subscription.language == "pt"


@pytest.mark.django_db
def test_form_errors_are_shown_beside_the_fields_and_keep_what_was_typed(client):
    none_chosen = client.post(SUBSCRIBE_URL, form_data(countries=None, email="reader@"))
    html = none_chosen.content.decode()
    assert none_chosen.status_code == 200
    assert "Choose at least one country, or every country." in html
    assert "Enter a valid email address." in html and 'value="reader@"' in html
    both = client.post(SUBSCRIBE_URL, form_data(every_country="on"))
    assert "Choose either every country or some countries, not both." in both.content.decode()
    assert 'value="FR" selected' in both.content.decode()
    unknown = client.post(SUBSCRIBE_URL, form_data(countries=["XX"]))
    assert "Select a valid choice." in unknown.content.decode()
    assert not AlertSubscription.objects.exists()


@pytest.mark.django_db
def test_bots_and_floods_get_the_same_page_and_nothing_is_stored_or_sent(client, settings, mailoutbox):
    settings.ALERT_SUBSCRIPTION_LIMITS = settings.ALERT_SUBSCRIPTION_LIMITS | {"per_email": 2}
    honeypot = client.post(SUBSCRIBE_URL, form_data(homepage="http://spam.example"))
    too_fast = client.post(SUBSCRIBE_URL, form_data(started=signing.dumps(time.time(), salt=STARTED_SALT)))
    assert honeypot["Location"] == too_fast["Location"] == "/en/alerts/subscribe/thank-you/"
    assert not AlertSubscription.objects.exists()
    for _attempt in range(3):
        assert client.post(SUBSCRIBE_URL, form_data())["Location"] == "/en/alerts/subscribe/thank-you/"
    assert AlertSubscription.objects.count() == 1


@pytest.mark.django_db
def test_a_form_sent_from_another_site_is_refused(client):
    response = client.post(SUBSCRIBE_URL, form_data(), headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    assert not AlertSubscription.objects.exists()


@pytest.mark.django_db
def test_altered_and_expired_links_do_nothing(client):
    subscription = add_subscription(confirmed=False)
    token = tokens.confirmation_token(subscription.pk, subscription.secret)
    assert client.post(f"/en/alerts/subscribe/confirm/{token}x/").status_code == 404
    assert client.post(f"/en/alerts/unsubscribe/{token}/").status_code == 404  # a confirm link cannot unsubscribe
    forged = tokens.unsubscribe_token(subscription.pk, "not-the-secret")
    assert client.post(f"/en/alerts/unsubscribe/{forged}/").status_code == 200
    assert AlertSubscription.objects.filter(pk=subscription.pk).exists()


@pytest.mark.django_db
def test_unconfirmed_subscriptions_are_deleted_after_seven_days_by_manage_py_apply_retention():
    old = add_subscription("old@example.org", confirmed=False)
    recent = add_subscription("recent@example.org", confirmed=False)
    confirmed = add_subscription("confirmed@example.org")
    AlertSubscription.objects.filter(pk__in=[old.pk, confirmed.pk]).update(
        created_at=timezone.now() - timedelta(days=8)
    )
    output = io.StringIO()
    call_command("apply_retention", stdout=output)
    assert "Early warnings: deleted 1 unconfirmed subscription(s)." in output.getvalue()
    assert delete_unconfirmed_subscriptions() == 0  # again: nothing more to do
    assert set(AlertSubscription.objects.values_list("pk", flat=True)) == {recent.pk, confirmed.pk}
