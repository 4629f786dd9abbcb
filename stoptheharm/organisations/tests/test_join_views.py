import re
import time
from email import message_from_bytes

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail, signing

from stoptheharm.organisations.forms import STARTED_SALT
from stoptheharm.organisations.models import ApplicationStatus, Organisation, OrganisationApplication
from stoptheharm.organisations.tests.factories import add_application, add_organisation

JOIN_URL = "/en/organisations/join/"
QUEUE_URL = "/admin/organisations/applications/moderate/"


def form_data(**fields) -> dict:
    data = {
        "name": "Association Élixir",
        "short_name": "ELX",
        "kind": "ngo",
        "scope": "national",
        "countries": ["FR"],
        "website": "https://elixir.example.org",
        "languages": "fr, en",
        "description": "Peer support for people who use drugs in Lyon.",
        "motivation": "We share the coalition's aims.",
        "contact_name": "Camille Martin",
        "contact_email": "camille@example.org",
        "consent": "on",
        "authorised": "on",
        "started": signing.dumps(time.time() - 60, salt=STARTED_SALT),  # shown a minute ago
    }
    return {name: value for name, value in (data | fields).items() if value is not None}


def decide_url(application) -> str:
    return f"/admin/organisations/applications/{application.pk}/decide/"


def text_and_html(content: bytes) -> tuple[str, str]:
    message = message_from_bytes(content)
    assert message.get_content_type() == "multipart/alternative"
    text, html = (part.get_payload(decode=True).decode() for part in message.get_payload())
    return text, html


@pytest.mark.django_db
def test_an_organisation_applies_confirms_is_approved_and_is_a_member_in_the_directory_and_on_the_about_page(
    client, admin_client, demo_site, smtp_inbox, django_capture_on_commit_callbacks
):
    members_before = Organisation.objects.filter(is_member=True).count()
    directory = client.get("/en/organisations/").content.decode()
    assert 'href="/en/organisations/join/"' in directory
    assert "Join the coalition" in client.get(JOIN_URL).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(JOIN_URL, form_data())
    assert response["Location"] == "/en/organisations/join/thank-you/"
    assert "Check your e-mail" in client.get(response["Location"]).content.decode()

    [(_sender, recipients, content)] = smtp_inbox.messages
    assert recipients == ["camille@example.org"]
    text, html = text_and_html(content)
    assert "<img" not in html  # no tracking pixel
    confirm_path = re.search(r"https?://[^/]+(/en/organisations/join/confirm/\S+)", text).group(1)
    assert confirm_path in html

    assert "Confirm the application" in client.get(confirm_path).content.decode()
    application = OrganisationApplication.objects.get()
    assert application.status == ApplicationStatus.PENDING_CONFIRMATION  # opening the link changed nothing
    assert "is confirmed" in client.post(confirm_path).content.decode()
    assert client.post(confirm_path).status_code == 200  # twice is harmless

    queue = admin_client.get(QUEUE_URL).content.decode()
    assert "Association Élixir" in queue and "camille@example.org" in queue
    with django_capture_on_commit_callbacks(execute=True):
        decided = admin_client.post(decide_url(application), {"decision": "approve"}, follow=True)
    assert "is now in the directory as a coalition member" in decided.content.decode()

    organisation = Organisation.objects.get(name="Association Élixir")
    assert organisation.is_member
    members = client.get("/en/organisations/?member=on").content.decode()
    assert "Association Élixir" in members
    assert "camille@example.org" not in members
    about = client.get("/en/about/").content.decode()
    assert f"{members_before + 1} organisations have joined the coalition." in about
    welcome_text, _html = text_and_html(smtp_inbox.messages[-1][2])
    assert "now a member of the Stop the Harm coalition" in welcome_text


