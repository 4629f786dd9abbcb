"""Registering, confirming and editing a local action through the public pages, with e-mails over real SMTP."""

import re
import time
from datetime import timedelta
from email import message_from_bytes

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import MultiWidget
from django.utils import timezone

from stoptheharm.localactions.emails import edit_url
from stoptheharm.localactions.forms import STARTED_SALT, RegistrationForm, edit_form
from stoptheharm.localactions.models import ActionPhoto, ActionStatus, LocalAction
from stoptheharm.localactions.tests.factories import add_action, image_upload, past_day


def register_url(day) -> str:
    return f"/en/local-actions/{day.pk}/register/"


def form_data(**fields) -> dict:
    data = {
        "organisation_name": "Rede de Redução de Riscos",
        "title": "Vigil at the courthouse",
        "description": "Candles and speeches.",
        "kind": "vigil",
        "venue": "",
        "city": "Lisbon",
        "country": "PT",
        "location_0": "38.72226",  # latitude
        "location_1": "-9.13934",  # longitude
        "starts_at": "18:00",
        "ends_at": "20:00",
        "expected_participants": "40",
        "languages": "pt, en",
        "public_contact": "",
        "contact_name": "Ana Costa",
        "contact_email": "Ana@Example.org",
        "consent": "on",
        "started": signing.dumps(time.time() - 60, salt=STARTED_SALT),
    }
    return {name: value for name, value in (data | fields).items() if value is not None}


def texts(smtp_inbox) -> list[str]:
    bodies = []
    for _sender, _recipients, content in smtp_inbox.messages:
        text_part = message_from_bytes(content).get_payload()[0]
        bodies.append(text_part.get_payload(decode=True).decode())
    return bodies


def missing_inputs(html: str, form) -> list[str]:
    """The names of the form's inputs that the page does not show."""
    names = [
        field.html_name + suffix
        for field in form
        for suffix in (field.field.widget.widgets_names if isinstance(field.field.widget, MultiWidget) else [""])
    ]
    return [name for name in names if f'name="{name}"' not in html]


def link(text: str, path: str) -> str:
    return re.search(rf"http://[^/\s]+(/en/local-actions/{path}/[^\s]+/)", text).group(1)


@pytest.mark.django_db
def test_an_organiser_registers_confirms_and_edits_through_the_private_link(
    client, day, smtp_inbox, django_capture_on_commit_callbacks
):
    form_page = client.get(register_url(day))
    assert form_page.status_code == 200
    assert missing_inputs(form_page.content.decode(), RegistrationForm()) == []
    assert not form_page.cookies  # no cookie, not even a CSRF one

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(day), form_data())
    assert response["Location"] == f"/en/local-actions/{day.pk}/thank-you/"
    action = LocalAction.objects.get()
    assert action.status == ActionStatus.PENDING_CONFIRMATION
    assert action.contact_email == "ana@example.org"
    assert action.consents["processing"]["version"]
    assert (str(action.latitude), str(action.longitude)) == ("38.72226", "-9.13934")
    [(_sender, recipients, _content)] = smtp_inbox.messages
    assert recipients == ["ana@example.org"]
    [text] = texts(smtp_inbox)
    confirm, edit = link(text, "confirm"), link(text, "edit")

    assert "Confirm the action" in client.get(confirm).content.decode()
    action.refresh_from_db()
    assert action.status == ActionStatus.PENDING_CONFIRMATION  # a mail scanner's GET confirms nothing
    assert client.post(confirm).status_code == 200
    action.refresh_from_db()
    assert action.status == ActionStatus.AWAITING_MODERATION

    page = client.get(edit)
    assert page["Referrer-Policy"] == "no-referrer"
    assert "Vigil at the courthouse" in page.content.decode()
    assert missing_inputs(page.content.decode(), edit_form(action)) == []
    changed = client.post(edit, form_data(title="Vigil and concert", contact_email=None))
    assert changed["Location"] == edit + "?saved=changes"
    action.refresh_from_db()
    assert action.title == "Vigil and concert"
    assert action.contact_email == "ana@example.org"  # the address cannot be changed through the link


@pytest.mark.django_db
def test_bad_input_is_shown_beside_the_field_and_nothing_typed_is_lost(client, day):
    response = client.post(register_url(day), form_data(location_0="38.7", location_1="", ends_at="17:00", city=""))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Give both the latitude and the longitude, or neither." in content
    assert "The end must be after the start." in content
    assert 'value="Vigil at the courthouse"' in content
    assert "Candles and speeches." in content
    assert not LocalAction.objects.exists()


@pytest.mark.django_db
def test_hostile_text_is_stored_as_typed_and_rendered_inert(client, section, day):
    action = add_action(day, title='<script src="/x.js"></script>Vigil', description="<img src=x onerror=alert(1)>")

    content = client.get(day.url).content.decode()

    assert "&lt;script" in content and '<script src="/x.js">' not in content
    assert "<img src=x" not in content
    assert action.title.startswith("<script")


@pytest.mark.django_db
def test_invisible_characters_are_refused(client, day):
    response = client.post(register_url(day), form_data(title="Vigil\u202e"))
    assert "without control or invisible formatting characters" in response.content.decode()
    assert not LocalAction.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("trap", [{"homepage": "https://spam.example"}, {"started": ""}])
def test_software_sees_the_same_page_and_nothing_is_stored(client, day, trap, mailoutbox):
    response = client.post(register_url(day), form_data(**trap))
    assert response["Location"] == f"/en/local-actions/{day.pk}/thank-you/"
    assert not LocalAction.objects.exists()
    assert not mailoutbox


@pytest.mark.django_db
def test_over_the_limits_the_organiser_sees_the_same_page(client, day, settings, mailoutbox):
    settings.LOCAL_ACTION_LIMITS = settings.LOCAL_ACTION_LIMITS | {"per_email": 1}
    for title in ("First", "Second"):
        response = client.post(register_url(day), form_data(title=title))
        assert response["Location"] == f"/en/local-actions/{day.pk}/thank-you/"
    assert list(LocalAction.objects.values_list("title", flat=True)) == ["First"]


@pytest.mark.django_db
def test_a_form_sent_from_another_site_is_refused(client, day):
    response = client.post(register_url(day), form_data(), headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    assert not LocalAction.objects.exists()


@pytest.mark.django_db
def test_registration_closed_says_so(client, day):
    day.registration_closes_at = timezone.now() - timedelta(hours=1)
    day.save_revision().publish()

    assert "Registration for this day of action is closed." in client.get(register_url(day)).content.decode()
    response = client.post(register_url(day), form_data())
    assert "Registration for this day of action is closed." in response.content.decode()
    assert not LocalAction.objects.exists()


@pytest.mark.django_db
def test_an_altered_link_does_not_work(client, day):
    action = add_action(day)
    assert client.get("/en/local-actions/edit/1:nope:abc/").status_code == 404
    assert client.post("/en/local-actions/confirm/1:nope:abc/").status_code == 404
    action.refresh_from_db()
    assert action.status == ActionStatus.APPROVED


@pytest.mark.django_db
def test_the_organiser_adds_a_photo_through_the_private_link_and_a_bad_file_is_explained(client, section):
    action = add_action(past_day(parent=section))
    edit = edit_url(action).removeprefix("http://127.0.0.1:8000")
    not_a_photo = SimpleUploadedFile("vigil.jpg", b"<html>not an image</html>", content_type="image/jpeg")

    refused = client.post(edit + "photos/", {"image": not_a_photo, "alt_text": "Candles", "caption": "Evening"})
    assert refused.status_code == 400
    assert "This file is not a JPEG, PNG or WebP image." in refused.content.decode()
    assert 'value="Candles"' in refused.content.decode()  # nothing typed is lost
    assert not ActionPhoto.objects.exists()

    added = client.post(edit + "photos/", {"image": image_upload(), "alt_text": "Candles", "caption": ""})
    assert added["Location"] == edit + "?saved=photo"
    assert ActionPhoto.objects.get().action == action
    assert not added.cookies