@pytest.mark.django_db
def test_the_applicant_is_written_to_in_their_language(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(JOIN_URL.replace("/en/", "/fr/"), form_data())
    assert response["Location"] == "/fr/organisations/join/thank-you/"
    [message] = mail.outbox
    assert OrganisationApplication.objects.get().language == "fr"
    assert "Bonjour Camille Martin" in message.body
    assert "/fr/organisations/join/confirm/" in message.body


@pytest.mark.django_db
def test_a_new_and_an_already_listed_or_applied_organisation_see_the_same_page(client):
    first = client.post(JOIN_URL, form_data(), follow=True)
    add_organisation("Association Élixir", is_member=True)
    second = client.post(JOIN_URL, form_data(), follow=True)
    assert first.redirect_chain == second.redirect_chain
    assert first.content == second.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("name", "A" * 256, "at most 255 characters"),
        ("description", "A" * 501, "at most 500 characters"),
        ("motivation", "A" * 2001, "at most 2000 characters"),
        ("name", "<b>Élixir</b>", "without HTML"),
        ("motivation", "Because <script>alert(1)</script>", "without HTML"),
        ("name", "Élixir\u202eevil", "invisible formatting"),
        ("contact_name", "Camille\u200b", "invisible formatting"),
        ("website", "not a website", "Enter a valid URL"),
        ("countries", ["XX"], "Select a valid choice"),
        ("languages", "French", "language codes"),
        ("contact_email", "not-an-address", "valid email address"),
        ("consent", None, "only be handled with your agreement"),
        ("authorised", None, "Only someone who may speak for the organisation"),
        ("motivation", None, "This field is required"),
    ],
)
def test_bad_input_is_explained_beside_the_field_and_what_was_typed_is_kept(client, field, value, error):
    response = client.post(JOIN_URL, form_data(**{field: value}))
    assert response.status_code == 200
    content = response.content.decode()
    match = re.search(rf'<p class="form__error" id="id_{field}_error">([^<]*)</p>', content)
    assert match and error in match.group(1).replace("&#x27;", "'")
    assert 'value="Camille Martin"' in content or field == "contact_name"
    assert "We share the coalition" in content or field == "motivation"
    assert not OrganisationApplication.objects.exists()


@pytest.mark.django_db
def test_multiline_fields_accept_line_breaks(client):
    client.post(JOIN_URL, form_data(motivation="First line.\r\nSecond line."))
    assert OrganisationApplication.objects.get().motivation == "First line.\r\nSecond line."


@pytest.mark.django_db
@pytest.mark.parametrize("trap", ["honeypot", "no stamp", "too fast"])
def test_software_is_shown_the_same_page_and_nothing_is_stored(client, trap):
    data = form_data()
    if trap == "honeypot":
        data["phone"] = "+1 555 0100"
    elif trap == "no stamp":
        del data["started"]
    else:
        data["started"] = signing.dumps(time.time(), salt=STARTED_SALT)
    response = client.post(JOIN_URL, data)
    assert response["Location"] == "/en/organisations/join/thank-you/"
    assert not OrganisationApplication.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_cross_site_post_is_refused_without_needing_a_cookie(client):
    response = client.post(JOIN_URL, form_data(), headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    assert not OrganisationApplication.objects.exists()
    assert not client.get(JOIN_URL).cookies  # the form sets no cookie


@pytest.mark.django_db
def test_a_bad_confirmation_link_says_so_and_changes_nothing(client):
    application = add_application(status=ApplicationStatus.PENDING_CONFIRMATION)
    response = client.post("/en/organisations/join/confirm/1:nonsense:signature/")
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING_CONFIRMATION


@pytest.mark.django_db
def test_the_queue_shows_duplicate_candidates_with_reason_and_score(admin_client):
    add_organisation("Association Elixir Inc.")
    add_organisation("Association Elixirs")
    add_application()
    content = admin_client.get(QUEUE_URL).content.decode()
    assert re.search(r"Association Elixir Inc\.</td>\s*<td>Same name</td>\s*<td>1\.00</td>", content)
    assert re.search(r"Association Elixirs</td>\s*<td>Similar name</td>\s*<td>0\.97</td>", content)


@pytest.mark.django_db
def test_a_moderator_approves_as_an_existing_entry_or_rejects_with_a_reason(admin_client):
    existing = add_organisation("Association Elixir Inc.")
    merged = add_application()
    response = admin_client.post(decide_url(merged), {"decision": "merge", "organisation": existing.pk}, follow=True)
    assert "was merged into the directory entry" in response.content.decode()
    existing.refresh_from_db()
    assert existing.is_member and Organisation.objects.count() == 1

    rejected = add_application(name="Other", contact_email="other@example.org")
    response = admin_client.post(decide_url(rejected), {"decision": "reject", "reason": ""}, follow=True)
    assert "Give the reason" in response.content.decode()
    admin_client.post(decide_url(rejected), {"decision": "reject", "reason": "Out of scope."})
    rejected.refresh_from_db()
    assert (rejected.status, rejected.rejection_reason) == (ApplicationStatus.REJECTED, "Out of scope.")
    again = admin_client.post(decide_url(rejected), {"decision": "approve"}, follow=True)
    assert "no longer awaiting a decision" in again.content.decode()


@pytest.mark.django_db
def test_only_staff_with_the_moderation_permission_see_the_queue_or_decide(client, django_user_model):
    application = add_application()
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "password")
    editors = Group.objects.create(name="Staff without moderation")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(editors)
    client.force_login(editor)
    refused = (302, "/admin/")  # Wagtail: back to the dashboard with a refusal
    response = client.get(QUEUE_URL)
    assert (response.status_code, response["Location"]) == refused
    response = client.post(decide_url(application), {"decision": "approve"})
    assert (response.status_code, response["Location"]) == refused
    assert "Applications to moderate" not in client.get("/admin/").content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.AWAITING_MODERATION

    editors.permissions.add(Permission.objects.get(codename="moderate_applications"))
    editor = django_user_model.objects.get(pk=editor.pk)  # permissions are cached on the user
    client.force_login(editor)
    assert client.get(QUEUE_URL).status_code == 200
    assert "Applications to moderate" in client.get("/admin/").content.decode()
    client.post(decide_url(application), {"decision": "approve"})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED


@pytest.mark.django_db
def test_the_contact_is_in_no_public_page_or_api(client, admin_client):
    application = add_application()
    admin_client.post(decide_url(application), {"decision": "approve"})
    organisation = Organisation.objects.get(name="Association Élixir")
    for url in ["/en/organisations/", organisation.get_absolute_url(), "/api/v1/organisations/"]:
        content = client.get(url).content.decode()
        assert "Association \u00c9lixir" in content or "Association Élixir" in content
        assert "camille@example.org" not in content
        assert "Camille Martin" not in content


@pytest.mark.django_db
def test_a_merge_the_directory_entry_cannot_take_is_explained_and_nothing_changes(admin_client):
    existing = add_organisation("Association Elixir Inc.")
    Organisation.objects.filter(pk=existing.pk).update(languages="not codes")  # stored before a rule existed
    application = add_application()
    response = admin_client.post(
        decide_url(application), {"decision": "merge", "organisation": existing.pk}, follow=True
    )
    assert "language codes" in response.content.decode().replace("&#x27;", "'")
    application.refresh_from_db()
    existing.refresh_from_db()
    assert application.status == ApplicationStatus.AWAITING_MODERATION and not existing.is_member


@pytest.mark.django_db
def test_over_the_limits_the_applicant_sees_the_same_page_and_nothing_is_sent(client, settings):
    settings.ORGANISATION_APPLICATION_LIMITS = settings.ORGANISATION_APPLICATION_LIMITS | {"per_ip": 1}
    first = client.post(JOIN_URL, form_data(), follow=True)
    second = client.post(JOIN_URL, form_data(name="Another", contact_email="other@example.org"), follow=True)
    assert first.content == second.content
    assert list(OrganisationApplication.objects.values_list("name", flat=True)) == ["Association Élixir"]


@pytest.mark.django_db
def test_staff_look_up_applications_read_only_without_secrets(admin_client):
    application = add_application(ip_hash="f" * 64)
    listing = admin_client.get("/admin/organisation_applications/").content.decode()
    assert "Association Élixir" in listing
    inspect = admin_client.get(f"/admin/organisation_applications/inspect/{application.pk}/").content.decode()
    assert "camille@example.org" in inspect
    assert application.secret not in inspect and "f" * 64 not in inspect
    assert admin_client.get(f"/admin/organisation_applications/edit/{application.pk}/").status_code in {302, 403}
